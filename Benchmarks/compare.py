#!/usr/bin/env python3
"""The side-by-side benchmark: khuyenhoc against polars and DuckDB on the same synthetic national CSV.
Not part of the test suite; `scripts/bench.sh` builds what it needs and runs it.

What it times, each engine in fresh processes of its own (so that its peak memory, ru_maxrss, is its own):
- loading the CSV;
- the six questions the dataset's indexes answer (2–6 below; the rate roll-up, a commune's series, fund
  attainment, district ranks, growth in points);
- twelve ad-hoc questions that no index answers (a1–a12: filters on values and rates, derived columns,
  grouping by indicator, year, parent and the parent's parent, sorting the whole table, year over year by
  a self-join, a pivot by year, a text search on region names, counts, avg/min/max);
- loading a variant of the dataset with a document, a quote and a note on every row, beside the load
  without, and a quote search (ap1) on it: written once into DIR-provenance (one short report per commune
  and year in its documents/, each row's quote a sentence of its report word for word); the peers read
  the same CSV. `--no-provenance` skips this step;
- when the build has `khuyenhoc pack` (its own --help succeeds): `khuyenhoc pack` on a copy of the CSV
  (DIR-packed), then a fresh `khuyenhoc --data DIR-packed -c …` from exec to its first answer, against
  DuckDB writing a database file of its own once (DIR-duckdb) and a fresh process's connect and the same
  query (Python's start and `import duckdb` not counted). Skipped with a message otherwise, or `--no-pack`;
- the shell's start-up to its first prompt and Tab completion, on a pseudo-terminal.

Every engine must give the same answers (checked before any time is printed): each answer is put in one
plain shape, numbers compared to a relative 1e-7, ties broken as khuyenhoc breaks them (table order).
Ours is timed through the query language (Benchmarks/questions.khq and Benchmarks/provenance.khq),
parsing, evaluation and rendering included. Every step has a deadline (`--timeout`): a step that passes
it is stopped, and the run ends with a message naming it; the provenance and packed-file steps instead
say so in the table's notes and the run goes on.

    python3 Benchmarks/compare.py [--observations N] [--repeat R] [--runs K] [--data DIR] [--json OUT]
                                  [--timeout S] [--no-provenance] [--no-pack] [--shell-only]
"""
import argparse
import csv
import decimal
import io
import json
import os
import platform
import pty
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KHUYENHOC = os.path.join(ROOT, ".build", "release", "khuyenhoc")
BENCH = os.path.join(ROOT, ".build", "release", "khuyenhoc-bench")
QUESTIONS_FILE = os.path.join(ROOT, "Benchmarks", "questions.khq")
PROVENANCE_QUESTIONS_FILE = os.path.join(ROOT, "Benchmarks", "provenance.khq")

# The questions' fixed parameters; Benchmarks/questions.khq asks the same.
YEAR, FROM_YEAR, COMMUNE = 2024, 2020, "p01/d1/c1"
SEARCH = "thanh"                 # a9: region ~ "thanh" (Thạnh, Thành, Thanh… folded)
QUOTE_SEARCH = "quỹ khuyến học"  # ap1: quote ~ "quy khuyen hoc"; the generated quotes write it "Quỹ…" or "…quỹ…"
TINY = ("members", COMMUNE, YEAR)  # the first answer after opening a dataset: one figure

# Every question: its name (a `-- question:` of the .khq file, and the key of each engine's answers) and
# its row in the table. The index questions (2–6), then the ad-hoc ones no index answers (a1–a12).
QUESTIONS = [
    ("q2 rate by province", "2 learning-family rate, national and per province"),
    ("q3 commune series", "3 one commune's series: year-over-year change, CAGR"),
    ("q4 fund attainment", "4 fund attainment: communes over target, top 10"),
    ("q5 rank districts", "5 rank ~700 districts: top 20, bottom 5"),
    ("q6 growth in points", "6 district growth in points 2020→2024, top 10"),
    ("a1 value and base filter", "a1 value > 1000 and base > 0, sum and count by indicator × year, top 3"),
    ("a2 rate filter", "a2 rate > 90 %, count by indicator"),
    ("a3 derived ratio", "a3 derive r = value / base: avg, min, max, count by indicator"),
    ("a4 group by parent", "a4 members since 2020 by parent (district) × year, top 5"),
    ("a5 sort whole table", "a5 sort the whole table by value, first 5"),
    ("a6 lowest rates", "a6 the 5 lowest rates of the whole table"),
    ("a7 self-join year over year", "a7 members 2023→2024 by self-join, top 5 growth"),
    ("a8 pivot by year", "a8 pivot learning-family rates by year (10 710 communes × 16 years)"),
    ("a9 region text search", f"a9 region ~ \"{SEARCH}\": count and sum by indicator"),
    ("a10 rows without base", "a10 rows without a base, count by indicator"),
    ("a11 min max avg by year", "a11 scholarships: min, max, avg, count by year"),
    ("a12 group by province", "a12 derive province = parent.parent: community rate, top 5"),
]
# Asked of the dataset with provenance (Benchmarks/provenance.khq).
PROVENANCE_QUESTIONS = [
    ("ap1 quote search", "ap1 quote ~ \"quy khuyen hoc\": count and sum by year"),
]
NAMES = [name for name, _ in QUESTIONS]
LABELS = dict(QUESTIONS + PROVENANCE_QUESTIONS)


def fold(text):
    """khuyenhoc's `~` fold (VietnameseText.fold): decompose, drop the marks, đ as d, letters and digits in
    lower case, every other run one space."""
    out, pending = [], False
    for ch in unicodedata.normalize("NFD", text):
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Mc"):
            continue
        if ch.isalpha() or category == "Nd":
            if pending and out:
                out.append(" ")
            pending = False
            out.append("d" if ch in "đĐ" else ch.lower())
        else:
            pending = True
    return "".join(out)


def region_texts(row):
    """What `region ~ "…"` matches: the name, the kind's prefix and the name, the id, the aliases."""
    prefix = "thành phố" if row["kind"].startswith("thành phố") else row["kind"]
    return [row["name"], f"{prefix} {row['name']}", row["id"]] + [a for a in (row["aliases"] or "").split(";") if a]


# ---------------------------------------------------------------------------------------------------
# The peers. Each answers in the same plain shape, which `OURS` also makes from our CSV.

def polars_engine(data):
    import polars as pl

    # khuyenhoc's `rate` column: value ÷ base in percent, null when the base is missing or zero.
    RATE = pl.when(pl.col("base") != 0).then(pl.col("value") / pl.col("base") * 100)

    def load():
        figures = pl.read_csv(os.path.join(data, "figures.csv"),
                              schema_overrides={"value": pl.Float64, "base": pl.Float64, "target": pl.Utf8,
                                                "stated_percent": pl.Utf8})
        regions = pl.read_csv(os.path.join(data, "regions.csv"), schema_overrides={"aliases": pl.Utf8})
        # The hierarchy, made once at load as our engine makes its gazetteer: commune → district → province.
        parent = regions.select(pl.col("id"), pl.col("parent"))
        geo = (regions.filter(pl.col("kind").is_in(["xã", "phường", "thị trấn"]))
               .select(pl.col("id").alias("commune"), pl.col("parent").alias("district"))
               .join(parent.rename({"id": "district", "parent": "province"}), on="district"))
        names = dict(zip(regions["id"].to_list(), regions["name"].to_list()))
        return figures, geo, names, regions

    def rates(figures, geo, indicator, year, level):
        f = figures.filter((pl.col("indicator") == indicator) & (pl.col("year") == year)
                           & pl.col("value").is_not_null() & pl.col("base").is_not_null())
        j = f.join(geo, left_on="region", right_on="commune")
        return j.group_by(level).agg(num=pl.col("value").sum(), den=pl.col("base").sum()) \
            .with_columns(rate=pl.col("num") / pl.col("den") * 100)

    def q2(state):
        figures, geo, names, _ = state
        by = rates(figures, geo, "learning_family", YEAR, "province")
        f = figures.filter((pl.col("indicator") == "learning_family") & (pl.col("year") == YEAR)
                           & pl.col("value").is_not_null() & pl.col("base").is_not_null())
        national = f.join(geo, left_on="region", right_on="commune").select(pl.col("value").sum() / pl.col("base").sum() * 100).item()
        return {"provinces": {names[r["province"]]: r["rate"] for r in by.to_dicts()}, "national": national}

    def q3(state):
        figures = state[0]
        s = figures.filter((pl.col("region") == COMMUNE) & (pl.col("indicator") == "learning_family")
                           & pl.col("value").is_not_null()).sort("year")
        s = s.with_columns(prev_year=pl.col("year").shift(1), change=pl.col("value") - pl.col("value").shift(1))
        rows = s.to_dicts()
        first, last = rows[0], rows[-1]
        cagr = ((last["value"] / first["value"]) ** (1 / (last["year"] - first["year"])) - 1) * 100
        return {"yoy": [[r["prev_year"], r["year"], r["change"]] for r in rows[1:]], "cagr": cagr}

    def q4(state):
        figures, _, names, _ = state
        f = figures.filter((pl.col("indicator") == "fund_raised") & (pl.col("year") == YEAR) & pl.col("target").is_not_null()) \
            .with_columns(target=pl.col("target").cast(pl.Float64)) \
            .filter(pl.col("value") > pl.col("target")) \
            .with_columns(attainment=pl.col("value") / pl.col("target") * 100)
        top = f.sort("attainment", descending=True).head(10).to_dicts()
        return {"count": f.height, "top": [[names[r["region"]], r["attainment"]] for r in top]}

    def q5(state):
        figures, geo, names, _ = state
        d = rates(figures, geo, "learning_family", YEAR, "district")
        n = d.height
        d = d.with_columns(rank=pl.col("rate").rank("min", descending=True),
                           behind=n - pl.col("rate").rank("max", descending=True)) \
            .with_columns(percentile=pl.col("behind") / (n - 1) * 100).sort("rank")
        rows = d.to_dicts()
        pick = lambda rs: [[int(r["rank"]), names[r["district"]], r["rate"], one_decimal(r["percentile"])] for r in rs]
        return {"top": pick(rows[:20]), "bottom": pick(list(reversed(rows[-5:])))}

    def q6(state):
        figures, geo, names, _ = state
        a = rates(figures, geo, "learning_family", FROM_YEAR, "district").select("district", pl.col("rate").alias("a"))
        b = rates(figures, geo, "learning_family", YEAR, "district").select("district", pl.col("rate").alias("b"))
        g = a.join(b, on="district").with_columns(change=pl.col("b") - pl.col("a")).sort("change", descending=True).head(10)
        return {"top": [[names[r["district"]], r["change"]] for r in g.to_dicts()]}

    # The ad-hoc questions. Sorts are stable (maintain_order) so that ties stay in table order, as ours.

    def a1(state):
        g = state[0].filter((pl.col("value") > 1000) & (pl.col("base") > 0)) \
            .group_by("indicator", "year").agg(s=pl.col("value").sum(), n=pl.len()) \
            .sort("s", descending=True).head(3)
        return [[r["indicator"], r["year"], r["s"], r["n"]] for r in g.to_dicts()]

    def a2(state):
        g = state[0].filter(RATE > 90).group_by("indicator").agg(n=pl.len()).sort("indicator")
        return [[r["indicator"], r["n"]] for r in g.to_dicts()]

    def a3(state):
        g = state[0].filter(pl.col("base") > 0).with_columns(r=pl.col("value") / pl.col("base")) \
            .group_by("indicator").agg(avg_r=pl.col("r").mean(), min_r=pl.col("r").min(), max_r=pl.col("r").max(), n=pl.len()) \
            .sort("indicator")
        return [[r["indicator"], r["avg_r"], r["min_r"], r["max_r"], r["n"]] for r in g.to_dicts()]

    def a4(state):
        figures, geo, names, _ = state
        g = figures.filter((pl.col("indicator") == "members") & (pl.col("year") >= 2020)) \
            .join(geo, left_on="region", right_on="commune") \
            .group_by("district", "year").agg(s=pl.col("value").sum()) \
            .sort("s", descending=True, maintain_order=True).head(5)
        return [[names[r["district"]], r["year"], r["s"]] for r in g.to_dicts()]

    def a5(state):
        figures, _, names, _ = state
        top = figures.sort("value", descending=True, nulls_last=True, maintain_order=True).head(5)
        return [[names[r["region"]], r["indicator"], r["year"], r["value"]] for r in top.to_dicts()]

    def a6(state):
        figures, _, names, _ = state
        low = figures.with_columns(rate=RATE).sort("rate", nulls_last=True, maintain_order=True).head(5)
        return [[names[r["region"]], r["indicator"], r["year"], r["rate"]] for r in low.to_dicts()]

    def a7(state):
        figures, _, names, _ = state
        members = lambda year, name: figures.filter((pl.col("indicator") == "members") & (pl.col("year") == year)) \
            .select("region", pl.col("value").alias(name))
        g = members(2024, "v24").join(members(2023, "v23"), on="region", maintain_order="left") \
            .with_columns(growth=pl.col("v24") - pl.col("v23")) \
            .sort("growth", descending=True, nulls_last=True, maintain_order=True).head(5)
        return [[names[r["region"]], r["v24"], r["v23"], r["growth"]] for r in g.to_dicts()]

    def a8(state):
        figures, _, names, _ = state
        p = figures.filter(pl.col("indicator") == "learning_family").with_columns(rate=RATE) \
            .pivot(on="year", index="region", values="rate")
        years = sorted(c for c in p.columns if c != "region")
        rows = [[names[row[0]]] + list(row[1:]) for row in p.select(["region"] + years).iter_rows()]
        return {"years": [int(y) for y in years], "rows": sorted_rows(rows)}

    def a9(state):
        figures, _, _, regions = state
        ids = [r["id"] for r in regions.to_dicts() if any(SEARCH in fold(t) for t in region_texts(r))]
        g = figures.filter(pl.col("region").is_in(ids)).group_by("indicator") \
            .agg(n=pl.len(), s=pl.col("value").sum()).sort("indicator")
        return [[r["indicator"], r["n"], r["s"]] for r in g.to_dicts()]

    def a10(state):
        g = state[0].filter(pl.col("base").is_null()).group_by("indicator").agg(n=pl.len()).sort("indicator")
        return [[r["indicator"], r["n"]] for r in g.to_dicts()]

    def a11(state):
        g = state[0].filter(pl.col("indicator") == "scholarships").group_by("year") \
            .agg(lo=pl.col("value").min(), hi=pl.col("value").max(), mean=pl.col("value").mean(), n=pl.len()).sort("year")
        return [[r["year"], r["lo"], r["hi"], r["mean"], r["n"]] for r in g.to_dicts()]

    def a12(state):
        figures, geo, names, _ = state
        g = figures.filter(pl.col("indicator") == "learning_community").join(geo, left_on="region", right_on="commune") \
            .group_by("province").agg(s=pl.col("value").sum(), b=pl.col("base").sum()) \
            .with_columns(r=pl.col("s") / pl.col("b") * 100).sort("r", descending=True, maintain_order=True).head(5)
        return [[names[r["province"]], r["s"], r["b"], r["r"]] for r in g.to_dicts()]

    def ap1(state):
        g = state[0].filter(pl.col("quote").str.contains("(?i)" + QUOTE_SEARCH)).group_by("year") \
            .agg(n=pl.len(), s=pl.col("value").sum()).sort("year")
        return [[r["year"], r["n"], r["s"]] for r in g.to_dicts()]

    return load, dict(zip(NAMES + ["ap1 quote search"], [q2, q3, q4, q5, q6, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, ap1]))


DUCKDB_LOAD = """CREATE TABLE figures AS SELECT * FROM read_csv('{figures}', header = true,
                 types = {{'value': 'DOUBLE', 'base': 'DOUBLE', 'target': 'VARCHAR', 'stated_percent': 'VARCHAR'}});
                 CREATE TABLE regions AS SELECT * FROM read_csv('{regions}', header = true, types = {{'aliases': 'VARCHAR'}});
                 CREATE TABLE geo AS SELECT c.id AS commune, c.parent AS district, d.parent AS province
                 FROM regions c JOIN regions d ON c.parent = d.id WHERE c.kind IN ('xã', 'phường', 'thị trấn')"""


def duckdb_engine(data):
    import duckdb

    def load():
        con = duckdb.connect()
        con.execute(DUCKDB_LOAD.format(figures=os.path.join(data, "figures.csv"), regions=os.path.join(data, "regions.csv")))
        return con

    RATES = """SELECT g.{level} AS region, sum(f.value) / sum(f.base) * 100 AS rate
               FROM figures f JOIN geo g ON f.region = g.commune
               WHERE f.indicator = 'learning_family' AND f.year = {year} AND f.value IS NOT NULL AND f.base IS NOT NULL
               GROUP BY g.{level}"""
    # khuyenhoc's `rate` column: value ÷ base in percent, null when the base is missing or zero.
    RATE = "CASE WHEN base <> 0 THEN value / base * 100 END"

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

    # The ad-hoc questions. Ties are broken by rowid (the CSV's order, which the load keeps), as ours.

    def a1(con):
        return rows_of(con, """SELECT indicator, year, sum(value) AS s, count(*) AS n FROM figures
                               WHERE value > 1000 AND base > 0 GROUP BY indicator, year ORDER BY s DESC LIMIT 3""")

    def a2(con):
        return rows_of(con, f"SELECT indicator, count(*) FROM figures WHERE {RATE} > 90 GROUP BY indicator ORDER BY indicator")

    def a3(con):
        return rows_of(con, """SELECT indicator, avg(r), min(r), max(r), count(*)
                               FROM (SELECT indicator, value / base AS r FROM figures WHERE base > 0)
                               GROUP BY indicator ORDER BY indicator""")

    def a4(con):
        return rows_of(con, """SELECT r.name, t.year, t.s FROM (
                                   SELECT g.district, f.year, sum(f.value) AS s, min(f.rowid) AS first
                                   FROM figures f JOIN geo g ON f.region = g.commune
                                   WHERE f.indicator = 'members' AND f.year >= 2020 GROUP BY g.district, f.year) t
                               JOIN regions r ON r.id = t.district ORDER BY t.s DESC, t.first LIMIT 5""")

    def a5(con):
        return rows_of(con, """SELECT r.name, f.indicator, f.year, f.value FROM figures f JOIN regions r ON r.id = f.region
                               ORDER BY f.value DESC NULLS LAST, f.rowid LIMIT 5""")

    def a6(con):
        return rows_of(con, f"""SELECT r.name, f.indicator, f.year, f.rate
                                FROM (SELECT rowid AS k, region, indicator, year, {RATE} AS rate FROM figures) f
                                JOIN regions r ON r.id = f.region ORDER BY f.rate ASC NULLS LAST, f.k LIMIT 5""")

    def a7(con):
        return rows_of(con, """SELECT r.name, b.value, a.value, b.value - a.value AS growth
                               FROM figures b JOIN figures a ON a.region = b.region
                               JOIN regions r ON r.id = b.region
                               WHERE b.indicator = 'members' AND b.year = 2024 AND a.indicator = 'members' AND a.year = 2023
                               ORDER BY growth DESC NULLS LAST, b.rowid LIMIT 5""")

    def a8(con):
        con.execute(f"""CREATE OR REPLACE TEMP TABLE a8 AS PIVOT (SELECT region, year, {RATE} AS rate FROM figures
                        WHERE indicator = 'learning_family') ON year USING first(rate) GROUP BY region""")
        years = sorted(c for c in (d[0] for d in con.execute("SELECT * FROM a8 LIMIT 0").description) if c != "region")
        cols = ", ".join(f'"{y}"' for y in years)
        rows = con.execute(f"SELECT r.name, {cols} FROM a8 JOIN regions r ON r.id = a8.region").fetchall()
        return {"years": [int(y) for y in years], "rows": sorted_rows([list(row) for row in rows])}

    def a9(con):
        match = " OR ".join(f"strip_accents(lower({t})) LIKE '%{SEARCH}%'" for t in [
            "name", "(CASE WHEN kind LIKE 'thành phố%' THEN 'thành phố' ELSE kind END) || ' ' || name", "id", "coalesce(aliases, '')"])
        return rows_of(con, f"""SELECT indicator, count(*), sum(value) FROM figures
                                WHERE region IN (SELECT id FROM regions WHERE {match})
                                GROUP BY indicator ORDER BY indicator""")

    def a10(con):
        return rows_of(con, "SELECT indicator, count(*) FROM figures WHERE base IS NULL GROUP BY indicator ORDER BY indicator")

    def a11(con):
        return rows_of(con, """SELECT year, min(value), max(value), avg(value), count(*) FROM figures
                               WHERE indicator = 'scholarships' GROUP BY year ORDER BY year""")

    def a12(con):
        return rows_of(con, """SELECT r.name, t.s, t.b, t.s / t.b * 100 AS rate FROM (
                                   SELECT g.province, sum(f.value) AS s, sum(f.base) AS b, min(f.rowid) AS first
                                   FROM figures f JOIN geo g ON f.region = g.commune
                                   WHERE f.indicator = 'learning_community' GROUP BY g.province) t
                               JOIN regions r ON r.id = t.province ORDER BY rate DESC, t.first LIMIT 5""")

    def ap1(con):
        return rows_of(con, f"""SELECT year, count(*), sum(value) FROM figures WHERE quote ILIKE '%{QUOTE_SEARCH}%'
                                GROUP BY year ORDER BY year""")

    return load, dict(zip(NAMES + ["ap1 quote search"], [q2, q3, q4, q5, q6, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, ap1]))


def rows_of(con, sql):
    return [list(r) for r in con.execute(sql).fetchall()]


def sorted_rows(rows):
    """Rows in one order whatever order an engine gives them in (names first, missing cells last)."""
    return sorted(rows, key=lambda r: [(v is None, v if v is not None else 0) for v in r])


def run_worker(engine, data, repeat, which):
    """Loads once, then answers every question of the set `which` `repeat` times; prints JSON."""
    load, questions = {"polars": polars_engine, "duckdb": duckdb_engine}[engine](data)
    names = [n for n, _ in (PROVENANCE_QUESTIONS if which == "provenance" else QUESTIONS)]
    start = time.perf_counter()
    state = load()
    load_s = time.perf_counter() - start
    out = {"engine": engine, "load_s": load_s, "memory_after_load_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
           "questions": []}
    for name in names:
        times, answer = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            answer = questions[name](state)
            times.append(time.perf_counter() - start)
        out["questions"].append({"name": name, "median_s": statistics.median(times), "answer": answer})
    print(json.dumps(out))


def duckdb_database(data, path):
    """Writes the dataset into a DuckDB database file of its own (the peer of `khuyenhoc pack`); prints
    the seconds it took."""
    import duckdb
    start = time.perf_counter()
    con = duckdb.connect(path)
    con.execute(DUCKDB_LOAD.format(figures=os.path.join(data, "figures.csv"), regions=os.path.join(data, "regions.csv")))
    con.close()
    print(json.dumps({"seconds": time.perf_counter() - start}))


def duckdb_open(path):
    """In a fresh process: opens the database file and answers one tiny question; prints the seconds from
    connect to the answer (Python's start and `import duckdb` before it not counted) and the answer."""
    import duckdb
    start = time.perf_counter()
    con = duckdb.connect(path, read_only=True)
    indicator, region, year = TINY
    answer = con.execute(f"SELECT value FROM figures WHERE indicator = '{indicator}' AND region = '{region}' AND year = {year}").fetchone()[0]
    print(json.dumps({"seconds": time.perf_counter() - start, "answer": answer}))


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


def num(text):
    """A cell of our CSV as a number; an empty cell is missing (None), never zero."""
    return None if text == "" else float(text)


def cells(text, *columns):
    """The rows of one answer, the given columns of each; `column:n` reads a number, a bare name text."""
    out = []
    for r in table(text):
        out.append([num(r[c[:-2]]) if c.endswith(":n") else r[c] for c in columns])
    return out


def ours_q2(a):
    rows = table(a[0])
    return {"provinces": {r["region"]: float(r["rate"]) for r in rows[:-1]}, "national": float(rows[-1]["rate"])}


def ours_q5(a):
    pick = lambda rs: [[int(float(r["rank"])), r["region"], float(r["rate"]), float(r["percentile"])] for r in rs]
    return {"top": pick(table(a[0])), "bottom": pick(table(a[1]))}


def ours_a8(a):
    rows = table(a[0])
    years = [c for c in rows[0] if c != "region"]
    return {"years": [int(y) for y in years], "rows": sorted_rows([[r["region"]] + [num(r[y]) for y in years] for r in rows])}


# Each question's answers (one CSV per statement that shows a value) in the peers' shape.
OURS = {
    "q2 rate by province": ours_q2,
    "q3 commune series": lambda a: {"yoy": [[int(r["from"]), int(r["to"]), float(r["change"])] for r in table(a[0])], "cagr": float(a[1])},
    "q4 fund attainment": lambda a: {"count": int(a[0]), "top": [[r["region"], float(r["attainment"])] for r in table(a[1])]},
    "q5 rank districts": ours_q5,
    "q6 growth in points": lambda a: {"top": [[r["region"], float(r["change"])] for r in table(a[0])]},
    "a1 value and base filter": lambda a: cells(a[0], "indicator", "year:n", "s:n", "n:n"),
    "a2 rate filter": lambda a: cells(a[0], "indicator", "n:n"),
    "a3 derived ratio": lambda a: cells(a[0], "indicator", "avg_r:n", "min_r:n", "max_r:n", "n:n"),
    "a4 group by parent": lambda a: cells(a[0], "parent", "year:n", "s:n"),
    "a5 sort whole table": lambda a: cells(a[0], "region", "indicator", "year:n", "value:n"),
    "a6 lowest rates": lambda a: cells(a[0], "region", "indicator", "year:n", "rate:n"),
    "a7 self-join year over year": lambda a: cells(a[0], "region", "v24:n", "v23:n", "growth:n"),
    "a8 pivot by year": ours_a8,
    "a9 region text search": lambda a: cells(a[0], "indicator", "n:n", "s:n"),
    "a10 rows without base": lambda a: cells(a[0], "indicator", "n:n"),
    "a11 min max avg by year": lambda a: cells(a[0], "year:n", "lo:n", "hi:n", "mean:n", "n:n"),
    "a12 group by province": lambda a: cells(a[0], "province", "s:n", "b:n", "r:n"),
    "ap1 quote search": lambda a: cells(a[0], "year:n", "n:n", "s:n"),
}


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


def run_process(command, what=None):
    """Runs a command with the step's deadline; returns its standard output, its wall time and its peak
    memory (ru_maxrss). A command that fails stops the benchmark."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            try:
                os.execvp(command[0], command)
            finally:
                os._exit(127)
        status, usage = wait_for(pid, what or " ".join(command))
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"compare: {' '.join(command)} failed with status {status}")
        out.seek(0)
        return out.read().decode(), wall, usage.ru_maxrss * 1024


def run_engine(command, what=None):
    text, _, peak = run_process(command, what)
    return json.loads(text), peak


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
        try:
            read_until(fd, b"khq> ", what, timeout=10)
        except StepTimeout:
            # The shell can lose a Ctrl-C that comes right after a Tab that matched nothing (seen on
            # 2026-12-03): counted and reported, then a second one, so that the figures still come.
            LOST_INTERRUPTS[typed] = LOST_INTERRUPTS.get(typed, 0) + 1
            os.write(fd, b"\x03")
            read_until(fd, b"khq> ", what + " (a second Ctrl-C)", timeout=60)
        drain(fd, what)
    leave_shell(pid, fd, what)
    return statistics.median(times)


LOST_INTERRUPTS = {}   # typed text → Ctrl-Cs the shell did not answer with a new prompt within 10 s


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


def merge_runs(all_runs):
    """One engine's runs as one result: medians of the times, the largest peak memory."""
    merged = dict(all_runs[0])
    merged["load_s"] = statistics.median(r["load_s"] for r in all_runs)
    merged["load_runs_s"] = [r["load_s"] for r in all_runs]
    merged["peak"] = max(r["peak"] for r in all_runs)
    merged["memory_after_load_bytes"] = max(r["memory_after_load_bytes"] for r in all_runs)
    merged["questions"] = [dict(q, median_s=statistics.median(r["questions"][k]["median_s"] for r in all_runs))
                           for k, q in enumerate(all_runs[0]["questions"])]
    return merged


def run_all(commands, runs):
    """Each engine in `runs` fresh processes, taking turns, so that no engine gains from going first or
    last; a step's figure is the median over the runs, peak memory the largest."""
    out = {engine: [] for engine in commands}
    for _ in range(runs):
        for engine, command in commands.items():
            result, peak = run_engine(command, f"{engine} ({' '.join(command)})")
            result["peak"] = peak
            out[engine].append(result)
    return {engine: merge_runs(r) for engine, r in out.items()}


def check_answers(results, problems):
    """Every peer's answer against ours, each put in the same shape."""
    ours = {q["name"]: q for q in results["khuyenhoc"]["questions"]}
    for q in ours.values():
        if q["error"]:
            problems.append(f"khuyenhoc, {q['name']}: {q['error']}")
    for engine in ["polars", "duckdb"]:
        for q in results[engine]["questions"]:
            if ours[q["name"]]["error"]:
                continue
            try:
                mine = OURS[q["name"]](ours[q["name"]]["answers"])
            except (KeyError, ValueError, IndexError) as e:
                problems.append(f"khuyenhoc, {q['name']}: its answer cannot be read ({e!r}): {ours[q['name']]['answers']!r:.300}")
                continue
            problem = same(mine, q["answer"])
            if problem:
                problems.append(f"{engine} disagrees on {q['name']}: {problem}")


def warm(paths):
    """Reads files once, so that every engine reads them from the page cache, not from disk."""
    for path in paths:
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass


# ---------------------------------------------------------------------------------------------------
# Load with provenance: the dataset again, with a document, a quote and a note on every row.

# Each indicator's words in its sentence: what opens it, and the unit after each number.
PROVENANCE_WORDS = {
    "learning_family": ("Gia đình học tập", "hộ"), "learning_clan": ("Dòng họ học tập", "dòng họ"),
    "learning_community": ("Cộng đồng học tập", "cộng đồng"), "learning_unit": ("Đơn vị học tập", "đơn vị"),
    "learning_citizen": ("Công dân học tập", "người"), "members": ("Hội viên khuyến học", "người"),
    "new_members": ("Hội viên mới kết nạp", "người"), "chapters": ("Chi hội khuyến học", "chi hội"),
    "fund_raised": ("Quỹ khuyến học", "đồng"), "scholarships": ("Học bổng đã trao", "suất"),
    "clc_classes": ("Lớp học tại trung tâm học tập cộng đồng", "lớp"), "clc_attendance": ("Lượt người học tại trung tâm", "lượt"),
}
PROVENANCE_VERSION = "1"   # bump when the sentences change, so that a kept folder is written again


def vietnamese_number(text):
    """A whole number as a Vietnamese report prints it: 2.131.000.000."""
    digits = str(int(float(text)))
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join([digits] + groups)


def provenance_sentence(row):
    """A row's sentence in its report, printing every figure the loader checks: value, base, the stated
    percentage as printed, the target."""
    label, unit = PROVENANCE_WORDS[row["indicator"]]
    if row["indicator"] == "fund_raised" and int(row["year"]) % 2:
        label = "Số tiền vận động quỹ khuyến học"      # so that the quote search (ap1) must ignore case
    s = f"{label}: {vietnamese_number(row['value'])} {unit}"
    if row["base"]:
        s += f" trên tổng số {vietnamese_number(row['base'])} {unit}"
    if row["stated_percent"]:
        s += f" (đạt {row['stated_percent']})"
    if row["target"]:
        t = row["target"]
        s += f"; chỉ tiêu {t if t.endswith('%') else vietnamese_number(t) + ' ' + unit}"
    return unicodedata.normalize("NFC", s + ".")


def document_name(region, year):
    return f"{region.replace('/', '-')}-{year}.txt"


def write_provenance(data, folder):
    """The dataset of `data` in `folder`, each row with a document, a note and a quote: one short report
    per commune and year in folder/documents/ (where DatasetLoader looks), the row's quote its own
    sentence of that report, word for word. Prints the number of documents."""
    os.makedirs(os.path.join(folder, "documents"), exist_ok=True)
    shutil.copyfile(os.path.join(data, "regions.csv"), os.path.join(folder, "regions.csv"))
    written, key, lines = set(), None, []

    def flush():
        if key is None:
            return
        name = document_name(*key)
        mode = "a" if name in written else "w"          # a commune-year met again later: its report grows
        with open(os.path.join(folder, "documents", name), mode, encoding="utf-8") as doc:
            if mode == "w":
                doc.write(f"Báo cáo công tác khuyến học, khuyến tài năm {key[1]} ({key[0]})\n\n")
            doc.write("\n".join(lines) + "\n")
        written.add(name)

    with open(os.path.join(data, "figures.csv"), newline="", encoding="utf-8") as src, \
         open(os.path.join(folder, "figures.csv"), "w", newline="", encoding="utf-8") as out:
        rows = csv.DictReader(src)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(rows.fieldnames + ["document", "note", "quote"])
        for row in rows:
            k = (row["region"], row["year"])
            if k != key:
                flush()
                key, lines = k, []
            sentence = provenance_sentence(row)
            lines.append(sentence)
            writer.writerow([row[c] for c in rows.fieldnames] + [document_name(*k), f"tổng hợp từ báo cáo năm {k[1]}", sentence])
        flush()
    print(json.dumps({"documents": len(written)}))


def provenance_data(data):
    """The folder with provenance beside `data`, written once (in a process of its own, with the step's
    deadline) and kept while the dataset and the sentences stay the same."""
    folder = data.rstrip("/") + "-provenance"
    stamp = os.path.join(folder, "made-from.txt")
    source = open(os.path.join(data, "observations.txt")).read().strip()
    want = f"{source} {os.path.getsize(os.path.join(data, 'figures.csv'))} v{PROVENANCE_VERSION}"
    if os.path.exists(stamp) and open(stamp).read().strip() == want:
        return folder
    print(f"writing the dataset with provenance in {folder} …", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    text, wall, _ = run_process([sys.executable, os.path.abspath(__file__), "--worker", "provenance-data", "--data", data, "--into", folder],
                                "writing the dataset with provenance")
    print(f"  {json.loads(text)['documents']:,} documents in {wall:.1f} s", file=sys.stderr)
    with open(stamp, "w") as f:
        f.write(want + "\n")
    return folder


def provenance_step(data, args):
    """Loads the dataset with provenance in each engine (--runs fresh processes each) and asks ap1 of it.
    A step past its deadline is reported in the table instead of stopping the benchmark."""
    try:
        folder = provenance_data(data)
        warm([os.path.join(folder, "figures.csv"), os.path.join(folder, "regions.csv")]
             + [os.path.join(folder, "documents", n) for n in os.listdir(os.path.join(folder, "documents"))])
        commands = engine_commands(folder, args, PROVENANCE_QUESTIONS_FILE, "provenance")
        results = run_all(commands, args.runs)
        results["folder"] = folder
        return results
    except StepTimeout as e:
        print(f"compare: the load with provenance was stopped: {e}", file=sys.stderr)
        return {"stopped": str(e)}


# ---------------------------------------------------------------------------------------------------
# The packed dataset file (`khuyenhoc pack DIR`), opened by a fresh process, against DuckDB opening a
# database file of its own.

def can_pack():
    """Whether this build has `khuyenhoc pack`: its --help must succeed and be the subcommand's own (a
    build without it takes `pack` for a script's name and prints the general help)."""
    try:
        done = subprocess.run([KHUYENHOC, "pack", "--help"], capture_output=True, text=True, timeout=60)
    except (subprocess.TimeoutExpired, OSError):
        return False
    return done.returncode == 0 and "khuyenhoc pack" in done.stdout + done.stderr


def tiny_query():
    indicator, region, year = TINY
    return f'value({indicator}, "{region}", {year})'


def open_to_answer(folder, repeat):
    """A fresh `khuyenhoc --data FOLDER -c QUERY` from exec to its answer: median wall time, the largest
    peak memory and the answer."""
    times, peak, answer = [], 0, None
    for _ in range(repeat):
        text, wall, rss = run_process([KHUYENHOC, "--data", folder, "--format", "csv", "-c", tiny_query()], f"khuyenhoc opening {folder}")
        times.append(wall)
        peak, answer = max(peak, rss), text.strip()
    return statistics.median(times), peak, answer


def pack_step(data, args):
    if not can_pack():
        print("compare: `khuyenhoc pack --help` fails: this build has no pack; the packed-file step is skipped", file=sys.stderr)
        return {"skipped": "khuyenhoc pack --help fails: this build has no pack"}
    try:
        folder = data.rstrip("/") + "-packed"          # a copy, so that the other steps read the CSV as before
        os.makedirs(folder, exist_ok=True)
        for name in ("figures.csv", "regions.csv"):
            shutil.copyfile(os.path.join(data, name), os.path.join(folder, name))
        repeat = max(args.repeat, 5)
        out = {"folder": folder, "pack_runs_s": [], "pack_peak": 0}
        for _ in range(args.runs):
            _, wall, rss = run_process([KHUYENHOC, "pack", folder], f"khuyenhoc pack {folder}")
            out["pack_runs_s"].append(wall)
            out["pack_peak"] = max(out["pack_peak"], rss)
        out["pack_s"] = statistics.median(out["pack_runs_s"])
        out["open_s"], out["open_peak"], out["answer"] = open_to_answer(folder, repeat)
        out["open_csv_s"], out["open_csv_peak"], _ = open_to_answer(data, repeat)

        db_folder = data.rstrip("/") + "-duckdb"
        db = os.path.join(db_folder, "figures.duckdb")
        shutil.rmtree(db_folder, ignore_errors=True)
        os.makedirs(db_folder)
        text, _, out["duckdb_write_peak"] = run_process([sys.executable, os.path.abspath(__file__), "--worker", "duckdb-database",
                                                         "--data", data, "--into", db], "DuckDB writing its database file")
        out["duckdb_write_s"] = json.loads(text)["seconds"]
        inside, walls, peak = [], [], 0
        for _ in range(repeat):
            text, wall, rss = run_process([sys.executable, os.path.abspath(__file__), "--worker", "duckdb-open", "--into", db], "DuckDB opening its file")
            opened = json.loads(text)
            inside.append(opened["seconds"])
            walls.append(wall)
            peak = max(peak, rss)
            out["duckdb_answer"] = opened["answer"]
        out["duckdb_open_s"], out["duckdb_open_process_s"], out["duckdb_open_peak"] = statistics.median(inside), statistics.median(walls), peak
        return out
    except StepTimeout as e:
        print(f"compare: the packed-file step was stopped: {e}", file=sys.stderr)
        return {"stopped": str(e)}


def engine_commands(data, args, questions, which):
    worker = lambda engine: [sys.executable, os.path.abspath(__file__), "--worker", engine, "--which", which,
                             "--data", data, "--repeat", str(args.repeat)]
    return {"khuyenhoc": [BENCH, "--data", data, "--questions", questions, "--repeat", str(args.repeat)],
            "polars": worker("polars"), "duckdb": worker("duckdb")}


def main():
    global TIMEOUT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--observations", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=7, help="times each question is asked in one run")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per engine, taking turns")
    parser.add_argument("--data", help="the dataset folder (default: /tmp/khuyenhoc-bench-N)")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--shell-only", action="store_true", help="only the shell's start-up and Tab completion")
    parser.add_argument("--no-provenance", action="store_true", help="skip the load of the dataset with a document, quote and note on every row")
    parser.add_argument("--no-pack", action="store_true", help="skip the packed dataset file (khuyenhoc pack) against DuckDB's database file")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds any one step may take before the benchmark stops (default 1800)")
    parser.add_argument("--worker", choices=["polars", "duckdb", "provenance-data", "duckdb-database", "duckdb-open"], help=argparse.SUPPRESS)
    parser.add_argument("--which", choices=["main", "provenance"], default="main", help=argparse.SUPPRESS)
    parser.add_argument("--into", help=argparse.SUPPRESS)
    args = parser.parse_args()
    TIMEOUT = args.timeout
    data = args.data or os.path.join(tempfile.gettempdir(), f"khuyenhoc-bench-{args.observations}")
    if args.worker in ("polars", "duckdb"):
        return run_worker(args.worker, data, args.repeat, args.which)
    if args.worker == "provenance-data":
        return write_provenance(data, args.into)
    if args.worker == "duckdb-database":
        return duckdb_database(data, args.into)
    if args.worker == "duckdb-open":
        return duckdb_open(args.into)

    os.makedirs(data, exist_ok=True)
    generate(data, args.observations)
    if args.shell_only:
        return print_shell_figures(data, args, None)
    size = os.path.getsize(os.path.join(data, "figures.csv"))
    warm([os.path.join(data, "figures.csv"), os.path.join(data, "regions.csv")])
    results = run_all(engine_commands(data, args, QUESTIONS_FILE, "main"), args.runs)
    provenance = None if args.no_provenance else provenance_step(data, args)
    packed = None if args.no_pack else pack_step(data, args)

    # Every engine must give the same answers before any time means anything.
    problems = []
    check_answers(results, problems)
    if provenance and "stopped" not in provenance:
        check_answers(provenance, problems)
    if packed and "answer" in packed:
        problem = same(float(packed["answer"]), packed["duckdb_answer"], "the first answer after opening")
        if problem:
            problems.append(f"duckdb disagrees with the packed file: {problem}")
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
        peers = [t for t in (polars_s, duck_s) if t is not None]
        ratio = f"{ours_s / min(peers):.2f}×" if peers and ours_s is not None else ""
        show = lambda t: "—" if t is None else cell(t)
        print(f"| {label} | {show(ours_s)} | {show(polars_s)} | {show(duck_s)} | {ratio} |")

    mib = lambda b: f"{b / 2**20:,.0f} MiB"

    def memory(label, ours_b, polars_b, duck_b):
        show = lambda b: "—" if b is None else mib(b)
        print(f"| {label} | {show(ours_b)} | {show(polars_b)} | {show(duck_b)} | |")

    line("1 load the CSV", results["khuyenhoc"]["load_s"], results["polars"]["load_s"], results["duckdb"]["load_s"])
    if provenance and "stopped" not in provenance:
        line("1p load the CSV with a document, quote and note on every row", provenance["khuyenhoc"]["load_s"],
             provenance["polars"]["load_s"], provenance["duckdb"]["load_s"])
    by = {e: {q["name"]: q["median_s"] for q in results[e]["questions"]} for e in ("khuyenhoc", "polars", "duckdb")}
    for name in NAMES:
        line(LABELS[name], by["khuyenhoc"][name], by["polars"][name], by["duckdb"][name])
    if provenance and "stopped" not in provenance:
        pby = {e: {q["name"]: q["median_s"] for q in provenance[e]["questions"]} for e in ("khuyenhoc", "polars", "duckdb")}
        for name, label in PROVENANCE_QUESTIONS:
            line(label + " (dataset with provenance)", pby["khuyenhoc"][name], pby["polars"][name], pby["duckdb"][name])
    if packed and "pack_s" in packed:
        line("pack: khuyenhoc pack; DuckDB writes its database file", packed["pack_s"], None, packed["duckdb_write_s"])
        line("open the packed file to the first answer (a fresh process)", packed["open_s"], None, packed["duckdb_open_s"])
    memory("peak memory after the load", *(results[e]["memory_after_load_bytes"] for e in ("khuyenhoc", "polars", "duckdb")))
    memory("peak memory, the load and every question", results["khuyenhoc"]["peak"], results["polars"]["peak"], results["duckdb"]["peak"])
    if provenance and "stopped" not in provenance:
        memory("peak memory after the load with provenance", *(provenance[e]["memory_after_load_bytes"] for e in ("khuyenhoc", "polars", "duckdb")))
    if packed and "pack_s" in packed:
        memory("peak memory, opening the packed file", packed["open_peak"], None, packed["duckdb_open_peak"])

    if provenance:
        if "stopped" in provenance:
            print(f"\nLoad with provenance: stopped ({provenance['stopped']}).")
        else:
            print(f"\nLoad with provenance: {provenance['khuyenhoc']['rows']:,} rows, each with a document (one report per commune and year, "
                  f"{len(os.listdir(os.path.join(provenance['folder'], 'documents'))):,} of them), a note and a quote word for word in its document; "
                  f"the peers read the same CSV. khuyenhoc's load runs: {', '.join(cell(t) for t in provenance['khuyenhoc']['load_runs_s'])}.")
    if packed:
        if "skipped" in packed:
            print(f"\nPacked file: skipped ({packed['skipped']}).")
        elif "stopped" in packed:
            print(f"\nPacked file: stopped ({packed['stopped']}).")
        else:
            print(f"\nPacked file: khuyenhoc's open is the whole process, from exec to the answer of `{tiny_query()}` "
                  f"({cell(packed['open_csv_s'])} on the CSV folder, {mib(packed['open_csv_peak'])}); DuckDB's is connect and the same "
                  f"query in a fresh Python process, Python's start and `import duckdb` not counted (the whole process: "
                  f"{cell(packed['duckdb_open_process_s'])}). khuyenhoc pack's peak memory {mib(packed['pack_peak'])}.")

    results["provenance"], results["packed"], results["labels"] = provenance, packed, LABELS
    print_shell_figures(data, args, results)


def print_shell_figures(data, args, results):
    """The shell's start-up to the first prompt and Tab completion, on a real pseudo-terminal. The JSON
    is written first without them, so that a shell that fails here loses none of the other figures."""
    def write_json():
        if args.json and results is not None:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=1, ensure_ascii=False)
    write_json()
    startup_embedded = time_to_prompt([])
    startup_data = time_to_prompt(["--data", data])
    completion = completion_latency(["--data", data], 'series(learning_family, "dong cam')
    no_match = completion_latency(["--data", data], 'series(learning_family, "zz')
    print(f"\nkhuyenhoc shell, start-up to the first prompt: {cell(startup_embedded)} with the embedded dataset, "
          f"{cell(startup_data)} with the dataset of {data}; Tab completing a region name: {cell(completion)} "
          f"(a name that matches nothing: {cell(no_match)}).")
    if LOST_INTERRUPTS:
        lost = "; ".join(f"{n} of 7 after Tab on {typed!r}" for typed, n in LOST_INTERRUPTS.items())
        print(f"The shell did not answer a Ctrl-C right after Tab (a new prompt within 10 s): {lost}; a second Ctrl-C did.")
    if results is not None:
        results["startup_embedded_s"], results["startup_data_s"] = startup_embedded, startup_data
        results["completion_s"], results["completion_no_match_s"] = completion, no_match
        results["lost_interrupts"] = LOST_INTERRUPTS
        write_json()


if __name__ == "__main__":
    try:
        main()
    except StepTimeout as e:
        sys.exit(f"compare: stopped: {e}")
