"""Parse many reports in parallel: :func:`parse_many` for code, :func:`run_batch` for ``verslag batch``.

Parsing is a pure function of a file's bytes, so the work is spread over worker processes in
chunks and the results come back in input order.  A file that cannot be parsed gives its
:class:`~verslag.errors.VerslagError` as its result; it never stops the batch.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO, TypeVar

from verslag import errors
from verslag.errors import InternalError, VerslagError
from verslag.model import Verslag

__all__ = ["BatchFailure", "is_hidden", "parse_many", "run_batch", "select_files", "truncate_torn_tail"]

T = TypeVar("T")

#: Files per task sent to a worker: big enough to hide the cost of a round trip, small enough to balance.
DEFAULT_CHUNK = 8

#: Tasks kept in flight per worker, so that a huge list of paths is not submitted all at once.
INFLIGHT_PER_WORKER = 4

# What a worker sends back for one file: ("ok", pickled Verslag), ("json", model JSON) or ("error", fields).
_Packed = tuple[str, Any]


def _error_fields(e: VerslagError) -> dict[str, Any]:
    """Return the fields that rebuild ``e`` in another process (exceptions with keyword-only args do not pickle)."""
    return {
        "type": type(e).__name__,
        "message": e.message,
        "line": e.line,
        "column": e.column,
        "found": e.found,
        "expected": e.expected,
        "context": e.context,
    }


def _rebuild_error(d: dict[str, Any]) -> VerslagError:
    """Rebuild the VerslagError described by :func:`_error_fields`."""
    cls = getattr(errors, str(d.get("type")), None)
    if not (isinstance(cls, type) and issubclass(cls, VerslagError)):
        cls = VerslagError
    return cls(
        str(d.get("message", "")),
        line=int(d.get("line") or 0),
        column=int(d.get("column") or 0),
        found=d.get("found"),
        expected=d.get("expected"),
        context=d.get("context"),
    )


def _parse_one(path: str) -> Verslag | VerslagError:
    """Parse one file; every failure becomes a VerslagError (an unexpected one an InternalError)."""
    from verslag.api import parse

    try:
        return parse(Path(path))
    except VerslagError as e:
        return e
    except Exception as e:  # a bug outside the guarded entry points: report it, never stop the batch
        return InternalError(f"{path}: internal error {type(e).__name__}: {e}")


def _pack(result: Verslag | VerslagError) -> _Packed:
    """Make a result safe to send between processes."""
    if isinstance(result, VerslagError):
        return ("error", _error_fields(result))
    try:
        return ("ok", pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # a private attribute that does not pickle (e.g. a parsed XML tree): send the data
        return ("json", result.model_dump_json())


def _unpack(p: _Packed) -> Verslag | VerslagError:
    """Unpack what :func:`_pack` packed."""
    kind, data = p
    if kind == "error":
        return _rebuild_error(data)
    if kind == "ok":
        v = pickle.loads(data)
        if isinstance(v, Verslag):
            return v
        return InternalError(f"worker sent a {type(v).__name__}, not a Verslag")
    return Verslag.model_validate_json(data)


def _parse_chunk(paths: Sequence[str]) -> list[_Packed]:
    """Worker task: parse a chunk of files."""
    return [_pack(_parse_one(p)) for p in paths]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield consecutive lists of ``size`` items (the last one shorter)."""
    chunk: list[T] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered_map(
    fn: Callable[[list[str]], list[Any]], paths: Iterable[str], workers: int, chunk: int
) -> Iterator[Any]:
    """Apply ``fn`` to chunks of ``paths`` in ``workers`` processes; yield the items in input order.

    At most ``workers * INFLIGHT_PER_WORKER`` chunks are in flight, so memory stays bounded
    however long ``paths`` is.
    """
    if workers <= 1:
        for c in _chunks(paths, chunk):
            yield from fn(c)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[Any]]] = deque()
        it = _chunks(paths, chunk)
        limit = workers * INFLIGHT_PER_WORKER
        for c in it:
            pending.append(pool.submit(fn, c))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def parse_many(
    paths: Iterable[str | os.PathLike[str]], workers: int = 1, *, chunk: int = DEFAULT_CHUNK
) -> Iterator[Verslag | VerslagError]:
    """Yield, in input order, the :class:`Verslag` of each path or the :class:`VerslagError` it gave.

    ``workers=1`` parses in this process; more spreads chunks of ``chunk`` files over that many
    worker processes.  The format of each file (PDF text, OB XML, VLOS) is detected by content.

    >>> results = list(parse_many(["a.txt", "b.xml"], workers=2))  # doctest: +SKIP
    """
    names = (os.fspath(p) for p in paths)
    if workers <= 1:
        for name in names:
            yield _parse_one(name)
        return
    for packed in _ordered_map(_parse_chunk, names, workers, max(1, chunk)):
        yield _unpack(packed)


# --- the batch command -------------------------------------------------------------------------


class BatchFailure:
    """One file that could not be parsed: where and why."""

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _json_line(key: str, result: Verslag | VerslagError) -> str:
    """Return the JSON Lines record of one file: its path and the model, or its path and the error."""
    if isinstance(result, VerslagError):
        err = {"type": type(result).__name__, "line": result.line, "column": result.column, "message": result.message}
        return json.dumps({"path": key, "error": err}, ensure_ascii=False)
    return '{"path": ' + json.dumps(key, ensure_ascii=False) + ', "verslag": ' + result.model_dump_json() + "}"


def _batch_chunk(items: Sequence[str]) -> list[tuple[str, BatchFailure | None]]:
    """Worker task for the batch command: ``key NUL path`` in, JSON lines out (no model crosses processes)."""
    out: list[tuple[str, BatchFailure | None]] = []
    for item in items:
        key, _, path = item.partition("\0")
        result = _parse_one(path)
        failure = BatchFailure(key, result.line, result.message) if isinstance(result, VerslagError) else None
        out.append((_json_line(key, result), failure))
    return out


#: Bytes read at a time when looking back from the end of the output for the last complete line.
TAIL_BLOCK = 1 << 16


def is_hidden(rel: Path) -> bool:
    """Whether a path relative to the batch folder is hidden: a part of it starts with a dot.

    '.git/config', '.DS_Store', 'a/.~lock.verslag.txt#' are hidden; 'a/verslag.txt' is not.
    """
    return any(part.startswith(".") for part in rel.parts)


def select_files(folder: Path, pattern: str = "*", exclude: Iterable[Path] = ()) -> list[Path]:
    """The files the batch command takes from ``folder``: ``pattern`` matched at every depth, sorted.

    The pattern is a glob matched as :meth:`pathlib.Path.rglob` does, in ``folder`` and all its
    subfolders: ``*`` takes every file, ``*.xml`` every XML file, ``2020/*.txt`` the text files in every
    folder named 2020. Hidden files and the files in hidden folders (:func:`is_hidden`) are skipped, and
    so are the paths in ``exclude`` (the output file).
    """
    skip = {p.resolve() for p in exclude}
    return sorted(
        p for p in folder.rglob(pattern)
        if p.is_file() and not is_hidden(p.relative_to(folder)) and p.resolve() not in skip
    )


def truncate_torn_tail(out: Path) -> int:
    """Cut a torn last line (a run killed mid-write) off ``out``; return the number of bytes removed.

    Only the end of the file is read: it seeks back from the end in blocks of :data:`TAIL_BLOCK`
    bytes to the last newline, so a file of any size costs one block when it is whole.
    """
    if not out.exists():
        return 0
    with out.open("r+b") as f:
        size = f.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        end = size
        keep = 0
        while end > 0:
            start = max(0, end - TAIL_BLOCK)
            f.seek(start)
            block = f.read(end - start)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = start + nl + 1
                break
            end = start
        f.truncate(keep)
        return size - keep


def _record(line: bytes) -> dict[str, Any] | None:
    """The JSON object of one output line, or None when the line is not one of ours."""
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if isinstance(rec, dict) and isinstance(rec.get("path"), str) and ("verslag" in rec or "error" in rec):
        return rec
    return None


def _scan(out: Path) -> tuple[set[str], set[str], int]:
    """Read ``out`` line by line (never all of it at once) and sort its records.

    Returns the paths parsed successfully, the paths recorded only as failed, and the number of lines
    that are not records (to be dropped). A path with both kinds of record counts as parsed.
    """
    done: set[str] = set()
    failed: set[str] = set()
    broken = 0
    if not out.exists():
        return done, failed, broken
    with out.open("rb") as f:
        for line in f:
            if not line.strip():
                continue
            rec = _record(line)
            if rec is None:
                broken += 1
            elif "verslag" in rec:
                done.add(rec["path"])
            else:
                failed.add(rec["path"])
    return done, failed - done, broken


def _compact(out: Path, drop: set[str]) -> None:
    """Rewrite ``out`` without the error records of the paths in ``drop`` and without broken lines.

    The new file is written next to the old one and put in its place in one step, so a kill during
    the rewrite leaves the old file whole.
    """
    tmp = out.with_name(f".{out.name}.compact")
    with out.open("rb") as src, tmp.open("wb") as dst:
        for line in src:
            rec = _record(line)
            if rec is None or ("error" in rec and "verslag" not in rec and rec["path"] in drop):
                continue
            dst.write(line if line.endswith(b"\n") else line + b"\n")
    os.replace(tmp, out)


class _Progress:
    """A progress bar on stderr: tqdm when installed, else a plain counter."""

    def __init__(self, total: int, enabled: bool, stream: TextIO) -> None:
        self.total = total
        self.count = 0
        self.stream = stream
        self.enabled = enabled
        self.bar: Any = None
        if enabled:
            try:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="report", file=stream, dynamic_ncols=True)
            except ImportError:
                self.bar = None

    def update(self, failed: int) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(1)
            if failed:
                self.bar.set_postfix(failed=failed, refresh=False)
        elif self.count == self.total or self.count % 10 == 0:
            self.stream.write(f"\r{self.count}/{self.total} parsed, {failed} failed")
            self.stream.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.close()
        else:
            self.stream.write("\n")
            self.stream.flush()


def run_batch(
    folder: Path,
    out: Path,
    *,
    jobs: int = 1,
    pattern: str = "*",
    progress: bool = True,
    chunk: int = DEFAULT_CHUNK,
    stderr: TextIO | None = None,
) -> int:
    """Parse the files of ``folder`` and its subfolders that match ``pattern`` into the JSON Lines file ``out``.

    Each line is ``{"path": ..., "verslag": {...}}`` or ``{"path": ..., "error": {"type", "line",
    "column", "message"}}``, with the path relative to ``folder``; the files are chosen by
    :func:`select_files` (recursive, hidden files skipped). Lines are appended and flushed one by one.

    Rerunning resumes: a file already parsed successfully is skipped, a file that failed is parsed
    again (its old error line is removed, so each path has one line), and a line torn by a killed
    run is cut off first (:func:`truncate_torn_tail`), so the output stays valid JSON Lines. The
    failures of the run are listed at the end (file, line, message). Returns 0 when every file
    parsed, 1 when some failed.
    """
    err = stderr if stderr is not None else sys.stderr
    folder = Path(folder)
    out = Path(out)
    files = select_files(folder, pattern, exclude=[out])
    torn = truncate_torn_tail(out)
    done, failed, broken = _scan(out)
    todo = [(p.relative_to(folder).as_posix(), p) for p in files]
    todo = [(k, p) for k, p in todo if k not in done]
    retry = {k for k, _p in todo} & failed
    if retry or broken:
        _compact(out, retry)
    skipped = len(files) - len(todo)
    failures: list[BatchFailure] = []
    bar = _Progress(len(todo), progress, err)
    ok = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        items = (f"{k}\0{p}" for k, p in todo)
        try:
            for line, failure in _ordered_map(_batch_chunk, items, jobs, max(1, chunk)):
                f.write(line + "\n")
                f.flush()
                if failure is None:
                    ok += 1
                else:
                    failures.append(failure)
                bar.update(len(failures))
        finally:
            bar.close()
    notes = [f"{len(retry)} retried"] if retry else []
    if torn:
        notes.append(f"a torn last line of {torn} bytes removed")
    if broken:
        notes.append(f"{broken} unreadable lines removed")
    print(f"{ok} parsed, {len(failures)} failed, {skipped} skipped (already parsed in {out})"
          + "".join(f", {n}" for n in notes), file=err)
    if failures:
        print("failures:", file=err)
        for fl in failures:
            print(f"  {fl}", file=err)
    return 1 if failures else 0
