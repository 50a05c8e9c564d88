"""Medians of the network benchmark's results: one row per workload, Warren against the best peer."""
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

print("| workload | " + " | ".join(f"{p} msgs/s (p50 / p99)" for p in providers) + " | Warren / best peer |")
print("|---|" + "---:|" * (len(providers) + 1))
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
    peers = [v for p, v in medians.items() if p != "warren"]
    ratio = f"{medians['warren'] / max(peers):.2f}x" if "warren" in medians and peers else "-"
    title = runs[(w, providers[0])][0][1][1] if runs[(w, providers[0])] else ""
    print(f"| {w} {title} | " + " | ".join(row) + f" | {ratio} |")
