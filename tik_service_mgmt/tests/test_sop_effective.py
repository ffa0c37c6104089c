# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A version of the SOP comes into force on its effective date, never before."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from ..lib.idformat import MONTHS
from .common import TikCase


class TestSopEffective(TikCase):

    @classmethod
    def setup_data(cls):
        cls.sop = cls.env.ref('tik_service_mgmt.sop_tik')

    def draft(self, days):
        """A revision of the document in force, taking effect `days` from today."""
        draft = self.env['tik.sop'].browse(
            self.sop.sudo(self.manager).action_revise()['res_id']).sudo(self.manager)
        today = fields.Date.from_string(fields.Date.context_today(draft))
        draft.write({'date_effective': fields.Date.to_string(today + timedelta(days=days))})
        return draft

    def test_a_version_taking_effect_later_is_refused_and_nothing_changes(self):
        draft = self.draft(3)
        day = fields.Date.from_string(draft.date_effective)
        self.env['res.lang'].load_lang('id_ID')
        with self.assertRaises(UserError) as refused:
            draft.with_context(lang='id_ID').action_put_in_force()
        message = refused.exception.name
        self.assertIn('%d %s %d' % (day.day, MONTHS[day.month - 1], day.year), message)
        self.assertIn('berlaku', message)
        self.assertEqual(draft.state, 'draft')
        self.assertEqual(self.sop.state, 'in_force')
        self.assertEqual(self.env['tik.sop'].in_force(), self.sop)
        self.assertEqual(self.file_ticket().sop_id, self.sop)

    def test_a_version_taking_effect_today_comes_into_force(self):
        draft = self.draft(0)
        draft.action_put_in_force()
        self.assertEqual(draft.state, 'in_force')
        self.assertEqual(self.sop.state, 'superseded')
        self.assertEqual(self.file_ticket().sop_id, draft)

    def test_a_version_whose_effective_date_has_passed_comes_into_force(self):
        draft = self.draft(-10)
        effective = draft.date_effective
        draft.action_put_in_force()
        self.assertEqual(draft.state, 'in_force')
        self.assertEqual(draft.date_effective, effective)
        self.assertEqual(self.sop.state, 'superseded')

    def test_a_version_without_effective_date_takes_effect_today(self):
        draft = self.env['tik.sop'].browse(
            self.sop.sudo(self.manager).action_revise()['res_id']).sudo(self.manager)
        self.assertFalse(draft.date_effective)
        draft.action_put_in_force()
        self.assertEqual(draft.date_effective, fields.Date.context_today(draft))
