"""The app's own words follow the browser's language (issue 17), in headless Chromium on canned lines.

A Swedish browser sees Practice and the scorecard in Swedish, a Finnish one Practice in Finnish, an
English one English; the persona's language is separate (a Swedish customer's tips are Swedish, and
an English customer in a Swedish browser still gets Swedish labels around English tips).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from roleplay.language_id import identify
from roleplay.web.i18n import words
from tests.fakes import canned
from tests.test_app_api import PASSWORD, copy_library, launch
from tests.test_browser import CHROMIUM, browser, settle, spoken_wav, wait_for_reply  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Single-user app with an English and a Swedish customer speaking their authored lines (the Swedish
    one, a phone caller, takes chat here: a browser test types)."""
    tmp = tmp_path_factory.mktemp("i18n")
    library = copy_library(tmp / "personas", ("late-delivery", "angry-caller-sv"))
    swedish = tmp / "personas" / "angry-caller-sv.yaml"
    swedish.write_text(swedish.read_text(encoding="utf-8").replace("\nchannel: voice\n", "\nchannel: both\n"),
                       encoding="utf-8")
    library.reload()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROLEPLAY_SILENCE_S", "voice:600,chat:600")
        mp.setenv("ROLEPLAY_CUSTOMER_LINES", "authored")
        demo, url = launch(tmp, client=canned(), single_user=True, library=library)
        yield demo, url
        demo.close()


def opened(browser, url, locale, lang=None):  # noqa: F811 - `browser` is the fixture of that name, passed on
    """A page in a browser speaking `locale`, once the app's load event has put it in `lang` (the locale's)."""
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, locale=locale)
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector("#rp-cards .rp-card")
    # The page is built in English; its load event brings the header and cards in the page's language.
    title = words(lang or locale.split("-")[0])("app.title")
    page.wait_for_function("(t) => document.querySelector('#rp-header h1')?.innerText === t", arg=title)
    settle(page)
    return ctx, page


@contextmanager
def practising(browser, url, locale):  # noqa: F811
    """A page in a browser speaking `locale` and what its Practice says; the browser context closed after."""
    ctx, page = opened(browser, url, locale)
    try:
        yield page, practice_words(page)
    finally:
        ctx.close()


def practice_words(page) -> dict:
    """What Practice says, where it says it."""
    def label(elem_id):
        return page.inner_text(f"#{elem_id} [data-testid=block-info]").strip()
    return {
        "tab": page.inner_text("#rp-tabs [role=tab][aria-selected=true]").strip(),
        "customer": label("rp-persona"), "channel": label("rp-channel"), "difficulty": label("rp-difficulty"),
        "start": page.inner_text("#rp-start").strip(),
        "choices": page.locator("#rp-channel label").all_inner_texts(),
        "card": page.inner_text("#rp-cards .rp-card[data-persona='late-delivery']"),
        "brief": page.inner_text("#rp-brief"),
        "header": page.inner_text("#rp-header"),
    }


def test_a_swedish_browser_practises_and_is_graded_in_swedish(browser, app):  # noqa: F811
    _, url = app
    with practising(browser, url, "sv-SE") as (page, said):
        assert said["tab"] == "Öva" and said["customer"] == "Kund" and said["channel"] == "Hur vill du prata?"
        assert said["difficulty"] == "Svårighetsgrad" and said["start"] == "Börja samtalet"
        assert [c.strip() for c in said["choices"]] == ["Chatt – skriv dina svar", "Röst – säg dina svar"]
        assert "Kundservice" in said["card"] and "Välj en kund till vänster" in said["brief"]
        assert "Övningsrummet för kundsamtal" in said["header"]
        assert "Välj en kund" in page.inner_text("#rp-picker")
        page.click("#rp-cards .rp-card[data-persona='angry-caller-sv']")
        page.wait_for_function("() => !document.querySelector('#rp-start').disabled")
        brief = page.inner_text("#rp-brief").lower()  # as shown: the CSS capitalises the headings
        assert "bakgrund" in brief and "riktlinjer" in brief
        page.click("#rp-start")
        page.wait_for_selector("#rp-convo", state="visible")
        assert "Samtal med" in page.inner_text("#rp-convo .rp-chat-head")
        assert "Frustration" in page.inner_text("#rp-meter")
        assert page.get_attribute("#rp-msg textarea", "placeholder") == "Skriv ditt svar och tryck på Enter …"
        page.fill("#rp-msg textarea", "Jag förstår att det här är frustrerande. Vad hände?")
        page.click("#rp-send")
        wait_for_reply(page, 3)
        page.click("#rp-end")
        page.wait_for_selector("#rp-scorecard .rp-bars-chart")
        card = page.inner_text("#rp-scorecard").lower()  # as shown: the CSS capitalises some
        assert "godkänd" in card  # also in "inte godkänd"
        assert "samtal med" in card and "totalt" in card and "lyssnande" in card
        assert page.locator("#rp-scorecard .rp-skill[data-skill='listening']").count() == 1  # ids stay ids
        tips = page.locator("#rp-scorecard .rp-tips li").all_inner_texts()
        assert tips and identify(" ".join(tips))[0] == "sv", tips  # the grader's words: the session's
        assert "Utskrift" in page.inner_text("#rp-result") and "Deltagare" in page.inner_text("#rp-result-transcript")
        assert page.inner_text("#rp-again").strip() == "Öva igen"
        page.get_by_role("tab", name="Granska", exact=True).click()  # and its replay
        assert page.inner_text("#rp-search").strip() == "Sök"
        page.click("#rp-search")
        page.locator("#rp-sessions [role=gridcell]").first.wait_for()
        table = page.inner_text("#rp-sessions")
        assert "Kund" in table and "Deltagare" in table and "Chatt" in table  # the list's headers and words
        page.locator("#rp-sessions [role=gridcell]").first.click()
        page.wait_for_selector("#rp-replay-head [data-session]")
        assert "frustration under samtalet" in page.inner_text("#rp-replay-curve").lower()
        assert "bedömning" in page.inner_text("#rp-replay-card").lower() and "Deltagare" in page.inner_text(
            "#rp-replay-head")


def test_a_finnish_browser_sees_practice_in_finnish(browser, app):  # noqa: F811
    _, url = app
    with practising(browser, url, "fi-FI") as (page, said):
        assert said["tab"] == "Harjoittele" and said["customer"] == "Asiakas"
        assert said["channel"] == "Miten haluat keskustella?" and said["start"] == "Aloita keskustelu"
        assert "Asiakaspalvelu" in said["card"] and "Valitse asiakas vasemmalta" in said["brief"]


def test_an_english_browser_sees_english_whatever_the_customers_language(browser, app):  # noqa: F811
    _, url = app
    with practising(browser, url, "en-GB") as (page, said):
        assert said["tab"] == "Practice" and said["customer"] == "Customer" and said["start"] == "Start the conversation"
        assert [c.strip() for c in said["choices"]] == ["Chat — type your replies", "Voice — speak your replies"]
        page.click("#rp-cards .rp-card[data-persona='angry-caller-sv']")
        page.wait_for_function("() => !document.querySelector('#rp-start').disabled")
        brief = page.inner_text("#rp-brief").lower()
        assert "situation" in brief and "policy sheet" in brief  # the headings English, the persona Swedish


def test_the_setting_gives_an_english_browser_the_app_in_swedish(browser, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ROLEPLAY_UI_LANGUAGE", "sv")
    demo, url = launch(tmp_path, client=canned(), single_user=True)
    try:
        ctx, page = opened(browser, url, "en-US", lang="sv")
        said = practice_words(page)
        assert said["tab"] == "Öva" and said["customer"] == "Kund" and said["start"] == "Börja samtalet"
        assert "Kundservice" in said["card"]
        ctx.close()
    finally:
        demo.close()


def test_a_swedish_browser_signs_in_and_works_the_team_tab_in_swedish(browser, tmp_path):  # noqa: F811
    """The sign-in page says its message in the browser's language (an English one English), and a
    trainer's Team tab answers in Swedish: a group change, the heat map."""
    demo, url = launch(tmp_path, client=canned(), users={"tess": ["trainer"], "ann": ["trainee"]})
    sv = words("sv")
    try:
        ctx = browser.new_context(viewport={"width": 1360, "height": 900}, locale="en-US")
        page = ctx.new_page()
        page.goto(url)
        page.wait_for_selector(".rp-login")
        assert page.inner_text(".rp-login").strip() == words("en")("auth.message")  # the others hidden
        ctx.close()

        ctx = browser.new_context(viewport={"width": 1360, "height": 900}, locale="sv-SE")
        page = ctx.new_page()
        page.set_default_timeout(60_000)
        page.goto(url)
        page.wait_for_selector(".rp-login")
        page.wait_for_function("(t) => document.querySelector('.rp-login').innerText.trim() === t",
                               arg=sv("auth.message"))
        page.fill("input[data-testid=textbox]", "tess")
        page.fill("input[type=password]", PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_selector("#rp-cards .rp-card")
        settle(page)
        page.get_by_role("tab", name=sv("tab.team"), exact=True).click()
        page.get_by_role("tab", name=sv("team.groups"), exact=True).click()
        page.click("#rp-gr-user input")
        page.get_by_role("option", name="ann", exact=True).click()
        page.fill("#rp-gr-name input", "norr")
        page.click("#rp-gr-add")
        said = sv("team.joined", user="ann", group="norr")
        page.wait_for_function("(t) => document.querySelector('#rp-gr-status')?.innerText.includes(t)", arg=said)
        assert sv("team.col.members") in page.inner_text("#rp-gr-table")
        page.get_by_role("tab", name=sv("team.overview"), exact=True).click()
        page.click("#rp-o-show")
        page.wait_for_function("(t) => document.querySelector('#rp-heatmap')?.innerText.includes(t)",
                               arg=sv("heat.leavers"))
        heat = page.inner_text("#rp-heatmap")
        assert sv("heat.no_leavers") in heat and sv("team.assignments") in heat and "Customers who" not in heat
        ctx.close()
    finally:
        demo.close()
