#!/usr/bin/env python3
"""Converts the vietnamadminunits package (PyPI, MIT) into the compact files of seeds/geography/.

Development time only: the project never runs Python. `scripts/geography/refresh.sh` downloads the
package with pip and runs this script; the files it writes are committed.

Usage: convert.py PACKAGE_DIR OUTPUT_DIR VERSION
  PACKAGE_DIR  the unpacked wheel (the folder that holds vietnamadminunits/data/dataset.db)
  OUTPUT_DIR   seeds/geography
  VERSION      the package version, written into SOURCE.md

Writes:
  before-2025.csv  every province, district and commune before 1 July 2025: id,code,kind,name
  from-2025.csv    every province and commune from 1 July 2025: id,code,kind,name,area_km2
  changes-2025.csv what each unit before became: before (code),after (code),whole (1 when all of it
                   went into `after`, 0 when it was divided and only part did)
  aliases.csv      other names people write: id,alias

Ids are paths of slugs (`binh-thuan/tuy-phong/lien-huong`): a province's slug, its district's, its
commune's; a kind word goes before a name two units of one parent share (`hau-giang/thi-xa-long-my`).
Communes from 2025 always carry their kind (`ho-chi-minh/phuong-binh-thanh`), so that no new commune
takes the id of an old district. A province that keeps its name keeps its id: the others merged into it.
Any id given twice stops the conversion.
"""
import csv
import json
import os
import sqlite3
import sys
import unicodedata

KINDS_PROVINCE = {"Tỉnh": "tỉnh", "Thành phố": "thành phố trực thuộc trung ương"}
KINDS_DISTRICT = {"Quận": "quận", "Huyện": "huyện", "Thị xã": "thị xã", "Thành phố": "thành phố thuộc tỉnh"}
KINDS_COMMUNE = {"Phường": "phường", "Xã": "xã", "Thị trấn": "thị trấn", "Đặc khu": "đặc khu"}

# Names people write that the source does not carry as names (its aliases are folded keys).
EXTRA_ALIASES = {
    "ho-chi-minh": ["TP.HCM", "TPHCM", "TP HCM", "HCM", "Sài Gòn", "Thành phố Hồ Chí Minh"],
    "ha-noi": ["Hanoi", "Thủ đô Hà Nội"],
    "bac-kan": ["Bắc Cạn"],
    "hue": ["Thừa Thiên Huế", "Thừa Thiên - Huế"],
    "ba-ria-vung-tau": ["Bà Rịa Vũng Tàu", "BR-VT"],
    "dak-lak": ["Đắc Lắc", "Daklak"],
    "dak-nong": ["Đắc Nông"],
}


def slug(text):
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    out, dash = [], False
    for ch in text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def strip_kind(name, kinds):
    for word in sorted(kinds, key=len, reverse=True):
        if name.startswith(word + " "):
            return name[len(word) + 1:]
    return name


def nfc(text):
    return unicodedata.normalize("NFC", text) if text else text


def main(package, output, version):
    data = os.path.join(package, "vietnamadminunits", "data")
    db = sqlite3.connect(os.path.join(data, "dataset.db"))
    db.row_factory = sqlite3.Row
    converter = json.load(open(os.path.join(data, "converter_2025.json"), encoding="utf-8"))

    ids = {}            # id -> era, to refuse an id given twice within an era

    def claim(unit_id, era):
        key = (unit_id, era)
        if key in ids:
            sys.exit(f"convert: id {unit_id} is given twice ({era})")
        ids[key] = True
        return unit_id

    # Before 2025: provinces, districts, communes.
    legacy = [dict(r) for r in db.execute("select * from admin_units_legacy")]
    # Names two units of one parent share get their kind word; a kind and name shared too, the code.
    district_names, ward_names = {}, {}
    for r in {r["districtCode"]: r for r in legacy}.values():
        district_names.setdefault((r["provinceCode"], slug(r["districtShort"])), set()).add(r["districtCode"])
    for r in legacy:
        if r["wardCode"]:
            ward_names.setdefault((r["districtCode"], slug(r["wardShort"])), set()).add((r["wardCode"], r["wardType"]))

    def own_slug(name, kind, code, group):
        if len(group) == 1:
            return slug(name)
        kinds = [k for k in group if isinstance(k, tuple)]
        if kinds and sum(1 for c, t in kinds if KINDS_COMMUNE.get(t) == kind) > 1:
            return slug(kind + " " + name) + "-" + code
        return slug(kind + " " + name)
    before, province_id, district_id, ward_id = [], {}, {}, {}
    by_key = {}  # converter keys ("tinhbackan_thanhphobackan_phuongducxuan") -> code
    for r in sorted(legacy, key=lambda r: (r["provinceCode"], r["districtCode"], r["wardCode"] or "")):
        pcode, dcode, wcode = r["provinceCode"], r["districtCode"], r["wardCode"]
        if pcode not in province_id:
            kind = KINDS_PROVINCE["Thành phố" if r["province"].startswith("Thành phố") else "Tỉnh"]
            pid = claim(slug(nfc(r["provinceShort"])), "before")
            province_id[pcode] = pid
            before.append((pid, pcode, kind, nfc(r["provinceShort"])))
        if dcode not in district_id:
            kind = KINDS_DISTRICT[r["districtType"]]
            name = nfc(r["districtShort"])
            own = own_slug(name, kind, dcode, district_names[(pcode, slug(r["districtShort"]))])
            did = claim(province_id[pcode] + "/" + own, "before")
            district_id[dcode] = did
            before.append((did, dcode, kind, name))
        by_key.setdefault(r["provinceKey"] + "_" + r["districtKey"] + "_", dcode)
        if wcode:
            kind = KINDS_COMMUNE[r["wardType"]]
            name = nfc(r["wardShort"])
            own = own_slug(name, kind, wcode, ward_names[(dcode, slug(r["wardShort"]))])
            wid = claim(district_id[dcode] + "/" + own, "before")
            ward_id[wcode] = wid
            before.append((wid, wcode, kind, name))
            by_key[r["provinceKey"] + "_" + r["districtKey"] + "_" + r["wardKey"]] = wcode
    province_code_by_key = {r["provinceKey"]: r["provinceCode"] for r in legacy}

    # From 2025: provinces and communes; a province that keeps a name keeps its id.
    current = [dict(r) for r in db.execute("select * from admin_units")]
    after, new_province_id, new_ward_code = [], {}, {}
    same = {}
    for r in current:
        same.setdefault((r["provinceCode"], slug(r["wardType"] + " " + r["wardShort"])), []).append(r["wardCode"])
    for r in sorted(current, key=lambda r: (r["provinceCode"], r["wardCode"])):
        pcode = r["provinceCode"]
        if pcode not in new_province_id:
            kind = KINDS_PROVINCE["Thành phố" if r["province"].startswith("Thành phố") else "Tỉnh"]
            pid = claim(slug(nfc(r["provinceShort"])), "from")
            new_province_id[pcode] = pid
            after.append((pid, pcode, kind, nfc(r["provinceShort"]), ""))
        kind = KINDS_COMMUNE[r["wardType"]]
        name = nfc(r["wardShort"])
        own = slug(kind + " " + name)
        if len(same[(pcode, slug(r["wardType"] + " " + r["wardShort"]))]) > 1:
            own += "-" + r["wardCode"]
        wid = claim(new_province_id[pcode] + "/" + own, "from")
        after.append((wid, r["wardCode"], kind, name, "" if r["wardAreaKm2"] is None else f"{r['wardAreaKm2']:g}"))
        new_ward_code[(r["provinceKey"], r["wardKey"])] = r["wardCode"]
    new_province_code_by_key = {r["provinceKey"]: r["provinceCode"] for r in current}
    # A new commune key the source spells unfolded ("xãcẩmgiàng") is found by its folded form.
    folded_ward = {(p, slug(w).replace("-", "")): c for (p, w), c in new_ward_code.items()}

    def new_code(province_key, ward_key):
        return new_ward_code.get((province_key, ward_key)) or folded_ward.get((province_key, slug(ward_key).replace("-", "")))

    changes, missing = [], []
    for new_pkey, old_pkeys in converter["DICT_PROVINCE"].items():
        for old in old_pkeys:
            changes.append((province_code_by_key[old], new_province_code_by_key[new_pkey], 1))
    for new_pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            target = new_code(new_pkey, new_wkey)
            for old in olds:
                source = by_key.get(old)
                if source is None or target is None:
                    missing.append((old, new_pkey, new_wkey))
                    continue
                changes.append((source, target, 1))
    for new_pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            source = by_key.get(old)
            for part in parts:
                target = new_code(new_pkey, part["newWardKey"])
                if source is None or target is None:
                    missing.append((old, new_pkey, part["newWardKey"]))
                    continue
                changes.append((source, target, 0))
    if missing:
        for m in missing[:20]:
            print("convert: not matched:", m, file=sys.stderr)
        sys.exit(f"convert: {len(missing)} changes name units the source does not list")
    changes = sorted(set(changes))

    aliases = sorted((uid, alias) for uid, names in EXTRA_ALIASES.items() for alias in names
                     if any(uid == u[0] for u in before + after))

    os.makedirs(output, exist_ok=True)

    def write(name, header, rows):
        for row in rows:
            if any("," in str(x) or '"' in str(x) or "\n" in str(x) for x in row):
                sys.exit(f"convert: {row} holds a comma, quote or line break: the files are read without quoting")
        with open(os.path.join(output, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write("before-2025.csv", ["id", "code", "kind", "name"], before)
    write("from-2025.csv", ["id", "code", "kind", "name", "area_km2"], after)
    write("changes-2025.csv", ["before", "after", "whole"], changes)
    write("aliases.csv", ["id", "alias"], aliases)
    counts = {
        "provinces before": len(province_id), "districts before": len(district_id), "communes before": len(ward_id),
        "provinces from": len(new_province_id), "communes from": len(new_ward_code), "changes": len(changes),
        "divided communes": len({c[0] for c in changes if c[2] == 0 and len(c[0]) == 5}),
    }
    with open(os.path.join(output, "SOURCE.md"), "w", encoding="utf-8") as f:
        f.write(f"""# Vietnam's administrative units, before and after 1 July 2025

Converted by `scripts/geography/convert.py` from the Python package
[vietnamadminunits](https://pypi.org/project/vietnamadminunits/) {version}
(<https://github.com/tranngocminhhieu/vietnamadminunits>, © 2025 Tran Ngoc Minh Hieu, MIT License:
see `LICENSE-vietnamadminunits.md`). Refresh with `scripts/geography/refresh.sh [VERSION]`.

| | count |
|---|---:|
""" + "".join(f"| {k} | {v} |\n" for k, v in counts.items()) + """
The source's units before 2025 are a snapshot (the last list before the reorganisation): a unit's
start is not known, only that it ended on 30 June 2025 (or, for a province that kept its name, went
on). Splits carry no shares: the source lists the new communes a divided one went into, not how much
of it each received.
""")
    with open(os.path.join(package, "vietnamadminunits-" + version + ".dist-info", "licenses", "LICENSE"), encoding="utf-8") as src:
        with open(os.path.join(output, "LICENSE-vietnamadminunits.md"), "w", encoding="utf-8") as f:
            f.write(src.read())
    print("convert:", ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
