"""What the tools that build a table of `tieline/data` from an installed package's data files
share: where the package lies, found without importing it (which could import much more), and
the command line that writes the table.

    from package_tables import package_dir, run
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Callable
from pathlib import Path


def package_dir(name: str) -> Path:
    """The folder of the installed package `name`; exits with a hint when it is missing."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"{name} is not installed: run `make setup-dev` (it is a development dependency)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def run(description: str, build: Callable[[Path], int], out: Path, what: str) -> None:
    """Parse `--out` (default `out`), build the table there and say how many `what` it holds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=out, help="where to write the table")
    args = parser.parse_args()
    print(f"{build(args.out)} {what} written to {args.out}")
