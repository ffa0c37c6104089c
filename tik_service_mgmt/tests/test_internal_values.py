# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What is said between the actors (the Kabid's instruction, the unverified
resolution, rework and return reasons, the journal's internal notes) is unreadable to
requesters over every path: RPC reads, exports, grouping, the printout; the
requester's printout still carries the journal's head and verification link."""
from odoo.api import call_kw
from odoo.exceptions import AccessError

from .common import TikCase
from .test_reports import html_root

INSTRUCTION = 'Instruksi rahasia Kabid'
REWORK = 'Alasan rework rahasia'
RESOLUTION = 'Rekaman DNS diperbaiki.'


class TestInternalValues(TikCase):

    @classmethod
    def setup_data(cls):
        cls.colleague = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Rekan Portal', 'login': 'test_rekan_portal', 'email': 'rekan@uji.go.id',
            'parent_id': cls.unit_a.id,
            'groups_id': [(6, 0, [cls.env.ref('base.group_portal').id])]})
        ticket = cls.file_ticket()
        cls.act(ticket, 'helpdesk', {'division_id': cls.division_x.id}, 'dispatch')
        cls.act(ticket, 'kabid', {'service_id': cls.service_x.id,
                                  'officer_id': cls.officer.id,
                                  'instruction': INSTRUCTION}, 'accept')
        cls.act(ticket, 'officer', {'resolution': RESOLUTION}, 'report_resolution')
        cls.act(ticket, 'kabid', None, 'request_rework', reason=REWORK)
        cls.ticket = ticket.sudo()
        returned = cls.file_ticket()
        cls.act(returned, 'helpdesk', {'division_id': cls.division_x.id}, 'dispatch')
        cls.act(returned, 'kabid', None, 'return_to_helpdesk', reason='Alasan kembali rahasia')
        cls.returned = returned.sudo()
        cls.readers = (cls.requester, cls.portal, cls.colleague)

    def test_requesters_read_no_internal_value_over_rpc(self):
        for user in self.readers:
            ticket = self.ticket.sudo(user)
            for field in ('instruction', 'resolution', 'rework_reason'):
                with self.assertRaises(AccessError, msg=(user.login, field)):
                    call_kw(ticket, 'read', [ticket.ids, [field]], {})
                with self.assertRaises(AccessError, msg=(user.login, field)):
                    call_kw(ticket, 'export_data', [ticket.ids, [field]], {})
            values = call_kw(ticket, 'read', [ticket.ids], {})[0]
            self.assertFalse({'instruction', 'resolution', 'rework_reason'} & set(values))
            self.assertNotIn(INSTRUCTION, str(values))
            self.assertNotIn(REWORK, str(values))
            lines = self.env['tik.ticket.step'].sudo(user)
            with self.assertRaises(AccessError, msg=user.login):
                call_kw(lines, 'search_read', [[('ticket_id', '=', self.ticket.id)],
                                               ['note']], {})
            with self.assertRaises(AccessError, msg=user.login):
                call_kw(lines, 'read_group', [[('ticket_id', '=', self.ticket.id)],
                                              ['note'], ['note']], {})
            with self.assertRaises(AccessError, msg=user.login):
                call_kw(ticket, 'read_group', [[('id', '=', self.ticket.id)],
                                               ['instruction'], ['instruction']], {})
            shown = call_kw(lines, 'search_read', [
                [('ticket_id', 'in', [self.ticket.id, self.returned.id])],
                ['note_shown', 'position', 'ticket_id']], {})
            text = str(shown)
            for secret in (INSTRUCTION, REWORK, RESOLUTION, 'Alasan kembali rahasia'):
                self.assertNotIn(secret, text, user.login)
            filed = [line for line in shown if line['position'] == 1]
            self.assertEqual(len(filed), 2)
            self.assertTrue(all(line['note_shown'] for line in filed))

    def test_the_staff_read_every_value(self):
        for user in (self.kabid, self.officer, self.helpdesk, self.head):
            ticket = self.ticket.sudo(user)
            self.assertEqual(ticket.read(['instruction'])[0]['instruction'], INSTRUCTION)
            self.assertIn(REWORK, ticket.step_ids.mapped('note_shown'))

    def test_the_verified_resolution_is_the_requesters(self):
        ticket = self.ticket.sudo(self.requester)
        self.assertFalse(ticket.resolution_verified)
        self.act(self.ticket, 'officer', None, 'report_resolution')
        self.act(self.ticket, 'kabid', None, 'verify')
        ticket.invalidate_cache()
        self.assertEqual(ticket.resolution_verified, RESOLUTION)

    def test_the_requesters_printout_keeps_the_internal_notes_out_and_verifies(self):
        report = self.env.ref('tik_service_mgmt.action_report_ticket')
        staff = html_root(report.sudo(self.kabid).render_qweb_html(self.ticket.ids)[0])
        staff_text = staff.text_content()
        self.assertIn(INSTRUCTION, staff_text)
        self.assertIn(REWORK, staff_text)
        for user in self.readers:
            root = html_root(report.sudo(user).render_qweb_html(self.ticket.ids)[0])
            text = root.text_content()
            for secret in (INSTRUCTION, REWORK, RESOLUTION):
                self.assertNotIn(secret, text, user.login)
            self.assertIn(self.ticket.journal_head, text)
            self.assertIn('hash%%3D%s' % self.ticket.journal_head, str(
                root.xpath('//img/@src')))
            self.assertIn(self.ticket.name, text)
            self.assertEqual(len(root.xpath('//tr[contains(@class, "tik_journal_line")]')),
                             len(staff.xpath('//tr[contains(@class, "tik_journal_line")]')))
        verdict = self.env['tik.journal.seal'].verify(self.ticket.number,
                                                      self.ticket.journal_head)
        self.assertEqual(verdict['verdict'], 'intact')
