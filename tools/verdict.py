# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reads what the test suites left in the log folder and prints one verdict.

Odoo 11's runner can exit 0 although tests failed, errored or never ran, so the logs of
its runs (the addon's, and beside the OCA addons tik_coexistence's) are read too: every
"Ran N tests" line, every "FAIL:"/"ERROR:" test line, and any other ERROR or CRITICAL
line (a crash during install or a broken view) counts as a failure.
"""
import re
import sys
import xml.etree.ElementTree as ET
from os.path import exists, join

logs, addon_rc, outside_rc, lint_rc = sys.argv[1], *map(int, sys.argv[2:5])
# The outside tests beside OCA helpdesk_mgmt (tools/test.sh), when given.
hd_rc = int(sys.argv[5]) if len(sys.argv) > 5 else None
# Odoo's run of tik_coexistence beside the OCA mail, audit and report addons, when given.
cx_rc = int(sys.argv[6]) if len(sys.argv) > 6 else None
# Further checks that pass or fail as one, given as "label=exit code".
checks = [arg.rsplit('=', 1) for arg in sys.argv[7:]]


def odoo_run(names, rc, label):
    """(ran, failed, failures counted) of an Odoo test run whose log is the first of
    `names`; the others (an install before it) are read for stray errors only."""
    ran = failed = 0
    stray = []
    for index, name in enumerate(names):
        path = join(logs, name)
        if not exists(path):
            if index == 0:
                stray.append('no log %s' % name)
            continue
        with open(path, errors='replace') as f:
            for line in f:
                m = re.search(r'\] Ran (\d+) tests? in', line) or \
                    re.search(r'odoo\.addons\.\S+: Ran (\d+) test', line)
                if m:
                    ran += int(m.group(1))
                if re.search(r'\.tests\.\S+: (FAIL|ERROR): ', line):
                    failed += 1
                elif re.search(r' (ERROR|CRITICAL) ', line) and '.tests.' not in line \
                        and not re.search(r'At least one test failed|: \d+ failures, \d+ errors',
                                          line):
                    stray.append(line.rstrip())
    counted = failed + (1 if stray else 0) + (1 if ran == 0 else 0)
    if rc and not counted:
        counted = 1
    print('%s: %d ran, %d failed (runner exit %d)' % (label, ran, failed, rc))
    for line in stray[:20]:
        print('  unexpected log line: ' + line[:300])
    if ran == 0:
        print('  %s ran no test' % label)
    return ran, failed, counted


ran, failed, addon_failed = odoo_run(['test-addon.log'], addon_rc, 'addon tests')
if cx_rc is not None:
    cx_ran, cx_tests_failed, cx_failed = odoo_run(
        ['test-coexistence.log', 'test-coexistence-install.log'], cx_rc,
        'beside OCA mail, audit and report addons')
    ran += cx_ran
    failed += cx_tests_failed
    addon_failed += cx_failed


def outside(name, rc, label):
    """(ran, failed) of the pytest run whose JUnit file is `name`."""
    total = failed = 0
    xml = join(logs, name)
    if exists(xml):
        suite = ET.parse(xml).getroot()
        suite = suite if suite.tag == 'testsuite' else suite.find('testsuite')
        total = int(suite.get('tests', 0)) - int(suite.get('skipped', 0))
        failed = int(suite.get('failures', 0)) + int(suite.get('errors', 0))
    if rc and not failed:
        failed = 1
    print('%s: %d ran, %d failed (pytest exit %d)' % (label, total, failed, rc))
    if total == 0:
        print('  %s ran no test' % label)
        failed += 1
    return total, failed


out_total, out_failed = outside('test-outside.xml', outside_rc, 'outside tests')
if hd_rc is not None:
    hd_total, hd_failed = outside('test-outside-hd.xml', hd_rc, 'beside helpdesk_mgmt')
    out_total += hd_total
    out_failed += hd_failed

print('make lint: %s' % ('clean' if lint_rc == 0 else 'errors (exit %d)' % lint_rc))
checks_failed = 0
for label, rc in checks:
    print('%s: %s' % (label, 'passed' if rc == '0' else 'FAILED (exit %s)' % rc))
    checks_failed += rc != '0'

passed = (ran - failed) + (out_total - min(out_failed, out_total)) + (lint_rc == 0) + \
    len(checks) - checks_failed
failures = addon_failed + out_failed + (lint_rc != 0) + checks_failed
print('%d passed, %d failed' % (passed, failures))
sys.exit(1 if failures else 0)
