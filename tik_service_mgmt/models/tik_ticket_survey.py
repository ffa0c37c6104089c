# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class TikTicket(models.Model):
    """The survey's side of the ticket: the invitation its ending message carries."""

    _inherit = 'tik.ticket'

    def _survey_invitation(self):
        """The line of the closing (or rejection) message inviting the reporter to
        answer the satisfaction survey, in the context's language."""
        self.ensure_one()
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url') or ''
        return _('Please tell us how we served you: answer the satisfaction survey at '
                 '%s') % ('%s%s/survey' % (base, self.portal_url))
