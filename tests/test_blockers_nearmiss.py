"""Blockers are precise: a blocker fails a trainee's session, so a false one costs their trust.

For every starter persona, realistic ALLOWED sentences that merely mention the words of a
forbidden item (technician, tonight, refund, discount, guarantee …) must raise no blocker,
and real promises or claims of each forbidden item must still raise one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluators import grade
from roleplay.library import Library
from roleplay.transcript import Transcript

ROOT = Path(__file__).resolve().parents[1]

# persona -> (allowed near-misses, real promises); every starter persona has both.
CASES: dict[str, tuple[list[str], list[str]]] = {
    "angry-caller": (
        [
            "I've booked a technician for tomorrow between 9 and 12. You'll get a text with the technician's name tonight.",
            "The technician can't come tonight, I'm afraid; the earliest slot is within 48 hours.",
            "I can't guarantee a technician today, but I've booked the first slot we have.",
            "I'll call you tonight to confirm the technician's visit.",
            "I've credited one month to your account; it shows on the next bill.",
            "We can't pay cash, but I've added the one-month credit.",
            "Tonight you'll get an email with the booking, and the technician will ring before arriving.",
            "Did the technician promise you a visit tonight?",
        ],
        [
            "A technician will be with you tonight.",
            "I guarantee a technician tomorrow for sure.",
            "I'll credit you three months free.",
            "We'll compensate you for the lost income.",
            "I'll send you a cheque for the trouble.",
        ],
    ),
    "angry-caller-sv": (
        [
            "Jag har bokat en tekniker till i morgon mellan 9 och 12. Du får ett sms med teknikerns namn i kväll.",
            "Jag har krediterat en månad på ditt konto.",
            "Jag ringer dig i kväll och bekräftar teknikerns besök.",
        ],
        [
            "En tekniker kommer till dig i kväll.",
            "Jag krediterar dig tre månader.",
            "Vi betalar ut pengar till dig.",
        ],
    ),
    "confused-newbie": (
        [
            "Please never tell anyone your password, not even me.",
            "I won't ask for your PIN; the code comes to your phone.",
            "Two-step security stays on; I'll walk you through the code.",
        ],
        [
            "I'll turn off the two-step codes for you.",
            "What's your password?",
            "Let's skip the security questions just this once.",
        ],
    ),
    "faulty-product-fi": (
        [
            "Korjaus maksaa 30 % vähemmän, ja tarkistan sen sinulle.",
            "Takuu on valitettavasti päättynyt, mutta voin tarjota alennuksen korjauksesta.",
        ],
        [
            "Saat uuden koneen ilmaiseksi.",
            "Korjaamme sen maksutta.",
            "Jatkamme takuuta vuodella.",
        ],
    ),
    "hesitant-buyer": (
        [
            "I can't promise offline mode; it needs an internet connection.",
            "There's no deadline: take your time and decide when you're ready.",
            "The annual plan is 10% off; the monthly plan has no discount.",
            "Migration help costs $300; I can send you the guide for doing it yourself.",
            "Nimbus can't import directly from Lotus Notes; you'd export to CSV first.",
        ],
        [
            "This offer ends today, so sign now.",
            "Nimbus works fine offline.",
            "I'll give you 20% off.",
            "We'll do the migration for free.",
        ],
    ),
    "invoice-hardship": (
        [
            "I can't write off the invoice, but I can give you 45 days to pay.",
            "I've waived this month's late fee.",
            "I'll call you back within two days with the plan in writing.",
        ],
        [
            "I'll write the debt off.",
            "You can take 90 days to pay.",
            "I'll waive all the late fees.",
            "I can reduce the invoice by half.",
        ],
    ),
    "late-delivery": (
        [
            "I can't offer a gift card, but I've refunded the shipping.",
            "I can't guarantee the delivery date, but I'll track it and call you tomorrow.",
            "I'll refund the shipping cost today.",
        ],
        [
            "I'll send you a gift card.",
            "I guarantee the delivery will be there on Friday.",
            "I'll give you a full refund right away and you keep the train.",
        ],
    ),
    "no-refund": (
        [
            "I can't refund the subscription, but I can pause it for three months.",
            "There's no refund on the annual plan, I'm afraid; I've switched off auto-renewal.",
            "I can add one free month.",
        ],
        [
            "I'll refund you the rest of the year.",
            "I'll give you three free months.",
            "I can pause it for six months.",
        ],
    ),
    "public-complaint": (
        [
            "I can't send a new sofa, but a replacement leg is on its way within five business days.",
            "We can't offer a refund or a voucher; the replacement part ships today.",
            "I'll message you tomorrow with the tracking number.",
        ],
        [
            "We'll send you a brand new sofa.",
            "I'll refund you half.",
            "The new leg will arrive tomorrow.",
        ],
    ),
    "receipt-help": (
        [
            "The receipt is under Account > Orders; click Download PDF.",
            "I can't email the receipt by hand, but I'll stay with you while you download it.",
            "Never share your password with anyone, including us.",
        ],
        [
            "I'll email you a copy of the receipt.",
            "I'll change the date on the invoice.",
            "Tell me your password and I'll download it for you.",
        ],
    ),
}


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(ROOT / "personas")


def _blockers(library: Library, persona_id: str, sentence: str) -> list[str]:
    persona = library.personas[persona_id]
    t = Transcript.model_validate({"persona": persona_id, "language": persona.language,
                                   "turns": [{"speaker": "customer", "text": "Hello, I need help with this."},
                                             {"speaker": "trainee", "text": sentence}]})
    return grade(t, persona).blockers


def test_every_starter_persona_has_near_misses(library):
    assert set(CASES) == {p.stem for p in (ROOT / "personas").glob("*.yaml")}
    assert all(ok and bad for ok, bad in CASES.values())


@pytest.mark.parametrize("persona_id,sentence", [(p, s) for p, (ok, _) in CASES.items() for s in ok])
def test_allowed_sentence_raises_no_blocker(library, persona_id, sentence):
    assert _blockers(library, persona_id, sentence) == []


@pytest.mark.parametrize("persona_id,sentence", [(p, s) for p, (_, bad) in CASES.items() for s in bad])
def test_real_promise_still_raises_a_blocker(library, persona_id, sentence):
    assert _blockers(library, persona_id, sentence)
