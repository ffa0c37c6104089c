# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailFollowers(models.Model):
    """The followers of a ticket are seen where the ticket is (tik.ticket.side)."""

    _name = 'mail.followers'
    _inherit = ['mail.followers', 'tik.ticket.side']
