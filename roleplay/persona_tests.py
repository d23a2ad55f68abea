"""Persona behaviour tests: a persona's `expect:` cases, played on the configured model.

Each case is a script of trainee lines and what must happen (the customer leaves,
calms by at least N, pushes for the ask, does not resolve before line K …).  The
real session path plays it (analysis → state → the customer's line), so a trainer
checks the customer a trainee will meet.  `roleplay personas test` runs them, and
CI runs every starter persona's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, Field

from .model import CustomerModel
from .persona import Expect, Persona
from .session import PracticeSession
from .store import Store


class Check(BaseModel):
    what: str
    ok: bool
    detail: str


class CaseResult(BaseModel):
    persona: str
    case: str
    difficulty: str
    ok: bool
    checks: list[Check]
    turns: list[dict] = Field(default_factory=list)  # speaker, text, frustration; act and source (model/authored)


def run_case(persona: Persona, case: Expect, client: CustomerModel, seed: int = 7,
             store: Store | None = None) -> CaseResult:
    session = PracticeSession.start(store or Store("sqlite://"), persona, client, trainee="persona-test",
                                    seed=seed, difficulty=case.difficulty)
    start = session.state.frustration
    curve, resolved_at = [start], None
    acts, sources = [], []
    for n, line in enumerate(case.script, 1):
        if session.ended:
            break
        sources.append(session.reply_text(line).source)
        curve.append(session.state.frustration)
        acts.append(session.state.act)
        if session.state.end_reason == "resolved" and resolved_at is None:
            resolved_at = n
    s = session.state
    final = s.frustration
    checks: list[Check] = []

    def add(what: str, ok: bool, detail: str) -> None:
        checks.append(Check(what=what, ok=ok, detail=detail))

    if case.leaves is not None:
        add("leaves" if case.leaves else "stays", (s.end_reason == "customer_left") == case.leaves,
            f"ended: {s.end_reason or 'no'}")
    if case.resolves is not None:
        add("resolves" if case.resolves else "does not resolve", (s.end_reason == "resolved") == case.resolves,
            f"ended: {s.end_reason or 'no'}")
    if case.calms_by is not None:
        add(f"calms by {case.calms_by}", start - final >= case.calms_by, f"frustration {start} → {final}")
    if case.rises_by is not None:
        add(f"rises by {case.rises_by}", final - start >= case.rises_by, f"frustration {start} → {final}")
    for k, rise in sorted(case.jump_at.items()):
        got = curve[k] - curve[k - 1] if k < len(curve) else None
        add(f"line {k} raises by {rise}", got is not None and got >= rise,
            f"{curve[k - 1]} → {curve[k]}" if got is not None else f"line {k} was never said")
    if case.not_resolved_before is not None:
        add(f"not resolved before line {case.not_resolved_before}",
            resolved_at is None or resolved_at >= case.not_resolved_before,
            f"resolved at line {resolved_at}" if resolved_at else "not resolved")
    for fact in case.reveals:
        add(f"reveals {fact}", fact in s.revealed, f"revealed: {', '.join(s.revealed) or 'nothing'}")
    for doubt in case.raises:
        add(f"raises {doubt}", doubt in s.raised, f"raised: {', '.join(s.raised) or 'nothing'}")
    if case.pushes is not None:
        add(f"pushes for the ask {case.pushes}×", s.pushes >= case.pushes, f"pushed {s.pushes}×")
    turns = []
    acts_iter, sources_iter = iter(acts), iter(sources)
    for t in session.turns:
        row = {"speaker": t.speaker, "text": t.text, "frustration": t.frustration}
        if t.speaker == "customer" and len(turns) > 0:
            row["act"], row["source"] = next(acts_iter, None), next(sources_iter, None)
        turns.append(row)
    return CaseResult(persona=persona.id, case=case.name, difficulty=s.difficulty,
                      ok=all(c.ok for c in checks), checks=checks, turns=turns)


def run(persona: Persona, client: CustomerModel, names: list[str] | None = None,
        store: Store | None = None, jobs: int = 1) -> list[CaseResult]:
    """Every expect case (or those named); `store` keeps the conversations (as test runs), else in memory."""
    return list(run_many([(persona, c) for c in persona.expect if not names or c.name in names], client, store, jobs))


def run_many(cases: Iterable[tuple[Persona, Expect]], client: CustomerModel, store: Store | None = None,
             jobs: int = 1) -> Iterator[CaseResult]:
    """Results in the cases' order, as they finish; `jobs` cases at once share the model server's slots.

    Without a store each case keeps its conversation in a database of its own, in memory
    (an in-memory SQLite database belongs to one thread).
    """
    def one(case: tuple[Persona, Expect]) -> CaseResult:
        return run_case(*case, client, store=store or Store("sqlite://"))

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        yield from pool.map(one, cases)


def report(result: CaseResult, verbose: bool = False) -> str:
    head = f"{'PASS' if result.ok else 'FAIL'} {result.persona} / {result.case} ({result.difficulty})"
    lines = [head] + [f"  {'ok ' if c.ok else 'NOT'} {c.what}: {c.detail}" for c in result.checks]
    if verbose or not result.ok:
        for t in result.turns:
            who = "customer" if t["speaker"] == "customer" else "trainee "
            extra = f" [{t['frustration']}{', ' + t['act'] if t.get('act') else ''}]" if t["frustration"] is not None else ""
            lines.append(f"    {who}{extra}: {t['text']}")
    return "\n".join(lines)
