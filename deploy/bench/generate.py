#!/usr/bin/env python3
"""Writes a deterministic corpus of portal articles as NDJSON import items (one {"text", "sourceUrl"} a line).

    deploy/bench/generate.py --count 1000000 --seed 2024 > corpus.ndjson

Same count and seed, same bytes. Units are the real units of the national gazetteer the API loads, of every
province and of the map in force on the article's date: before 1 July 2025 communes, districts and the 63 provinces,
after it the new communes and the 34 provinces. Texts are printed the way the portals print them (header line, title,
"Ngày đăng" line, paragraphs, byline) with 0-4 directive codes from a long-tailed registry of a few hundred codes, in
the spellings portals use ("11-ĐA/TU", "Chỉ thị số 35 - CT/TU", "09 CT/TW", en dashes), dated 2015-2026. A commune
is named with its district (before) or its province (after), as portals do where names repeat.
With --with-expected each line also carries "expected": the unit slug and the canonical codes the text should
be tagged with; deploy/bench/load.py takes it off before sending and measures tagging with it.
"""
import argparse
import itertools
import csv
import datetime
import json
import pathlib
import random
import sys

GAZETTEER = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/gazetteer/units.csv"
REFORM = datetime.datetime(2025, 7, 1)

# Kinds of document and the bodies issuing them, weighted as they turn up in ward and district news.
DOC_TYPES = [("ĐA", "Đề án", 3), ("CT", "Chỉ thị", 6), ("NQ", "Nghị quyết", 8), ("KL", "Kết luận", 4),
             ("HD", "Hướng dẫn", 2), ("KH", "Kế hoạch", 5), ("CTr", "Chương trình", 3), ("QĐ", "Quyết định", 2)]
ISSUERS = [("TU", "Ban Thường vụ Thành ủy", 10), ("TW", "Ban Chấp hành Trung ương", 6), ("BCT", "Bộ Chính trị", 2),
           ("BBT", "Ban Bí thư", 2), ("QU", "Ban Thường vụ Quận ủy", 4), ("HU", "Ban Thường vụ Huyện ủy", 2),
           ("BTCTW", "Ban Tổ chức Trung ương", 1), ("BTGTU", "Ban Tuyên giáo Thành ủy", 1)]
REGISTRY_SIZE = 400

EVENTS = [
    ("sơ kết {years} năm thực hiện", "Hội nghị sơ kết"), ("tổng kết {years} năm thực hiện", "Hội nghị tổng kết"),
    ("tổ chức hội nghị học tập, quán triệt", "Hội nghị học tập, quán triệt"),
    ("triển khai thực hiện", "Hội nghị triển khai"), ("kiểm tra việc thực hiện", "Đợt kiểm tra"),
    ("tổ chức tọa đàm về kết quả thực hiện", "Buổi tọa đàm"), ("giám sát việc thực hiện", "Đoàn giám sát"),
]
TOPICS = [
    "nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới", "xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "bảo vệ nền tảng tư tưởng của Đảng",
    "công tác dân vận của hệ thống chính trị", "xây dựng nếp sống văn minh đô thị",
    "phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh", "chuyển đổi số và cải cách hành chính",
    "công tác phòng, chống tham nhũng, lãng phí, tiêu cực", "bảo đảm trật tự an toàn giao thông",
    "công tác bảo vệ môi trường và vệ sinh an toàn thực phẩm", "xây dựng tổ dân phố văn hóa, gia đình văn hóa",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Thị", "Văn", "Minh", "Thu", "Quang", "Đức", "Thanh", "Ngọc", "Hữu", "Kim"]
GIVEN = ["Hải Vân", "Minh Nguyệt", "Quyết Thắng", "Lan Hương", "Anh Thu", "Trung Hiếu", "Xuân Dũng",
         "Thuỷ", "Huyền", "Khánh", "Long", "Tùng", "Phương", "Hạnh", "Bình", "Quỳnh"]
ROLES = ["Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch UBND", "Chủ tịch Ủy ban MTTQ",
         "Trưởng Ban Tuyên giáo", "Phó Chủ tịch HĐND"]
HEADERS = ["TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG", "HOẠT ĐỘNG CÁC PHƯỜNG", "TIN TỨC - SỰ KIỆN",
           "XÂY DỰNG ĐẢNG", None]
FILLER = [
    "Qua {years} năm triển khai, {body} đã ban hành {n} văn bản lãnh đạo, chỉ đạo; {m} chi bộ được đánh giá "
    "hoàn thành tốt nhiệm vụ, tỷ lệ đảng viên tham gia sinh hoạt đạt {pct}%.",
    "Hội nghị đã nghe {n} ý kiến tham luận của các chi bộ, tổ dân phố và đoàn thể về những cách làm hay, "
    "kinh nghiệm trong việc {topic}.",
    "Bên cạnh những kết quả đạt được, việc thực hiện vẫn còn một số hạn chế: nội dung sinh hoạt ở một số chi bộ "
    "chưa phong phú, việc theo dõi, đôn đốc có lúc chưa thường xuyên.",
    "Phát biểu chỉ đạo, đồng chí {person} - {role} ghi nhận, biểu dương kết quả đạt được và đề nghị các chi bộ "
    "tiếp tục {topic}, gắn với nhiệm vụ chính trị của địa phương.",
    "Nhân dịp này, {body} đã khen thưởng {n} tập thể và {m} cá nhân có thành tích xuất sắc.",
    "Các đại biểu thống nhất cao với dự thảo báo cáo, đồng thời đề xuất nhiều giải pháp nhằm {topic} trong thời gian tới.",
]


def weighted(rng, items):
    return rng.choices(items, weights=[item[-1] for item in items])[0]


def registry(rng):
    """A few hundred distinct codes; rank 1 is 11-ĐA/TU (the seeds' own), the rest long-tailed."""
    codes = [("11", "ĐA", "TU")]
    seen = set(codes)
    while len(codes) < REGISTRY_SIZE:
        doc = weighted(rng, DOC_TYPES)[0]
        issuer = weighted(rng, ISSUERS)[0]
        code = (str(rng.randint(1, 60 if doc != "NQ" else 45)).zfill(rng.choice([1, 2])), doc, issuer)
        if code not in seen and (code[0].lstrip("0"), doc, issuer) not in {(c[0].lstrip("0"), c[1], c[2]) for c in seen}:
            seen.add(code)
            codes.append(code)
    return codes


def spell(rng, code):
    """The code as some portal prints it, with the canonical form the API should read back."""
    number, doc, issuer = code
    canonical = f"{int(number):02d}-{doc}/{issuer}"  # the API's form: "9", "09" and "009" are all "09"
    style = rng.random()
    if style < 0.70:
        printed = f"{number}-{doc}/{issuer}"
    elif style < 0.80:
        printed = f"{number} - {doc}/{issuer}"
    elif style < 0.88:
        printed = f"{number}–{doc}/{issuer}"
    elif style < 0.95:
        printed = f"{number} {doc}/{issuer}"
    else:
        printed = f"{number}-{doc}/{issuer}".lower() if doc.isascii() else f"{number}-{doc}/{issuer}"
    return printed, canonical


def units():
    with GAZETTEER.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_slug = {row["slug"]: row for row in rows}
    names = {}
    for row in rows:
        names.setdefault(row["name"], []).append(row["slug"])
    return rows, by_slug, names


def person(rng):
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


KIND_WORDS = {"thành phố": 2, "thành phố thuộc tỉnh": 2, "thị xã": 2, "thị trấn": 2, "đặc khu": 2}


def proper(unit):
    return " ".join(unit["name"].split(" ")[KIND_WORDS.get(unit["kind"], 1):])


def lower_name(unit):
    """"phường Mỹ Đình 1", "tỉnh Quảng Ninh": the kind in lower case, as running text writes it."""
    words = KIND_WORDS.get(unit["kind"], 1)
    return " ".join(w.lower() for w in unit["name"].split(" ")[:words]) + " " + proper(unit)


def body_of(unit):
    """How the text names the unit's party committee: "Đảng ủy phường Mỹ Đình 1", "Quận ủy Hai Bà Trưng"."""
    if unit["level"] == "ward":
        return "Đảng ủy " + lower_name(unit)
    return {"quận": "Quận ủy ", "huyện": "Huyện ủy ", "thị xã": "Thị ủy ", "tỉnh": "Tỉnh ủy "}.get(unit["kind"], "Thành ủy ") + proper(unit)


def article(rng, n, codes, rows, by_slug, names):
    day = START + datetime.timedelta(seconds=rng.randrange(SPAN_SECONDS))
    era = ERAS["after" if day >= REFORM else "before"]
    level = rng.choices(["ward", "district", "city"], weights=[80, 17, 3] if day < REFORM else [92, 0, 8])[0]
    unit = rng.choice(era[level])
    cited = sorted(set(rng.choices(codes, cum_weights=ZIPF, k=rng.choice([0, 1, 1, 2, 2, 3, 4]))))
    spelled = [spell(rng, code) for code in cited]
    years = rng.choice(["02", "03", "05", "10"])
    event, event_noun = rng.choice(EVENTS)
    event = event.format(years=years)
    topic = rng.choice(TOPICS)
    committee = body_of(unit)
    locator = ""
    if level == "ward":
        # Repeated commune names are told apart by the district (before) or the province (after) named with them.
        locator = ", " + lower_name(by_slug[unit["parent"]])
    if spelled:
        first = spelled[0][0]
        kind_name = next(name for code, name, _ in DOC_TYPES if code == cited[0][1])
        about = f"{kind_name} số {first} của {next(name for code, name, _ in ISSUERS if code == cited[0][2])}"
        title = f"{unit['name']} {event} {kind_name} số {first}"
    else:
        about = f"chủ trương về {topic}"
        title = f"{unit['name']} {event} chủ trương về {topic}"
    event_day = day - datetime.timedelta(days=rng.randint(0, 6))
    lines = []
    header = rng.choice(HEADERS)
    if header:
        lines += [f"{header} {header}", ""]
    lines.append(title)
    lines.append(f"Ngày đăng {day:%d/%m/%Y} | {day:%H:%M}  | Lượt xem: {rng.randint(5, 2000)}")
    lines.append("")
    lines.append(f"Sáng ngày {event_day.day}/{event_day.month}, {committee}{locator} đã {event} {about} "
                 f"về “{topic[0].upper()}{topic[1:]}”.")
    for code_text, _ in spelled[1:]:
        lines += ["", f"Việc thực hiện được gắn với văn bản số {code_text}, tạo sự thống nhất trong toàn Đảng bộ."]
    for template in rng.sample(FILLER, rng.randint(2, 5)):
        lines += ["", template.format(years=years, body=committee, n=rng.randint(2, 30), m=rng.randint(2, 40),
                                      pct=rng.randint(85, 99), topic=rng.choice(TOPICS), person=person(rng),
                                      role=rng.choice(ROLES))]
    lines += ["", f"{event_noun} {unit['name']}", "", person(rng)]
    item = {"text": "\n".join(lines), "sourceUrl": f"https://bench.tincoso.vn/{unit['slug']}/{n}"}
    return item, unit["slug"], [canonical for _, canonical in spelled]


START = datetime.datetime(2015, 1, 1, 7, 0)
SPAN_SECONDS = int((datetime.datetime(2026, 10, 31, 18, 0) - START).total_seconds())
# The units of each map, by level: "before" the communes, districts and provinces in force until 30 June 2025,
# "after" the communes and provinces in force since.
ERAS = {"before": {"ward": [], "district": [], "city": []}, "after": {"ward": [], "district": [], "city": []}}
# Zipf's law over the registry's ranks: the k-th most cited code is cited about 1/k as often as the first.
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, REGISTRY_SIZE + 1)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--with-expected", action="store_true", help="add the expected tags to every line")
    parser.add_argument("--skip", type=int, default=0, help="generate but do not print the first SKIP articles")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows, by_slug, names = units()
    for row in rows:
        if not row["valid_from"]:
            ERAS["before"][row["level"]].append(row)
        if not row["valid_to"]:
            ERAS["after"][row["level"]].append(row)
    codes = registry(rng)
    out = sys.stdout
    for n in range(args.count):
        item, slug, canonical = article(rng, n, codes, rows, by_slug, names)
        if n < args.skip:
            continue
        if args.with_expected:
            item["expected"] = {"organisation": slug, "directives": canonical}
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
