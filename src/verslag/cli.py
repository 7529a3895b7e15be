"""The ``verslag`` command: ``parse``, ``roundtrip``, ``batch`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from verslag.errors import VerslagError
from verslag.formats import FORMATS

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="verslag", description="Tweede Kamer verslagen as typed data.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse a report (PDF text, OB XML or VLOS) and write it in a format")
    p.add_argument("file", help="the report; '-' reads standard input")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="summary", help="output format (default: summary)")
    p.add_argument("--output", "-o", help="write here instead of standard output")
    p.add_argument("--strict", action="store_true", help="raise on the first problem instead of collecting diagnostics")
    r = sub.add_parser("roundtrip", help="check that reading and writing XML gives back the same bytes")
    r.add_argument("file")
    b = sub.add_parser("batch", help="parse a folder and its subfolders in parallel into JSON Lines")
    b.add_argument("dir", help="the folder; its subfolders are included, hidden files and folders are not")
    b.add_argument("--out", required=True,
                   help="the JSON Lines file to write (appended; a rerun skips the files parsed and retries the failed)")
    b.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    b.add_argument("--pattern", default="*",
                   help="glob of file names, matched in DIR and every subfolder, e.g. '*.xml' (default: every file)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    sub.add_parser("schema", help="print the JSON Schema of the model")
    return ap


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 a difference or failure, 2 an error)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            from verslag.api import parse
            from verslag.formats import render

            v = parse(_read_input(args.file), strict=args.strict)
            out = render(v, args.format)
            if args.output:
                Path(args.output).write_bytes(out)
            else:
                sys.stdout.buffer.write(out)
                sys.stdout.flush()
            return 0
        if args.command == "roundtrip":
            from verslag.roundtrip import roundtrip_report

            ok, message = roundtrip_report(_read_input(args.file))
            print(message)
            return 0 if ok else 1
        if args.command == "batch":
            from verslag.batch import run_batch

            return run_batch(Path(args.dir), Path(args.out), jobs=args.jobs, pattern=args.pattern,
                             progress=not args.no_progress)
        if args.command == "schema":
            from verslag.model import Verslag

            print(json.dumps(Verslag.model_json_schema(), indent=2, ensure_ascii=False))
            return 0
    except VerslagError as e:
        print(f"verslag: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"verslag: {e}", file=sys.stderr)
        return 2
    return 2  # pragma: no cover - argparse requires a command
