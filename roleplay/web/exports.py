"""Exports of a stored session: the interchange JSON, the scores as CSV, a printable HTML report."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from .. import annotations
from ..store import SessionRow, to_transcript
from ..skills import ORDER as SKILLS
from . import lessons, theme
from .charts import frustration_curve, timeline
from .chips import language_name
from .i18n import words
from .markup import page
from .scorecard import scorecard
from .transcript import transcript

CSV_COLUMNS = ["session", "trainee", "persona", "date", "channel", "language", "end_reason", "overall", "passed",
               *SKILLS, "blockers", "grader"]


def session_json(row: SessionRow, notes: dict | None = None) -> str:
    """The interchange transcript (shared/contracts/transcript.schema.json) plus, as allowed extras,
    the session's id, trainee, date, scorecard, the fork's parent, and (notes) the human grades,
    comments and hints (roleplay.annotations)."""
    extra = {"session": row.id, "trainee": row.trainee,
             "created_at": row.created_at.isoformat() if row.created_at else None, **(notes or {})}
    if row.parent_id:
        extra.update(parent=row.parent_id, fork_at=row.fork_at)
    if row.scorecard:
        extra["scorecard"] = row.scorecard
    return json.dumps(to_transcript(row).to_json(**extra), ensure_ascii=False, indent=1)


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def score_row(row: SessionRow) -> list[str]:
    card = row.scorecard or {}
    skills = card.get("skills", {})
    values = {
        "session": row.id, "trainee": row.trainee, "persona": row.persona_id or "",
        "date": row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else "",
        "channel": row.channel, "language": row.language, "end_reason": row.end_reason or "",
        "overall": f"{row.overall:.1f}" if row.overall is not None else "",
        "passed": "" if not card else ("yes" if card.get("passed") else "no"),
        "blockers": "; ".join(card.get("blockers", [])), "grader": card.get("grader", ""),
    }
    for s in SKILLS:
        values[s] = f"{float(skills[s]['score']):.1f}" if s in skills else ""
    return [_cell(values[c]) for c in CSV_COLUMNS]


def scores_csv(rows: Iterable[SessionRow]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for row in rows:
        w.writerow(score_row(row))
    return buf.getvalue()


def report_html(row: SessionRow, persona_name: str, leave_at: int | None = None,
                satisfied_at: int | None = None, notes: dict | None = None, lang: str = "en") -> str:
    """A self-contained page (no scripts, no outside links) that prints cleanly; `notes` (roleplay.annotations):
    the human grades beside the scorecard, comments and hints on the transcript.  Its own words are in the
    interface's language `lang` (of whoever downloads it), the grader's and the session's as they were."""
    turns = row.turns
    card = row.scorecard
    pts = [(t.idx, t.frustration) for t in turns if t.speaker == "customer" and t.frustration is not None]
    charts = frustration_curve(pts, leave_at, satisfied_at, lang)
    if row.channel == "voice":
        charts += timeline(turns, persona_name, lang)
    when = row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else ""
    css = theme.CSS + """
      body { font-family: 'IBM Plex Sans', 'Liberation Sans', Arial, sans-serif; background:#fff; color:#1c2a3a;
             margin: 0; }
      .page { max-width: 900px; margin: 24px auto; padding: 0 24px; }
      .report-head { border-bottom: 2px solid #1f6f8b; padding-bottom: 10px; margin-bottom: 16px; }
      .report-head h1 { margin: 0; font-size: 22px; }
      .report-head p { margin: 4px 0 0; color: #5b6b7d; font-size: 13px; }
      h2.section { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: #5b6b7d;
                   margin: 22px 0 8px; }
      .grid { display: grid; grid-template-columns: 1fr; gap: 12px; }
      @media print { .page { margin: 0; max-width: none; } .rp-turn, .rp-skill { break-inside: avoid; }
                     a { color: inherit; text-decoration: none; } }
    """
    w = words(lang)
    return page("report.html", row=row, persona_name=persona_name, when=when, css=Markup(css), w=w, lang=lang,
                language=language_name(row.language),
                scorecard=Markup(scorecard(card, prefix="turn", title=w("review.scorecard"), end_reason=row.end_reason,
                                           lang=lang)
                                 + lessons.human_grades(notes["human_grades"] if notes else [], lang)),
                charts=Markup(charts),
                transcript=Markup(transcript(turns, persona_name, card, prefix="turn",
                                             comments=annotations.by_turn(notes, len(turns)) if notes else None,
                                             lang=lang)))


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:60] or "session"


def write_exports(row: SessionRow, persona_name: str, folder: Path, leave_at=None,
                  satisfied_at=None, notes: dict | None = None, lang: str = "en") -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = safe_name(f"{row.persona_id or 'session'}-{row.trainee}-{row.id[:8]}")
    files = {"json": folder / f"{stem}.json", "csv": folder / f"{stem}-scores.csv",
             "html": folder / f"{stem}-report.html"}
    files["json"].write_text(session_json(row, notes), encoding="utf-8")
    files["csv"].write_text(scores_csv([row]), encoding="utf-8")
    files["html"].write_text(report_html(row, persona_name, leave_at, satisfied_at, notes, lang), encoding="utf-8")
    return files
