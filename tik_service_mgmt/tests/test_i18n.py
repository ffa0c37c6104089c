# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import os
import time

from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase
from odoo.tools import convert_file
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import PoFile, trans_generate


class TestIndonesian(TransactionCase):

    def test_every_user_facing_string_is_translated(self):
        path = os.path.join(get_module_path('tik_service_mgmt'), 'i18n', 'id.po')
        # Odoo applies a translation of a field label, a view or a record only where the
        # .po names that very term, so compare what the terms are, not only their text;
        # a term of the code is one per text, whichever files use it.

        def term(kind, name, res_id, source):
            return (kind, name if kind != 'code' else None,
                    res_id if kind == 'model' else None, source)

        with open(path, 'rb') as po:
            translated = {term(kind, name, res_id, source)
                          for kind, name, res_id, source, value, _c
                          in PoFile(io.BytesIO(po.read())) if value and value.strip()}
        terms = {term(kind, name, res_id, source)
                 for module, kind, name, res_id, source, _v, _c
                 in trans_generate(None, ['tik_service_mgmt'], self.env.cr)
                 if module == 'tik_service_mgmt' and '_demo' not in str(res_id)}
        self.assertGreater(len(terms), 250)
        self.assertEqual(sorted(terms - translated), [])

    def test_errors_reach_the_user_in_indonesian(self):
        self.env['res.lang'].load_lang('id_ID')
        ticket = self.env['tik.ticket'].create({'name': 'Uji'})
        with self.assertRaises(Exception) as refused:
            ticket.with_context(lang='id_ID').action_close()
        self.assertIn('Tiket %s' % ticket.number, str(refused.exception.name))

    def test_the_record_speaks_the_agencys_language_whoever_acts(self):
        """Journal notes and step messages are evidence: Indonesian, even when the
        actor's screen is in English."""
        self.env['res.lang'].load_lang('id_ID')
        self.env['res.lang'].load_lang('en_US')
        helpdesk = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Helpdesk Uji', 'login': 'helpdesk.i18n', 'lang': 'en_US',
            'email': 'helpdesk.i18n@uji.go.id',
            'groups_id': [(6, 0, [self.env.ref('tik_service_mgmt.group_helpdesk').id])]})
        kabid = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Kabid Uji', 'login': 'kabid.i18n', 'lang': 'en_US',
            'email': 'kabid.i18n@uji.go.id',
            'groups_id': [(6, 0, [self.env.ref('tik_service_mgmt.group_division_head').id])]})
        division = self.env['tik.division'].create(
            {'name': 'Bidang Uji', 'code': 'BU', 'head_id': kabid.id})
        ticket = self.env['tik.ticket'].create({'name': 'Uji'})
        mine = ticket.sudo(helpdesk).with_context(lang='en_US')
        mine.write({'division_id': division.id})
        mine.action_dispatch()
        ticket.sudo(kabid).with_context(lang='en_US').action_reject(reason='Di luar katalog.')
        lines = ticket.step_ids.sorted('position')
        self.assertEqual(lines[1].note, 'Bidang: Bidang Uji')
        notes = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_note') and not
            m.tracking_value_ids)
        dispatched, rejected = notes.sorted('id')[-2:]
        self.assertIn('Tunjuk Bidang oleh Helpdesk Uji', dispatched.body)
        self.assertIn('Tiket ditolak.', rejected.body)
        self.assertIn('Di luar katalog.', rejected.body)
        self.assertNotIn('by Kabid Uji', rejected.body)

    def test_odoos_own_terms_on_the_users_path_speak_indonesian(self):
        """Odoo 11 ships the chatter's, the to-dos' and the portal's words untranslated;
        the addon brings them (i18n_extra/id.po)."""
        web = self.env['ir.translation'].search([
            ('lang', '=', 'id_ID'), ('comments', 'like', 'openerp-web'),
            ('src', 'in', ['Send message', 'Log note', 'Schedule activity', 'Mark Done',
                           'Planned activities', 'There are no comments for now.',
                           'Write a message...', 'Congratulations, your inbox is empty'])])
        self.assertEqual(len(set(web.mapped('src'))), 8)
        self.assertIn('Catatan internal', web.mapped('value'))
        home = self.env.ref('portal.portal_my_home').with_context(lang='id_ID')
        self.assertIn('Dokumen Anda', home.arch)
        self.assertEqual(self.env['ir.translation']._get_source(
            None, ('code',), 'id_ID', 'Odoo Server Error'), 'Kesalahan Server Odoo')

    def test_printouts_are_named_in_indonesian(self):
        ticket = self.env['tik.ticket'].create({'name': 'Uji'})
        report = self.env.ref('tik_service_mgmt.action_report_ticket')
        name = safe_eval(report.print_report_name, {'object': ticket, 'time': time})
        self.assertEqual(name, 'Catatan Tiket - %s' % ticket.number.replace('/', '-'))


class TestIndonesianTimes(TransactionCase):
    """Times read to the minute in Indonesian, whether the language was loaded before
    the addon (tools/test.sh, --load-language with -i) or after it."""

    def setUp(self):
        super(TestIndonesianTimes, self).setUp()
        self.indonesian = self.env.ref('base.lang_id')

    def test_indonesian_reads_times_to_the_minute(self):
        self.assertEqual(self.indonesian.time_format, '%H:%M')

    def test_loading_indonesian_after_the_addon_keeps_the_minute(self):
        # Base ships Indonesian as a record, inactive until it is loaded; the addon's
        # data gave that record its format.
        self.env.cr.execute('UPDATE res_lang SET active = false WHERE id = %s',
                            (self.indonesian.id,))
        self.indonesian.invalidate_cache()
        self.env['res.lang'].clear_caches()
        self.assertEqual(self.env['res.lang'].load_lang('id_ID'), self.indonesian.id)
        self.assertTrue(self.indonesian.active)
        self.assertEqual(self.indonesian.time_format, '%H:%M')

    def test_an_update_of_base_is_followed_by_the_addons_format(self):
        # An update of base writes the record from its res.lang.csv again; the addon's
        # update (it depends on base) writes its format back.
        self.indonesian.time_format = '%H:%M:%S'
        convert_file(self.env.cr, 'tik_service_mgmt', 'data/res_lang_data.xml', {},
                     'update', False, 'data')
        self.assertEqual(self.indonesian.time_format, '%H:%M')

    def test_loading_a_language_leaves_indonesian_as_it_is(self):
        """Loading a language is Odoo's alone: it changes no format an administrator
        chose for another one."""
        self.indonesian.time_format = '%H.%M.%S'
        self.env['res.lang'].load_lang('en_US')
        self.env['res.lang'].load_lang('id_ID')
        self.assertEqual(self.indonesian.time_format, '%H.%M.%S')
