#!/usr/bin/env python3
"""Loads NDJSON import items from stdin through a running API's own import path (POST /api/v1/imports), in
batches, from several connections at once, and reports articles per second.

    deploy/bench/generate.py --count 100000 --with-expected | TINCOSO_TOKEN=... deploy/bench/load.py

Lines carrying "expected" tags (generate.py --with-expected) are sent without them, and the report counts how
many articles were tagged with the expected unit and exactly the expected directive codes. Exit code 0 when
nothing was rejected.
"""
import argparse
import concurrent.futures
import http.client
import itertools
import json
import os
import sys
import threading
import time
import urllib.parse


STATUSES = ("created", "updated", "needs-review", "rejected", "conflict", "failed")


class Totals:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {"created": 0, "updated": 0, "needs-review": 0, "rejected": 0, "conflict": 0, "failed": 0,
                       "unit_right": 0, "codes_right": 0, "checked": 0}
        self.rejections = []

    def add(self, report, expected):
        with self.lock:
            for item, expect in zip(report["items"], expected):
                self.counts[item["status"]] += 1
                if item["status"] in ("rejected", "conflict", "failed"):
                    self.rejections.append(item.get("error"))
                elif expect is not None:
                    self.counts["checked"] += 1
                    self.counts["unit_right"] += (item.get("organisation") or {}).get("slug") == expect["organisation"]
                    codes = sorted(tag["code"] for tag in item.get("directives", []))
                    self.counts["codes_right"] += codes == sorted(expect["directives"])


def post(api, token, lines, local):
    if not hasattr(local, "connection"):
        local.connection = http.client.HTTPConnection(api.hostname, api.port or 80, timeout=600)
    body = "\n".join(lines).encode("utf-8")
    headers = {"Content-Type": "application/x-ndjson; charset=UTF-8", "Authorization": f"Bearer {token}"}
    local.connection.request("POST", "/api/v1/imports", body=body, headers=headers)
    response = local.connection.getresponse()
    text = response.read().decode("utf-8")
    if response.status != 200:
        raise RuntimeError(f"the API answered {response.status}: {text[:500]}")
    return json.loads(text)


def batches(stream, size):
    while True:
        batch = list(itertools.islice(stream, size))
        if not batch:
            return
        yield batch


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:8080")
    parser.add_argument("--token", default=os.environ.get("TINCOSO_TOKEN"), help="admin JWT (default: $TINCOSO_TOKEN)")
    parser.add_argument("--batch-size", type=int, default=500, help="items per request, at most 500")
    parser.add_argument("--parallel", type=int, default=4, help="requests in flight at once")
    args = parser.parse_args()
    if not args.token:
        sys.exit("load.py: an admin token is needed (--token or TINCOSO_TOKEN)")
    api = urllib.parse.urlparse(args.api)
    totals = Totals()
    local = threading.local()
    started = None
    items = (json.loads(line) for line in sys.stdin if line.strip())
    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        pending = set()
        for batch in batches(items, args.batch_size):
            if started is None:
                # The clock starts with the first batch, not while a generator upstream is still skipping.
                started = last_report = time.monotonic()
            expected = [item.pop("expected", None) for item in batch]
            lines = [json.dumps(item, ensure_ascii=False) for item in batch]
            future = pool.submit(post, api, args.token, lines, local)
            future.add_done_callback(lambda done, expected=expected: totals.add(done.result(), expected))
            pending.add(future)
            if len(pending) >= args.parallel * 2:
                finished, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in finished:
                    future.result()
            now = time.monotonic()
            if now - last_report >= 10:
                done = sum(totals.counts[status] for status in STATUSES)
                print(f"{done:>9} articles, {done / (now - started):8.0f}/s", file=sys.stderr, flush=True)
                last_report = now
        for future in concurrent.futures.as_completed(pending):
            future.result()
    elapsed = time.monotonic() - started if started else 0.001
    c = totals.counts
    done = sum(c[status] for status in STATUSES)
    print(f"imported {done} articles in {elapsed:.1f} s: {done / elapsed:.0f} articles/s "
          f"(created {c['created']}, updated {c['updated']}, needs review {c['needs-review']}, rejected {c['rejected']}, "
          f"not stored {c['conflict'] + c['failed']})")
    if c["checked"]:
        print(f"tagging on {c['checked']} articles: unit right {c['unit_right'] / c['checked']:.4f}, "
              f"directive codes exactly right {c['codes_right'] / c['checked']:.4f}")
    for error in totals.rejections[:10]:
        print(f"  rejected: {error}")
    return 1 if c["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main())
