#!/usr/bin/env python3
"""Adds provenance to a synthetic dataset, for timing the load of a figures.csv with a quote and a
note on every row (issue 14, "provenance at full speed").

Reads the folder `khuyenhoc synth` wrote (regions.csv, figures.csv) and writes a new folder with the
same regions and rows plus `document`, `quote` and `note` columns, and the documents beside
figures.csv. Every quote is a sentence of its document, verbatim, that prints the row's value, base,
target and stated percentage as a Vietnamese report would (2.044, 44,99%), so the loader's rules
accept it.

    --layout commune    one short document per commune-year (a sentence per indicator)
    --layout district   one report per district-year: the sentences of all its communes, padded
                        with narrative to about --report-bytes (23 KB)
    --only-document     the document column alone (no quote, no note)

Usage: python3 Benchmarks/provenance.py SYNTH_DIR OUT_DIR [--layout commune|district]
"""
import argparse
import csv
import os
import shutil

NOTES = ["Số liệu tổng hợp từ báo cáo tổng kết năm của Hội Khuyến học.",
         "Số liệu do Ban Chỉ đạo xây dựng xã hội học tập cung cấp.",
         "Số liệu đã được đối chiếu với báo cáo của Phòng Giáo dục."]

FILLER = ("Trong năm qua, công tác khuyến học, khuyến tài và xây dựng xã hội học tập tiếp tục được các cấp ủy "
          "Đảng, chính quyền quan tâm chỉ đạo; các chi hội đã phối hợp với nhà trường, Mặt trận Tổ quốc và "
          "các đoàn thể vận động nhân dân tham gia học tập suốt đời. ")


def vietnamese(number_text):
    """A plain number (digits, maybe a fraction) with Vietnamese thousands dots and decimal comma."""
    negative = number_text.startswith("-")
    digits = number_text.lstrip("-")
    whole, _, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups) + ("," + fraction if fraction else "")
    return ("-" if negative else "") + text


def sentence(row, place):
    """One sentence that prints every figure of the row."""
    parts = [f"Năm {row['year']}, {place} ghi nhận chỉ số {row['indicator'].replace('_', ' ')}"]
    if row["value"]:
        parts.append(f"đạt {vietnamese(row['value'])}")
    if row["base"]:
        parts.append(f"trên tổng số {vietnamese(row['base'])}")
    if row["stated_percent"]:
        parts.append(f"tỷ lệ {row['stated_percent']}")
    if row["target"]:
        target = row["target"].lstrip("<>=")
        shown = vietnamese(target[:-1]) + "%" if target.endswith("%") else vietnamese(target)
        parts.append(f"chỉ tiêu {shown}")
    return ", ".join(parts) + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("synth")
    parser.add_argument("out")
    parser.add_argument("--layout", choices=["commune", "district"], default="commune")
    parser.add_argument("--report-bytes", type=int, default=23_000)
    parser.add_argument("--only-document", action="store_true")
    args = parser.parse_args()

    os.makedirs(os.path.join(args.out, "documents"), exist_ok=True)
    shutil.copy(os.path.join(args.synth, "regions.csv"), os.path.join(args.out, "regions.csv"))
    documents = {}                               # file name -> sentences, in order
    with open(os.path.join(args.synth, "figures.csv"), newline="", encoding="utf-8") as source, \
         open(os.path.join(args.out, "figures.csv"), "w", newline="", encoding="utf-8") as out:
        reader = csv.DictReader(source)
        columns = reader.fieldnames + (["document"] if args.only_document else ["document", "quote", "note"])
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in reader:
            for name in ["value", "base", "target", "stated_percent"]:
                row.setdefault(name, "")
            region = row["region"]
            place = "đơn vị " + region.split("/")[-1].replace("-", " ")
            owner = region if args.layout == "commune" else "/".join(region.split("/")[:2])
            name = owner.replace("/", "_") + "_" + row["year"] + ".txt"
            text = sentence(row, place)
            documents.setdefault(name, []).append(text)
            row["document"] = name
            if not args.only_document:
                row["quote"] = text
                row["note"] = NOTES[sum(row["indicator"].encode()) % len(NOTES)]
            writer.writerow({k: row.get(k, "") for k in columns})
    total = 0
    for name, sentences in documents.items():
        body = " ".join(sentences)
        if args.layout == "district":
            # Narrative between the figures, as in a real report, up to the report's size.
            pieces, size = [], len(body.encode())
            while size < args.report_bytes:
                pieces.append(FILLER)
                size += len(FILLER.encode())
            half = len(pieces) // 2
            body = "".join(pieces[:half]) + body + " " + "".join(pieces[half:])
        with open(os.path.join(args.out, "documents", name), "w", encoding="utf-8") as f:
            f.write(body + "\n")
        total += len(body.encode())
    print(f"{len(documents)} documents, {total / 2**20:.1f} MiB of text")


if __name__ == "__main__":
    main()
