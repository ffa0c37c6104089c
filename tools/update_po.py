# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refreshes the addon's translation template and Indonesian file from a database.

    .venv/bin/python tools/update_po.py [DATABASE]   (default: tik_test, as `make test` left it)

Exports the addon's terms with Odoo (demo records left out), writes
i18n/tik_service_mgmt.pot, and rewrites i18n/id.po in the template's order and with its
references, keeping every Indonesian translation id.po already has. Prints the terms that
still need one; exits 1 if there are any.
"""
import io
import os
import re
import sys

import odoo
from odoo.tools.translate import trans_export

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
I18N = os.path.join(ROOT, 'tik_service_mgmt', 'i18n')


def entries(text):
    """(comment lines, msgid source text, msgstr source text) of each PO entry."""
    for block in text.strip().split('\n\n'):
        lines = block.split('\n')
        comments = [l for l in lines if l.startswith('#')]
        body = '\n'.join(l for l in lines if not l.startswith('#'))
        match = re.match(r'msgid (".*?")\nmsgstr (".*")$', body, re.S)
        if match:
            yield comments, match.group(1), match.group(2)


def text(quoted):
    """The string a (possibly wrapped) quoted PO value stands for."""
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))


def without_demo(comments):
    kept = [c for c in comments if not (c.startswith('#:') and '_demo' in c)]
    return kept if any(c.startswith('#:') for c in kept) else None


def main():
    odoo.tools.config.parse_config(['-c', os.path.join(ROOT, '.local', 'odoo.conf')])
    db = sys.argv[1] if len(sys.argv) > 1 else 'tik_test'
    buffer = io.BytesIO()
    with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
        trans_export(None, ['tik_service_mgmt'], buffer, 'po', cr)
    template = buffer.getvalue().decode('utf-8')
    header, _sep, _rest = template.partition('\n\n')
    with open(os.path.join(I18N, 'id.po'), encoding='utf-8') as f:
        current = f.read()
    id_header = current.partition('\n\n')[0]
    known = {text(msgid): msgstr for _c, msgid, msgstr in entries(current) if text(msgstr)}

    pot, po, missing = [header], [id_header], []
    for comments, msgid, _msgstr in entries(template):
        comments = without_demo(comments)
        if comments is None or msgid == '""':
            continue
        pot.append('\n'.join(comments + ['msgid ' + msgid, 'msgstr ""']))
        if text(msgid) not in known:
            missing.append(msgid)
        po.append('\n'.join(comments + ['msgid ' + msgid,
                                        'msgstr ' + known.get(text(msgid), '""')]))
    for name, blocks in (('tik_service_mgmt.pot', pot), ('id.po', po)):
        with open(os.path.join(I18N, name), 'w', encoding='utf-8') as f:
            f.write('\n\n'.join(blocks) + '\n')
    print('%d terms, %d without an Indonesian translation' % (len(pot) - 1, len(missing)))
    for msgid in missing:
        print('  ' + msgid)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
