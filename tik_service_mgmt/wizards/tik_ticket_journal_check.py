# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TikTicketJournalCheck(models.TransientModel):
    """The verdict of one check of a ticket's journal, shown once and kept nowhere."""

    _name = 'tik.ticket.journal.check'
    _description = 'Journal Check Verdict'

    ticket_id = fields.Many2one('tik.ticket', required=True, ondelete='cascade',
                                readonly=True)
    reason = fields.Text(string='Verdict', readonly=True)
    journal_length = fields.Integer(string='Sealed Lines', readonly=True)
    journal_head = fields.Char(readonly=True)
