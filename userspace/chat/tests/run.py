# SPDX-License-Identifier: GPL-2.0
"""Test runner: python3 run.py [--counts FILE] CHAT_BINARY...

Runs every test in test_*.py against each binary, in parallel, printing
one line per test and a summary; with --counts, writes "passed failed"
to FILE for tests/check.sh to add up.
"""
import concurrent.futures
import importlib
import os
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import registry  # noqa: E402


def main():
    args = sys.argv[1:]
    counts = None
    only = None
    if args and args[0] == "--counts":
        counts = args[1]
        args = args[2:]
    if args and args[0] == "--only":
        only = args[1]
        args = args[2:]
    for name in sorted(os.listdir(HERE)):
        if name.startswith("test_") and name.endswith(".py"):
            importlib.import_module(name[:-3])
    jobs = []
    for binary in args:
        binary = os.path.abspath(binary)
        label = os.path.basename(binary)
        for name, fn in registry.TESTS:
            if only and only not in name:
                continue
            jobs.append(("%s:%s" % (label, name), fn, binary))

    def one(job):
        name, fn, binary = job
        with tempfile.TemporaryDirectory(prefix="chat-test-") as tmp:
            try:
                fn(registry.Ctx(binary, tmp))
                return name, None
            except Exception:
                return name, traceback.format_exc(limit=3)

    passed = failed = 0
    workers = int(os.environ.get("CHAT_TEST_JOBS", "16"))
    with concurrent.futures.ThreadPoolExecutor(workers) as ex:
        for name, err in ex.map(one, jobs):
            if err is None:
                passed += 1
                print("ok   %s" % name, flush=True)
            else:
                failed += 1
                print("FAIL %s\n%s" % (name, err), flush=True)
    print("suite: %d ok, %d failing" % (passed, failed))
    if counts:
        with open(counts, "w") as f:
            f.write("%d %d\n" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
