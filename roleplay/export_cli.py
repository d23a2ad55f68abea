"""`roleplay export xapi`: the practice sessions of a date range (or named sessions) as xAPI statements,
written to a file and optionally sent to the configured Learning Record Store."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time, timezone
from pathlib import Path

from . import lrs, xapi


def _date(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        raise argparse.ArgumentTypeError(f"write the date as YYYY-MM-DD, not {text!r}") from None


def _fail(message: object) -> int:
    print(f"roleplay: {message}", file=sys.stderr)
    return 2


def export_xapi(args) -> int:
    from .accounts import Accounts
    from .library import Library
    from .store import Store

    store = Store(args.db)
    if args.session:
        rows = [store.get(s) for s in args.session]
        missing = [s for s, r in zip(args.session, rows) if r is None]
        if missing:
            return _fail(f"no session {', '.join(missing)}")
    else:
        rows = store.list_sessions(trainee=args.trainee, since=args.since, limit=1_000_000)
        if args.until:
            end = datetime.combine(args.until.date(), time.max, tzinfo=timezone.utc)
            rows = [r for r in rows if r.created_at <= end]
        rows.sort(key=lambda r: r.created_at)
    accounts = Accounts(store.url)
    try:
        where = lrs.settings(accounts)
    except ValueError as e:
        return _fail(f"the LRS settings are not valid: {e}")
    names = {p.id: p.name for p in Library(args.personas)}
    statements = xapi.for_sessions(store, rows, where.homepage or xapi.DEFAULT_HOMEPAGE, names)
    out = Path(args.out)
    out.write_text(xapi.dumps(statements), encoding="utf-8")
    print(f"{len(statements)} statements from {len(rows)} sessions written to {out}")
    if args.send:
        try:
            print(f"sent {lrs.send(statements, where)} statements to the LRS at {where.where}")
        except lrs.LrsError as e:
            return _fail(e)
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="export practice sessions for other systems")
    sub = p.add_subparsers(dest="export_format", required=True)
    x = sub.add_parser("xapi", help="xAPI 1.0.3 statements (attempted, completed, passed/failed) as JSON")
    x.add_argument("--since", type=_date, help="sessions started on or after this date (YYYY-MM-DD)")
    x.add_argument("--until", type=_date, help="sessions started on or before this date (YYYY-MM-DD)")
    x.add_argument("--session", action="append", help="only this session (repeatable)")
    x.add_argument("--trainee", help="only this trainee's sessions")
    x.add_argument("--out", required=True, help="the JSON file to write (an array of statements)")
    x.add_argument("--send", action="store_true", help="also send them to the Learning Record Store in the settings")
    x.set_defaults(func=export_xapi)
