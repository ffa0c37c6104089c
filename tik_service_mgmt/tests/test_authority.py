# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Authority over every value: who may write which field of a ticket, in which state.

The expectations here are written out by hand from the SOP, not read from the
addon's own table, so that a wrong table fails them.
"""
import base64

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from ..lib import workflow
from ..models.authority import as_intake
from ..models.mail_thread import GATEWAY
from .common import TikCase


class Rollback(Exception):
    pass


# Who may write which value, per state: (state, actor) -> fields. Nothing else succeeds.
REPORT = {'name', 'description', 'phone', 'email', 'service_id'}
MAY_WRITE = {
    ('new', 'requester'): REPORT,
    ('new', 'helpdesk'): REPORT | {'partner_id', 'division_id'},
    ('analysis', 'kabid'): {'service_id', 'officer_id', 'instruction'},
    ('in_progress', 'officer'): {'resolution'},
    ('closed', 'manager'): {'active'},
    ('closed', 'admin'): {'active'},
    ('rejected', 'manager'): {'active'},
    ('rejected', 'admin'): {'active'},
    ('duplicate', 'manager'): {'active'},
    ('duplicate', 'admin'): {'active'},
}
DERIVED = ['unit_id', 'state', 'number', 'current_step_id', 'date_deadline',
           'date_at_risk', 'sla_status', 'date_closed', 'reject_reason', 'step_missed',
           'access_token', 'channel', 'journal_head', 'journal_length', 'sop_id',
           'whatsapp_url', 'rework_count', 'rework_reason']


class TestAuthority(TikCase):

    @classmethod
    def setup_data(cls):
        cls.actors = dict(cls.actors, requester_b=cls.requester_b,
                          admin=cls.env['res.users'].browse(SUPERUSER_ID))
        # Another service of the ticket's division: at step 3 the Kabid may choose only
        # from his division's catalogue (test_workflow checks the refusal).
        cls.service_x2 = cls.env['tik.service'].create({
            'name': 'DNS Uji', 'code': 'UX-DNS', 'division_id': cls.division_x.id})
        # Another SOP version: no one moves a ticket to another SOP than it was filed
        # under.
        cls.sop_other = cls.env['tik.sop'].create({'name': 'SOP Lain', 'number': 'X/1'})

    def values(self):
        """A new value for every decided and derived field."""
        return {
            'name': 'Judul diubah', 'description': 'Uraian diubah.',
            'phone': '0813-3456-7890', 'email': 'lain@uji.go.id',
            'service_id': self.service_x2.id, 'partner_id': self.requester_b.partner_id.id,
            'division_id': self.division_y.id, 'officer_id': self.officer_other.id,
            'instruction': 'Instruksi lain.', 'resolution': 'Sudah selesai.',
            'unit_id': self.unit_b.id, 'state': 'closed', 'number': 'TIK/PALSU/1',
            'current_step_id': False, 'date_deadline': '2099-12-31 00:00:00',
            'date_at_risk': '2099-12-30 00:00:00', 'sla_status': 'on_track',
            'date_closed': '2020-01-01 00:00:00', 'reject_reason': 'Alasan palsu.',
            'step_missed': True, 'access_token': 'x', 'channel': 'email',
            'journal_head': 'f' * 64, 'journal_length': 99, 'active': False,
            'sop_id': self.sop_other.id,
            'whatsapp_url': 'https://wa.me/6281111111111',
            'rework_count': 5, 'rework_reason': 'Alasan perbaikan palsu.',
        }

    def stored(self, ticket, names=None):
        """The ticket's row and its journal's rows, as the database holds them."""
        self.env.cr.execute("""
            SELECT row_to_json(t)::text,
                   (SELECT json_agg(s ORDER BY s.id)::text FROM tik_ticket_step s
                     WHERE s.ticket_id = t.id)
            FROM tik_ticket t WHERE t.id = %s""", [ticket.id])
        return self.env.cr.fetchone()

    def test_write_matrix(self):
        """Every decided or derived field x every state x every actor: only the actor
        who decides the value in that state writes it; every other write is refused
        with a UserError or AccessError and changes nothing."""
        tickets = {state: self.ticket_in(state) for state, _label in workflow.STATES}
        values = self.values()
        succeeded, cells = set(), 0
        for state, ticket in tickets.items():
            before = self.stored(ticket, values)
            for name, value in values.items():
                for actor, user in self.actors.items():
                    cells += 1
                    try:
                        with self.env.cr.savepoint():
                            ticket.sudo(user).write({name: value})
                            raise Rollback()
                    except Rollback:
                        succeeded.add((state, actor, name))
                    except (UserError, AccessError) as refusal:
                        self.assertTrue(refusal.name)
                        self.assertEqual(self.stored(ticket, values), before,
                                         'refused %s/%s/%s changed data' % (
                                             state, actor, name))
                    self.env.cache.invalidate()
        expected = {(state, actor, name) for (state, actor), names in MAY_WRITE.items()
                    for name in names}
        self.assertEqual(sorted(succeeded), sorted(expected))
        self.assertEqual(cells, len(workflow.STATES) * 29 * 12)

    def test_refusals_name_the_field_and_who_decides_it(self):
        ticket = self.ticket_in('in_progress')
        before = self.stored(ticket, ['resolution'])
        # Finding 1: the requester wrote the officer's resolution.
        with self.assertRaisesRegex(AccessError, 'Resolution Report is decided by '
                                                 'Officer'):
            ticket.sudo(self.requester).write({'resolution': 'Sudah selesai'})
        # Finding 3: the officer hid his own lateness.
        with self.assertRaisesRegex(UserError, 'Step Deadline cannot be changed'):
            ticket.sudo(self.officer).write({'date_deadline': '2099-12-31 00:00:00'})
        # Finding 2: anyone, administrators too, moved a ticket to another unit.
        with self.assertRaisesRegex(UserError, r'Unit \(OPD\) cannot be changed'):
            ticket.sudo().write({'unit_id': self.unit_b.id})
        with self.assertRaisesRegex(UserError, 'Security Token cannot be changed'):
            ticket.sudo(self.requester).write({'access_token': 'x'})
        self.assertEqual(self.stored(ticket, ['resolution']), before)
        self.assertEqual(ticket.unit_id, self.unit_a)

    def test_filing_takes_the_report_only(self):
        """Finding 1: create accepted the values later steps decide."""
        for vals in ({'division_id': self.division_x.id}, {'officer_id': self.officer.id},
                     {'instruction': 'x'}, {'resolution': 'x'}, {'state': 'closed'},
                     {'number': 'TIK/1'}, {'access_token': 'x'}, {'channel': 'email'},
                     {'journal_head': 'x'}, {'sop_id': self.sop_other.id}):
            for user in (self.requester, self.helpdesk, self.manager):
                with self.assertRaises((UserError, AccessError), msg=(vals, user.login)):
                    self.Ticket.sudo(user).create(dict(vals, name='Uji'))
        with self.assertRaises(UserError):
            self.Ticket.sudo().create({'name': 'Uji', 'division_id': self.division_x.id})
        self.assertFalse(self.Ticket.sudo().search([('name', '=', 'Uji')]))

    def test_only_the_helpdesk_files_for_someone_else(self):
        # Finding 6: admin's filing for a reporter was credited to the reporter.
        with self.assertRaisesRegex(AccessError, 'Reporter'):
            self.Ticket.sudo().create(
                {'name': 'Oleh admin', 'partner_id': self.requester.partner_id.id})
        with self.assertRaisesRegex(AccessError, 'Reporter'):
            self.Ticket.sudo(self.requester).create(
                {'name': 'Untuk rekan', 'partner_id': self.requester_b.partner_id.id})
        caller = self.env['res.partner'].create(
            {'name': 'Penelepon Uji', 'parent_id': self.unit_b.id})
        ticket = self.Ticket.sudo(self.helpdesk).create(
            {'name': 'Lewat telepon', 'partner_id': caller.id, 'channel': 'phone'})
        sent = ticket.sudo().step_ids.sorted('position')[0]
        # Finding 6: step 1 names the user who filed it, by that channel.
        self.assertEqual((sent.user_id, sent.channel), (self.helpdesk, 'phone'))
        self.assertEqual((ticket.channel, ticket.unit_id), ('phone', self.unit_b))
        with self.assertRaisesRegex(UserError, 'comes by'):
            self.Ticket.sudo(self.requester).create({'name': 'x', 'channel': 'phone'})
        with self.assertRaisesRegex(UserError, 'comes by'):
            self.Ticket.sudo(self.helpdesk).create({'name': 'x', 'channel': 'portal'})

    def test_step_one_names_the_real_sender(self):
        """Finding 6: admin's own filing was credited to the reporter's user."""
        admin = self.env['res.users'].browse(SUPERUSER_ID)
        ticket = self.Ticket.sudo().create({'name': 'Oleh admin sendiri'})
        sent = ticket.step_ids.sorted('position')[0]
        self.assertEqual((sent.user_id, sent.channel), (admin, 'backend'))
        ticket = self.file_in_portal(self.portal)
        sent = ticket.step_ids.sorted('position')[0]
        self.assertEqual((sent.user_id, sent.channel), (self.portal, 'portal'))

    def test_an_email_is_sent_by_an_address_not_by_a_user(self):
        """Finding 6: a forged From: was recorded as sent by the named civil servant."""
        ticket = self.Ticket.sudo().with_context(tik_gateway=GATEWAY).message_new({
            'subject': 'Akun terkunci', 'body': '<p>Mohon bantuan.</p>',
            'email_from': 'Requester <requester@uji.go.id>',
            'author_id': self.requester.partner_id.id})
        sent = ticket.step_ids.sorted('position')[0]
        self.assertFalse(sent.user_id)
        self.assertEqual((sent.channel, sent.email_from),
                         ('email', 'Requester <requester@uji.go.id>'))
        self.assertEqual(ticket.partner_id, self.requester.partner_id)
        self.assertEqual(ticket.channel, 'email')
        self.assertTrue(ticket.check_journal()[0]['intact'])
        # The same values over RPC carry no intake authority.
        with self.assertRaises(AccessError):
            self.Ticket.sudo(self.requester).with_context(
                tik_intake=['email', None, 'x@y']).create(
                {'name': 'x', 'partner_id': self.requester_b.partner_id.id})

    def test_archiving(self):
        """Finding 4: any actor archived a running ticket out of every queue."""
        running = self.ticket_in('in_progress')
        for user in self.actors.values():
            with self.assertRaises((UserError, AccessError), msg=user.login):
                running.sudo(user).toggle_active()
            self.assertTrue(running.active)
        closed = self.ticket_in('closed')
        for user in (self.helpdesk, self.head, self.requester):
            with self.assertRaisesRegex(AccessError, 'service manager'):
                closed.sudo(user).toggle_active()
        closed.sudo(self.manager).toggle_active()
        self.assertFalse(closed.active)
        self.assertIn('Tiket diarsipkan.', closed.message_ids[0].body)
        self.assertEqual(closed.message_ids[0].author_id, self.manager.partner_id)
        closed.sudo(self.manager).toggle_active()
        self.assertTrue(closed.active)
        self.assertIn('dipulihkan', closed.message_ids[0].body)
        self.assertTrue(closed.check_journal()[0]['intact'])

    def test_reasons_are_escaped_in_messages(self):
        """Finding 8: a reason holding HTML became live links and images."""
        ticket = self.ticket_in('analysis')
        reason = 'Lihat <a href="https://jahat.example/">di sini</a> ' \
                 '<img src="https://jahat.example/p.png"/>'
        ticket.sudo(self.kabid).action_reject(reason=reason)
        body = ticket.message_ids[0].body
        self.assertNotIn('<a href="https://jahat', body)
        self.assertNotIn('<img', body)
        self.assertIn('&lt;a href=', body)
        self.assertEqual(ticket.reject_reason, reason)

    def test_a_message_is_written_in_ones_own_name(self):
        """Finding 10: posting as the Kadin, backdated, with another ticket's file."""
        ticket = self.ticket_in('new')
        mine = ticket.sudo(self.requester)
        count = len(ticket.message_ids)
        with self.assertRaisesRegex(AccessError, 'own name'):
            mine.message_post(body='Disetujui', author_id=self.head.partner_id.id,
                              message_type='comment')
        with self.assertRaisesRegex(UserError, 'dated'):
            mine.message_post(body='Lama', date='2020-01-01 00:00:00',
                              message_type='comment')
        other = self.file_ticket(user=self.requester_b)
        foreign = self.env['ir.attachment'].sudo(self.requester_b).create({
            'name': 'rahasia.pdf', 'datas': base64.b64encode(b'%PDF rahasia'),
            'datas_fname': 'rahasia.pdf', 'res_model': 'tik.ticket', 'res_id': other.id})
        with self.assertRaisesRegex(AccessError, 'another record'):
            mine.message_post(body='Lampiran', attachment_ids=[foreign.id],
                              message_type='comment')
        with self.assertRaises(UserError):
            mine.message_post(body='Lampiran', attachment_ids=['1'],
                              message_type='comment')
        self.assertEqual(len(ticket.message_ids), count)
        self.assertEqual((foreign.res_model, foreign.res_id), ('tik.ticket', other.id))
        # One's own upload attaches; the message is the poster's.
        upload = self.env['ir.attachment'].sudo(self.requester).create({
            'name': 'bukti.png', 'datas': base64.b64encode(b'png'),
            'datas_fname': 'bukti.png', 'res_model': 'mail.compose.message', 'res_id': 0})
        message = mine.message_post(body='Bukti', attachment_ids=[upload.id],
                                    message_type='comment')
        self.assertEqual(message.author_id, self.requester.partner_id)
        self.assertEqual(message.attachment_ids, upload)

    def test_bad_input_is_refused_not_crashed(self):
        """Finding 11: reasons that are no text, the same id twice, a phone number."""
        ticket = self.ticket_in('analysis')
        before = self.snapshot(ticket)
        for reason in (123, True, ['x'], {}):
            with self.assertRaisesRegex(UserError, 'as text'):
                ticket.sudo(self.kabid).action_reject(reason=reason)
        self.assertEqual(self.snapshot(ticket), before)
        new = self.ticket_in('new')
        new.sudo(self.helpdesk).write({'division_id': self.division_x.id})
        twice = self.Ticket.sudo(self.helpdesk).browse([new.id, new.id])
        twice.action_dispatch()
        self.assertEqual(new.state, 'analysis')
        self.assertEqual(new.step_ids.mapped('action').count('dispatch'), 1)
        with self.assertRaisesRegex(UserError, 'as text'):
            self.Ticket.sudo(self.requester).create({'name': 'x', 'phone': 81234567890})
        fresh = self.file_ticket()
        with self.assertRaisesRegex(UserError, 'as text'):
            fresh.sudo(self.requester).write({'phone': 81234567890})

    def test_the_register_has_no_gaps(self):
        """Finding 13: a refused create consumed a number."""
        first = self.file_ticket()
        # Refused before the number is drawn (the requester filing for someone else
        # used to consume one), and after it (the database refusing the row).
        for vals in ({'partner_id': self.requester_b.partner_id.id}, {'name': False},
                     {'phone': '12'}, {'division_id': self.division_x.id}):
            with self.assertRaises((UserError, AccessError, ValidationError,
                                    IntegrityError)):
                with self.env.cr.savepoint(), mute_logger('odoo.sql_db'):
                    self.file_ticket(**vals)
        second = self.file_ticket()
        serial = [int(t.number.rsplit('/', 1)[1]) for t in (first, second)]
        self.assertEqual(serial[1], serial[0] + 1)
        self.assertEqual(self.env.ref('tik_service_mgmt.seq_tik_ticket').implementation,
                         'no_gap')

    def test_an_intake_authority_cannot_come_from_outside(self):
        """A context flag sent over RPC is only data: it carries no intake path."""
        self.assertRaises(AccessError, self.Ticket.sudo(self.portal).with_context(
            tik_intake={'channel': 'portal'}).create, {'name': 'x'})
        self.assertEqual(as_intake(self.Ticket, 'portal', self.portal).create(
            {'name': 'Boleh', 'partner_id': self.portal.partner_id.id}).channel, 'portal')
