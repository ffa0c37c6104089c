# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Runs one test file of the addon against the test database, without reinstalling.

    .venv/bin/python tools/test_one.py test_workflow [TestClass.test_method]

Uses .local/odoo.conf and the database tik_test that `make test` leaves behind (or
TIK_TEST_DB). Exits 1 when a test fails.
"""
import importlib
import os
import sys
import threading
import unittest

import odoo
from odoo.modules import module as odoo_module

here = os.path.dirname(os.path.abspath(__file__))
odoo.tools.config.parse_config(['-c', os.path.join(here, '..', '.local', 'odoo.conf'),
                                '--test-enable'])
db = os.environ.get('TIK_TEST_DB', 'tik_test')
odoo.registry(db)
name = 'odoo.addons.tik_service_mgmt.tests.%s' % sys.argv[1]
mod = importlib.import_module(name)
loader = unittest.TestLoader()
if len(sys.argv) > 2:
    suite = loader.loadTestsFromName(sys.argv[2], mod)
else:
    suite = loader.loadTestsFromModule(mod)
threading.currentThread().testing = True
threading.currentThread().dbname = db
odoo_module.current_test = name
with odoo.api.Environment.manage():
    result = unittest.TextTestRunner(verbosity=2).run(suite)
sys.exit(0 if result.wasSuccessful() else 1)
