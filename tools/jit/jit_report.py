#!/usr/bin/env python3
"""Summarizes a HotSpot compilation log for the methods you name: how C2 compiled them.

Why: a detector whose cost differs 2x between fresh JVMs of the same code is a JIT matter (see
docs/benchmarks.md, "When the same code runs at two speeds"). This reads the log of

    java -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=c2.log -cp benchmarks.jar \\
        dev.guardrails.benchmarks.ShortAnswersBreakdown --seconds 3 --rounds 5

and prints, for each method whose "Class method" name matches the regular expression:

  * its C2 compiles: when queued, how long it waited in the C2 queue, how long the compile took,
    how many bytes of bytecode it inlined (C2's budget is 8,000: DesiredMethodLimit);
  * the call sites of its last C2 compile that were not inlined although hot (a profiled count of
    at least --min-count), with C2's reason: "size > DesiredMethodLimit" or
    "NodeCountInliningCutoff" mean the budget ran out (a per-char helper left as a call); "hot
    method too big" means a callee over 325 bytes (FreqInlineSize), compiled on its own;
  * the C2 deoptimizations (uncommon traps) in or inlined into it, each of which costs a recompile.

Usage: tools/jit/jit_report.py c2.log 'StreetAddressDetector scan|PiiPatternDetector scan' [--min-count 2000]
Reads only the log; prints nothing about the texts checked (the log holds method names and counts).
"""
import argparse
import re
import sys

ATTR = re.compile(r"(\w+)='([^']*)'")


def attrs(s):
    return dict(ATTR.findall(s))


def short(method):
    """'dev.guardrails.detectors.pii.StreetAddressDetector scan (Ljava/...)' -> 'StreetAddressDetector scan'."""
    parts = method.replace('&lt;', '<').replace('&gt;', '>').split(' ')
    return parts[0].split('.')[-1] + ' ' + parts[1] if len(parts) > 1 else parts[0]


def c2_tasks(log):
    """(queued stamp or None, start, end, task attributes, task body, done attributes) of every C2 compile."""
    queued = {}
    for m in re.finditer(r"<task_queued ([^>]*)/>", log):
        a = attrs(m.group(1))
        if a.get('level', '4') == '4':
            queued[a['compile_id']] = float(a['stamp'])
    tasks = []
    for section in log.split('<compilation_log ')[1:]:
        for m in re.finditer(r"<task ([^>]*)>(.*?)<task_done ([^>]*)/>", section, re.S):
            a, d = attrs(m.group(1)), attrs(m.group(3))
            if a.get('level', '4') != '4':
                continue
            tasks.append((queued.get(a['compile_id']), float(a['stamp']), float(d['stamp']), a, m.group(2), d))
    tasks.sort(key=lambda t: t[1])
    return tasks


def hot_failures(body, min_count):
    """Call sites of one compile that were not inlined, with a profiled count of at least min_count."""
    klass, method, out, call = {}, {}, [], None
    for m in re.finditer(r"<(/?)(\w+)([^>]*?)/?>", body):
        closing, tag, a = m.group(1), m.group(2), attrs(m.group(3))
        if closing:
            continue
        if tag == 'klass':
            klass[a['id']] = a['name'].split('/')[-1]
        elif tag == 'method':
            method[a['id']] = klass.get(a['holder'], '?') + '.' + a['name'].replace('&lt;', '<').replace('&gt;', '>')
        elif tag == 'call':
            call = a
        elif tag == 'inline_success':
            call = None
        elif tag == 'inline_fail' and call is not None:
            count = int(call.get('count', '0'))
            if count >= min_count:
                out.append((count, method.get(call['method'], '?'), a.get('reason', '').replace('&gt;', '>')))
            call = None
    return sorted(set(out), reverse=True)


def traps(log, pattern):
    """C2 uncommon traps whose frames name a matching method: (stamp, reason, action, frames)."""
    out = []
    for m in re.finditer(r"<uncommon_trap thread='\d+' ([^>]*compiler='c2'[^>]*)>(.*?)</uncommon_trap>", log, re.S):
        a = attrs(m.group(1))
        frames = [short(f['method']) + '@' + f['bci'] for f in (attrs(j) for j in re.findall(r"<jvms ([^>]*)/>", m.group(2)))]
        if any(pattern.search(f) for f in frames):
            out.append((float(a['stamp']), a['reason'], a['action'], ' < '.join(frames)))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('log')
    p.add_argument('methods', help="regular expression over 'Class method', e.g. 'StreetAddressDetector scan'")
    p.add_argument('--min-count', type=int, default=2000, help='least profiled count of a call site to list (default 2000)')
    args = p.parse_args()
    with open(args.log, errors='replace') as f:
        log = f.read()
    pattern = re.compile(args.methods)
    tasks = c2_tasks(log)
    busy = sum(t[2] - t[1] for t in tasks)
    print('C2: %d compiles, %.1f s busy' % (len(tasks), busy))
    names = sorted({short(t[3]['method']) for t in tasks if pattern.search(short(t[3]['method']))})
    for name in names:
        mine = [t for t in tasks if short(t[3]['method']) == name]
        print('\n%s' % name)
        for q, start, end, a, _, d in mine:
            osr = ' (OSR)' if a.get('compile_kind') == 'osr' else ''
            wait = '%.2f s' % (start - q) if q is not None else '?'
            print('  compile%s at %.2f s: waited %s, took %.2f s, inlined %s bytes' % (osr, start, wait, end - start, d.get('inlined_bytes', '?')))
        last = [t for t in mine if t[3].get('compile_kind') != 'osr'] or mine
        for count, callee, reason in hot_failures(last[-1][4], args.min_count):
            print('  not inlined: %-50s count %8d  %s' % (callee, count, reason))
    for stamp, reason, action, frames in traps(log, pattern):
        print('trap at %.2f s: %s (%s) %s' % (stamp, reason, action, frames))
    return 0


if __name__ == '__main__':
    sys.exit(main())
