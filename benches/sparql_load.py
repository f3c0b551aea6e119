"""Load on a SPARQL endpoint: CLIENTS threads each send ROUNDS queries from the catalogue at the
same time (all threads start together), then a JSON summary: queries, errors, wall time,
queries per second, and latency percentiles in milliseconds.

usage: python3 sparql_load.py ENDPOINT QUERY.rq... [--clients 200] [--rounds 1]
"""
import argparse
import json
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("endpoint")
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    texts = []
    for path in args.queries:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())

    latencies, errors = [], []
    lock = threading.Lock()
    start = threading.Barrier(args.clients)

    def client(n):
        start.wait()
        for r in range(args.rounds):
            query = texts[(n + r) % len(texts)]
            body = urllib.parse.urlencode({"query": query}).encode()
            request = urllib.request.Request(
                args.endpoint, data=body,
                headers={"Accept": "application/sparql-results+json",
                         "Content-Type": "application/x-www-form-urlencoded"})
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    json.load(response)
                with lock:
                    latencies.append((time.perf_counter() - began) * 1000)
            except (urllib.error.URLError, OSError, ValueError) as e:
                with lock:
                    errors.append(repr(e))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else None

    print(json.dumps({
        "clients": args.clients, "queries": len(latencies) + len(errors), "errors": len(errors),
        "first_errors": errors[:3], "wall_s": round(wall, 3),
        "queries_per_s": round((len(latencies) + len(errors)) / wall, 1),
        "median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": pct(0.95), "max_ms": pct(1.0),
    }))


if __name__ == "__main__":
    main()
