#!/usr/bin/env python3
"""The side-by-side benchmark: khuyenhoc against polars and DuckDB on the same synthetic national CSV and
the same six questions. Not part of the test suite; `scripts/bench.sh` builds what it needs and runs it.

Each engine runs in a process of its own, so that its peak memory (ru_maxrss) is its own. Every engine
must give the same answers (checked before any time is printed); ours is timed through the query
language (Benchmarks/questions.khq), parsing, evaluation and rendering included.

    python3 Benchmarks/compare.py [--observations N] [--repeat R] [--data DIR] [--json OUT]
"""
import argparse
import csv
import decimal
import io
import json
import os
import platform
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KHUYENHOC = os.path.join(ROOT, ".build", "release", "khuyenhoc")
BENCH = os.path.join(ROOT, ".build", "release", "khuyenhoc-bench")
QUESTIONS = os.path.join(ROOT, "Benchmarks", "questions.khq")

# The questions' fixed parameters; Benchmarks/questions.khq asks the same.
YEAR, FROM_YEAR, COMMUNE = 2024, 2020, "p01/d1/c1"
NAMES = ["q2 rate by province", "q3 commune series", "q4 fund attainment", "q5 rank districts", "q6 growth in points"]
LABELS = {
    NAMES[0]: "2 learning-family rate, national and per province",
    NAMES[1]: "3 one commune's series: year-over-year change, CAGR",
    NAMES[2]: "4 fund attainment: communes over target, top 10",
    NAMES[3]: "5 rank ~700 districts: top 20, bottom 5",
    NAMES[4]: "6 district growth in points 2020→2024, top 10",
}


# ---------------------------------------------------------------------------------------------------
# The peers. Each answers in the same plain shape, which `canonical_ours` also makes from our CSV.

def polars_engine(data):
    import polars as pl

    def load():
        figures = pl.read_csv(os.path.join(data, "figures.csv"),
                              schema_overrides={"value": pl.Float64, "base": pl.Float64, "target": pl.Utf8,
                                                "stated_percent": pl.Utf8})
        regions = pl.read_csv(os.path.join(data, "regions.csv"))
        # The hierarchy, made once at load as our engine makes its gazetteer: commune → district → province.
        parent = regions.select(pl.col("id"), pl.col("parent"))
        geo = (regions.filter(pl.col("kind").is_in(["xã", "phường", "thị trấn"]))
               .select(pl.col("id").alias("commune"), pl.col("parent").alias("district"))
               .join(parent.rename({"id": "district", "parent": "province"}), on="district"))
        names = dict(zip(regions["id"].to_list(), regions["name"].to_list()))
        return figures, geo, names

    def rates(figures, geo, indicator, year, level):
        f = figures.filter((pl.col("indicator") == indicator) & (pl.col("year") == year)
                           & pl.col("value").is_not_null() & pl.col("base").is_not_null())
        j = f.join(geo, left_on="region", right_on="commune")
        return j.group_by(level).agg(num=pl.col("value").sum(), den=pl.col("base").sum()) \
            .with_columns(rate=pl.col("num") / pl.col("den") * 100)

    def q2(state):
        figures, geo, names = state
        by = rates(figures, geo, "learning_family", YEAR, "province")
        f = figures.filter((pl.col("indicator") == "learning_family") & (pl.col("year") == YEAR)
                           & pl.col("value").is_not_null() & pl.col("base").is_not_null())
        national = f.join(geo, left_on="region", right_on="commune").select(pl.col("value").sum() / pl.col("base").sum() * 100).item()
        return {"provinces": {names[r["province"]]: r["rate"] for r in by.to_dicts()}, "national": national}

    def q3(state):
        figures, _, _ = state
        s = figures.filter((pl.col("region") == COMMUNE) & (pl.col("indicator") == "learning_family")
                           & pl.col("value").is_not_null()).sort("year")
        s = s.with_columns(prev_year=pl.col("year").shift(1), change=pl.col("value") - pl.col("value").shift(1))
        rows = s.to_dicts()
        first, last = rows[0], rows[-1]
        cagr = ((last["value"] / first["value"]) ** (1 / (last["year"] - first["year"])) - 1) * 100
        return {"yoy": [[r["prev_year"], r["year"], r["change"]] for r in rows[1:]], "cagr": cagr}

    def q4(state):
        figures, _, names = state
        f = figures.filter((pl.col("indicator") == "fund_raised") & (pl.col("year") == YEAR) & pl.col("target").is_not_null()) \
            .with_columns(target=pl.col("target").cast(pl.Float64)) \
            .filter(pl.col("value") > pl.col("target")) \
            .with_columns(attainment=pl.col("value") / pl.col("target") * 100)
        top = f.sort("attainment", descending=True).head(10).to_dicts()
        return {"count": f.height, "top": [[names[r["region"]], r["attainment"]] for r in top]}

    def q5(state):
        figures, geo, names = state
        d = rates(figures, geo, "learning_family", YEAR, "district")
        n = d.height
        d = d.with_columns(rank=pl.col("rate").rank("min", descending=True),
                           behind=n - pl.col("rate").rank("max", descending=True)) \
            .with_columns(percentile=pl.col("behind") / (n - 1) * 100).sort("rank")
        rows = d.to_dicts()
        pick = lambda rs: [[int(r["rank"]), names[r["district"]], r["rate"], one_decimal(r["percentile"])] for r in rs]
        return {"top": pick(rows[:20]), "bottom": pick(list(reversed(rows[-5:])))}

    def q6(state):
        figures, geo, names = state
        a = rates(figures, geo, "learning_family", FROM_YEAR, "district").select("district", pl.col("rate").alias("a"))
        b = rates(figures, geo, "learning_family", YEAR, "district").select("district", pl.col("rate").alias("b"))
        g = a.join(b, on="district").with_columns(change=pl.col("b") - pl.col("a")).sort("change", descending=True).head(10)
        return {"top": [[names[r["district"]], r["change"]] for r in g.to_dicts()]}

    return load, [q2, q3, q4, q5, q6]


def duckdb_engine(data):
    import duckdb

    def load():
        con = duckdb.connect()
        con.execute(f"""CREATE TABLE figures AS SELECT * FROM read_csv('{os.path.join(data, "figures.csv")}', header = true,
                        types = {{'value': 'DOUBLE', 'base': 'DOUBLE', 'target': 'VARCHAR', 'stated_percent': 'VARCHAR'}})""")
        con.execute(f"CREATE TABLE regions AS SELECT * FROM read_csv('{os.path.join(data, 'regions.csv')}', header = true)")
        con.execute("""CREATE TABLE geo AS SELECT c.id AS commune, c.parent AS district, d.parent AS province
                       FROM regions c JOIN regions d ON c.parent = d.id WHERE c.kind IN ('xã', 'phường', 'thị trấn')""")
        return con

    RATES = """SELECT g.{level} AS region, sum(f.value) / sum(f.base) * 100 AS rate
               FROM figures f JOIN geo g ON f.region = g.commune
               WHERE f.indicator = 'learning_family' AND f.year = {year} AND f.value IS NOT NULL AND f.base IS NOT NULL
               GROUP BY g.{level}"""

    def q2(con):
        rows = con.execute(f"SELECT r.name, t.rate FROM ({RATES.format(level='province', year=YEAR)}) t JOIN regions r ON r.id = t.region").fetchall()
        national = con.execute(f"""SELECT sum(f.value) / sum(f.base) * 100 FROM figures f JOIN geo g ON f.region = g.commune
                                   WHERE f.indicator = 'learning_family' AND f.year = {YEAR} AND f.value IS NOT NULL AND f.base IS NOT NULL""").fetchone()[0]
        return {"provinces": {name: rate for name, rate in rows}, "national": national}

    def q3(con):
        rows = con.execute(f"""SELECT lag(year) OVER (ORDER BY year), year, value - lag(value) OVER (ORDER BY year), value
                               FROM figures WHERE region = '{COMMUNE}' AND indicator = 'learning_family' AND value IS NOT NULL
                               ORDER BY year""").fetchall()
        cagr = ((rows[-1][3] / rows[0][3]) ** (1 / (rows[-1][1] - rows[0][1])) - 1) * 100
        return {"yoy": [[r[0], r[1], r[2]] for r in rows[1:]], "cagr": cagr}

    def q4(con):
        over = f"""SELECT region, value / CAST(target AS DOUBLE) * 100 AS attainment FROM figures
                   WHERE indicator = 'fund_raised' AND year = {YEAR} AND target IS NOT NULL AND value > CAST(target AS DOUBLE)"""
        count = con.execute(f"SELECT count(*) FROM ({over})").fetchone()[0]
        top = con.execute(f"SELECT r.name, o.attainment FROM ({over}) o JOIN regions r ON r.id = o.region ORDER BY o.attainment DESC LIMIT 10").fetchall()
        return {"count": count, "top": [list(t) for t in top]}

    def q5(con):
        rows = con.execute(f"""SELECT rank() OVER (ORDER BY rate DESC) AS rk, r.name, t.rate,
                                      (count(*) OVER () - (rank() OVER (ORDER BY rate DESC) + count(*) OVER (PARTITION BY rate) - 1))
                                        / (count(*) OVER () - 1) * 100
                               FROM ({RATES.format(level='district', year=YEAR)}) t JOIN regions r ON r.id = t.region
                               ORDER BY rk""").fetchall()
        pick = lambda rs: [[int(r[0]), r[1], r[2], one_decimal(r[3])] for r in rs]
        return {"top": pick(rows[:20]), "bottom": pick(list(reversed(rows[-5:])))}

    def q6(con):
        rows = con.execute(f"""SELECT r.name, b.rate - a.rate AS change
                               FROM ({RATES.format(level='district', year=FROM_YEAR)}) a
                               JOIN ({RATES.format(level='district', year=YEAR)}) b ON a.region = b.region
                               JOIN regions r ON r.id = a.region ORDER BY change DESC LIMIT 10""").fetchall()
        return {"top": [list(r) for r in rows]}

    return load, [q2, q3, q4, q5, q6]


def run_worker(engine, data, repeat):
    """Loads once, then answers every question `repeat` times; prints JSON."""
    load, questions = {"polars": polars_engine, "duckdb": duckdb_engine}[engine](data)
    start = time.perf_counter()
    state = load()
    load_s = time.perf_counter() - start
    out = {"engine": engine, "load_s": load_s, "questions": []}
    for name, question in zip(NAMES, questions):
        times, answer = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            answer = question(state)
            times.append(time.perf_counter() - start)
        out["questions"].append({"name": name, "median_s": statistics.median(times), "answer": answer})
    print(json.dumps(out))


# ---------------------------------------------------------------------------------------------------
# Our answers, read back from the CSV that khuyenhoc-bench writes for each statement.

def one_decimal(x):
    """A percentile to one decimal, half away from zero, as khuyenhoc's rank prints it (Swift's
    (x * 10).rounded() / 10: the product rounded as the exact double it is), kept off 0 and 100
    unless it is one of them."""
    r = float(decimal.Decimal(x * 10).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)) / 10
    return min(max(r, 0.1), 99.9) if 0 < x < 100 else r


def table(text):
    return list(csv.DictReader(io.StringIO(text)))


def canonical_ours(name, answers):
    if name == NAMES[0]:
        rows = table(answers[0])
        return {"provinces": {r["region"]: float(r["rate"]) for r in rows[:-1]}, "national": float(rows[-1]["rate"])}
    if name == NAMES[1]:
        return {"yoy": [[int(r["from"]), int(r["to"]), float(r["change"])] for r in table(answers[0])], "cagr": float(answers[1])}
    if name == NAMES[2]:
        return {"count": int(answers[0]), "top": [[r["region"], float(r["attainment"])] for r in table(answers[1])]}
    if name == NAMES[3]:
        pick = lambda rs: [[int(float(r["rank"])), r["region"], float(r["rate"]), float(r["percentile"])] for r in rs]
        return {"top": pick(table(answers[0])), "bottom": pick(table(answers[1]))}
    if name == NAMES[4]:
        return {"top": [[r["region"], float(r["change"])] for r in table(answers[0])]}
    raise ValueError(name)


def same(a, b, path="answer"):
    """Equal, numbers to a relative 1e-7 (our CSV prints nine decimals)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return f"{path}: keys differ ({sorted(set(a) ^ set(b))[:5]})"
        for k in a:
            problem = same(a[k], b[k], f"{path}.{k}")
            if problem:
                return problem
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items against {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            problem = same(x, y, f"{path}[{i}]")
            if problem:
                return problem
        return None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return None if abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b)) else f"{path}: {a} against {b}"
    return None if a == b else f"{path}: {a!r} against {b!r}"


# ---------------------------------------------------------------------------------------------------
# Running the engines, each in its own process. Every step has a deadline: a step that passes it is
# killed and the benchmark stops with a message that names the step, never waits for ever.

TIMEOUT = 1800.0   # seconds a step may take (--timeout)


class StepTimeout(Exception):
    """A step of the benchmark passed its deadline."""


def wait_for(pid, what, timeout=None):
    """Waits for a child with a deadline; past it the child is killed and StepTimeout raised."""
    deadline = time.perf_counter() + (timeout or TIMEOUT)
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage
        if time.perf_counter() > deadline:
            os.kill(pid, 9)
            os.wait4(pid, 0)
            raise StepTimeout(f"{what} took more than {timeout or TIMEOUT:.0f} s and was stopped")
        time.sleep(0.02)


def run_engine(command):
    with tempfile.TemporaryFile() as out:
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            try:
                os.execvp(command[0], command)
            finally:
                os._exit(127)
        status, usage = wait_for(pid, " ".join(command))
        if status != 0:
            sys.exit(f"compare: {' '.join(command)} failed with status {status}")
        out.seek(0)
        return json.loads(out.read().decode()), usage.ru_maxrss * 1024


def spawn_shell(args, home):
    """khuyenhoc on a new pseudo-terminal, with its own home (no history or start-up file)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.environ["TERM"] = "xterm"
        os.execv(KHUYENHOC, [KHUYENHOC] + args)
    return pid, fd


def read_until(fd, marker, what, timeout=None):
    """What the shell writes up to `marker`; StepTimeout when it does not come in time (or the shell ends)."""
    seen = b""
    limit = timeout or TIMEOUT
    deadline = time.perf_counter() + limit
    while marker not in seen:
        if time.perf_counter() > deadline:
            raise StepTimeout(f"{what}: the shell did not write {marker.decode()!r} within {limit:.0f} s; it wrote {seen[-200:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                raise StepTimeout(f"{what}: the shell ended before writing {marker.decode()!r}; it wrote {seen[-200:]!r}")
    return seen


def drain(fd, what, quiet=0.2, limit=30):
    """Reads until the terminal has been quiet for `quiet` seconds: the echo of what was typed must not be
    taken for the answer to Tab. A terminal that never goes quiet is a StepTimeout, not a wait for ever."""
    deadline = time.perf_counter() + limit
    while select.select([fd], [], [], quiet)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            raise StepTimeout(f"{what}: the shell ended")
        if time.perf_counter() > deadline:
            raise StepTimeout(f"{what}: the terminal did not go quiet within {limit} s")


def leave_shell(pid, fd, what):
    """Ctrl-D, then the shell must end in time."""
    os.write(fd, b"\x04")
    try:
        wait_for(pid, what, timeout=60)
    finally:
        os.close(fd)


def time_to_prompt(args, repeat=5):
    """Seconds from starting the shell on a terminal to its first prompt, median of `repeat`."""
    times = []
    home = tempfile.mkdtemp()
    for _ in range(repeat):
        start = time.perf_counter()
        pid, fd = spawn_shell(args, home)
        read_until(fd, b"khq> ", f"start-up with {args}")
        times.append(time.perf_counter() - start)
        leave_shell(pid, fd, f"leaving the shell started with {args}")
    return statistics.median(times)


def completion_latency(args, typed, repeat=7):
    """Seconds from a Tab inside a region name to the first byte of the shell's answer (the completed
    text, or the bell), median of `repeat`."""
    pid, fd = spawn_shell(args, tempfile.mkdtemp())
    what = f"Tab after {typed!r}"
    read_until(fd, b"khq> ", what)
    times = []
    for _ in range(repeat):
        os.write(fd, typed.encode())
        drain(fd, what)
        start = time.perf_counter()
        os.write(fd, b"\t")
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise StepTimeout(f"{what}: no answer to Tab within 10 s")
        times.append(time.perf_counter() - start)
        os.read(fd, 65536)
        os.write(fd, b"\x03")                      # Ctrl-C: abandon the line
        read_until(fd, b"khq> ", what, timeout=60)
        drain(fd, what)
    leave_shell(pid, fd, what)
    return statistics.median(times)


def generate(data, observations):
    stamp = os.path.join(data, "observations.txt")
    if os.path.exists(stamp) and open(stamp).read().strip() == str(observations):
        return
    print(f"generating {observations:,} synthetic observations in {data} …", file=sys.stderr)
    try:
        subprocess.run([KHUYENHOC, "synth", "--invented", "-o", data, "--observations", str(observations)], check=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise StepTimeout(f"generating the dataset took more than {TIMEOUT:.0f} s")
    with open(stamp, "w") as f:
        f.write(f"{observations}\n")


def cell(seconds):
    """A time for the tables: milliseconds under a second, seconds above."""
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}"


def main():
    global TIMEOUT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--observations", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=7, help="times each question is asked in one run")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per engine, taking turns")
    parser.add_argument("--data", help="the dataset folder (default: /tmp/khuyenhoc-bench-N)")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--shell-only", action="store_true", help="only the shell's start-up and Tab completion")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds any one step may take before the benchmark stops (default 1800)")
    parser.add_argument("--worker", choices=["polars", "duckdb"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    TIMEOUT = args.timeout
    data = args.data or os.path.join(tempfile.gettempdir(), f"khuyenhoc-bench-{args.observations}")
    if args.worker:
        return run_worker(args.worker, data, args.repeat)

    os.makedirs(data, exist_ok=True)
    generate(data, args.observations)
    if args.shell_only:
        return print_shell_figures(data, args, None)
    size = os.path.getsize(os.path.join(data, "figures.csv"))
    # Every engine reads the files from the page cache, not from disk: read them once first.
    for name in ("figures.csv", "regions.csv"):
        with open(os.path.join(data, name), "rb") as f:
            while f.read(1 << 24):
                pass
    # Each engine runs in --runs fresh processes, taking turns, so that no engine gains from going
    # first or last; a step's figure is the median over the runs, peak memory the largest.
    commands = {
        "khuyenhoc": [BENCH, "--data", data, "--questions", QUESTIONS, "--repeat", str(args.repeat)],
        "polars": [sys.executable, os.path.abspath(__file__), "--worker", "polars", "--data", data, "--repeat", str(args.repeat)],
        "duckdb": [sys.executable, os.path.abspath(__file__), "--worker", "duckdb", "--data", data, "--repeat", str(args.repeat)],
    }
    runs = {engine: [] for engine in commands}
    for _ in range(args.runs):
        for engine, command in commands.items():
            result, peak = run_engine(command)
            result["peak"] = peak
            runs[engine].append(result)
    results = {}
    for engine, all_runs in runs.items():
        merged = dict(all_runs[0])
        merged["load_s"] = statistics.median(r["load_s"] for r in all_runs)
        merged["load_runs_s"] = [r["load_s"] for r in all_runs]
        merged["peak"] = max(r["peak"] for r in all_runs)
        merged["questions"] = [dict(q, median_s=statistics.median(r["questions"][k]["median_s"] for r in all_runs))
                               for k, q in enumerate(all_runs[0]["questions"])]
        results[engine] = merged

    # Every engine must give the same answers before any time means anything.
    problems = []
    ours = {q["name"]: q for q in results["khuyenhoc"]["questions"]}
    for q in ours.values():
        if q["error"]:
            problems.append(f"khuyenhoc, {q['name']}: {q['error']}")
    for engine in ["polars", "duckdb"]:
        for q in results[engine]["questions"]:
            problem = same(canonical_ours(q["name"], ours[q["name"]]["answers"]), q["answer"])
            if problem:
                problems.append(f"{engine} disagrees on {q['name']}: {problem}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)

    rows = results["khuyenhoc"]["rows"]
    print(f"# khuyenhoc against polars {__import__('polars').__version__} and DuckDB {__import__('duckdb').__version__}")
    print(f"{time.strftime('%Y-%m-%d')}, {machine()}; {rows:,} observations, {size / 1e6:.0f} MB of CSV; "
          f"each engine in {args.runs} fresh processes taking turns, each question asked {args.repeat} times a run; "
          f"medians; all three engines gave the same answers.\n")
    print("| step | khuyenhoc | polars | DuckDB | khuyenhoc ÷ fastest peer |")
    print("|---|---:|---:|---:|---:|")

    def line(label, ours_s, polars_s, duck_s):
        ratio = ours_s / min(polars_s, duck_s)
        print(f"| {label} | {cell(ours_s)} | {cell(polars_s)} | {cell(duck_s)} | {ratio:.2f}× |")

    line("1 load the CSV", results["khuyenhoc"]["load_s"], results["polars"]["load_s"], results["duckdb"]["load_s"])
    by = {e: {q["name"]: q["median_s"] for q in results[e]["questions"]} for e in results}
    for name in NAMES:
        line(LABELS[name], by["khuyenhoc"][name], by["polars"][name], by["duckdb"][name])
    mib = lambda b: f"{b / 2**20:,.0f} MiB"
    print(f"| peak memory | {mib(results['khuyenhoc']['peak'])} | {mib(results['polars']['peak'])} | {mib(results['duckdb']['peak'])} | |")

    print_shell_figures(data, args, results)


def print_shell_figures(data, args, results):
    """The shell's start-up to the first prompt and Tab completion, on a real pseudo-terminal."""
    startup_embedded = time_to_prompt([])
    startup_data = time_to_prompt(["--data", data])
    completion = completion_latency(["--data", data], 'series(learning_family, "dong cam')
    no_match = completion_latency(["--data", data], 'series(learning_family, "zz')
    print(f"\nkhuyenhoc shell, start-up to the first prompt: {cell(startup_embedded)} with the embedded dataset, "
          f"{cell(startup_data)} with the dataset of {data}; Tab completing a region name: {cell(completion)} "
          f"(a name that matches nothing: {cell(no_match)}).")
    if args.json and results is not None:
        results["startup_embedded_s"], results["startup_data_s"] = startup_embedded, startup_data
        results["completion_s"], results["completion_no_match_s"] = completion, no_match
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    try:
        main()
    except StepTimeout as e:
        sys.exit(f"compare: stopped: {e}")
