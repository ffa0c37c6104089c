# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SOP as a versioned document: the shipped version in force, revisions as drafts,
tickets that keep the version they were filed under, and printouts of each version."""
from odoo.exceptions import AccessError, UserError

from ..lib import workflow
from .common import TikCase
from .test_reports import html_root, text_of


class TestSopDocument(TikCase):

    @classmethod
    def setup_data(cls):
        cls.sop = cls.env.ref('tik_service_mgmt.sop_tik')
        cls.Sop = cls.env['tik.sop']
        cls.report = cls.env.ref('tik_service_mgmt.action_report_sop')
        cls.ticket_report = cls.env.ref('tik_service_mgmt.action_report_ticket')

    def revise(self, sop=None, user=None):
        sop = (sop or self.sop).sudo(user or self.manager)
        return self.Sop.browse(sop.action_revise()['res_id'])

    def sop_text(self, sop):
        html, _kind = self.report.sudo(self.head).render_qweb_html(sop.ids)
        return html_root(html)

    def days_of(self, root):
        rows = root.xpath('//tr[contains(concat(" ", @class, " "), " tik_sop_step ")]')
        return [text_of(row.xpath('./td')[2]) for row in rows]

    def test_the_shipped_document_is_in_force_with_the_seven_steps(self):
        self.assertEqual(self.sop.state, 'in_force')
        self.assertEqual(self.Sop.in_force(), self.sop)
        self.assertEqual(self.sop.number, '060/020/406.020/2023')
        self.assertEqual(self.sop.date_effective, '2023-01-06')
        self.assertEqual(self.sop.step_ids.sorted('sequence'),
                         self.env['tik.sop.step'].browse([
                             self.env.ref('tik_service_mgmt.sop_step_%d' % n).id
                             for n in range(1, 8)]))
        self.assertIn('Undang-Undang Nomor 25 Tahun 2009', self.sop.legal_basis)
        ticket = self.file_ticket()
        self.assertEqual(ticket.sop_id, self.sop)
        self.assertEqual(ticket.step_ids.sorted('position')[:1].sop_step_id, self.env.ref(
            'tik_service_mgmt.sop_step_1'))

    def test_a_document_in_force_is_not_edited_but_revised(self):
        step_4 = self.env.ref('tik_service_mgmt.sop_step_4')
        for target, vals in ((self.sop, {'number': 'X'}), (step_4, {'duration_days': 2}),
                             (step_4, {'name': 'Lain'})):
            with self.assertRaisesRegex(UserError, 'Revise it'):
                target.sudo(self.manager).write(vals)
        with self.assertRaises(UserError):
            self.sop.sudo(self.manager).write({'state': 'superseded'})
        with self.assertRaises(UserError):
            self.env['tik.sop.step'].sudo(self.manager).create({
                'sop_id': self.sop.id, 'sequence': 8, 'code': 'S8', 'name': 'Tambahan',
                'actor': 'helpdesk'})
        # Who gets the to-do is operations, not the text: it stays editable.
        self.env.ref('tik_service_mgmt.sop_step_2').sudo(self.manager).user_id = \
            self.helpdesk
        self.assertEqual(step_4.duration_days, 3)
        self.assertEqual(self.sop.number, '060/020/406.020/2023')

    def test_only_the_manager_revises_and_puts_in_force(self):
        for user in (self.head, self.helpdesk, self.requester):
            with self.assertRaises(AccessError):
                self.revise(user=user)
        draft = self.revise()
        for user in (self.head, self.helpdesk):
            with self.assertRaises(AccessError):
                draft.sudo(user).action_put_in_force()
        self.assertEqual(draft.state, 'draft')
        self.assertEqual(self.sop.state, 'in_force')

    def test_a_draft_changes_its_own_printout_not_the_one_in_force(self):
        draft = self.revise()
        self.assertEqual((draft.state, draft.version, draft.previous_id),
                         ('draft', 2, self.sop))
        self.assertEqual(len(draft.step_ids), 7)
        self.assertFalse(draft.step_ids & self.sop.step_ids)
        draft_4 = draft.step_ids.filtered(lambda s: s.sequence == 4)
        draft_4.sudo(self.manager).duration_days = 5
        draft.sudo(self.manager).write({'number': '060/021/406.020/2026'})

        in_force = self.sop_text(self.sop)
        self.assertEqual(self.days_of(in_force)[3], '3 working days')
        self.assertIn('060/020/406.020/2023', text_of(in_force))
        self.assertIn('Total 9 working days', text_of(in_force))
        printed = self.sop_text(draft)
        self.assertEqual(self.days_of(printed)[3], '5 working days')
        self.assertIn('060/021/406.020/2026', text_of(printed))
        self.assertIn('Total 11 working days', text_of(printed))
        self.assertIn('DRAFT, version 2: not in force.', text_of(printed))

    def test_a_ticket_keeps_the_version_it_was_filed_under(self):
        old = self.ticket_in('in_progress')
        draft = self.revise()
        draft.step_ids.filtered(lambda s: s.sequence == 5).sudo(
            self.manager).duration_days = 2
        draft.sudo(self.manager).write({'number': '060/021/406.020/2026'})
        draft.sudo(self.manager).action_put_in_force()
        self.assertEqual((self.sop.state, draft.state), ('superseded', 'in_force'))
        self.assertEqual(self.Sop.in_force(), draft)

        new = self.ticket_in('verification')
        self.assertEqual(new.sop_id, draft)
        self.assertEqual(new.step_ids.mapped('sop_step_id.sop_id'), draft)
        self.assertEqual(new.current_step_id.duration_days, 2)
        # The old ticket goes on under version 1, with version 1's steps and times.
        self.act(old, 'officer', {'resolution': 'Selesai.'}, 'report_resolution')
        self.assertEqual(old.sop_id, self.sop)
        self.assertEqual(old.step_ids.mapped('sop_step_id.sop_id'), self.sop)
        self.assertEqual(old.current_step_id.duration_days, 1)
        self.assertTrue(old.check_journal()[0]['intact'])

        html, _kind = self.ticket_report.render_qweb_html(old.ids)
        text = text_of(html_root(html))
        self.assertIn('060/020/406.020/2023, version 1', text)
        self.assertNotIn('060/021/406.020/2026', text)
        html, _kind = self.ticket_report.render_qweb_html(new.ids)
        self.assertIn('060/021/406.020/2026, version 2', text_of(html_root(html)))
        # The superseded version still prints whole, marked as such.
        old_sop = text_of(self.sop_text(self.sop))
        self.assertIn('SUPERSEDED', old_sop)
        self.assertIn('Total 9 working days', old_sop)

    def test_a_version_in_force_has_the_seven_steps(self):
        draft = self.revise()
        draft.step_ids.filtered(lambda s: s.sequence == 7).sudo(self.manager).unlink()
        with self.assertRaisesRegex(UserError, 'seven steps'):
            draft.sudo(self.manager).action_put_in_force()
        self.assertEqual(self.Sop.in_force(), self.sop)

    def test_the_decision_is_step_3(self):
        from ..report.tik_sop_report import DECISION_STEPS
        self.assertEqual(DECISION_STEPS, {workflow.STATE_STEP['analysis']})

    def test_a_drafts_steps_are_read_as_they_stand(self):
        draft = self.revise()
        self.assertEqual(sorted(draft.steps_by_sequence()), [1, 2, 3, 4, 5, 6, 7])
        draft.step_ids.filtered(lambda s: s.sequence == 7).sudo(self.manager).unlink()
        self.assertEqual(sorted(draft.steps_by_sequence()), [1, 2, 3, 4, 5, 6])
        draft.step_ids.filtered(lambda s: s.sequence == 6).sudo(self.manager).active = False
        self.assertEqual(sorted(draft.steps_by_sequence()), [1, 2, 3, 4, 5])
        added = self.env['tik.sop.step'].sudo(self.manager).create({
            'sop_id': draft.id, 'sequence': 7, 'code': 'S7-BARU', 'name': 'Menutup tiket',
            'actor': 'helpdesk', 'duration_days': 1})
        self.assertEqual(draft.steps_by_sequence()[7], added)
        # The version in force is not touched by its draft's changes.
        self.assertEqual(sorted(self.sop.steps_by_sequence()), [1, 2, 3, 4, 5, 6, 7])
