"""``python -m kg`` and the ``kg`` script: ``kg query ... --db DIR`` by :mod:`kg.fastpath`
when it takes it (no click imported), every other command line by :func:`kg.cli.main`."""

from __future__ import annotations

import sys


def main() -> None:
    from kg.fastpath import run

    code = run(sys.argv[1:])
    if code is None:
        from kg.cli import main as full

        full()
    elif code:
        sys.exit(code)


if __name__ == "__main__":
    main()
