"""The customer as a person: first person, correct Swedish and Finnish, pushes for what they want,
reacts in proportion, plays differently by difficulty and seed, notices silence."""

import pytest

from roleplay import guard, spelling
from roleplay import state as st
from roleplay.analysis import analyse_turn
from roleplay.customer import Customer, review_line
from roleplay.difficulty import temperament
from roleplay.library import Library
from roleplay.session import PracticeSession
from roleplay.store import Store
from roleplay.transcript import Turn
from tests.fakes import ScriptedModel
from tests.test_state import play


@pytest.fixture(scope="module")
def lib():
    return Library()


# ------------------------------------------------------------------ spelling and the guard

def test_finnish_and_swedish_spell_checkers_know_words_and_catch_invented_ones():
    assert spelling.unknown_words("Kone oli mieheni lahja, ja se hajosi.", "fi") == []
    assert spelling.unknown_words("Koneen hajoaminen kysytti videojoukter.", "fi") == ["kysytti", "videojoukter"]
    assert spelling.unknown_words("Jag behöver inte köpa en tekniker för routern.", "sv") == []
    assert spelling.unknown_words("Jag vill ha videojoukter.", "sv") == ["videojoukter"]
    # A capitalised word inside a sentence is a name, and the persona's own words are allowed.
    assert spelling.unknown_words("Jag ringde Telialand igår om kaffebryggarX.", "sv",
                                  frozenset({"kaffebryggarx"})) == []
    assert spelling.unknown_words("Anything goes", "en") is None


@pytest.mark.parametrize("line,act,reason", [
    ("Kone oli hänen miehensä lahja. Leena haluaa uuden.", None, "narrates_self"),
    ("Thank you for your help, Agent.", None, "speaker_label"),
    ("Goodbye. Okay, that sounds fair, thanks.", None, "contradicts_itself"),
    ("Forget it, goodbye.", "push", "leaves_early"),
    ("That's fair, I'll take it.", "leave", "contradicts_itself"),
    ("Jag vill ha videojoukter nu.", None, "misspelt:videojoukter"),
])
def test_guard_catches_what_no_person_would_say(line, act, reason):
    lang = "fi" if "Kone" in line else "sv" if "Jag" in line else "en"
    verdict = guard.check(line, lang, "Leena Virtanen", act=act)
    assert reason in verdict.reasons, verdict.reasons


@pytest.mark.parametrize("line,lang", [
    ("Well... I guess I'll have to wait a while.", "en"),  # after "That's our policy", at anger 84: read in a session
    ("Ugh... I think I'll just have to wait and see.", "en"),
    ("That sounds fair, I'll take it.", "en"),
    ("Det får väl vara så, då.", "sv"),
    ("No, kai minun täytyy sitten odottaa.", "fi"),
])
def test_a_customer_who_still_presses_does_not_give_in_or_take_a_deal_in_the_line(line, lang):
    # Settling is the state's to decide: in a pressing act the line may not, in a calmer one it may.
    for act in ("upset", "push", "brushed_off", "bare_policy"):
        assert "gives_in_early" in guard.check(line, lang, act=act).reasons, act
    for act in ("calmer", "considering", "accept", None):
        assert "gives_in_early" not in guard.check(line, lang, act=act).reasons, act


def test_guard_catches_a_sheet_read_aloud_but_not_ordinary_words():
    sheet = ["Sam wants someone to admit the delay and make up for it, at least the shipping money back."]
    assert "reads_sheet" in guard.check("He wants someone to admit the delay and make up for it.", "en",
                                        sheet=sheet).reasons
    assert guard.check("Somebody has to make up for this delay.", "en", sheet=sheet).ok


def test_a_line_repeating_its_own_sentence_is_reviewed_as_bad(lib):
    p = lib.get("late-delivery")
    line = "He missed a delivery the same day. He missed a delivery the same day."
    assert "repeats_itself" in review_line(line, p, [], "upset")
    assert review_line("I don't want excuses. What will you do about it?", p, [], "upset") == []


def test_a_short_sentence_said_again_word_for_word_is_a_repeat_but_a_bare_no_is_not():
    earlier = ["And if it doesn't work for us after a few months, what then?", "Can we get out?", "No."]
    assert "repeats_itself" in guard.check("Can we get out?", "en", earlier=earlier).reasons
    assert guard.check("No.", "en", earlier=earlier).ok and guard.check("Can we leave?", "en", earlier=earlier).ok


def test_a_known_fact_read_out_is_fine_as_an_answer_but_not_as_a_push(lib):
    p = lib.get("hesitant-buyer")
    line = "There are 12 people in the office, so we'd need 12 users."
    assert "reads_sheet" in review_line(line, p, [], "push")
    assert review_line(line, p, [], "answer") == []


def test_every_authored_line_in_swedish_and_finnish_is_spelt_right(lib):
    from roleplay.customer import authored, own_words

    for p in lib:
        if p.language == "en":
            continue
        names = own_words(p) & {w.lower() for w in p.name.split()}
        for act, lines in authored(p).items():
            for line in lines:
                assert spelling.unknown_words(line, p.language, frozenset(names)) == [], (p.id, act, line)


# ------------------------------------------------------------------ wanting something

def test_a_bare_policy_answer_never_resolves_and_the_ask_is_pushed_for(lib):
    p = lib.get("late-delivery")
    states = play(p, ["Delivery takes 2-4 business days. I can refund the shipping fee.",
                      "The policy allows a shipping refund or a 10% voucher.", "That is the policy."])
    assert states[0].act == "push" and states[0].pushes == 1
    assert not any(s.end_reason == "resolved" for s in states)
    assert "bare_policy" in [s.act for s in states]  # an offer without being heard does not settle it


def test_settling_needs_the_push_and_being_heard(lib):
    p = lib.get("late-delivery")
    states = play(p, ["I'm so sorry, that must have been really disappointing. What happened?",
                      "I can refund the $6.90 shipping and give you a 10% voucher.",
                      "I can't refund the whole order while you keep the train, because refunds need a return."])
    assert [s.act for s in states][1] == "push" and not states[1].goals_met
    assert states[-1].end_reason == "resolved" and states[-1].act == "accept"


def test_a_promise_of_the_ask_is_taken(lib):
    p = lib.get("late-delivery")
    states = play(p, ["I'm so sorry, that must have been awful for your son.",
                      "I'll give you a full refund right away and you keep the train."])
    assert "full_refund_no_return" in states[-1].promised and states[-1].goals_met == ["made_right"]


def test_the_customer_asks_for_a_manager_when_pushed_away(lib):
    p = lib.get("late-delivery")
    states = play(p, ["I can refund the shipping fee.", "That's the policy. Nothing else I can do.",
                      "Nothing else I can do."], difficulty="hard")
    assert "manager" in [s.act for s in states]


# ------------------------------------------------------------------ in proportion

def test_belittling_costs_at_least_twelve_at_once_in_every_language(lib):
    for pid, line in (("late-delivery", "It's only a toy. Your kid will survive."),
                      ("angry-caller-sv", "Det är bara en router, du överlever."),
                      ("faulty-product-fi", "Se on vain kahvinkeitin, kyllä te selviätte.")):
        p = lib.get(pid)
        s0 = st.initial(p)
        s = play(p, [line])[0]
        assert s.frustration - s0.frustration >= 12, (pid, s.last_changes)
        assert s.act == "belittled"


def test_a_repeated_offence_costs_more_than_the_first(lib):
    p = lib.get("late-delivery")
    states = play(p, ["It's only a toy.", "It's only a birthday."], difficulty="easy")
    first = states[0].frustration - st.initial(p, "easy").frustration
    second = states[1].frustration - states[0].frustration
    assert second > first


def test_sarcasm_offends(lib):
    p = lib.get("late-delivery")
    s = play(p, ["Oh, what a tragedy."])[0]
    assert any(c.cause == "sarcasm" for c in s.last_changes) and s.act == "belittled"


# ------------------------------------------------------------------ difficulty, seed, silence

def test_difficulty_changes_mood_resistance_patience_and_empathy(lib):
    p = lib.get("late-delivery")
    easy, hard = temperament(p, "easy"), temperament(p, "hard")
    assert easy.start_frustration < p.temperament.start_frustration < hard.start_frustration
    assert easy.resistance <= p.temperament.resistance < hard.resistance
    assert easy.patience_turns > hard.patience_turns
    assert easy.lowers.empathy > hard.lowers.empathy and easy.raises.rudeness < hard.raises.rudeness
    # Hard needs one more push before the same offer settles it.
    kind = ["I'm so sorry, that must have been really disappointing. What happened?",
            "I can refund the $6.90 shipping and give you a 10% voucher.",
            "I can't refund the whole order while you keep the train, because refunds need a return.",
            "I understand it's not what you hoped for; the shipping refund goes back to your card today."]
    assert play(p, kind, difficulty="easy")[2].end_reason == "resolved"
    hard_states = play(p, kind, difficulty="hard")
    assert hard_states[2].end_reason != "resolved" and hard_states[2].act == "push"


def test_a_seed_picks_the_opening_and_is_stored_so_a_session_replays_exactly(lib, tmp_path):
    p = lib.get("late-delivery")
    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    openings = {PracticeSession.start(store, p, ScriptedModel([]), seed=i).turns[0].text for i in range(6)}
    assert len(openings) == 3  # the opening line and its two variants
    a = PracticeSession.start(store, p, ScriptedModel([]), seed=41)
    b = PracticeSession.start(store, p, ScriptedModel([]), seed=41)
    assert a.turns[0].text == b.turns[0].text and a.state.seed == 41
    again = PracticeSession.resume(store, a.id, p, ScriptedModel([]))
    assert again.state.seed == 41 and again.customer.rng.random() == Customer(p, ScriptedModel([]), seed=41).rng.random()


def test_silence_asks_if_anyone_is_there_then_hangs_up(lib, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_CUSTOMER_LINES", "authored")
    p = lib.get("late-delivery")
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    s = PracticeSession.start(store, p, ScriptedModel([]), seed=3)
    first = [e for e in s.silence()][-1]
    assert first.text in p.lines.still_there and not s.ended
    second = [e for e in s.silence()][-1]
    assert s.ended and s.state.end_reason == "customer_left" and s.state.end_cause == "silence"
    assert second.text in p.lines.leaving
    row = store.get(s.id)
    assert row.ended and row.end_reason == "customer_left"
    assert [t.speaker for t in row.turns] == ["customer"] * 3  # nothing of the trainee's was stored


def test_speaking_again_resets_the_silence_count(lib):
    p = lib.get("late-delivery")
    s = st.silence(st.initial(p))
    assert s.act == "still_there" and s.silences == 1
    turns = [Turn(speaker="customer", text=p.opening_line), Turn(speaker="trainee", text="Sorry, I'm here.")]
    s = st.advance(s, analyse_turn(turns, 1, p, "en", []), p)
    assert s.silences == 0 and not st.silence(s).ended


def test_an_offer_taken_back_is_called_out(lib):
    p = lib.get("late-delivery")
    states = play(p, ["I can refund the $6.90 shipping fee.", "Actually, I can't refund the shipping fee after all."])
    assert any(c.cause == "contradiction" for c in states[1].last_changes)
    assert states[1].act == "contradiction" and "shipping_refund" not in states[1].offered
    assert states[1].frustration > states[0].frustration


def test_pressure_is_not_taken_as_a_welcome_promise(lib):
    p = lib.get("hesitant-buyer")
    s0 = st.initial(p)
    s = play(p, ["You need to decide now, the discount ends tonight. Shall I send the contract?"])[0]
    assert not any(c.cause == "promise" for c in s.last_changes)
    assert s.frustration > s0.frustration


def test_a_stage_direction_said_instead_of_acted_is_asked_again(lib):
    p = lib.get("late-delivery")
    s = st.initial(p).model_copy(update={"act": "push"})
    client = ScriptedModel(["That is not what I asked for. I push for it again.", "No. Six ninety back doesn't cover a ruined birthday."])
    final = list(Customer(p, client).reply([Turn(speaker="customer", text=p.opening_line)], s))[-1]
    assert final.text == "No. Six ninety back doesn't cover a ruined birthday." and final.rejected[0][1] == ["copies_direction"]


@pytest.mark.parametrize("reason,act,pool", [("resolved", "accept", "satisfied"), ("customer_left", "leave", "leaving")])
def test_the_last_line_is_the_personas_own_closing_with_no_model_request(lib, reason, act, pool):
    p = lib.get("late-delivery")
    s = st.initial(p).model_copy(update={"ended": True, "end_reason": reason, "act": act})
    client = ScriptedModel(["I'm so disappointed."])
    final = list(Customer(p, client).reply([Turn(speaker="customer", text=p.opening_line)], s))[-1]
    assert final.text in getattr(p.lines, pool) and final.source == "authored" and client.prompts == []


# ------------------------------------------------------------------ a buyer's doubts, one at a time

def test_a_buyer_raises_doubts_one_at_a_time_and_skips_those_already_answered(lib):
    p = lib.get("hesitant-buyer")  # doubts in the file's order without a seed: price, outlook, way_out
    states = play(p, ["Happy to help. What would you like to know first?",
                      "It works with Outlook, email and calendar.",
                      "On the annual plan it's $24 per user per month.",
                      "You can try it free for 14 days, no card needed."])
    assert [s.act for s in states][0] == "objection" and states[0].last_raised == "price"
    assert states[1].raised == ["price"]  # the next doubt waits until this one is answered
    # Outlook was answered before she raised it: the next one she brings up is the way out.
    assert states[2].act == "objection" and states[2].raised == ["price", "way_out"]
    assert states[3].act != "objection" and st.open_objection(p, states[3]) is None


def test_the_buyer_does_not_settle_while_a_doubt_is_open(lib):
    p = lib.get("hesitant-buyer")
    kind = next(c for c in p.expect if c.name == "kind").script
    without_outlook = [*kind[:3], "Would it help if I set up the free trial today, so you can show the partners?"]
    states = play(p, without_outlook)
    assert states[2].act == "objection" and states[2].last_raised == "outlook"
    assert states[-1].end_reason is None and st.open_objection(p, states[-1]) == "outlook"
    assert play(p, kind)[-1].end_reason == "resolved"


def test_the_seed_varies_the_order_of_the_doubts_and_replays_it(lib):
    p = lib.get("hesitant-buyer")
    orders = {tuple(st.initial(p, None, seed).objections) for seed in range(12)}
    assert len(orders) > 1 and all(sorted(o) == ["outlook", "price", "way_out"] for o in orders)
    assert st.initial(p, None, 5).objections == st.initial(p, None, 5).objections


def test_a_doubt_said_is_the_trainers_own_words(lib):
    p = lib.get("hesitant-buyer")
    s = play(p, ["Happy to help. What would you like to know first?"])[0]
    assert Customer(p, ScriptedModel([])).fallback([], s) == p.objections[0].text


def test_facts_earned_together_come_out_one_a_line(lib):
    p = lib.get("hesitant-buyer")
    states = play(p, ["What do you use for your client records today, and how did the last contract go?",
                      "I see. Go on."])
    assert len(states[0].earned) >= 1 and len(states[0].last_unlocked) == 1 and states[0].act == "reveal"
    assert states[1].act == "reveal" and states[1].last_unlocked != states[0].last_unlocked


def test_a_doubt_answered_by_an_unknown_policy_item_is_named(lib):
    from pydantic import ValidationError
    data = lib.get("hesitant-buyer").model_dump(mode="json")
    data["objections"][0]["answered_by"] = ["monthly_plan", "lifetime_deal"]
    with pytest.raises(ValidationError, match="objection 'price' is answered by unknown policy items: lifetime_deal"):
        type(lib.get("hesitant-buyer")).model_validate(data)


# ------------------------------------------------------------------ who speaks: the model or the trainer's lines

class _Embedded(ScriptedModel):
    embedded = True


@pytest.mark.parametrize("language,embedded,env,mode", [
    ("en", True, None, "mixed"), ("sv", True, None, "authored"), ("fi", True, None, "authored"),
    ("en", False, None, "model"), ("sv", False, None, "model"), ("en", True, "model", "model"),
    ("sv", True, "mixed", "mixed")])
def test_who_speaks_follows_the_model_and_the_language(monkeypatch, language, embedded, env, mode):
    from roleplay.customer import lines_mode
    if env:
        monkeypatch.setenv("ROLEPLAY_CUSTOMER_LINES", env)
    else:
        monkeypatch.delenv("ROLEPLAY_CUSTOMER_LINES", raising=False)
    assert lines_mode(_Embedded([]) if embedded else ScriptedModel([]), language) == mode


def test_a_push_names_an_offer_only_once_it_was_made(lib):
    """"Six ninety back for a ruined birthday?" after a bare "That's our policy" answers an offer nobody made
    (read in a session): a push names the lesser offer last made, where the trainer wrote lines for it."""
    p = lib.get("late-delivery")
    customer = Customer(p, ScriptedModel([]))
    push = st.initial(p).model_copy(update={"act": "push"})
    assert {customer.fallback([], push) for _ in range(30)} == set(p.lines.push)
    voucher = push.model_copy(update={"offered": ["voucher"]})
    assert {customer.fallback([], voucher) for _ in range(60)} == {*p.lines.push, *p.lines.push_after["voucher"]}
    both = push.model_copy(update={"offered": ["voucher", "shipping_refund"]})
    assert {customer.fallback([], both) for _ in range(60)} == {*p.lines.push, *p.lines.push_after["shipping_refund"]}


def test_mixed_says_the_charged_acts_in_the_trainers_words_while_fresh_ones_last(lib, monkeypatch):
    monkeypatch.setenv("ROLEPLAY_CUSTOMER_LINES", "mixed")
    p = lib.get("late-delivery")
    client = ScriptedModel(["Well, I suppose that's something.", "No. Six ninety is not the point."])
    customer = Customer(p, client)
    turns = [Turn(speaker="customer", text=p.opening_line)]
    push = st.initial(p).model_copy(update={"act": "push"})
    first = list(customer.reply(turns, push))[-1]
    assert first.source == "authored" and first.text in p.lines.push and client.prompts == []
    heard = push.model_copy(update={"act": "heard"})
    assert list(customer.reply(turns, heard))[-1].text == "Well, I suppose that's something."
    # Every push variant said already: the model pushes, instead of a line said before.
    said = turns + [Turn(speaker="customer", text=line) for line in p.lines.push]
    last = list(customer.reply(said, push))[-1]
    assert last.source == "model" and last.text == "No. Six ninety is not the point."
