"""The demo consultation in a real browser: answered by keyboard with JavaScript off, and every
state of the questionnaire checked with axe-core, in English and in Urdu (right to left)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def consultation_url(demo_pages, language="en"):
    url = demo_pages.english["consultation"].url
    return f"/ur{url}" if language == "ur" else url


def press(page, locator):
    locator.focus()
    page.keyboard.press("Space")


def go_on(page):
    page.get_by_role("button", name="Continue", exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def answer_everything(page):
    """The draft strategy questionnaire: about you, five ambitions, getting involved, and how
    happy the family is with its support (the satisfaction measure)."""
    press(page, page.get_by_label("A parent or carer", exact=True))
    press(page, page.get_by_label("Maidstone", exact=True))
    go_on(page)
    for ambition in range(1, 6):
        # Steps 2 to 6 are the five ambitions. (Checked by address: the caption is in the
        # visitor's language, so an Urdu run would not say "Step".)
        assert page.url.endswith(f"/answer/step-{ambition + 1}/"), page.url
        press(page, page.get_by_label("Agree", exact=True))
        go_on(page)
    press(page, page.get_by_label("Online surveys like this one"))
    go_on(page)
    press(page, page.get_by_label("Happy", exact=True))
    go_on(page)


def test_complete_the_questionnaire_by_keyboard_without_javascript(page_without_js, demo_pages):
    page = page_without_js
    page.goto(consultation_url(demo_pages))
    page.get_by_role("button", name="Start now").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/answer/step-1/")
    assert "Step 1 of 8" in page.locator(".govuk-caption-l").inner_text()
    answer_everything(page)
    assert page.url.endswith("/answer/check/")
    assert page.locator("h1").inner_text() == "Check your answers"
    assert "Maidstone" in page.locator(".govuk-summary-list").inner_text()
    page.get_by_role("button", name="Send my answers").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/confirmation/")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    assert reference.startswith("R-")


def test_error_summary_links_to_the_question(page_without_js, demo_pages):
    page = page_without_js
    page.goto(consultation_url(demo_pages) + "answer/")
    go_on(page)
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert summary.locator("a").first.get_attribute("href") == "#id_step-1-who_0"


@pytest.mark.parametrize("language", ["en", "ur"])
def test_every_state_has_no_axe_violations(page, demo_pages, axe, language):
    base = consultation_url(demo_pages, language)
    page.goto(base)
    axe.assert_no_violations(page)
    page.goto(base + "answer/")
    assert page.url.endswith("/answer/step-1/")
    axe.assert_no_violations(page)
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_selector(".govuk-error-summary")
    axe.assert_no_violations(page)
    answer_everything(page)
    assert page.url.endswith("/answer/check/")
    axe.assert_no_violations(page)
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url("**/confirmation/")
    axe.assert_no_violations(page)
    if language == "ur":
        assert page.evaluate("document.documentElement.dir") == "rtl"


def test_easy_read_version_and_print_copy_are_accessible(page, demo_pages, axe):
    base = consultation_url(demo_pages)
    page.goto(base + "answer/?version=easy-read")
    assert page.locator(".hub-easy-read").count() == 1
    axe.assert_no_violations(page)
    page.goto(base + "print/?version=easy-read")
    assert (
        "Post" in page.locator("main").inner_text() or "post" in page.locator("main").inner_text()
    )
    axe.assert_no_violations(page)


def test_faces_scale_has_words_and_passes_axe(page, demo_pages, axe):
    from urllib.parse import urlparse

    base = consultation_url(demo_pages).replace("draft-send-strategy", "young-people-have-your-say")
    page.goto(base + "answer/?version=easy-read")
    press(page, page.get_by_label("Me, a young person"))
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url("**/step-2/")
    assert page.get_by_label("Very happy").count() == 1
    assert "Question 2 of 5" in page.locator(".govuk-caption-l").inner_text()
    axe.assert_no_violations(page)
    assert urlparse(page.url).path.endswith("/answer/step-2/")


def test_save_and_return_in_a_new_browser(page, chromium, demo_server, demo_pages, axe):
    """Save on step 2, note the code, then carry on in a different browser (no shared cookies)
    by typing the code on the consultation page: back on step 2 with the answers kept."""
    base = consultation_url(demo_pages)
    page.goto(base + "answer/")
    press(page, page.get_by_label("A parent or carer", exact=True))
    press(page, page.get_by_label("Maidstone", exact=True))
    go_on(page)
    assert page.url.endswith("/answer/step-2/")
    press(page, page.get_by_label("Agree", exact=True))
    page.locator("textarea").first.fill("More help in the holidays")
    page.get_by_role("button", name="Save and come back later").click()
    page.wait_for_selector("h1:has-text('Your answers are saved')")
    code = page.locator(".govuk-panel__body strong").inner_text().strip()
    assert len(code.replace(" ", "")) == 12
    axe.assert_no_violations(page)

    other = chromium.new_context(base_url=demo_server.url, locale="en-GB")
    try:
        fresh = other.new_page()
        fresh.goto(base)
        assert not [c for c in other.cookies() if c["name"] == "sessionid"]
        fresh.get_by_label("Your return code").fill(code.lower())
        axe.assert_no_violations(fresh)
        fresh.locator("form[action$='continue/'] button").click()
        fresh.wait_for_url("**/answer/step-2/")
        assert fresh.get_by_label("Agree", exact=True).is_checked()
        assert fresh.locator("textarea").first.input_value() == "More help in the holidays"
        assert "2 of 8" in fresh.locator(".govuk-caption-l").inner_text()
        axe.assert_no_violations(fresh)
        # The earlier step's answers came back too.
        fresh.get_by_role("link", name="Back", exact=True).click()
        fresh.wait_for_url("**/answer/step-1/")
        assert fresh.get_by_label("A parent or carer", exact=True).is_checked()
    finally:
        other.close()


def test_easy_read_questionnaire_completed_without_javascript(page_without_js, demo_pages):
    # axe-core needs JavaScript, so it runs on these screens in the JavaScript-on tests above.
    page = page_without_js
    base = consultation_url(demo_pages).replace("draft-send-strategy", "young-people-have-your-say")
    page.goto(base + "answer/?version=easy-read")
    assert page.url.endswith("/answer/step-1/")
    assert page.locator(".hub-easy-read").count() == 1
    press(page, page.get_by_label("Me, a young person"))
    go_on(page)
    face = page.get_by_label("Very happy")
    assert "Very happy" in page.locator(f"label[for='{face.get_attribute('id')}']").inner_text()
    press(page, face)
    go_on(page)
    press(page, page.get_by_label("Yes", exact=True))
    go_on(page)
    page.locator("textarea").first.fill("<b>More</b> clubs after school")
    go_on(page)
    go_on(page)  # age is optional
    assert page.url.endswith("/answer/check/")
    summary = page.locator(".govuk-summary-list").inner_text()
    assert "Very happy" in summary and "<b>More</b> clubs after school" in summary
    page.get_by_role("button", name="Send my answers").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/confirmation/")
    assert page.locator(".govuk-panel__body strong").inner_text().startswith("R-")
