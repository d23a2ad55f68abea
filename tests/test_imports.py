"""The import graph of roleplay/ and evaluators/ (and app.py), read with `ast`: no module imports another that
imports it back, and the core imports no evaluator.

Every import counts, also one inside a function: putting an import there hides a cycle from Python's start-up,
not from the design.  Modules named by string (the speech and model backends, the skill modules the grader
loads) are not seen; each of those points down, at a module that does not import the one naming it.

The layers: the core (roleplay/, less the joiners) knows nothing of grading; the evaluators grade with the
core's analysis, persona and transcript; the joiners put the two together for a person and import both:
  - roleplay.cli: the command line (`roleplay grade`, re-grading, the persona tests' scorecards);
  - roleplay.web: the app (the scorecard after a session, re-grading in Review, the team's figures);
  - roleplay.bench: `roleplay bench` times grading beside the practice loop.
app.py, outside the package, starts the app and is a joiner too.  Neither the core nor the evaluators import
a joiner, so grading can never reach back into the core through one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("roleplay", "evaluators")
JOINERS = ("roleplay.cli", "roleplay.web", "roleplay.bench", "app")


def modules(root: Path = ROOT, packages=PACKAGES, top: tuple[str, ...] = ("app",)) -> dict[str, Path]:
    """Dotted name -> file, for every module of the packages (a package is its __init__) and the top modules."""
    found = {name: root / f"{name}.py" for name in top if (root / f"{name}.py").is_file()}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _known(name: str, known: dict[str, Path]) -> str | None:
    """The module an import of `name` runs last: the longest prefix that is one of ours."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ours that this module imports anywhere in its text."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(_known(a.name, known) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            # `from pkg import mod` imports the module mod; `from mod import name` the module mod.
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in known else _known(base, known)
                         for a in node.names)
    return {m for m in found if m and m != name}


def graph(root: Path = ROOT, packages=PACKAGES, top: tuple[str, ...] = ("app",)) -> dict[str, set[str]]:
    known = modules(root, packages, top)
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return found


def _in(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _shown(g: dict[str, set[str]], component: list[str]) -> str:
    return "; ".join(f"{m} -> {', '.join(sorted(d for d in g[m] if d in component))}" for m in component)


def test_no_module_imports_one_that_imports_it_back():
    g = graph()
    assert cycles(g) == [], "\n".join(_shown(g, c) for c in cycles(g))


def test_the_core_imports_no_evaluator_and_nothing_imports_a_joiner():
    g = graph()
    core_to_evaluators = {m: sorted(d for d in deps if _in(d, ["evaluators"]))
                          for m, deps in g.items() if not _in(m, JOINERS) and not _in(m, ["evaluators"])}
    assert {m: d for m, d in core_to_evaluators.items() if d} == {}
    to_joiners = {m: sorted(d for d in deps if _in(d, JOINERS)) for m, deps in g.items() if not _in(m, JOINERS)}
    assert {m: d for m, d in to_joiners.items() if d} == {}


def test_the_graph_sees_imports_inside_functions_and_finds_a_hidden_cycle(tmp_path):
    assert "evaluators.bench" in graph()["roleplay.bench"]  # imported inside bench_grading only
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("from . import b\n")
    (tmp_path / "pkg" / "b.py").write_text("def late():\n    from .a import thing\n")
    (tmp_path / "pkg" / "c.py").write_text("import pkg.a\n")
    g = graph(tmp_path, ("pkg",), ())
    assert g["pkg.c"] == {"pkg.a"} and cycles(g) == [["pkg.a", "pkg.b"]]
