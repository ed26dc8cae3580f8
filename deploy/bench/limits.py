#!/usr/bin/env python3
"""The two bounds of the benchmark's table, measured on the same machine in the same run as the API:

  ceiling  nginx serving the very bytes of a page the API serves (newest 20 as JSON, and as Atom) from a file,
           with wrk as the queries are measured: the most any HTTP server reaches here with these bytes;
  floor    PostgreSQL's own time for each feed query, pgbench -f with the SQL the app sends for it (the page
           statement, its parameters written in), at the same number of connections: what the database alone
           manages, so the API's figure against it shows the app's overhead as a ratio.

    deploy/bench/limits.py --api http://127.0.0.1:8089 --database tincoso_bench --out deploy/bench/RESULTS.md

Appends a section to --out. Needs nginx (apt-get install nginx-light) and pgbench (postgresql-contrib). Called by
run.sh with the app running, response cache on.
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request

from queries import DISTRICT, wrk

NGINX_PORT = 8090

# The page statement of ArticleRepository.pageStatement for a limit of 20 (21 rows: one more tells if a page
# follows), with {condition} the filter's SQL as ArticleRepository.condition writes it.
PAGE = ("select p.id, b.published_at, b.slug, b.updated_at, b.card from ( select r.id, r.published_at from ("
        "select a.id, a.published_at from article a where a.status = 'published' and true{condition}) r "
        "order by r.published_at desc, r.id desc limit 21) p join article b on b.id = p.id "
        "order by p.published_at desc, p.id desc;")


def psql(database, sql):
    return subprocess.run(["psql", "-d", database, "-Atc", sql], capture_output=True, text=True, check=True).stdout.strip()


def floor_queries(database):
    directive = psql(database, "select id from directive where code = '11-ĐA/TU'")
    # org= is resolved to the ids of the unit's subtree before the page statement, as the app does.
    subtree = psql(database, "select string_agg(id::text, ', ') from organisation where path <@ "
                             f"(select path from organisation where slug = '{DISTRICT}')")
    slug = psql(database, "select slug from article where status = 'published' order by published_at desc, id desc offset 10 limit 1")
    by_directive = f" and a.id in (select ad.article_id from article_directive ad where ad.directive_id = {directive})"
    in_subtree = f" and a.organisation_id in ({subtree})"
    return [
        ("newest 20", PAGE.format(condition="")),
        ("level=ward", PAGE.format(condition=" and a.organisation_id in (select o.id from organisation o where o.level in ('ward'))")),
        (f"org subtree ({DISTRICT})", PAGE.format(condition=in_subtree)),
        ("directive=11-ĐA/TU", PAGE.format(condition=by_directive)),
        ("directive + org", PAGE.format(condition=in_subtree + by_directive)),
        # findPublished: the article with its unit and directives in one statement.
        ("one article by slug", "select a.*, o.*, d.* from article a join organisation o on o.id = a.organisation_id"
                                " left join article_directive ad on ad.article_id = a.id left join directive d on d.id = ad.directive_id"
                                f" where a.status = 'published' and (a.id = -1 or a.slug = '{slug}');"),
    ]


def pgbench(database, sql, duration, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write(sql + "\n")
    try:
        output = subprocess.run(["pgbench", "-n", "-M", "prepared", "-f", script.name, "-c", str(connections), "-j", "2",
                                 "-T", str(duration), database], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    return {"tps": float(re.search(r"tps = ([\d.]+)", output).group(1)),
            "latency": float(re.search(r"latency average = ([\d.]+) ms", output).group(1))}


def nginx_ceiling(api, duration, connections):
    root = tempfile.mkdtemp(prefix="tincoso-nginx-")
    pages = {"newest 20 (JSON)": ("/api/v1/articles?limit=20", "page.json", "application/json"),
             "newest 20 as Atom": ("/api/v1/feeds/articles.atom?limit=20", "page.atom", "application/atom+xml")}
    for path, name, _ in pages.values():
        with urllib.request.urlopen(api + path, timeout=60) as response, open(os.path.join(root, name), "wb") as out:
            out.write(response.read())
    config = os.path.join(root, "nginx.conf")
    with open(config, "w") as conf:
        conf.write(f"""worker_processes auto; pid {root}/nginx.pid; error_log {root}/error.log; daemon on;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root};
    location = /page.json {{ default_type application/json; add_header ETag '"x"'; }}
    location = /page.atom {{ default_type application/atom+xml; }} }} }}
""")
    subprocess.run(["nginx", "-c", config, "-p", root], check=True)
    time.sleep(0.5)
    try:
        results = {}
        for label, (_, name, _) in pages.items():
            url = f"http://127.0.0.1:{NGINX_PORT}/{name}"
            wrk(url, None, 3, connections)
            results[label] = wrk(url, None, duration, connections)
        return results
    finally:
        subprocess.run(["nginx", "-c", config, "-p", root, "-s", "stop"], check=False)
        time.sleep(0.5)
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", default="http://127.0.0.1:8089")
    parser.add_argument("--database", default="tincoso_bench")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--out", default="deploy/bench/RESULTS.md")
    parser.add_argument("--ceiling-file", help="where to write nginx's requests/s for the JSON page, for queries.py --ceiling")
    args = parser.parse_args()

    lines = ["", "## Bounds measured in the same run", "",
             f"Ceiling: {subprocess.run(['nginx', '-v'], capture_output=True, text=True).stderr.strip()} serving the same"
             " bytes from a file, wrk as above.", "",
             "| Page | nginx requests/s | p50 (ms) | p99 (ms) |", "|---|---:|---:|---:|"]
    ceilings = nginx_ceiling(args.api, args.duration, args.connections)
    if args.ceiling_file:
        with open(args.ceiling_file, "w") as out:
            out.write(f"{ceilings['newest 20 (JSON)']['rps']:.0f}\n")
    for label, result in ceilings.items():
        print(f"nginx {label:24} {result['rps']:9.0f} rps  p99 {result['p99']:7.2f} ms", flush=True)
        lines.append(f"| {label} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} |")
    lines += ["", f"Floor: PostgreSQL alone, `pgbench -M prepared -c {args.connections} -j 2 -T {args.duration}` with the SQL the app "
              "sends for each query (deploy/bench/limits.py).", "",
              "| Query | PostgreSQL statements/s | mean latency (ms) |", "|---|---:|---:|"]
    for name, sql in floor_queries(args.database):
        result = pgbench(args.database, sql, args.duration, args.connections)
        print(f"pgbench {name:32} {result['tps']:9.0f} tps  mean {result['latency']:7.2f} ms", flush=True)
        lines.append(f"| {name} | {result['tps']:,.0f} | {result['latency']:.2f} |")
    with open(args.out, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
