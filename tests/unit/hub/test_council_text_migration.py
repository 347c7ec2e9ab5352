"""Migration hub 0002 moves each site's council name, service name and opening hours out of the
settings row into a CouncilText in the default language, and back when reversed."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("hub", "0001_initial")
AFTER = ("hub", "0002_council_text")
WORDS = {
    "council_name": "Kent County Council",
    "service_name": "SEND Information Hub",
    "opening_hours": "Monday to Friday, 9am to 5pm",
}


def test_the_words_move_into_council_text_and_back(migrator):
    apps = migrator.migrate(BEFORE)
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _ = Locale.objects.get_or_create(language_code="en-gb")
    # A site of its own: a transactional test may run after another has emptied the tables.
    page_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    root = apps.get_model("wagtailcore", "Page").objects.create(
        title="Migration root",
        draft_title="Migration root",
        slug="migration-root",
        path="ZZZY",
        depth=1,
        url_path="/migration-root/",
        content_type=page_type,
        locale=locale,
    )
    site = Site.objects.create(hostname="migration.test", port=80, root_page=root)
    settings = apps.get_model("hub", "CouncilSettings").objects.create(
        site=site, phone="03000 41 41 41", **WORDS
    )

    apps = migrator.migrate(AFTER)
    moved = apps.get_model("hub", "CouncilSettings").objects.get(pk=settings.pk)
    assert moved.phone == "03000 41 41 41"
    assert {name: getattr(moved.text, name) for name in WORDS} == WORDS
    assert moved.text.locale.language_code == "en-gb"

    apps = migrator.migrate(BEFORE)
    back = apps.get_model("hub", "CouncilSettings").objects.get(pk=settings.pk)
    assert {name: getattr(back, name) for name in WORDS} == WORDS
