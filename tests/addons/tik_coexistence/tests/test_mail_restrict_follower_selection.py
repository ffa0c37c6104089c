# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA mail_restrict_follower_selection: only partners matching the domain of the
system parameter (per model) become followers, also when a to-do makes its user one."""
from .common import RESTRICT_PARAM, CoexistenceCase


class TestRestrictFollowers(CoexistenceCase):

    def test_an_excluded_actor_does_not_follow_when_handed_a_todo(self):
        self.env['ir.config_parameter'].sudo().set_param(
            RESTRICT_PARAM, "[('id', '!=', %d)]" % self.officer.partner_id.id)
        ticket = self.walk(self.file_ticket(), until='in_progress')
        self.assertEqual(self.open_todos(ticket).user_id, self.officer)
        followers = ticket.message_partner_ids
        self.assertNotIn(self.officer.partner_id, followers)
        # Only the excluded one: those handed the earlier to-dos follow.
        self.assertIn(self.helpdesk.partner_id, followers)
        self.assertIn(self.kabid.partner_id, followers)
        self.walk(ticket, until='verification')
        self.assertNotIn(self.officer.partner_id, ticket.message_partner_ids)
