#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""bench-report.py [--png OUT.png] [--host HOST.txt] [--arch DESC] KERNEL=results.txt ...

Reads the "BENCH set=<intree|ours|nosimd> round=<r> test=<t> key=value
..." lines that scripts/qemu/bench-init wrote, and prints per kernel and
metric the median over rounds of each module set with its spread
((max - min) / median), and the median of the per-round ratios ours /
in-tree (each round's pair ran back to back; the order alternates), and
the same for ours with simd=0, with the verdict against the target.  A
ratio from fewer than MIN_ROUNDS paired rounds is not printed.  Where a
target is missed it says by how much.  --host adds the real-CPU codec
table (tests/host bench_hdlc).  --arch names the guest's architecture
(and its QEMU) in the headings; each kernel's table also names the CPU
features the guest saw and the codec path each set took (the "cpu" and
"codec-path" lines).  With --png, draws the ratios with gnuplot.

Failed runs are counted, listed and left out of the medians: a run that
said failed=1, an ldisc case with lost or bad frames, a codec case whose
decoder lost frames, ping replies missing, a figure missing from a round
that ran its item, a VM that did not finish, a failed host cross-check.
Exit status 1 if there was any ("bench: FAILED"), else 0 (the verdicts
against the targets are informative).
"""
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from statistics import median

MIN_ROUNDS = 3
SETS = ("intree", "ours", "nosimd")

# metric -> (label, unit, better ('low'|'high'), target ratio or None)
METRICS = {}
ORDER = []
# metric -> target for ours' own median (not a ratio to in-tree): the
# verdict column judges that instead
SELF_TARGETS = {"pppoe-many-scale": 1.10}


def metric(key, label, unit, better, target):
    if key not in METRICS:
        METRICS[key] = (label, unit, better, target)
        ORDER.append(key)


def item_of(test):
    """The bench-init item a test or metric key belongs to."""
    for prefix, item in (("ldisc", "ldisc"), ("codec", "codec"), ("vj", "vj"), ("units", "units"),
                         ("pppoe-many", "pppoe-many"), ("pppoe-sync", "pppoe-sync"), ("pppoe-kernel", "pppoe-kernel"), ("pppoe", "pppoe"),
                         ("tcp-", "link"), ("udp-", "link"), ("ping-", "link"), ("link", "link")):
        if test.startswith(prefix):
            return item
    return "*"


def parse(path):
    """The result rows (dicts), and whether the VM got to the end."""
    rows = []
    finished = False
    with open(path, errors="replace") as f:
        for line in f:
            if line.strip() == "END":
                finished = True
            if not line.startswith("BENCH "):
                continue
            kv = dict(re.findall(r"(\w+)=(\S+)", line))
            rows.append(kv)
    return rows, finished


class Run:
    """One kernel's results: values[metric][set][round], the rounds each
    set started (with its items), and the failures."""

    def __init__(self):
        self.values = defaultdict(lambda: defaultdict(dict))
        self.started = {}		# (set, round) -> set of items
        self.failures = []
        self.failed = set()		# (set, round, item) already counted
        self.pppoe_mods = defaultdict(set)	# set -> pppox/pppoe sources
        self.pppoe_gro = set()	# pppoe-kernel: GRO on the veth, on/off
        self.cpu = None				# the guest's "cpu" line
        self.paths = defaultdict(set)		# set -> codec paths taken
        self.sync_window = set()	# pppoe-sync: socket buffers (-w)
        self.sync_stalls = defaultdict(int)	# set -> pppoe-sync stalls
        self.sync_stall_ms = "?"	# pppoe-sync: the retry threshold
        self.sync_gaveup = defaultdict(int)	# set -> rounds left out

    def fail(self, r, what):
        s, rnd = r.get("set"), r.get("round")
        self.failures.append("%s round %s: %s" % (s, rnd, what))
        self.failed.add((s, rnd, item_of(r.get("test", ""))))

    def put(self, k, r, x):
        self.values[k][r["set"]][r["round"]] = x


def values(rows):
    """A Run from the rows of one results file."""
    run = Run()
    for r in rows:
        s, t = r.get("set"), r.get("test")
        try:
            if t == "round":
                run.started[(s, r["round"])] = set(r.get("items", "").split(","))
                continue
            if t == "pppoe-kernel-mods":
                run.pppoe_mods[s].add(r["pppoe"])
                if "gro" in r:
                    run.pppoe_gro.add(r["gro"])
                continue
            if t == "cpu":
                run.cpu = r
                continue
            if t == "codec-path":
                run.paths[s].add(r["path"])
                continue
            if t == "pppoe-sync-window":
                run.sync_window.add(r["w"])
                run.sync_stall_ms = r.get("stall_ms", run.sync_stall_ms)
                continue
            if t == "pppoe-sync-stall":
                if r.get("round") != "0":
                    run.sync_stalls[r["set"]] += 1
                continue
            if r.get("stalled") == "1":	# pppoe-sync: every try stalled
                run.failed.add((s, r.get("round"), item_of(t)))
                if r.get("round") != "0":
                    run.sync_gaveup[s] += 1
                continue
            if r.get("failed") == "1":
                run.fail(r, "%s failed (%s)" % (t, r.get("reason", "?")))
                continue
            if t == "ldisc":
                k = "ldisc-%s-%s-%s" % (r["dir"], r["size"], r["mode"])
                # never above in-tree; with asyncmap 0 half of it, and
                # 0.7 of it for 64-byte frames
                target = 1.0
                if r["mode"] == "map0":
                    target = 0.7 if r["size"] == "64" else 0.5
                metric(k, "ldisc %-4s %5s B %-6s CPU/MB" % (r["dir"], r["size"], r["mode"]),
                       "ms", "low", target)
                lost, bad = int(r.get("lost", 0)), int(r.get("bad", 0))
                mb = int(r["bytes"]) / 1e6
                if lost or bad or mb <= 0:
                    run.fail(r, "%s: %d frames lost, %d bad" % (k, lost, bad))
                    continue
                run.put(k, r, int(r["cpu_ns"]) / 1e6 / mb)
            elif t == "codec":
                k = "codec-%s-%s-%s" % (r["op"], r["size"], r["mode"])
                metric(k, "codec %s %5s B %-6s (ours)" % (r["op"], r["size"], r["mode"]),
                       "MB/s", "high", None)
                if r.get("ok", "1") != "1":
                    run.fail(r, "%s: the decoder lost frames" % k)
                    continue
                run.put(k, r, int(r["bytes"]) / (int(r["ns"]) / 1e3))
            elif t == "vj":
                # ours under set "ours", slhc under "intree" (bench_vj)
                # streams "ts1", "ts2": TCP timestamps (results from
                # before there were streams have no stream field)
                st = r.get("stream", "plain")
                ts = "" if st == "plain" else " " + st
                k = "vj-%s-%s%s" % (r["op"], r["size"], ts.replace(" ", "-"))
                metric(k, "vj %-6s %5s B%s per packet" % (r["op"], r["size"], ts),
                       "ns", "low", 1.0)
                if r.get("ok") != "1":
                    run.fail(r, "%s: the packets did not come back intact" % k)
                    continue
                run.put(k, r, int(r["ns"]) / int(r["pkts"]))
            elif t == "units":
                n = int(r["n"])
                metric("units-create", "units: create, per unit", "ms", "low", 1.0)
                metric("units-gone", "units: close..gone from sysfs, per unit",
                       "ms", "low", None)
                metric("units-destroy", "units: destroy (close..all done), per unit",
                       "ms", "low", 0.1)
                metric("units-destroy-cpu", "units: destroy CPU, per unit", "ms",
                       "low", None)
                metric("units-mem", "units: slab+percpu, per unit", "KiB", "low", 1.0)
                run.put("units-create", r, int(r["create_ns"]) / 1e6 / n)
                run.put("units-gone", r, int(r["gone_ns"]) / 1e6 / n)
                run.put("units-destroy", r, int(r["destroy_ns"]) / 1e6 / n)
                run.put("units-destroy-cpu", r, int(r["destroy_cpu_ns"]) / 1e6 / n)
                run.put("units-mem", r, (int(r["slab_kb"]) + int(r["percpu_kb"])) / n)
            elif t == "pppoe-many":
                pppoe_many(run, r)
            elif t in ("tcp-a2b", "tcp-b2a", "udp-a2b", "pppoe-tcp-a2b",
                       "pppoe-tcp-b2a", "pppoe-sync-tcp-a2b",
                       "pppoe-sync-tcp-b2a", "pppoe-kernel-tcp-a2b",
                       "pppoe-kernel-tcp-b2a"):
                kbps, rx = float(r["kbps"]), int(r["bytes"])
                metric(t + "-tput", "%s throughput" % t, "Mbit/s", "high", 1.25)
                metric(t + "-cpu", "%s CPU per MB received" % t, "ms", "low", 0.8)
                if kbps <= 0 or rx <= 0:
                    run.fail(r, "%s: nothing received" % t)
                    continue
                run.put(t + "-tput", r, kbps / 1000)
                run.put(t + "-cpu", r, int(r["cpu_ns"]) / 1e6 / (rx / 1e6))
            elif t in ("ping-idle", "ping-load"):
                metric(t + "-med", "%s RTT median" % t, "ms", "low", 1.0)
                metric(t + "-p99", "%s RTT p99" % t, "ms", "low", 1.0)
                n, sent = int(r["n"]), int(r.get("sent", r["n"]))
                if n < sent or n == 0:
                    run.fail(r, "%s: %d of %d replies" % (t, n, sent))
                    continue
                run.put(t + "-med", r, int(r["med_us"]) / 1e3)
                run.put(t + "-p99", r, int(r["p99_us"]) / 1e3)
        except (KeyError, ValueError, ZeroDivisionError):
            run.fail(r, "cannot read %r" % r)
    pppoe_many_scale(run)
    # a round that ran an item must have each of its figures
    for k in ORDER:
        for (s, rnd), items in sorted(run.started.items()):
            item = item_of(k)
            if item not in items or rnd in run.values[k].get(s, {}):
                continue
            # bench-init runs no N_SYNC_PPP case with simd=0 (no codec)
            if s == "nosimd" and k.startswith("ldisc-") and k.endswith("-sync"):
                continue
            if {(s, rnd, item), (s, rnd, "*")} & run.failed:
                continue
            run.failures.append("%s round %s: %s missing" % (s, rnd, k))
    return run


def pppoe_many(run, r):
    """A pppoe_many line: one session (the scaling base) or N."""
    n, rx = int(r["n"]), int(r["bytes"])
    if rx <= 0 or rx != int(r.get("sent", rx)):
        run.fail(r, "pppoe-many n=%d: %d of %s bytes received" % (n, rx, r.get("sent")))
        return
    if n == 1:
        metric("pppoe-many-1-cpu", "pppoe-many 1 session: CPU per MB rcvd", "ms", "low", 0.8)
        run.put("pppoe-many-1-cpu", r, int(r["cpu_ns"]) / 1e6 / (rx / 1e6))
        return
    metric("pppoe-many-setup", "pppoe-many %d: setup per session" % n, "ms", "low", None)
    metric("pppoe-many-setup-cpu", "pppoe-many %d: setup CPU per session" % n, "ms", "low", None)
    metric("pppoe-many-mem", "pppoe-many %d: slab+percpu per session" % n, "KiB", "low", 1.0)
    metric("pppoe-many-teardown", "pppoe-many %d: teardown per session" % n, "ms", "low", None)
    metric("pppoe-many-n-cpu", "pppoe-many %d sessions: CPU per MB rcvd" % n, "ms", "low", 0.8)
    metric("pppoe-many-scale", "pppoe-many: CPU/MB %d sessions / 1 (self)" % n, "x", "low", None)
    run.put("pppoe-many-setup", r, int(r["setup_ns"]) / 1e6 / n)
    run.put("pppoe-many-setup-cpu", r, int(r["setup_cpu_ns"]) / 1e6 / n)
    run.put("pppoe-many-mem", r, (int(r["slab_kb"]) + int(r["percpu_kb"])) / n)
    run.put("pppoe-many-teardown", r, int(r["teardown_ns"]) / 1e6 / n)
    run.put("pppoe-many-n-cpu", r, int(r["cpu_ns"]) / 1e6 / (rx / 1e6))


def pppoe_many_scale(run):
    """Per set and round: CPU per MB with N sessions over that with one."""
    v = run.values
    for s, per in list(v.get("pppoe-many-n-cpu", {}).items()):
        for rnd, x in per.items():
            one = v.get("pppoe-many-1-cpu", {}).get(s, {}).get(rnd)
            if one:
                v["pppoe-many-scale"][s][rnd] = x / one


def paired(v, s):
    """Per-round ratios set s / in-tree, over the rounds both ran."""
    a, b = v.get(s, {}), v.get("intree", {})
    return [a[r] / b[r] for r in sorted(a) if r in b and b[r]]


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


def show_ratio(ratios):
    if not ratios:
        return "-", None
    if len(ratios) < MIN_ROUNDS:
        return "n/a (%d rounds)" % len(ratios), None
    m = median(ratios)
    return "%.3f" % m, m


def main():
    args = sys.argv[1:]
    png = host = arch = None
    while len(args) >= 2 and args[0] in ("--png", "--host", "--arch"):
        if args[0] == "--png":
            png = args[1]
        elif args[0] == "--arch":
            arch = args[1]
        else:
            host = args[1]
        args = args[2:]
    if not args and not host:
        print(__doc__, file=sys.stderr)
        return 1
    chart = defaultdict(dict)	# (metric, set) -> kernel -> ratio
    kernels = []
    failures = []
    met = missed = 0
    for a in args:
        kernel, path = a.split("=", 1)
        kernels.append(kernel)
        rows, finished = parse(path)
        run = values(rows)
        v = run.values
        if not finished:
            run.failures.append("the VM did not finish (partial results)")
        rounds = sorted({int(r) for (s, r) in run.started})
        print()
        if arch:
            print("== arch %s" % arch)
        print("== kernel %s: medians over rounds (spread = (max-min)/median); ratio = median of "
              "the per-round ratios to in-tree (n/a below %d rounds)" % (kernel, MIN_ROUNDS))
        print("   rounds: %s (after a warm-up round, not counted); simd=0: ours with ppp_async simd=0"
              % (", ".join(str(x) for x in rounds) or "none"))
        if run.cpu:
            print("   guest CPU: %s, vector features for the codec: %s"
                  % (run.cpu.get("machine", "?"), run.cpu.get("vec", "?")))
        if run.paths:
            print("   codec path (ppp_codec_bench; ppp_async takes the same): " + ", ".join(
                "%s: %s" % ("simd=0" if s == "nosimd" else s, "+".join(sorted(p)))
                for s, p in sorted(run.paths.items())))
        hdr = "%-44s %-6s %15s %15s %15s %15s %15s  %s" % (
            "metric", "unit", "in-tree (sprd)", "ours (sprd)", "simd=0 (sprd)",
            "ours/in-tree", "simd=0/in-tree", "target")
        print(hdr)
        print("-" * len(hdr))
        for k in ORDER:
            if k not in v:
                continue
            label, unit, better, target = METRICS[k]
            cells = []
            for s in SETS:
                xs = list(v[k].get(s, {}).values())
                cells.append("%s (%.1f%%)" % (fmt(median(xs)), spread(xs)) if xs else "-")
            ours_txt, ratio = show_ratio(paired(v[k], "ours"))
            nosimd_txt, nosimd = show_ratio(paired(v[k], "nosimd"))
            if ratio is not None:
                chart[(k, "ours")][kernel] = ratio
            if nosimd is not None:
                chart[(k, "nosimd")][kernel] = nosimd
            vd = verdict(better, target, ratio)
            if k in SELF_TARGETS and v[k].get("ours"):
                vd = verdict(better, SELF_TARGETS[k], median(v[k]["ours"].values()))
                vd += " (ours itself)"
            if vd.startswith("met"):
                met += 1
            elif vd.startswith("MISSED"):
                missed += 1
            print("%-44s %-6s %15s %15s %15s %15s %15s  %s" % (
                label, unit, cells[0], cells[1], cells[2], ours_txt, nosimd_txt, vd))
        for w in sorted(run.sync_window):
            if w == "0":
                print("   pppoe-sync: the default socket buffers (pppoe -s may end the session "
                      "on two frames in one pty read)")
            else:
                print("   pppoe-sync: %s socket buffers (as iperf3 -w %s), one frame in flight "
                      "(pppoe -s ends the session on two frames in one pty read); pppbench's "
                      "transfer, its data phase timed" % (w, w))
        if run.sync_window:
            print("   pppoe-sync: transfers given up after stalling for %s ms in all and run "
                  "again, over the counted rounds: in-tree %d, ours %d; left out after "
                  "every try stalled: in-tree %d, ours %d"
                  % (run.sync_stall_ms, run.sync_stalls["intree"], run.sync_stalls["ours"],
                     run.sync_gaveup["intree"], run.sync_gaveup["ours"]))
        if run.pppoe_mods:
            print("   pppoe-kernel: pppox/pppoe loaded by " + ", ".join(
                "%s: %s" % (s, "+".join(sorted(m))) for s, m in sorted(run.pppoe_mods.items())) +
                ("; GRO on the veth: " + "+".join(sorted(run.pppoe_gro)) if run.pppoe_gro else ""))
        if run.failures:
            print("   failed runs (left out of the medians): %d" % len(run.failures))
            for f in run.failures:
                print("     %s" % f)
        failures += ["%s: %s" % (kernel, f) for f in run.failures]
    if host:
        print()
        print("== host CPU: our codec (vector paths on, off) against a byte-at-a-time "
              "RFC 1662 reference (tests/host bench_hdlc)")
        try:
            with open(host, errors="replace") as f:
                text = f.read()
        except OSError as e:
            text = "cannot read %s: %s\n" % (host, e)
        sys.stdout.write(text)
        if "cross-check against the reference passed" not in text:
            failures.append("host: the codec benchmark failed")
    print()
    print("bench: %d targets met, %d missed" % (met, missed))
    if png and chart:
        draw(png, chart, kernels, arch)
    if failures:
        print("bench: FAILED: %d failed runs" % len(failures))
        return 1
    print("bench: no failed runs")
    return 0


def draw(png, chart, kernels, arch):
    keys = [k for k in ORDER if (k, "ours") in chart or (k, "nosimd") in chart]
    # only series with a figure: gnuplot refuses a column of NaN only
    # (the simd=0 set does not run every item)
    series = [(kern, s) for kern in kernels for s in ("ours", "nosimd")
              if any(kern in chart.get((k, s), {}) for k in keys)]
    if not series:
        return
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as d:
        for k in keys:
            label = METRICS[k][0].replace(" ", "_").replace("_per_unit", "")
            label = re.sub(r"_+", "_", label)
            d.write("%s %s\n" % (label, " ".join(
                "%.4f" % chart.get((k, s), {}).get(kern, float("nan"))
                for kern, s in series)))
        dat = d.name
    plots = ", ".join("'%s' using %d:xtic(1) title '%s/in-tree, %s'" % (
        dat, i + 2, "ours" if s == "ours" else "ours simd=0", kern)
        for i, (kern, s) in enumerate(series))
    script = """
set terminal pngcairo size 1400,%d noenhanced font ',9'
set output '%s'
set title 'pppstack vs in-tree%s: ratio ours/in-tree (median of per-round ratios, icount, 1 vCPU); throughput: higher is better, CPU/time/memory: lower'
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set yrange [0.01:4]
set grid ytics
set xtics rotate by -60 font ',8'
set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 dt 2
plot %s
""" % (700, png, ", " + arch.split(" ")[0] if arch else "", plots)
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
        print("chart: %s" % png)
    except (OSError, subprocess.CalledProcessError) as e:
        print("no chart (gnuplot: %s)" % e)
    finally:
        os.unlink(dat)


if __name__ == "__main__":
    sys.exit(main())
