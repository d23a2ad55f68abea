"""The customer's state rules: rudeness angers, empathy and offers soothe, limits end the conversation."""

import pytest

from roleplay import state as st
from roleplay.analysis import analyse_turn
from roleplay.library import Library
from roleplay.transcript import Turn


@pytest.fixture(scope="module")
def lib():
    return Library()


def play(persona, lines, customer_replies=None, difficulty=None):
    """Run trainee lines through analysis and state rules; return the states after each."""
    s = st.initial(persona, difficulty)
    turns = [Turn(speaker="customer", text=persona.opening_line)]
    analyses, states = [], []
    for i, line in enumerate(lines):
        turns.append(Turn(speaker="trainee", text=line))
        a = analyse_turn(turns, len(turns) - 1, persona, persona.language, analyses)
        analyses.append(a)
        s = st.advance(s, a, persona)
        states.append(s)
        if s.ended:
            break
        reply = (customer_replies or [])[i] if customer_replies and i < len(customer_replies) else "Okay."
        turns.append(Turn(speaker="customer", text=reply))
    return states


def test_start_is_the_personas_frustration(lib):
    p = lib.get("late-delivery")
    assert st.initial(p).frustration == p.temperament.start_frustration


def test_rudeness_raises_and_the_customer_leaves(lib):
    p = lib.get("late-delivery")
    states = play(p, ["Shut up. Not my problem.", "Whatever, calm down.", "You should have ordered earlier."])
    assert states[0].frustration > p.temperament.start_frustration
    assert states[-1].ended and states[-1].end_reason == "customer_left"
    assert any(c.cause == "rudeness" for c in states[0].last_changes)


def test_empathy_and_an_offer_inside_policy_resolve(lib):
    p = lib.get("late-delivery")
    states = play(p, [
        "I'm so sorry, that must have been really disappointing for you and your son. What happened?",
        "So it was his main present and it missed the party. I can refund the $6.90 shipping and give you a 10% voucher.",
    ])
    assert states[0].frustration < p.temperament.start_frustration
    # The first offer is not what Sam asked for: he pushes for the ask once before settling.
    assert "shipping_refund" in states[1].offered and not states[1].goals_met and not states[1].ended
    assert states[1].act == "push" and states[1].pushes == 1
    states = play(p, [
        "I'm so sorry, that must have been really disappointing for you and your son. What happened?",
        "So it was his main present and it missed the party. I can refund the $6.90 shipping and give you a 10% voucher.",
        "I can't refund the whole order while you keep the train, I'm sorry. The shipping refund goes back today.",
    ])
    assert "made_right" in states[-1].goals_met
    assert states[-1].ended and states[-1].end_reason == "resolved" and states[-1].act == "accept"


def test_repeated_stock_empathy_counts_less(lib):
    p = lib.get("late-delivery")
    line = "That must be really frustrating."
    states = play(p, [line, line, line])
    drops = [c.delta for s in states for c in s.last_changes if c.cause == "empathy"]
    assert drops and drops[0] < 0
    assert all(c.cause != "empathy" for c in states[1].last_changes)  # the same words again do not count


def test_empathy_undone_by_hostility(lib):
    p = lib.get("late-delivery")
    (s,) = play(p, ["I understand how frustrating that is, but calm down, you people always overreact."])
    assert s.frustration > p.temperament.start_frustration
    assert all(c.cause != "empathy" for c in s.last_changes)


def test_asking_again_for_a_given_fact_raises(lib):
    p = lib.get("late-delivery")
    (s,) = play(p, ["Can I have your order number please?"])
    assert any(c.cause == "repeated_request" for c in s.last_changes)


def test_an_unanswered_question_raises(lib):
    p = lib.get("late-delivery")
    states = play(p, ["Hello.", "Our shop has many toys."], customer_replies=["Can you refund the shipping or not?"])
    assert any(c.cause == "ignored_question" for c in states[1].last_changes)


def test_hidden_fact_is_earned_by_an_open_question_on_its_topic(lib):
    p = lib.get("late-delivery")
    (s,) = play(p, ["When did you place the order, and what delivery estimate did you see?"])
    assert "checked_page" in s.revealed


def test_forbidden_promise_is_taken_by_the_customer(lib):
    p = lib.get("late-delivery")
    (s,) = play(p, ["I'll send you a $50 gift card right away."])
    assert "gift_card" in s.promised
    assert s.frustration < p.temperament.start_frustration


def test_negated_offer_is_not_a_promise(lib):
    p = lib.get("late-delivery")
    (s,) = play(p, ["I'm afraid I can't give you a gift card."])
    assert s.promised == []


def test_patience_runs_out(lib):
    p = lib.get("late-delivery")
    states = play(p, ["Okay."] * (p.temperament.patience_turns + 2))
    assert states[-1].ended and states[-1].end_reason == "customer_left"
    assert len(states) <= p.temperament.patience_turns


def test_swedish_rudeness_and_empathy(lib):
    p = lib.get("angry-caller-sv")
    rude = play(p, ["Lugna ner dig. Det är inte mitt problem."])
    kind = play(p, ["Jag förstår att det här har varit väldigt frustrerande för dig. Vad hände sedan, och hur påverkade det ditt arbete?"])
    assert rude[0].frustration > p.temperament.start_frustration > kind[0].frustration


def test_a_brush_off_at_the_brink_gets_one_last_chance_an_insult_none(lib):
    p = lib.get("angry-caller")
    leave_at = st.temperament(p, "hard").leave_at
    first, second = play(p, ["That's our policy.", "The policy is clear, I can't change it."], difficulty="hard")
    assert first.warned and not first.ended and first.frustration == leave_at - 1
    assert second.ended and second.end_reason == "customer_left"
    (insulted,) = play(p, ["That's our policy, deal with it, you idiot."], difficulty="hard")
    assert insulted.ended and insulted.end_reason == "customer_left" and not insulted.warned


def test_a_bare_policy_answer_is_this_turns_offer_not_an_earlier_one(lib):
    """Once something was offered, a later open question was answered "You're just reading me the rules"."""
    states = play(lib.get("late-delivery"), ["I can refund the shipping fee.",
                                             "The policy allows a shipping refund or a 10% voucher.",
                                             "What would make this right for you?", "Let me see what I can do."])
    assert [s.act for s in states] == ["push", "bare_policy", "calmer", "calmer"]


@pytest.mark.parametrize("persona_id, asked, offer, item", [
    ("angry-caller", "Okay. And what did the technician tell you?", "Would you like me to book a technician?",
     "technician"),
    ("angry-caller-sv", "Vad sa teknikern till dig?", "Jag kan boka ett teknikerbesök inom 48 timmar.", "technician"),
])
def test_a_question_about_what_happened_is_no_offer(lib, persona_id, asked, offer, item):
    """"What did the technician tell you?" was taken for the technician offered, and the customer pushed."""
    from roleplay.policy_check import find_policy

    p = lib.get(persona_id)
    assert find_policy(p.policy.allowed, asked, p.language) == []
    assert [m.item for m in find_policy(p.policy.allowed, offer, p.language)] == [item]
    assert play(p, [asked])[0].act != "push"
