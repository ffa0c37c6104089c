# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.tik_journal_seal import SEAL_EMAIL_PARAM

EMAIL = re.compile(r'^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$')


class TikJournalSealMailbox(models.TransientModel):
    """The mailbox, outside the server, that receives every daily seal. The service
    manager names it; it is kept as a system parameter."""

    _name = 'tik.journal.seal.mailbox'
    _description = 'Seal Mailbox'

    def _default_email(self):
        # The seal's outside anchor is the service manager's to know.
        if not self.env.user.has_group('tik_service_mgmt.group_manager'):
            return False
        return self.env['ir.config_parameter'].sudo().get_param(SEAL_EMAIL_PARAM)

    email = fields.Char(string='Mailbox', default=_default_email,
                        help='E-mail address that receives the daily seals.')

    @api.multi
    def action_save(self):
        self.ensure_one()
        if not self.env.user.has_group('tik_service_mgmt.group_manager'):
            raise AccessError(_('Only the service manager names the seal mailbox.'))
        email = (self.email or '').strip()
        if email and not EMAIL.match(email):
            raise UserError(_('"%s" is not an e-mail address.') % email)
        self.env['ir.config_parameter'].sudo().set_param(SEAL_EMAIL_PARAM, email or False)
        return {'type': 'ir.actions.act_window_close'}
