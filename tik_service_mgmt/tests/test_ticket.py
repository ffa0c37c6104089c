# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import TikCase


class TestTicket(TikCase):

    def test_phone_is_stored_in_international_form(self):
        ticket = self.file_ticket(phone='0812-3456-7890')
        self.assertEqual(ticket.phone, '+6281234567890')
        ticket.write({'phone': '+62 355 791 234'})
        self.assertEqual(ticket.phone, '+62355791234')

    def test_invalid_phone_is_refused_and_nothing_is_filed(self):
        count = self.Ticket.sudo().search_count([])
        for bad in ('12', 'telepon saya', '0812'):
            with self.assertRaisesRegex(UserError, 'not valid'):
                self.file_ticket(phone=bad)
        self.assertEqual(self.Ticket.sudo().search_count([]), count)
        ticket = self.file_ticket(phone='081234567890')
        with self.assertRaisesRegex(UserError, 'not valid'):
            ticket.write({'phone': 'abc'})
        self.assertEqual(ticket.phone, '+6281234567890')

    def test_numbers_come_from_a_sequence_and_are_unique(self):
        first, second = self.file_ticket(), self.file_ticket()
        self.assertRegex(first.number, r'^TIK/\d{4}/\d{5}$')
        self.assertNotEqual(first.number, second.number)

    def test_unit_is_the_reporters_company(self):
        ticket = self.file_ticket()
        self.assertEqual(ticket.partner_id, self.requester.partner_id)
        self.assertEqual(ticket.unit_id, self.unit_a)

    def test_tickets_are_never_deleted_only_archived(self):
        ticket = self.ticket_in('closed')
        with self.assertRaisesRegex(UserError, 'never deleted'):
            ticket.sudo().unlink()
        ticket.sudo(self.manager).write({'active': False})
        self.assertFalse(ticket.active)
        self.assertTrue(ticket.exists())

    def test_state_changes_only_through_the_workflow(self):
        ticket = self.file_ticket()
        for vals in ({'state': 'closed'}, {'reject_reason': 'x'}, {'number': 'X'}):
            with self.assertRaises(UserError):
                ticket.sudo().write(vals)
        with self.assertRaises(UserError):
            self.Ticket.sudo(self.requester).create({'name': 'x', 'state': 'approved'})
        self.assertEqual(ticket.state, 'new')

    def test_fields_freeze_after_their_step(self):
        ticket = self.ticket_in('in_progress')
        for user, vals in [(self.helpdesk, {'division_id': self.division_y.id}),
                           (self.kabid, {'officer_id': self.officer_other.id}),
                           (self.requester, {'description': 'Ganti.'})]:
            with self.assertRaisesRegex(UserError, 'cannot be changed at this step'):
                ticket.sudo(user).write(vals)
        self.assertEqual(ticket.division_id, self.division_x)
        self.assertEqual(ticket.officer_id, self.officer)

    def test_requester_cannot_touch_another_units_ticket(self):
        ticket = self.file_ticket(user=self.requester_b)
        with self.assertRaises(AccessError):
            ticket.sudo(self.requester).write({'name': 'Diubah'})

    def test_step_four_uses_the_services_resolution_time(self):
        self.service_x.resolution_days = 5
        ticket = self.ticket_in('in_progress')
        line = ticket.current_step_id
        self.assertEqual(line.sop_step_id.sequence, 4)
        self.assertEqual(line.date_deadline,
                         self.Ticket.compute_deadline(line.date_start, 5))
        self.assertEqual(line.duration_days, 5)
        # A later change of the catalogue does not rewrite what the step ran against.
        self.service_x.resolution_days = 2
        self.assertEqual(line.duration_days, 5)

    def test_compute_deadline_is_callable_and_validates(self):
        # Friday 15:00 WIB + 1 working day = Monday 15:00 WIB (2026-11-27 is a Friday).
        self.assertEqual(self.Ticket.sudo(self.requester).compute_deadline(
            '2026-11-27 08:00:00', 1), '2026-11-30 08:00:00')
        for days in (0, -1):
            with self.assertRaises(UserError):
                self.Ticket.compute_deadline('2026-11-27 08:00:00', days)
        with self.assertRaises(UserError):
            self.Ticket.compute_deadline('bukan tanggal', 1)

    def test_an_email_to_the_alias_files_a_ticket_for_the_sender(self):
        alias = self.env.ref('tik_service_mgmt.mail_alias_ticket')
        self.assertEqual(alias.alias_model_id.model, 'tik.ticket')
        raw = ('From: Requester <test_requester@uji.go.id>\r\n'
               'To: layanan-tik@trenggalekkab.go.id\r\n'
               'Subject: Internet kantor mati\r\n'
               'Message-ID: <tik-uji-1@uji.go.id>\r\n'
               'Content-Type: text/plain; charset=utf-8\r\n\r\n'
               'Sejak pagi internet di kantor kami mati.\r\n')
        self.requester.partner_id.email = 'test_requester@uji.go.id'
        ticket = self.Ticket.browse(
            self.env['mail.thread'].message_process('tik.ticket', raw))
        self.assertEqual(ticket.name, 'Internet kantor mati')
        self.assertIn('internet di kantor kami mati', ticket.description)
        self.assertEqual(ticket.partner_id, self.requester.partner_id)
        self.assertEqual(ticket.unit_id, self.unit_a)
        self.assertEqual(ticket.state, 'new')
        self.assertTrue(ticket.number.startswith('TIK/'))
        self.assertEqual(len(ticket.step_ids), 2)

    def test_an_email_from_a_stranger_creates_the_reporter(self):
        raw = ('From: Warga <warga.baru@contoh.id>\r\n'
               'To: layanan-tik@trenggalekkab.go.id\r\n'
               'Subject: \r\n'
               'Message-ID: <tik-uji-2@contoh.id>\r\n'
               'Content-Type: text/plain; charset=utf-8\r\n\r\n'
               'Situs desa tidak bisa dibuka.\r\n')
        self.env['ir.config_parameter'].set_param(
            'tik_service_mgmt.email_intake_domains', 'uji.go.id, contoh.id')
        ticket = self.Ticket.browse(
            self.env['mail.thread'].message_process('tik.ticket', raw))
        self.assertEqual(ticket.partner_id.email, 'warga.baru@contoh.id')
        self.assertTrue(ticket.name)
        self.assertFalse(ticket.unit_id)

    def test_share_links_lead_portal_users_to_the_portal_page(self):
        ticket = self.file_ticket().sudo()
        self.assertEqual(ticket.portal_url, '/my/layanan-tik/%d' % ticket.id)
        action = ticket.get_access_action(self.portal.id)
        self.assertEqual((action['type'], action['url']),
                         ('ir.actions.act_url', '/my/layanan-tik/%d' % ticket.id))
        self.assertEqual(ticket.get_access_action(self.helpdesk.id)['type'],
                         'ir.actions.act_window')

    def test_a_ticket_filed_on_behalf_of_a_portal_user_is_sent_by_them(self):
        ticket = self.file_in_portal(self.portal, name='Lewat portal')
        self.assertEqual(ticket.step_ids.sorted('id')[0].user_id, self.portal)
        self.assertEqual(ticket.channel, 'portal')

    def test_the_units_of_many_reporters_follow_their_companies(self):
        first = self.file_ticket(user=self.requester)
        second = self.file_ticket(user=self.requester_b)
        tickets = (first | second).sudo()
        self.assertEqual(tickets.mapped('unit_id'), self.unit_a | self.unit_b)
        # Unit B is no longer a company and unit A's requester moves to unit B.
        self.unit_b.is_company = False
        self.requester.partner_id.parent_id = self.unit_b
        self.assertEqual((first.sudo().unit_id, second.sudo().unit_id),
                         (self.env['res.partner'], self.env['res.partner']))
        self.unit_b.is_company = True
        self.assertEqual((first.sudo().unit_id, second.sudo().unit_id),
                         (self.unit_b, self.unit_b))
