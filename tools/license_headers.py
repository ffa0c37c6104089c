# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Puts the addon's licence header at the top of every Python file git tracks, or, with
--check, lists the files without it and exits 1 (make lint).

    python tools/license_headers.py [--check]
"""
import subprocess
import sys
from os.path import dirname, join

ROOT = dirname(dirname(__file__)) or '.'
HEADER = ('# Copyright 2026 Diskominfo Kabupaten Trenggalek\n'
          '# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).\n')


def python_files():
    names = subprocess.check_output(['git', 'ls-files', '-z', '--', '*.py', 'tools/odoo'],
                                    cwd=ROOT).decode().split('\0')
    return [name for name in names if name]


def with_header(text):
    """The text with the header after its shebang and coding lines, once."""
    lines = text.splitlines(True)
    keep = 0
    while keep < len(lines) and keep < 2 and (
            lines[keep].startswith('#!') or 'coding' in lines[keep][:30] and
            lines[keep].startswith('#')):
        keep += 1
    if ''.join(lines[keep:]).startswith(HEADER):
        return text
    return ''.join(lines[:keep]) + HEADER + ''.join(lines[keep:])


def main():
    check = '--check' in sys.argv[1:]
    missing = []
    for name in python_files():
        with open(join(ROOT, name), encoding='utf-8') as f:
            text = f.read()
        new = with_header(text)
        if new != text:
            missing.append(name)
            if not check:
                with open(join(ROOT, name), 'w', encoding='utf-8') as f:
                    f.write(new)
    for name in missing:
        print('%s: %s' % (name, 'no licence header' if check else 'header added'))
    return 1 if check and missing else 0


if __name__ == '__main__':
    sys.exit(main())
