# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ticket at the service desk: the files sent with it, the requester's word
reaching whoever holds the running step, and refusals shown as warnings."""
import re

from odoo import _, api, fields, models
from odoo.osv import expression
from odoo.tools import html2plaintext, html_escape

from ..lib import workflow
from .utils import RECORD_LANG, selection_label, shown_as_warning

# What the search box finds a word in.
KEYWORD_FIELDS = ('name', 'number', 'partner_id', 'unit_id', 'service_id', 'phone',
                  'description')
# How much of a comment a to-do quotes.
EXCERPT = 300


class TikTicketDesk(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    # The helpdesk files for a caller it names; anyone else files for themselves.
    partner_id = fields.Many2one(
        default=lambda self: self._default_reporter(),
        domain=[('is_company', '=', False), ('parent_id.tik_unit', '=', True)])
    file_ids = fields.Many2many(
        'ir.attachment', string='Files', compute='_compute_file_ids',
        help='The files sent with the ticket (the requester\'s attachments); those of '
             'a message stay with their message.')

    keyword = fields.Char(
        string='Ticket', compute='_compute_keyword', search='_search_keyword',
        help='Searches the subject, number, reporter, unit, service, phone and '
             'description at once.')

    def _default_reporter(self):
        return False if self._user_is_helpdesk() else self.env.user.partner_id

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        """A caller's phone and e-mail come with them, while the ticket is filed."""
        if self.number or not self.partner_id:
            return
        partner = self.partner_id
        if not self.phone and (partner.mobile or partner.phone):
            self.phone = partner.mobile or partner.phone
        if not self.email and partner.email:
            self.email = partner.email

    def _compute_keyword(self):
        for ticket in self:
            ticket.keyword = False

    def _search_keyword(self, operator, value):
        if operator not in ('ilike', 'like', '=', '=ilike') or not isinstance(value, str):
            return [('name', operator, value)]
        domain = expression.OR([[(name, 'ilike', value)] for name in KEYWORD_FIELDS])
        # A phone as people write it (0812-3456...) finds the stored +62812...
        digits = re.sub(r'\D', '', value)
        if len(digits) >= 4:
            domain = expression.OR([domain, [('phone', 'like', re.sub(r'^0', '', digits))]])
        return domain

    def _compute_file_ids(self):
        # Stored on the ticket by the intake paths, shown by no message of the chatter.
        files = self.env['ir.attachment'].sudo().search(
            [('res_model', '=', self._name), ('res_id', 'in', self.ids)], order='id')
        for ticket in self:
            carried = ticket.sudo().message_ids.mapped('attachment_ids')
            ticket.file_ids = files.filtered(lambda f, t=ticket: f.res_id == t.id) - carried

    @api.model
    def create(self, vals):
        with shown_as_warning():
            return super(TikTicketDesk, self).create(vals)

    @api.multi
    def write(self, vals):
        with shown_as_warning():
            return super(TikTicketDesk, self).write(vals)

    def _transition(self, action, reason=None):
        with shown_as_warning():
            return super(TikTicketDesk, self)._transition(action, reason)

    @api.multi
    def action_accept(self):
        return self._step_dialog('accept') or super(TikTicketDesk, self).action_accept()

    @api.multi
    def action_report_resolution(self):
        return self._step_dialog('report_resolution') or super(
            TikTicketDesk, self).action_report_resolution()

    def _step_dialog(self, action):
        """From the form (context `tik_form`), the dialog of the step's inputs for the
        user who may take it; otherwise None and the step goes ahead (RPC)."""
        if not (self.env.context.get('tik_form') and len(self) == 1):
            return None
        with shown_as_warning():
            if self._refusal(action, check_values=False):
                return None
        officers = self.division_id.officer_ids
        return {
            'type': 'ir.actions.act_window', 'res_model': 'tik.ticket.step.wizard',
            'view_mode': 'form', 'views': [(False, 'form')], 'target': 'new',
            'name': selection_label(self.env['tik.ticket.step'], 'action', action),
            'context': {
                'default_ticket_id': self.id, 'default_action': action,
                'default_service_id': self.service_id.id,
                # A division with one officer: that one.
                'default_officer_id': self.officer_id.id or (
                    officers.id if len(officers) == 1 else False),
                'default_instruction': self.instruction,
                'default_resolution': self.resolution},
        }

    @api.multi
    def _message_post_after_hook(self, message):
        """The requester's comment or e-mail reply on a running ticket reaches who holds
        its step: in their inbox (an internal note naming them) and their to-dos."""
        result = super(TikTicketDesk, self)._message_post_after_hook(message)
        for ticket in self:
            if ticket.state not in workflow.ENDED and ticket._from_reporter_side(message):
                ticket.sudo().with_context(lang=RECORD_LANG)._tell_holder(message)
        return result

    def _tell_holder(self, message):
        user = self.holder_id
        if not user:
            return
        author = message.author_id or self.partner_id
        text = html2plaintext(message.body or '').strip()
        excerpt = text if len(text) <= EXCERPT else text[:EXCERPT] + '\u2026'
        self.with_context(mail_notify_force_send=False,
                          mail_create_nosubscribe=True).message_post(
            body='<p>%s</p>' % html_escape(_('%(author)s wrote, for %(user)s (%(step)s): '
                                             '%(text)s') % {
                'author': author.name, 'user': user.name, 'text': excerpt,
                'step': selection_label(self, 'state', self.state)}).replace('\n', '<br/>'),
            subtype='mail.mt_note', message_type='notification', author_id=author.id,
            partner_ids=user.partner_id.ids)
        summary = _('%s \u2014 Read the requester\'s comment') % self.number
        note = html_escape(_('%(author)s wrote: %(text)s') % {
            'author': author.name, 'text': excerpt})
        todo = self._open_todos().filtered(
            lambda t: t.user_id == user and t.summary == summary)[:1]
        if todo:
            todo.write({'note': note})
        else:
            self._schedule(user, summary, note)
