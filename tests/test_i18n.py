"""The app's own words in English, Swedish and Finnish (issue 17): the packs' `ui`, how a request's
language is chosen, and the server-made HTML in each language."""

from __future__ import annotations

import html
from datetime import datetime

import pytest
from pydantic import ValidationError

from roleplay.accounts import Accounts
from roleplay.languages import Pack, codes, pack, placeholders
from roleplay.library import Library
from roleplay.overview import Overview
from roleplay.store import Store
from roleplay.web import auth, charts, chips, exports, i18n, lessons, render, scorecard, team_view, transcript
from tests.fakes import canned
from tests.test_app_api import PERSONAS, copy_library
from tests.test_language_pack import german, use_packs  # noqa: F401 - fixtures: a German pack in a folder

SV_CARD = {"overall": 48, "passed": False, "band": "needs work", "grader": "rules",
           "skills": {"listening": {"score": 40, "evidence": [{"turn": 1, "effect": "-", "quote": "Nej.",
                                                               "note": "avvisade kunden"}],
                                    "tips": ["Ställ en öppen fråga tidigt."]},
                      "calm": {"score": 70, "evidence": [], "tips": []}}}


def test_every_pack_has_every_ui_word_with_the_placeholders_of_english():
    assert set(codes()) >= {"en", "sv", "fi"} and codes()[0] == "en"
    english = pack("en").ui
    for code in codes():
        ui = pack(code).ui
        assert set(ui) == set(english), code
        for key, text in english.items():
            assert placeholders(ui[key]) == placeholders(text), (code, key)
            assert ui[key].strip(), (code, key)


@pytest.mark.parametrize("change", ["drop", "rename", "extra"])
def test_a_pack_whose_ui_does_not_match_english_is_refused(change):
    from roleplay.languages import sv

    ui = dict(sv.PACK["ui"])
    if change == "drop":
        del ui["chat.with"]
    elif change == "rename":
        ui["chat.with"] = "Samtal med {namn}"
    else:
        ui["chat.without"] = "text"
    with pytest.raises(ValidationError, match=r"ui|chat\.with"):
        Pack.model_validate({**sv.PACK, "ui": ui}, context={"reference": pack("en")})


class _Request:
    def __init__(self, accept: str | None, username: str | None = None):
        self.headers = {} if accept is None else {"accept-language": accept}
        self.username = username


@pytest.mark.parametrize("accept, lang", [("sv-SE,sv;q=0.9,en;q=0.8", "sv"), ("fi-FI", "fi"), ("fi", "fi"),
                                          ("en-US,en;q=0.9", "en"), ("de-DE,sv;q=0.5", "en"), ("", "en"),
                                          (None, "en")])
def test_the_interface_follows_the_browsers_first_language(monkeypatch, accept, lang):
    monkeypatch.delenv(i18n.SETTING, raising=False)
    assert i18n.language(_Request(accept)) == lang


def test_the_setting_gives_every_browser_one_language(monkeypatch):
    monkeypatch.setenv(i18n.SETTING, "fi")
    assert i18n.language(_Request("sv-SE")) == "fi"
    assert i18n.translations().translations == {"en": pack("fi").ui}  # the frontend's fallback, for every locale
    monkeypatch.setenv(i18n.SETTING, "de")
    with pytest.raises(ValueError, match="ROLEPLAY_UI_LANGUAGE"):
        i18n.language(None)


def test_gradio_gets_every_packs_words_and_labels_are_checked_keys(monkeypatch):
    monkeypatch.delenv(i18n.SETTING, raising=False)
    table = i18n.translations().translations
    assert set(table) == set(codes()) and table["sv"]["practice.start"] == "Börja samtalet"
    assert i18n.t("practice.start").key == "practice.start"
    with pytest.raises(KeyError):
        i18n.t("practice.no_such_label")


def test_the_scorecard_speaks_the_interfaces_language_and_keeps_the_graders_words():
    sv = scorecard.scorecard(SV_CARD, title="Samtal med Sam", end_reason="customer_left", lang="sv")
    for word in ("Inte godkänd", "Replik 2", "totalt", "lyssnande", "behöver förbättras", "Kunden lämnade samtalet."):
        assert word in sv, word
    assert "Ställ en öppen fråga tidigt." in sv and 'data-skill="listening"' in sv and 'data-tip="Tips"' in sv
    en = scorecard.scorecard(SV_CARD, lang="en")
    assert "Not passed" in en and "Turn 2" in en and "listening" in en and "Ställ en öppen fråga tidigt." in en
    assert "Arviointisi" in scorecard.scorecard(SV_CARD, lang="fi")


@pytest.mark.parametrize("lang", ["en", "sv", "fi"])
def test_every_panel_renders_in_every_language(lang):
    """Every word the HTML asks for is in each pack (a missing id would raise here)."""
    from types import SimpleNamespace

    p = Library(PERSONAS).get("angry-caller-sv")
    w = i18n.words(lang)
    out = [render.header("ann", "trainee", False, lang), render.header("", "", True, lang),
           render.persona_cards([p], lang=lang), render.persona_cards([], lang=lang), render.brief(None, lang=lang),
           render.brief(p, "", lang), render.chat_head(p, "voice", lang), render.side_panel(p, "chat", lang),
           render.meter(95, 90, lang=lang), render.meter(10, 90, hidden=True, lang=lang),
           scorecard.scorecard(None, lang=lang), scorecard.scorecard({**SV_CARD, "persona_version": "library",
                                                                "practised_rubric_version": "1",
                                                                "rubric_version": "2", "blockers": ["x"]}, lang=lang),
           transcript.transcript([SimpleNamespace(speaker="customer", text="Hej", frustration=50, start=None, end=None)],
                             "Sam", SV_CARD, lang=lang)]
    row = SimpleNamespace(id="s1", created_at=None, overall=None, end_reason=None, ended=False, language="sv",
                          trainee="ann", channel="voice", state={"difficulty": "hard", "seed": 7})
    out.append(transcript.replay_header(row, "Sam", lang))
    timed = [SimpleNamespace(speaker=who, text="x", frustration=None, start=a, end=b)
             for who, a, b in (("customer", 0.0, 3.0), ("trainee", 2.5, 5.0))]
    out += [charts.frustration_curve([(0, 40), (2, 60)], 90, 20, lang), charts.frustration_curve([], lang=lang),
            charts.timeline(timed, "Sam", lang), charts.timeline([], "Sam", lang),
            charts.progress_chart({"overall": [(datetime(2026, 1, 1), 50.0)], "calm": [(datetime(2026, 1, 1), 60.0)]},
                                  w("chart.progress", name="ann"), lang)]
    out.append(lessons.human_grades([{"author": "eve", "scores": {"calm": 60}, "note": ""}], lang))
    out.append(render.problems([SimpleNamespace(line=3, field="", message="x")] * 2, lang=lang))
    text = html.unescape("".join(out))
    for key in ("channel.voice", "difficulty.hard", "meter.hidden", "score.none", "state.in_progress", "human.grade",
                "card.none", "brief.empty", "score.library_version", "chart.leaves", "chart.no_turns",
                "chart.talk_time", "chart.no_timings", "skill.calm", "problems.file"):
        assert w(key) in text, key
    assert w("problems.many", n=2) in text and w("problems.line", line=3) in text


def test_a_languages_name_is_its_packs_own(german):  # noqa: F811
    """The chip, the replay header and the report name a language as its pack does: a new pack names itself."""
    from types import SimpleNamespace

    assert [chips.language_name(c) for c in ("en", "sv", "fi", "de")] == ["English", "Svenska", "Suomi", "Deutsch"]
    assert chips.language_name("xx") == "xx"  # no pack: its code
    chip = chips.language_chip("de")
    assert "Deutsch" in chip and "rp-flag" not in chip  # no flag picture for German: no empty box
    assert '<span class="rp-lang-code" aria-hidden="true">DE</span>Deutsch' in chip
    row = SimpleNamespace(id="s1", created_at=None, overall=None, end_reason=None, ended=True, language="de",
                          trainee="ann", channel="chat", state={})
    assert "Deutsch" in transcript.replay_header(row, "Lena", "sv")


def test_a_language_with_a_flag_picture_shows_it_and_every_flag_has_its_style():
    from roleplay.web import theme

    for code in ("en", "sv", "fi"):
        chip = chips.language_chip(code)
        assert f'class="rp-flag rp-flag-{code}"' in chip and "rp-lang-code" not in chip
        assert f".rp-flag-{code} {{" in theme.CSS
    assert ".rp-lang-code {" in theme.CSS


def test_the_sign_in_message_is_in_the_browsers_language(monkeypatch):
    """Gradio sends one message to every browser: it carries each pack's words, and a style shows the one
    of the page's language (Gradio puts <html lang> in the browser's first); the setting sends one."""
    monkeypatch.delenv(i18n.SETTING, raising=False)
    message = auth.login_message()
    for code in codes():
        assert f'<span lang="{code}">{html.escape(i18n.words(code)("auth.message"), quote=False)}</span>' in message
    assert "html:lang(sv) .rp-login [lang=sv]" in message and "html:not(:lang(fi)):not(:lang(sv))" in message
    monkeypatch.setenv(i18n.SETTING, "sv")
    assert html.unescape(auth.login_message()) == (
        '<span class="rp-login" lang="sv">Logga in med kontot som din utbildare har skapat åt dig.</span>')


def test_the_heat_map_and_the_report_speak_the_interfaces_language(tmp_path):
    from roleplay.overview import Cell, TraineeRow
    from collections import Counter

    empty = html.unescape(team_view.heatmap(Overview(skills=["empathy"], rows=[], leavers=[]), "sv"))
    assert "Inga deltagare matchar filtren." in empty and "Ingen kund lämnade samtalet" in empty
    row = TraineeRow("ann", {"empathy": Cell(55.0, "↑", ["a", "b"]), "overall": Cell(60.0, "", ["a"])},
                     Counter({"passed": 1, "open": 2}))
    ov = Overview(skills=["empathy"], rows=[row], leavers=[("Sam", 1, 3)])
    sv = html.unescape(team_view.heatmap(ov, "sv"))
    for said in ("Deltagare", "empati", "totalt", "Uppgifter", "1 godkänd, 2 öppen", "bedömda pass: 2",
                 "Sam: lämnade samtalet i 1 av 3 pass", 'data-skill="empathy"'):
        assert said in sv, said
    table = team_view.overview_table(ov, "fi")
    assert table["headers"] == ["Harjoittelija", "empatia", "yhteensä", "Tehtävät"]
    assert table["data"] == [["ann", "55 ↑", "60", "1 hyväksytty, 2 avoin"]]
    assert team_view.overview_table(ov)["data"][0][-1] == row.assignment_summary  # English as the CSV's


def test_team_messages_follow_the_browsers_language(tmp_path, monkeypatch):
    """The Team tab's messages, tables and choices in the browser's language (Swedish here)."""
    from roleplay.web.context import Context
    from roleplay.web.team_tab import TeamTab

    monkeypatch.delenv(i18n.SETTING, raising=False)
    url = f"sqlite:///{tmp_path / 'rp.db'}"
    accounts = Accounts(url)
    accounts.add("tess", "pw-long-enough-1", ["trainer"])
    accounts.add("ann", "pw-long-enough-1", ["trainee"])
    ctx = Context(Store(url), copy_library(tmp_path / "personas"), canned(), accounts=accounts, data=tmp_path / "d",
                  speech=False)
    import gradio as gr

    tab = TeamTab(ctx, lambda name, text: tmp_path / name)
    with gr.Blocks():
        tab.build()
    sv, en = _Request("sv-SE,sv;q=0.9", "tess"), _Request("en-GB", "tess")
    said = html.unescape(tab.remove(99, sv)[0])
    assert "Det finns ingen sådan uppgift." in said
    assert "No such assignment." in html.unescape(tab.remove(99, en)[0])
    joined = tab.join("ann", "norr", sv)
    assert "ann är med i norr." in html.unescape(joined[tab.g_status])
    assert joined[tab.g_table]["headers"] == ["Grupp", "Medlemmar"]
    assert "ann är inte med i söder." in html.unescape(tab.leave("ann", "söder", sv)[tab.g_status])
    assert "Det här kräver rollen utbildare." in html.unescape(tab.remove(1, _Request("sv", "ann"))[0])
    loaded = tab.on_load(accounts.get("tess"), "sv")
    assert loaded[tab.a_table]["headers"][:3] == ["#", "Kund", "Svårighetsgrad"]
    assert loaded[tab.o_measure]["choices"] == [("Senaste poäng", "latest"), ("Bästa poäng", "best")]
    assert loaded[tab.a_difficulty]["choices"][0] == ("Som skriven", "")


def test_the_printable_report_is_in_the_downloaders_language():
    from types import SimpleNamespace

    turn = SimpleNamespace(idx=0, speaker="customer", text="Hej", frustration=50, start=None, end=None)
    row = SimpleNamespace(id="s1", created_at=None, trainee="ann", channel="chat", language="sv", turns=[turn],
                          scorecard=SV_CARD, end_reason="customer_left")
    sv = html.unescape(exports.report_html(row, "Sam", 90, 20, lang="sv"))
    for said in ('<html lang="sv">', "Rapport från ett övningspass", "Kund <b>Sam</b> · deltagare <b>ann</b>",
                 "Chatt", "Svenska", "pass s1", "Bedömning", "Samtalet", "Utskrift", "Frustration under samtalet"):
        assert said in sv, said
    assert "Practice session report" in exports.report_html(row, "Sam", lang="en")


def test_the_speech_player_the_filters_and_skipped_files_speak_the_interfaces_language():
    from types import SimpleNamespace

    from roleplay.web import filters, speech_player

    assert 'data-label="Kunden pratar …"' in speech_player.speech_queue(["/a.wav"], 1, lang="sv")
    assert "box().dataset.label" in speech_player.SPEECH_JS  # the player shows the label the server wrote
    with pytest.raises(ValueError, match="år-månad-dag"):
        filters.parse_since("31.1.2025", "sv")
    with pytest.raises(ValueError, match="taito=luku, ei 'empatia'"):
        filters.parse_scores("empatia", "fi")
    assert filters.parse_scores("empathy=60, calm=70", "sv") == {"empathy": 60.0, "calm": 70.0}
    skipped = render.library_errors([SimpleNamespace(source="/x/bad.yaml", problems=["no name"])], "sv")
    assert "Filer som hoppades över" in html.unescape(skipped) and "bad.yaml" in skipped


def test_reviews_tables_are_headed_in_the_interfaces_language(tmp_path, monkeypatch):
    import gradio as gr

    from roleplay.web.context import Context
    from roleplay.web.review import ReviewTab

    monkeypatch.delenv(i18n.SETTING, raising=False)
    ctx = Context(Store(f"sqlite:///{tmp_path / 'rp.db'}"), copy_library(tmp_path / "personas"), canned(),
                  single_user=True, data=tmp_path / "d", speech=False)
    tab = ReviewTab(ctx)
    with gr.Blocks():
        tab.build()
    loaded = tab.on_load(ctx.user(None), "sv")
    assert loaded[tab.table]["headers"][:3] == ["Datum (UTC)", "Deltagare", "Kund"]
    assert loaded[tab.a_table]["headers"][:3] == ["Färdighet", "Antal pass", "Människa − AI"]
    assert loaded[tab.p_table]["headers"][:4] == ["Datum (UTC)", "Kund", "Totalt", "Lyssnande"]
    assert tab.agreement(_Request("fi-FI"))[tab.a_table]["headers"][0] == "Taito"
    assert tab.progress("", _Request("en-GB"))[tab.p_table]["headers"][:4] == ["Date (UTC)", "Customer", "Overall",
                                                                              "Listening"]


def test_what_the_load_event_fills_in_is_among_its_outputs(tmp_path):
    """Every component a tab's on_load returns is one the app's load event lists (Gradio refuses others)."""
    from roleplay.web import build

    demo = build(store=Store(f"sqlite:///{tmp_path / 'rp.db'}"), library=copy_library(tmp_path / "personas"),
                 client=canned(), single_user=True, data=tmp_path / "d")
    [load] = [d for d in demo.fns.values() if getattr(d.fn, "__name__", "") == "on_load"]
    outputs = {b._id for b in load.outputs}
    loaded = load.fn(_Request("sv-SE"))
    assert {c._id for c in loaded} <= outputs


def test_the_apps_refusals_are_said_in_the_interfaces_language(tmp_path, monkeypatch):
    """Context's refusals (sign in, roles, not found, a start it will not do) and Practice's own are the
    packs' words: a page says them in its language, while their own text stays English (the log, the API)."""
    import gradio as gr

    from roleplay.web.context import Context, Forbidden, NotFound
    from roleplay.web.errors import told
    from roleplay.web.practice import PracticeTab
    from roleplay.web.review import ReviewTab

    monkeypatch.delenv(i18n.SETTING, raising=False)
    url = f"sqlite:///{tmp_path / 'rp.db'}"
    accounts = Accounts(url)
    accounts.add("ann", "pw-long-enough-1", ["trainee"])
    ctx = Context(Store(url), copy_library(tmp_path / "personas"), canned(), accounts=accounts, data=tmp_path / "d",
                  speech=False)
    ann_sv = _Request("sv-SE,sv;q=0.9", "ann")

    def refusal(call) -> Exception:
        with pytest.raises((Forbidden, NotFound, KeyError, ValueError)) as e:
            call()
        return e.value

    signed_out = refusal(lambda: ctx.user(_Request("sv-SE")))
    assert told(signed_out, "sv") == "Logga in först." and str(signed_out) == "please sign in"
    assert told(refusal(lambda: ctx.require(ann_sv, "trainer")), "sv") == "Det här kräver rollen utbildare."
    assert told(refusal(lambda: ctx.require(ann_sv, "evaluator")), "fi") == "Tähän tarvitaan arvioijan rooli."
    ann = ctx.user(ann_sv)
    assert told(refusal(lambda: ctx.session_for(ann, "nope")), "sv") == "Passet hittades inte."
    assert str(refusal(lambda: ctx.session_for(ann, "nope"))) == "Session not found."  # the API's, unchanged
    assert told(refusal(lambda: ctx.start(ann, "nobody", "chat")), "sv") == "Det finns ingen kundprofil 'nobody'."
    assert told(refusal(lambda: ctx.start(ann, "late-delivery", "fax")), "sv") == "Välj chatt eller röst."
    assert told(refusal(lambda: ctx.start(ann, "late-delivery", "chat", "extreme")), "sv") == (
        "Välj lätt, medel eller svår.")
    one_channel = next(p for p in ctx.personas() if p.channel.value != "both")
    other = "chat" if one_channel.channel.value == "voice" else "voice"
    assert told(refusal(lambda: ctx.start(ann, one_channel.id, other)), "sv").startswith(f"{one_channel.name} tar bara")
    live = ctx.start(ann, "late-delivery", "chat")
    sid = live.session.id
    assert told(refusal(lambda: ctx.human_grade(ann, sid, {"empathy": 50})), "sv") == (
        "Att bedöma kräver rollen bedömare.")
    assert told(refusal(lambda: ctx.comment(ann, sid, 0, "bra")), "sv") == "Att kommentera kräver rollen bedömare."
    assert told(refusal(lambda: ctx.start_assignment(ann, 99, "chat")), "sv") == "Det finns ingen sådan uppgift."

    practice, review = PracticeTab(ctx), ReviewTab(ctx)
    with gr.Blocks():
        practice.build()
        review.build()
    out = practice.start_assignment(None, "chat", ann_sv)
    assert "Välj en uppgift först." in html.unescape(out[practice.start_status])
    live.session.end()
    ended = refusal(lambda: practice.resume(sid, ann_sv))
    assert told(ended, "sv") == "Samtalet är avslutat; det kan spelas upp men inte fortsättas."
    regraded = review.regrade(sid, False, ann_sv)[review.replay_status]["value"]
    assert "Att bedöma om kräver rollen bedömare." in html.unescape(regraded)
    opened = review.open("nope", _Request("fi-FI", "ann"))[review.head]
    assert "Harjoitusta ei löytynyt." in html.unescape(opened)


def test_the_team_tabs_lms_tab_and_a_missing_customers_name_are_the_packs_words(tmp_path):
    import gradio as gr

    from roleplay.web.context import Context
    from roleplay.web.team_tab import TeamTab

    ctx = Context(Store(f"sqlite:///{tmp_path / 'rp.db'}"), copy_library(tmp_path / "personas"), canned(),
                  single_user=True, data=tmp_path / "d", speech=False)
    with gr.Blocks() as demo:
        TeamTab(ctx, lambda name, text: tmp_path / name).build()
    [lms] = [b for b in demo.blocks.values() if isinstance(b, gr.Tab) and b.id == "lms"]
    assert getattr(lms.label, "key", None) == "tab.lms"
    assert i18n.words("sv")("tab.lms") == "Lärplattform" and i18n.words("fi")("tab.lms") == "Oppimisalusta"
    assert i18n.words("sv")("practice.customer") == "Kund"  # the name of a session's customer without a persona


@pytest.mark.parametrize("code", ["en", "sv", "fi"])
def test_no_pack_writes_one_key_twice(code):
    """A key written twice in a section keeps only its last text, silently changing the first one's users."""
    import ast
    from pathlib import Path

    import roleplay.languages as languages

    tree = ast.parse((Path(languages.__file__).parent / f"{code}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    assert i18n.words(code)("practice.ended") != i18n.words(code)("practice.ended_replay")


def test_the_cores_refusals_and_a_logged_failure_read_in_the_interface_language():
    from roleplay.fork import CannotFork
    from roleplay.session import NothingToRetry, ReplyOwed, SessionEnded
    from roleplay.speech.base import AudioError
    from roleplay.web.errors import reported, told

    ended = SessionEnded("this conversation has ended; start a new session")
    assert told(ended, "sv") == i18n.words("sv")("practice.ended") != i18n.words("en")("practice.ended")
    assert told(ReplyOwed("x"), "fi") == i18n.words("fi")("practice.retry_first") != i18n.words("en")("practice.retry_first")
    assert told(NothingToRetry("x"), "sv") == "Det finns inget att försöka igen: kunden har svarat."
    assert told(CannotFork("turn 3 is not one of the trainee's turns"), "fi").startswith("Se ei ole sinun vuorosi")
    assert told(AudioError("audio array must be 1-D or 2-D, not 3-D"), "sv") == \
        "Inspelningen gick inte att använda: audio array must be 1-D or 2-D, not 3-D"
    said = reported("taking a turn in session s1", RuntimeError("postgresql://secret@db"), "fi")
    assert said.startswith("Jokin meni vikaan; se kirjattiin virheenä ") and "secret" not in said and "s1" not in said
