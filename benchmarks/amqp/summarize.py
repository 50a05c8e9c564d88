#!/usr/bin/env python3
"""Helpers of run.sh: parse one PerfTest output, print the markdown tables, list JFR hot methods.

  summarize.py parse <perftest-output> <exit-code>   -> "sent recv min p50 p75 p95 p99" or "FAILED ..."
  summarize.py table <runs.tsv> "A=title;B=title;..." -> markdown: medians, Warren/RabbitMQ ratios, all runs
  summarize.py hot <jfr print output>                 -> top frames and top Warren frames by sample count
"""
import collections
import re
import statistics
import sys

FIELDS = ["sent", "received", "min", "p50", "p75", "p95", "p99"]


def parse(path, rc):
    text = open(path, encoding="utf-8", errors="replace").read()
    sent = re.search(r"sending rate avg: (\d+) msg/s", text)
    recv = re.search(r"receiving rate avg: (\d+) msg/s", text)
    lat = re.search(r"consumer latency min/median/75th/95th/99th (\d+)/(\d+)/(\d+)/(\d+)/(\d+) (\S+)", text)
    if rc != "0" or not sent or not recv:
        first_error = next((l.strip() for l in text.splitlines() if "Exception" in l or "error" in l.lower()), "")
        print(f"FAILED rc={rc} {first_error[:160]}")
        return
    if lat:
        scale = 1000 if lat.group(6) == "ms" else 1
        lats = [str(int(lat.group(i)) * scale) for i in range(1, 6)]
    else:
        lats = ["-"] * 5
    print(" ".join([sent.group(1), recv.group(1)] + lats))


def median(values):
    nums = [float(v) for v in values if v not in ("-", "", None)]
    return statistics.median(nums) if nums else None


def fmt(v, unit=""):
    if v is None:
        return "n/a"
    if unit == "ms":
        return f"{v / 1000:.1f}" if v >= 100 else f"{v / 1000:.2f}"
    return f"{v:,.0f}"


def table(runs_path, titles_arg):
    titles = dict(kv.split("=", 1) for kv in titles_arg.split(";") if "=" in kv)
    rows = [l.rstrip("\n").split("\t") for l in open(runs_path, encoding="utf-8")][1:]
    by = collections.defaultdict(list)
    for r in rows:
        by[(r[0], r[1])].append(r)
    brokers = [b for b in ("warren", "rabbitmq") if any(k[1] == b for k in by)]
    print("## Medians (msgs/s; consumer latency in ms)")
    print()
    print("| workload | broker | sent msg/s | received msg/s | lat min | p50 | p75 | p95 | p99 | ok runs |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    med = {}
    for w in titles:
        for b in brokers:
            runs = [r for r in by.get((w, b), []) if not r[4].startswith("FAILED")]
            m = {f: median([r[4 + i] for r in runs]) for i, f in enumerate(FIELDS)}
            med[(w, b)] = m
            total = len(by.get((w, b), []))
            print(f"| {titles[w]} | {b} | {fmt(m['sent'])} | {fmt(m['received'])} | "
                  + " | ".join(fmt(m[f], "ms") for f in FIELDS[2:]) + f" | {len(runs)}/{total} |")
    if len(brokers) == 2:
        print()
        print("## Warren / RabbitMQ (medians)")
        print()
        print("| workload | received msg/s ratio | target | p50 latency ratio | p99 latency ratio |")
        print("|---|---:|---|---:|---:|")
        for w in titles:
            a, b = med[(w, "warren")], med[(w, "rabbitmq")]
            ratio = (a["received"] / b["received"]) if a["received"] and b["received"] else None
            target = 1.0 if "persistent" in titles[w] and "non-persistent" not in titles[w] else 2.0
            verdict = "n/a" if ratio is None else ("met" if ratio >= target else "missed")
            lr = lambda f: f"{a[f] / b[f]:.2f}" if a[f] and b[f] else "n/a"
            print(f"| {titles[w]} | {'n/a' if ratio is None else f'{ratio:.2f}x'} | >= {target:.0f}x: {verdict} | "
                  f"{lr('p50')} | {lr('p99')} |")
    print()
    print("## All runs (latency in µs)")
    print()
    print("| workload | broker | rep | load avg before | sent | received | min | p50 | p75 | p95 | p99 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cells = r[4:] if not r[4].startswith("FAILED") else [" ".join(r[4:])] + [""] * 6
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | " + " | ".join(cells) + " |")


def hot(path):
    """Top frame of each sample ("self" time), overall and for Warren's own code."""
    top = collections.Counter()
    warren = collections.Counter()
    total = 0
    first = None
    warren_seen = False
    for line in open(path, encoding="utf-8", errors="replace"):
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            total += 1
            first = None
            warren_seen = False
        elif s.startswith("stackTrace = ["):
            first = "pending"
        elif first is not None and s and s != "]" and not s.startswith("..."):
            frame = re.sub(r"\s+line:.*$", "", s)
            if first == "pending":
                top[frame] += 1
                first = frame
            if not warren_seen and frame.startswith("io.warren."):
                warren[frame] += 1
                warren_seen = True
    print(f"{total} samples")
    print("-- top frames (self) --")
    for f, n in top.most_common(25):
        print(f"{n:6d} {100.0 * n / max(total, 1):5.1f}%  {f}")
    print("-- first io.warren frame of each sample (Warren code on the stack, inclusive of callees below it) --")
    for f, n in warren.most_common(25):
        print(f"{n:6d} {100.0 * n / max(total, 1):5.1f}%  {f}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "parse":
        parse(sys.argv[2], sys.argv[3])
    elif cmd == "table":
        table(sys.argv[2], sys.argv[3])
    elif cmd == "hot":
        hot(sys.argv[2])
    else:
        sys.exit(f"unknown command {cmd}")
