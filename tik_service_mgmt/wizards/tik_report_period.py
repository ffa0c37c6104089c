# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models import tik_recap


def _month_key(day):
    return '%04d-%02d' % (day.year, day.month)


def _month_bounds(key):
    """First and last day (dates) of month 'YYYY-MM'."""
    year, month = tik_recap.month_of(key)
    first = datetime.date(year, month, 1)
    following = datetime.date(*tik_recap.next_month(year, month), 1)
    return first, following - datetime.timedelta(days=1)


class TikReportPeriod(models.TransientModel):
    """The period the agency head or the service manager prints the IKM report or the
    monthly recap for (the recap: one calendar month)."""

    _name = 'tik.report.period'
    _description = 'Report Period'

    # First on the form and focused there: a date field focused at opening would open
    # its calendar over the dialog's buttons.
    month_choice = fields.Selection(
        '_month_choices', string='Month', compute='_compute_month',
        inverse='_inverse_month_choice',
        help='A calendar month: the period becomes its first to its last day.')
    date_from = fields.Date(
        string='From', required=True,
        default=lambda self: fields.Date.to_string(_month_bounds(self._default_month())[0]))
    date_to = fields.Date(
        string='To', required=True,
        default=lambda self: fields.Date.to_string(_month_bounds(self._default_month())[1]))
    month = fields.Char(compute='_compute_month',
                        help='The calendar month the period covers whole (YYYY-MM), if any.')

    @api.model
    def _filed_months(self):
        """The months (YYYY-MM, in the agency's time) of the first filing and of the
        latest filing up to the current month (None without one), and the current
        month. A ticket's filing is its journal's step 1, as the recap counts it."""
        calendar = self.env['tik.ticket']._work_calendar()
        today = calendar.to_local(tik_recap.utcnow())
        after = calendar.to_utc(datetime.datetime(
            *tik_recap.next_month(today.year, today.month), 1))
        lines = self.env['tik.ticket.step'].sudo()
        filed = [('sop_step_id.sequence', '=', 1)]
        first = lines.search(filed, order='date_start, id', limit=1)
        latest = lines.search(filed + [('date_start', '<', fields.Datetime.to_string(after))],
                              order='date_start desc, id desc', limit=1)

        def month(line):
            return _month_key(calendar.to_local(
                fields.Datetime.from_string(line.date_start))) if line else None
        return month(first), month(latest), _month_key(today)

    @api.model
    def _default_month(self):
        """The latest month with a ticket filed, up to the current month; the current
        month when none was filed by then (a new database)."""
        _first, latest, current = self._filed_months()
        return latest or current

    @api.model
    def _month_choices(self):
        """Every month from the first filing (or a year back, if later) to the current
        month, newest first."""
        first, _latest, current = self._filed_months()
        year, number = tik_recap.month_of(current)
        start = _month_key(datetime.date(year - 1, number, 1))
        start = min(start, first or start)
        recap = self.env['tik.recap']
        choices = []
        year, number = tik_recap.month_of(start)
        while _month_key(datetime.date(year, number, 1)) <= current:
            choices.append(('%04d-%02d' % (year, number),
                            '%s %d' % (recap._month_name(number), year)))
            year, number = tik_recap.next_month(year, number)
        return list(reversed(choices))

    @api.onchange('month_choice')
    def _onchange_month_choice(self):
        self._inverse_month_choice()

    def _inverse_month_choice(self):
        for period in self.filtered('month_choice'):
            first, last = _month_bounds(period.month_choice)
            period.date_from = fields.Date.to_string(first)
            period.date_to = fields.Date.to_string(last)

    @api.depends('date_from', 'date_to')
    def _compute_month(self):
        choices = dict(self._month_choices())
        for period in self:
            period.month = period._whole_month()
            period.month_choice = period.month if period.month in choices else False

    @api.constrains('date_from', 'date_to')
    def _check_dates(self):
        for period in self:
            if period.date_from > period.date_to:
                raise UserError(_('The period ends before it starts.'))

    def _whole_month(self):
        """'YYYY-MM' when the period is one whole calendar month, else False."""
        if not (self.date_from and self.date_to):
            return False
        first = fields.Date.from_string(self.date_from)
        last = fields.Date.from_string(self.date_to)
        following = (last + datetime.timedelta(days=1))
        if first.day != 1 or following.day != 1 or (first.year, first.month) != (
                last.year, last.month):
            return False
        return '%04d-%02d' % (first.year, first.month)

    def _check_month(self):
        self.ensure_one()
        if not self.month:
            raise UserError(_('The monthly recap covers one calendar month: choose its '
                              'first and last day.'))
        return self.month

    @api.multi
    def action_print_ikm(self):
        self.ensure_one()
        return self.env.ref('tik_service_mgmt.action_report_ikm').report_action(self)

    @api.multi
    def action_print_recap(self):
        self._check_month()
        return self.env.ref('tik_service_mgmt.action_report_recap').report_action(self)

    @api.multi
    def action_download_recap(self):
        month = self._check_month()
        return {'type': 'ir.actions.act_url', 'url': '/tik/recap/%s.xlsx' % month,
                'target': 'self'}
