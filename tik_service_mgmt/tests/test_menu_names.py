# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each item of the app's menu says what it is, in Indonesian, and no two read alike."""
from odoo.tests.common import TransactionCase


class TestMenuNames(TransactionCase):

    def test_no_two_items_of_the_app_read_alike(self):
        self.env['res.lang'].load_lang('id_ID')
        root = self.env.ref('tik_service_mgmt.menu_root')
        menus = self.env['ir.ui.menu'].with_context(lang='id_ID').search(
            [('id', 'child_of', root.id), ('action', '!=', False)])
        names = menus.mapped('name')
        self.assertEqual(sorted(name for name in set(names) if names.count(name) > 1), [])

    def test_the_print_item_says_it_gives_the_sop_as_pdf(self):
        self.env['res.lang'].load_lang('id_ID')
        menu = self.env.ref('tik_service_mgmt.tik_sop_print_menu').with_context(
            lang='id_ID')
        self.assertEqual(menu.name, 'Cetak SOP yang Berlaku (PDF)')
        self.assertEqual(menu.action.with_context(lang='id_ID').name, menu.name)
        self.assertEqual(self.env.ref('tik_service_mgmt.tik_sop_menu').with_context(
            lang='id_ID').name, 'Versi Dokumen SOP')
