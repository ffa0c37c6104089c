# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agency's days off with their legal basis. Adding, moving or removing one
amends every running deadline it touches (tik.ticket._amend_deadlines); leaves of
other calendars, and those of a resource, are Odoo's own as before."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

DAY_OFF_TYPES = [
    ('national', 'National Holiday'),
    ('cuti_bersama', 'Cuti Bersama'),
    ('local', 'Local Day Off'),
]
# What moves a deadline; a leave's name, basis or type does not.
MOMENTS = ('date_from', 'date_to', 'calendar_id', 'resource_id')


class ResourceCalendarLeaves(models.Model):
    _inherit = 'resource.calendar.leaves'

    day_off_type = fields.Selection(
        DAY_OFF_TYPES, string='Type of Day Off',
        help='National holiday, cuti bersama (collective leave) or a local day off.')
    legal_basis = fields.Char(
        help='The act that sets the day off, e.g. SKB Menteri Agama, Menteri '
             'Ketenagakerjaan dan MenPAN-RB No. 1497, 2, 5 Tahun 2025; Kepmenag; Perpres; '
             'Perbup.')

    def _agency_days_off(self):
        """The days off of the agency: global leaves of a company's working calendar."""
        calendars = self.env['res.company'].sudo().search([]).mapped('resource_calendar_id')
        return self.filtered(lambda l: not l.resource_id and l.calendar_id in calendars)

    def _check_manager(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(
                'tik_service_mgmt.group_manager'):
            raise AccessError(_("Only the service manager changes the days off of the "
                                "agency's calendar: they move the tickets' deadlines."))

    @api.model
    def create(self, vals):
        calendars = self.env['res.company'].sudo().search([]).mapped('resource_calendar_id')
        if vals.get('resource_id') or vals.get('calendar_id') not in calendars.ids:
            return super(ResourceCalendarLeaves, self).create(vals)
        self._check_manager()
        before = self.env['tik.ticket']._deadlines_before(vals.get('date_to'))
        leave = super(ResourceCalendarLeaves, self).create(vals)
        self.env['tik.ticket']._amend_deadlines(before, [leave._describe('added')], leave)
        return leave

    @api.multi
    def write(self, vals):
        if self._agency_days_off():
            self._check_manager()
        days = self._agency_days_off() if set(MOMENTS).intersection(vals) else self.browse()
        if not days:
            return super(ResourceCalendarLeaves, self).write(vals)
        latest = max(days.mapped('date_to') + [vals.get('date_to') or ''])
        before = self.env['tik.ticket']._deadlines_before(latest)
        old = [leave._describe('moved') for leave in days]
        result = super(ResourceCalendarLeaves, self).write(vals)
        moved = []
        for leave, was in zip(days, old):
            now = leave._describe('moved')
            now['days'] = '%s \u2192 %s' % (was['days'], now['days'])
            moved.append(now)
        self.env['tik.ticket']._amend_deadlines(before, moved, days[:1] if len(days) == 1
                                                else None)
        return result

    @api.multi
    def unlink(self):
        days = self._agency_days_off()
        if not days:
            return super(ResourceCalendarLeaves, self).unlink()
        self._check_manager()
        before = self.env['tik.ticket']._deadlines_before(max(days.mapped('date_to')))
        gone = [leave._describe('removed') for leave in days]
        result = super(ResourceCalendarLeaves, self).unlink()
        self.env['tik.ticket']._amend_deadlines(before, gone)
        return result

    def _describe(self, change):
        """What an amendment line says of this day off (in the record's language)."""
        self.ensure_one()
        ticket = self.env['tik.ticket']
        days = sorted({ticket._local(self.date_from).date(), ticket._local(self.date_to).date()})
        return {'change': change, 'name': self.name or '',
                'days': ' \u2013 '.join(day.strftime('%d-%m-%Y') for day in days),
                'type': self.day_off_type or '', 'basis': self.legal_basis or ''}
