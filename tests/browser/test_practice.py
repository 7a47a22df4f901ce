"""Practice mode in a real browser: flashcards, mock interview and progress, against the
built site served on loopback. Every test's pages are watched by the `page` fixture: a
console error, a failed request or a request to another origin fails the test.

The browser fixtures serve the site under its site_url path on a port-less host, so
Material's instant navigation works here as it does on GitHub Pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

DAY_MS = 86_400_000


@pytest.fixture(scope="session")
def export(site: Path) -> dict:
    return json.loads((site / "api" / "v1" / "questions.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def key(base_url: str) -> str:
    return urlsplit(base_url).path + "ml-guide.progress.v1"


def stored(page: Page, key: str) -> dict | None:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)


def store(page: Page, key: str, value) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, text])


def import_file(page: Page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress…").click()
    chooser.value.set_files(path)


def open_flashcards(page: Page) -> None:
    page.goto("practice/")
    expect(page.locator(".guide-flashcards .guide-counts")).to_be_visible()
    # Let late requests (the favicon) finish, so that a test's own reload does not abort
    # them and make the watcher report a failed request that no reader would see.
    page.wait_for_load_state("networkidle")


def card_title(page: Page):
    return page.locator(".guide-card__question")


def counts(page: Page):
    return page.locator(".guide-flashcards .guide-counts")


def grade_button(page: Page, grade: str):
    return page.locator(f".guide-grades button[data-grade={grade}]")


def mark_instant(page: Page) -> None:
    """A flag that survives only if no full page load happens."""
    page.evaluate("window.__noReload = true")


def was_instant(page: Page) -> bool:
    return page.evaluate("window.__noReload === true")


def card(box: int, due: int, grade: str = "good") -> dict:
    return {"box": box, "due": due, "reps": 1, "lapses": 0, "last": 1, "grade": grade}


# --- flashcards --------------------------------------------------------------------


def test_reveal_and_grade_a_card_and_the_schedule_survives_a_reload(
        page: Page, export: dict, key: str) -> None:
    questions = export["questions"]
    first, second = questions[0], questions[1]
    open_flashcards(page)
    expect(card_title(page)).to_have_text(first["title"])
    expect(counts(page)).to_contain_text(f"0 due · {len(questions)} new")
    answer = page.locator(".guide-card__answer")
    expect(answer).to_be_hidden()
    expect(grade_button(page, "good")).to_be_hidden()

    page.keyboard.press("Space")
    expect(answer).to_be_visible()
    link = answer.get_by_role("link", name=re.compile("Read the full answer"))
    assert link.get_attribute("href").endswith("/" + first["url"])
    expect(grade_button(page, "good")).to_contain_text("in 3 days")
    if "arithmatex" in first["short_answer_html"]:
        expect(answer.locator(".arithmatex math").first).to_be_visible()

    page.keyboard.press("3")
    expect(card_title(page)).to_have_text(second["title"])
    expect(counts(page)).to_contain_text(f"0 due · {len(questions) - 1} new")
    state = stored(page, key)
    record = state["cards"][first["id"]]
    assert record["box"] == 2 and record["grade"] == "good" and record["reps"] == 1
    assert record["first"] == record["last"]
    assert record["due"] > record["last"]
    assert first["id"] in state["reviewed"]

    page.reload()
    expect(card_title(page)).to_have_text(second["title"])
    expect(counts(page)).to_contain_text(f"0 due · {len(questions) - 1} new")
    assert stored(page, key) == state


def test_a_grade_changes_what_is_due_next(page: Page, export: dict, key: str) -> None:
    questions = export["questions"]
    first, second = questions[0], questions[1]
    open_flashcards(page)

    # Again: the card stays due and comes back after the next one.
    page.get_by_role("button", name="Show answer").click()
    grade_button(page, "again").click()
    expect(counts(page)).to_contain_text(f"1 due · {len(questions) - 1} new")
    expect(card_title(page)).to_have_text(second["title"])
    assert stored(page, key)["cards"][first["id"]]["box"] == 1

    page.get_by_role("button", name="Show answer").click()
    grade_button(page, "easy").click()
    expect(card_title(page)).to_have_text(first["title"])
    expect(counts(page)).to_contain_text(f"1 due · {len(questions) - 2} new")

    # Good: not due any more, until its day comes.
    page.get_by_role("button", name="Show answer").click()
    grade_button(page, "good").click()
    expect(counts(page)).to_contain_text(f"0 due · {len(questions) - 2} new")
    due = stored(page, key)["cards"][first["id"]]["due"]

    page.clock.set_fixed_time((due + 1000) / 1000)  # Playwright takes seconds
    page.reload()
    expect(counts(page)).to_contain_text(f"1 due · {len(questions) - 2} new")
    expect(card_title(page)).to_have_text(first["title"])


def test_filters_choose_the_cards(page: Page, export: dict) -> None:
    open_flashcards(page)
    topic = export["questions"][-1]["topic"]
    mine = [q for q in export["questions"] if q["topic"]["id"] == topic["id"]]
    page.locator(".guide-filters-box summary").click()
    page.get_by_label("Topic").select_option(topic["id"])
    expect(counts(page)).to_contain_text(f"0 due · {len(mine)} new")
    expect(card_title(page)).to_have_text(mine[0]["title"])
    expect(page.locator(".guide-filters-box summary")).to_have_text(
        f"Questions: {topic['title']}")
    # The choice is remembered.
    page.reload()
    expect(card_title(page)).to_have_text(mine[0]["title"])


def test_every_control_is_labelled_and_reachable_by_keyboard(page: Page) -> None:
    open_flashcards(page)
    for name in ["Section", "Topic", "Difficulty", "Tag"]:
        expect(page.get_by_label(name, exact=True)).to_be_attached()
    reveal = page.get_by_role("button", name="Show answer")
    reveal.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".guide-card__answer")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=re.compile("Read the full answer"))).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=re.compile("^Again"))).to_be_focused()
    group = page.get_by_role("group", name="How well did you know it?")
    for name in ["Again", "Hard", "Good", "Easy"]:
        expect(group.get_by_role("button", name=re.compile(f"^{name}"))).to_be_visible()
    live = page.locator(".guide-flashcards [aria-live=polite]")
    expect(live).to_have_text(re.compile("Answer shown"))
    page.keyboard.press("Space")  # on the focused "Again" button: presses it
    expect(live).to_have_text(re.compile("Next card|nothing is due"))
    expect(page.get_by_role("button", name="Show answer")).to_be_focused()


# --- progress ----------------------------------------------------------------------


def test_marking_a_question_reviewed_moves_its_topic_progress(
        page: Page, export: dict, key: str) -> None:
    question = export["questions"][0]
    topic = next(t for t in export["topics"] if t["id"] == question["topic"]["id"])
    total = sum(q["topic"]["id"] == topic["id"] for q in export["questions"])
    page.goto(topic["url"])
    bar = page.locator(f".guide-progress progress[data-topic={topic['id']}]")
    expect(bar).to_have_attribute("value", "0")
    expect(bar).to_have_attribute("max", str(total))
    expect(page.locator(".guide-progress")).to_contain_text(f"0 of {total} reviewed")
    mark_instant(page)

    page.locator(f"a[href$='/{question['url']}']").first.click()
    box = page.get_by_label("I have reviewed this question")
    expect(box).not_to_be_checked()
    box.check()
    expect(page.locator(".guide-review__status")).to_contain_text("Marked on")
    assert question["id"] in stored(page, key)["reviewed"]

    page.locator(".q-meta a").first.click()  # back to the topic, instantly
    expect(bar).to_have_attribute("value", "1")
    expect(page.locator(".guide-progress")).to_contain_text(f"1 of {total} reviewed")

    page.get_by_role("link", name="Home", exact=True).first.click()
    home_bar = page.locator(f".guide-progress progress[data-topic={topic['id']}]")
    expect(home_bar).to_have_attribute("value", "1")
    expect(page.locator(".guide-progress progress")).to_have_count(len(export["topics"]))
    assert was_instant(page)

    page.reload()
    expect(home_bar).to_have_attribute("value", "1")


def test_export_reset_and_import_give_back_the_same_state(
        page: Page, export: dict, key: str, tmp_path: Path) -> None:
    open_flashcards(page)
    for grade in ["good", "hard"]:
        page.get_by_role("button", name="Show answer").click()
        grade_button(page, grade).click()
    expect(counts(page)).to_contain_text(f"{len(export['questions']) - 2} new")
    before = stored(page, key)
    summary = page.locator(".guide-transfer__summary")
    expect(summary).to_contain_text("2 questions marked as reviewed, 2 flashcards")

    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    exported = json.loads(saved.read_text("utf-8"))
    assert exported["format"] == "ml-interview-guide-progress"
    assert exported["version"] == 2
    assert exported["cards"] == before["cards"]
    assert exported["reviewed"] == before["reviewed"]

    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Cancel").click()
    assert stored(page, key) == before
    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Yes, reset my progress").click()
    expect(page.locator(".guide-transfer__message")).to_have_text("Your progress was reset.")
    assert stored(page, key) is None
    expect(summary).to_have_text("Nothing saved yet.")
    expect(counts(page)).to_contain_text(f"0 due · {len(export['questions'])} new")

    import_file(page, saved)
    expect(page.locator(".guide-transfer__message")).to_contain_text("Imported")
    assert stored(page, key) == before
    expect(counts(page)).to_contain_text(f"{len(export['questions']) - 2} new")

    # Importing over existing progress asks first.
    import_file(page, saved)
    page.get_by_role("button", name="Yes, replace it").click()
    assert stored(page, key) == before

    # A file that is not a progress export changes nothing.
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"hello": "world"}', "utf-8")
    import_file(page, wrong)
    expect(page.locator(".guide-transfer__message")).to_contain_text(
        "not a progress file exported by this site")
    assert stored(page, key) == before


@pytest.mark.parametrize(("value", "message"), [
    ("{not json", "could not be read (it is not valid JSON)"),
    ('{"version": 99, "cards": {}, "reviewed": {}}', "format version 99"),
    ('["a", "list"]', "it is not a progress record"),
    ('{"version": 1, "cards": null, "reviewed": {}}', "it is not a progress record"),
])
def test_an_unreadable_stored_value_is_reset_with_a_message(
        page: Page, export: dict, key: str, value: str, message: str) -> None:
    open_flashcards(page)
    store(page, key, value)
    page.reload()
    notice = page.locator(".guide-storage-notice")
    expect(notice).to_contain_text(message)
    expect(card_title(page)).to_have_text(export["questions"][0]["title"])
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert export["questions"][0]["id"] in stored(page, key)["cards"]
    # The old value is kept aside, not destroyed.
    assert page.evaluate("k => localStorage.getItem(k)", key + ".unreadable") == value
    # Other pages stay whole too.
    store(page, key, value)
    page.goto(export["questions"][0]["url"])
    expect(page.get_by_label("I have reviewed this question")).to_be_visible()
    expect(page.locator(".guide-storage-notice")).to_contain_text(message)
    expect(page.locator("details").first).to_be_visible()


def test_bad_entries_are_dropped_and_removed_questions_forgotten(
        page: Page, export: dict, key: str) -> None:
    first = export["questions"][0]["id"]
    # The home page fetches the bank for its progress bars: let that finish, or leaving
    # the page aborts it (a failed request that is the test's doing, not the site's).
    page.goto("", wait_until="networkidle")
    store(page, key, {
        "version": 1,
        "cards": {first: card(3, 1), "left-the-bank": card(2, 1), "Bad Id": card(1, 1),
                  "broken": {"box": "three"}},
        "reviewed": {first: 5, "left-the-bank": 5, "also-broken": "yesterday"},
    })
    open_flashcards(page)
    expect(page.locator(".guide-storage-notice")).to_contain_text(
        "3 saved entries were unreadable and removed")
    state = stored(page, key)
    # Saved in format 1, it is read, upgraded and saved as format 2.
    assert state == {"version": 2, "cards": {first: card(3, 1)}, "reviewed": {first: 5},
                     "plan": None}
    # The kept card is due (its day has passed); every other question is new.
    expect(counts(page)).to_contain_text(f"1 due · {len(export['questions']) - 1} new")


# --- instant navigation -------------------------------------------------------------


def keydown_listeners(page: Page) -> int:
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": document})["listeners"]
    cdp.detach()
    return sum(listener["type"] == "keydown" for listener in listeners)


def test_instant_navigation_keeps_state_and_adds_no_listeners(
        page: Page, export: dict, key: str) -> None:
    first, second = export["questions"][0], export["questions"][1]
    open_flashcards(page)
    expect(card_title(page)).to_have_text(first["title"])
    page.keyboard.press("Space")
    listeners = keydown_listeners(page)
    mark_instant(page)

    for _ in range(2):
        page.get_by_role("link", name="Mock interview").first.click()
        expect(page.locator("form.guide-mock-setup")).to_be_visible()
        page.get_by_role("link", name="Flashcards").first.click()
        expect(counts(page)).to_be_visible()
    assert was_instant(page)
    assert keydown_listeners(page) == listeners
    scripts = page.evaluate(
        "[...document.querySelectorAll('script[src]')].map(s => s.src)"
        ".filter(s => s.includes('/guide/'))")
    assert len(scripts) == len(set(scripts))
    expect(page.locator(".guide-flashcards .guide-card")).to_have_count(1)

    # The card is still the revealed one; one key press grades it once.
    expect(card_title(page)).to_have_text(first["title"])
    expect(page.locator(".guide-card__answer")).to_be_visible()
    page.keyboard.press("3")
    expect(card_title(page)).to_have_text(second["title"])
    state = stored(page, key)
    assert list(state["cards"]) == [first["id"]]
    assert state["cards"][first["id"]]["reps"] == 1


# --- mock interview -----------------------------------------------------------------


def start_mock(page: Page, count: int, minutes: int = 1) -> None:
    page.goto("mock-interview/")
    page.get_by_label("Number of questions").fill(str(count))
    page.get_by_label("Time per question").select_option(str(minutes))
    page.get_by_role("button", name="Start the interview").click()


def test_mock_interview_times_scores_and_summarises(page: Page, export: dict) -> None:
    by_title = {q["title"]: q for q in export["questions"]}
    page.clock.install()
    start_mock(page, 2, minutes=1)
    expect(page.locator(".guide-card__meta")).to_contain_text("Question 1 of 2")
    timer = page.get_by_role("timer")
    expect(timer).to_contain_text("Time left: 1:00")

    page.clock.run_for(61_000)
    expect(timer).to_contain_text("Time is up")
    expect(page.locator(".guide-mock [aria-live=polite]")).to_have_text("Time is up.")
    first = by_title[page.locator("h2.guide-card__question").inner_text()]
    page.get_by_role("button", name="I have answered: show the answer").click()
    expect(page.locator(".guide-card__answer")).to_contain_text("30-second answer")
    rubric = page.get_by_role("group", name="Score your answer: tick what you did")
    expect(rubric.get_by_role("checkbox")).to_have_count(4)
    expect(rubric.get_by_label("I finished within the time.")).not_to_be_checked()
    rubric.get_by_role("checkbox").nth(0).check()
    page.get_by_role("button", name="Next question").click()

    expect(page.locator(".guide-card__meta")).to_contain_text("Question 2 of 2")
    second = by_title[page.locator("h2.guide-card__question").inner_text()]
    page.clock.run_for(5_000)
    page.get_by_role("button", name="I have answered: show the answer").click()
    rubric = page.get_by_role("group", name="Score your answer: tick what you did")
    expect(rubric.get_by_label("I finished within the time.")).to_be_checked()
    for i in range(3):
        rubric.get_by_role("checkbox").nth(i).check()
    page.get_by_role("button", name="See the summary").click()

    expect(page.get_by_role("heading", name="Summary")).to_be_focused()
    expect(page.locator(".guide-mock")).to_contain_text("met 5 of 8 rubric points")
    weak = page.locator(".guide-weak")
    topic = first["topic"]
    expect(weak.get_by_role("link", name=topic["title"], exact=True)).to_be_visible()
    # Long titles are shortened in the list: find the question's link by its address.
    expect(weak.locator(f'a[href$="/{first["url"]}"]')).to_be_visible()
    if second["topic"]["id"] != topic["id"]:
        expect(weak).not_to_contain_text(second["topic"]["title"])
    expect(page.locator(".guide-mock table tbody tr")).to_have_count(2)


def test_mock_interview_survives_instant_navigation(page: Page) -> None:
    start_mock(page, 2)
    title = page.locator("h2.guide-card__question").inner_text()
    mark_instant(page)
    page.get_by_role("link", name="Flashcards").first.click()
    expect(counts(page)).to_be_visible()
    page.get_by_role("link", name="Mock interview").first.click()
    expect(page.locator("h2.guide-card__question")).to_have_text(title)
    expect(page.locator(".guide-card__meta")).to_contain_text("Question 1 of 2")
    assert was_instant(page)
    expect(page.get_by_role("timer")).to_have_count(1)


# --- accessibility, palettes, phones, no JavaScript --------------------------------


def assert_no_axe_violations(page: Page, screen: str) -> None:
    # The page's content: the widgets and the text around them. Material's header,
    # navigation and footer are shared by every page, so a site-wide check owns them.
    results = Axe().run(page, context=".md-content")
    assert results.violations_count == 0, f"{screen}:\n{results.generate_report()}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_practice_screens_pass_axe_in_both_palettes(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.clock.install()
    open_flashcards(page)
    expected = {"light": "default", "dark": "slate"}[scheme]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    page.locator(".guide-filters-box summary").click()
    assert_no_axe_violations(page, "flashcards, question")
    page.keyboard.press("Space")
    assert_no_axe_violations(page, "flashcards, answer")

    page.goto("mock-interview/")
    expect(page.locator("form.guide-mock-setup")).to_be_visible()
    assert_no_axe_violations(page, "mock interview, setup")
    page.get_by_role("button", name="Start the interview").click()
    page.clock.run_for(400_000)
    expect(page.get_by_role("timer")).to_contain_text("Time is up")
    assert_no_axe_violations(page, "mock interview, question over time")
    page.get_by_role("button", name="I have answered: show the answer").click()
    assert_no_axe_violations(page, "mock interview, rubric")
    page.get_by_role("button", name="End the interview").click()
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()
    assert_no_axe_violations(page, "mock interview, summary")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_widgets_pass_axe(page: Page, export: dict, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(export["questions"][0]["url"])
    page.get_by_label("I have reviewed this question").check()
    results = Axe().run(page, context=".guide-review")
    assert results.violations_count == 0, results.generate_report()
    page.goto("")
    expect(page.locator(".guide-progress progress").first).to_be_visible()
    results = Axe().run(page, context=".guide-progress")
    assert results.violations_count == 0, results.generate_report()


def test_practice_fits_a_phone(browser, base_url: str, watch) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740},
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        watch.attach(page)
        open_flashcards(page)
        page.get_by_role("button", name="Show answer").click()
        for name in ["again", "hard", "good", "easy"]:
            box = grade_button(page, name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, name
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        start_mock(page, 1)
        page.get_by_role("button", name="I have answered: show the answer").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
    watch.assert_clean()


def test_without_javascript_pages_stay_readable(browser, base_url: str, export: dict) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("practice/")
        expect(page.locator(".guide-flashcards")).to_contain_text(
            "The flashcards need JavaScript")
        expect(page.locator(".guide-transfer")).to_contain_text("need JavaScript")
        page.goto("mock-interview/")
        expect(page.locator(".guide-mock")).to_contain_text(
            "The mock interview needs JavaScript")
        page.goto(export["questions"][0]["url"])
        expect(page.locator("h1")).to_contain_text(export["questions"][0]["title"])
        page.locator("summary", has_text="30-second answer").click()
        expect(page.locator("details#short-answer")).to_have_attribute("open", "")
        expect(page.locator(".guide-review")).to_be_empty()
    finally:
        context.close()
