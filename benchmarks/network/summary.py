"""Medians of the network benchmark's results: one row per workload, Warren against each peer."""
import re
import statistics
import sys
from collections import defaultdict

results, providers = sys.argv[1], sys.argv[2].split()
runs = defaultdict(list)  # (workload, provider) -> [(rate, cells)]
order = []
for raw in open(results, encoding="utf-8"):
    rep, provider, workload, line = raw.rstrip("\n").split("\t", 3)
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    digits = re.sub(r"[^0-9.]", "", cells[2].split(" ")[0]) if len(cells) > 2 else ""
    rate = float(digits) if digits else None
    runs[(workload, provider)].append((rate, cells))
    if workload not in order:
        order.append(workload)

peer_names = [p for p in providers if p != "warren"]
print("| workload | " + " | ".join(f"{p} msgs/s (p50 / p99)" for p in providers) + " | "
      + " | ".join(f"Warren / {p}" for p in peer_names) + " |")
print("|---|" + "---:|" * (len(providers) + len(peer_names)))
for w in order:
    row, medians = [], {}
    for p in providers:
        ok = sorted((r for r in runs[(w, p)] if r[0] is not None), key=lambda r: r[0])
        if not ok:
            failed = runs[(w, p)][0][1][1] if runs[(w, p)] else "not run"
            row.append("n/a (" + failed[:60] + ")")
            continue
        mid = ok[(len(ok) - 1) // 2]
        medians[p] = statistics.median(r[0] for r in ok)
        row.append(f"{medians[p]:,.0f} ({mid[1][3]} / {mid[1][4]})")
    ratios = [f"{medians['warren'] / medians[p]:.2f}x" if "warren" in medians and p in medians else "-"
              for p in peer_names]
    title = runs[(w, providers[0])][0][1][1] if runs[(w, providers[0])] else ""
    print(f"| {w} {title} | " + " | ".join(row + ratios) + " |")
