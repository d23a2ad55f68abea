"""One sentence rule for the customer's checks, the grader's quotes and the spoken sentences."""

from __future__ import annotations

import pytest

from roleplay import customer
from roleplay.sentences import SentenceBuffer, sentence_at, sentence_of, sentence_spans, split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi. How are you? Fine!", ["Hi.", "How are you?", "Fine!"]),
        ("Mr. Smith paid $6.90 today. Thanks.", ["Mr. Smith paid $6.90 today.", "Thanks."]),
        ("It costs 6.90 euros. Okay", ["It costs 6.90 euros.", "Okay"]),
        ("Dr. Who, e.g. the doctor, came. No. Wait…  Really?!", ["Dr. Who, e.g. the doctor, came.", "No.", "Wait…", "Really?!"]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("Vi ses kl. 10, t.ex. i morgon. Hej då.", ["Vi ses kl. 10, t.ex. i morgon.", "Hej då."]),
        ("Maksaa esim. 5 euroa. Kiitos.", ["Maksaa esim. 5 euroa.", "Kiitos."]),
        ("First line\nsecond line", ["First line", "second line"]),  # a line break ends one, as in a chat
        ("", []),
        ("   ", []),
        ("no ending", ["no ending"]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected
    assert [text[a:b] for a, b in sentence_spans(text)] == expected  # spans point at the same words


def test_sentence_at_finds_the_sentence_around_a_position():
    text = "I spoke to Mr. Jensen yesterday. He said no."
    assert text[slice(*sentence_at(text, text.index("Jensen")))] == "I spoke to Mr. Jensen yesterday."
    assert text[slice(*sentence_at(text, text.index("said")))] == "He said no."


def test_sentence_buffer_streams_complete_sentences_only():
    buffer = SentenceBuffer()
    out = []
    for delta in ["Hello", " Mr", ". Smith", ", that is $6", ".", "90 in total", ". Anything", " else? ", "Bye"]:
        out.append(buffer.feed(delta))
    assert out == [[], [], [], [], [], [], ["Hello Mr. Smith, that is $6.90 in total."], ["Anything else?"], []]
    assert buffer.flush() == "Bye"
    assert buffer.flush() is None


def test_sentence_buffer_several_sentences_in_one_delta():
    buffer = SentenceBuffer()
    assert buffer.feed("One. Two! Three? Fo") == ["One.", "Two!", "Three?"]
    assert buffer.feed("ur.") == []  # nothing has followed the full stop yet, so it may not be an end
    assert buffer.flush() == "Four."


def test_guard_analysis_and_speech_cut_mr_jensen_alike():
    """The customer's streamed sentences (checked by the guard, then spoken) and the grader's quotes agree."""
    text = "Mr. Jensen promised me a refund. Where is it?"
    streamed, buffer = [], SentenceBuffer()
    for i, word in enumerate(text.split(" ")):  # as a model streams it, a token at a time
        streamed += buffer.feed(word if i == 0 else " " + word)
    streamed.append(buffer.flush())
    assert streamed == ["Mr. Jensen promised me a refund.", "Where is it?"]
    assert split_sentences(text) == streamed  # the analysis' quotes
    assert sentence_of(text, text.index("refund")) == streamed[0]
    assert customer.sentences(text) == streamed  # an authored line, sentence by sentence
