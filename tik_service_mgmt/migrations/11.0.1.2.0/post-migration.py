# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.1.0: the SOP is a document (tik.sop). The shipped document, put in force
by the data, gets the seven steps that existed, and every ticket filed until now ran
under it. Journal lines already point at those steps: their hashes do not change.
"""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sop = env.ref('tik_service_mgmt.sop_tik', raise_if_not_found=False)
    if not sop:
        return
    cr.execute('UPDATE tik_sop_step SET sop_id = %s WHERE sop_id IS NULL', (sop.id,))
    cr.execute('UPDATE tik_ticket SET sop_id = %s WHERE sop_id IS NULL', (sop.id,))
    env['tik.sop.step'].invalidate_cache()
    env['tik.ticket'].invalidate_cache()
