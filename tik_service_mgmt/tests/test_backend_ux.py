# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import fields
from odoo.exceptions import UserError

from .common import TikCase


class TestBackendUx(TikCase):
    """What the backend relies on, checked on the server: the Kabid's choices within
    the division, the service implying the division, to-dos due today in Indonesian,
    the home action, and the form's button flags."""

    def test_an_officer_outside_the_division_is_refused_at_write(self):
        ticket = self.ticket_in('analysis')
        before = ticket.officer_id
        with self.assertRaisesRegex(UserError, 'not an officer of division'):
            ticket.sudo(self.kabid).write({'officer_id': self.kabid_other.id})
        self.assertEqual(ticket.officer_id, before)

    def test_a_service_outside_the_catalogue_is_refused_at_write(self):
        ticket = self.ticket_in('analysis')
        with self.assertRaisesRegex(UserError, 'not in the catalogue'):
            ticket.sudo(self.kabid).write({'service_id': self.service_y.id})
        self.assertEqual(ticket.service_id, self.service_x)
        # The guard of Accept still checks both (a service given at step 2).
        ticket.sudo(self.kabid).write({'officer_id': self.officer_other.id})
        self.assertEqual(ticket.officer_id, self.officer_other)

    def test_the_refusal_is_in_the_users_language(self):
        ticket = self.ticket_in('analysis')
        with self.assertRaisesRegex(UserError, 'bukan petugas bidang'):
            ticket.sudo(self.kabid).with_context(lang='id_ID').write(
                {'officer_id': self.kabid_other.id})

    def test_dispatch_takes_the_division_of_the_service(self):
        ticket = self.file_ticket(service_id=self.service_x.id)
        self.assertFalse(ticket.division_id)
        ticket.sudo(self.helpdesk).action_dispatch()
        self.assertEqual(ticket.state, 'analysis')
        self.assertEqual(ticket.division_id, self.division_x)

    def test_dispatch_without_service_or_division_is_still_refused(self):
        ticket = self.file_ticket()
        with self.assertRaisesRegex(UserError, 'Fill in first'):
            ticket.sudo(self.helpdesk).action_dispatch()
        # Nobody else designates the division through the service.
        ticket = self.file_ticket(service_id=self.service_x.id)
        with self.assertRaises(Exception):
            ticket.sudo(self.requester).action_dispatch()
        self.assertFalse(ticket.division_id)
        self.assertEqual(ticket.state, 'new')

    def test_the_onchange_of_the_service_sets_the_division_for_the_helpdesk(self):
        form = self.env['tik.ticket'].sudo(self.helpdesk).new(
            {'state': 'new', 'number': 'TIK/2026/99999', 'service_id': self.service_x.id})
        form._onchange_service_id()
        self.assertEqual(form.division_id, self.division_x)
        # Filing decides no division: the new ticket gets it when designated.
        form = self.env['tik.ticket'].sudo(self.helpdesk).new(
            {'state': 'new', 'service_id': self.service_x.id})
        form._onchange_service_id()
        self.assertFalse(form.division_id)
        form = self.env['tik.ticket'].sudo(self.requester).new(
            {'state': 'new', 'number': 'TIK/2026/99999', 'service_id': self.service_x.id})
        form._onchange_service_id()
        self.assertFalse(form.division_id)

    def test_the_next_actors_todo_is_due_today_and_says_what_is_expected(self):
        ticket = self.file_ticket()
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        todo = ticket.sudo().activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.kabid)
        today = datetime.now(pytz.timezone('Asia/Jakarta')).date()
        self.assertEqual(todo.date_deadline, fields.Date.to_string(today))
        self.assertEqual(todo.state, 'today')
        # In Indonesian, though the actors work in English here.
        self.assertEqual(todo.summary, '%s \u2014 Periksa dan terima/tolak' % ticket.number)
        self.assertIn('Tenggat langkah: %s' % ticket._format_local(ticket.date_deadline),
                      todo.note)

    def test_a_rework_todo_and_the_reason_on_the_ticket(self):
        ticket = self.ticket_in('verification')
        self.assertEqual((ticket.rework_count, ticket.rework_reason), (0, False))
        self.act(ticket, 'kabid', None, 'request_rework', reason='Lampirkan bukti uji.')
        ticket.invalidate_cache()
        self.assertEqual(ticket.rework_count, 1)
        self.assertEqual(ticket.rework_reason, 'Lampirkan bukti uji.')
        todo = ticket.sudo().activity_ids
        self.assertEqual(todo.user_id, self.officer)
        self.assertIn('Perbaikan', todo.summary)
        self.assertIn('Lampirkan bukti uji.', todo.note)
        self.act(ticket, 'officer', {'resolution': 'Bukti dilampirkan.'},
                 'report_resolution')
        ticket.invalidate_cache()
        self.assertEqual((ticket.rework_count, ticket.rework_reason), (1, False))

    def test_actors_get_the_home_action_waiting_for_me(self):
        home = self.env.ref('tik_service_mgmt.tik_ticket_action_mine')
        for user in (self.requester, self.helpdesk, self.kabid, self.officer, self.head):
            self.assertEqual(user.action_id.id, home.id, user.login)
        self.assertFalse(self.portal.action_id)
        self.assertFalse(self.internal.action_id)
        # Given an actor group later, a user without a home action lands there too;
        # a home action someone chose is kept.
        self.internal.write({'groups_id': [(4, self.env.ref(
            'tik_service_mgmt.group_officer').id)]})
        self.assertEqual(self.internal.action_id.id, home.id)
        other = self.env.ref('tik_service_mgmt.tik_ticket_action')
        self.head.action_id = other.id
        self.head.write({'groups_id': [(4, self.env.ref(
            'tik_service_mgmt.group_helpdesk').id)]})
        self.assertEqual(self.head.action_id.id, other.id)
        for login in ('pengguna', 'helpdesk', 'kabid.aptika', 'petugas.aptika', 'kadin'):
            demo = self.env['res.users'].search([('login', '=', login)])
            self.assertEqual(demo.action_id.id, home.id, login)

    def test_button_flags_never_break_a_new_record(self):
        new = self.env['tik.ticket'].sudo(self.helpdesk).new({'name': 'Baru'})
        self.assertTrue(isinstance(new.allowed_actions, str))
        self.assertTrue(new.user_is_helpdesk)
        ticket = self.file_ticket()
        as_helpdesk = ticket.sudo(self.helpdesk)
        self.assertTrue(as_helpdesk.can_dispatch)
        self.assertFalse(as_helpdesk.can_accept)
        self.assertFalse(ticket.can_dispatch)
        self.assertEqual(ticket.allowed_actions, ' ')

    def test_buttons_of_the_form_reload_it_in_place_and_rpc_gets_true(self):
        # True: the web client reloads the ticket in its own action (queue kept).
        ticket = self.file_ticket(service_id=self.service_x.id)
        self.assertIs(ticket.sudo(self.helpdesk).with_context(
            tik_form=True).action_dispatch(), True)
        self.assertIs(ticket.sudo(self.kabid).action_reject(reason='Bukan kami.'), True)

    def test_checking_the_journal_posts_nothing(self):
        ticket = self.ticket_in('in_progress')
        messages = ticket.message_ids
        action = ticket.sudo(self.helpdesk).action_check_journal()
        self.assertEqual(action['res_model'], 'tik.ticket.journal.check')
        check = self.env['tik.ticket.journal.check'].browse(action['res_id'])
        self.assertEqual(check.ticket_id, ticket)
        self.assertEqual(ticket.message_ids, messages)

    def test_the_phone_reads_as_people_write_it(self):
        ticket = self.file_ticket(phone='0813-3456-7890')
        self.assertEqual(ticket.phone, '+6281334567890')
        self.assertEqual(ticket.phone_display, '+62 813-3456-7890')

    def test_ended_columns_of_the_kanban_are_folded(self):
        self.ticket_in('rejected')
        groups = self.env['tik.ticket'].read_group([], ['state'], ['state'])
        folded = {group['state']: group['__fold'] for group in groups}
        self.assertTrue(folded['rejected'])
        self.assertFalse(folded.get('analysis', False))

    def test_the_kadin_prints_the_sop_table(self):
        action = self.env.ref('tik_service_mgmt.tik_sop_print_action').sudo(
            self.head).run()
        self.assertEqual(action['report_name'], 'tik_service_mgmt.report_sop')
