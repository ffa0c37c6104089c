# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An escalation level is called by what it does: change its days or whom it tells and
its name, in lists and in the escalations it fired, says the new days."""
from datetime import datetime, timedelta

from lxml import etree

from odoo import fields

from ..models.authority import as_workflow
from .common import TikCase


def hours_from_now(hours):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=hours))


class TestEscalationLabel(TikCase):

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.late_head = cls.env.ref('tik_service_mgmt.tik_escalation_rule_late_head')

    def test_the_name_follows_the_days_and_whom_it_tells(self):
        level = self.late_head.sudo(self.manager)
        self.assertEqual(level.display_name,
                         'Late by 2 more working days: escalate to the Kadin')
        level.write({'days': 5})
        self.assertEqual(level.display_name,
                         'Late by 5 more working days: escalate to the Kadin')
        self.assertEqual(level.with_context(lang='id_ID').name_get()[0][1],
                         'Terlambat 5 hari kerja lagi: eskalasi kepada Kadin')
        level.write({'days': 1, 'recipient': 'helpdesk'})
        self.assertEqual(level.with_context(lang='id_ID').label,
                         'Terlambat 1 hari kerja lagi: beri tahu helpdesk')
        level.write({'moment': 'late', 'sop_step_id': self.env.ref(
            'tik_service_mgmt.sop_step_4').id})
        self.assertEqual(level.label, 'Late: tell the helpdesk (step: %s)' % self.env.ref(
            'tik_service_mgmt.sop_step_4').name)

    def test_a_new_level_needs_no_name(self):
        level = self.env['tik.escalation.rule'].sudo(self.manager).create(
            {'moment': 'at_risk', 'recipient': 'superior'})
        self.assertEqual(level.with_context(lang='id_ID').display_name,
                         'Berisiko: eskalasi kepada atasan pelaksana')

    def test_the_escalations_it_fired_show_its_present_name(self):
        ticket = self.ticket_in('in_progress')
        at_risk = self.env.ref('tik_service_mgmt.tik_escalation_rule_at_risk')
        as_workflow(ticket.current_step_id).write(
            {'date_at_risk': hours_from_now(-1), 'date_deadline': hours_from_now(3)})
        self.env['tik.ticket.step']._cron_sla_check()
        self.env.cache.invalidate()
        fired = self.env['tik.escalation'].sudo(self.manager).search(
            [('level_id', '=', at_risk.id), ('ticket_id', '=', ticket.id)])
        self.assertEqual(len(fired), 1)
        at_risk.sudo(self.manager).write({'recipient': 'head'})
        self.assertEqual(fired.read(['level_id'])[0]['level_id'][1],
                         'At risk: escalate to the Kadin')
        action = at_risk.sudo(self.manager).action_view_escalations()
        listed = self.env['tik.escalation'].sudo(self.manager).search(action['domain'])
        self.assertIn(fired, listed)
        self.assertEqual(listed.mapped('level_id'), at_risk)

    def test_lists_and_forms_show_the_made_name(self):
        Level = self.env['tik.escalation.rule'].sudo(self.manager)
        for view in ('tree', 'form'):
            arch = etree.fromstring(Level.fields_view_get(view_type=view)['arch'])
            self.assertTrue(arch.xpath('//field[@name="label"]'), view)
            self.assertFalse(arch.xpath('//field[@name="name"]'), view)
