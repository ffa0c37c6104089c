# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.3.0: the shipped SOP's steps 3 and 4 may wait for the requester (its
steps are noupdate data, so an update does not set it); a manager's own choice on
other steps is left as it is. The shipped days off get their type and legal basis
where none is set."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE tik_sop_step s SET allows_hold = true
        FROM ir_model_data d
        WHERE d.module = 'tik_service_mgmt' AND d.model = 'tik.sop.step'
          AND d.name IN ('sop_step_3', 'sop_step_4') AND d.res_id = s.id
          AND s.allows_hold IS NULL""")
