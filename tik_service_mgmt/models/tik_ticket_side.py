# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

TICKET = 'tik.ticket'


class TikTicketSide(models.AbstractModel):
    """Rows that hang on a document by (`res_model`, `res_id`), such as followers and
    activities: those of a ticket are found and read only by a user who may read the
    ticket itself (its record rules). Rows of other models are left as Odoo has them.

    Odoo 11 gives no record rule for this (a rule cannot join on `res_id`), so the
    mixin adds the ticket's visibility to every search and checks it on read, and on
    create and write (a row moved onto a ticket).
    """

    _name = 'tik.ticket.side'
    _description = 'Record Attached to a Ticket'

    @api.model
    def _tik_ticket_scope(self):
        """Which tickets the user may read: 'all', 'none' or 'rules' (some)."""
        if self.env.uid == SUPERUSER_ID:
            return 'all'
        if not self.env[TICKET].check_access_rights('read', raise_exception=False):
            return 'none'
        # The combined domain of the user's rules, cached per user by Odoo: empty when
        # one of their groups' rules is [(1, '=', 1)] (helpdesk, agency head,
        # manager) and no global rule restricts it.
        if not self.env['ir.rule']._compute_domain(TICKET, 'read'):
            return 'all'
        return 'rules'

    @api.model
    def _tik_readable_tickets(self, domain):
        """Ids of the tickets in `domain` the user may read, archived ones included."""
        return self.env[TICKET].with_context(active_test=False)._search(domain)

    @api.model
    def _tik_side_domain(self, domain):
        """`domain` restricted to the rows of tickets the user may read."""
        domain = expression.normalize_domain(domain or [])
        if not self._tik_may_match_tickets(domain):
            return domain
        scope = self._tik_ticket_scope()
        if scope == 'all':
            return domain
        if scope == 'none':
            term = [('res_model', '!=', TICKET)]
        else:
            term = ['|', ('res_model', '!=', TICKET),
                    ('res_id', 'in', self._tik_readable_tickets([]))]
        return expression.AND([term, domain])

    @api.model
    def _tik_may_match_tickets(self, domain):
        """False when `domain` is a plain conjunction holding (res_model, '=', other
        model), as the one2many fields of other documents search: no ticket row can
        match, so the tickets need not be looked up."""
        domain = domain or []
        if any(term in ('|', '!') for term in domain):
            return True
        return not any(
            isinstance(term, (list, tuple)) and len(term) == 3
            and term[0] == 'res_model' and term[1] == '='
            and isinstance(term[2], str) and term[2] != TICKET
            for term in domain)

    @api.multi
    def _tik_check_ticket_access(self):
        """AccessError when a row of `self` belongs to a ticket the user may not read."""
        if self.env.uid == SUPERUSER_ID or not self.ids:
            return
        ticket_ids = {row.res_id for row in self.sudo().exists()
                      if row.res_model == TICKET}
        if not ticket_ids:
            return
        scope = self._tik_ticket_scope()
        if scope == 'all':
            return
        readable = set()
        if scope == 'rules':
            readable = set(self._tik_readable_tickets([('id', 'in', list(ticket_ids))]))
        if ticket_ids - readable:
            raise AccessError(_(
                'This record belongs to a ticket you may not open; its followers and '
                'activities are shown only to those who may open the ticket.'))

    @api.model
    def create(self, vals):
        # Odoo lets any user create a follower row for any document: following a
        # ticket one may not open would mail them its messages.
        record = super(TikTicketSide, self).create(vals)
        record._tik_check_ticket_access()
        return record

    @api.multi
    def write(self, vals):
        result = super(TikTicketSide, self).write(vals)
        if 'res_model' in vals or 'res_id' in vals:
            self._tik_check_ticket_access()
        return result

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        # As Odoo applies record rules: for the current user, whatever access_rights_uid.
        return super(TikTicketSide, self)._search(
            self._tik_side_domain(args), offset=offset, limit=limit, order=order,
            count=count, access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        return super(TikTicketSide, self).read_group(
            self._tik_side_domain(domain), fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        self._tik_check_ticket_access()
        return super(TikTicketSide, self).read(fields=fields, load=load)
