"""Which language a text is in: py3langid's model (shipped inside the package, no download), loaded once.

The guard asks whether a customer line left the persona's language; the grader asks which of
our languages a transcript that does not say is in.
"""

from __future__ import annotations

from functools import lru_cache

from .languages import found

# Besides the packs' own: the neighbours a small model drifts into (Norwegian and Danish for Swedish,
# Estonian for Finnish) and other common ones, so that leaving a language is seen.
NEIGHBOURS = ("da", "no", "nl", "de", "fr", "es", "et", "it", "pt")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # about a second to load: on first use

    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(sorted({*found.codes(), *NEIGHBOURS}))
    return ident


def identify(text: str) -> tuple[str, float]:
    """(language, probability) among the packs' languages and their NEIGHBOURS."""
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


def transcript_language(text: str) -> str:
    """The most likely of the languages we grade in (en when the text gives nothing to go on)."""
    if not text.strip():
        return "en"
    return next(lang for lang, _ in _identifier().rank(text) if lang in found.codes())
