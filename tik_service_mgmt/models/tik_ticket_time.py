# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time standards of the ticket: the working calendar, the deadline of a step in
working days (lib/deadline.py does the arithmetic) and the status of the running step."""
import pytz

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError
from odoo.osv import expression

from ..lib import workflow
from ..lib.deadline import WorkCalendar

DEFAULT_TZ = 'Asia/Jakarta'


class TikTicketTime(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.depends('state', 'date_deadline', 'date_at_risk', 'step_missed')
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.sla_status = workflow.time_standard(
                ticket.state, ticket.date_deadline, ticket.date_at_risk,
                ticket.step_missed, now)

    def _search_sla_status(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, str):
            raise UserError(_('Search the time standard by one status at a time.'))
        now = fields.Datetime.now()
        ended = [('state', 'in', workflow.ENDED)]
        running = [('state', 'not in', workflow.ENDED)]
        domain = {
            'late': running + [('date_deadline', '<', now)],
            'at_risk': running + [('date_at_risk', '<=', now), ('date_deadline', '>=', now)],
            'on_track': running + ['|', ('date_at_risk', '=', False),
                                   ('date_at_risk', '>', now)],
            'met': ended + [('step_missed', '=', False)],
            'missed': ended + [('step_missed', '=', True)],
        }.get(value, [('id', '=', 0)])
        domain = expression.normalize_domain(domain)
        return domain if operator == '=' else ['!'] + domain

    def _tz(self):
        return self.env.user.company_id.partner_id.tz or DEFAULT_TZ

    def _local(self, utc_string, zone=None):
        moment = pytz.utc.localize(fields.Datetime.from_string(utc_string))
        return moment.astimezone(pytz.timezone(zone or self._tz())).replace(tzinfo=None)

    def _format_local(self, utc_string):
        return self._local(utc_string).strftime('%d-%m-%Y %H:%M')

    @api.model
    def _at_risk_share(self):
        """Share of a step's working time below which it is at risk (0.25 by default)."""
        value = self.env['ir.config_parameter'].sudo().get_param(
            'tik_service_mgmt.at_risk_share', '0.25')
        try:
            return min(max(float(value), 0.0), 1.0)
        except ValueError:
            return 0.25

    def _work_calendar(self):
        """The working calendar of the user's company: its attendances, its holidays
        (leaves without a resource) and the company's time zone.

        One query fingerprints what the calendar is made of; the calendar is built
        once per fingerprint and process. A change of the hours, the holidays, the
        company's calendar or time zone changes the fingerprint, so it takes effect at
        once, in every worker, and a change rolled back never lingers."""
        self.env.cr.execute("""
            SELECT c.id, p.tz,
                   (SELECT md5(string_agg(concat_ws('/', a.dayofweek, a.hour_from,
                                                    a.hour_to), ',' ORDER BY a.id))
                    FROM resource_calendar_attendance a WHERE a.calendar_id = c.id),
                   (SELECT md5(string_agg(concat_ws('/', l.date_from, l.date_to), ','
                                          ORDER BY l.id))
                    FROM resource_calendar_leaves l
                    WHERE l.calendar_id = c.id AND l.resource_id IS NULL)
            FROM res_users u
            JOIN res_company co ON co.id = u.company_id
            JOIN res_partner p ON p.id = co.partner_id
            LEFT JOIN resource_calendar c ON c.id = co.resource_calendar_id
            WHERE u.id = %s""", [self.env.uid])
        fingerprint = self.env.cr.fetchone()
        if not fingerprint or not fingerprint[2]:
            calendar = self.env.user.company_id.resource_calendar_id.sudo()
            raise UserError(_('The working calendar "%s" has no working hours; the service '
                              'manager must set them before deadlines can be computed.') %
                            calendar.name)
        return self._built_calendar(fingerprint)

    @api.model
    @tools.ormcache('fingerprint')
    def _built_calendar(self, fingerprint):
        calendar = self.env['resource.calendar'].sudo().browse(fingerprint[0])
        attendances = [(int(a.dayofweek), a.hour_from, a.hour_to)
                       for a in calendar.attendance_ids]
        leaves = [(fields.Datetime.from_string(l.date_from),
                   fields.Datetime.from_string(l.date_to))
                  for l in calendar.leave_ids if not l.resource_id]
        return WorkCalendar(attendances, leaves, fingerprint[1] or DEFAULT_TZ)

    @api.model
    def compute_deadline(self, start, days):
        """Deadline of a step of `days` working days started at `start` (UTC strings).

        Refuses, with a UserError, what lies outside the bounds of lib/deadline.py: a
        time standard that is not a whole number of working days from MIN_DAYS to
        MAX_DAYS, or a start that is not a date and time from MIN_START to MAX_START.
        """
        if (isinstance(days, bool) or not isinstance(days, int)
                or not WorkCalendar.MIN_DAYS <= days <= WorkCalendar.MAX_DAYS):
            raise UserError(_('A time standard is a whole number of working days from '
                              '%(min)d to %(max)d.') % {
                'min': WorkCalendar.MIN_DAYS, 'max': WorkCalendar.MAX_DAYS})
        moment = None
        if isinstance(start, str):
            try:
                moment = fields.Datetime.from_string(start)
            except ValueError:
                moment = None
        if not moment:
            raise UserError(_('Give the start as a UTC date and time, e.g. '
                              '2026-01-05 08:00:00.'))
        if not WorkCalendar.MIN_START <= moment <= WorkCalendar.MAX_START:
            raise UserError(_('A step starts between %(min)s and %(max)s (UTC); '
                              '%(start)s is outside.') % {
                'min': fields.Datetime.to_string(WorkCalendar.MIN_START),
                'max': fields.Datetime.to_string(WorkCalendar.MAX_START),
                'start': start})
        return fields.Datetime.to_string(self._work_calendar().deadline(moment, days))
