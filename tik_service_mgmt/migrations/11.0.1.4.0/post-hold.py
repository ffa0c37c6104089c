# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.3.0: the shipped SOP's steps 3 and 4 may wait for the requester (its
steps are noupdate data, so an update does not set it); a manager's own choice on
other steps is left as it is. The shipped days off get their type and legal basis
where none is set (as tools/gen_holidays.py writes them for new databases)."""
from odoo import SUPERUSER_ID, api

# The acts that set the shipped years' national holidays and cuti bersama.
SKB = 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB '
BASIS = {
    2025: SKB + 'Nomor 1017, 2, 2 Tahun 2024',
    2026: SKB + 'Nomor 1497, 2, 5 Tahun 2025',
    2027: SKB + 'tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 '
                '(nomor belum dicatat)',
}


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE tik_sop_step s SET allows_hold = true
        FROM ir_model_data d
        WHERE d.module = 'tik_service_mgmt' AND d.model = 'tik.sop.step'
          AND d.name IN ('sop_step_3', 'sop_step_4') AND d.res_id = s.id
          AND s.allows_hold IS NULL""")
    # Through the ORM: the table is Odoo's resource module's. Only the two values
    # this addon adds are written, which move no deadline.
    env = api.Environment(cr, SUPERUSER_ID, {})
    shipped = env['ir.model.data'].search([
        ('module', '=', 'tik_service_mgmt'), ('model', '=', 'resource.calendar.leaves'),
        ('name', '=like', 'leave_id_%')])
    for data in shipped:
        leave = env['resource.calendar.leaves'].browse(data.res_id).exists()
        year = int(data.name.split('_')[2])
        if leave and year in BASIS and not (leave.legal_basis or leave.day_off_type):
            leave.write({
                'legal_basis': BASIS[year],
                'day_off_type': 'cuti_bersama' if leave.name.startswith('Cuti Bersama')
                                else 'national'})
