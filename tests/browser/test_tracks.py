"""Study tracks in a real browser, on the real built site, as a reader uses them: open a
track, practise its flashcards, make a plan to the interview date, come back days later and
find it adapted, download it as a calendar. Every test's pages are watched by the `page`
fixture: a console error (a Content-Security-Policy violation is one), a failed request or
a request to another origin fails the test."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TRACK = "ml-engineer"
# Noon, so that no time zone moves the day; the browser and Python share the machine's zone.
START = dt.datetime(2026, 12, 1, 12, 0)
INTERVIEW = START.date() + dt.timedelta(days=21)


@pytest.fixture(scope="session")
def export(site: Path) -> dict:
    return json.loads((site / "api" / "v1" / "questions.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def track(export: dict) -> dict:
    return next(t for t in export["tracks"] if t["id"] == TRACK)


@pytest.fixture(scope="session")
def titles(export: dict) -> dict[str, str]:
    return {q["id"]: q["title"] for q in export["questions"]}


@pytest.fixture(scope="session")
def key(base_url: str) -> str:
    return urlsplit(base_url).path + "ml-guide.progress.v1"


def stored(page: Page, key: str) -> dict | None:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)


def order(track: dict) -> list[str]:
    return [i for stage in track["stages"] for i in stage["questions"]]


def open_track(page: Page) -> None:
    page.goto(f"tracks/{TRACK}/")
    expect(page.locator("[data-guide=track-plan] form")).to_be_visible()
    page.wait_for_load_state("networkidle")


def make_plan(page: Page, date: dt.date, minutes: int = 60) -> None:
    page.get_by_label("Date of your interview").fill(date.isoformat())
    page.get_by_label("Minutes a day").fill(str(minutes))
    page.get_by_role("button", name=re.compile("(Make|Update) my plan")).click()


def today_items(page: Page, scope: str = ".guide-plan") -> list[tuple[str, str]]:
    """(kind, title) of each item of today's list."""
    items = page.locator(f"{scope} ul.guide-plan__today li")
    return [(item.locator(".guide-plan__tag").inner_text().strip().capitalize(),
             item.locator("a").inner_text().strip()) for item in items.all()]


def grade(page: Page, name: str) -> None:
    page.get_by_role("button", name="Show answer").click()
    page.locator(f".guide-grades button[data-grade={name}]").click()


def unfold(text: str) -> list[str]:
    """The content lines of an iCalendar file (RFC 5545, 3.1)."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def events_of(text: str) -> list[dict[str, tuple[list[str], str]]]:
    """Each VEVENT as {NAME: (parameters, value)}."""
    events, current = [], None
    for line in unfold(text):
        name_part, _, value = line.partition(":")
        name, *params = name_part.split(";")
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice in one event"
            current[name] = (params, value)
    return events


def ics_text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1),
                  value)


def test_a_reader_plans_a_track_to_the_interview_date(
        page: Page, track: dict, titles: dict, key: str, tmp_path: Path) -> None:
    ids = order(track)
    core = track["stages"][0]["questions"]
    page.clock.install(time=START)
    open_track(page)
    expect(page.locator("h1")).to_contain_text(track["title"])
    # Without progress there is none to show.
    expect(page.locator(".guide-track-progress")).to_be_empty()

    # The track's flashcards, one click away, start with its first question.
    page.get_by_role("link", name="Practise this track with flashcards").click()
    page.wait_for_url(re.compile(rf"/practice/\?track={TRACK}$"))
    expect(page.locator(".guide-filters-box summary")).to_have_text(
        f"Questions: {track['title']}")
    expect(page.locator(".guide-flashcards .guide-counts")).to_contain_text(
        f"0 due · {len(ids)} new · {len(ids)} questions in this selection")
    expect(page.locator(".guide-card__question")).to_have_text(titles[ids[0]])
    grade(page, "good")
    expect(page.locator(".guide-card__question")).to_have_text(titles[ids[1]])
    grade(page, "good")
    grade(page, "again")  # the third comes back in this session
    expect(page.locator(".guide-flashcards .guide-counts")).to_contain_text(
        f"1 due · {len(ids) - 3} new")

    open_track(page)
    progress = page.locator(".guide-track-progress")
    expect(progress.locator("progress[data-stage=core]")).to_have_attribute("value", "3")
    expect(progress).to_contain_text(f"3 of {len(core)} practised")

    # Three weeks ahead, an hour a day.
    make_plan(page, INTERVIEW, 60)
    status = page.locator(".guide-plan__status")
    expect(status).to_contain_text("21 days to your interview")
    expect(status).to_contain_text("Every core question comes back for review at least twice")
    expect(page.locator("#today")).to_contain_text("Today")
    items = today_items(page)
    done = [t for kind, t in items if kind == "Started"]
    assert done == [titles[i] for i in ids[:3]]
    assert ("Review", titles[ids[2]]) in items  # graded Again: due again today
    starts = [t for kind, t in items if kind == "Start"]
    assert starts and starts == [titles[i] for i in ids[3:3 + len(starts)]]
    saved = stored(page, key)
    assert saved["version"] == 2
    assert saved["plan"]["track"] == TRACK and saved["plan"]["date"] == INTERVIEW.isoformat()
    assert saved["plan"]["minutes"] == 60

    # Reloaded, the plan is kept, and today's list is the same.
    page.reload()
    expect(page.get_by_label("Date of your interview")).to_have_value(INTERVIEW.isoformat())
    expect(page.get_by_label("Minutes a day")).to_have_value("60")
    expect(page.locator(".guide-plan__status")).to_contain_text("21 days")
    assert today_items(page) == items

    # Today's list is on the home page too, one click from the plan.
    page.get_by_role("link", name="Home", exact=True).first.click()
    home = page.locator(".guide-today")
    expect(home.get_by_role("heading", name="Your study plan for today")).to_be_visible()
    expect(home).to_contain_text(track["title"])
    assert today_items(page, ".guide-today") == items
    home.get_by_role("link", name="Your whole plan").click()
    page.wait_for_url(re.compile(rf"/tracks/{TRACK}/#plan$"))
    expect(page.locator(".guide-plan__status")).to_be_visible()

    # Four days later, nothing done since: the two cards graded Good are due (in three
    # days), the one graded Again too, and the questions of the skipped days come now.
    page.clock.set_system_time(START + dt.timedelta(days=4))
    page.reload()
    expect(page.locator(".guide-plan__status")).to_contain_text("17 days to your interview")
    later = today_items(page)
    reviews = [t for kind, t in later if kind == "Review"]
    assert set(reviews) == {titles[i] for i in ids[:3]}
    later_starts = [t for kind, t in later if kind == "Start"]
    assert later_starts[0] == titles[ids[3]], "the skipped days' questions come first"
    assert later != items

    # The plan as a calendar: one all-day event a day, within the plan's days.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a calendar (.ics)").click()
    assert download.value.suggested_filename == f"study-plan-{TRACK}-{INTERVIEW}.ics"
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events = events_of(text)
    assert events
    first_day = (START + dt.timedelta(days=4)).date()
    uids = set()
    for event in events:
        params, value = event["DTSTART"]
        assert params == ["VALUE=DATE"]
        day = dt.datetime.strptime(value, "%Y%m%d").date()
        assert first_day <= day < INTERVIEW, day
        assert event["DTEND"] == (["VALUE=DATE"], (day + dt.timedelta(days=1)).strftime("%Y%m%d"))
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1])
        uids.add(event["UID"][1])
    assert len(uids) == len(events)
    assert events[0]["DTSTART"][1] == first_day.strftime("%Y%m%d")
    description = ics_text(events[0]["DESCRIPTION"][1])
    for title in later_starts:
        assert title in description
    assert events[0]["SUMMARY"][1].startswith(track["title"])


def test_a_date_too_close_says_the_time_is_too_short(page: Page, track: dict) -> None:
    page.clock.install(time=START)
    open_track(page)
    make_plan(page, START.date() + dt.timedelta(days=5), 30)
    alert = page.locator(".guide-plan__status[role=alert]")
    expect(alert).to_contain_text("The time is too short.")
    expect(alert).to_contain_text("core questions back for review twice")
    expect(alert).to_contain_text("What to drop: the plan leaves out the strong and stand-out "
                                  "stages")
    expect(alert).to_contain_text("Enough would be an interview on")
    # Today still has work: the core, as early as it fits.
    kinds = {kind for kind, _ in today_items(page)}
    assert kinds == {"Start"}

    # The plan can be removed again.
    page.get_by_role("button", name="Remove the plan").click()
    expect(page.locator(".guide-plan__output")).to_be_empty()
    expect(page.get_by_role("button", name="Make my plan")).to_be_visible()


def test_the_form_refuses_what_it_cannot_plan(page: Page) -> None:
    page.clock.install(time=START)
    open_track(page)
    make_plan(page, START.date(), 30)
    expect(page.locator(".guide-plan__error")).to_have_text(
        "The interview date must be after today.")
    make_plan(page, INTERVIEW, 2)
    expect(page.locator(".guide-plan__error")).to_contain_text("whole number from 5")
    expect(page.locator(".guide-plan__output")).to_be_empty()


def test_the_mock_interview_can_be_restricted_to_a_track(
        page: Page, export: dict, titles: dict) -> None:
    llm = next(t for t in export["tracks"] if t["id"] == "llm-engineer")
    page.goto(f"tracks/{llm['id']}/")
    page.get_by_role("link", name="Mock interview on this track").click()
    page.wait_for_url(re.compile(r"/mock-interview/\?track=llm-engineer$"))
    expect(page.locator(".guide-mock-setup .guide-counts")).to_have_text(
        f"{len(order(llm))} questions match these filters.")
    page.get_by_label("Number of questions").fill("1")
    page.get_by_role("button", name="Start the interview").click()
    asked = page.locator("h2.guide-card__question").inner_text()
    assert asked in {titles[i] for i in order(llm)}


def test_export_and_import_carry_the_plan(page: Page, key: str, tmp_path: Path) -> None:
    page.clock.install(time=START)
    open_track(page)
    make_plan(page, INTERVIEW, 40)
    expect(page.locator(".guide-plan__status")).to_be_visible()
    plan = stored(page, key)["plan"]
    page.goto("practice/")
    summary = page.locator(".guide-transfer__summary")
    expect(summary).to_contain_text(f"a study plan for an interview on {INTERVIEW}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text("utf-8"))["plan"] == plan
    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Yes, reset my progress").click()
    assert stored(page, key) is None
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress…").click()
    chooser.value.set_files(saved)
    expect(page.locator(".guide-transfer__message")).to_contain_text("Imported")
    assert stored(page, key)["plan"] == plan
    open_track(page)
    expect(page.get_by_label("Minutes a day")).to_have_value("40")
    expect(page.locator(".guide-plan__status")).to_contain_text("21 days")


def assert_no_axe_violations(page: Page, screen: str) -> None:
    results = Axe().run(page, context=".md-content")
    assert results.violations_count == 0, f"{screen}:\n{results.generate_report()}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_track_screens_pass_axe_in_both_palettes(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.clock.install(time=START)
    page.goto("practice/?track=ml-engineer")
    grade(page, "good")
    open_track(page)
    assert_no_axe_violations(page, "track, no plan")
    make_plan(page, INTERVIEW, 60)
    expect(page.locator("#today")).to_be_visible()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert_no_axe_violations(page, "track, plan")
    make_plan(page, START.date() + dt.timedelta(days=4), 20)
    expect(page.locator(".guide-plan__status[role=alert]")).to_be_visible()
    assert_no_axe_violations(page, "track, too short")
    page.goto("")
    expect(page.locator(".guide-today h2")).to_be_visible()
    assert_no_axe_violations(page, "home, today's plan")
    page.goto("tracks/")
    assert_no_axe_violations(page, "index of tracks")


def test_track_pages_fit_a_phone(browser, base_url: str, watch) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740},
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        watch.attach(page)
        page.clock.install(time=START)
        open_track(page)
        make_plan(page, INTERVIEW, 45)
        expect(page.locator("#today")).to_be_visible()
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for name in ["Download as a calendar (.ics)", "Remove the plan", "Update my plan"]:
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, name
        page.goto("")
        expect(page.locator(".guide-today h2")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.goto("tracks/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
    watch.assert_clean()


def test_without_javascript_a_track_is_a_complete_ordered_list(
        browser, base_url: str, track: dict, titles: dict) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"tracks/{TRACK}/")
        expect(page.locator(".guide-plan")).to_contain_text("needs JavaScript")
        expect(page.locator(".guide-track-progress")).to_be_empty()
        rows = page.locator(".md-content table tbody tr")
        expect(rows).to_have_count(len(order(track)))
        for n, qid in enumerate(order(track)):
            cells = rows.nth(n).locator("td")
            expect(cells.nth(0)).to_have_text(str(n + 1))
            expect(cells.nth(1)).to_have_text(titles[qid])
            expect(cells.nth(4)).to_have_text(re.compile(r"^\d+ min$"))
        expect(page.locator("#how-the-time-is-estimated")).to_be_visible()
        expect(page.locator(".md-content")).to_contain_text("150 words a minute")
        page.goto("")
        expect(page.locator(".guide-today")).to_be_empty()
        expect(page.get_by_role("link", name=track["title"]).first).to_be_visible()
    finally:
        context.close()
