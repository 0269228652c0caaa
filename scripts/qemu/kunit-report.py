#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kunit-report.py [--lane LANE] [--kmemleak] [--alignment]
                   CONSOLE_LOG KUNIT_PY WORKDIR SUITE...

Turns the console log of a KUnit VM (scripts/qemu/kunit-init) into
"RESULT LANE/<suite>/<case> PASS|FAIL|SKIP [why]" lines (LANE: kunit
unless given) and a closing "kunit: N passed, M failed" line; exit
status 0 only if nothing failed.

- KTAP: every insmod of a test module prints its own KTAP document.  The
  documents between the PPP-KUNIT-BEGIN/END markers are merged into one
  (one header, top-level results renumbered) and handed to the kernel's
  own parser, tools/testing/kunit/kunit.py parse --json.
- A suite in SUITE... that never reported is a failure (module did not
  load, or the kernel died first).
- The whole console is scanned for reports that do not fail a KUnit test
  by themselves: lockdep, might_sleep, WARN, BUG, hung tasks, soft
  lockups, UBSAN, debugobjects, list corruption (and KASAN, which does).
- --kmemleak: the reports between PPP-KMEMLEAK-BEGIN/END must be empty
  (without it, a kernel without kmemleak: not checked).
- --alignment: the kernel's count of fixed-up unaligned accesses
  (PPP-ALIGN <phase> System: N ..., from /proc/cpu/alignment) must not
  grow while the suites run (begin -> suites) nor while the modules
  unload (suites -> unloaded).
"""
import json
import os
import re
import subprocess
import sys

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')
ANSI = re.compile(r'\x1b\[[0-9;?]*[a-zA-Z]|\x1bc')
SPLAT = re.compile(
    r'BUG:|WARNING:|Oops|KASAN:|UBSAN:|kernel BUG|'
    r'possible circular locking|possible recursive locking|'
    r'inconsistent lock state|lock held when returning|'
    r'suspicious RCU usage|sleeping function called from invalid context|'
    r'INFO: task .* blocked|soft lockup|hard LOCKUP|'
    r'ODEBUG:|list_add corruption|list_del corruption|'
    r'Kernel panic|general protection fault|stack-protector|'
    r'Disabling lock debugging')


def clean(lines):
    for line in lines:
        line = ANSI.sub('', line.rstrip('\r\n')).replace('\r', '')
        yield TS.sub('', line)


def merge_ktap(lines):
    """Documents of several insmods -> one KTAP document.

    The plan is the sum of the documents' plans, so suites that a crash
    cut short show up as missing rather than vanishing.
    """
    out, n, plan = [], 0, 0
    for line in lines:
        if re.match(r'^K?TAP version \d+\s*$', line):
            continue
        m = re.match(r'^1\.\.(\d+)\s*$', line)
        if m:
            plan += int(m.group(1))
            continue
        m = re.match(r'^(not ok|ok) \d+ (.*)$', line)
        if m:
            n += 1
            line = '%s %d %s' % (m.group(1), n, m.group(2))
        out.append(line)
    return ['KTAP version 1', '1..%d' % max(n, plan)] + out


def status(st):
    """kunit.py's PASS/SKIP/FAIL/ERROR (crashed) -> PASS/SKIP/FAIL."""
    return st if st in ('PASS', 'SKIP') else 'FAIL'


def cases(group):
    """(case, status, failing params) for each case of a suite group."""
    for i, tc in enumerate(group.get('test_cases', [])):
        yield tc['name'] or 'case-%d-crashed' % (i + 1), status(tc['status']), []
    for sg in group.get('sub_groups', []):
        sts = [(tc['name'] or '?', status(tc['status']))
               for tc in sg.get('test_cases', [])]
        bad = [name for name, st in sts if st == 'FAIL']
        if bad:
            st = 'FAIL'
        elif sts and all(s == 'SKIP' for _, s in sts):
            st = 'SKIP'
        else:
            st = 'PASS'
        yield sg['name'], st, bad


ALIGN = re.compile(r'PPP-ALIGN (\S+) System:\s*(\d+)\s*(.*)$')


def alignment(log, result):
    """The fixup count must stay put over the suites and the unloading."""
    seen = {}
    for line in log:
        m = ALIGN.search(line)
        if m:
            seen[m.group(1)] = (int(m.group(2)), m.group(3).strip())
    for name, a, b in (('suites', 'begin', 'suites'),
                       ('unload', 'suites', 'unloaded')):
        if a not in seen or b not in seen:
            result('alignment/' + name, 'FAIL',
                   'no /proc/cpu/alignment reading (%s, %s)' % (a, b))
        elif seen[b][0] != seen[a][0]:
            result('alignment/' + name, 'FAIL',
                   'System: %d -> %d fixed-up unaligned accesses, last %s'
                   % (seen[a][0], seen[b][0], seen[b][1]))
        else:
            result('alignment/' + name, 'PASS')


def main():
    args = sys.argv[1:]
    lane, check_kmemleak, check_align = 'kunit', False, False
    while args and args[0].startswith('--'):
        opt = args.pop(0)
        if opt == '--lane':
            lane = args.pop(0)
        elif opt == '--kmemleak':
            check_kmemleak = True
        elif opt == '--alignment':
            check_align = True
        else:
            sys.exit('kunit-report.py: unknown option ' + opt)
    console, kunit_py, work = args[0:3]
    expected = args[3:]
    with open(console, errors='replace') as f:
        log = list(clean(f))

    results = []      # (name, status, why)

    def result(name, ok, why=''):
        results.append((lane + '/' + name, ok, why))

    # 1. KTAP between the markers.
    begin = next((i for i, l in enumerate(log) if 'PPP-KUNIT-BEGIN' in l), None)
    end = next((i for i, l in enumerate(log) if 'PPP-KUNIT-END' in l), None)
    if begin is None:
        result('boot/reached-init', 'FAIL', 'no PPP-KUNIT-BEGIN in console')
        region = []
    else:
        region = log[begin + 1:end if end is not None else len(log)]
        if end is None:
            result('boot/tests-completed', 'FAIL',
                   'no PPP-KUNIT-END: the kernel died during the tests')
    for l in region:
        m = re.search(r'PPP-INSMOD-FAIL (\S+)', l)
        if m:
            result('insmod/' + m.group(1), 'FAIL', 'insmod failed')

    ktap = os.path.join(work, 'kunit.ktap')
    js = os.path.join(work, 'kunit.json')
    with open(ktap, 'w') as f:
        f.write('\n'.join(merge_ktap(region)) + '\n')
    if os.path.exists(js):
        os.unlink(js)
    p = subprocess.run([sys.executable, kunit_py, 'parse', '--json=' + js,
                        os.path.abspath(ktap)], capture_output=True,
                       text=True)
    with open(os.path.join(work, 'kunit-parse.txt'), 'w') as f:
        f.write(p.stdout + p.stderr)
    for l in (p.stdout + p.stderr).splitlines():
        if 'Testing complete' in l or 'Failures:' in l:
            print('kunit.py: ' + TS.sub('', l).strip())
    seen = set()
    if os.path.exists(js):
        with open(js) as f:
            top = json.load(f)
        for suite in top.get('sub_groups', []):
            seen.add(suite['name'])
            for case, st, bad in cases(suite):
                why = ('params: ' + ' '.join(bad)) if bad else ''
                result('%s/%s' % (suite['name'], case), st, why)
        # A suite without cases (crashed before any) is a test_case here.
        for tc in top.get('test_cases', []):
            if tc['name']:
                seen.add(tc['name'])
                result('%s/all' % tc['name'], 'FAIL',
                       'suite reported no cases')
    else:
        result('parse/kunit.py', 'FAIL', 'kunit.py parse gave no JSON')
    for s in expected:
        if s not in seen:
            result('%s/reported' % s, 'FAIL', 'suite never reported')

    # 2. Unloading.
    for l in log:
        m = re.search(r'PPP-RMMOD-FAIL (\S+)', l)
        if m:
            result('rmmod/' + m.group(1), 'FAIL', 'rmmod failed')

    # 3. kmemleak, with the modules loaded and after unloading them.
    for phase in ('loaded', 'unloaded') if check_kmemleak else ():
        if any('PPP-KMEMLEAK-NA ' + phase in l for l in log):
            result('kmemleak/' + phase, 'FAIL', 'no kmemleak in kernel')
            continue
        b = next((i for i, l in enumerate(log)
                  if 'PPP-KMEMLEAK-BEGIN ' + phase in l), None)
        e = next((i for i, l in enumerate(log)
                  if 'PPP-KMEMLEAK-END ' + phase in l), None)
        if b is None or e is None:
            result('kmemleak/' + phase, 'FAIL', 'scan never ran')
            continue
        rep = [l.split('PPP-KMEMLEAK: ', 1)[1] for l in log[b:e]
               if 'PPP-KMEMLEAK: ' in l]
        leaks = sum('unreferenced object' in l for l in rep)
        result('kmemleak/' + phase, 'FAIL' if leaks else 'PASS',
               '%d leak(s)' % leaks if leaks else '')
        if leaks:
            for l in rep[:40]:
                print('    ' + l)

    # 3b. Unaligned accesses the kernel fixed up.
    if check_align:
        alignment(log, result)

    # 4. Reports that do not fail a test by themselves.
    hits = [i for i, l in enumerate(log) if SPLAT.search(l)]
    result('console/no-splat', 'FAIL' if hits else 'PASS',
           '%d report line(s)' % len(hits) if hits else '')

    npass = sum(st == 'PASS' for _, st, _ in results)
    nfail = sum(st == 'FAIL' for _, st, _ in results)
    nskip = sum(st == 'SKIP' for _, st, _ in results)
    for name, st, why in results:
        print('RESULT %s %s%s' % (name, st, ' ' + why if why else ''))
    if hits:
        print('console reports (first 80 lines from each of the first 3):')
        shown = set()
        for i in hits[:3]:
            for j in range(max(0, i - 2), min(len(log), i + 80)):
                if j not in shown:
                    shown.add(j)
                    print('    ' + log[j])
    fails = [r for r in results if r[1] == 'FAIL']
    if fails and os.path.exists(ktap):
        print('kunit failure details: %s/kunit-parse.txt' % work)
    print('kunit: %d passed, %d failed%s' %
          (npass, nfail, ', %d skipped' % nskip if nskip else ''))
    return 1 if nfail else 0


if __name__ == '__main__':
    sys.exit(main())
