# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..lib import journal
from .authority import as_workflow, is_workflow
from .utils import RECORD_LANG

SEAL_EMAIL_PARAM = 'tik_service_mgmt.seal_email'


class TikJournalSeal(models.Model):
    """The daily seal: an anchor of the journals outside their own chains.

    After each day (Asia/Jakarta) the seal lists the head of every journal that
    changed that day and hashes them into one `digest`, chained to the `previous`
    day's, and mails it to a mailbox the service manager names, outside this server.
    A journal rewritten later, hashes recomputed, no longer has the head its seal
    recorded, and the seal itself cannot be rewritten without changing every digest
    after it, which no longer match the copies mailed out.

    API (the monthly recap prints these): `day`, `digest`, `previous`, `heads_count`,
    `line_ids` (`ticket_id`, `number`, `journal_length`, `journal_head`),
    `date_sealed`, `email_to`; `for_month('YYYY-MM')`; `check_chain()`.
    """

    _name = 'tik.journal.seal'
    _description = 'Daily Journal Seal'
    _order = 'day desc'
    _rec_name = 'day'

    day = fields.Date(required=True, readonly=True, index=True)
    digest = fields.Char(required=True, readonly=True)
    previous = fields.Char(
        string='Previous Digest', readonly=True,
        help="The digest of the previous day's seal (empty for the first seal).")
    heads_count = fields.Integer(string='Journals Sealed', readonly=True)
    line_ids = fields.One2many('tik.journal.seal.line', 'seal_id', string='Heads',
                               readonly=True)
    date_sealed = fields.Datetime(string='Sealed On', readonly=True)
    email_to = fields.Char(string='Sent To', readonly=True)

    _sql_constraints = [
        ('day_unique', 'unique(day)', 'A day is sealed once.'),
    ]

    @api.model
    def create(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Journal seals are made by the daily sealing only.'))
        return super(TikJournalSeal, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('A journal seal cannot be changed.'))
        return super(TikJournalSeal, self).write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('A journal seal cannot be deleted.'))
        return super(TikJournalSeal, self).unlink()

    # --- sealing ------------------------------------------------------------------

    def _tz(self):
        return pytz.timezone(self.env['tik.ticket']._tz())

    def _day_bounds(self, day):
        """The UTC moments (strings) where the local `day` (a date) begins and ends."""
        zone = self._tz()
        start = zone.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        end = zone.localize(datetime.combine(day + timedelta(days=1), time.min)) \
            .astimezone(pytz.utc)
        return (fields.Datetime.to_string(start.replace(tzinfo=None)),
                fields.Datetime.to_string(end.replace(tzinfo=None)))

    def _local_day(self, utc_string):
        moment = pytz.utc.localize(fields.Datetime.from_string(utc_string))
        return moment.astimezone(self._tz()).date()

    def _heads_of(self, day):
        """[(ticket id, number, length, head)] of the journals that changed on `day`,
        as they stood at its end."""
        start, end = self._day_bounds(day)
        self.env.cr.execute("""
            SELECT DISTINCT ON (l.ticket_id) l.ticket_id, t.number, l.position, l.hash
              FROM tik_ticket_step l JOIN tik_ticket t ON t.id = l.ticket_id
             WHERE l.hash IS NOT NULL AND l.date_done < %s
               AND l.ticket_id IN (SELECT ticket_id FROM tik_ticket_step
                                    WHERE hash IS NOT NULL
                                      AND date_done >= %s AND date_done < %s)
             ORDER BY l.ticket_id, l.position DESC""", (end, start, end))
        return self.env.cr.fetchall()

    @api.model
    def _seal_until(self, last_day=None):
        """Seals every day not sealed yet, from the first journal line's day to
        `last_day` (a date or YYYY-MM-DD; default yesterday, local time). Returns the
        new seals. The scheduled action calls it after midnight."""
        if isinstance(last_day, str):
            last_day = fields.Date.from_string(last_day)
        if not last_day:
            last_day = self._local_day(fields.Datetime.now()) - timedelta(days=1)
        seals = self.sudo()
        latest = seals.search([], order='day desc', limit=1)
        if latest:
            day = fields.Date.from_string(latest.day) + timedelta(days=1)
        else:
            self.env.cr.execute('SELECT min(date_done) FROM tik_ticket_step '
                                'WHERE hash IS NOT NULL')
            first = self.env.cr.fetchone()[0]
            if not first:
                return seals.browse()
            day = self._local_day(first)
        made = seals.browse()
        previous = latest.digest or ''
        email = self.env['ir.config_parameter'].sudo().get_param(SEAL_EMAIL_PARAM) or False
        while day <= last_day:
            heads = self._heads_of(day)
            day_string = fields.Date.to_string(day)
            digest = journal.seal_digest(
                previous, day_string, [(number, length, head)
                                       for _id, number, length, head in heads])
            seal = as_workflow(seals).create({
                'day': day_string, 'digest': digest, 'previous': previous or False,
                'heads_count': len(heads), 'date_sealed': fields.Datetime.now(),
                'email_to': email,
                'line_ids': [(0, 0, {'ticket_id': ticket_id, 'number': number,
                                     'journal_length': length, 'journal_head': head})
                             for ticket_id, number, length, head in heads]})
            made |= seal
            previous, day = digest, day + timedelta(days=1)
        made.filtered('email_to').with_context(lang=RECORD_LANG)._send()
        return made

    @api.model
    def _cron_seal(self):
        self._seal_until()
        return True

    def _send(self):
        """Mails each seal to its mailbox (the mail queue sends it)."""
        mails = self.env['mail.mail'].sudo()
        for seal in self:
            rows = ''.join(
                '<tr><td>%s</td><td>%d</td><td><code>%s</code></td></tr>' % (
                    html_escape(line.number), line.journal_length,
                    html_escape(line.journal_head)) for line in seal.line_ids)
            body = '<p>%s</p><p>%s: <code>%s</code><br/>%s: <code>%s</code><br/>%s: %d</p>' \
                   '<table border="1" cellpadding="3">%s</table><p>%s</p>' % (
                       html_escape(_('Daily seal of the ICT service desk journals, %s.') %
                                   seal.day),
                       html_escape(_('Digest')), seal.digest,
                       html_escape(_('Previous digest')), seal.previous or '-',
                       html_escape(_('Journals sealed')), seal.heads_count, rows,
                       html_escape(_('Keep this message outside the service desk: a '
                                     'verification page whose seal differs from this '
                                     'digest shows a rewritten journal.')))
            mails.create({
                'subject': _('Journal seal %(day)s: %(digest)s') % {
                    'day': seal.day, 'digest': seal.digest[:16]},
                'email_to': seal.email_to, 'body_html': body, 'auto_delete': False,
                'email_from': self.env.user.company_id.email or False,
            })

    # --- reading ------------------------------------------------------------------

    @api.model
    def for_month(self, month):
        """The seals of `month` ('YYYY-MM'), oldest first (for the monthly recap)."""
        try:
            first = datetime.strptime(month, '%Y-%m').date()
        except (TypeError, ValueError):
            raise UserError(_('Give the month as YYYY-MM, e.g. 2026-12.'))
        after = (first + timedelta(days=32)).replace(day=1)
        return self.search([('day', '>=', fields.Date.to_string(first)),
                            ('day', '<', fields.Date.to_string(after))], order='day')

    @api.model
    def check_chain(self):
        """The first seal whose digest no longer follows from its heads and the
        previous seal's digest (False when every seal holds), with the reason."""
        previous = ''
        for seal in self.sudo().search([], order='day'):
            heads = [(l.number, l.journal_length, l.journal_head) for l in seal.line_ids]
            if (seal.previous or '') != previous or seal.digest != journal.seal_digest(
                    previous, seal.day, heads) or seal.heads_count != len(heads):
                return seal, _('The seal of %s no longer matches its digest.') % seal.day
            previous = seal.digest
        return False, ''

    @api.model
    def disagreement(self, ticket):
        """(position, why) where `ticket`'s journal differs from what a seal recorded,
        or None when it agrees: a sealed head must still be the hash of the line at the
        sealed length."""
        self.env.cr.execute("""
            SELECT s.day, sl.journal_length, sl.journal_head, l.hash
              FROM tik_journal_seal_line sl
              JOIN tik_journal_seal s ON s.id = sl.seal_id
              LEFT JOIN tik_ticket_step l
                ON l.ticket_id = sl.ticket_id AND l.position = sl.journal_length
             WHERE sl.ticket_id = %s ORDER BY s.day""", (ticket.id,))
        for day, length, head, current in self.env.cr.fetchall():
            if current != head:
                return length, _(
                    'The journal differs from the one sealed on %(day)s: line %(no)d then '
                    'ended in %(head)s.') % {'day': day, 'no': length, 'head': head[:12]}
        return None

    @api.model
    def verify(self, number, head):
        """What the public verification page says of a printout of ticket `number`
        whose journal head reads `head`: {'verdict': 'intact' | 'altered' | 'mismatch'
        | 'unknown', 'reason', 'ticket' (sudo record or empty), 'seal'}. Nothing
        personal: the page shows number, dates, SOP number and verdict only."""
        ticket = self.env['tik.ticket'].sudo().with_context(active_test=False).search(
            [('number', '=', number or '')], limit=1) if number else \
            self.env['tik.ticket'].browse()
        result = {'ticket': ticket, 'seal': self.browse(), 'reason': ''}
        if not ticket:
            return dict(result, verdict='unknown', reason=_(
                'No ticket has this number: the printout was not made by this service '
                'desk, or its number was changed.'))
        head = (head or '').strip().lower()
        if not self._printed_of(ticket, head):
            # Nothing of the record, and no chain check, for a head that was never
            # this journal's: the number alone does not list the register's timeline.
            return dict(result, ticket=ticket.browse(), verdict='mismatch', reason=_(
                'The printed head is not a head this journal ever had: the printout is '
                'not of this ticket, or its head was copied wrong.'))
        result['seal'] = self.of_ticket(ticket)
        check = ticket.check_journal()[0]
        if not check['intact']:
            return dict(result, verdict='altered', reason=check['reason'])
        seal, reason = self.check_chain()
        if seal:
            return dict(result, verdict='altered', reason=reason)
        if head != (ticket.journal_head or ''):
            earlier = ticket.step_ids.filtered(lambda l: l.hash and l.hash == head)
            if earlier:
                reason = _('The printed head is line %d of this journal: the ticket went '
                           'on after it was printed. Print it again for its whole '
                           'record.') % earlier.position
            else:
                reason = _('The journal in the database is whole, but its head is not '
                           'the one printed: the printout is not of this journal.')
            return dict(result, verdict='mismatch', reason=reason)
        return dict(result, verdict='intact', reason=_(
            'The printed head is the head of the journal in the database, whose every '
            'line matches its hash and every daily seal.'))

    @api.model
    def _printed_of(self, ticket, head):
        """Whether `head` is the hash of a line of `ticket`'s journal, or a head a
        daily seal recorded for it (a journal rewritten since still answers)."""
        if not head:
            return False
        lines = self.env['tik.ticket.step'].sudo().search_count(
            [('ticket_id', '=', ticket.id), ('hash', '=', head)])
        return bool(lines or self.env['tik.journal.seal.line'].sudo().search_count(
            [('ticket_id', '=', ticket.id), ('journal_head', '=', head)]))

    @api.model
    def of_ticket(self, ticket):
        """The seal of the day of the ticket's last sealed line (empty if not sealed
        yet)."""
        line = ticket.sudo().step_ids.filtered('hash').sorted('position')[-1:]
        if not line.date_done:
            return self.browse()
        return self.sudo().search(
            [('day', '=', fields.Date.to_string(self._local_day(line.date_done)))],
            limit=1)


class TikJournalSealLine(models.Model):
    """One journal's head in a daily seal."""

    _name = 'tik.journal.seal.line'
    _description = 'Daily Journal Seal Head'
    _order = 'seal_id, number'

    seal_id = fields.Many2one('tik.journal.seal', required=True, index=True,
                              ondelete='restrict', readonly=True)
    ticket_id = fields.Many2one('tik.ticket', required=True, index=True,
                                ondelete='restrict', readonly=True)
    number = fields.Char(string='Ticket Number', readonly=True)
    journal_length = fields.Integer(readonly=True)
    journal_head = fields.Char(readonly=True)

    @api.model
    def create(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Journal seals are made by the daily sealing only.'))
        return super(TikJournalSealLine, self).create(vals)

    @api.multi
    def write(self, vals):
        if self:
            raise UserError(_('A journal seal cannot be changed.'))
        return super(TikJournalSealLine, self).write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('A journal seal cannot be deleted.'))
        return super(TikJournalSealLine, self).unlink()
