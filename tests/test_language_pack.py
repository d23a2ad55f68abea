"""A new language is a language pack and a persona: nothing in the code names it.

German is added from files in a temporary folder (ROLEPLAY_LANGUAGES): a pack of the words people
read (`de.py`), one of how German is read (`de_lexicon.py`), and a persona in German.  A scripted
session runs in it and is graded, with the tips in German.  A broken pack fails at load and says
which pack, which key, and what English has.
"""

import textwrap

import pytest
from pydantic import ValidationError

from evaluators import grade
from roleplay import guard, lexicon, stemming
from roleplay.languages import found, pack
from roleplay.languages.lexicon import lexicon as lexicon_of
from roleplay.library import Library, parse
from roleplay.persona import json_schema
from roleplay.policy_check import find_policy
from roleplay.session import PracticeSession
from roleplay.store import Store
from tests.fakes import ScriptedModel

# The words people read.  Sections and tips the session below does not reach stay English: a
# pack is checked for every id, not for its translation, and a test need not translate the grader.
PACK_DE = textwrap.dedent('''\
    """Deutsch."""
    from roleplay.languages.en import PACK as _EN

    PACK = {
        **_EN,
        "code": "de",
        "name": "Deutsch",
        "scene": "Ein {channel} mit dem Kundendienst einer Firma, Wort für Wort aufgeschrieben. Ich bin "
                 "{full_name}, der Kunde; der Agent arbeitet für die Firma. Ich spreche nur für mich, in kurzen, "
                 "natürlichen Sätzen, auf Deutsch. Meine Seite der Geschichte, in meinen eigenen Worten:",
        "call": "Telefonat",
        "chat": "Chat",
        "wants": "Was ich will: {goal}",
        "knows": "Was ich ihnen sagen kann: {facts}",
        "decimal": ",",
        "thinking": "denkt",
        "acts": {**_EN["acts"],
                 "upset": "Ich bin immer noch verärgert und sage, was mich stört.",
                 "calmer": "Ich rede weiter, etwas ruhiger.",
                 "accept": "Gut. Ich nehme an, bedanke mich und verabschiede mich."},
        "moods": {"calm": "ruhig", "uneasy": "unruhig", "annoyed": "genervt", "angry": "wütend",
                  "furious": "sehr wütend"},
        "tips": {**_EN["tips"],
                 "quote": "„{text}“",
                 "tip.listening.ignored": "In Beitrag {turn} hast du {reply} geantwortet, ohne aufzugreifen, was der "
                                          "Kunde gerade gesagt hatte ({said}, Beitrag {said_turn}). Beginne deine "
                                          "Antwort mit seinen eigenen Worten.",
                 "tip.listening.unanswered": "Als der Kunde {said} fragte (Beitrag {turn}), hast du weitergemacht, "
                                             "ohne zu antworten.",
                 "tip.honesty.unanswered": "Der Kunde fragte {said} (Beitrag {turn}) und bekam keine Antwort. Wenn du "
                                           "es nicht weißt, sag: „Das weiß ich nicht, ich prüfe es und melde mich.“",
                 "tip.empathy.never": "Du hast nie anerkannt, wie sich der Kunde fühlte. Ein ehrlicher Satz („Das "
                                      "war bestimmt sehr enttäuschend“) verändert das ganze Gespräch.",
                 "note.listening.took_up": "{engaged} von {opportunities} Kundenbeiträgen aufgegriffen",
                 "note.honesty.policy": "Aussagen mit dem Regelblatt der Persona '{persona}' abgeglichen",
                 "note.resolution.goals": "{met} von {total} Kundenzielen mit erlaubten Angeboten erreicht",
                 "note.outcome.neither": "die letzten Worte des Kunden zeigen weder Zufriedenheit noch ein offenes "
                                         "Problem",
                 "tip.listening.no_open": "Du hast keine offenen Fragen gestellt. Stell früh eine, z. B. „Können "
                                          "Sie mir erzählen, was passiert ist?“, bevor du etwas anbietest.",
                 "tip.listening.no_reflection": "Du hast nie wiedergegeben, was du gehört hast. Eine Zusammenfassung "
                                                "in einem Satz („Also …, habe ich das richtig verstanden?“) zeigt "
                                                "dem Kunden, dass du zugehört hast.",
                 "tip.calm.no_ack": "Der Kunde war verärgert ({said}, Beitrag {turn}) und du hast es nie "
                                    "anerkannt. Benenne das Gefühl, bevor du löst: „Das ist wirklich ärgerlich, "
                                    "es tut mir leid.“",
                 "tip.calm.ownership": "Übernimm das Problem: „Ich kümmere mich darum.“"},
    }
    ''')

# How German is read: a few real patterns; an empty group is a finding German cannot spot yet.
LEXICON_DE = textwrap.dedent('''\
    """Deutsch: how it is read."""
    from roleplay.languages.en_lexicon import SIGNALS as _EN

    SIGNALS = {group: [] for group in _EN} | {
        "apology": [r"\\bes tut (mir|uns) (sehr |wirklich )?leid\\b", r"\\bentschuldigung\\b"],
        "tension": [r"\\b(ärgerlich|unverschämt|wütend|sauer|inakzeptabel)\\b"],
        "open_question": [r"(^|[.!?]\\s+)(was|wie|warum|wann|erzählen sie)\\b[^?]*\\?"],
    }
    GENERIC_FACTS = [
        ("order_number", "die Bestellnummer", [r"\\bbestellnummer\\b"], r"\\b(\\d{5,})\\b"),
    ]
    STOPWORDS = frozenset("ich mich mein meine wir uns unser sie ihr ihre es der die das ein eine und oder aber "
                          "ist sind war haben hat kann können nicht ja nein zu mit für von".split())
    STEMMER = "german"
    ABBREVIATIONS = ["z.b", "usw", "bzw"]
    ROLE_BREAKS = {"offers_help": [r"\\bwie kann ich (ihnen )?helfen\\b"]}
    ACCEPT = [r"\\bdas ist in ordnung\\b"]
    SELF_INTRO = [r"ich bin", r"hier ist"]
    CAPITALS = "ÄÖÜ"
    ''')

PERSONA_DE = textwrap.dedent("""\
    id: spaete-lieferung
    name: Jonas Weber
    language: de
    situation: Ein Geburtstagsgeschenk kam drei Tage zu spät.
    brief: Jonas Weber ruft wegen Bestellung 48213 an, die nach der Feier ankam.
    background: Ich habe eine Holzeisenbahn für den Geburtstag meines Sohnes bestellt. Sie kam drei Tage zu spät.
    goal: Ich will, dass die Firma den Fehler zugibt und mir die Versandkosten erstattet.
    opening_line: Hallo. Meine Bestellung 48213 kam drei Tage zu spät, nach der Geburtstagsfeier meines Sohnes.
    knows:
      - id: order_number
        text: Die Bestellnummer ist 48213.
        value: "48213"
        ask: ['bestellnummer']
    policy:
      summary: Sie dürfen die Versandkosten erstatten.
      allowed:
        - id: versand
          text: Die Versandkosten erstatten
          examples: ['die Versandkosten erstatten', 'Sie bekommen die Versandkosten zurück']
      forbidden:
        - id: alles
          text: Die ganze Bestellung erstatten
          examples: ['die ganze Bestellung erstatten']
    goals:
      - id: erstattung
        text: Die Versandkosten zurück
        met_by: [versand]
    temperament:
      start_frustration: 50
      leave_at: 95
      satisfied_at: 30
    lines:
      upset: [Das ist wirklich ärgerlich.]
      calmer: [Na gut.]
      leaving: [Das reicht mir. Auf Wiederhören.]
      satisfied: [Danke, das ist in Ordnung. Auf Wiederhören.]
    """)


@pytest.fixture
def use_packs(monkeypatch):
    """Points ROLEPLAY_LANGUAGES at a folder (None: at none) and has it read again, as a new process would."""
    def use(folder):
        if folder is None:
            monkeypatch.delenv(found.SETTING)
        else:
            monkeypatch.setenv(found.SETTING, str(folder))
        found.refresh()
    yield use
    monkeypatch.undo()
    found.refresh()


@pytest.fixture
def german(tmp_path, use_packs):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "de.py").write_text(PACK_DE)
    (packs / "de_lexicon.py").write_text(LEXICON_DE)
    personas = tmp_path / "personas"
    personas.mkdir()
    (personas / "spaete-lieferung.yaml").write_text(PERSONA_DE)
    use_packs(packs)
    return personas


def test_a_pack_in_a_folder_adds_a_language(german):
    assert found.codes() == ("en", "fi", "sv", "de")
    assert pack("de").moods["angry"] == "wütend"
    assert json_schema()["properties"]["language"]["enum"] == ["en", "fi", "sv", "de"]  # drafting may pick it
    assert stemming.stem("erstattungen", "de") == stemming.stem("erstattung", "de") != "erstattung"  # Snowball's German
    assert lexicon.stopwords("de") == lexicon_of("de").stopwords and "ich" in lexicon.stopwords("de")


def test_a_persona_in_the_new_language_validates(german):
    library = Library(german)
    assert library.errors == []
    persona = library.get("spaete-lieferung")
    assert persona.language == "de"
    assert not [w for w in persona.warnings() if "third person" in w]
    # its plain-German policy examples match other forms of their words (German stems: "erstatte", "erstatten")
    assert [m.item for m in find_policy(persona.policy.allowed, "Ich erstatte Ihnen die Versandkosten.", "de")] == ["versand"]
    assert [m.item for m in find_policy(persona.policy.forbidden, "Ich erstatte die ganze Bestellung.", "de")] == ["alles"]


def test_without_the_pack_the_persona_is_refused(german, use_packs):
    use_packs(None)
    with pytest.raises(Exception, match="no language pack 'de'"):
        parse(PERSONA_DE, "spaete-lieferung.yaml")


def test_a_scripted_session_in_the_new_language_is_graded_with_tips_in_it(german, tmp_path):
    persona = Library(german).get("spaete-lieferung")
    client = ScriptedModel(["Wie kann ich Ihnen helfen?",  # the model in the agent's role: the guard asks again
                             "Das ist wirklich ärgerlich. Mein Sohn hat auf sein Geschenk gewartet.",
                             "Und was machen Sie jetzt dagegen?",
                             "Das reicht mir nicht. Ich will mein Geld zurück."])  # an offer heard as rules: still pressing
    session = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), persona, client)
    session.reply_text("Die Bestellnummer bitte.")
    session.reply_text("Das ist nicht meine Schuld.")
    session.reply_text("Ich kann die Versandkosten erstatten.")
    customer = [t.text for t in session.transcript().turns if t.speaker == "customer"]
    assert customer[1] == "Das ist wirklich ärgerlich. Mein Sohn hat auf sein Geschenk gewartet."
    assert not any("helfen" in t for t in customer)
    assert any("Ich bin Jonas Weber, der Kunde" in str(p) for p in client.prompts)  # the German scene

    card = grade(session.transcript(), persona)
    assert card.language == "de" and card.persona == "spaete-lieferung"
    said = [t for s in card.skills.values() for t in (*s.tips, *s.notes)]
    german = [pack("de").tips[k] for k in ("tip.listening.ignored", "tip.listening.unanswered", "tip.honesty.unanswered",
                                          "tip.empathy.never", "tip.calm.no_ack", "tip.calm.ownership",
                                          "note.listening.took_up", "note.honesty.policy", "note.resolution.goals",
                                          "note.outcome.neither")]
    assert len(said) >= 8
    for text in said:  # each one a German text filled in, the customer's words in German quotes
        assert any(text.startswith(g.split("{")[0]) and text.endswith(g.split("}")[-1]) for g in german), text
    assert "„Das ist wirklich ärgerlich. Mein Sohn hat auf sein Geschenk gewartet.“" in " ".join(said)


def test_a_pack_missing_a_lexicon_group_says_which_and_what_english_has(tmp_path, use_packs):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "de.py").write_text(PACK_DE)
    (packs / "de_lexicon.py").write_text(LEXICON_DE.replace('SIGNALS = {group: [] for group in _EN} | {',
                                                            'SIGNALS = {group: [] for group in _EN if group != "empathy"} | {'))
    use_packs(packs)
    with pytest.raises(ValidationError, match=r"language pack 'de' \(de_lexicon.py\) lacks SIGNALS groups: empathy "
                                              r"\(English has: empathy, apology"):
        lexicon_of("de")


def test_a_pack_missing_a_tip_says_which(tmp_path, use_packs):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "de.py").write_text(PACK_DE + 'del PACK["tips"]["tip.calm.ownership"]\n')
    (packs / "de_lexicon.py").write_text(LEXICON_DE)
    use_packs(packs)
    with pytest.raises(ValidationError, match=r"language pack 'de' lacks: tips.tip.calm.ownership"):
        pack("de")


@pytest.mark.parametrize("files,message", [
    ({"de.py": PACK_DE}, r"language pack 'de' \(.*de.py\) has no de_lexicon.py beside it"),
    ({"de.py": PACK_DE, "de_lexicon.py": LEXICON_DE.replace('"german"', '"klingon"')},
     r"STEMMER 'klingon' is not one of .*german"),
    ({"de.py": PACK_DE, "de_lexicon.py": LEXICON_DE.replace("\\bentschuldigung\\b", "(entschuldigung")},
     r"SIGNALS.apology has a broken pattern"),
    ({"sv.py": "PACK = {}", "sv_lexicon.py": ""}, r"language pack 'sv' is in two folders"),
])
def test_a_broken_pack_fails_with_a_clear_message(tmp_path, use_packs, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    use_packs(tmp_path)
    with pytest.raises((ValueError, ValidationError), match=message):
        found.codes()
        lexicon_of("de")


def test_the_guard_reads_the_new_language(german):
    assert guard.check("Wie kann ich Ihnen helfen?", "de").reasons == ["offers_help"]
    assert "narrates_self" not in guard.check("Hallo, hier ist Jonas Weber, wegen der Bestellung.", "de",
                                              name="Jonas Weber").reasons
    assert guard.stance("Das ist in Ordnung. Auf Wiederhören.", "de", "accept") is None


def test_shouting_in_the_new_languages_capitals_is_seen(german, use_packs):
    from roleplay.analysis import _shouting

    assert [m.quote for m in _shouting("Das ist ÜBEL ÜBERALL.")] == ["ÜBEL ÜBERALL"]
    use_packs(None)  # without the pack, Ü is no capital of ours
    assert _shouting("Das ist ÜBEL ÜBERALL.") == []


def test_a_broken_pack_stops_the_library_at_start(tmp_path, use_packs):
    (tmp_path / "de.py").write_text(PACK_DE + 'del PACK["moods"]["angry"]\n')
    (tmp_path / "de_lexicon.py").write_text(LEXICON_DE)
    use_packs(tmp_path)
    with pytest.raises(ValidationError, match=r"language pack 'de' lacks: angry"):
        Library(tmp_path)


@pytest.mark.parametrize("code", ["en", "sv", "fi"])
def test_each_languages_fillers_pass_the_guard_for_both_moods(code):
    """A call's model line starts with one ("Hmm...", "Alltså...", "Tuota..."): each is said as it stands."""
    fillers = pack(code).fillers
    assert set(fillers) == {"upset", "calmer"} and all(len(f) >= 3 for f in fillers.values())
    for said in (word for group in fillers.values() for word in group):
        assert guard.check(said, code).ok, (code, said, guard.check(said, code).reasons)
