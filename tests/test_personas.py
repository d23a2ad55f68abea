"""The persona library: the shipped personas, their patterns and policy examples, and every kind of bad
persona file.

Patterns are matched the way evaluators use them: `re.search(pattern, text, re.IGNORECASE)` on what the
trainee says; policy items through their plain-language examples (roleplay.policy_phrases).  Negation is
handled by the evaluators, not by either.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import pytest

from roleplay.library import MAX_BYTES, Library, PersonaError, load_file, parse
from roleplay.patterns import catastrophic
from roleplay.policy_check import find_policy
from roleplay.policy_phrases import matches as policy_matches

from tests.persona_text import HEAD

PERSONA_DIR = Path(__file__).resolve().parent.parent / "personas"

LANGUAGES = {
    "late-delivery": "en",
    "hesitant-buyer": "en",
    "no-refund": "en",
    "angry-caller": "en",
    "angry-caller-sv": "sv",
    "faulty-product-fi": "fi",
    "invoice-hardship": "en",
    "receipt-help": "en",
    "public-complaint": "en",
    "confused-newbie": "en",
}
MOODS = ("upset", "calmer", "leaving", "satisfied")


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(PERSONA_DIR)


def matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def any_match(patterns, text: str) -> list[str]:
    return [p for p in patterns if matches(p, text)]


# --------------------------------------------------------------------------- the shipped library


def test_every_file_loads_without_errors(library):
    assert [str(e) for e in library.errors] == []
    files = sorted(p.name for p in PERSONA_DIR.glob("*.y*ml"))
    assert len(files) == len(library.personas)


def test_all_ids_present(library):
    assert set(library.personas) == set(LANGUAGES)


def test_file_name_is_the_id(library):
    for pid, path in library.files.items():
        assert path.name == f"{pid}.yaml"


def test_default_library_is_the_personas_folder(monkeypatch):
    monkeypatch.delenv("ROLEPLAY_PERSONAS", raising=False)
    lib = Library()
    assert lib.errors == []
    assert set(lib.personas) == set(LANGUAGES)


def test_env_var_points_the_library_elsewhere(monkeypatch, tmp_path):
    (tmp_path / "tester.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setenv("ROLEPLAY_PERSONAS", str(tmp_path))
    assert set(Library().personas) == {"tester"}


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_language(library, pid):
    assert library.get(pid).language == LANGUAGES[pid]


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_texts_are_written_in_the_persona_language(library, pid):
    py3langid = pytest.importorskip("py3langid")
    p = library.get(pid)
    spoken = [p.opening_line] + [line for mood in MOODS for line in getattr(p.lines, mood)]
    for label, text in (("brief+background", p.brief + " " + p.background),
                        ("spoken lines", " ".join(spoken)), ("policy", p.policy.summary)):
        assert py3langid.classify(text)[0] == p.language, f"{pid}: {label} is not in {p.language}"


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_persona_is_complete(library, pid):
    p = library.get(pid)
    assert p.policy.allowed, "no allowed policy items"
    assert p.policy.forbidden, "no forbidden policy items"
    assert p.goals, "no goals"
    allowed = {i.id for i in p.policy.allowed}
    for g in p.goals:
        assert g.met_by and set(g.met_by) <= allowed
    for mood in MOODS:
        lines = getattr(p.lines, mood)
        assert lines and all(line.strip() for line in lines), f"{pid}: empty lines for {mood}"
    assert len(p.lines.upset) >= 2
    assert p.knows and p.hidden_facts
    assert p.temperament.satisfied_at < p.temperament.start_frustration < p.temperament.leave_at
    ids = [i.id for i in p.policy.allowed] + [i.id for i in p.policy.forbidden]
    assert len(ids) == len(set(ids)), "an id is both allowed and forbidden"


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_authored_lines_pass_the_line_guard_for_their_act(library, pid):
    """The authored lines are what the customer says when the model's line fails (or, in Swedish and
    Finnish on the embedded model, always): each must pass the guard for the act it is said for."""
    from roleplay import guard
    from roleplay.customer import authored, own_words

    p = library.get(pid)
    words = own_words(p)
    for act, lines in authored(p).items():
        for line in lines:
            verdict = guard.check(line, p.language, p.name, act=None if act == "opening" else act,
                                  allowed_words=words)
            assert verdict.ok, f"{pid}: {act} line {line!r} fails the guard: {verdict.reasons}"


def test_files_stay_short():
    for path in PERSONA_DIR.glob("*.yaml"):
        # A persona with authored lines for every act (and pushes per offer) and its behaviour tests is a few pages, not more.
        assert len(path.read_text(encoding="utf-8").splitlines()) < 270, path.name


def test_personas_are_varied(library):
    personas = list(library)
    assert {p.difficulty.value for p in personas} == {"easy", "medium", "hard"}
    assert {p.channel.value for p in personas} == {"chat", "voice", "both"}
    assert {p.sex for p in personas} == {"female", "male"}
    assert library.get("hesitant-buyer").kind == "sales"
    assert library.get("angry-caller").difficulty.value == "hard"
    assert library.get("angry-caller").speaks_voice()
    assert library.get("receipt-help").channel.value == "chat"
    assert library.get("receipt-help").difficulty.value == "easy"
    assert library.get("confused-newbie").difficulty.value == "easy"


def test_angry_callers_tell_the_same_story(library):
    en, sv = library.get("angry-caller"), library.get("angry-caller-sv")
    assert [i.id for i in en.policy.allowed] == [i.id for i in sv.policy.allowed]
    assert [i.id for i in en.policy.forbidden] == [i.id for i in sv.policy.forbidden]
    assert "$45" in en.policy.summary and "449 kr" in sv.policy.summary
    assert any(w in " ".join(en.lines.upset).lower() for w in ("damn", "bloody", "hell"))


# --------------------------------------------------------------------------- pattern sanity

# (persona id, policy item id, something a trainee might really say that makes this offer or claim)
POLICY_EXAMPLES = [
    ("late-delivery", "shipping_refund", "I can refund the shipping fee of $6.90 for you."),
    ("late-delivery", "voucher", "I'd like to offer you a 10% voucher for your next order."),
    ("late-delivery", "return_refund", "If you return it unused, you'll get a full refund, and return shipping is free."),
    ("late-delivery", "gift_card", "I can give you a gift card to make up for it."),
    ("late-delivery", "cash", "We could pay you $20 for the trouble."),
    ("late-delivery", "free_product", "We'll send you another train set for free."),
    ("late-delivery", "guaranteed_date", "I guarantee the delivery will be on time next time."),
    ("late-delivery", "guaranteed_date", "I'll make sure this never happens again."),
    ("late-delivery", "guaranteed_date", "I guarantee your next order will arrive on time."),
    ("late-delivery", "full_refund_no_return", "I'll give you a full refund right away, you can keep the train."),
    ("hesitant-buyer", "monthly_plan", "The monthly plan is $29 per user and you can cancel any time."),
    ("hesitant-buyer", "monthly_plan", "You can go month to month, so you're never stuck."),
    ("hesitant-buyer", "annual_plan", "On the annual plan it's $24 per user per month, with a 12-month commitment."),
    ("hesitant-buyer", "free_trial", "You can start with a 14-day free trial, no credit card needed."),
    ("hesitant-buyer", "integrations", "Nimbus integrates with Outlook, so your calendars stay in sync."),
    ("hesitant-buyer", "csv_import", "Importing your clients from a CSV or Excel file is free."),
    ("hesitant-buyer", "assisted_migration", "Our team can do an assisted migration for a one-off $300."),
    ("hesitant-buyer", "annual_discount", "If you go annual, I can give you 10% off."),
    ("hesitant-buyer", "big_discount", "I can do 20% off if that helps."),
    ("hesitant-buyer", "monthly_discount", "I could knock a bit off the monthly plan for you."),
    ("hesitant-buyer", "offline_claim", "Yes, it works offline, so Graham can use it at the farms."),
    ("hesitant-buyer", "offline_claim", "It works fine without internet."),
    ("hesitant-buyer", "lotus_import", "No problem, we can import directly from Lotus Notes."),
    ("hesitant-buyer", "lotus_import", "We can import your Lotus Notes data directly."),
    ("hesitant-buyer", "free_migration", "For you, we'll do the migration for free."),
    ("hesitant-buyer", "pressure", "This offer ends today, so you'd need to sign now."),
    ("hesitant-buyer", "pressure", "Honestly, this is your last chance at this price."),
    ("no-refund", "auto_renew_off", "I can switch off auto-renewal so you won't be charged again next year."),
    ("no-refund", "pause", "I can pause your membership for up to three months while your knee heals."),
    ("no-refund", "free_month", "I'll add one free month to your plan as a goodwill gesture."),
    ("no-refund", "refund", "I'll process a full refund of the $119 for you."),
    ("no-refund", "refund", "I can refund you half of it."),
    ("no-refund", "extra_months", "I can give you three free months on top."),
    ("no-refund", "long_pause", "We can pause your plan for six months until you're fully recovered."),
    ("angry-caller", "technician", "I'll book a technician to come out within 48 hours and restore your settings."),
    ("angry-caller", "credit_month", "I'll also credit one month's fee, $45, to your account."),
    ("angry-caller", "more_credit", "I'll credit three months of fees to make up for it."),
    ("angry-caller", "tech_today", "I can get an engineer out to you this afternoon, guaranteed."),
    ("angry-caller", "tech_today", "Someone will be there within 24 hours."),
    ("angry-caller", "lost_income", "We'll compensate you for the lost income from that day."),
    ("angry-caller", "cash", "We'll send you a cheque for the trouble."),
    ("angry-caller-sv", "technician", "Jag bokar ett teknikerbesök inom 48 timmar som ställer i ordning dina inställningar."),
    ("angry-caller-sv", "credit_month", "Vi krediterar dessutom en månadsavgift på 449 kr på ditt konto."),
    ("angry-caller-sv", "more_credit", "Vi kan ge dig tre gratis månader som kompensation."),
    ("angry-caller-sv", "tech_today", "En tekniker kan komma hem till dig redan i dag."),
    ("angry-caller-sv", "lost_income", "Vi ersätter dig för den förlorade arbetsdagen."),
    ("angry-caller-sv", "cash", "Vi betalar ut pengarna direkt till ditt bankkonto."),
    ("faulty-product-fi", "diagnosis", "Voimme tehdä koneelle maksuttoman vikadiagnoosin huollossamme."),
    ("faulty-product-fi", "repair_discount", "Jos kone korjataan, saat korjauksesta 30 %:n alennuksen."),
    ("faulty-product-fi", "new_machine_discount", "Vaihtoehtoisesti saat uudesta koneesta 20 prosentin alennuksen."),
    ("faulty-product-fi", "free_replacement", "Lähetämme teille uuden koneen tilalle veloituksetta."),
    ("faulty-product-fi", "free_replacement", "Saat uuden keittimen meiltä."),
    ("faulty-product-fi", "free_repair", "Korjaamme koneen ilmaiseksi."),
    ("faulty-product-fi", "warranty_extension", "Voimme jatkaa takuuta kolmella kuukaudella."),
    ("faulty-product-fi", "bigger_discount", "Saat korjauksesta 50 %:n alennuksen."),
    ("invoice-hardship", "extension", "I can extend the due date by 45 days for you."),
    ("invoice-hardship", "pause_billing", "Alternatively, we can pause your billing for up to two months."),
    ("invoice-hardship", "waive_fee", "And I'll waive the $40 late fee on this invoice."),
    ("invoice-hardship", "write_off", "We'll just write it off this time."),
    ("invoice-hardship", "long_extension", "You can have 90 days to pay it."),
    ("invoice-hardship", "more_fees", "I'll waive all the late fees on your account going forward."),
    ("invoice-hardship", "reduce_amount", "I can reduce the invoice to $1,200."),
    ("receipt-help", "login", "First, please log in at siteplan.com with your email."),
    ("receipt-help", "steps", "Now click on Billing."),
    ("receipt-help", "steps", "Now you should see Account. Click that."),
    ("receipt-help", "download", "Next to the payment there's a button that says Download PDF."),
    ("receipt-help", "email_manually", "I'll just email you a copy of the receipt."),
    ("receipt-help", "edit_invoice", "I can change the date on the invoice for you."),
    ("receipt-help", "take_over", "Tell me your password and I'll do it for you."),
    ("public-complaint", "private_channel", "Could you send us a direct message with your order number so we can call you?"),
    ("public-complaint", "public_apology", "We're so sorry, Chloe, three weeks without a reply is not okay."),
    ("public-complaint", "replacement_part", "We'll send you a replacement leg free of charge; it arrives within five business days."),
    ("public-complaint", "replacement_part", "We can replace the sofa leg for you."),
    ("public-complaint", "new_sofa", "We'll send you a brand new sofa."),
    ("public-complaint", "refund_cash", "We'll refund you £100 for the trouble."),
    ("public-complaint", "faster_delivery", "The new leg will be with you tomorrow."),
    ("confused-newbie", "verify_identity", "First I need to ask you a couple of security questions to make sure it's really you."),
    ("confused-newbie", "update_number", "Then I'll update the mobile number on your account to your new one."),
    ("confused-newbie", "disable_two_step", "I'll just turn off the two-step login for you."),
    ("confused-newbie", "ask_password", "Can you tell me your password, please?"),
    ("confused-newbie", "bypass_verification", "We can skip the security questions this time."),
]

# Ordinary talk: no policy pattern may fire on these.
NEUTRAL = {
    "en": ["Thank you for calling, how are you today?", "Let me check that for you.",
           "Could you hold on a moment while I look into it?", "I understand, that sounds really frustrating.",
           "Is there anything else I can help you with?", "Excellent, thanks for your patience."],
    "sv": ["Tack för att du ringer, hur mår du idag?", "Ett ögonblick, jag ska kolla det åt dig.",
           "Jag förstår, det låter väldigt frustrerande.", "Finns det något mer jag kan hjälpa dig med?"],
    "fi": ["Kiitos soitosta, mitä kuuluu tänään?", "Hetkinen, tarkistan asian.",
           "Ymmärrän, se kuulostaa todella turhauttavalta.", "Voinko auttaa vielä jossain muussa?"],
}


def _item(persona, item_id):
    for item in persona.policy.allowed + persona.policy.forbidden:
        if item.id == item_id:
            return item
    raise AssertionError(f"{persona.id} has no policy item {item_id}")


@pytest.mark.parametrize("pid,item_id,example", POLICY_EXAMPLES)
def test_policy_item_recognises_a_realistic_offer(library, pid, item_id, example):
    p = library.get(pid)
    assert policy_matches(_item(p, item_id), example, p.language), f"{pid}.{item_id} misses: {example!r}"


def _allowed_examples() -> list[tuple[str, str, str]]:
    allowed = {(p.id, i.id) for p in Library(PERSONA_DIR) for i in p.policy.allowed}
    return [e for e in POLICY_EXAMPLES if e[:2] in allowed]


@pytest.mark.parametrize("pid,item_id,example", _allowed_examples())
def test_allowed_offer_is_not_taken_for_a_forbidden_one(library, pid, item_id, example):
    p = library.get(pid)
    hits = {f.id: policy_matches(f, example, p.language) for f in p.policy.forbidden}
    assert not any(hits.values()), f"allowed offer {example!r} trips forbidden {hits}"


def test_every_policy_item_has_an_example(library):
    covered = {(pid, item) for pid, item, _ in POLICY_EXAMPLES}
    for p in library:
        for item in p.policy.allowed + p.policy.forbidden:
            assert (p.id, item.id) in covered, f"no example for {p.id}.{item.id}"


# (persona id, forbidden item id, an honest refusal): the project's matcher must not read it as a promise.
REFUSALS = [
    ("hesitant-buyer", "offline_claim", "I have to be honest: Nimbus doesn't work offline, it needs a connection."),
    ("hesitant-buyer", "lotus_import", "There isn't a direct Lotus Notes import, so the data would need exporting to CSV first."),
    ("hesitant-buyer", "monthly_discount", "I can't offer a discount on the monthly plan."),
    ("no-refund", "refund", "Unfortunately I can't refund the annual plan after 48 hours."),
    ("no-refund", "long_pause", "I can't pause it for longer than three months."),
    ("angry-caller", "lost_income", "I'm afraid we can't compensate you for the lost income."),
    ("angry-caller", "tech_today", "I can't promise an engineer today, but within 48 hours."),
    ("angry-caller-sv", "lost_income", "Tyvärr kan vi inte ersätta dig för den förlorade arbetsdagen."),
    ("angry-caller-sv", "tech_today", "Jag kan inte lova en tekniker i dag."),
    ("faulty-product-fi", "free_replacement", "Valitettavasti emme voi antaa uutta konetta tilalle veloituksetta."),
    ("faulty-product-fi", "free_repair", "Valitettavasti emme voi korjata konetta ilmaiseksi."),
    ("invoice-hardship", "write_off", "I'm not able to write off the invoice."),
    ("public-complaint", "new_sofa", "We won't replace the whole sofa, but we'll send a new leg."),
    ("confused-newbie", "disable_two_step", "We never turn off the two-step login, it keeps your money safe."),
]


def test_examples_hold_under_the_project_matcher(library):
    """The same tables through the project's policy check (anchor prefilter, negation): offers count, nothing leaks."""
    for pid, item_id, example in POLICY_EXAMPLES:
        p = library.get(pid)
        allowed = {i.id for i in p.policy.allowed}
        items = p.policy.allowed if item_id in allowed else p.policy.forbidden
        assert item_id in [m.item for m in find_policy(items, example, p.language)], (pid, item_id, example)
        if item_id in allowed:
            assert find_policy(p.policy.forbidden, example, p.language) == [], (pid, example)


@pytest.mark.parametrize("pid,item_id,refusal", REFUSALS)
def test_honest_refusal_is_not_a_breach(library, pid, item_id, refusal):
    p = library.get(pid)
    assert policy_matches(_item(p, item_id), refusal, p.language), "the refusal should name the forbidden thing"
    assert find_policy(p.policy.forbidden, refusal, p.language) == []


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_neutral_talk_matches_no_policy_pattern(library, pid):
    p = library.get(pid)
    for sentence in NEUTRAL[p.language]:
        for item in p.policy.allowed + p.policy.forbidden:
            assert not policy_matches(item, sentence, p.language), f"{pid}.{item.id} fires on {sentence!r}"


@pytest.mark.parametrize("pid", sorted(LANGUAGES))
def test_a_greeting_matches_no_pattern_at_all(library, pid):
    p = library.get(pid)
    greeting = NEUTRAL[p.language][0]
    patterns = [pat for f in p.knows for pat in f.ask]
    patterns += [pat for h in p.hidden_facts for pat in h.topics]
    patterns += [pat for t in p.temperament.triggers for pat in t.patterns]
    assert any_match(patterns, greeting) == []
    assert not any(policy_matches(i, greeting, p.language) for i in p.policy.allowed + p.policy.forbidden)


# (persona id, fact id, the trainee asking for it)
ASK_EXAMPLES = [
    ("late-delivery", "order_number", "What's your order number?"),
    ("late-delivery", "product", "Which product was it?"),
    ("hesitant-buyer", "firm_name", "What's the name of your firm?"),
    ("hesitant-buyer", "team_size", "How many people would be using it?"),
    ("hesitant-buyer", "email_client", "Which email program do you use?"),
    ("no-refund", "account_email", "Which email is the account under?"),
    ("no-refund", "renewal_date", "How much were you charged?"),
    ("angry-caller", "account_number", "Can I take your account number?"),
    ("angry-caller", "router_model", "Which router model do you have?"),
    ("angry-caller-sv", "account_number", "Kan jag få ditt kundnummer?"),
    ("angry-caller-sv", "router_model", "Vilken router har du?"),
    ("faulty-product-fi", "order_number", "Voisitko kertoa tilausnumeron?"),
    ("faulty-product-fi", "model", "Mikä malli koneesi on?"),
    ("faulty-product-fi", "error_code", "Näkyykö näytössä jokin virhekoodi?"),
    ("invoice-hardship", "invoice_number", "Which invoice is it about?"),
    ("invoice-hardship", "business_name", "What's the name of your business?"),
    ("receipt-help", "account_email", "Which email did you sign up with?"),
    ("receipt-help", "payment", "How much did you pay?"),
    ("receipt-help", "device", "Are you on a computer or a phone?"),
    ("public-complaint", "order_number", "Could you DM us your order number?"),
    ("public-complaint", "damage", "Which part is damaged?"),
    ("public-complaint", "phone_number", "What's the best number to call you on?"),
    ("confused-newbie", "date_of_birth", "Can you confirm your date of birth?"),
    ("confused-newbie", "first_school", "What was the name of your first school?"),
    ("confused-newbie", "new_number", "What's your new mobile number?"),
]

# (persona id, hidden fact id, an open question that should earn it)
TOPIC_EXAMPLES = [
    ("late-delivery", "main_present", "What happened on the day?"),
    ("late-delivery", "checked_page", "When did you order it?"),
    ("hesitant-buyer", "lotus_notes", "Where do you keep your client records at the moment?"),
    ("hesitant-buyer", "lock_in", "What worries you about switching?"),
    ("hesitant-buyer", "offline_partner", "How will your team use it day to day?"),
    ("no-refund", "knee_surgery", "Can I ask what the reason is?"),
    ("no-refund", "no_reminder", "What did you expect when the plan came up for renewal?"),
    ("angry-caller", "missed_delivery", "How did this affect your work?"),
    ("angry-caller", "still_broken", "What's still not working now?"),
    ("angry-caller", "agent_advice", "What exactly did our agent tell you?"),
    ("angry-caller-sv", "missed_delivery", "Hur påverkade det ditt jobb?"),
    ("angry-caller-sv", "still_broken", "Vad är det som fortfarande inte fungerar?"),
    ("angry-caller-sv", "agent_advice", "Vad sa personen på kundtjänst till dig?"),
    ("faulty-product-fi", "descaled", "Miten olet huoltanut konetta?"),
    ("faulty-product-fi", "gift", "Mitä kone merkitsee sinulle?"),
    ("invoice-hardship", "new_contract", "When do you expect money coming in again?"),
    ("invoice-hardship", "good_record", "How long have you been with us?"),
    ("receipt-help", "deadline", "When do you need the receipt by?"),
    ("receipt-help", "plans_page", "What do you see on your screen right now?"),
    ("public-complaint", "emailed_twice", "Have you contacted us before about this?"),
    ("public-complaint", "in_laws", "How has this affected you at home?"),
    ("confused-newbie", "phone_changed", "Has anything changed with your phone recently?"),
    ("confused-newbie", "grandson", "Who helped you set it up?"),
]

# (persona id, trigger index, what a trainee says that should set it off)
TRIGGER_EXAMPLES = [
    ("late-delivery", 0, "It's all in the terms and conditions."),
    ("hesitant-buyer", 0, "You should sign now, trust me."),
    ("hesitant-buyer", 1, "You can cancel any time, honestly."),
    ("no-refund", 0, "It's in the terms you agreed to."),
    ("no-refund", 1, "I hope your knee recovers quickly."),
    ("angry-caller", 0, "Have you tried to restart the router?"),
    ("angry-caller", 1, "That was our mistake, we should have warned you."),
    ("angry-caller-sv", 0, "Har du provat att starta om routern?"),
    ("angry-caller-sv", 1, "Det var vårt fel, vi borde ha varnat dig."),
    ("angry-caller-sv", 2, "Jag förstår att det här har kostat dig mycket."),
    ("faulty-product-fi", 0, "Kyseessä on luultavasti käyttäjän virhe."),
    ("faulty-product-fi", 1, "Takuu on valitettavasti päättynyt."),
    ("faulty-product-fi", 2, "Ymmärrän hyvin, että tämä harmittaa."),
    ("invoice-hardship", 0, "Otherwise it goes to a debt collection agency."),
    ("invoice-hardship", 1, "You've always paid on time, thank you for being upfront with us."),
    ("receipt-help", 0, "Type it in the address bar of your browser."),
    ("receipt-help", 1, "Click Account, then Billing, then Invoices, then Download."),
    ("receipt-help", 2, "Take your time, let me know when you see it."),
    ("public-complaint", 0, "Please fill in our contact form."),
    ("public-complaint", 1, "You emailed us twice and we dropped the ball."),
    ("confused-newbie", 0, "You need the OTP from your authenticator app."),
    ("confused-newbie", 1, "We'll send you a text message with a six-digit code."),
]


@pytest.mark.parametrize("pid,fact_id,question", ASK_EXAMPLES)
def test_asking_for_a_fact_is_recognised(library, pid, fact_id, question):
    fact = next(f for f in library.get(pid).knows if f.id == fact_id)
    assert any_match(fact.ask, question)


@pytest.mark.parametrize("pid,fact_id,question", TOPIC_EXAMPLES)
def test_open_question_earns_hidden_fact(library, pid, fact_id, question):
    fact = next(h for h in library.get(pid).hidden_facts if h.id == fact_id)
    assert any_match(fact.topics, question)


@pytest.mark.parametrize("pid,index,said", TRIGGER_EXAMPLES)
def test_trigger_fires(library, pid, index, said):
    trigger = library.get(pid).temperament.triggers[index]
    assert any_match(trigger.patterns, said)


def test_every_ask_topic_and_trigger_has_an_example(library):
    asks = {(p, f) for p, f, _ in ASK_EXAMPLES}
    topics = {(p, h) for p, h, _ in TOPIC_EXAMPLES}
    triggers = {(p, i) for p, i, _ in TRIGGER_EXAMPLES}
    for p in library:
        assert {(p.id, f.id) for f in p.knows if f.ask} <= asks
        assert {(p.id, h.id) for h in p.hidden_facts if h.topics} <= topics
        assert {(p.id, i) for i in range(len(p.temperament.triggers))} <= triggers


def test_triggers_point_the_right_way(library):
    # jargon upsets the newbie, plain words calm her
    newbie = library.get("confused-newbie").temperament.triggers
    assert newbie[0].delta > 0 and newbie[1].delta < 0
    for jargon in ("Just enter the 2FA token", "Check your SMS code", "Open the authenticator app"):
        assert any_match(newbie[0].patterns, jargon)
    receipt = library.get("receipt-help").temperament
    assert receipt.start_frustration <= 40 and receipt.triggers[0].delta > 0 and receipt.triggers[2].delta < 0


def test_knows_values_are_in_the_fact_text(library):
    for p in library:
        for f in p.knows:
            if f.value:
                assert f.value.lower() in f.text.lower(), f"{p.id}.{f.id}: value {f.value!r} not in its text"


# --------------------------------------------------------------------------- bad persona files

MINIMAL = HEAD + textwrap.dedent("""\
    policy:
      summary: The sheet.
      allowed:
        - id: offer
          text: An offer
          examples: ['a voucher']
      forbidden:
        - id: bad
          text: A bad promise
          patterns: ['i promise']
    goals:
      - id: happy
        text: Be happy
        met_by: [offer]
    temperament:
      start_frustration: 50
      leave_at: 90
      satisfied_at: 35
    lines:
      upset: [Grr.]
      calmer: [Okay.]
      leaving: [Bye.]
      satisfied: [Thanks.]
    """)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def problems_of(text: str) -> list:
    with pytest.raises(PersonaError) as info:
        parse(text, "test.yaml")
    assert info.value.problems, "a PersonaError must carry at least one problem"
    assert "test.yaml" in str(info.value)
    return info.value.problems


def problem_for(problems, field: str):
    found = [p for p in problems if p.field == field]
    assert found, f"no problem for {field!r} in {[(p.field, p.message) for p in problems]}"
    return found[0]


def test_minimal_persona_is_valid():
    p = parse(MINIMAL)
    assert p.id == "tester" and p.channel.value == "both" and p.temperament.patience_turns == 14


def test_yaml_syntax_error_has_a_line():
    text = MINIMAL.replace("name: Test Person", "name: Test: Person")
    (p,) = problems_of(text)
    assert p.field == "" and "not valid YAML" in p.message
    assert p.line == line_of(text, "name: Test: Person")


def test_unclosed_bracket_is_reported_near_the_mistake():
    text = MINIMAL.replace("name: Test Person", "name: [Test Person")
    (p,) = problems_of(text)
    assert "not valid YAML" in p.message
    assert p.line in (line_of(text, "name: ["), line_of(text, "name: [") + 1)


def test_tab_indentation_is_a_syntax_error():
    text = MINIMAL.replace("  summary: The sheet.", "\tsummary: The sheet.")
    (p,) = problems_of(text)
    assert "not valid YAML" in p.message and p.line == line_of(text, "\tsummary")


@pytest.mark.parametrize("old,new,field,needle,message", [
    ("start_frustration: 50", "start_frustration: high", "temperament.start_frustration", "start_frustration",
     "valid integer"),
    ("language: en", "language: english", "language", "language:", "'en'"),
    ("language: en", "language: de", "language", "language:", "'en', 'fi' or 'sv'"),
    ("id: tester", "id: 42", "id", "id: 42", "valid string"),
    ("id: tester", "id: Tester Two", "id", "id: Tester", "pattern"),
    ("name: Test Person", "name: [Test, Person]", "name", "name:", "valid string"),
    ("opening_line: Hello.", "opening_line: 2024-01-01", "opening_line", "opening_line", "valid string"),
    ("examples: ['a voucher']", "examples: a voucher", "policy.allowed.0.examples", "examples: a voucher", "valid list"),
    ("examples: ['a voucher']", "examples: []", "policy.allowed.0.examples", "examples: []", "needs examples"),
    ("examples: ['a voucher']", "examples: ['I can do it']", "policy.allowed.0.examples.0", "I can do it",
     "only words like"),
    ("met_by: [offer]", "met_by: offer", "goals.0.met_by", "met_by", "valid list"),
    ("upset: [Grr.]", "upset: []", "lines.upset", "upset:", "at least 1"),
    ("leave_at: 90", "leave_at: ninety", "temperament.leave_at", "leave_at", "valid integer"),
    ("  satisfied: [Thanks.]", "  satisfied: Thanks.", "lines.satisfied", "satisfied: Thanks", "valid list"),
])
def test_wrong_type_names_field_and_line(old, new, field, needle, message):
    text = MINIMAL.replace(old, new)
    p = problem_for(problems_of(text), field)
    assert message in p.message
    assert p.line == line_of(text, needle)


def test_channel_and_difficulty_must_be_known_words():
    text = MINIMAL.replace("language: en\n", "language: en\nchannel: phone\ndifficulty: brutal\nsex: robot\n")
    problems = problems_of(text)
    assert problem_for(problems, "channel").line == line_of(text, "channel: phone")
    assert problem_for(problems, "difficulty").line == line_of(text, "difficulty: brutal")
    assert problem_for(problems, "sex").line == line_of(text, "sex: robot")


@pytest.mark.parametrize("remove,field", [
    ("name: Test Person\n", "name"),
    ("goal: What they want.\n", "goal"),
    ("opening_line: Hello.\n", "opening_line"),
    ("  summary: The sheet.\n", "policy.summary"),
    ("  start_frustration: 50\n", "temperament.start_frustration"),
    ("  calmer: [Okay.]\n", "lines.calmer"),
])
def test_missing_required_field(remove, field):
    assert remove in MINIMAL
    text = MINIMAL.replace(remove, "")
    p = problem_for(problems_of(text), field)
    assert p.message == "Field required"
    assert p.line is not None


def test_missing_top_level_field_points_at_the_top():
    text = "# a comment first\n" + MINIMAL.replace("name: Test Person\n", "")
    assert problem_for(problems_of(text), "name").line == 2


def test_missing_block_reports_every_problem_at_once():
    text = MINIMAL.split("temperament:")[0] + "lines:\n  upset: [Grr.]\n"
    fields = {p.field for p in problems_of(text)}
    assert {"temperament", "lines.calmer", "lines.leaving", "lines.satisfied"} <= fields


def test_unknown_field_is_a_typo():
    text = MINIMAL.replace("background:", "backgroud:")
    problems = problems_of(text)
    typo = problem_for(problems, "backgroud")
    assert "unknown field" in typo.message and typo.line == line_of(text, "backgroud")
    assert problem_for(problems, "background").message == "Field required"


def test_unknown_nested_field_is_a_typo():
    text = MINIMAL.replace("      examples: ['a voucher']", "      example: ['a voucher']")
    typo = problem_for(problems_of(text), "policy.allowed.0.example")
    assert "unknown field" in typo.message and typo.line == line_of(text, "example: ['a voucher']")


def test_unknown_field_with_a_block_value_points_at_the_key():
    text = MINIMAL.replace("temperament:", "temperment:")
    typo = problem_for(problems_of(text), "temperment")
    assert typo.line == line_of(text, "temperment:")


@pytest.mark.parametrize("old,new,field,message", [
    ("start_frustration: 50", "start_frustration: 150", "temperament.start_frustration", "less than or equal to 100"),
    ("start_frustration: 50", "start_frustration: -5", "temperament.start_frustration", "greater than or equal to 0"),
    ("leave_at: 90", "leave_at: 0", "temperament.leave_at", "greater than or equal to 1"),
    ("satisfied_at: 35", "satisfied_at: 35\n  patience_turns: 0", "temperament.patience_turns", "greater than or equal to 1"),
    ("satisfied_at: 35", "satisfied_at: 35\n  triggers:\n    - patterns: [x]\n      delta: 80",
     "temperament.triggers.0.delta", "less than or equal to 50"),
    ("satisfied_at: 35", "satisfied_at: 35\n  raises:\n    rudeness: 500", "temperament.raises.rudeness",
     "less than or equal to 100"),
    ("situation: A test customer.", "situation: " + "x" * 201, "situation", "at most 200"),
])
def test_impossible_values(old, new, field, message):
    text = MINIMAL.replace(old, new)
    p = problem_for(problems_of(text), field)
    assert message in p.message
    assert p.line == line_of(text, field.split(".")[-1] + ":")


@pytest.mark.parametrize("old,new,message", [
    ("satisfied_at: 35", "satisfied_at: 90", "satisfied_at (90) must be below leave_at (90)"),
    ("satisfied_at: 35", "satisfied_at: 95", "satisfied_at (95) must be below leave_at (90)"),
    ("start_frustration: 50", "start_frustration: 90", "start_frustration (90) must be below leave_at (90)"),
])
def test_thresholds_out_of_order(old, new, message):
    text = MINIMAL.replace(old, new)
    p = problem_for(problems_of(text), "temperament")
    assert message in p.message
    assert line_of(text, "temperament:") <= p.line <= line_of(text, "satisfied_at")


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\n\n"])
def test_empty_or_whitespace_text(text):
    (p,) = problems_of(text)
    assert p.field == "" and "empty" in p.message


@pytest.mark.parametrize("raw", [b"", b"   \n \t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_file(tmp_path, raw):
    path = tmp_path / "empty.yaml"
    path.write_bytes(raw)
    with pytest.raises(PersonaError) as info:
        load_file(path)
    (p,) = info.value.problems
    assert "empty" in p.message and info.value.source == str(path)


@pytest.mark.parametrize("text", ["- id: tester\n- name: Test\n", "just a sentence\n", "42\n", "---\n",
                                  "# only a comment\n", "null\n"])
def test_top_level_must_be_a_mapping(text):
    (p,) = problems_of(text)
    assert p.field == "" and "mapping" in p.message and p.line == 1


def test_several_documents_are_refused():
    text = MINIMAL + "---\nid: another\n"
    (p,) = problems_of(text)
    assert "not valid YAML" in p.message and p.line == line_of(text, "id: another") - 1


def test_huge_file(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text(MINIMAL + "# padding " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    with pytest.raises(PersonaError) as info:
        load_file(path)
    (p,) = info.value.problems
    assert p.field == "" and str(MAX_BYTES) in p.message


def test_file_just_under_the_limit_loads(tmp_path):
    path = tmp_path / "big.yaml"
    text = MINIMAL + "# " + "x" * (MAX_BYTES - len(MINIMAL) - 4) + "\n"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    assert load_file(path).id == "tester"


def test_latin1_file(tmp_path):
    raw = MINIMAL.replace("Test Person", "Jörg Mäkelä").encode("latin-1")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(raw)
    with pytest.raises(PersonaError) as info:
        load_file(path)
    (p,) = info.value.problems
    first_bad = raw.index("ö".encode("latin-1"))
    assert "not UTF-8" in p.message and f"offset {first_bad}" in p.message


def test_utf8_with_bom_loads(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("Test Person", "Jörg Mäkelä").encode("utf-8"))
    assert load_file(path).name == "Jörg Mäkelä"


def test_binary_file_named_yaml(tmp_path):
    path = tmp_path / "picture.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    with pytest.raises(PersonaError) as info:
        load_file(path)
    assert "not UTF-8" in info.value.problems[0].message


def test_binary_that_happens_to_be_utf8(tmp_path):
    path = tmp_path / "zeros.yaml"
    path.write_bytes(b"id: x\x00\x01\x02\n")
    with pytest.raises(PersonaError) as info:
        load_file(path)
    assert "not valid YAML" in info.value.problems[0].message


def test_unreadable_path(tmp_path):
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(PersonaError) as info:
        load_file(tmp_path / "folder.yaml")
    assert "cannot read" in info.value.problems[0].message
    with pytest.raises(PersonaError):
        load_file(tmp_path / "missing.yaml")


def test_invalid_regex_pattern():
    text = MINIMAL.replace("patterns: ['i promise']", "patterns: ['fine', '(unclosed']")
    p = problem_for(problems_of(text), "policy.forbidden.0.patterns.1")
    assert "invalid pattern '(unclosed'" in p.message
    assert p.line == line_of(text, "(unclosed")


@pytest.mark.parametrize("where,old,new", [
    ("trigger", "satisfied_at: 35", "satisfied_at: 35\n  triggers:\n    - patterns: ['ok', '*bad']\n      delta: 5"),
    ("ask", "opening_line: Hello.", "opening_line: Hello.\nknows:\n  - id: n\n    text: A number.\n    ask: ['[a-']"),
    ("topic", "opening_line: Hello.",
     "opening_line: Hello.\nhidden_facts:\n  - id: h\n    text: A secret.\n    topics: ['(?P<x']"),
])
def test_invalid_regex_anywhere(where, old, new):
    problems = problems_of(MINIMAL.replace(old, new))
    assert any("invalid pattern" in p.message and p.line for p in problems), where


def test_goal_met_by_unknown_policy_item():
    text = MINIMAL.replace("met_by: [offer]", "met_by: [offer, ofer]")
    (p,) = problems_of(text)
    assert "goal 'happy' is met by unknown policy items: ofer" in p.message


def test_push_lines_after_an_unknown_offer_are_refused():
    text = MINIMAL.replace("  satisfied: [Thanks.]\n", "  satisfied: [Thanks.]\n  push_after:\n    ofer: ['A voucher? No.']\n")
    (p,) = problems_of(text)
    assert "lines.push_after names unknown policy items: ofer" in p.message and p.field.startswith("lines")
    assert parse(text.replace("    ofer:", "    offer:"), "test.yaml").lines.push_after == {"offer": ["A voucher? No."]}


def test_goal_met_by_a_forbidden_item_is_refused():
    (p,) = problems_of(MINIMAL.replace("met_by: [offer]", "met_by: [bad]"))
    assert "unknown policy items: bad" in p.message


def test_goal_met_by_unknown_points_at_the_goal():
    text = MINIMAL.replace("met_by: [offer]", "met_by: [offer, ofer]")
    (p,) = problems_of(text)
    assert p.field.startswith("goals") and p.line == line_of(text, "met_by")


def test_duplicate_key():
    text = MINIMAL.replace("language: en\n", "language: en\nname: Someone Else\n")
    (p,) = problems_of(text)
    assert "duplicate key 'name'" in p.message and p.line == line_of(text, "name: Someone Else")


def test_duplicate_nested_key():
    text = MINIMAL.replace("  leave_at: 90\n", "  leave_at: 90\n  leave_at: 95\n")
    (p,) = problems_of(text)
    assert "duplicate key 'leave_at'" in p.message and p.line == line_of(text, "leave_at", 2)


@pytest.mark.parametrize("group,old,new", [
    ("policy.allowed", "  forbidden:",
     "    - id: offer\n      text: The same id again\n      examples: ['again']\n  forbidden:"),
    ("policy.forbidden", "goals:", "    - id: bad\n      text: Again\n      patterns: ['again']\ngoals:"),
    ("goals", "temperament:", "  - id: happy\n    text: Twice\n    met_by: [offer]\ntemperament:"),
    ("knows", "policy:", "knows:\n  - id: n\n    text: One.\n  - id: n\n    text: Two.\npolicy:"),
    ("hidden_facts", "policy:", "hidden_facts:\n  - id: h\n    text: One.\n  - id: h\n    text: Two.\npolicy:"),
])
def test_duplicate_ids_inside_a_list(group, old, new):
    assert old in MINIMAL
    (p,) = problems_of(MINIMAL.replace(old, new, 1))
    assert f"duplicate ids in {group}" in p.message


def test_duplicate_ids_point_at_the_list():
    text = MINIMAL.replace("policy:", "knows:\n  - id: n\n    text: One.\n  - id: n\n    text: Two.\npolicy:")
    (p,) = problems_of(text)
    assert p.field.startswith("knows")


def test_bad_item_id():
    text = MINIMAL.replace("  - id: happy", "  - id: Happy Goal")
    assert problem_for(problems_of(text), "goals.0.id").line == line_of(text, "Happy Goal")


# --------------------------------------------------------------------------- a library folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_files_are_reported_not_fatal(tmp_path):
    write(tmp_path, "good.yaml", MINIMAL)
    write(tmp_path, "broken.yaml", MINIMAL.replace("name: Test Person", "name: [oops"))
    write(tmp_path, "typo.yml", MINIMAL.replace("id: tester", "id: other").replace("goal:", "gaol:"))
    (tmp_path / "latin.yaml").write_bytes("name: Jörg".encode("latin-1"))
    write(tmp_path, "notes.txt", "not a persona, not looked at")
    lib = Library(tmp_path)
    assert set(lib.personas) == {"tester"}
    assert sorted(Path(e.source).name for e in lib.errors) == ["broken.yaml", "latin.yaml", "typo.yml"]
    with pytest.raises(KeyError, match="tester"):
        lib.get("other")


def test_duplicate_persona_ids_across_files(tmp_path):
    write(tmp_path, "a-first.yaml", MINIMAL)
    write(tmp_path, "b-second.yaml", MINIMAL.replace("Test Person", "Second Person"))
    lib = Library(tmp_path)
    assert lib.get("tester").name == "Test Person"
    assert lib.files["tester"].name == "a-first.yaml"
    (err,) = lib.errors
    assert Path(err.source).name == "b-second.yaml"
    (p,) = err.problems
    assert p.field == "id" and "duplicate id 'tester'" in p.message and "a-first.yaml" in p.message
    assert p.line == 1


def test_duplicate_persona_id_points_at_the_id_line(tmp_path):
    write(tmp_path, "a.yaml", MINIMAL)
    write(tmp_path, "b.yaml", "# the same customer again\n" + MINIMAL)
    (err,) = Library(tmp_path).errors
    assert err.problems[0].line == 2


def test_unhashable_key_does_not_crash_the_library(tmp_path):
    write(tmp_path, "good.yaml", MINIMAL)
    write(tmp_path, "odd.yaml", "? [a, b]\n: c\n")
    lib = Library(tmp_path)
    assert set(lib.personas) == {"tester"} and len(lib.errors) == 1


def test_deep_nesting_does_not_crash_the_library(tmp_path):
    write(tmp_path, "good.yaml", MINIMAL)
    write(tmp_path, "deep.yaml", "[" * 5000 + "\n")
    lib = Library(tmp_path)
    assert set(lib.personas) == {"tester"} and len(lib.errors) == 1


def test_reload_picks_up_changes(tmp_path):
    lib = Library(tmp_path)
    assert lib.personas == {} and lib.errors == []
    write(tmp_path, "tester.yaml", MINIMAL)
    lib.reload()
    assert [p.id for p in lib] == ["tester"]


# --------------------------------------------------------------------------- Library.save


def test_save_valid_persona(tmp_path):
    lib = Library(tmp_path)
    path = lib.save(MINIMAL)
    assert path == tmp_path.resolve() / "tester.yaml"
    assert path.read_text(encoding="utf-8") == MINIMAL
    assert lib.get("tester").name == "Test Person"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tester.yaml"]  # no temporary file left behind


def test_save_overwrites_its_own_file(tmp_path):
    lib = Library(tmp_path)
    lib.save(MINIMAL)
    lib.save(MINIMAL.replace("Test Person", "Renamed Person"))
    assert lib.get("tester").name == "Renamed Person"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tester.yaml"]


def test_save_a_shipped_persona_into_a_new_library(tmp_path):
    lib = Library(tmp_path)
    lib.save((PERSONA_DIR / "angry-caller-sv.yaml").read_text(encoding="utf-8"))
    assert lib.get("angry-caller-sv").language == "sv"


@pytest.mark.parametrize("text", [
    MINIMAL.replace("start_frustration: 50", "start_frustration: 150"),
    MINIMAL.replace("name: Test Person", "name: [oops"),
    "",
    "- a list\n",
])
def test_save_refuses_invalid_text_and_writes_nothing(tmp_path, text):
    lib = Library(tmp_path)
    with pytest.raises(PersonaError):
        lib.save(text)
    assert list(tmp_path.iterdir()) == []
    assert lib.personas == {}


@pytest.mark.parametrize("bad_id", ["../evil", "../../evil", "sub/evil", "/tmp/evil", ".hidden", "evil.yaml/.."])
def test_save_cannot_escape_by_id(tmp_path, bad_id):
    folder = tmp_path / "lib"
    folder.mkdir()
    lib = Library(folder)
    with pytest.raises(PersonaError) as info:
        lib.save(MINIMAL.replace("id: tester", f"id: '{bad_id}'"))
    assert info.value.problems[0].field == "id"
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib"]


@pytest.mark.parametrize("dangling", [False, True])
def test_save_refuses_a_symlink_pointing_outside(tmp_path, dangling):
    folder = tmp_path / "lib"
    folder.mkdir()
    outside = tmp_path / "outside.yaml"
    if not dangling:
        outside.write_text("precious", encoding="utf-8")
    (folder / "tester.yaml").symlink_to(outside)
    lib = Library(folder)
    with pytest.raises(PersonaError) as info:
        lib.save(MINIMAL)
    assert info.value.problems[0].field == "id"
    if dangling:
        assert not outside.exists()
    else:
        assert outside.read_text(encoding="utf-8") == "precious"
    assert (folder / "tester.yaml").is_symlink() and os.readlink(folder / "tester.yaml") == str(outside)
    assert sorted(p.name for p in folder.iterdir()) == ["tester.yaml"]


def test_save_refuses_an_id_owned_by_another_file(tmp_path):
    write(tmp_path, "someone.yaml", MINIMAL)
    lib = Library(tmp_path)
    with pytest.raises(PersonaError) as info:
        lib.save(MINIMAL.replace("Test Person", "Impostor"))
    assert "someone.yaml" in info.value.problems[0].message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["someone.yaml"]
    assert lib.get("tester").name == "Test Person"


def test_save_does_not_follow_a_symlinked_temporary_file(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("precious", encoding="utf-8")
    (folder / "tester.yaml.tmp").symlink_to(outside)
    lib = Library(folder)
    try:
        lib.save(MINIMAL)
    except PersonaError:
        pass
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (folder / "tester.yaml").is_symlink()


def test_save_refuses_text_the_library_could_not_load(tmp_path):
    lib = Library(tmp_path)
    with pytest.raises(PersonaError):
        lib.save(MINIMAL + "# " + "x" * MAX_BYTES + "\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("slow", [r"(\w+\s*)+ days", "(a|ab)+ days"])
def test_a_pattern_that_can_backtrack_for_ever_is_refused_with_its_field_and_line(slow):
    text = MINIMAL.replace("examples: ['a voucher']", f"examples: ['a voucher']\n      patterns: ['fine', '{slow}']")
    with pytest.raises(PersonaError) as err:
        parse(text, "<editor>")
    (problem,) = err.value.problems
    assert problem.field == "policy.allowed.0.patterns.1" and problem.line == line_of(text, "patterns:")
    assert "exponential time" in problem.message and repr(slow) in problem.message
    assert catastrophic(r"\bignore (all |your |the |any )*(previous |prior )*instructions") is None
