# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError


def _last_month():
    first = datetime.date.today().replace(day=1)
    last = first - datetime.timedelta(days=1)
    return last.replace(day=1), last


class TikReportPeriod(models.TransientModel):
    """The period the agency head or the service manager prints the IKM report or the
    monthly recap for (the recap: one calendar month)."""

    _name = 'tik.report.period'
    _description = 'Report Period'

    date_from = fields.Date(
        string='From', required=True,
        default=lambda self: fields.Date.to_string(_last_month()[0]))
    date_to = fields.Date(
        string='To', required=True,
        default=lambda self: fields.Date.to_string(_last_month()[1]))
    month = fields.Char(compute='_compute_month',
                        help='The calendar month the period covers whole (YYYY-MM), if any.')

    @api.depends('date_from', 'date_to')
    def _compute_month(self):
        for period in self:
            period.month = period._whole_month()

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
