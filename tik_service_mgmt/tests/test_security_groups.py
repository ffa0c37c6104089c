# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import SavepointCase

from ..lib import workflow


class TestSecurityGroups(SavepointCase):

    def _group(self, xmlid):
        return self.env.ref('tik_service_mgmt.%s' % xmlid)

    def test_actor_groups_belong_to_the_category(self):
        category = self.env.ref('tik_service_mgmt.module_category_tik')
        self.assertEqual(category.name, 'Layanan TIK')
        for xmlid in ('group_requester', 'group_helpdesk', 'group_division_head',
                      'group_officer', 'group_head', 'group_manager'):
            self.assertEqual(self._group(xmlid).category_id, category, xmlid)

    def test_every_actor_is_an_internal_requester(self):
        requester = self._group('group_requester')
        internal = self.env.ref('base.group_user')
        self.assertIn(internal, requester.implied_ids)
        for xmlid in ('group_helpdesk', 'group_division_head', 'group_officer',
                      'group_head', 'group_manager'):
            closure = self._group(xmlid).trans_implied_ids
            self.assertIn(requester, closure, xmlid)
            self.assertIn(internal, closure, xmlid)

    def test_actor_groups_do_not_grant_each_other(self):
        # Separation of duties: no actor inherits another actor's step.
        actors = ('group_helpdesk', 'group_division_head', 'group_officer',
                  'group_head', 'group_manager')
        for xmlid in actors:
            closure = self._group(xmlid).trans_implied_ids
            for other in actors:
                if other != xmlid:
                    self.assertNotIn(self._group(other), closure,
                                     '%s implies %s' % (xmlid, other))

    def test_a_new_helpdesk_user_gets_the_implied_groups(self):
        user = self.env['res.users'].create({
            'name': 'Helpdesk Baru', 'login': 'helpdesk.baru',
            'groups_id': [(6, 0, [self._group('group_helpdesk').id])],
        })
        self.assertTrue(user.has_group('tik_service_mgmt.group_requester'))
        self.assertTrue(user.has_group('base.group_user'))
        self.assertFalse(user.has_group('tik_service_mgmt.group_head'))

    def test_demo_portal_user_is_not_internal(self):
        portal = self.env.ref('tik_service_mgmt.user_portal_demo')
        self.assertTrue(portal.share)
        self.assertFalse(portal.has_group('tik_service_mgmt.group_requester'))

    def test_sop_steps_ship_as_data(self):
        steps = self.env['tik.sop.step'].by_sequence()
        self.assertEqual(sorted(steps), [1, 2, 3, 4, 5, 6, 7])
        self.assertEqual(steps[4], self.env.ref('tik_service_mgmt.sop_step_4'))
        self.assertEqual(steps[4].duration_days, 3)
        self.assertEqual(sum(s.duration_days for s in steps.values()), 9)
        self.assertEqual([steps[n].actor for n in range(1, 8)],
                         ['requester', 'helpdesk', 'division_head', 'officer',
                          'division_head', 'head', 'helpdesk'])
        # The SOP data and the workflow's transition table name the same actors.
        for state, seq in workflow.STATE_STEP.items():
            self.assertEqual(steps[seq].actor, workflow.actor_of(state), state)
