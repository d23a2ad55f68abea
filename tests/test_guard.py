"""The line guard judges what a customer line does, in each way a small model breaks role."""

import pytest

from roleplay import guard

BREAKS = [
    # speaks as the agent: asks the agent's questions
    ("en", "Could you please provide your order number so I can look into this?", "asks_agents_questions"),
    ("en", "Can you give me more details about the issue?", "asks_agents_questions"),
    ("en", "What is your account email?", "asks_agents_questions"),
    # offers help
    ("en", "How can I help you today?", "offers_help"),
    ("en", "I'd be happy to assist you with the refund.", "offers_help"),
    ("en", "Let me see what I can do for you.", "offers_help"),
    ("en", "Is there anything else I can do?", "offers_help"),
    ("sv", "Hur kan jag hjälpa dig idag?", "offers_help"),
    ("fi", "Miten voin auttaa sinua tänään?", "offers_help"),
    # apologises for the company
    ("en", "We apologize for the inconvenience caused by the delay.", "apologises_for_company"),
    ("en", "Sorry for the inconvenience, thank you for your patience.", "apologises_for_company"),
    ("en", "Thank you for contacting us about your order.", "apologises_for_company"),
    ("sv", "Vi ber om ursäkt för förseningen.", "apologises_for_company"),
    ("fi", "Pahoittelemme aiheutunutta haittaa.", "apologises_for_company"),
    # talks about the reply or the task, or about being an AI
    ("en", "Sure, here's Sam Carter's reply: I want a refund.", "talks_about_the_task"),
    ("en", "I'm sorry, but I can't assist with that request.", "talks_about_the_task"),
    ("en", "As an AI language model, I don't have children.", "talks_about_the_task"),
    ("en", "I am just an AI, I cannot feel angry.", "talks_about_the_task"),
    ("en", "In this role-play I will act as the customer.", "talks_about_the_task"),
    ("en", "My instructions say I should stay angry.", "talks_about_the_task"),
    ("en", "The customer is upset about the late delivery.", "talks_about_the_task"),
    ("sv", "Som en AI kan jag inte bli arg.", "talks_about_the_task"),
    ("fi", "Olen tekoäly enkä voi suuttua.", "talks_about_the_task"),
    # prefixes a speaker name
    ("en", "Sam: This is ridiculous.", "speaker_prefix"),
    ("en", "Sam (angry): I want my money back.", "speaker_prefix"),
    ("en", "Customer: Where is my parcel?", "speaker_prefix"),
    ("en", "Agent: I understand.", "speaker_prefix"),
    # stage directions echoed
    ("en", "[Sam gets angrier] This is a joke.", "stage_direction"),
    ("en", "*sighs* Fine, whatever.", "stage_direction"),
    # switched language
    ("en", "Jag vill ha tillbaka mina pengar nu direkt, det här är inte okej.", "language:sv"),
    ("sv", "I want my money back right now, this is not acceptable at all.", "language:en"),
    ("fi", "I want a new coffee machine, the old one broke after a year.", "language:en"),
    ("fi", "Jag vill ha en ny kaffemaskin, den gamla gick sönder.", "language:sv"),
    # said nothing
    ("en", "", "empty"),
    ("en", "   ...  ", "empty"),
]


@pytest.mark.parametrize("language,line,reason", BREAKS)
def test_breaks_are_caught_with_the_reason(language, line, reason):
    verdict = guard.check(line, language, name="Sam Carter")
    assert not verdict.ok
    assert reason in verdict.reasons, verdict.reasons


IN_ROLE = [
    ("en", "Hi. My order 48213 arrived three days late and it missed the party completely."),
    ("en", "I don't want excuses, I want to know what you're going to do about it."),
    ("en", "Are you even listening to me? I already told you the order number."),
    ("en", "Okay. I appreciate that you actually listened."),
    ("en", "Fine. What exactly can you do for me?"),
    ("en", "Your instructions to reset the router wiped all my settings!"),
    ("en", "I'm sorry, I'm just really upset about this."),
    ("en", "Can you refund the shipping at least?"),
    ("en", "Let me check my email, one second."),
    ("sv", "Jag har redan sagt mitt kundnummer två gånger. Det här är helt oacceptabelt!"),
    ("sv", "Okej. Tack, det låter rimligt."),
    ("fi", "Kahvinkeittimeni hajosi kuukausi takuun jälkeen. Haluan uuden koneen."),
    ("fi", "No niin, kiitos. Se kuulostaa reilulta."),
    ("en", "Ok."),
]


@pytest.mark.parametrize("language,line", IN_ROLE)
def test_customer_lines_pass(language, line):
    verdict = guard.check(line, language, name="Sam Carter")
    assert verdict.ok, verdict.reasons


def test_echo_of_the_agents_words_is_caught():
    said = "I can refund the shipping fee and give you a voucher."
    assert "echoes_agent" in guard.check(f"{said}", "en", trainee_said=said).reasons


def test_the_agents_line_said_back_with_a_word_changed_is_an_echo_but_a_short_quote_is_not():
    said = ("I'm really sorry about this, it sounds like a very frustrating week. Let me check the order and the "
            "delivery notes, and then I'll tell you exactly what happened and what I can do.")
    for heard_back in ("I'm sorry about this, it sounds like a very frustrating week.",
                       "Let me check the order and the delivery notes, and then I'll tell you what happened."):
        assert "echoes_agent" in guard.check(heard_back, "en", trainee_said=said).reasons
    assert guard.check("You keep saying you'll check the delivery notes.", "en", trainee_said=said).ok


def test_short_lines_get_no_language_verdict():
    assert guard.wrong_language("Ok, tack.", "en") is None


def test_narrating_the_scene_is_caught():
    assert "narrates_self" in guard.check("Sam is upset because the party is over.", "en", name="Sam Carter").reasons
    assert guard.check("Hi, this is Sam calling about my order.", "en", name="Sam Carter").ok


def test_repeating_an_earlier_line_is_caught():
    opening = "Hei. Ostin teiltä reilu vuosi sitten 349 euron kahvinkeittimen, ja nyt se on rikki."
    again = "Hei. Olin teiltä reilu vuosi sitten 349 euron kahvinkeittimen, ja nyt se on rikki."
    assert "repeats_itself" in guard.check(again, "fi", earlier=[opening]).reasons
    assert guard.check("Se on rikki, ja haluan uuden.", "fi", earlier=[opening]).ok
