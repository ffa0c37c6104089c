# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run by tools/test_wheel.sh with the venv the wheel was installed into: the addon
installed from site-packages with Indonesian, and a requester files a ticket.

    wheel_check.py ODOO_CONF DB SITE_PACKAGES_ODOO
"""
import os
import sys

import odoo

conf, db, site = sys.argv[1:4]
odoo.tools.config.parse_config(['-c', conf, '--log-level=warn'])
with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    path = odoo.modules.get_module_path('tik_service_mgmt')
    assert path.startswith(site + os.sep), 'the addon came from %s' % path
    module = env['ir.module.module'].search([('name', '=', 'tik_service_mgmt')])
    assert module.state == 'installed', module.state
    assert env['res.lang'].search([('code', '=', 'id_ID')]), 'Indonesian is not loaded'
    terms = env['ir.translation'].search_count(
        [('module', '=', 'tik_service_mgmt'), ('lang', '=', 'id_ID')])
    assert terms > 100, '%d Indonesian terms of the addon' % terms

    unit = env['res.partner'].create({'name': 'Dinas Uji Paket', 'is_company': True})
    requester = env['res.users'].with_context(no_reset_password=True).create({
        'name': 'Pengguna Uji Paket', 'login': 'pengguna.paket', 'parent_id': unit.id,
        'lang': 'id_ID',
        'groups_id': [(6, 0, [env.ref('tik_service_mgmt.group_requester').id])]})
    ticket = env['tik.ticket'].sudo(requester).create({
        'name': 'Printer tidak bisa mencetak',
        'description': 'Printer di ruang rapat tidak merespons.',
        'phone': '0812-3456-7890'})
    ticket = ticket.sudo()
    assert ticket.state == 'new', ticket.state
    assert ticket.number, 'no number'
    assert ticket.partner_id == requester.partner_id and ticket.unit_id == unit
    assert ticket.phone == '+6281234567890', ticket.phone   # phonenumbers at work
    assert len(ticket.step_ids.filtered('hash')) == 1, 'step 1 is not sealed in the journal'
    print('a requester filed %s from the installed wheel (%d Indonesian terms)'
          % (ticket.number, terms))
    cr.rollback()
