"""Practice that teaches, in headless Chromium on canned customer lines: redo a moment and see both
attempts side by side, open a customer turn's causes, use a hint, and an evaluator's comment seen by
the trainee (and by no other trainee)."""

from __future__ import annotations

import pytest

from tests.test_app_api import PASSWORD, copy_library, launch
from tests.test_browser import (CHROMIUM, browser, canned_app, open_app, page, pick, seed_graded_session, signed_in,  # noqa: F401
                                settle, shot, spoken_wav, wait_for_reply)

pytestmark = [pytest.mark.browser]


def open_replay(page, sid: str) -> None:
    page.get_by_role("tab", name="Review", exact=True).click()
    page.get_by_role("tab", name="Sessions", exact=True).click()
    page.fill("#rp-sid input, #rp-sid textarea", sid)
    page.click("#rp-open")
    page.wait_for_selector(f"#rp-replay-head [data-session='{sid}']")


def test_redo_a_turn_and_see_both_attempts_with_why_they_reacted(canned_app, page):
    demo, url, _ = canned_app
    sid = seed_graded_session(demo)
    open_app(page, url)
    open_replay(page, sid)
    why = page.locator("#rp-replay-transcript .rp-why").first
    why.locator("summary").click()
    assert "acknowledged the feeling" in why.inner_text()  # the customer's reaction to turn #2, explained
    assert "Why it ended: You ended the conversation." in page.inner_text("#rp-ending")
    page.fill("#rp-redo-turn input", "4")  # the refund offer
    page.click("#rp-redo")
    page.wait_for_selector("#rp-convo", state="visible")
    assert page.locator("#rp-chat .message-row").count() == 3
    page.click("#rp-hint")
    page.wait_for_function("() => document.querySelector('#rp-hint-text')?.innerText.trim().length > 0")
    page.fill("#rp-msg textarea", "What would make this right for Leo?")
    page.press("#rp-msg textarea", "Enter")
    wait_for_reply(page, 5)
    page.wait_for_function("() => document.querySelector('#rp-why-live')?.innerText.includes('open question')")
    assert page.inner_text("#rp-hint-text").strip() == ""  # the hint was for the turn before
    page.click("#rp-end")
    page.wait_for_selector("#rp-result", state="visible")
    fork = demo.rp_context.store.forks(sid)[-1]
    page.fill("#rp-result-redo-turn input", "2")  # right after grading: redo the fork's first reply
    page.click("#rp-result-redo")
    page.wait_for_selector("#rp-convo", state="visible")
    assert page.locator("#rp-chat .message-row").count() == 1
    assert [f.fork_at for f in demo.rp_context.store.forks(fork.id)] == [1]
    assert demo.rp_context.store.annotations(fork.id, kind="hint")  # the hint is recorded
    open_replay(page, fork.id)
    page.wait_for_selector("#rp-compare-view")
    assert "hint used" in page.inner_text("#rp-replay-transcript")  # hints used are shown in Review
    both = page.inner_text("#rp-compare-view")
    assert "I can refund the $6.90 shipping fee" in both and "What would make this right for Leo?" in both
    assert page.locator("#rp-compare-view .rp-skill-change tr").count() >= 3  # score change per skill
    shot(page, "11-two-attempts")


def test_an_evaluators_comment_is_seen_by_the_trainee_only(browser, tmp_path):  # noqa: F811
    demo, url = launch(tmp_path, users={"ann": ["trainee"], "bob": ["trainee"], "eve": ["evaluator"]},
                       library=copy_library(tmp_path / "personas"))
    try:
        anns = seed_graded_session(demo, trainee="ann")
        ctx, pg = signed_in(browser, url, "eve")
        open_replay(pg, anns)
        pg.click("#rp-grade-box")
        pg.fill("#rp-g-scores input, #rp-g-scores textarea", "listening=70, empathy=55")
        pg.click("#rp-g-save")
        pg.wait_for_selector("#rp-human-grades .rp-human")
        pg.click("#rp-comment-box")
        pg.fill("#rp-c-turn input", "4")
        pg.fill("#rp-c-text textarea", "Offer the refund after naming the lost party.")
        pg.click("#rp-c-add")
        pg.wait_for_selector("#rp-replay-transcript .rp-comment")
        pg.get_by_role("tab", name="Agreement", exact=True).click()
        pg.click("#rp-a-show")
        pg.locator("#rp-agreement [role=gridcell]", has_text="empathy").wait_for()
        pg.locator("#rp-agreement [role=gridcell]", has_text=anns).first.click()  # the session, one click away
        pg.wait_for_selector(f"#rp-replay-head [data-session='{anns}']")
        ctx.close()
        ctx, pg = signed_in(browser, url, "ann")
        open_replay(pg, anns)
        assert "Offer the refund after naming" in pg.inner_text("#rp-replay-transcript .rp-comment")
        assert "by eve" in pg.inner_text("#rp-human-grades")
        ctx.close()
        ctx, pg = signed_in(browser, url, "bob")
        pg.get_by_role("tab", name="Review", exact=True).click()
        pg.fill("#rp-sid input, #rp-sid textarea", anns)
        pg.click("#rp-open")
        pg.wait_for_function("() => document.querySelector('#rp-replay-head')?.innerText.includes('not found')")
        assert pg.locator("#rp-replay-transcript .rp-comment").count() == 0
        ctx.close()
    finally:
        demo.close()
