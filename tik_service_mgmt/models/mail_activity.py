# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    """The activities of a ticket are seen where the ticket is (tik.ticket.side)."""

    _name = 'mail.activity'
    _inherit = ['mail.activity', 'tik.ticket.side']
