"""Assignments and the team overview in headless Chromium, on canned customer lines: a trainer puts a
trainee in a group and assigns them a persona with pass marks; the trainee sees it under "My
assignments", practises it, and sees whether it passed; the trainer's overview shows the result and
opens the session behind a cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roleplay import assignments, xapi
from roleplay.llm import ModelClient, ModelConfig
from tests.standin import StandIn
from tests.test_app_api import PASSWORD, copy_library, launch
from tests.test_browser import CHROMIUM, browser, settle, signed_in, spoken_wav, wait_for_reply  # noqa: F401
from tests.test_drafting import BRIEF, FLAWED
from tests.test_xapi import StandInLrs

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")]


@pytest.fixture
def team_app(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_SILENCE_S", "voice:600,chat:600")  # a slow step here is not the trainee's silence
    demo, url = launch(tmp_path, users={"ann": ["trainee"], "bob": ["trainee"], "tess": ["trainer"]},
                       library=copy_library(tmp_path / "personas"))
    yield demo, url
    demo.close()


def choose(pg, selector: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by its label."""
    pg.click(f"{selector} input")
    pg.get_by_role("option", name=option, exact=True).click()


def test_a_trainer_assigns_a_trainee_practises_and_the_overview_shows_it(browser, team_app):  # noqa: F811
    demo, url = team_app
    store = demo.rp_context.store
    ctx, pg = signed_in(browser, url, "tess")
    pg.get_by_role("tab", name="Team", exact=True).click()
    pg.get_by_role("tab", name="Groups", exact=True).click()
    choose(pg, "#rp-gr-user", "ann")
    pg.fill("#rp-gr-name input", "north")
    pg.click("#rp-gr-add")
    pg.locator("#rp-gr-table [role=gridcell]", has_text="north").wait_for()
    pg.get_by_role("tab", name="Assignments", exact=True).click()
    choose(pg, "#rp-as-persona", "Sam Carter")
    choose(pg, "#rp-as-groups", "north")
    pg.fill("#rp-as-pass input", "40")
    pg.fill("#rp-as-skills input, #rp-as-skills textarea", "empathy=45")
    pg.fill("#rp-as-attempts input", "2")
    pg.fill("#rp-as-due input, #rp-as-due textarea", "2099-12-31")
    pg.click("#rp-as-assign")
    pg.wait_for_function("() => document.querySelector('#rp-as-status')?.innerText.includes('Assignment #1 set')")
    [a] = assignments.all_assignments(store)
    assert (a.persona_id, a.groups, a.pass_overall, a.pass_skills, a.max_attempts) == (
        "late-delivery", ["north"], 40, {"empathy": 45}, 2)
    pg.fill("#rp-as-pass input", "140")  # bad input: a clear message, nothing stored
    pg.click("#rp-as-assign")
    pg.wait_for_function("() => document.querySelector('#rp-as-status')?.innerText.includes('less than or equal')")
    assert len(assignments.all_assignments(store)) == 1
    ctx.close()

    ctx, pg = signed_in(browser, url, "ann")
    mine = pg.inner_text("#rp-my-assignments")
    assert "Sam Carter" in mine and "not started" in mine and "40 (empathy 45)" in mine
    choose(pg, "#rp-assignment", "#1 Sam Carter — not started")
    pg.wait_for_function("() => !document.querySelector('#rp-assignment-start').disabled")
    pg.click("#rp-assignment-start")
    pg.wait_for_selector("#rp-convo", state="visible")
    for n, line in enumerate(["That sounds really frustrating, I'm sorry it missed the party. What happened?",
                              "I can refund the $6.90 shipping fee for you today."]):
        pg.fill("#rp-msg textarea", line)
        pg.press("#rp-msg textarea", "Enter")
        wait_for_reply(pg, 3 + 2 * n)
    pg.click("#rp-end")
    pg.wait_for_selector("#rp-result", state="visible")
    [sid] = [r.id for r in store.list_sessions(trainee="ann")]
    card = store.get(sid).scorecard
    passed = not card["blockers"] and card["overall"] >= 40 and card["skills"]["empathy"]["score"] >= 45
    verdict = "Assignment #1: passed" if passed else "Assignment #1: not passed"
    assert verdict in pg.inner_text("#rp-result")
    pg.click("#rp-again")
    pg.wait_for_function("(s) => document.querySelector('#rp-my-assignments')?.innerText.includes(s)",
                         arg="passed" if passed else "open")
    assert f"{card['overall']:.0f}" in pg.inner_text("#rp-my-assignments tr[data-assignment='1']")
    pg.get_by_role("tab", name="Team", exact=True).click()
    assert "for trainers" in pg.inner_text("#rp-team-locked") and not pg.locator("#rp-team").is_visible()
    ctx.close()

    ctx, pg = signed_in(browser, url, "tess")
    pg.get_by_role("tab", name="Team", exact=True).click()
    choose(pg, "#rp-o-group", "north")
    pg.click("#rp-o-show")
    row = pg.locator("#rp-heatmap tr[data-trainee='ann']")
    row.wait_for()
    assert f"{card['overall']:.0f}" in row.locator("td[data-skill='overall']").inner_text()
    assert ("1 passed" if passed else "1 open") in row.inner_text()
    assert pg.locator("#rp-heatmap tr[data-trainee='bob']").count() == 0  # not in the group
    pg.locator("#rp-overview [role=gridcell]", has_text=f"{card['skills']['empathy']['score']:.0f}").first.click()
    pg.locator("#rp-cell-sessions [role=gridcell]", has_text=sid).wait_for()
    with pg.expect_download() as dl:
        pg.click("#rp-o-csv")
    assert "ann," in open(dl.value.path(), encoding="utf-8").read()
    pg.locator("#rp-cell-sessions [role=gridcell]", has_text=sid).click()  # the session, one click away
    pg.wait_for_selector(f"#rp-replay-head [data-session='{sid}']")
    with pg.expect_download() as dl:  # the session's xAPI statements, from Review
        pg.click("#rp-dl-xapi")
    statements = json.loads(open(dl.value.path(), encoding="utf-8").read())
    assert [s["verb"]["display"]["en-US"] for s in statements] == ["attempted", "completed",
                                                                    "passed" if passed else "failed"]
    for s in statements:
        xapi.validate(s)

    stand_in = StandInLrs()  # and sent to an LRS from the Team tab's settings
    try:
        pg.get_by_role("tab", name="Team", exact=True).click()
        pg.get_by_role("tab", name="LMS", exact=True).click()
        pg.fill("#rp-lrs-endpoint input, #rp-lrs-endpoint textarea", stand_in.url)
        pg.fill("#rp-lrs-user input, #rp-lrs-user textarea", "key")
        pg.fill("#rp-lrs-password input", "s3cret-pass")
        pg.click("#rp-lrs-save")
        pg.wait_for_function("() => document.querySelector('#rp-lrs-status')?.innerText.includes('Saved')")
        pg.click("#rp-lrs-send")
        pg.wait_for_function("() => document.querySelector('#rp-lrs-status')?.innerText.includes('Sent 3')")
        assert [s["id"] for s in stand_in.received] == [s["id"] for s in statements]
    finally:
        stand_in.close()
    ctx.close()


def test_a_persona_drafted_from_a_description_opens_in_the_editor_unsaved(browser, tmp_path):  # noqa: F811
    """The plumbing, through the real model client to a stand-in server answering a fixed, flawed draft."""
    server = StandIn(delay_s=0, line=json.dumps(FLAWED))
    library = copy_library(tmp_path / "personas")
    demo, url = launch(tmp_path, client=ModelClient(ModelConfig(base_url=server.start(), model="stand-in")),
                       single_user=True, library=library)
    ctx = browser.new_context(viewport={"width": 1360, "height": 900})
    try:
        pg = ctx.new_page()
        pg.set_default_timeout(60_000)
        pg.goto(url)
        pg.wait_for_selector("#rp-cards .rp-card")
        pg.get_by_role("tab", name="Personas", exact=True).click()
        pg.click("#rp-draft-box")
        pg.fill("#rp-draft-text textarea", "short")
        pg.click("#rp-draft")
        pg.wait_for_function("() => document.querySelector('#rp-draft-status')?.innerText.includes('describe')")
        pg.fill("#rp-draft-text textarea", BRIEF)
        pg.click("#rp-draft")
        pg.wait_for_function("() => document.querySelector('#rp-draft-status')?.innerText.includes('Not saved')")
        pg.wait_for_function("() => document.querySelector('#rp-problems')?.innerText.includes('Nora Berg')")
        assert "Valid persona" in pg.inner_text("#rp-problems")
        assert "id: cafe-owner" in pg.inner_text("#rp-yaml")
        assert "cafe-owner" not in library.files and not (tmp_path / "personas" / "cafe-owner.yaml").exists()
    finally:
        ctx.close()
        demo.close()
        server.stop()
