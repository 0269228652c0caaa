# SPDX-License-Identifier: GPL-2.0
"""Robustness: every way chat can fail leaves the terminal as
it found it and removes its lock file; success keeps the lock (pppd
owns it from there) and also restores the terminal."""
import os
import signal
import time

from modem import Rule as R
from registry import expect, test

# (name, args after "-l LOCK", modem rules, exit code)
FAILURES = [
    ("timeout", ["-t", "1", "NEVER", ""], [], 3),
    ("abort", ["ABORT", "BUSY", "", "ATD", "CONNECT", ""],
     [R(b"ATD\r", b"BUSY\r\n")], 4),
    ("send-timeout", ["-t", "1", "", "a\\db"], [], 1),
    ("sigint", ["OK", ""], [R(None, b"", 0.3, sig=signal.SIGINT)], 2),
    ("sigterm", ["OK", ""], [R(None, b"", 0.3, sig=signal.SIGTERM)], 2),
    ("sighup", ["OK", ""], [R(None, b"", 0.3, sig=signal.SIGHUP)], 2),
    ("signal-mid-send", ["", "0123456789" * 10],
     [R(None, b"", 0.3, sig=signal.SIGTERM)], 2),
    # the pty is chat's controlling terminal: the hangup is a SIGHUP
    # (Debian's chat: 2 as well)
    ("modem-hangup", ["-t", "5", "OK", ""],
     [R(None, b"", 0.3, hangup=True)], 2),
]


@test
def failure_paths_restore_tty_and_remove_lock(ctx):
    for name, args, rules, rc in FAILURES:
        lock = ctx.path("LCK..%s" % name)
        seen = {}

        def look(_proc, lock=lock, seen=seen):
            # the lock exists while chat runs (taken before the script)
            for _ in range(100):
                if os.path.exists(lock):
                    seen["held"] = True
                    return
                time.sleep(0.01)

        res = ctx.run(["-l", lock] + args, rules, after_start=look)
        assert res.rc == rc, (name, res)
        expect(res)
        # (ABORT fails too fast to catch the lock in between)
        assert seen.get("held") or name == "abort", (name, "lock never seen")
        assert not os.path.exists(lock), (name, "lock file left behind")
        # a hung-up tty takes no tcsetattr(): nothing to restore there
        if name != "modem-hangup":
            assert res.tty_after == res.tty_before, (name, "termios changed")


@test
def success_keeps_lock_restores_tty(ctx):
    lock = ctx.path("LCK..ok")
    res = ctx.run(["-l", lock, "", "ATZ", "OK", ""],
                  [R(b"ATZ\r", b"OK\r\n")])
    expect(res, rc=0)
    assert os.path.exists(lock)
    assert res.tty_after == res.tty_before
