"""The persona library: a folder of YAML files, loaded with clear, located errors."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .languages.startup import check_all
from .persona import Persona

MAX_BYTES = 256 * 1024  # a persona is a page or two; anything bigger is a mistake


@dataclass(frozen=True)
class Problem:
    field: str  # dotted path, "" for the file as a whole
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        what = f"{self.field}: " if self.field else ""
        return f"{where}{what}{self.message}"


class PersonaError(ValueError):
    """A persona file or text that is not a valid persona; carries every problem found."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {p}" for p in problems))


def default_dir() -> Path:
    env = os.environ.get("ROLEPLAY_PERSONAS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "personas"


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that refuses duplicate keys: PyYAML would silently keep the last one."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain name", key_node.start_mark) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        seen[key] = True
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    """The 1-based line of the YAML node at a pydantic error location (nearest existing parent).

    For a mapping entry the key's line is used: a block value starts on the line after its key.
    """
    node, line = root, root.start_mark.line + 1 if root is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return line
            key, node = pair
            line = key.start_mark.line + 1
            continue
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def parse(text: str, source: str = "<text>") -> Persona:
    """Validate persona YAML text; raise PersonaError listing every problem with field and line."""
    if not text.strip():
        raise PersonaError(source, [Problem("", "the file is empty; a persona needs at least id, name, language, …")])
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise PersonaError(source, [Problem("", f"the persona is {size} bytes; it may be at most {MAX_BYTES}")])
    try:
        root = yaml.compose(text, Loader=_UniqueKeyLoader)
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except RecursionError:
        raise PersonaError(source, [Problem("", "not valid YAML: nested too deeply")]) from None
    except yaml.YAMLError as e:
        # Point at where the broken construct starts (an unclosed bracket), and say where it was noticed.
        start, found = getattr(e, "context_mark", None), getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        if not (getattr(e, "context", None) or "").startswith("while"):
            start = None
        if start and found and start.line != found.line:
            problem = f"{getattr(e, 'context', '')} here: {problem} on line {found.line + 1}".strip()
        mark = start or found
        raise PersonaError(source, [Problem("", f"not valid YAML: {problem}", mark.line + 1 if mark else None)]) from None
    if not isinstance(data, dict):
        raise PersonaError(source, [Problem("", "expected a mapping of fields (id: …, name: …) at the top", 1)])
    try:
        return Persona.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
            field = ".".join(str(p) for p in loc)
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown field (check the spelling; `roleplay personas schema` lists the fields)"
            problems.append(Problem(field, msg, _line_of(root, loc)))
        raise PersonaError(source, problems) from None


def load_file(path: str | Path) -> Persona:
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PersonaError(source, [Problem("", f"the file is {size} bytes; a persona may be at most {MAX_BYTES}")])
        raw = path.read_bytes()
    except OSError as e:
        raise PersonaError(source, [Problem("", f"cannot read the file: {e.strerror or e}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PersonaError(source, [Problem("", f"not UTF-8 text (bad byte at offset {e.start}); save it as UTF-8")]) from None
    return parse(text, source)


@dataclass(frozen=True)
class _Contents:
    """One reading of the folder.  Never changed once built: a reload swaps in a new one whole,
    so a request reading it meanwhile sees the old personas or the new, never an empty map."""

    personas: dict[str, Persona] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    errors: list[PersonaError] = field(default_factory=list)


def _read(folder: Path) -> _Contents:
    out = _Contents()
    for path in sorted(folder.glob("*.y*ml")):
        try:
            persona = load_file(path)
        except PersonaError as e:
            out.errors.append(e)
            continue
        if persona.id in out.personas:
            line = _line_of(yaml.compose(path.read_text(encoding="utf-8-sig")), ("id",))
            out.errors.append(PersonaError(str(path), [Problem(
                "id", f"duplicate id '{persona.id}' (already used by {out.files[persona.id].name})", line)]))
            continue
        out.personas[persona.id] = persona
        out.files[persona.id] = path
    return out


class Library:
    """The personas in one folder, by id. Invalid files are reported, never fatal.

    Other app processes may share the folder (docs/deploy.md): when its files change (checked at
    most every `check_s` seconds, by modification times) it is read again.
    """

    def __init__(self, folder: str | Path | None = None, check_s: float = 1.0):
        self.folder = Path(folder) if folder else default_dir()
        self.check_s = check_s
        self._checked = 0.0
        self._stamp: tuple | None = None
        self._reloading = threading.Lock()
        check_all()  # the languages its personas may have: a broken pack fails here, naming itself
        self.reload()

    def _stamp_now(self) -> tuple:
        try:
            stats = [(p.name, p.stat()) for p in sorted(self.folder.glob("*.y*ml"))]
        except OSError:  # a file replaced while listed: changed, read again at the next check
            return ()
        return tuple((name, st.st_mtime_ns, st.st_size) for name, st in stats)

    def reload(self) -> None:
        with self._reloading:
            stamp = self._stamp_now()
            self._contents = _read(self.folder)
            self._stamp, self._checked = stamp, time.monotonic()

    def _current(self) -> _Contents:
        if time.monotonic() - self._checked >= self.check_s and not self._reloading.locked():
            self._checked = time.monotonic()
            if self._stamp_now() != self._stamp:
                self.reload()
        return self._contents

    @property
    def personas(self) -> dict[str, Persona]:
        return self._current().personas

    @property
    def files(self) -> dict[str, Path]:
        return self._current().files

    @property
    def errors(self) -> list[PersonaError]:
        return self._current().errors

    def get(self, persona_id: str) -> Persona:
        try:
            return self.personas[persona_id]
        except KeyError:
            known = ", ".join(sorted(self.personas)) or "none"
            raise KeyError(f"no persona '{persona_id}' in {self.folder} (known: {known})") from None

    def __iter__(self):
        return iter(sorted(self.personas.values(), key=lambda p: p.id))

    def save(self, text: str) -> Path:
        """Validate and save persona YAML as <id>.yaml inside the library, never anywhere else."""
        persona = parse(text, "<editor>")
        folder = self.folder.resolve()
        target = folder / f"{persona.id}.yaml"
        # The id pattern already forbids separators; resolve() also defeats symlinks pointing outside.
        if target.is_symlink() or target.resolve().parent != folder:
            raise PersonaError("<editor>", [Problem("id", "this id would save outside the persona library", 1)])
        owner = self.files.get(persona.id)
        if owner is not None and owner.resolve() != target:
            raise PersonaError("<editor>", [Problem("id", f"id '{persona.id}' is already used by {owner.name}", 1)])
        # A fresh temp file (O_EXCL) cannot follow a symlink planted under a predictable name.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{persona.id}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
        self.reload()
        return target
