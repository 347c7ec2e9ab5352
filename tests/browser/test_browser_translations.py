"""The demo's human translations in a real browser (issue 8): Polish and Urdu copies of the home
page, the Communities of Schools guide and its easy-read version and the young people's
questionnaire have the right language and direction, a switcher and hreflang alternates that
name this page in every language, a mirrored layout for Urdu, and no axe-core violations."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TRANSLATED = {
    "home": "",
    "guide": "guides-for-families/communities-of-schools/",
    "easy-read": "guides-for-families/communities-of-schools/easy-read/",
    "questionnaire": "have-your-say/young-people-have-your-say/",
    "questionnaire-step": "have-your-say/young-people-have-your-say/answer/step-1/",
}
LANGUAGES = {"pl": "ltr", "ur": "rtl"}

translated = pytest.mark.parametrize("path", list(TRANSLATED.values()), ids=list(TRANSLATED))
languages = pytest.mark.parametrize("language", list(LANGUAGES))


def go(page, url):
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    return response


@languages
@translated
def test_translated_page_language_direction_and_axe(
    page, demo_server, axe, screenshot, language, path
):
    go(page, f"/{language}/{path}")
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == LANGUAGES[language]
    # A real translation: no "not translated yet" notice.
    assert page.locator("#untranslated-title").count() == 0
    axe.assert_no_violations(page)
    screenshot(page, f"translated-{language}-{path.strip('/').replace('/', '-') or 'home'}")


@languages
def test_switcher_and_hreflang_name_this_page_in_every_language(page, demo_server, language):
    path = TRANSLATED["guide"]
    go(page, f"/{language}/{path}")
    alternates = page.eval_on_selector_all(
        "link[rel=alternate][hreflang]",
        "links => links.map(l => [l.getAttribute('hreflang'), new URL(l.href).pathname])",
    )
    by_language = dict(alternates)
    assert by_language["en-gb"] == f"/{path}"
    assert by_language["pl"] == f"/pl/{path}" and by_language["ur"] == f"/ur/{path}"
    assert by_language.get("x-default") == f"/{path}"

    # Each language in the switcher is named in itself and marked with its own lang.
    english = page.locator("a[lang='en-gb'][hreflang='en-gb']")
    assert english.count() == 1 and english.inner_text().strip() == "English"
    other = "ur" if language == "pl" else "pl"
    link = page.locator(f"a[lang='{other}'][hreflang='{other}']")
    assert link.get_attribute("href") == f"/{other}/{path}"


def test_urdu_layout_is_mirrored(page, demo_server):
    """Right to left: the main heading starts at the right edge and the back link and
    breadcrumbs run from the right."""
    go(page, f"/ur/{TRANSLATED['guide']}")
    box = page.locator("main h1").bounding_box()
    main = page.locator("main").bounding_box()
    right_gap = main["x"] + main["width"] - (box["x"] + box["width"])
    left_gap = box["x"] - main["x"]
    assert right_gap < left_gap, (left_gap, right_gap)
    direction = page.locator(".govuk-breadcrumbs__list").evaluate(
        "element => getComputedStyle(element).direction"
    )
    assert direction == "rtl"


def test_questionnaire_in_urdu_by_keyboard(page, demo_server):
    """A young person answers the first step in Urdu with the keyboard alone."""
    # The journey starts at answer/, which sets up the visitor's answers and goes to step 1.
    go(page, f"/ur/{TRANSLATED['questionnaire']}answer/")
    assert page.url.endswith(TRANSLATED["questionnaire-step"])
    assert page.locator("h1").inner_text().strip() == "آپ کے بارے میں"
    first = page.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.locator("main button.govuk-button:not(.govuk-button--secondary)").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".govuk-error-summary").count() == 0
    assert "/ur/have-your-say/young-people-have-your-say/answer/step-2/" in page.url
