# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

HOME_ACTION = 'tik_service_mgmt.tik_ticket_action_mine'
ACTOR_GROUP = 'tik_service_mgmt.group_requester'  # every actor group implies it


class ResUsers(models.Model):
    """Every actor of the service desk lands on the tickets waiting for them."""

    _inherit = 'res.users'

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        user._set_tik_home_action()
        return user

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        if 'groups_id' in vals or any(key.startswith('in_group_') or
                                      key.startswith('sel_groups_') for key in vals):
            self._set_tik_home_action()
        return result

    def _set_tik_home_action(self):
        """Gives the home action *Waiting for Me* to the internal actors who have none
        (a home action someone chose is kept)."""
        action = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        group = self.env.ref(ACTOR_GROUP, raise_if_not_found=False)
        if not action or not group:
            return
        users = self.filtered(lambda u: not u.action_id and not u.share
                              and group in u.groups_id)
        if users:
            super(ResUsers, users.sudo()).write({'action_id': action.id})
