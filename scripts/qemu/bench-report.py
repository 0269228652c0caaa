#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""bench-report.py [--png OUT.png] KERNEL=results.txt ...

Reads the "BENCH set=<ours|intree> round=<r> test=<t> key=value ..." lines
that scripts/qemu/bench-init wrote, and prints per kernel and metric the
median over rounds of each module set, its spread ((max - min) / median),
the ratio ours/in-tree and the verdict against the target of issue 9.
Where a target is missed it says by how much.  With --png, draws the
ratios with gnuplot.  Exit status 0 (the benchmark is informative; the
verdicts are in the output).
"""
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from statistics import median

# metric -> (label, unit, better ('low'|'high'), target ratio or None)
METRICS = {}
ORDER = []


def metric(key, label, unit, better, target):
    if key not in METRICS:
        METRICS[key] = (label, unit, better, target)
        ORDER.append(key)


def parse(path):
    """(set, round) -> list of dicts."""
    rows = []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.startswith("BENCH "):
                continue
            kv = dict(re.findall(r"(\w+)=(\S+)", line))
            rows.append(kv)
    return rows


def values(rows):
    """metric key -> set -> [value per round]."""
    v = defaultdict(lambda: defaultdict(list))
    for r in rows:
        s, t = r.get("set"), r.get("test")
        try:
            if t == "ldisc":
                mb = int(r["bytes"]) / 1e6
                if mb <= 0:
                    continue
                target = {"map0": 0.5, "worst": 1.0}.get(r["mode"])
                k = "ldisc-%s-%s-%s" % (r["dir"], r["size"], r["mode"])
                metric(k, "ldisc %s %5s B %-6s CPU/MB" % (r["dir"], r["size"], r["mode"]),
                       "ms", "low", target)
                v[k][s].append(int(r["cpu_ns"]) / 1e6 / mb)
                if int(r.get("lost", 0)):
                    print("warning: %s %s round %s lost %s frames" %
                          (k, s, r["round"], r["lost"]), file=sys.stderr)
            elif t == "codec":
                k = "codec-%s-%s-%s" % (r["op"], r["size"], r["mode"])
                metric(k, "codec %s %5s B %-6s (ours)" % (r["op"], r["size"], r["mode"]),
                       "MB/s", "high", None)
                v[k][s].append(int(r["bytes"]) / (int(r["ns"]) / 1e3))
            elif t == "vj":
                # ours under set "ours", slhc under "intree" (bench_vj)
                k = "vj-%s-%s" % (r["op"], r["size"])
                metric(k, "vj %-6s %5s B per packet" % (r["op"], r["size"]),
                       "ns", "low", 1.0)
                if r.get("ok") == "1":
                    v[k][s].append(int(r["ns"]) / int(r["pkts"]))
            elif t == "units":
                n = int(r["n"])
                metric("units-create", "units: create, per unit", "ms", "low", 1.0)
                metric("units-destroy", "units: destroy (close..gone), per unit",
                       "ms", "low", 0.1)
                metric("units-destroy-cpu", "units: destroy CPU, per unit", "ms",
                       "low", None)
                metric("units-mem", "units: slab+percpu, per unit", "KiB", "low", 1.0)
                v["units-create"][s].append(int(r["create_ns"]) / 1e6 / n)
                v["units-destroy"][s].append(int(r["destroy_ns"]) / 1e6 / n)
                v["units-destroy-cpu"][s].append(int(r["destroy_cpu_ns"]) / 1e6 / n)
                v["units-mem"][s].append((int(r["slab_kb"]) + int(r["percpu_kb"])) / n)
            elif t in ("tcp-a2b", "tcp-b2a", "udp-a2b", "pppoe-tcp-a2b",
                       "pppoe-tcp-b2a"):
                kbps = float(r["kbps"])
                if kbps <= 0:
                    continue
                metric(t + "-tput", "%s throughput" % t, "Mbit/s", "high", 1.25)
                metric(t + "-cpu", "%s CPU per MB" % t, "ms", "low", 0.8)
                v[t + "-tput"][s].append(kbps / 1000)
                v[t + "-cpu"][s].append(int(r["cpu_ns"]) / 1e6 /
                                        (int(r["bytes"]) / 1e6))
            elif t in ("ping-idle", "ping-load"):
                if int(r.get("n", 0)) == 0:
                    continue
                metric(t + "-med", "%s RTT median" % t, "ms", "low", 1.0)
                metric(t + "-p99", "%s RTT p99" % t, "ms", "low", 1.0)
                v[t + "-med"][s].append(int(r["med_us"]) / 1e3)
                v[t + "-p99"][s].append(int(r["p99_us"]) / 1e3)
        except (KeyError, ValueError, ZeroDivisionError):
            print("warning: cannot read %r" % r, file=sys.stderr)
    return v


def spread(xs):
    m = median(xs)
    return 100.0 * (max(xs) - min(xs)) / m if m else 0.0


def verdict(better, target, ratio):
    if target is None or ratio is None:
        return "-"
    # Judged on the ratio as the table prints it (three decimals): a
    # ratio shown as 1.000 is not "over 1.00x".
    ratio = round(ratio, 3)
    if better == "low":
        if ratio <= target:
            return "met (<= %.2fx)" % target
        return "MISSED: %.3fx > %.2fx (%.1f%% over)" % (ratio, target,
                                                     100 * (ratio / target - 1))
    if ratio >= target:
        return "met (>= %.2fx)" % target
    return "MISSED: %.3fx < %.2fx (%.1f%% short)" % (ratio, target,
                                                  100 * (1 - ratio / target))


def fmt(x):
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    return "%.3g" % x


def main():
    args = sys.argv[1:]
    png = None
    if len(args) >= 2 and args[0] == "--png":
        png = args[1]
        args = args[2:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 1
    chart = defaultdict(dict)	# metric -> kernel -> ratio
    kernels = []
    met = missed = 0
    for a in args:
        kernel, path = a.split("=", 1)
        kernels.append(kernel)
        v = values(parse(path))
        rounds = {len(v[k].get("ours", [])) for k in v} | {len(v[k].get("intree", [])) for k in v}
        print()
        print("== kernel %s: medians over rounds (spread = (max-min)/median), ratio = ours/in-tree"
              % kernel)
        print("   rounds per metric: %s" % (", ".join(str(x) for x in sorted(rounds)) or "none"))
        hdr = "%-42s %-6s %16s %16s %7s  %s" % ("metric", "unit", "in-tree (spread)",
                                               "ours (spread)", "ratio", "target")
        print(hdr)
        print("-" * len(hdr))
        for k in ORDER:
            if k not in v:
                continue
            label, unit, better, target = METRICS[k]
            cells = []
            meds = {}
            for s in ("intree", "ours"):
                xs = v[k].get(s)
                if xs:
                    meds[s] = median(xs)
                    cells.append("%s (%.1f%%)" % (fmt(meds[s]), spread(xs)))
                else:
                    cells.append("-")
            ratio = None
            if "intree" in meds and "ours" in meds and meds["intree"]:
                ratio = meds["ours"] / meds["intree"]
                chart[k][kernel] = ratio
            vd = verdict(better, target, ratio)
            if vd.startswith("met"):
                met += 1
            elif vd.startswith("MISSED"):
                missed += 1
            print("%-42s %-6s %16s %16s %7s  %s" % (label, unit, cells[0], cells[1],
                                                   "%.3f" % ratio if ratio else "-", vd))
    print()
    print("bench: %d targets met, %d missed" % (met, missed))
    if png and chart:
        draw(png, chart, kernels)
    return 0


def draw(png, chart, kernels):
    keys = [k for k in ORDER if k in chart]
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as d:
        for k in keys:
            label = METRICS[k][0].replace(" ", "_").replace("_per_unit", "")
            label = re.sub(r"_+", "_", label)
            d.write("%s %s\n" % (label, " ".join(
                "%.4f" % chart[k].get(kern, float("nan")) for kern in kernels)))
        dat = d.name
    plots = ", ".join("'%s' using %d:xtic(1) title 'ours/in-tree, %s'" % (dat, i + 2, kern)
                      for i, kern in enumerate(kernels))
    script = """
set terminal pngcairo size 1400,%d noenhanced font ',9'
set output '%s'
set title 'pppstack vs in-tree: ratio ours/in-tree (medians, icount, 1 vCPU); throughput: higher is better, CPU/time/memory: lower'
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set yrange [0.01:4]
set grid ytics
set xtics rotate by -60 font ',8'
set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 dt 2
plot %s
""" % (700, png, plots)
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
        print("chart: %s" % png)
    except (OSError, subprocess.CalledProcessError) as e:
        print("no chart (gnuplot: %s)" % e)
    finally:
        os.unlink(dat)


if __name__ == "__main__":
    sys.exit(main())
