"""What people reward in a helpdesk agent, as the grader's rules (found on the STC-3 rated dialogues).

Each test is a small conversation that differs in one behaviour: solving beats stock courtesy,
the customer's reaction at the end is the outcome, questions are told apart, deferral and
repeated replies cost, echoing earns nothing, and the customer's starting mood is not credit.
"""

from __future__ import annotations

from evaluators import grade
from roleplay.analysis import analyse_transcript
from roleplay.skills import BY_NAME, ORDER, SKILLS, WEIGHTS, for_kind
from roleplay.transcript import Transcript


def _t(*lines: str) -> Transcript:
    """Alternating customer / trainee lines, customer first; no persona (as a real call someone wants checked)."""
    return Transcript.model_validate({"turns": [
        {"speaker": "customer" if i % 2 == 0 else "trainee", "text": x} for i, x in enumerate(lines)]})


def _analysis(*lines: str):
    t = _t(*lines)
    return analyse_transcript(t.turns, None, "en")


PROBLEM = "My phone's photo album stopped opening after the update. What can I do?"
STEPS = "Go to Settings > Apps > Album and clear the cache, then restart the phone."
STOCK = "We are sorry for the inconvenience. Thank you for your understanding and support."
DEFER = "We have forwarded your problem to the relevant department, please wait patiently."


def test_concrete_steps_beat_stock_courtesy():
    solved, stock = grade(_t(PROBLEM, STEPS)), grade(_t(PROBLEM, STOCK))
    assert solved.skills["resolution"].score >= stock.skills["resolution"].score + 20
    assert solved.overall > stock.overall + 10
    assert stock.skills["empathy"].score < grade(_t(PROBLEM, "Sorry about that. " + STEPS)).skills["empathy"].score


def test_stock_courtesy_is_not_empathy_but_an_apology_with_an_action_is_fine():
    a = _analysis(PROBLEM, "I'm sorry for your inconvenience.")[0]
    assert a.courtesy and not a.empathy and not a.acts
    b = _analysis(PROBLEM, "I'm sorry about that. We have refunded you; it arrives within 24 hours.")[0]
    assert b.apology and b.steps and b.commitment and b.acts


def test_steps_and_requests_for_details_are_read_as_acts_not_words():
    assert not _analysis(PROBLEM, "I'm sorry the reset wiped your settings.")[0].steps
    assert _analysis(PROBLEM, "You can reset it under Settings > Apps.")[0].steps
    assert not _analysis(PROBLEM, "I can give you the name of the technician.")[0].details_request


def test_commitment_needs_a_what_and_a_when_and_deferral_costs():
    a = _analysis("The internet is down again.",
                  "I've booked a technician for tomorrow between 9 and 12. "
                  "You'll get a text with the technician's name tonight.")[0]
    assert a.commitment and not a.deferral
    d = _analysis("The internet is down again.", DEFER)[0]
    assert d.deferral and not d.commitment
    assert (grade(_t("The internet is down again.", DEFER)).skills["resolution"].score
            < grade(_t("The internet is down again.", "We'll look into it.")).skills["resolution"].score)


def test_a_request_for_personal_details_is_not_a_clarifying_question():
    a = _analysis(PROBLEM, "Please provide your phone number and account name via private message.")[0]
    assert a.details_request and not a.closed_questions and not a.open_questions
    real = _analysis(PROBLEM, "Did it start right after the update, or before?")[0]
    assert real.closed_questions and not real.details_request
    assert (grade(_t(PROBLEM, "Could you send us your phone number by private message?")).skills["resolution"].score
            < grade(_t(PROBLEM, "Did it start right after the update?")).skills["resolution"].score)


def test_insults_in_question_form_need_no_answer_and_real_answers_need_no_shared_words():
    card = grade(_t("Are you so lazy? Is this an answering machine?", STEPS))
    assert not any(e.note == "question not answered" for e in card.skills["listening"].evidence)
    a = _analysis("How do I get my pictures back?", STEPS)[0]
    assert a.questions and a.answered  # no word in common, but it answers


def test_the_same_reply_twice_costs():
    again = grade(_t(PROBLEM, STOCK, "That doesn't help. The album still won't open.", STOCK))
    once = grade(_t(PROBLEM, STOCK, "That doesn't help. The album still won't open.", STEPS))
    assert _analysis(PROBLEM, STOCK, "Still broken.", STOCK)[1].repeats == 1
    assert again.skills["resolution"].score < once.skills["resolution"].score
    assert again.skills["listening"].score < once.skills["listening"].score


def test_the_customers_reaction_at_the_end_is_the_outcome():
    thanked = grade(_t(PROBLEM, STEPS, "Thanks, it works now!"))
    still = grade(_t(PROBLEM, STEPS, "Same reply again. It still doesn't work, is this an answering machine?"))
    asking = grade(_t(PROBLEM, STEPS, "Where is the cache setting on my model?"))
    silent = grade(_t(PROBLEM, STEPS))
    assert thanked.skills["outcome"].score >= 85
    assert still.skills["outcome"].score <= 25
    assert asking.skills["outcome"].score < silent.skills["outcome"].score == 50
    answered = grade(_t(PROBLEM, STEPS, "Where is the cache setting on my model?",
                        "The cache setting is under Settings > Storage on your model."))
    assert answered.skills["outcome"].score == 50
    assert thanked.overall > silent.overall > still.overall


def test_delight_is_not_a_complaint_and_a_problem_left_open_is():
    assert grade(_t(PROBLEM, STEPS, "OK, thank you! You are so quick! Thumbs up.")).skills["outcome"].score >= 85
    solved = "The problem has been solved. Thank you! But next time please answer the phone sooner."
    assert grade(_t(PROBLEM, STEPS, solved)).skills["outcome"].score >= 85
    settled = "So the photos aren't lost, they just wait in the cloud? Okay. Yes, please do that."
    assert grade(_t(PROBLEM, STEPS, settled)).skills["outcome"].score >= 85
    for ending in ("Are you serious? I'm not going to be lectured by you.",
                   "The album opens now. But the photos from May haven't been resolved.",
                   "That's nonsense. Reply to me soon or I'll file a complaint."):
        assert grade(_t(PROBLEM, STEPS, ending)).skills["outcome"].score <= 25, ending


def test_echoing_the_customer_earns_nothing():
    echo = "Your phone's photo album stopped opening after the update, the album stopped opening, the phone update."
    assert grade(_t(PROBLEM, echo)).skills["listening"].score < grade(_t(PROBLEM, STEPS)).skills["listening"].score


def test_a_longer_reply_earns_nothing_for_its_length():
    padded = ("Thank you for contacting us about your phone's photo album, which stopped opening after the update. "
              "We value your feedback about the album and the update very much. " + STEPS
              + " We will continue to improve our service and our products for all our users.")
    assert grade(_t(PROBLEM, padded)).overall <= grade(_t(PROBLEM, STEPS)).overall


def test_the_customers_starting_mood_is_not_the_trainees_credit():
    calm_opener = "Hello. My phone's photo album stopped opening after the update."
    angry_opener = "This is ridiculous! My phone's photo album stopped opening after the update!"
    reply = "I understand how frustrating that is. " + STEPS
    for skill in ("calm", "empathy"):
        assert grade(_t(angry_opener, reply)).skills[skill].score >= grade(_t(calm_opener, reply)).skills[skill].score


def test_the_registry_is_the_one_place_for_skills():
    assert abs(sum(WEIGHTS.values()) - 1.0) < 1e-9
    assert all(s.weight >= 0.05 for s in SKILLS)
    assert set(grade(_t(PROBLEM, STEPS)).skills) == set(ORDER)
    assert BY_NAME["outcome"].judge is None and BY_NAME["listening"].core
    assert {s.name for s in for_kind("sales")} <= set(ORDER)
