# SPDX-License-Identifier: GPL-2.0
"""Test registration and helpers shared by the test files."""
import os
import re

from modem import run_chat

TESTS = []
REAL_CHAT = os.environ.get("REAL_CHAT", "/usr/sbin/chat")


def test(fn):
    TESTS.append((fn.__name__, fn))
    return fn


class Ctx:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, data, mode=0o644):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        os.chmod(p, mode)
        return p

    def run(self, args, rules=(), **kw):
        return run_chat(self.binary, args, rules, **kw)

    def real(self, args, rules=(), **kw):
        return run_chat(REAL_CHAT, args, rules, **kw)


TS = re.compile(rb"[A-Z][a-z]{2} [ 0-3][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} ")


def norm(b):
    """Normalise timestamps (REPORT lines) for comparison."""
    if b is None:
        return None
    return TS.sub(b"<TS> ", b)


def check_sanitizer(res):
    assert b"Sanitizer" not in res.stderr and \
        b"runtime error" not in res.stderr, res.stderr.decode(errors="replace")


def expect(res, rc=None, sent=None, stderr=None, stderr_has=(),
           stderr_lacks=()):
    check_sanitizer(res)
    if rc is not None:
        assert res.rc == rc, "rc %r != %r; %r" % (res.rc, rc, res)
    if sent is not None:
        assert res.sent == sent, "sent %r != %r; %r" % (res.sent, sent, res)
    if stderr is not None:
        assert res.stderr == stderr, "stderr %r != %r" % (res.stderr, stderr)
    for s in stderr_has:
        assert s in res.stderr, "%r not in stderr %r" % (s, res.stderr)
    for s in stderr_lacks:
        assert s not in res.stderr, "%r in stderr %r" % (s, res.stderr)
