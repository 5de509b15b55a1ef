"""The scorer on every gold file, with the tune / check split reported apart.

Extraction rules are tuned on the TUNE half of the real Wikinews gold files
(and on dev01–03, the seed and our own tests/gold files); the CHECK half is
only ever measured, never read while writing rules, so its mean estimates how
kg does on news nobody has seen.

    python bench/score_split.py            # runs ../shared/eval/score_all.py once
    python bench/score_split.py --tune     # only the files rules may be tuned on: use this while tuning
    python bench/score_split.py --with DIR # also score the gold files in DIR (kept outside the project, e.g.
                                           # gold written on corpus articles whose text may not be committed),
                                           # reported as one more held-out group

Prints every scorer line, then the mean KG-F1 of each group.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE_ALL = ROOT.parent / "shared" / "eval" / "score_all.py"

#: Wikinews gold files rules may be tuned on.
TUNE = ("wn-44046", "wn-44292", "wn-44533", "wn-44543", "wn-44550", "wn-44618", "wn-44655", "wn-44772")
#: Wikinews gold files held out: measured, never read while tuning.
CHECK = ("wn-44833", "wn-44881", "wn-44998", "wn-45496", "wn-45498", "wn-45643", "wn-45674")
#: Our own gold files written after the rules of issue 11 were planned (new domains, by a helper who never
#: read the extractor): held out too.
CHECK_OWN = ("g09", "g10", "g11", "g12", "g13", "g14", "g15", "g16")
#: Our own gold files of round 5 (new domains, news-wire style, by an annotator who never read the extractor
#: nor saw its output): held out from the day they were written.
CHECK_NEW = ("g25", "g26", "g27", "g28", "g29", "g30")


def tune_files() -> list[str]:
    """Every gold file that is not held out."""
    held = set(CHECK) | set(CHECK_OWN) | set(CHECK_NEW)
    files = sorted((SCORE_ALL.parent / "gold").glob("*.json")) + sorted((ROOT / "tests" / "gold").glob("g*.json"))
    return [str(f) for f in files if f.stem not in held]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not SCORE_ALL.is_file():
        print(f"{SCORE_ALL} is absent", file=sys.stderr)
        return 2
    extra = [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--with"]
    extra_files = [str(f) for d in extra for f in sorted(d.glob("*.json"))]
    if "--tune" in argv:
        files = tune_files()
    elif extra_files:
        files = [str(SCORE_ALL.parent / "gold"), str(ROOT / "tests" / "gold")]
    else:
        files = []
    files += extra_files
    run = subprocess.run([sys.executable, str(SCORE_ALL), *files], cwd=ROOT, capture_output=True, text=True)
    print(run.stdout, end="")
    scores = {m[1]: float(m[2]) for m in re.finditer(r"^(\S+): .*KG-F1 ([0-9.]+)$", run.stdout, re.M)}
    extra_ids = {Path(f).stem for f in extra_files}
    groups = {
        "tune (wn)": [scores[k] for k in TUNE if k in scores],
        "check (wn, held out)": [scores[k] for k in CHECK if k in scores],
        "check (own g09-g16, held out)": [scores[k] for k in CHECK_OWN if k in scores],
        "check (own g25-g30, new, held out)": [scores[k] for k in CHECK_NEW if k in scores],
        f"held out ({', '.join(d.name for d in extra)})": [v for k, v in scores.items() if k in extra_ids],
        "all wn": [v for k, v in scores.items() if k.startswith("wn-") and k not in extra_ids],
        "tune (dev, seed, g01-g08, g17-g24)": [v for k, v in scores.items() if not k.startswith("wn-")
                                               and k not in CHECK_OWN and k not in CHECK_NEW],
    }
    for name, values in groups.items():
        if values:
            print(f"{name}: mean KG-F1 {sum(values) / len(values):.3f} over {len(values)} files, "
                  f"lowest {min(values):.2f}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
