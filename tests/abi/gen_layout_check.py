#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0 OR MIT
"""Generate a C program that checks include/nvrm/<version>/ against the
compiled GSP-RM layout table (gsp-rm-layouts.tsv).

Usage:
  gen_layout_check.py [--include DIR] [--cc CC] [--no-probe] [TSV] VERSION

TSV defaults to $NVRM_LAYOUT_TSV or ../shared/gsp-rm-layouts.tsv relative to
the repository root.  The program is written to stdout; build and run it as

  python3 tests/abi/gen_layout_check.py ../shared/gsp-rm-layouts.tsv \\
      535.113.01 > build/abi_535.c
  cc -std=gnu11 -Wall -Werror -Iinclude build/abi_535.c -o build/abi_535
  build/abi_535            # add -q to print only failures

What is checked:
  * include/nvrm/common/ (version-neutral headers) is scanned for every
    version: its structs and constants are checked against each version's
    rows, and a common struct that has rows in some version but none in
    this one is a failure (it is not version-neutral);
  * every struct row (sizeof, member offset, member size; nested 'a.b' via
    offsetof(struct T, a.b); flexible 'x[]' by offset only) of every struct
    or union that our headers define.  Structs we do not define at all are
    listed as skipped.  A member missing from a defined struct is reported
    as a failure: each member expression is first test-compiled (probe) and
    the ones the compiler rejects become "missing" failures in the output,
    so one run reports all problems instead of stopping at the first;
  * enum/const/reg rows whose NAME our headers #define (checked under
    #ifdef NAME) or enumerate; NAME(i) rows when NAME is a function-like
    macro; reg 'F[bit-hi]'/'F[bit-lo]' rows as F__BIT_HI / F__BIT_LO;
    DRF_BASE(R) / DRF_EXTENT(R) rows of a range R as R__BASE / R__EXTENT,
    and 'A+B' rows (absolute offsets) when every term is ours.

The result line is "abi <version>: N checked, M failed"; exit status 1 on
any failure.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..'))


def usage(msg=None):
    if msg:
        sys.stderr.write('gen_layout_check: %s\n' % msg)
    sys.stderr.write(__doc__)
    sys.exit(2)


def parse_args(argv):
    opts = {'include': os.path.join(REPO, 'include'),
            'cc': os.environ.get('CC', 'cc'), 'probe': True}
    pos = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ('--include', '--cc'):
            if i + 1 >= len(argv):
                usage('%s needs an argument' % a)
            opts[a[2:]] = argv[i + 1]
            i += 2
            continue
        if a == '--no-probe':
            opts['probe'] = False
        elif a in ('-h', '--help'):
            usage()
        elif a.startswith('-'):
            usage('unknown option ' + a)
        else:
            pos.append(a)
        i += 1
    if len(pos) == 1:
        tsv = os.environ.get('NVRM_LAYOUT_TSV',
                             os.path.join(REPO, '..', 'shared',
                                          'gsp-rm-layouts.tsv'))
        pos.insert(0, tsv)
    if len(pos) != 2:
        usage('need [TSV] VERSION')
    opts['tsv'], opts['version'] = pos
    return opts


def read_tsv(path, version):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            if len(cols) < 5 or cols[0] != version:
                continue
            rows.append(cols[1:5])
    return rows


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def scan_headers(incdir, version):
    """Names our headers define: aggregates, macros, enumerators."""
    vdir = os.path.join(incdir, 'nvrm', version)
    if not os.path.isdir(vdir):
        usage('no header directory ' + vdir)
    files = [os.path.join(vdir, f) for f in sorted(os.listdir(vdir))
             if f.endswith('.h')]
    files.append(os.path.join(incdir, 'nvrm', 'nvrm_types.h'))
    cdir = os.path.join(incdir, 'nvrm', 'common')
    common_files = []
    if os.path.isdir(cdir):
        common_files = [os.path.join(cdir, f) for f in sorted(os.listdir(cdir))
                        if f.endswith('.h')]
    aggr, macros, fmacros, enums = {}, set(), set(), set()
    common = set()
    for path in files + common_files:
        if not os.path.exists(path):
            continue
        text = strip_comments(open(path).read())
        for m in re.finditer(r'\b(struct|union)\s+(\w+)\s*\{', text):
            aggr[m.group(2)] = m.group(1)
            if path in common_files:
                common.add(m.group(2))
        for m in re.finditer(r'^\s*#\s*define\s+(\w+)(\()?', text, re.M):
            (fmacros if m.group(2) else macros).add(m.group(1))
        for m in re.finditer(r'\benum\s*\w*\s*\{(.*?)\}', text, re.S):
            for e in re.finditer(r'(?:^|,)\s*([A-Za-z_]\w*)\s*(?:=[^,]*)?',
                                 m.group(1)):
                enums.add(e.group(1))
    return aggr, macros, fmacros, enums, common


def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def term_expr(term, macros, fmacros):
    """C expression for one term of a register row, or None.

    DRF_BASE(X) / DRF_EXTENT(X) (a range define such as
    NV_VIRTUAL_FUNCTION_FULL_PHYS_OFFSET) are our X__BASE / X__EXTENT."""
    m = re.match(r'^DRF_(BASE|EXTENT)\((\w+)\)$', term)
    if m:
        mac = '%s__%s' % (m.group(2), m.group(1))
        return mac if mac in macros else None
    m = re.match(r'^(\w+)\((\d+)\)$', term)
    if m:
        return term if m.group(1) in fmacros else None
    if re.match(r'^\w+$', term) and term in macros:
        return term
    return None


def sum_expr(name, macros, fmacros):
    """'A+B' rows (absolute offsets): every term must be ours."""
    terms = [term_expr(t, macros, fmacros) for t in name.split('+')]
    if not terms or None in terms:
        return None
    return '(' + ' + '.join(terms) + ')'


def build_checks(rows, aggr, macros, fmacros, enums):
    """Return (checks, skipped_structs, unchecked_names).

    Each check is (label, want, expr, probe_expr or None)."""
    checks = []
    skipped = []
    unchecked = []
    for kind, name, off, size in rows:
        if kind in ('const', 'enum') or kind.startswith('reg-'):
            want = int(off, 16)
            m = re.match(r'^(\w+)\[bit-(hi|lo)\]$', name)
            if m:
                mac = '%s__BIT_%s' % (m.group(1), m.group(2).upper())
                if mac in macros:
                    checks.append(('%s %s' % (kind, mac), want, mac,
                                   None, mac))
                else:
                    unchecked.append(name)
                continue
            if '+' in name or name.startswith('DRF_'):
                expr = sum_expr(name, macros, fmacros)
                if expr:
                    checks.append(('%s %s' % (kind, name), want, expr,
                                   None, None))
                else:
                    unchecked.append(name)
                continue
            m = re.match(r'^(\w+)\((\d+)\)$', name)
            if m:
                if m.group(1) in fmacros:
                    checks.append(('%s %s' % (kind, name), want, name,
                                   None, None))
                else:
                    unchecked.append(name)
                continue
            if not re.match(r'^\w+$', name):
                unchecked.append(name)
                continue
            if name in macros:
                checks.append(('%s %s' % (kind, name), want, name,
                               None, name))
            elif name in enums:
                checks.append(('%s %s' % (kind, name), want, name,
                               None, None))
            else:
                unchecked.append(name)
            continue
        # struct row
        if kind not in aggr:
            if kind not in skipped:
                skipped.append(kind)
            continue
        tname = '%s %s' % (aggr[kind], kind)
        if name == '(sizeof)':
            checks.append(('%s (sizeof)' % kind, int(size, 16),
                           'sizeof(%s)' % tname, None, None))
            continue
        flex = name.endswith('[]')
        member = name[:-2] if flex else name
        offx = 'offsetof(%s, %s)' % (tname, member)
        checks.append(('%s.%s' % (kind, name), int(off, 16), offx,
                       offx, None))
        if not flex:
            szx = 'sizeof(((%s *)0)->%s)' % (tname, member)
            checks.append(('%s.%s(size)' % (kind, name), int(size, 16),
                           szx, szx, None))
    return checks, skipped, unchecked


def includes(opts):
    """The version's umbrella header, then every version-neutral header
    (a common macro that differs from the version's is a redefinition
    error under -Werror)."""
    out = '#include "nvrm/%s/nvrm.h"\n' % opts['version']
    cdir = os.path.join(opts['include'], 'nvrm', 'common')
    if os.path.isdir(cdir):
        for f in sorted(os.listdir(cdir)):
            if f.endswith('.h'):
                out += '#include "nvrm/common/%s"\n' % f
    return out


def probe(opts, checks):
    """Indices of checks whose member expression does not compile."""
    hdr = includes(opts)
    lines = [hdr]
    where = {}
    for i, c in enumerate(checks):
        if c[3] is None:
            continue
        lines.append('unsigned long nvrm_probe_%d = %s;\n' % (i, c[3]))
        where[len(lines) + hdr.count('\n') - 1] = i
    fd, path = tempfile.mkstemp(suffix='.c')
    try:
        with os.fdopen(fd, 'w') as f:
            f.write(''.join(lines))
        cmd = [opts['cc'], '-std=gnu11', '-fsyntax-only', '-fmax-errors=0',
               '-I' + opts['include'], path]
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        except OSError as e:
            sys.stderr.write('gen_layout_check: probe skipped (%s)\n' % e)
            return set()
        bad = set()
        base = re.escape(os.path.basename(path))
        for m in re.finditer(r'%s:(\d+):(?:\d+:)? error' % base, p.stderr):
            ln = int(m.group(1))
            if ln in where:
                bad.add(where[ln])
            elif ln <= hdr.count('\n'):
                sys.stderr.write(p.stderr)
                usage('umbrella header does not compile')
        return bad
    finally:
        os.unlink(path)


def emit(opts, checks, missing, skipped, unchecked, common_skipped=()):
    v = opts['version']
    out = []
    w = out.append
    w('/* Generated by tests/abi/gen_layout_check.py from %s for %s. */\n'
      % (os.path.basename(opts['tsv']), v))
    w('#include <stddef.h>\n#include <stdio.h>\n#include <string.h>\n')
    w(includes(opts) + '\n')
    w('static int checked, failed, quiet;\n\n')
    w('static void chk(const char *what, unsigned long long want,\n'
      '\t\tunsigned long long got)\n{\n'
      '\tchecked++;\n'
      '\tif (want == got) {\n'
      '\t\tif (!quiet)\n\t\t\tprintf("ok %s\\n", what);\n'
      '\t\treturn;\n\t}\n'
      '\tfailed++;\n'
      '\tprintf("FAIL %s want 0x%llx got 0x%llx\\n", what, want, got);\n'
      '}\n\n')
    w('static void __attribute__((unused))\n'
      'missing(const char *what, unsigned long long want)\n{\n'
      '\tchecked++;\n\tfailed++;\n'
      '\tprintf("FAIL %s want 0x%llx got missing\\n", what, want);\n}\n\n')
    w('int main(int argc, char **argv)\n{\n'
      '\tquiet = argc > 1 && !strcmp(argv[1], "-q");\n')
    for i, (label, want, expr, _p, ifdef) in enumerate(checks):
        if i in missing:
            w('\tmissing(%s, 0x%xull);\n' % (cstr(label), want))
            continue
        line = '\tchk(%s, 0x%xull, (unsigned long long)(%s));\n' % (
            cstr(label), want, expr)
        if ifdef:
            w('#ifdef %s\n%s#endif\n' % (ifdef, line))
        else:
            w(line)
    for name in common_skipped:
        w('\tchecked++;\n\tfailed++;\n')
        w('\tprintf("FAIL %s: version-neutral (include/nvrm/common) but no '
          'rows for %s\\n");\n' % (name, v))
    if skipped:
        w('\tprintf("abi %s: structs not defined (skipped): %s\\n");\n'
          % (v, ' '.join(skipped)))
    w('\tprintf("abi %s: %%d checked, %%d failed\\n", checked, failed);\n'
      % v)
    w('\treturn failed ? 1 : 0;\n}\n')
    w('/* %d enum/const/reg rows not defined by our headers. */\n'
      % len(unchecked))
    sys.stdout.write(''.join(out))


def main():
    opts = parse_args(sys.argv[1:])
    rows = read_tsv(opts['tsv'], opts['version'])
    if not rows:
        usage('no rows for version %s in %s' % (opts['version'],
                                                opts['tsv']))
    aggr, macros, fmacros, enums, common = scan_headers(opts['include'],
                                                        opts['version'])
    checks, skipped, unchecked = build_checks(rows, aggr, macros, fmacros,
                                              enums)
    missing = probe(opts, checks) if opts['probe'] else set()
    # A version-neutral struct must be checked against every version's
    # rows: one with no rows for this version is a failure, not a skip.
    # Structs in no version's rows at all (LIBOS log records) cannot be
    # checked here and rely on their static_asserts.
    have = set(r[0] for r in rows)
    anywhere = set()
    with open(opts['tsv']) as f:
        for line in f:
            cols = line.split('\t')
            if len(cols) > 1 and not line.startswith('#'):
                anywhere.add(cols[1])
    common_skipped = sorted(n for n in common
                            if n not in have and n in anywhere)
    emit(opts, checks, missing, skipped, unchecked, common_skipped)


if __name__ == '__main__':
    main()
