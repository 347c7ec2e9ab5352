"""The factories tests and the demo-content command share make valid, publishable objects."""

import pytest
from wagtail.models import Locale, Page

from home.factories import (
    EasyReadPageFactory,
    HomePageFactory,
    IndexPageFactory,
    InformationPageFactory,
)
from hub.factories import AccessibleImageFactory, CouncilSettingsFactory
from outcomes.factories import AmbitionFactory, AmbitionPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_factory_puts_a_home_page_under_the_root():
    home = HomePageFactory()
    assert home.get_parent().pk == Page.get_first_root_node().pk
    home.full_clean()


def test_information_page_factory_takes_a_parent_and_title(home):
    page = InformationPageFactory(parent=home, title="Transport to school")
    assert page.get_parent().pk == home.pk
    assert page.slug == "transport-to-school"
    assert page.live and page.summary
    assert [b.block_type for b in page.body] == ["paragraph"]
    page.full_clean()
    page.save_revision().publish()


def test_information_page_factory_accepts_a_raw_stream_body(home):
    page = InformationPageFactory(
        parent=home, body=[{"type": "heading", "value": {"text": "Who can ask", "level": "h2"}}]
    )
    page.refresh_from_db()
    assert page.contents() == [{"text": "Who can ask", "anchor": "who-can-ask"}]


def test_easy_read_and_index_factories(home):
    index = IndexPageFactory(parent=home)
    standard = InformationPageFactory(parent=index)
    easy = EasyReadPageFactory(parent=standard, standard_page=standard)
    assert standard.get_easy_read_version().pk == easy.pk
    assert [b.block_type for b in easy.body] == ["row"]
    assert index.intro


def test_ambition_factories_use_the_default_locale(home):
    page = AmbitionPageFactory(parent=home)
    assert page.ambition.locale == Locale.get_default()
    assert page.title == page.ambition.title
    second = AmbitionFactory()
    assert second.number != page.ambition.number


def test_image_factory_has_alt_text_and_a_file():
    image = AccessibleImageFactory()
    assert image.alt_text
    assert image.file.name
    assert image.collection.is_root()


def test_council_settings_factory_is_one_per_site(home):
    settings = CouncilSettingsFactory(site=home.get_site())
    assert CouncilSettingsFactory(site=home.get_site()).pk == settings.pk
    settings.full_clean()
