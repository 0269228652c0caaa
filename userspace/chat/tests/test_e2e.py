# SPDX-License-Identifier: GPL-2.0
"""End-to-end tests of our chat against the fake modem: bytes sent,
exit codes, every option, keyword and escape, the -l lock file, and the
places where we differ from Debian's chat on purpose (each says why)."""
import os
import signal
import subprocess
import time

from modem import Rule as R
from registry import REAL_CHAT, expect, test, check_sanitizer

OK = b"OK\r\n"


@test
def dial_sequence_bytes(ctx):
    res = ctx.run(["-t", "1", "", "ATZ", "OK", "ATDT\\T", "CONNECT", ""],
                  [R(b"ATZ\r", OK), R(b"ATDT42\r", b"CONNECT\r\n")])
    # no -T: sends "ATDTT", the modem never answers
    expect(res, rc=3, sent=b"ATZ\rATDTT\r")
    res = ctx.run(["-T", "42", "-t", "2", "", "ATZ", "OK", "ATDT\\T",
                   "CONNECT", "\\c"],
                  [R(b"ATZ\r", OK), R(b"ATDT42\r", b"CONNECT\r\n")])
    expect(res, rc=0, sent=b"ATZ\rATDT42\r")


@test
def exit_codes(ctx):
    expect(ctx.run(["-t", "1", "NEVER", ""]), rc=3)
    for i, word in enumerate([b"BUSY", b"NO CARRIER", b"NO DIALTONE"]):
        res = ctx.run(["ABORT", "BUSY", "ABORT", "NO CARRIER", "ABORT",
                       "NO DIALTONE", "", "ATD", "CONNECT", ""],
                      [R(b"ATD\r", word + b"\r\n")])
        expect(res, rc=4 + i, sent=b"ATD\r")
    expect(ctx.run(["OK", ""], [R(None, b"", 0.2, sig=signal.SIGTERM)]),
           rc=2)
    expect(ctx.run(["", "x"], stdin_tty=False), rc=2)


@test
def send_escapes_exact(ctx):
    res = ctx.run(["", "a\\bb\\nc\\rd\\se\\tf\\\\g\\Nh\\101^A\\0i\\c",
                   "", "x\\cy", "", "EOT", "", "BREAK", "", "\\K\\p\\c"])
    expect(res, rc=0, sent=b"a\bb\nc\rd e\tf\\g\x00hA\x01\x00i"
           b"xcy\r\x04")


@test
def send_pacing_and_delay(ctx):
    res = ctx.run(["", "0123456789" * 5 + "\\c"])
    expect(res, rc=0)
    assert res.elapsed >= 0.5, res.elapsed      # 10 ms per byte
    res = ctx.run(["", "a\\db\\c"])
    expect(res, rc=0, sent=b"ab")
    assert res.elapsed >= 1.0


@test
def send_timeout_is_send_failure(ctx):
    # the timeout covers a whole send string, \d included: exit 1
    res = ctx.run(["-t", "1", "", "pass\\d123"])
    expect(res, rc=1, sent=b"pass")


@test
def quiet_send_hidden(ctx):
    res = ctx.run(["-v", "-s", "", "hunter2\\q"])
    expect(res, rc=0, sent=b"hunter2\r", stderr_has=[b"send (??????)"],
           stderr_lacks=[b"hunter2"])


@test
def phone_numbers(ctx):
    res = ctx.run(["-T", "555", "-U", "666", "", "D\\T,\\U\\c"])
    expect(res, rc=0, sent=b"D555,666")
    expect(ctx.run(["", "D\\T\\U\\c"]), rc=0, sent=b"DTU")


@test
def env_substitution(ctx):
    res = ctx.run(["-E", "-t", "2", "$WANT", "AT$CMD\\$$UNSET\\c"],
                  [R(None, b"ready")], env={"WANT": "ady", "CMD": "D1"})
    expect(res, rc=0, sent=b"ATD1$")
    expect(ctx.run(["", "$CMD\\c"], env={"CMD": "x"}), rc=0, sent=b"$CMD")


@test
def expect_escapes_and_rolling_buffer(ctx):
    res = ctx.run(["-t", "3", "a\\tb^Ac\\101", "", "OK", ""],
                  [R(None, b"a\tb\x01cA"), R(b"\r", b"z" * 5000 + b"OK")])
    expect(res, rc=0, sent=b"\r\r")


@test
def subexpect(ctx):
    res = ctx.run(["-t", "1", "ogin:--ogin:-\\d\\c-ogin:", "ppp"],
                  [R(b"\r", b""), R(None, b"login:", 1.6)])
    expect(res, rc=0, sent=b"\rppp\r")
    res = ctx.run(["-t", "1", "ABORT", "NO", "OK-AT-OK", ""],
                  [R(None, b"NO\r\n", 0.2)])
    expect(res, rc=4, sent=b"")


@test
def at_file_and_fifo(ctx):
    f = ctx.write("pw", b"secret\n\n")
    expect(ctx.run(["", "@" + f]), rc=0, sent=b"secret\n\r")
    fifo = ctx.path("fifo")
    os.mkfifo(fifo)

    def feeder(proc):
        import threading

        def w():
            time.sleep(0.3)
            with open(fifo, "wb") as fh:
                fh.write(b"fromfifo\n")
        threading.Thread(target=w, daemon=True).start()
    res = ctx.run(["", "@" + fifo], after_start=feeder)
    expect(res, rc=0, sent=b"fromfifo\r")
    expect(ctx.run(["", "@" + ctx.path("missing")]), rc=1, sent=b"")


@test
def say_echo_verbose(ctx):
    res = ctx.run(["-t", "1", "SAY", "dialling\\n", "ECHO", "ON", "",
                   "AT", "OK", "\\c", "ECHO", "OFF", "", "AT", "OK", ""],
                  [R(b"AT\r", b"AT\r\nOK\r\n"), R(b"AT\r", b"SECRET OK")])
    expect(res, rc=0, stderr=b"dialling\n\rAT\nOK\n")
    res = ctx.run(["-V", "-t", "1", "", "AT", "OK", ""],
                  [R(b"AT\r", b"\x07OK\r\n")])
    expect(res, rc=0, stderr=b"^GOK")


@test
def report_file_appends(ctx):
    rep = ctx.write("report", b"old\n")
    res = ctx.run(["-r", rep, "-t", "1", "REPORT", "CONNECT", "", "ATD",
                   "CONNECT", ""], [R(b"ATD\r", b"CONNECT 57600\r\n")])
    expect(res, rc=0)
    data = open(rep, "rb").read()
    assert data.startswith(b"old\nchat:  ") and \
        data.endswith(b" CONNECT 57600\n"), data


@test
def report_line_bounded(ctx):
    # pppd 2.4.9 overflows its 256-byte REPORT buffer; ours truncates
    rep = ctx.path("report")
    res = ctx.run(["-r", rep, "-t", "2", "REPORT", "CONNECT", "", "ATD",
                   "CONNECT", ""], [R(b"ATD\r", b"CONNECT" + b"9" * 600 +
                                      b"\r\n")])
    expect(res, rc=0)
    line = open(rep, "rb").read()
    assert len(line) == len(b"chat:  ") + 255 + 1, len(line)


@test
def timeout_keyword_and_option(ctx):
    res = ctx.run(["-t", "1", "TIMEOUT", "3", "LATE", ""],
                  [R(None, b"LATE", 2.0)])
    expect(res, rc=0)
    res = ctx.run(["-t", "0", "LATE", ""], [R(None, b"LATE", 1.5)])
    expect(res, rc=0)
    res = ctx.run(["-t", "3", "TIMEOUT", "1", "LATE", ""],
                  [R(None, b"LATE", 2.0)])
    expect(res, rc=3)


@test
def hangup_keyword(ctx):
    res = ctx.run(["-t", "3", "HANGUP", "OFF", "OK", "", "HANGUP", "ON",
                   "AGAIN", ""],
                  [R(None, b"", 0.3, sig=signal.SIGHUP),
                   R(None, b"OK", 0.6), R(b"\r", b"", 0.3,
                                          sig=signal.SIGHUP)])
    expect(res, rc=2, sent=b"\r")


@test
def terminal_restored_on_every_exit(ctx):
    cases = [
        (["", "x"], [], 0),
        (["-t", "1", "NO", ""], [], 3),
        (["ABORT", "B", "X", ""], [R(None, b"B")], 4),
        (["OK", ""], [R(None, b"", 0.3, sig=signal.SIGINT)], 2),
        (["-t", "1", "", "a\\db"], [], 1),
    ]
    for args, rules, rc in cases:
        res = ctx.run(args, rules)
        expect(res, rc=rc)
        assert res.tty_after == res.tty_before, args


@test
def parse_before_run(ctx):
    # Intentional difference: Debian's chat runs the script while
    # parsing, so it dials before it finds the bad quote on line 3.
    script = ctx.write("s", b"'' ATZ\nOK ATDT123\nCONNECT 'oops\n")
    rules = [R(b"ATZ\r", OK), R(b"ATDT123\r", b"CONNECT\r\n")]
    res = ctx.run(["-s", "-t", "1", "-f", script], rules)
    expect(res, rc=1, sent=b"",
           stderr=("%s:3: unterminated quote\n" % script).encode())
    real = ctx.real(["-s", "-t", "1", "-f", script], rules)
    assert real.rc == 1 and real.sent == b"ATZ\rATDT123\r", real


@test
def script_errors_with_location(ctx):
    cases = [
        (["ABORT", "B" * 50], 1, b"argument 4: Illegal or too-long ABORT "
         b"string ('" + b"B" * 50 + b"')"),
        (["REPORT", "^A" * 60], 1, b"argument 4: Illegal or too-long "
         b"REPORT string"),
        (["", "x", "A" * 1025, ""], 1, b"argument 5: expect string is too "
         b"long"),
        (["ABORT", "x"] * 51, 2, b"argument 104: Too many ABORT strings"),
        (["TIMEOUT", "10s"], 1, b"argument 4: invalid TIMEOUT value '10s'"),
    ]
    for args, rc, msg in cases:
        res = ctx.run(["-s", "", "ATZ"] + args)
        assert res.rc == rc and res.sent == b"" and msg in res.stderr, \
            (args[:3], res)
    # CLR_ABORT makes room again
    res = ctx.run(["-s"] + ["ABORT", "x", "CLR_ABORT", "x"] * 60 + ["", "y"])
    expect(res, rc=0, sent=b"y\r")
    # a file: the line number is the file's
    script = ctx.write("s", b"# c\n\n'' AT\nTIMEOUT abc\n")
    res = ctx.run(["-s", "-f", script])
    expect(res, rc=1, sent=b"", stderr_has=[b":4: invalid TIMEOUT value"])


@test
def strict_number_options(ctx):
    # Intentional difference: Debian's chat uses atoi() ("-t abc" = no
    # timeout at all); ours rejects the value and names it.
    for bad in ["abc", "10x", "-5", ""]:
        res = ctx.run(["-t", bad, "", "x"])
        expect(res, rc=1, sent=b"", stderr_has=[
            ("invalid timeout '%s'" % bad).encode(), b"Usage:"])


@test
def usage_errors(ctx):
    for args in (["-q"], ["-f"], ["-f", ctx.path("x"), "", "AT"],
                 ["-T"], ["-U"], ["-r"], ["-l"]):
        res = ctx.run(args)
        expect(res, rc=1, sent=b"", stderr_has=[b"Usage: chat"])


def lock_content(path):
    with open(path, "rb") as f:
        return f.read()


@test
def lock_kept_on_success(ctx):
    lock = ctx.path("LCK..ttyS0")
    holder = {}
    res = ctx.run(["-l", lock, "", "AT"],
                  after_start=lambda p: holder.update(pid=p.pid))
    expect(res, rc=0, sent=b"AT\r")
    assert lock_content(lock) == b"%10d\n" % holder["pid"]


@test
def lock_removed_on_failure(ctx):
    lock = ctx.path("LCK..ttyS0")
    expect(ctx.run(["-l", lock, "-t", "1", "NEVER", ""]), rc=3)
    assert not os.path.exists(lock)
    expect(ctx.run(["-l", lock, "ABORT", "B", "X", ""], [R(None, b"B")]),
           rc=4)
    assert not os.path.exists(lock)
    seen = {}

    def look(_proc):
        time.sleep(0.3)
        seen["during"] = os.path.exists(lock)
    res = ctx.run(["-l", lock, "OK", ""],
                  [R(None, b"", 0.5, sig=signal.SIGTERM)], after_start=look)
    expect(res, rc=2)
    assert seen["during"] and not os.path.exists(lock)
    expect(ctx.run(["-l", lock, "", "x"], stdin_tty=False), rc=2)
    assert not os.path.exists(lock)


@test
def lock_held_by_live_process(ctx):
    lock = ctx.write("LCK..ttyS0", b"%10d\n" % os.getpid())
    res = ctx.run(["-s", "-l", lock, "", "AT"])
    expect(res, rc=2, sent=b"", stderr_has=[b"locked by pid %d" %
                                             os.getpid()])
    assert lock_content(lock) == b"%10d\n" % os.getpid()


@test
def lock_stale_removed(ctx):
    dead = subprocess.Popen(["true"])
    dead.wait()
    lock = ctx.write("LCK..ttyS0", b"%10d\n" % dead.pid)
    holder = {}
    res = ctx.run(["-s", "-l", lock, "", "AT"],
                  after_start=lambda p: holder.update(pid=p.pid))
    expect(res, rc=0, sent=b"AT\r", stderr_has=[b"Removed stale lock"])
    assert lock_content(lock) == b"%10d\n" % holder["pid"]


@test
def lock_unwritable_dir(ctx):
    res = ctx.run(["-s", "-l", "/nonexistent/dir/LCK..x", "", "AT"])
    expect(res, rc=2, sent=b"", stderr_has=[b"Can't create lock file"])


@test
def lock_garbage(ctx):
    lock = ctx.write("LCK..ttyS0", b"")
    res = ctx.run(["-s", "-l", lock, "", "AT"])
    expect(res, rc=2, sent=b"", stderr_has=[b"Can't read pid"])
    assert os.path.exists(lock)


@test
def syslog_option_S_and_default(ctx):
    # -S: nothing to syslog; without -s nothing on stderr either
    res = ctx.run(["-S", "-v", "-t", "1", "NEVER", ""])
    expect(res, rc=3, stderr=b"")


@test
def real_chat_is_present(ctx):
    assert os.access(REAL_CHAT, os.X_OK), "install the ppp package"
    check_sanitizer(ctx.run([]))
