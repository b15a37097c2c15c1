#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the repository's own files (scripts/fuzz.sh runs it).

    Fuzz/make-corpus.py OUT      # OUT/<Target>/<name>, one seed a file; OUT is wiped first

Seeds: the query golden files, the notebooks' code cells and the language reference's examples (for
FuzzQuery and FuzzEvaluate); seeds/figures.csv in small pieces (FuzzFigures); seeds/regions.csv
(FuzzRegions); the notebooks, their cells and kernel requests (FuzzNotebookJSON). Each comes with a
few small mutations of the kinds that have broken readers before: line endings, a byte-order mark,
cut-off text, quoted line breaks, long digit runs, lone surrogates.
"""

import hashlib
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(out, target, data):
    """One seed, named by its content so that duplicates collapse."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def notebooks():
    for path in sorted((ROOT / "Notebooks").glob("*.ipynb")):
        yield path, json.loads(path.read_text(encoding="utf-8"))


def source(cell):
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def queries():
    """Every query text the repository holds: golden inputs, notebook code cells, the reference's examples."""
    for path in sorted((ROOT / "Tests/LearningQueryTests/Golden").rglob("*.khq")):
        yield path.read_text(encoding="utf-8")
    for _, notebook in notebooks():
        for cell in notebook.get("cells", []):
            if cell.get("cell_type") == "code":
                yield source(cell)
    block = None
    for line in (ROOT / "docs/query-language.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if block is None and line.strip() == "```":
                block = []
            elif block is not None:
                yield "\n".join(block) + "\n"
                block = None
            continue
        if block is not None:
            block.append(line)


def query_seeds(out):
    texts = list(dict.fromkeys(queries()))
    for i, text in enumerate(texts):
        for target in ("FuzzQuery", "FuzzEvaluate"):
            write(out, target, text)
        # Cut off midway (open brackets and strings), and two queries as one script.
        write(out, "FuzzQuery", text[: len(text) // 2])
        write(out, "FuzzQuery", text + "\n" + texts[(i + 1) % len(texts)])
    for text in ("figures | derive a = value * 2 | top 3 by a", "let t = figures\nt | group region aggregate n = count() | sort n desc",
                 "figures | where value > 1e3 | select region, value | take 2", "\ufeff" + texts[0], texts[0].replace("\n", "\r\n")):
        for target in ("FuzzQuery", "FuzzEvaluate"):
            write(out, target, text)


def figures_seeds(out):
    text = (ROOT / "seeds/figures.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header, rows = lines[0], lines[1:]
    write(out, "FuzzFigures", text)
    # Small pieces: libFuzzer mutates short inputs far faster, and each piece keeps the header.
    pieces = ["\n".join([header] + rows[k:k + 6]) + "\n" for k in range(0, len(rows), 6)]
    for piece in pieces:
        write(out, "FuzzFigures", piece)
    first = pieces[0]
    write(out, "FuzzFigures", first.replace("\n", "\r\n"))
    write(out, "FuzzFigures", "\ufeff" + first)
    write(out, "FuzzFigures", header + "\n")
    write(out, "FuzzFigures", first[: len(first) // 2])
    write(out, "FuzzFigures", first + rows[0] + "\n")  # a duplicate row
    # Region names instead of ids, and the short header the readme shows.
    names = {}
    for line in (ROOT / "seeds/regions.csv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split(",")
        if len(parts) > 2:
            names[parts[0]] = parts[1]
    short = ["region,indicator,year,value,base,target,stated_percent,note"]
    for k, (rid, name) in enumerate(list(names.items())[:8]):
        short.append(f"{name},members,{2010 + k},{1000 + k},,,,")
        short.append(f'{rid},learning_family,{2010 + k},{k},{2 * k + 1},"75%","50,00%","a note, with a comma"')
        short.append(f'{rid},learning_clan,{2010 + k},10,20,,,"two\nlines"')
    write(out, "FuzzFigures", "\n".join(short) + "\n")
    write(out, "FuzzFigures", "\r\n".join(short) + "\r\n")
    write(out, "FuzzFigures", "region,indicator,year,value,base,target,stated_percent\n"
          "ho-chi-minh/binh-thanh,members,2022," + "9" * 40 + ",,,\n")


def regions_seeds(out):
    text = (ROOT / "seeds/regions.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    write(out, "FuzzRegions", text)
    write(out, "FuzzRegions", text.replace("\n", "\r\n"))
    write(out, "FuzzRegions", "\ufeff" + text)
    for k in range(2, len(lines), 3):
        write(out, "FuzzRegions", "\n".join(lines[:k]) + "\n")
    write(out, "FuzzRegions", "\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n")  # no evidence column


def notebook_seeds(out):
    for path, notebook in notebooks():
        write(out, "FuzzNotebookJSON", path.read_bytes())
        for cell in notebook.get("cells", []):
            write(out, "FuzzNotebookJSON", json.dumps(cell, ensure_ascii=False, indent=1))
            for output in cell.get("outputs", []):
                write(out, "FuzzNotebookJSON", json.dumps(output, ensure_ascii=False))
        # A notebook of one code cell per query, and the same as kernel requests, one per line.
        codes = [source(c) for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
        write(out, "FuzzNotebookJSON", "\n".join(json.dumps({"code": code}) for code in codes) + "\n")
    svg = (ROOT / "Tests/LearningNotebookTests/Golden/learning-family-rates.svg").read_text(encoding="utf-8")
    write(out, "FuzzNotebookJSON", json.dumps({"output_type": "display_data", "data": {"image/svg+xml": svg}, "metadata": {}}))
    for text in ('{"code": "rate(learning_family, \\"Bình Thạnh\\", 2022)"}\n',
                 '{"code": ["figures\\n", "| take 2"]}\n{"code": 1}\nnot json\n',
                 '["\\ud800\\u0041", "\\ud83d\\ude00", "\\u00e0"]', '{"a": [1e999, -0, 0.1, 1e15, 123456789012345678]}'):
        write(out, "FuzzNotebookJSON", text)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-corpus.py OUT")
    out = pathlib.Path(sys.argv[1])
    shutil.rmtree(out, ignore_errors=True)
    query_seeds(out)
    figures_seeds(out)
    regions_seeds(out)
    notebook_seeds(out)
    for folder in sorted(out.iterdir()):
        print(f"{folder.name}: {sum(1 for _ in folder.iterdir())} seeds")


if __name__ == "__main__":
    main()
