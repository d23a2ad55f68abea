"""The web app in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

- a chat practice session with the real embedded model, through to its scorecard
- a voice turn through a fake microphone fed a wav spoken by espeak-ng: transcribed, answered, spoken back
- barge-in: the trainee speaking over the customer stops the customer's audio, and what they missed is marked
- the angry caller cutting in on a trainee who talks on and on
- the persona editor rejecting a bad persona and saving a good one
- replay and export of a graded session
- a trainee unable to see someone else's session

Set ROLEPLAY_SCREENS=/some/folder to keep a screenshot of each screen.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fakes import canned
from tests.test_app_api import PASSWORD, PERSONAS, copy_library, launch

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
REPLY_TIMEOUT_MS = 300_000  # the real model on two busy cores
SCREENS = os.environ.get("ROLEPLAY_SCREENS")
TRAINEE_LINE = "I'm so sorry the present arrived late. What happened?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def settle(page) -> None:
    """Wait until no component is waiting for the server (Gradio marks them .pending)."""
    page.wait_for_function("() => !document.querySelector('.pending')")


def shot(page, name: str) -> None:
    if SCREENS:
        settle(page)
        page.wait_for_timeout(300)
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENS) / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def spoken_wav(tmp_path_factory) -> Path:
    if not shutil.which("espeak-ng"):
        pytest.skip("needs espeak-ng")
    wav = tmp_path_factory.mktemp("mic") / "trainee.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), TRAINEE_LINE], check=True)
    return wav


@pytest.fixture(scope="module")
def browser(spoken_wav):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=[*FLAGS, f"--use-file-for-fake-audio-capture={spoken_wav}"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, permissions=["microphone"],
                              accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def real_app(tmp_path_factory):
    """Single-user app on the real embedded model."""
    from roleplay.model import build_model

    tmp = tmp_path_factory.mktemp("real")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROLEPLAY_DATA", str(tmp / "data"))  # the core's voice loop keeps audio there
        mp.setenv("ROLEPLAY_SILENCE_S", "voice:600,chat:600")  # a slow step here is not the trainee's silence
        demo, url = launch(tmp, client=build_model(), single_user=True)
        yield demo, url
        demo.close()


@pytest.fixture(scope="module")
def canned_app(tmp_path_factory):
    """Single-user app on canned customer lines: for screens where the model is not the subject."""
    tmp = tmp_path_factory.mktemp("canned")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROLEPLAY_SILENCE_S", "voice:600,chat:600")  # a slow step here is not the trainee's silence
        demo, url = launch(tmp, client=canned(), single_user=True)
    yield demo, url, tmp
    demo.close()


@pytest.fixture(scope="module")
def quiet_app(tmp_path_factory):
    """Single-user app whose customer notices a silence after 3 s in chat, speaking its authored lines."""
    tmp = tmp_path_factory.mktemp("quiet")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROLEPLAY_SILENCE_S", "chat:3,voice:3")
        mp.setenv("ROLEPLAY_CUSTOMER_LINES", "authored")
        demo, url = launch(tmp, client=canned(), single_user=True)
        yield demo, url, tmp
        demo.close()


def open_in_review(page, sid: str) -> None:
    """Find a session under Review and open its replay."""
    page.get_by_role("tab", name="Review", exact=True).click()
    page.click("#rp-search")
    cell = page.locator("#rp-sessions [role=gridcell]", has_text=sid)
    cell.wait_for()
    cell.click()
    page.wait_for_selector(f"#rp-replay-head [data-session='{sid}']")


def open_app(page, url):
    page.goto(url)
    page.wait_for_selector("#rp-cards .rp-card")
    settle(page)


def pick(page, persona_id: str, channel: str = "chat"):
    page.click(f"#rp-cards .rp-card[data-persona='{persona_id}']")
    page.wait_for_function("() => !document.querySelector('#rp-start').disabled")
    if channel == "voice":
        page.get_by_label("Voice — speak your replies").check()
    page.click("#rp-start")
    page.wait_for_selector("#rp-convo", state="visible")


def wait_for_reply(page, rows: int):
    page.wait_for_function(
        """(n) => document.querySelectorAll('#rp-chat .message-row').length >= n
                 && !document.querySelector('#rp-msg textarea').disabled""", arg=rows, timeout=REPLY_TIMEOUT_MS)


def seed_graded_session(demo, trainee="local") -> str:
    from roleplay.session import PracticeSession

    ctx = demo.rp_context
    s = PracticeSession.start(ctx.store, ctx.library.get("late-delivery"), canned(), trainee=trainee)
    s.reply_text("That sounds really frustrating, I'm sorry it missed the party. What happened?")
    s.reply_text("I can refund the $6.90 shipping fee for you today.")
    s.end()
    ctx.grade(s.id)
    return s.id


@pytest.mark.model
def test_chat_practice_session_through_to_its_scorecard(real_app, page):
    _, url = real_app
    open_app(page, url)
    shot(page, "01-practice-picker")
    pick(page, "late-delivery")
    assert "48213" in page.inner_text("#rp-chat")  # the seed picks one of the openings
    assert page.locator("#rp-meter .rp-meter").count() == 1
    line = "<script>alert('hi')</script> I'm so sorry the present missed the party. What happened?"
    page.fill("#rp-msg textarea", line)
    page.click("#rp-send")
    wait_for_reply(page, 3)
    chat = page.inner_text("#rp-chat")
    assert "<script>alert('hi')</script>" in chat  # shown as text, never run
    assert page.locator("#rp-chat script").count() == 0 and page.dialogs == []
    assert int(page.get_attribute("#rp-meter .rp-meter", "data-frustration")) >= 0
    shot(page, "02-chat-in-progress")
    page.click("#rp-end")
    page.wait_for_selector("#rp-result", state="visible")
    page.wait_for_selector("#rp-scorecard .rp-bars-chart")
    assert 0 <= int(page.get_attribute("#rp-scorecard .rp-score", "data-overall")) <= 100
    for skill in ("listening", "honesty", "calm"):
        assert page.locator(f"#rp-scorecard .rp-skill[data-skill='{skill}']").count() == 1
    assert page.locator("#rp-result-transcript .rp-turn").count() == 3
    links = page.locator("#rp-scorecard a.turn")
    if links.count():  # evidence links to the turn it quotes
        target = links.first.get_attribute("href")
        assert page.locator(f"#rp-result-transcript {target}").count() == 1
    shot(page, "03-scorecard")


@pytest.mark.model
@pytest.mark.speech
def test_voice_turn_through_a_fake_microphone(real_app, page):
    demo, url = real_app
    open_app(page, url)
    pick(page, "late-delivery", channel="voice")
    page.wait_for_selector("#rp-voice", state="visible")
    page.wait_for_function("() => window.rpSpeech && window.rpSpeech.played.length >= 1")  # the opening, aloud
    page.locator("#rp-mic button", has_text="Record").first.click()
    page.wait_for_timeout(4500)
    page.locator("#rp-mic button", has_text="Stop").first.click()
    page.wait_for_selector("#rp-speech .rp-speaking[data-turn='2'][data-done='1']", timeout=REPLY_TIMEOUT_MS)
    page.wait_for_function("() => window.rpSpeech.played.length >= 2", timeout=60_000)  # the reply, aloud
    chat = page.inner_text("#rp-chat").lower()
    assert "sorry" in chat and "present" in chat  # what espeak-ng said, as Whisper heard it
    shot(page, "04-voice")
    store = demo.rp_context.store
    row = store.get(store.list_sessions(trainee="local", limit=1)[0].id)
    assert row.channel == "voice" and [t.speaker for t in row.turns][:3] == ["customer", "trainee", "customer"]
    assert row.turns[1].meta["heard"]["while_speaking"]  # the microphone streamed: transcribed as it came
    for t in row.turns[:3]:  # both sides' audio kept with the session, with timings
        assert t.audio and Path(t.audio).is_file() and Path(t.audio).is_relative_to(demo.rp_context.data), t
        assert t.start is not None and t.end is not None and t.end > t.start
    played = page.evaluate("() => window.rpSpeech.played")
    assert any(re.search(r"/002-customer-(part)?\d+\.wav$", u) for u in played)  # sentence by sentence
    assert page.locator("#rp-chat .message-row").count() == 3 and page.inner_text("#rp-error").strip() == ""

    # In review: both sides' audio per turn and the talk-time timeline.
    page.click("#rp-end")
    page.wait_for_selector("#rp-scorecard .rp-bars-chart")
    page.get_by_role("tab", name="Review", exact=True).click()
    page.click("#rp-search")
    page.locator("#rp-sessions [role=gridcell]", has_text=row.id).click()
    page.wait_for_selector(f"#rp-replay-head [data-session='{row.id}']")
    players = page.locator("#rp-replay-transcript audio[data-turn-audio]")
    assert players.count() == 3
    for i in range(3):
        assert page.request.get(url.rstrip("/") + players.nth(i).get_attribute("src")).status == 200
    assert page.locator("#rp-replay-timeline svg rect").count() >= 3
    shot(page, "11-review-voice-replay")


@pytest.mark.speech
def test_speaking_over_the_customer_stops_them_and_marks_what_was_not_heard(canned_app, page):
    """The fake microphone speaks from the moment it opens: pressing Record while the customer's opening
    plays is the trainee cutting in."""
    demo, url, _ = canned_app
    open_app(page, url)
    pick(page, "late-delivery", channel="voice")
    page.wait_for_function("() => window.rpSpeech && window.rpSpeech.played.length >= 1 && window.rpSpeech.busy")
    page.locator("#rp-mic button", has_text="Record").first.click()
    page.wait_for_function("() => window.rpSpeech.cuts.length >= 1", timeout=10_000)
    cut = page.evaluate("() => window.rpSpeech.cuts[0]")
    assert cut["stopped"] - cut["onset"] <= 300  # from the trainee's first sound to silence, in ms
    assert cut["turn"] == 0 and 0 < cut["heard_s"] < 3.0
    page.wait_for_timeout(500)
    playing = page.evaluate("() => ({paused: window.rpSpeech.audio.paused, t: window.rpSpeech.audio.currentTime,"
                            " duration: window.rpSpeech.audio.duration})")
    assert playing["paused"] and playing["t"] < playing["duration"] - 0.5  # stopped, not played out
    assert page.evaluate("() => window.rpSpeech.cuts.length") == 1

    store = demo.rp_context.store
    sid = store.list_sessions(trainee="local", limit=1)[0].id
    for _ in range(50):  # the report reaches the server a moment later
        opening = store.get(sid).turns[0]
        if (opening.meta or {}).get("unheard"):
            break
        page.wait_for_timeout(100)
    unheard = opening.meta["unheard"]
    assert unheard and opening.text.split()[-len(unheard.split()):] == unheard.split()  # the end of the line
    assert opening.end == pytest.approx(cut["heard_s"], abs=0.05)  # the opening played from 0 s
    exported = store.transcript(sid).turns[0]
    assert exported.model_extra["unheard"] == unheard  # in the interchange transcript, beside the full text
    page.locator("#rp-mic button", has_text="Stop").first.click()


@pytest.mark.speech
def test_the_angry_caller_cuts_in_on_a_long_monologue(canned_app, page):
    """The fake microphone repeats its line for as long as the recording runs: a trainee who will not stop."""
    from roleplay.interruption import cut_in_after_s

    demo, url, _ = canned_app
    open_app(page, url)
    pick(page, "angry-caller", channel="voice")
    page.wait_for_function("() => window.rpSpeech && window.rpSpeech.played.length >= 1")
    page.locator("#rp-mic button", has_text="Record").first.click()
    page.wait_for_selector("#rp-cut-in [data-cut-in]", state="attached", timeout=60_000)  # nobody pressed Stop
    page.wait_for_selector("#rp-speech .rp-speaking[data-turn='2'][data-done='1']", timeout=REPLY_TIMEOUT_MS)
    store = demo.rp_context.store
    row = store.get(store.list_sessions(trainee="local", limit=1)[0].id)
    trainee, customer = row.turns[1], row.turns[2]
    limit = cut_in_after_s(demo.rp_context.persona("angry-caller"), row.turns[0].frustration)
    assert limit == 20.0  # an angry caller
    assert limit <= trainee.meta["cut_in_s"] < limit + 1.5  # cut in at its limit, not when the trainee stopped
    assert limit - 1.0 < trainee.end - trainee.start < limit + 2.0
    # The line is said as a cut-in, unless something more pressing came first: the monologue's
    # "What happened?" earns a fact, which the customer tells whether they cut in or not.
    assert customer.speaker == "customer"
    assert row.state["act"] == ("reveal" if row.state["last_unlocked"] else "cut_in"), row.state


def test_persona_editor_rejects_a_bad_persona_and_saves_a_good_one(canned_app, page):
    demo, url, tmp = canned_app
    open_app(page, url)
    page.get_by_role("tab", name="Personas", exact=True).click()
    editor = page.locator("#rp-yaml .cm-content")
    editor.wait_for()
    good = (PERSONAS / "late-delivery.yaml").read_text(encoding="utf-8").replace(
        "id: late-delivery", "id: birthday-train").replace("name: Sam Carter", "name: Robin Carter")
    bad = good.replace("difficulty: medium", "difficulty: impossible")

    def type_yaml(text):
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.insert_text(text)

    def problems_say(text):
        page.wait_for_function("(t) => document.querySelector('#rp-problems')?.innerText.includes(t)", arg=text)

    type_yaml(bad)
    problems_say("Input should be 'easy'")
    problems = page.inner_text("#rp-problems")
    line = bad.splitlines().index("difficulty: impossible") + 1
    assert f"line {line}" in problems and "difficulty" in problems
    shot(page, "05-personas-editor-error")
    page.click("#rp-save")
    page.wait_for_selector("#rp-save-status .rp-status.err")
    assert not (tmp / "personas" / "birthday-train.yaml").exists()

    type_yaml(good)
    problems_say("Valid persona “Robin Carter”")
    page.click("#rp-save")
    page.wait_for_selector("#rp-save-status .rp-status.ok")
    saved = tmp / "personas" / "birthday-train.yaml"
    assert saved.exists() and "Robin Carter" in saved.read_text(encoding="utf-8")
    page.wait_for_selector("#rp-lib-cards .rp-card[data-persona='birthday-train']")
    page.get_by_role("tab", name="Preview", exact=True).click()
    assert "Robin Carter" in page.inner_text("#rp-preview")
    page.get_by_role("tab", name="Editor", exact=True).click()
    shot(page, "06-personas-editor")
    page.get_by_role("tab", name="Practice", exact=True).click()
    page.wait_for_selector("#rp-cards .rp-card[data-persona='birthday-train']")


def test_replay_and_export_of_a_graded_session(canned_app, page, tmp_path):
    demo, url, _ = canned_app
    sid = seed_graded_session(demo)
    open_app(page, url)
    open_in_review(page, sid)
    assert page.locator("#rp-replay-transcript .rp-turn").count() == 5
    assert page.locator("#rp-replay-transcript mark").count() >= 1  # evidence marked on the turns
    assert page.locator("#rp-replay-card .rp-bars-chart").count() == 1
    assert page.locator("#rp-replay-curve svg circle").count() == 3  # one point per customer turn
    shot(page, "07-review-replay")
    with page.expect_download() as dl:
        page.click("#rp-dl-json")
    data = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert data["session"] == sid and len(data["turns"]) == 5 and data["scorecard"]["overall"] >= 0
    with page.expect_download() as dl:
        page.click("#rp-dl-csv")
    assert sid in Path(dl.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as dl:
        page.click("#rp-dl-html")
    report = Path(dl.value.path()).read_text(encoding="utf-8")
    assert "Practice session report" in report and "<script" not in report.lower()
    page.get_by_role("tab", name="Progress", exact=True).click()
    page.click("#rp-p-show")
    page.wait_for_selector("#rp-p-chart svg circle")
    shot(page, "08-review-progress")


def test_an_interrupted_session_is_continued_from_review(canned_app, page):
    """The app stopped while the customer was answering: the trainee finds the session under Review,
    continues it, and Retry gets the reply that never came."""
    from roleplay.model import ModelError
    from roleplay.session import PracticeSession
    from tests.fakes import ScriptedModel

    demo, url, _ = canned_app
    ctx = demo.rp_context
    s = PracticeSession.start(ctx.store, ctx.library.get("late-delivery"),
                              ScriptedModel(["Yes, it came on Tuesday.", ModelError("the process died")]))
    s.reply_text("Okay. Is the parcel with you now?")  # no fact earned: the model answers
    with pytest.raises(ModelError):
        s.reply_text("Let me check the parcel for you.")
    open_app(page, url)
    page.get_by_role("tab", name="Review", exact=True).click()
    page.click("#rp-search")
    page.locator("#rp-sessions [role=gridcell]", has_text=s.id).click()
    page.wait_for_selector(f"#rp-replay-head [data-session='{s.id}']")
    page.click("#rp-continue")
    page.wait_for_selector("#rp-convo", state="visible")
    assert page.locator("#rp-chat .message-row").count() == 4
    assert "press Retry" in page.inner_text("#rp-error")
    page.click("#rp-retry")
    wait_for_reply(page, 5)
    assert page.inner_text("#rp-error").strip() == "" and not page.locator("#rp-retry").is_visible()
    said = "Could you tell me the order number? [tracking](http://example.test/t) <b>today</b>"
    page.fill("#rp-msg textarea", said)
    page.press("#rp-msg textarea", "Enter")
    wait_for_reply(page, 7)
    assert said in page.inner_text("#rp-chat")  # text as typed: neither Markdown nor HTML
    assert page.locator("#rp-chat a[href*='example.test'], #rp-chat b").count() == 0
    stored = [t.text for t in ctx.store.transcript(s.id).turns]
    assert len(stored) == 7 and stored[3] == "Let me check the parcel for you."
    assert stored[5] == said


def test_a_silent_trainee_is_asked_if_anyone_is_there_then_left_and_review_shows_the_difficulty(quiet_app, page):
    demo, url, _ = quiet_app
    lines = demo.rp_context.library.get("late-delivery").lines
    open_app(page, url)
    page.click("#rp-cards .rp-card[data-persona='late-delivery']")
    page.wait_for_function("() => !document.querySelector('#rp-start').disabled")
    page.get_by_label("Hard").check()
    page.click("#rp-start")
    page.wait_for_selector("#rp-convo", state="visible")
    page.wait_for_function("(lines) => lines.some(l => document.querySelector('#rp-chat').innerText.includes(l))",
                           arg=lines.still_there, timeout=30_000)
    page.wait_for_selector("#rp-result", state="visible", timeout=30_000)  # the second silence: they hang up
    assert any(line in page.inner_text("#rp-result-transcript") for line in lines.leaving)
    shot(page, "09-silence-left")
    sid = demo.rp_context.store.list_sessions(limit=1)[0].id
    open_in_review(page, sid)
    head = page.inner_text("#rp-replay-head")
    assert "Hard" in head and re.search(r"seed \d+", head), head


def test_a_trainer_runs_a_personas_behaviour_tests_from_the_editor(quiet_app, page):
    _, url, _ = quiet_app
    open_app(page, url)
    page.get_by_role("tab", name="Personas", exact=True).click()
    page.click("#rp-lib-cards .rp-card[data-persona='late-delivery']")
    page.wait_for_function("() => document.querySelector('#rp-yaml .cm-content')?.innerText.includes('id: late-delivery')")
    page.get_by_role("tab", name="Test run", exact=True).click()
    page.click("#rp-expect-run")
    page.wait_for_selector("#rp-expect .rp-expect-case[data-case='belittling']", timeout=120_000)
    cases = page.locator("#rp-expect .rp-expect-case")
    assert cases.count() == 4
    assert page.get_attribute("#rp-expect .rp-expect-case[data-case='rude']", "data-ok") == "true"
    assert "line 1 raises by 12" in page.text_content("#rp-expect .rp-expect-case[data-case='belittling']")
    shot(page, "10-persona-behaviour-tests")


def test_a_trainee_cannot_see_someone_elses_session(browser, tmp_path):
    demo, url = launch(tmp_path, users={"ann": ["trainee"], "bob": ["trainee"]},
                       library=copy_library(tmp_path / "personas"))
    try:
        anns = seed_graded_session(demo, trainee="ann")
        bobs = seed_graded_session(demo, trainee="bob")
        ctx = browser.new_context(viewport={"width": 1360, "height": 900})
        page = ctx.new_page()
        page.set_default_timeout(60_000)
        page.goto(url)
        page.wait_for_selector("input[type=password]")
        shot(page, "00-sign-in")
        page.fill("input[data-testid=textbox]", "bob")
        page.fill("input[type=password]", PASSWORD)
        page.get_by_role("button", name="Login").click()
        page.wait_for_selector("#rp-cards .rp-card")
        page.wait_for_function("() => document.querySelector('#rp-header')?.innerText.includes('bob · trainee')")
        page.get_by_role("tab", name="Personas", exact=True).click()  # the library, but no editor: trainers only
        page.wait_for_selector("#rp-personas-locked")
        shot(page, "09-personas-for-a-trainee")
        assert not page.locator("#rp-yaml").is_visible() and not page.locator("#rp-save").is_visible()
        page.get_by_role("tab", name="Review", exact=True).click()
        page.locator("#rp-sessions [role=gridcell]", has_text=bobs).wait_for()
        assert anns not in page.inner_text("#rp-sessions")
        page.fill("#rp-sid input, #rp-sid textarea", anns)
        page.click("#rp-open")
        page.wait_for_function("() => document.querySelector('#rp-replay-head')?.innerText.includes('not found')")
        assert "ann" not in page.inner_text("#rp-replay-transcript")
        shot(page, "10-review-not-found")
        ctx.close()
    finally:
        demo.close()


def signed_in(browser, url, name):  # noqa: F811 - `browser` is the fixture of that name, passed on
    """A new browser context signed in as `name` (multi-user app), on the practice cards."""
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(60_000)
    pg.goto(url)
    pg.fill("input[data-testid=textbox]", name)
    pg.fill("input[type=password]", PASSWORD)
    pg.get_by_role("button", name="Login").click()
    pg.wait_for_selector("#rp-cards .rp-card")
    settle(pg)
    return ctx, pg
