#!/usr/bin/env python3
"""Webhook throughput and latency: 1,000 subscriptions with mixed filters, a steady rate of publishes for a while, a
receiver on loopback; prints deliveries per second sustained and publish-to-delivery percentiles.

    deploy/bench/webhooks.py --api http://127.0.0.1:8089 --database tincoso_bench_webhooks --token "$TOKEN"

Needs a running app whose database holds the gazetteer and lets webhooks reach loopback
(TINCOSO_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true, TINCOSO_WEBHOOKS_ENCRYPTION_KEY set); deploy/bench/run.sh webhooks
starts one on a database of its own. The publishes are imports of generated articles (generate.py, another seed),
one item a request, each timed from the moment its answer (after its commit) arrives; a delivery is timed when the
receiver has read it. Subscriptions: a few follow everything, some a document type and issuer, most a province's
subtree, the rest a province with a level, a body or a search. The receiver answers 204 at once. The measured minute
follows a warm-up of the same load (--warmup, 30 s), drained before it starts.
"""
import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, __import__("os").path.dirname(__file__))


def request(api, method, path, token, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(api + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=60) as answer:
        return json.loads(answer.read() or b"null")


def provinces(database):
    """Every province of both maps: the corpus is dated 2015-2026, mostly before the reform."""
    out = subprocess.run(["psql", "-d", database, "-Atc", "select slug from organisation where parent_id is null order by slug"],
                         capture_output=True, text=True, check=True)
    return [line for line in out.stdout.split() if line]


def filters(rng, roots, count):
    """Mixed filters, in the proportions of the docstring."""
    types = ["NQ", "CT", "KH", "ĐA", "KL", "CTr", "HD", "QĐ"]
    issuers = ["TU", "TW", "QU", "BCT", "BBT", "HU"]
    made = []
    for n in range(count):
        kind = n % 100
        if kind < 1:
            made.append({})
        elif kind < 6:
            made.append({"type": rng.choice(types), "issuer": rng.choice(issuers)})
        elif kind < 76:
            made.append({"org": rng.choice(roots)})
        elif kind < 86:
            made.append({"org": rng.choice(roots), "level": ["ward"]})
        elif kind < 96:
            made.append({"org": rng.choice(roots), "body": [rng.choice(["party", "government", "front"])]})
        else:
            made.append({"org": rng.choice(roots), "q": rng.choice(["hội nghị", "sơ kết", "chi bộ", "kiểm tra"])})
    return made


class Receiver:
    """A minimal HTTP/1.1 server with keep-alive: reads each request, answers 204, notes when and what it got."""

    def __init__(self):
        self.got = []  # (monotonic time, webhook-id, article id)
        self.lock = threading.Lock()
        self.port = None
        self.ready = threading.Event()

    async def handle(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                message_id = None
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    name = name.strip().lower()
                    if name == b"content-length":
                        length = int(value)
                    elif name == b"webhook-id":
                        message_id = value.strip().decode()
                body = await reader.readexactly(length)
                now = time.monotonic()
                writer.write(b"HTTP/1.1 204 No Content\r\n\r\n")
                article = json.loads(body)["data"]["id"]
                with self.lock:
                    self.got.append((now, message_id, article))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def run(self):
        async def main():
            server = await asyncio.start_server(self.handle, "127.0.0.1", 0, backlog=1024)
            self.port = server.sockets[0].getsockname()[1]
            self.ready.set()
            async with server:
                await server.serve_forever()
        asyncio.run(main())


def publish(api, token, lines, rate, seconds, published):
    """Imports one generated article per request at `rate` a second for `seconds`, from 4 threads."""
    interval = 4.0 / rate
    start = time.monotonic()
    stop = start + seconds
    feed = iter(lines)
    feed_lock = threading.Lock()

    def worker(offset):
        next_at = start + offset * interval / 4
        while next_at < stop:
            time.sleep(max(0.0, next_at - time.monotonic()))
            with feed_lock:
                line = next(feed)
            report = request(api, "POST", "/api/v1/imports", token, line.encode(), "application/x-ndjson")
            done = time.monotonic()
            item = report["items"][0]
            if item.get("articleStatus") == "published" and item.get("id") is not None:
                published[item["id"]] = done
            next_at += interval

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return start


def drained(receiver):
    """Returns once nothing has arrived for 5 s."""
    last = -1
    while True:
        time.sleep(5)
        with receiver.lock:
            size = len(receiver.got)
        if size == last:
            return
        last = size


def deliveries(database, where="true"):
    return int(subprocess.run(["psql", "-d", database, "-Atc", f"select count(*) from webhook_delivery where {where}"],
                              capture_output=True, text=True, check=True).stdout)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--subscriptions", type=int, default=1000)
    parser.add_argument("--rate", type=int, default=100, help="publishes per second")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=30, help="seconds of the same load before the measured ones")
    parser.add_argument("--out", default=None, help="append the figures to this file")
    args = parser.parse_args()

    rng = random.Random(17)
    receiver = Receiver()
    threading.Thread(target=receiver.run, daemon=True).start()
    receiver.ready.wait()
    roots = provinces(args.database)
    for n, hook_filter in enumerate(filters(rng, roots, args.subscriptions)):
        request(args.api, "POST", "/api/v1/webhooks", args.token,
                {"url": f"http://127.0.0.1:{receiver.port}/hook/{n}", "events": ["article.published"], "filter": hook_filter})
    print(f"{args.subscriptions} subscriptions over {len(roots)} provinces", file=sys.stderr)

    warmup = args.rate * args.warmup
    count = warmup + args.rate * args.seconds + 100
    generated = subprocess.run([sys.executable, __import__("os").path.join(__import__("os").path.dirname(__file__), "generate.py"),
                                "--count", str(count), "--seed", "77"], capture_output=True, text=True, check=True).stdout.splitlines()
    if args.warmup:
        # The same load first, not measured: a server runs warm (in the first minute the JIT compiler alone takes a
        # third of the app's CPU), and the receiver, the pools and the statistics are as they will stay.
        publish(args.api, args.token, generated[:warmup], args.rate, args.warmup, {})
        drained(receiver)
        print(f"warmed up: {len(receiver.got)} deliveries of {args.warmup} s of publishing", file=sys.stderr)
        with receiver.lock:
            receiver.got.clear()
    before = deliveries(args.database)
    published = {}
    start = publish(args.api, args.token, generated[warmup:], args.rate, args.seconds, published)
    end_of_publishing = time.monotonic()
    drained(receiver)
    got = list(receiver.got)
    expected = deliveries(args.database) - before
    delivered = deliveries(args.database, "status = 'delivered'") - before
    during = [g for g in got if start <= g[0] <= end_of_publishing]
    latencies = [(at - published[article]) * 1000 for at, _, article in got if article in published]
    distinct = len({message_id for _, message_id, _ in got})
    lines = [
        f"Webhooks ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC): {args.subscriptions} subscriptions, "
        f"after {args.warmup} s of warm-up, {len(published)} publishes in {end_of_publishing - start:.0f} s ({len(published) / (end_of_publishing - start):.0f}/s; "
        f"asked {args.rate}/s for {args.seconds} s)",
        f"deliveries recorded {expected}, delivered {delivered}, received {len(got)} ({distinct} distinct webhook-ids)",
        f"sustained while publishing: {len(during) / (end_of_publishing - start):.0f} deliveries/s; "
        f"overall {len(got) / (max(g[0] for g in got) - start):.0f}/s" if got else "nothing received",
        f"publish to delivery: p50 {statistics.median(latencies):.0f} ms, p99 {percentile(latencies, 99):.0f} ms, "
        f"max {max(latencies):.0f} ms" if latencies else "",
    ]
    print("\n".join(lines))
    if args.out:
        with open(args.out, "a") as out:
            out.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    main()
