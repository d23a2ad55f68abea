"""The look: a calm, professional theme (local fonts only: the app runs offline) and the app's CSS."""

from __future__ import annotations

import gradio as gr
from gradio.themes.utils import colors, fonts

from ..skills import SKILLS

# The palette, shared by the CSS below and the SVG charts in charts.py.
INK = "#1c2a3a"
MUTED = "#5b6b7d"
LINE = "#dfe5ec"
PRIMARY = "#1f6f8b"
PRIMARY_DARK = "#175569"
SURFACE = "#ffffff"
BACKGROUND = "#f3f6f9"
GOOD = "#2e8b57"
WARN = "#d08a1c"
BAD = "#c0392b"
SKILL_COLOURS = {s.name: s.colour for s in SKILLS}

# The flag pictures of the languages that have one (a language chip's rp-flag-<code>).  A language without
# one (a new pack) gets its code in a small box instead (chips.language_chip), never an empty flag.
FLAGS = {
    "sv": "background: linear-gradient(90deg, transparent 31%, #fecc02 31%, #fecc02 44%, transparent 44%),\n"
          "  linear-gradient(180deg, #006aa7 40%, #fecc02 40%, #fecc02 60%, #006aa7 60%);",
    "fi": "background: linear-gradient(90deg, transparent 28%, #17357e 28%, #17357e 44%, transparent 44%),\n"
          "  linear-gradient(180deg, #fff 36%, #17357e 36%, #17357e 64%, #fff 64%);",
    "en": "background: linear-gradient(180deg, #b22234 0 14%, #fff 14% 28%, #b22234 28% 42%, #fff 42% 57%,\n"
          "  #b22234 57% 71%, #fff 71% 85%, #b22234 85%); position:relative;",
}
FLAG_CSS = "\n".join(f".rp-flag-{code} {{ {rule} }}" for code, rule in FLAGS.items()) + (
    '\n.rp-flag-en::before { content:""; position:absolute; left:0; top:0; width:45%; height:57%; background:#3c3b6e;\n'
    "  border-top-left-radius:2px; }")


class _Theme(gr.themes.Soft):
    """Soft, plus the sign-in page's styles: that page loads only the theme's css (it is served before sign-in)."""

    def _get_theme_css(self) -> str:
        return super()._get_theme_css() + "\n" + LOGIN_CSS


def theme() -> gr.themes.Base:
    t = _Theme(
        primary_hue=colors.cyan,
        secondary_hue=colors.slate,
        neutral_hue=colors.slate,
        radius_size="md",
        font=(fonts.LocalFont("IBM Plex Sans", weights=(400, 700)), "ui-sans-serif", "system-ui", "sans-serif"),
        font_mono=(fonts.LocalFont("IBM Plex Mono"), "ui-monospace", "monospace"),
    )
    return t.set(
        body_background_fill=BACKGROUND,
        body_text_color=INK,
        block_background_fill=SURFACE,
        block_border_width="1px",
        block_border_color=LINE,
        block_shadow="0 1px 2px rgba(16,32,48,.04)",
        block_radius="12px",
        block_label_text_color=MUTED,
        block_label_background_fill="#f3f6f9",
        block_title_text_color=INK,
        block_title_text_weight="600",
        block_title_background_fill="transparent",
        block_title_padding="0",
        checkbox_label_text_color_selected=INK,
        button_primary_background_fill=PRIMARY,
        button_primary_background_fill_hover=PRIMARY_DARK,
        button_primary_text_color="#ffffff",
        button_primary_border_color=PRIMARY,
        button_secondary_background_fill="#ffffff",
        button_secondary_background_fill_hover="#eef3f7",
        button_secondary_border_color=LINE,
        button_secondary_text_color=INK,
        button_large_radius="10px",
        button_small_radius="8px",
        input_background_fill="#ffffff",
        input_border_color=LINE,
        input_border_color_focus=PRIMARY,
        checkbox_label_background_fill_selected="#e3f1f5",
        color_accent=PRIMARY,
        color_accent_soft="#e3f1f5",
        link_text_color=PRIMARY,
        link_text_color_hover=PRIMARY_DARK,
    )


CSS = f"""
.gradio-container {{ max-width: 1280px !important; width: 100% !important; margin: 0 auto !important; }}
footer {{ display: none !important; }}
.html-container {{ padding: 0 !important; }}  /* every gr.HTML here draws its own card */

/* header ----------------------------------------------------------------------------------- */
.rp-header {{ display:flex; align-items:center; justify-content:space-between; padding:14px 4px 6px; }}
.rp-brand {{ display:flex; align-items:center; gap:12px; }}
.rp-logo {{ width:38px; height:38px; border-radius:10px; background:linear-gradient(135deg,{PRIMARY},#39a0a8);
  display:flex; align-items:center; justify-content:center; color:#fff; }}
.rp-brand h1 {{ font-size:20px; margin:0; font-weight:600; color:{INK}; letter-spacing:-.01em; }}
.rp-brand p {{ margin:0; font-size:13px; color:{MUTED}; }}
.rp-user {{ display:flex; align-items:center; gap:10px; font-size:13px; color:{MUTED}; }}
.rp-avatar {{ width:30px; height:30px; border-radius:50%; background:#dcebf1; color:{PRIMARY_DARK};
  display:flex; align-items:center; justify-content:center; font-weight:600; }}
.rp-user a {{ color:{PRIMARY}; text-decoration:none; border:1px solid {LINE}; padding:4px 10px; border-radius:8px;
  background:#fff; }}

/* top-level tabs ---------------------------------------------------------------------------- */
#rp-tabs > .tab-wrapper button, #rp-tabs > div > .tab-container button {{ font-size:15px; font-weight:500; }}

/* section titles ----------------------------------------------------------------------------- */
.rp-title {{ font-size:17px; font-weight:600; color:{INK}; margin:4px 0 2px; }}
.rp-sub {{ font-size:13px; color:{MUTED}; margin:0 0 8px; }}
.rp-empty {{ color:{MUTED}; font-size:14px; padding:28px 16px; text-align:center; border:1px dashed {LINE};
  border-radius:12px; background:#fafcfd; }}

/* persona cards ------------------------------------------------------------------------------ */
.rp-cards {{ display:grid; grid-template-columns:repeat(auto-fill,minmax(235px,1fr)); gap:12px; }}
.rp-card {{ background:#fff; border:1px solid {LINE}; border-radius:12px; padding:14px 14px 12px; cursor:pointer;
  transition:box-shadow .15s, border-color .15s, transform .15s; display:flex; flex-direction:column; gap:8px;
  min-height:150px; }}
.rp-card:hover {{ border-color:#9cc7d4; box-shadow:0 4px 14px rgba(31,111,139,.12); transform:translateY(-1px); }}
.rp-card.selected {{ border-color:{PRIMARY}; box-shadow:0 0 0 2px {PRIMARY} inset, 0 4px 14px rgba(31,111,139,.14); }}
.rp-card-top {{ display:flex; align-items:center; justify-content:space-between; gap:6px; }}
.rp-card h3 {{ margin:0; font-size:15.5px; font-weight:600; color:{INK}; }}
.rp-card .rp-situation {{ margin:0; font-size:13px; line-height:1.45; color:#3b4a5a; flex:1; }}
.rp-card-foot {{ display:flex; gap:6px; flex-wrap:wrap; align-items:center; }}
.rp-badge {{ display:inline-flex; align-items:center; gap:4px; font-size:11.5px; font-weight:600; padding:2px 8px;
  border-radius:999px; letter-spacing:.02em; white-space:nowrap; }}
.rp-easy {{ background:#e3f4ea; color:#22734a; }}
.rp-medium {{ background:#fcf0dc; color:#94600e; }}
.rp-hard {{ background:#fbe4e1; color:#a2311f; }}
.rp-chip {{ display:inline-flex; align-items:center; gap:5px; font-size:11.5px; color:#3b4a5a; background:#eef2f6;
  padding:2px 8px; border-radius:6px; white-space:nowrap; }}
.rp-chip svg {{ width:13px; height:13px; }}
.rp-flag {{ display:inline-block; width:16px; height:11px; border-radius:2px; box-shadow:0 0 0 1px rgba(0,0,0,.12); }}
{FLAG_CSS}
.rp-lang-code {{ display:inline-block; font-size:9.5px; font-weight:700; letter-spacing:.04em; color:#3b4a5a;
  border:1px solid #b8c3cf; border-radius:2px; padding:0 2px; line-height:11px; }}

/* brief panel -------------------------------------------------------------------------------- */
.rp-brief {{ background:#fff; border:1px solid {LINE}; border-radius:12px; padding:16px 18px; }}
.rp-brief h2 {{ margin:0 0 2px; font-size:19px; font-weight:600; color:{INK}; }}
.rp-brief .rp-meta {{ display:flex; gap:6px; flex-wrap:wrap; margin:6px 0 12px; }}
.rp-brief h4 {{ margin:14px 0 6px; font-size:12px; text-transform:uppercase; letter-spacing:.07em; color:{MUTED}; }}
.rp-brief p {{ margin:0 0 8px; line-height:1.55; font-size:14px; color:#2b3a4a; }}
.rp-policy {{ background:#f6f9fb; border-left:3px solid {PRIMARY}; border-radius:8px; padding:10px 14px;
  font-size:13.5px; line-height:1.55; color:#2b3a4a; }}
.rp-policy ul {{ margin:0; padding-left:18px; }}
.rp-policy li {{ margin:2px 0; }}

/* conversation side panel -------------------------------------------------------------------- */
.rp-side {{ background:#fff; border:1px solid {LINE}; border-radius:12px; padding:14px 16px; }}
.rp-side h3 {{ margin:0; font-size:16px; font-weight:600; }}
.rp-side .rp-situation {{ font-size:13px; color:#3b4a5a; margin:4px 0 0; line-height:1.45; }}
.rp-meter {{ margin-top:4px; }}
.rp-meter-head {{ display:flex; justify-content:space-between; align-items:center; font-size:13px; color:{MUTED};
  margin-bottom:8px; gap:8px; white-space:nowrap; }}
.rp-meter-head b {{ font-size:15px; color:{INK}; }}
.rp-meter-track {{ position:relative; height:12px; border-radius:999px; background:#e9eef3; overflow:visible; }}
.rp-meter-fill {{ height:100%; border-radius:999px; transition:width .6s ease, background .6s ease; }}
.rp-meter-tick {{ position:absolute; top:-3px; width:2px; height:18px; background:#9aa7b4; border-radius:1px; }}
.rp-meter-scale {{ display:flex; justify-content:space-between; font-size:11px; color:#8a97a5; margin-top:5px; }}
.rp-mood {{ display:inline-block; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:600; }}
.rp-hidden-meter {{ font-size:13px; color:{MUTED}; display:flex; gap:8px; align-items:center; }}
.rp-status {{ font-size:13px; padding:8px 12px; border-radius:8px; }}
.rp-status.err {{ background:#fdecea; color:#8e2b20; border:1px solid #f3c6c0; }}
.rp-status.ok {{ background:#e8f5ee; color:#1f6b43; border:1px solid #bfe3cf; }}
.rp-status.info {{ background:#eef5f8; color:#22586b; border:1px solid #cfe3ea; }}
.rp-ended {{ background:#f6f9fb; border:1px solid {LINE}; border-radius:10px; padding:10px 14px; font-size:14px; }}

/* chat --------------------------------------------------------------------------------------- */
#rp-chat {{ border-radius:12px; }}
#rp-chat .message-row .message {{ font-size:14.5px; line-height:1.5; }}
.rp-speaking {{ display:flex; align-items:center; gap:8px; font-size:13px; color:{MUTED}; min-height:22px; }}
.rp-speaking .rp-bars {{ display:none; gap:2px; align-items:flex-end; height:14px; }}
.rp-speaking.on .rp-bars {{ display:inline-flex; }}
.rp-speaking .rp-bars i {{ width:3px; background:{PRIMARY}; border-radius:2px; animation: rp-eq 0.9s infinite ease-in-out; }}
.rp-speaking .rp-bars i:nth-child(2) {{ animation-delay:.15s }} .rp-speaking .rp-bars i:nth-child(3) {{ animation-delay:.3s }}
@keyframes rp-eq {{ 0%,100% {{ height:4px }} 50% {{ height:14px }} }}

/* scorecard ------------------------------------------------------------------------------------ */
.rp-score {{ background:#fff; border:1px solid {LINE}; border-radius:14px; padding:18px 20px; }}
.rp-score-head {{ display:flex; gap:22px; align-items:center; flex-wrap:wrap; }}
.rp-ring {{ position:relative; width:104px; height:104px; }}
.rp-ring span {{ position:absolute; inset:0; display:flex; flex-direction:column; align-items:center;
  justify-content:center; font-size:28px; font-weight:700; color:{INK}; }}
.rp-ring span small {{ font-size:11px; font-weight:500; color:{MUTED}; letter-spacing:.05em; text-transform:uppercase; }}
.rp-verdict h2 {{ margin:0 0 4px; font-size:20px; }}
.rp-verdict p {{ margin:0; color:{MUTED}; font-size:13.5px; }}
.rp-pass {{ background:#e3f4ea; color:#22734a; }}
.rp-fail {{ background:#fbe4e1; color:#a2311f; }}
.rp-bars-chart {{ margin:16px 0 6px; display:grid; grid-template-columns:110px 1fr 44px; gap:9px 12px;
  align-items:center; }}
.rp-bars-chart .lbl {{ font-size:13.5px; color:#2b3a4a; text-transform:capitalize; }}
.rp-bars-chart .trk {{ height:14px; background:#edf1f5; border-radius:999px; overflow:hidden; position:relative; }}
.rp-bars-chart .trk .pass-line {{ position:absolute; top:0; bottom:0; width:2px; background:rgba(28,42,58,.35); }}
.rp-bars-chart .bar {{ height:100%; border-radius:999px; }}
.rp-bars-chart .val {{ font-size:13.5px; font-weight:600; text-align:right; font-variant-numeric:tabular-nums; }}
.rp-blockers {{ background:#fdecea; border:1px solid #f3c6c0; border-radius:10px; padding:10px 14px; margin:12px 0;
  color:#7c2419; font-size:13.5px; }}
.rp-blockers b {{ display:block; margin-bottom:4px; }}
.rp-blockers ul {{ margin:0; padding-left:18px; }}
.rp-skill {{ border-top:1px solid {LINE}; padding:12px 0 4px; }}
.rp-skill h4 {{ margin:0 0 6px; font-size:14.5px; display:flex; justify-content:space-between; text-transform:capitalize; }}
.rp-ev {{ list-style:none; padding:0; margin:0 0 6px; }}
.rp-ev li {{ display:grid; grid-template-columns:20px 62px 1fr; gap:8px; font-size:13.5px; padding:4px 0;
  align-items:baseline; }}
.rp-ev .sign {{ width:18px; height:18px; border-radius:50%; display:inline-flex; align-items:center;
  justify-content:center; font-weight:700; font-size:13px; color:#fff; }}
.rp-ev .plus {{ background:{GOOD}; }} .rp-ev .minus {{ background:{BAD}; }}
.rp-ev a.turn {{ color:{PRIMARY}; font-weight:600; text-decoration:none; font-size:12.5px; white-space:nowrap; }}
.rp-ev a.turn:hover {{ text-decoration:underline; }}
.rp-ev q {{ color:#2b3a4a; font-style:italic; }}
.rp-ev .note {{ color:{MUTED}; display:block; font-size:12.5px; }}
.rp-tips {{ margin:2px 0 8px; padding-left:0; list-style:none; }}
.rp-tips li {{ font-size:13.5px; background:#f1f7fa; border-radius:8px; padding:6px 10px; margin:4px 0; color:#22586b; }}
.rp-tips li::before {{ content:attr(data-tip) "  "; font-weight:700; font-size:11.5px; letter-spacing:.05em; }}

/* transcript (review and scorecard) ----------------------------------------------------------- */
.rp-transcript {{ display:flex; flex-direction:column; gap:10px; }}
.rp-turn {{ display:grid; grid-template-columns:42px 1fr; gap:10px; scroll-margin-top:80px; }}
.rp-turn .idx {{ font-size:11.5px; color:#8a97a5; text-align:right; padding-top:10px; font-variant-numeric:tabular-nums; }}
.rp-bubble {{ border-radius:12px; padding:10px 14px; border:1px solid {LINE}; background:#fff; }}
.rp-turn.customer .rp-bubble {{ background:#f6f8fa; }}
.rp-turn.trainee .rp-bubble {{ background:#eef6f9; border-color:#cfe3ea; }}
.rp-turn:target .rp-bubble {{ box-shadow:0 0 0 2px {PRIMARY}; }}
.rp-who {{ display:flex; justify-content:space-between; align-items:center; font-size:12px; color:{MUTED};
  margin-bottom:4px; gap:8px; }}
.rp-who b {{ color:{INK}; font-size:12.5px; }}
.rp-text {{ font-size:14px; line-height:1.55; white-space:pre-wrap; word-wrap:break-word; color:#1f2d3b; }}
mark.ev-plus {{ background:#d7f0e1; color:inherit; border-bottom:2px solid {GOOD}; padding:0 1px; border-radius:2px; }}
mark.ev-minus {{ background:#fadcd7; color:inherit; border-bottom:2px solid {BAD}; padding:0 1px; border-radius:2px; }}
.rp-notes {{ margin:6px 0 0; padding:0; list-style:none; }}
.rp-notes li {{ font-size:12.5px; color:#3b4a5a; padding:1px 0; margin:0 !important; line-height:1.45; }}
.rp-notes li .tag {{ font-weight:600; text-transform:capitalize; }}
.rp-notes li.plus .tag {{ color:{GOOD}; }} .rp-notes li.minus .tag {{ color:{BAD}; }}
.rp-why summary {{ font-size:12.5px; color:{PRIMARY}; cursor:pointer; }}
.rp-why ul, .rp-lesson ul {{ margin:4px 0 0 18px; font-size:12.5px; }}
.rp-comment {{ margin-top:6px; padding:6px 8px; border-left:3px solid {PRIMARY}; background:#fff; font-size:12.5px; }}
.rp-comment.reply {{ margin-left:18px; border-color:#8a97a5; }}
.rp-compare {{ display:grid; grid-template-columns:1fr 1fr; gap:12px; }}
.rp-compare > div, .rp-lesson {{ border:1px solid #dde3ea; border-radius:8px; padding:8px 10px; }}
.rp-turn audio {{ height:30px; width:100%; max-width:340px; margin-top:6px; }}
.rp-fr {{ font-size:11.5px; padding:1px 7px; border-radius:999px; font-weight:600; }}

/* charts -------------------------------------------------------------------------------------- */
.rp-chart {{ background:#fff; border:1px solid {LINE}; border-radius:12px; padding:12px 14px; }}
.rp-chart h4 {{ margin:0 0 6px; font-size:13px; text-transform:uppercase; letter-spacing:.06em; color:{MUTED}; }}
.rp-chart svg {{ width:100%; height:auto; display:block; }}
.rp-legend {{ display:flex; gap:12px; flex-wrap:wrap; font-size:12px; color:#3b4a5a; margin-top:6px; }}
.rp-legend i {{ display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:5px; vertical-align:-1px; }}

/* review header ---------------------------------------------------------------------------------- */
.rp-replay-head {{ display:flex; justify-content:space-between; align-items:center; gap:12px; flex-wrap:wrap;
  background:#fff; border:1px solid {LINE}; border-radius:12px; padding:12px 16px; }}
.rp-replay-head h2 {{ margin:0; font-size:18px; }}
.rp-replay-head .meta {{ font-size:13px; color:{MUTED}; display:flex; gap:14px; flex-wrap:wrap; margin-top:3px; }}
.rp-bigscore {{ font-size:26px; font-weight:700; }}

/* persona editor ---------------------------------------------------------------------------------- */
.rp-problems {{ border-radius:10px; font-size:13.5px; }}
.rp-problems.ok {{ background:#e8f5ee; color:#1f6b43; border:1px solid #bfe3cf; padding:10px 14px; }}
.rp-problems.bad {{ background:#fff; border:1px solid #f3c6c0; overflow:hidden; }}
.rp-problems.bad .hd {{ background:#fdecea; color:#8e2b20; padding:8px 14px; font-weight:600; }}
.rp-problems table {{ width:100%; border-collapse:collapse; border:none !important; margin:0 !important; }}
.rp-problems td {{ padding:6px 14px !important; border:none !important; border-top:1px solid #f6dcd8 !important;
  vertical-align:top; background:#fff !important; }}
.rp-problems td.ln {{ width:70px; color:#8e2b20; font-variant-numeric:tabular-nums; white-space:nowrap; }}
.rp-problems td.fd {{ width:30%; font-family:'IBM Plex Mono', ui-monospace, monospace; font-size:12.5px; color:#3b4a5a; }}
.rp-convo {{ display:flex; flex-direction:column; gap:6px; font-size:13.5px; }}
.rp-convo div {{ padding:6px 10px; border-radius:8px; }}
.rp-convo .c {{ background:#f6f8fa; }} .rp-convo .t {{ background:#eef6f9; margin-left:24px; }}
.rp-convo b {{ font-size:12px; color:{MUTED}; font-weight:600; margin-right:6px; }}

/* chat header and input */
.rp-chat-head {{ display:flex; align-items:center; justify-content:space-between; padding:2px 4px 8px; }}
.rp-chat-head b {{ font-size:15px; }}
.rp-chat-head span {{ font-size:12.5px; color:{MUTED}; }}
#rp-chat .icon-button-wrapper {{ display:none !important; }}
#rp-again, #rp-start-over {{ max-width:260px; }}
#rp-actions {{ justify-content:flex-end; gap:8px; }}
#rp-actions > * {{ flex:0 0 auto !important; min-width:0 !important; width:auto !important; }}
#rp-end {{ margin-top:4px; }}

/* tables */
#rp-sessions, #rp-sessions *, #rp-p-table, #rp-p-table * {{ font-family:'IBM Plex Sans', ui-sans-serif, sans-serif !important; }}
#rp-sessions [role=gridcell] {{ cursor:pointer; }}
#rp-sessions .virtual-row:hover {{ background:#eef6f9; }}

/* persona library (compact list in the Personas tab) */
.rp-lib .rp-cards {{ grid-template-columns:1fr; gap:8px; }}
.rp-lib .rp-card {{ min-height:0; padding:10px 12px; gap:5px; }}
.rp-lib .rp-card .rp-situation {{ display:none; }}
.rp-lib .rp-card h3 {{ font-size:14.5px; }}
#rp-lib-cards {{ max-height:600px !important; overflow-y:auto !important; padding:2px 6px 2px 2px !important; }}

@media print {{ .rp-header a {{ display:none; }} }}
"""

# The sign-in page (see _Theme).
LOGIN_CSS = """
/* Gradio's bundled IBM Plex Sans SemiBold is a partial subset: the theme only declares 400 and 700. */
/* sign-in page */
.wrap.min-h-screen { display:flex; align-items:flex-start; justify-content:center; padding-top:10vh;
  background:transparent !important; }
.app:has(.wrap.min-h-screen), .main:has(.wrap.min-h-screen) { background:transparent !important; }
body:has(.wrap.min-h-screen) { background:radial-gradient(circle at 20% 0%, #dcedf3 0, #f3f6f9 60%) !important; }
.wrap.min-h-screen > .column.panel { max-width:430px; width:100%; background:#fff !important; border:1px solid #dfe5ec;
  border-radius:16px; padding:30px 30px 26px !important; box-shadow:0 14px 44px rgba(16,32,48,.10); gap:10px; }
.wrap.min-h-screen > .column.panel::before { content:"Roleplay Practice Room"; display:block; font-weight:600;
  font-size:14px; color:#1f6f8b; letter-spacing:.02em; padding-left:40px; line-height:30px;
  background:url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 30 30'><rect width='30' height='30' rx='8' fill='%231f6f8b'/><path d='M8 9h10a3 3 0 0 1 3 3v4a3 3 0 0 1-3 3h-5l-4 3v-3H8z' fill='none' stroke='white' stroke-width='2' stroke-linejoin='round'/></svg>") left center/30px 30px no-repeat; }
.wrap.min-h-screen h2 { font-size:24px; font-weight:600; margin:8px 0 0; }
.wrap.min-h-screen p.auth { font-size:13.5px; color:#5b6b7d; margin:0 0 6px; line-height:1.5; }

"""
