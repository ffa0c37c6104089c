# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ticket at the desk: the requester's files, comments reaching the step's holder,
the search box, refusals as warnings."""
import base64

from odoo.exceptions import UserError

from ..models.utils import TicketAccessWarning, TicketWarning
from .common import TikCase

SUMMARY = 'Baca komentar pemohon'  # in the agency's language (i18n/id.po)


class TestDesk(TikCase):

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')

    def comment(self, ticket, text, user=None):
        return ticket.sudo(user or self.requester).message_post(
            body=text, message_type='comment', subtype='mail.mt_comment')

    def test_the_requesters_files_show_on_the_ticket(self):
        ticket = self.file_in_portal(self.portal)
        files = self.env['ir.attachment']
        for name in ('layar.png', 'surat.pdf'):
            files |= self.env['ir.attachment'].create({
                'name': name, 'datas_fname': name, 'datas': base64.b64encode(b'isi'),
                'res_model': 'tik.ticket', 'res_id': ticket.id})
        # A file carried by a message stays with it, in the chatter.
        carried = self.env['ir.attachment'].sudo(self.helpdesk).create({
            'name': 'catatan.txt', 'datas_fname': 'catatan.txt',
            'datas': base64.b64encode(b'x'), 'res_model': 'mail.compose.message'})
        ticket.sudo(self.helpdesk).message_post(body='Lampiran', attachment_ids=carried.ids)
        for user in (self.helpdesk, self.kabid, self.head, self.manager):
            self.assertEqual(ticket.sudo(user).file_ids, files, user.login)
        self.act(ticket, 'helpdesk', {'service_id': self.service_x.id}, 'dispatch')
        ticket.sudo(self.kabid).write({'officer_id': self.officer.id})
        self.act(ticket, 'kabid', None, 'accept')
        shown = ticket.sudo(self.officer).file_ids
        self.assertEqual(shown, files)
        self.assertEqual(shown.mapped('name'), ['layar.png', 'surat.pdf'])

    def test_a_comment_reaches_the_holder_once_in_indonesian(self):
        ticket = self.ticket_in('in_progress')
        officer = self.officer.partner_id
        others = (self.helpdesk | self.kabid | self.head).mapped('partner_id')
        before = ticket.message_ids
        self.comment(ticket, 'Sekarang internet mati total.')
        note = ticket.message_ids - before.sudo() - ticket.message_ids.filtered(
            lambda m: m.message_type == 'comment')
        self.assertEqual(len(note), 1)
        self.assertEqual(note.needaction_partner_ids, officer)
        self.assertFalse(note.needaction_partner_ids & others)
        self.assertEqual(note.subtype_id, self.env.ref('mail.mt_note'))
        self.assertIn('Sekarang internet mati total.', note.body)
        # Internal: the requester's discussion in the portal does not carry it.
        self.assertNotIn(note, ticket.website_message_ids)
        todos = ticket.activity_ids.filtered(lambda t: SUMMARY in (t.summary or ''))
        self.assertEqual(todos.user_id, self.officer)
        self.assertEqual(len(todos), 1)
        # A second comment: the inbox again, the same to-do with the new words.
        self.comment(ticket, 'Printer juga tidak bisa.')
        todos = ticket.activity_ids.filtered(lambda t: SUMMARY in (t.summary or ''))
        self.assertEqual(len(todos), 1)
        self.assertIn('Printer juga', todos.note)
        # The holder's own message tells nobody more.
        notes = ticket.message_ids
        self.comment(ticket, 'Sudah saya cek.', user=self.officer)
        self.assertEqual(len(ticket.message_ids - notes), 1)

    def test_the_note_is_in_the_agencys_language(self):
        ticket = self.ticket_in('verification')
        self.comment(ticket, 'Terima kasih.')
        note = ticket.message_ids.filtered(lambda m: m.subtype_id == self.env.ref(
            'mail.mt_note'))[:1]
        self.assertIn('menulis, untuk %s' % self.kabid.name, note.body)
        self.assertEqual(note.needaction_partner_ids, self.kabid.partner_id)

    def test_one_search_box_finds_a_word_anywhere(self):
        ticket = self.file_ticket(name='Printer macet', phone='0813-3456-7890',
                                  service_id=self.service_x.id,
                                  description='Kertas tersangkut di ruang rapat.')
        other = self.file_ticket(name='Lain', description='Tidak terkait.')
        tickets = self.Ticket.sudo(self.helpdesk)
        for word in ('macet', ticket.number, 'Sub Domain Uji', 'tersangkut', 'Dinas Uji A',
                     'Requester', '0813-3456', '3456-7890'):
            found = tickets.search([('keyword', 'ilike', word)])
            self.assertIn(ticket, found, word)
            if word not in ('Dinas Uji A', 'Requester'):
                self.assertNotIn(other, found, word)
        self.assertFalse(tickets.search([('keyword', 'ilike', 'tidak ada kata ini')]))

    def test_refusals_are_warnings_that_change_nothing(self):
        ticket = self.ticket_in('analysis')
        ticket.sudo(self.kabid).write({'officer_id': False})
        before = self.snapshot(ticket)
        with self.assertRaises(TicketWarning) as refused:
            ticket.sudo(self.kabid).action_accept()
        self.assertIsInstance(refused.exception, UserError)
        self.assertIn('Officer', refused.exception.name)
        with self.assertRaises(TicketAccessWarning):
            ticket.sudo(self.officer).action_accept()
        with self.assertRaises(TicketWarning):
            ticket.sudo(self.kabid).write({'phone': '123'})
        self.assertEqual(self.snapshot(ticket), before)

    def test_filing_for_a_caller(self):
        tickets = self.Ticket.sudo(self.helpdesk)
        self.assertFalse(tickets.default_get(['partner_id']).get('partner_id'))
        self.assertEqual(self.Ticket.sudo(self.requester).default_get(
            ['partner_id'])['partner_id'], self.requester.partner_id.id)
        caller = self.env['res.partner'].sudo(self.helpdesk).create({
            'name': 'Budi', 'parent_id': self.unit_a.id, 'mobile': '0813-1111-2222'})
        new = tickets.new({'partner_id': caller.id})
        new._onchange_partner_id()
        self.assertEqual(new.phone, '0813-1111-2222')
        ticket = tickets.create({'name': 'Telepon', 'partner_id': caller.id,
                                 'phone': new.phone})
        self.assertEqual((ticket.phone, ticket.unit_id), ('+6281311112222', self.unit_a))
        # The units of the agency: those tagged, once one is; every company before.
        partners = self.env['res.partner']
        tag = self.env.ref('tik_service_mgmt.res_partner_category_unit')
        partners.search([('category_id', 'in', tag.ids)]).write(
            {'category_id': [(3, tag.id)]})
        self.assertIn(self.unit_b, partners.search([('tik_unit', '=', True)]))
        self.unit_a.category_id = tag
        units = partners.search([('tik_unit', '=', True)])
        self.assertIn(self.unit_a, units)
        self.assertNotIn(self.unit_b, units)
        self.assertIn(self.unit_b, partners.search([('tik_unit', '=', False)]))
        domain = tickets._fields['partner_id'].domain
        self.assertIn(caller, partners.search(domain))
        self.assertNotIn(self.requester_b.partner_id, partners.search(domain))

    def test_the_step_dialogs_open_from_the_form_only(self):
        ticket = self.ticket_in('analysis')
        ticket.sudo(self.kabid).write({'officer_id': False})
        as_kabid = ticket.sudo(self.kabid)
        dialog = as_kabid.with_context(tik_form=True).action_accept()
        self.assertEqual(dialog['res_model'], 'tik.ticket.step.wizard')
        self.assertEqual(dialog['context']['default_action'], 'accept')
        # Not the Kabid's step: the refusal, no dialog.
        with self.assertRaises(TicketAccessWarning):
            ticket.sudo(self.officer).with_context(tik_form=True).action_accept()
        step = self.env['tik.ticket.step.wizard'].sudo(self.kabid).with_context(
            dialog['context'], tik_form=True).create({
                'officer_id': self.officer.id, 'instruction': 'Cek DNS.'})
        # A value outside the division is refused and changes nothing.
        before = self.snapshot(ticket)
        step.officer_id = self.kabid_other
        with self.assertRaises(TicketWarning):
            step.action_confirm()
        self.assertEqual(self.snapshot(ticket), before)
        step.officer_id = self.officer
        self.assertIs(step.action_confirm(), True)
        self.assertEqual((ticket.state, ticket.officer_id, ticket.instruction),
                         ('in_progress', self.officer, 'Cek DNS.'))
        # Over RPC the step goes ahead as before.
        self.act(ticket, 'officer', {'resolution': 'DNS diperbaiki.'}, 'report_resolution')
        self.assertEqual(ticket.state, 'verification')

    def test_a_step_note_says_its_action_once(self):
        ticket = self.ticket_in('closed')
        label = dict(self.env['tik.ticket.step'].with_context(lang='id_ID')._fields[
            'action']._description_selection(self.env(context={'lang': 'id_ID'}))
        )['close']
        note = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_note'))[:1]
        self.assertEqual(note.body.count(label), 1, note.body)
