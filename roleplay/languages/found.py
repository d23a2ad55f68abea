"""Where language packs are: this folder and the folders in ROLEPLAY_LANGUAGES, by file name.

A pack is `<code>.py` (the words people read: PACK) and `<code>_lexicon.py` (how the language is
read: patterns, stop words, stemmer…), side by side in one folder.  Adding a language is adding
those two files to a folder, so nothing here names a language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import MappingProxyType, ModuleType

SETTING = "ROLEPLAY_LANGUAGES"  # extra pack folders, separated by os.pathsep
BUILT_IN = Path(__file__).parent
_CODE = re.compile(r"^[a-z]{2,3}$")  # ISO 639: "en", "sv", "nb"; helper modules have longer names


@lru_cache(maxsize=1)
def setting() -> str:
    """ROLEPLAY_LANGUAGES as read at first use: the packs are asked for hundreds of times a graded
    transcript, and reading the environment each time cost a twentieth of grading."""
    return os.environ.get(SETTING, "")


def refresh() -> None:
    """Read ROLEPLAY_LANGUAGES again, for a change made after start (a test's pack folder)."""
    setting.cache_clear()


def folders() -> list[Path]:
    extra = [Path(p) for p in setting().split(os.pathsep) if p.strip()]
    return [BUILT_IN, *extra]


def packs() -> Mapping[str, Path]:
    """Language code -> the folder its pack is in, for every pack found (cheap: cached per setting)."""
    return _packs(setting())


def codes() -> tuple[str, ...]:
    return tuple(packs())


@lru_cache(maxsize=None)
def _packs(setting: str) -> Mapping[str, Path]:
    found: dict[str, Path] = {}
    for folder in folders():
        if not folder.is_dir():
            raise ValueError(f"{SETTING}: {folder} is not a folder")
        for path in sorted(folder.glob("*.py")):
            code = path.stem
            if not _CODE.match(code):
                continue
            if code in found:
                raise ValueError(f"language pack '{code}' is in two folders: {found[code]} and {folder}")
            if not (folder / f"{code}_lexicon.py").is_file():
                raise ValueError(f"language pack '{code}' ({path}) has no {code}_lexicon.py beside it")
            found[code] = folder
    return MappingProxyType(found)


@lru_cache(maxsize=None)
def _load(path: Path) -> ModuleType:
    spec = spec_from_file_location(f"roleplay_language_{path.parent.name}_{path.stem}", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def module(code: str, part: str = "") -> ModuleType:
    """A pack's file, loaded by path: `<code>.py`, or `<code>_<part>.py`."""
    folder = packs().get(code)
    if folder is None:
        raise KeyError(f"no language pack '{code}' (found: {', '.join(codes())}; more folders go in {SETTING})")
    return _load(folder / (f"{code}_{part}.py" if part else f"{code}.py"))
