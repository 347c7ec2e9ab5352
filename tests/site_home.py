"""The home page most tests start from, shared by the `home` fixture (tests/conftest.py) and the
permission tests' world (tests/unit/hub/permission_world.py)."""

from wagtail.models import Page, Site

from home.factories import HomePageFactory
from hub.factories import CouncilSettingsFactory


def make_home():
    """A fresh home page at the root of the default site (served as testserver), with council
    settings; Wagtail's welcome page is removed."""
    home = HomePageFactory(
        parent=Page.get_first_root_node(), title="SEND support", slug="send-support"
    )
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    old_root.delete()
    CouncilSettingsFactory(site=site)
    return home


def restore_root_and_site() -> None:
    """A transactional test empties every table afterwards, including the root page and the
    default site that Wagtail's migrations made; put them back before `home` needs them."""
    from wagtail.models import Locale

    locale, _ = Locale.objects.get_or_create(language_code="en-gb")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=locale)
    if not Site.objects.filter(is_default_site=True).exists():
        welcome = root.add_child(title="Welcome", slug="welcome", locale=locale)
        Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
