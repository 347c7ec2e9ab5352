"""Factories for the editorial page types, shared by tests and the demo-content command.

Use them with a parent, as Wagtail pages live in a tree:
``InformationPageFactory(parent=home, title="Transport to school")``. Without a parent a page is
put under the default site's home page (or the tree root for a home page), never made a new root.
"""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import EasyReadPage, HomePage, IndexPage, InformationPage


def default_site_root() -> Page:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else Page.get_first_root_node()


def paragraph_body(text: str) -> list[dict]:
    """A one-paragraph StreamField body in Wagtail's raw JSON form."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class BasePageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(default_site_root)
    summary = factory.LazyAttribute(lambda o: f"What you need to know about {o.title.lower()}.")

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "SEND support"
    slug = factory.Sequence(lambda n: f"home-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    intro = "Information, advice and support for children and young people with SEND."

    class Meta:
        model = HomePage


class InformationPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Information page {n}")
    body = factory.LazyAttribute(lambda o: paragraph_body(f"This page is about {o.title}."))

    class Meta:
        model = InformationPage


class EasyReadPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Easy read page {n}")
    standard_page = None
    body = factory.LazyFunction(
        lambda: [{"type": "row", "value": {"image": None, "text": "<p>This is easy read.</p>"}}]
    )

    class Meta:
        model = EasyReadPage


class IndexPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    intro = factory.LazyAttribute(lambda o: f"Pages about {o.title.lower()}.")

    class Meta:
        model = IndexPage
