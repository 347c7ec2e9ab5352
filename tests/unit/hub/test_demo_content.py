"""The demo-content command builds the whole demo site from the seeds, and running it again
changes nothing."""

from io import StringIO

import polib
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, Revision, Site

from home.models import EasyReadPage, HomePage, InformationPage
from hub.demo_content import translated_pages
from hub.demo_content.translated_pages import TranslationFileError, translate_demo_pages
from hub.models import CouncilSettings
from outcomes.models import Ambition, AmbitionPage

pytestmark = pytest.mark.django_db

EXPECTED_PATHS = [
    "/",
    "/send-strategy/",
    "/send-strategy/improving-the-lived-experience-of-children-and-families/",
    "/send-strategy/access-to-the-right-support-at-the-right-time-in-the-right-place/",
    "/send-strategy/achieving-the-best-outcomes-through-inclusion-and-participation/",
    "/send-strategy/working-together-with-children-and-young-people-with-send-and-their-families/",
    "/send-strategy/preparing-for-a-successful-future-at-the-earliest-opportunity/",
    *(
        f"/send-strategy/{ambition}/easy-read/"
        for ambition in (
            "improving-the-lived-experience-of-children-and-families",
            "access-to-the-right-support-at-the-right-time-in-the-right-place",
            "achieving-the-best-outcomes-through-inclusion-and-participation",
            "working-together-with-children-and-young-people-with-send-and-their-families",
            "preparing-for-a-successful-future-at-the-earliest-opportunity",
        )
    ),
    "/guides-for-families/",
    "/guides-for-families/ehc-needs-assessment/",
    "/guides-for-families/communities-of-schools/",
    "/guides-for-families/communities-of-schools/easy-read/",
    "/young-people/",
    "/schools-and-professionals/",
    "/schools-and-professionals/communities-of-schools-for-schools/",
    "/improvement-plan/",
    "/accessibility-statement/",
    "/privacy/",
    "/cookies/",
    "/contact/",
    # Added by the apps' own demo data (local_offer, schools, consultations, you_said_we_did).
    "/find-support/",
    "/find-a-school/",
    "/have-your-say/",
    "/have-your-say/draft-send-strategy/",
    "/have-your-say/young-people-have-your-say/",
    "/you-said-we-did/",
    "/you-said-we-did/shorter-waits-and-news-while-you-wait/",
    "/you-said-we-did/clearer-information-about-support/",
    "/you-said-we-did/training-school-staff-in-inclusive-teaching/",
    "/you-said-we-did/more-ways-to-have-your-say/",
    "/you-said-we-did/preparing-for-adulthood-from-year-9/",
    "/you-said-we-did/safer-journeys-to-school/",
]


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def _demo_database(django_db_setup, django_db_blocker):
    """Build the demo site once for the module, inside a transaction rolled back at the end.

    Each test still runs in its own (nested) transaction, so tests that change pages do not
    affect each other; building once keeps the module fast.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # wagtail-localize publishes translations when the transaction commits, which this
            # one never does: run those callbacks as if it had.
            with TestCase.captureOnCommitCallbacks(execute=True):
                output = load()
            yield output
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_site(_demo_database, db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_output(_demo_database, db):
    """What load_demo_content printed when it built the demo site."""
    return _demo_database


def page_at(site, path):
    return Page.objects.get(url_path=site.root_page.url_path + path.lstrip("/")).specific


def test_running_twice_creates_nothing_new(demo_site):
    pages, revisions, ambitions = (
        Page.objects.count(),
        Revision.objects.count(),
        Ambition.objects.count(),
    )
    output = load()
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions, "unchanged pages must not get new revisions"
    assert Ambition.objects.count() == ambitions == 5
    from hub.demo_content import PAGES

    assert f"Demo pages: pages unchanged: {len(PAGES)}." in output


def test_a_changed_page_is_put_back_with_one_new_revision(demo_site):
    page = page_at(demo_site, "/cookies/")
    page.title = "Edited by someone"
    page.save_revision().publish()
    revisions = Revision.objects.count()
    output = load()
    page.refresh_from_db()
    assert page.title == "Cookies"
    assert Revision.objects.count() == revisions + 1
    assert "pages updated: 1." in output


def test_every_page_exists_is_live_and_renders(client, demo_site):
    assert isinstance(demo_site.root_page.specific, HomePage)
    assert (demo_site.hostname, demo_site.port) == ("localhost", 80)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    english = Page.objects.filter(depth__gt=1, locale=Locale.get_default())
    assert english.count() == len(EXPECTED_PATHS)
    for path in EXPECTED_PATHS:
        page = page_at(demo_site, path)
        assert page.live, path
        assert page.summary, f"{path} has no summary"
        assert page.locale == Locale.get_default()
        response = client.get(path, HTTP_HOST="localhost")
        assert response.status_code == 200, path


def test_top_level_sections_are_in_the_menu_and_site_pages_are_not(demo_site):
    menu = {p.slug for p in demo_site.root_page.get_children().filter(show_in_menus=True)}
    assert menu == {
        "find-support",
        "send-strategy",
        "guides-for-families",
        "young-people",
        "schools-and-professionals",
        "have-your-say",
        "you-said-we-did",
    }
    first = demo_site.root_page.get_children().filter(show_in_menus=True).first()
    assert first.slug == "find-support", "Finding support comes first in the navigation"


def test_ehc_guide_has_a_step_by_step_with_the_statutory_timings(demo_site):
    page = page_at(demo_site, "/guides-for-families/ehc-needs-assessment/")
    [steps] = [block.value for block in page.body if block.block_type == "step_by_step"]
    timings = [step["timing"] for step in steps["steps"]]
    assert "Within 6 weeks" in timings
    assert "By the end of week 16" in timings
    assert "15 days" in timings
    assert "Within 20 weeks of your request" in timings
    warnings = [b.value["text"] for b in page.body if b.block_type == "warning_text"]
    assert any("20 weeks" in text for text in warnings)
    text = " ".join(str(block.render()) for block in page.body)
    for fact in ("mediation", "SEND Tribunal", "IASK", "16 to 25", "does not need an EHC plan"):
        assert fact in text, fact


def test_five_ambition_pages_have_all_six_sections(demo_site):
    pages = (
        AmbitionPage.objects.live().filter(locale=Locale.get_default()).order_by("ambition__number")
    )
    assert [p.ambition.number for p in pages] == [1, 2, 3, 4, 5]
    for page in pages:
        for heading, value in page.sections():
            assert strip_tags(value).strip(), f"{page.title}: {heading} is empty"
        assert page.ambition.easy_read_summary
        assert page.get_parent().slug == "send-strategy"


def test_easy_read_pages_and_standard_pages_link_both_ways(demo_site):
    easy_read = EasyReadPage.objects.filter(locale=Locale.get_default())
    # The Communities of Schools guide and the five ambitions.
    assert easy_read.count() == 6
    for easy in easy_read:
        standard = easy.get_parent().specific
        assert easy.standard_page_id == standard.pk
        assert standard.get_easy_read_version().pk == easy.pk
        rows = [b for b in easy.body if b.block_type == "row"]
        assert 6 <= len(rows) <= 14, easy.url_path
        for row in rows:
            text = strip_tags(row.value["text"].source.replace("</p>", "\n"))
            for sentence in text.splitlines():
                assert len(sentence.split()) <= 15, sentence


def test_ambition_easy_read_pages_use_plain_sentences_and_everyday_words(demo_site):
    from hub.easy_read_checks import sentences

    easy_read = EasyReadPage.objects.filter(
        locale=Locale.get_default(), url_path__contains="/send-strategy/"
    )
    assert easy_read.count() == 5
    for easy in easy_read:
        # The summary (shown in lists and search results) is one plain sentence, not a fragment.
        assert sentences(easy.summary) == [easy.summary], easy.summary
        assert len(easy.summary.split()) <= 15, easy.summary
        assert not easy.summary.endswith("Easy read."), easy.summary
        text = " ".join(strip_tags(row.value["text"].source) for row in easy.body).lower()
        for hard in ("joined up", "joined-up", "early years", "workshop"):
            assert hard not in text, f"{easy.url_path}: {hard}"


def test_council_settings_point_at_the_site_pages(demo_site):
    settings = CouncilSettings.for_site(demo_site)
    assert settings.council_name == "Kent County Council"
    assert settings.phone == "03000 41 41 41"
    assert "TN24 8UX" in settings.postal_address
    assert settings.accessibility_page.slug == "accessibility-statement"
    assert settings.privacy_page.slug == "privacy"
    assert settings.cookies_page.slug == "cookies"
    assert settings.contact_page.slug == "contact"


def test_accessibility_statement_names_the_standard_and_enforcement(demo_site):
    page = page_at(demo_site, "/accessibility-statement/")
    text = " ".join(str(block.render()) for block in page.body)
    for fact in ("WCAG", "2.2", "Equality and Human Rights Commission", "EASS"):
        assert fact in text


def test_no_officer_names_from_the_committee_report(demo_site):
    text = " ".join(
        str(block.render()) for page in InformationPage.objects.all() for block in page.body
    )
    for name in ("McInnes", "Chapman", "Edkins"):
        assert name not in text


def test_every_language_has_the_whole_tree_and_says_what_is_not_translated(client, demo_site):
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert Page.objects.filter(depth__gt=1, locale=locale).count() == len(EXPECTED_PATHS)

    response = client.get("/ur/guides-for-families/ehc-needs-assessment/", HTTP_HOST="localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ur" dir="rtl"' in html
    assert "govuk-notification-banner" in html  # "not translated yet"


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_demo_pages_translated_from_po_files(client, demo_site, language):
    """The home page, the Communities of Schools guide and its easy-read version and the young
    people's questionnaire are real translations, not aliases with a notice."""
    locale = Locale.objects.get(language_code=language)
    paths = {
        "/": "SEND support in Kent",
        "/guides-for-families/communities-of-schools/": "Communities of Schools",
        "/guides-for-families/communities-of-schools/easy-read/": "Communities of Schools",
        "/have-your-say/young-people-have-your-say/": "Young people",
    }
    for path, english_title in paths.items():
        english = page_at(demo_site, path)
        translated = english.get_translation(locale).specific
        assert translated.alias_of_id is None and translated.live, path
        assert english_title not in translated.title, path
        html = client.get(translated.url, HTTP_HOST="localhost").content.decode()
        assert translated.title in html
        assert "govuk-notification-banner" not in html, path
    # The translated guide links to its translated easy-read version, and back.
    guide = page_at(demo_site, "/guides-for-families/communities-of-schools/")
    html = client.get(guide.get_translation(locale).url, HTTP_HOST="localhost").content.decode()
    assert f'href="/{language}/guides-for-families/communities-of-schools/easy-read/"' in html


@pytest.mark.parametrize(
    ("language", "council", "service"),
    [
        ("pl", "Rada Hrabstwa Kent", "Centrum informacji SEND"),
        ("ur", "کینٹ کاؤنٹی کونسل", "SEND معلوماتی مرکز"),
    ],
)
def test_the_council_text_is_translated_too(client, demo_site, language, council, service):
    html = client.get(f"/{language}/have-your-say/", HTTP_HOST="localhost").content.decode()
    assert f"{service} – {council}</title>" in html
    assert f'<span class="hub-header__service-name">{service}</span>' in html
    # A language without a translation shows the English words, marked as English.
    html = client.get("/ro/have-your-say/", HTTP_HOST="localhost").content.decode()
    assert '<span class="hub-header__service-name" lang="en-gb">SEND Information Hub</span>' in html


def test_the_demo_translations_miss_no_strings(demo_output):
    """Every text of each translated page is in its PO file: none is left in English."""
    assert (
        "Demo pages and council text translated from hub/demo_content/po/ (pl: 5, ur: 5)."
        in demo_output
    )
    assert "has no translation for" not in demo_output


def po_file(po_dir, language, key, entries) -> None:
    po = polib.POFile()
    for msgid, msgstr in entries.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    (po_dir / language).mkdir(parents=True, exist_ok=True)
    po.save(str(po_dir / language / f"{key}.po"))


def test_a_po_file_whose_page_is_missing_is_an_error(demo_site, tmp_path, monkeypatch):
    """Not skipped without a word: the translation would silently disappear from the demo."""
    monkeypatch.setitem(translated_pages.PAGES, "moved", "guides-for-families/moved-away/")
    po_file(tmp_path, "pl", "moved", {"Moved": "Przeniesiono"})
    with pytest.raises(TranslationFileError, match=r"pl/moved\.po: there is no page at"):
        translate_demo_pages(demo_site.root_page, tmp_path)

    (tmp_path / "pl" / "moved.po").unlink()
    po_file(tmp_path, "pl", "unknown", {"Unknown": "Nieznany"})
    with pytest.raises(TranslationFileError, match=r"pl/unknown\.po: 'unknown' is not one of"):
        translate_demo_pages(demo_site.root_page, tmp_path)


def test_texts_a_po_file_misses_are_reported(
    demo_site, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    page = page_at(demo_site, "/guides-for-families/ehc-needs-assessment/")
    monkeypatch.setitem(translated_pages.PAGES, "ehc", "guides-for-families/ehc-needs-assessment/")
    po_file(tmp_path, "pl", "ehc", {page.title: "Ocena potrzeb EHC"})
    with django_capture_on_commit_callbacks(execute=True):
        result = translate_demo_pages(demo_site.root_page, tmp_path)
    assert result.counts == {"pl": 1}
    [(name, missing)] = result.missing.items()
    assert name == str(tmp_path / "pl" / "ehc.po")
    assert page.title not in missing
    assert page.summary in missing


def test_the_command_warns_of_texts_left_in_english(demo_site, monkeypatch):
    from hub.management.commands import load_demo_content

    def with_a_gap(root):
        result = translate_demo_pages(root)
        result.missing["hub/demo_content/po/pl/home.po"] = ["Find support", "Have your say"]
        return result

    monkeypatch.setattr(load_demo_content, "translate_demo_pages", with_a_gap)
    # The pages and the apps' data are built already; building them again would only be slow.
    monkeypatch.setattr(load_demo_content, "build", dict)
    monkeypatch.setattr(load_demo_content, "app_demo_loaders", list)
    output = load()
    assert (
        "hub/demo_content/po/pl/home.po has no translation for 2 of the page's texts, shown in "
        "English on the translated page:\n  Find support\n  Have your say"
    ) in output


def test_the_search_index_is_rebuilt_so_a_new_demo_site_can_be_searched(client, demo_output):
    """`make run` starts no task worker to run the queued index updates."""
    assert "Search index rebuilt (update_index)." in demo_output
    response = client.get("/search/", {"q": "Communities of Schools"}, HTTP_HOST="localhost")
    assert "/guides-for-families/communities-of-schools/" in response.content.decode()


def test_make_run_leaves_an_existing_site_alone(demo_site):
    page = page_at(demo_site, "/cookies/")
    page.title = "Edited by someone"
    page.save_revision().publish()
    out = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    page.refresh_from_db()
    assert page.title == "Edited by someone"
    assert "leaving it as it is" in out.getvalue()


def test_pages_tell_search_engines_about_every_language(client, demo_site):
    from bs4 import BeautifulSoup
    from django.conf import settings

    response = client.get("/send-strategy/", HTTP_HOST="localhost")
    html = BeautifulSoup(response.content, "html.parser")
    alternates = {
        link["hreflang"]: link["href"] for link in html.select("head link[rel=alternate]")
    }
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert set(alternates) == {*codes, "x-default"}
    assert alternates["ur"] == "http://localhost/ur/send-strategy/"
    assert alternates["x-default"] == alternates["en-gb"] == "http://localhost/send-strategy/"
    switcher = html.select(".govuk-language-navigation [lang]")
    assert [item["lang"] for item in switcher] == codes
