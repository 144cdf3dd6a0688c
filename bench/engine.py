"""`make bench-engine`: the embedded listing and search against the engine's, at several sizes.

Usage: python bench/engine.py [--sizes 10000,100000] [--runs 30]
For each size, one SQLite corpus (var/bench-<size>.sqlite3, built in bulk the first time and
kept), timed twice by bench/run.py: embedded (the database's full-text index, the listing's
in-memory index) and on the OpenSearch node of OPENSEARCH_URL (default http://127.0.0.1:9200,
`make engine`; site search, and the listing as one engine request), the engine filled from
the corpus through its bulk API. Prints a table of medians and 95th percentiles and writes
reports/bench-engine.json.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MODES = ("embedded", "engine")


def run(size, mode, runs, engine_url):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{BASE_DIR / 'var' / f'bench-{size}.sqlite3'}"}
    env.pop("OPENSEARCH_URL", None)
    env.pop("PRACTICE_LISTING", None)
    if mode == "engine":
        env.update(OPENSEARCH_URL=engine_url, OPENSEARCH_INDEX_PREFIX=f"hub_bench_{size}_")
    report = f"bench-engine-{size}-{mode}"
    command = [sys.executable, str(BASE_DIR / "bench" / "run.py"), "--practices", str(size),
               "--pledges", "0"]
    # The corpus and the engine's index are built at a low priority (the machine is shared),
    # the pages timed at the normal one.
    subprocess.run(["nice", "-n", "10", *command, "--corpus-only"], env=env, check=True)
    subprocess.run([*command, "--pages", "search", "--runs", str(runs), "--report", report],
                   env=env, check=True)
    return json.loads((BASE_DIR / "reports" / f"{report}.json").read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--engine-url", default=os.environ.get("OPENSEARCH_URL")
                        or "http://127.0.0.1:9200")
    args = parser.parse_args()
    (BASE_DIR / "var").mkdir(exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",")]
    figures = {size: {mode: run(size, mode, args.runs, args.engine_url) for mode in MODES}
               for size in sizes}

    print(f"\n| page | {' | '.join(f'{size:,} {mode}' for size in sizes for mode in MODES)} |")
    print(f"|---|{'---:|' * len(sizes) * len(MODES)}")
    pages = next(iter(figures[sizes[0]].values()))["pages"]
    for page in pages:
        cells = [f"{f['median_ms']} / {f['p95_ms']}"
                 for size in sizes for mode in MODES
                 for f in [figures[size][mode]["pages"][page]]]
        print(f"| {page} | {' | '.join(cells)} |")
    print("\n(median / 95th percentile, ms; practices counted: "
          + ", ".join(f"{figures[size]['engine']['practices']:,}" for size in sizes) + ")")
    report = BASE_DIR / "reports" / "bench-engine.json"
    report.write_text(json.dumps({str(size): figures[size] for size in sizes},
                                 ensure_ascii=False, indent=2))
    print(f"Figures written to {report.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
