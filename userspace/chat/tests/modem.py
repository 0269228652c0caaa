# SPDX-License-Identifier: GPL-2.0
"""A fake modem on a pty for testing chat.

run_chat() creates a pty pair, puts the slave in raw mode (as pppd does
before it runs a connect script), starts chat with the slave as its stdin
and stdout, and plays the modem on the master: scripted replies with
delays, hang-ups and signals, recording exactly the bytes chat sent.
Works with no controlling terminal and no stdin (CI).
"""
import os
import select
import signal
import subprocess
import tempfile
import termios
import time
import tty


class Rule:
    """When `trigger` has been received (since the previous rule fired),
    wait `delay` seconds, then write `reply`, and/or hang up (close the
    master), and/or send `signal` to chat.  trigger=None fires at start."""

    def __init__(self, trigger, reply=b"", delay=0.0, hangup=False,
                 sig=None):
        self.trigger = trigger
        self.reply = reply
        self.delay = delay
        self.hangup = hangup
        self.sig = sig


class Result:
    def __init__(self):
        self.rc = None
        self.sent = b""
        self.stderr = b""
        self.report = None
        self.elapsed = 0.0
        self.tty_before = None
        self.tty_after = None

    def __repr__(self):
        return "rc=%r sent=%r stderr=%r report=%r" % (
            self.rc, self.sent, self.stderr, self.report)



def _wait_catching(pid, sig, limit=5.0):
    """Wait (at most `limit` s) until process `pid` catches or ignores
    `sig` (SigCgt/SigIgn in /proc/PID/status), so that a signal meant for
    chat's handler cannot arrive, on a loaded host, before chat set it."""
    bit = 1 << (int(sig) - 1)
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith(("SigCgt:", "SigIgn:")) and \
                            int(line.split()[1], 16) & bit:
                        return
        except OSError:
            return
        time.sleep(0.01)

def run_chat(binary, args, rules=(), env=None, limit=30.0, stdin_tty=True,
             report=None, cwd=None, argv0="chat", after_start=None):
    res = Result()
    master, slave = os.openpty()
    tty.setraw(slave)
    res.tty_before = termios.tcgetattr(slave)
    errf = tempfile.TemporaryFile()
    full_env = dict(os.environ)
    full_env.setdefault("ASAN_OPTIONS", "exitcode=99:detect_leaks=1")
    full_env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:exitcode=98:"
                        "print_stacktrace=1")
    if env:
        full_env.update(env)
    start = time.monotonic()
    proc = subprocess.Popen([argv0] + list(args), executable=binary,
                            stdin=slave if stdin_tty else subprocess.DEVNULL,
                            stdout=slave, stderr=errf, env=full_env,
                            cwd=cwd, start_new_session=True)
    if after_start:
        after_start(proc)
    rules = list(rules)
    idx = 0
    since = b""
    pending = []            # (when, rule)
    sent = bytearray()
    closed = False

    def arm():
        nonlocal idx, since
        while idx < len(rules) and rules[idx].trigger is None:
            pending.append((time.monotonic() + rules[idx].delay,
                            rules[idx]))
            idx += 1

    arm()
    deadline = start + limit
    while True:
        now = time.monotonic()
        for item in sorted(pending, key=lambda p: p[0]):
            when, rule = item
            if when > now:
                continue
            pending.remove(item)
            if rule.reply and not closed:
                try:
                    os.write(master, rule.reply)
                except OSError:
                    pass
            if rule.sig is not None:
                _wait_catching(proc.pid, rule.sig)
                try:
                    proc.send_signal(rule.sig)
                except ProcessLookupError:
                    pass
            if rule.hangup and not closed:
                closed = True
                os.close(master)
        if proc.poll() is not None:
            break
        if now > deadline:
            proc.kill()
            proc.wait()
            res.rc = "killed"
            break
        if closed:
            time.sleep(0.01)
            continue
        r, _, _ = select.select([master], [], [], 0.005)
        if r:
            try:
                data = os.read(master, 4096)
            except OSError:
                data = b""
            sent += data
            since += data
            while idx < len(rules) and rules[idx].trigger is not None:
                pos = since.find(rules[idx].trigger)
                if pos < 0:
                    break
                since = since[pos + len(rules[idx].trigger):]
                pending.append((time.monotonic() + rules[idx].delay,
                                rules[idx]))
                idx += 1
                arm()
    res.elapsed = time.monotonic() - start
    if res.rc is None:
        res.rc = proc.returncode
    if not closed:
        os.set_blocking(master, False)
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            sent += data
        try:
            res.tty_after = termios.tcgetattr(slave)
        except termios.error:
            pass
        os.close(master)
    os.close(slave)
    errf.seek(0)
    res.stderr = errf.read()
    errf.close()
    res.sent = bytes(sent)
    if report and os.path.exists(report):
        with open(report, "rb") as f:
            res.report = f.read()
    return res
