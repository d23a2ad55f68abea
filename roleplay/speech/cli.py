"""The `transcribe` and `speak` subcommands, added to the main roleplay CLI's subparsers."""

from __future__ import annotations

import argparse
import sys

from roleplay.weights import WeightsError


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add `transcribe` and `speak`; each sets func=handler(args) -> exit code."""
    p = subparsers.add_parser(
        "transcribe", help="turn a recording into text (faster-whisper, or the server at $ROLEPLAY_STT_BASE_URL)")
    p.add_argument("audio", metavar="AUDIO", help="audio file: wav, webm, ogg, mp3...")
    p.add_argument("--language", default="en", help="language spoken, ISO code (en, sv, fi); default en")
    p.add_argument("--json", action="store_true", help="print the full transcription as JSON")
    p.set_defaults(func=transcribe_command)

    p = subparsers.add_parser(
        "speak", help="say a text into a wav file (espeak-ng, or the server at $ROLEPLAY_TTS_BASE_URL)")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--out", required=True, metavar="FILE.wav", help="wav file to write")
    p.add_argument("--language", default="en", help="ISO code (en, sv, fi); default en")
    p.add_argument("--sex", choices=("female", "male"), help="voice sex; default the language's plain voice")
    p.set_defaults(func=speak_command)


def _fail(message: object) -> int:
    print(f"roleplay: {message}", file=sys.stderr)
    return 2


def transcribe_command(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for loading faster-whisper.
    from roleplay.speech.stt import transcribe

    try:
        result = transcribe(args.audio, args.language)
    except (ValueError, WeightsError) as exc:  # AudioError is a ValueError, as is an unknown language
        return _fail(exc)
    print(result.model_dump_json(indent=2) if args.json else result.text)
    return 0


def speak_command(args: argparse.Namespace) -> int:
    from roleplay.speech.tts import TTSError, synthesize

    try:
        path = synthesize(args.text, args.out, language=args.language, sex=args.sex)
    except (ValueError, TTSError) as exc:
        return _fail(exc)
    print(path)
    return 0
