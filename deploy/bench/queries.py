#!/usr/bin/env python3
"""Runs wrk against the benchmark's fixed query set on a running API and writes the table of figures.

    deploy/bench/queries.py --api http://127.0.0.1:8089 --pid APP_PID --out deploy/bench/RESULTS.md

For each query: a short warm-up, then wrk for --duration seconds with --connections connections (2 threads),
giving requests per second and p50/p99 latency. The app's peak RSS (VmHWM of --pid, so start the app just
before) and the machine (cores, memory, CPU, PostgreSQL) go in the table too. Called by run.sh.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import urllib.parse
import urllib.request

DIRECTIVE = urllib.parse.quote("11-ĐA/TU", safe="")
DISTRICT = "quan-hai-ba-trung"
# Issue 16's targets with the response cache off: (requests/s at least, p99 at most in ms; None for no bound).
TARGETS = {"feed": (2_500, 25.0), "search": (500, 50.0), "article": (5_000, None), "atom": (2_000, None), "304": (10_000, None)}


def get(api, path, headers=None):
    request = urllib.request.Request(api + path, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, dict(response.headers), response.read()


def cursor_at_depth(api, depth):
    """The cursor after `depth` articles of the newest feed, reached by following next pages of 100."""
    path = "/api/v1/articles?limit=100&fields=id"
    for _ in range(depth // 100):
        _, _, body = get(api, path)
        page = json.loads(body)
        path = "/api/v1/articles?limit=100&fields=id&cursor=" + urllib.parse.quote(page["next"]["cursor"], safe="")
    return urllib.parse.parse_qs(urllib.parse.urlparse(path).query)["cursor"][0]


def query_set(api):
    _, headers, body = get(api, "/api/v1/articles?limit=20")
    newest = json.loads(body)
    etag = headers["ETag"]
    slug = newest["items"][10]["slug"]
    deep = urllib.parse.quote(cursor_at_depth(api, 10_000), safe="")
    return [
        ("newest 20", "feed", "/api/v1/articles?limit=20", None),
        ("level=ward", "feed", "/api/v1/articles?limit=20&level=ward", None),
        (f"org subtree ({DISTRICT})", "feed", f"/api/v1/articles?limit=20&org={DISTRICT}", None),
        ("directive=11-ĐA/TU", "feed", f"/api/v1/articles?limit=20&directive={DIRECTIVE}", None),
        ("directive + org", "feed", f"/api/v1/articles?limit=20&directive={DIRECTIVE}&org={DISTRICT}", None),
        ('q="de an 11" (relevance)', "search", "/api/v1/articles?limit=20&q=de+an+11", None),
        ('q="chi bo" (relevance)', "search", "/api/v1/articles?limit=20&q=chi+bo", None),
        ('q="nghi quyet dai hoi" (relevance)', "search", "/api/v1/articles?limit=20&q=nghi+quyet+dai+hoi", None),
        ('q="hai ba trung" (rarer)', "search", "/api/v1/articles?limit=20&q=hai+ba+trung", None),
        ('q="de an 11", sort=newest', "search", "/api/v1/articles?limit=20&q=de+an+11&sort=newest", None),
        ("page 10,000 deep (cursor)", "feed", f"/api/v1/articles?limit=20&cursor={deep}", None),
        ("one article by slug", "article", f"/api/v1/articles/{slug}", None),
        ("newest 20 as Atom", "atom", "/api/v1/feeds/articles.atom?limit=20", None),
        ("conditional GET → 304", "304", "/api/v1/articles?limit=20", f"If-None-Match: {etag}"),
    ]


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url, header, duration, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if header:
        command += ["-H", header]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def rss_mib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(rf"^{field}:\s+(\d+) kB", status.read(), re.M).group(1)) / 1024


def machine(database):
    with open("/proc/meminfo") as meminfo:
        memory = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read()).group(1)) / 1024 / 1024
    with open("/proc/cpuinfo") as cpuinfo:
        model = re.search(r"model name\s+:\s+(.*)", cpuinfo.read()).group(1)
    psql = lambda sql: subprocess.run(["psql", "-d", database, "-Atc", sql], capture_output=True, text=True).stdout.strip()
    return {
        "cores": os.cpu_count(), "memory": f"{memory:.1f} GiB", "cpu": model,
        "postgres": psql("show server_version"), "articles": int(psql("select count(*) from article where status = 'published'") or 0),
        "database size": psql("select pg_size_pretty(pg_database_size(current_database()))"),
        "kernel": platform.release(), "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
    }


def verdict(kind, result, ceiling=None):
    if ceiling:
        # As served, the target is 70 % of what nginx reaches with the same bytes from a file (limits.py).
        share = result["rps"] / ceiling
        return f"{share:.0%} of nginx (≥ 70 %): " + ("met" if share >= 0.7 else "missed")
    rps, p99 = TARGETS[kind]
    parts = [f"≥ {rps:,} rps"] + ([f"p99 ≤ {p99:.0f} ms"] if p99 else [])
    met = result["rps"] >= rps and (p99 is None or result["p99"] <= p99)
    return ", ".join(parts) + ": " + ("met" if met else "missed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:8089")
    parser.add_argument("--pid", type=int, required=True, help="the app's process id, for its RSS")
    parser.add_argument("--database", default="tincoso_bench")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warm-up", type=int, default=5)
    parser.add_argument("--load-report", help="the loader's report, quoted in the results")
    parser.add_argument("--out", default="deploy/bench/RESULTS.md")
    parser.add_argument("--label", default="Results", help="heading of this run's section")
    parser.add_argument("--append", action="store_true", help="add a section to --out instead of writing it anew")
    parser.add_argument("--ceiling", type=float, help="nginx's requests/s with the same bytes: targets as served")
    args = parser.parse_args()

    box = machine(args.database)
    rows = []
    peak_rss = 0.0
    for name, kind, path, header in query_set(args.api):
        wrk(args.api + path, header, args.warm_up, args.connections)
        result = wrk(args.api + path, header, args.duration, args.connections)
        peak_rss = max(peak_rss, rss_mib(args.pid, "VmRSS"))
        rows.append((name, kind, result))
        print(f"{name:32} {result['rps']:9.0f} rps  p50 {result['p50']:7.2f} ms  p99 {result['p99']:7.2f} ms"
              f"  errors {result['errors']}  {verdict(kind, result, args.ceiling)}", flush=True)
    high_water = rss_mib(args.pid, "VmHWM")
    anonymous, mapped = rss_mib(args.pid, "RssAnon"), rss_mib(args.pid, "RssFile")

    lines = [] if args.append else [
        "# Benchmark results",
        "",
        f"Written by `deploy/bench/run.sh` on {datetime.date.today().isoformat()}: wrk, 2 threads, {args.connections} connections, "
        f"{args.duration} s per query after a {args.warm_up} s warm-up, on 127.0.0.1; the app (packaged jar) and "
        "PostgreSQL on the same machine as wrk.",
        "",
        f"Machine: {box['cores']} cores ({box['cpu']}), {box['memory']} memory, Linux {box['kernel']}, {box['java']}, "
        f"PostgreSQL {box['postgres']}. Corpus: {box['articles']:,} published articles, database {box['database size']}.",
    ]
    if not args.append and args.load_report and os.path.exists(args.load_report):
        with open(args.load_report, encoding="utf-8") as report:
            lines += ["", "## Import", "", "```", report.read().strip(), "```"]
    lines += [
        "",
        f"## {args.label}",
        "",
        "| Query | Requests/s | p50 (ms) | p99 (ms) | Errors | Target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, kind, result in rows:
        lines.append(f"| {name} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | {result['errors']} | {verdict(kind, result, args.ceiling)} |")
    by_name = {name: result for name, _, result in rows}
    first, deep = by_name["newest 20"], by_name["page 10,000 deep (cursor)"]
    ratio = deep["p99"] / first["p99"] if first["p99"] else float("inf")
    lines += [
        "",
        f"Deep page against the first: p50 {deep['p50']:.2f} ms vs {first['p50']:.2f} ms, p99 {deep['p99']:.2f} ms vs "
        f"{first['p99']:.2f} ms ({ratio:.2f}×; target: as fast, taken as p99 within 1.5×: {'met' if ratio <= 1.5 else 'missed'}).",
    ]
    lines += [
        "",
        f"App RSS: highest sampled after each query {peak_rss:.0f} MiB; high-water mark of the process (VmHWM) "
        f"{high_water:.0f} MiB (target ≤ 512 MiB: {'met' if high_water <= 512 else 'missed'}); at the end {anonymous:.0f} MiB"
        f" of it the process's own memory (RssAnon) and {mapped:.0f} MiB files mapped (RssFile: the jar, and the search"
        " index's pages, which the kernel can drop and read again).",
    ]
    with open(args.out, "a" if args.append else "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"RSS peak {peak_rss:.0f} MiB, VmHWM {high_water:.0f} MiB; written to {args.out}")


if __name__ == "__main__":
    main()
