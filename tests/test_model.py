"""The model interface: a new backend is one class in one file, built from the settings like the shipped one."""

import textwrap

import pytest

from evaluators import grade
from roleplay.library import Library
from roleplay.llm import ModelClient
from roleplay.model import CustomerModel, build_model
from roleplay.session import PracticeSession
from roleplay.store import Store
from roleplay.transcript import Turn, Transcript

# The whole of a backend that speaks no OpenAI: a chat model, which is all the customer needs.
BACKEND = '''
from roleplay.model import CustomerModel


class Parrot(CustomerModel):
    model = "parrot-1"

    def __init__(self, line):
        self.line, self.asked = line, []

    @classmethod
    def from_settings(cls, env, **overrides):
        return cls(env["PARROT_LINE"])

    def stream_chat(self, messages, **kw):
        self.asked.append(messages)
        yield from self.line.split("|")
'''


@pytest.fixture
def parrot(tmp_path, monkeypatch):
    (tmp_path / "parrot_backend.py").write_text(textwrap.dedent(BACKEND), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return {"ROLEPLAY_MODEL_BACKEND": "parrot_backend:Parrot", "PARROT_LINE": "Okay, |go on."}


def test_a_new_backend_in_its_own_file_drives_a_session(parrot, tmp_path):
    model = build_model(parrot)
    assert type(model).__name__ == "Parrot" and isinstance(model, CustomerModel)
    persona = Library().get("late-delivery")
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'p.db'}"), persona, model, seed=1)
    line = s.reply_text("Could you say that again, please?")
    assert line.text == "Okay, go on." and line.source == "model"
    assert all(isinstance(m, list) for m in model.asked)  # asked in its style: chat messages, not a transcript
    assert s.store.transcript(s.id).turns[-1].text == "Okay, go on."


def test_what_a_backend_leaves_out_fails_as_a_model_error_the_judge_survives(parrot):
    model = build_model(parrot)
    t = Transcript(turns=[Turn(speaker="customer", text="My parcel is late."),
                          Turn(speaker="trainee", text="I'm sorry. When did you order it?")])
    card = grade(t, None, judge=model)  # no JSON answers: the judge falls back to the code's card
    assert card.grader == "deterministic" and "parrot-1 cannot answer in JSON" in card.judge["error"]


def test_the_shipped_backend_is_the_default_and_takes_the_command_lines_overrides():
    model = build_model({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, model="m", prompt_style=None)
    assert isinstance(model, ModelClient)
    assert model.describe() == "m via http://127.0.0.1:9/v1 (completion prompts)"
    assert build_model({"ROLEPLAY_MODEL_BACKEND": "openai", "OPENAI_BASE_URL": "http://h/v1"}).base_url == "http://h/v1"


def test_a_backend_the_settings_cannot_name_is_refused_with_the_setting_to_fix():
    with pytest.raises(ValueError, match="ROLEPLAY_MODEL_BACKEND: unknown model backend 'llamafile'"):
        build_model({"ROLEPLAY_MODEL_BACKEND": "llamafile"})
    with pytest.raises(ValueError, match="roleplay.store:Store is not a roleplay.model.CustomerModel"):
        build_model({"ROLEPLAY_MODEL_BACKEND": "roleplay.store:Store"})
