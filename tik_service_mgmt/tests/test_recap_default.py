# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The report period dialog proposes the latest month with tickets filed (up to the
current month), else the current month; its month selector sets the period."""
from datetime import datetime, timedelta
from unittest import mock

from odoo import fields

from .common import TikCase

UTCNOW = 'odoo.addons.tik_service_mgmt.models.tik_recap.utcnow'
WIB = timedelta(hours=7)


def utc(local):
    """'YYYY-MM-DD HH:MM' Asia/Jakarta as a UTC datetime."""
    return datetime.strptime(local, '%Y-%m-%d %H:%M') - WIB


class TestRecapDefault(TikCase):
    """Years back, before any ticket of the database (the demo's are days before the
    install): a ticket filed on 12 March 2015 is the only one up to May 2015."""

    @classmethod
    def setup_data(cls):
        with mock.patch.object(fields.Datetime, 'now',
                               return_value=fields.Datetime.to_string(
                                   utc('2015-03-12 10:00'))):
            cls.filed = cls.file_ticket(service_id=cls.service_x.id)

    def defaults(self, local_now):
        with mock.patch(UTCNOW, return_value=utc(local_now)):
            period = self.env['tik.report.period'].sudo(self.head)
            return period.default_get(['month_choice', 'date_from', 'date_to', 'month'])

    def test_the_latest_month_with_tickets(self):
        self.assertEqual(self.defaults('2015-05-20 09:00'), {
            'date_from': '2015-03-01', 'date_to': '2015-03-31'})
        with mock.patch(UTCNOW, return_value=utc('2015-05-20 09:00')):
            period = self.env['tik.report.period'].sudo(self.head).create({})
            self.assertEqual((period.month_choice, period.month), ('2015-03', '2015-03'))

    def test_the_filing_month_in_the_agencys_time(self):
        # 1 April 2015 06:00 WIB is still 31 March in UTC.
        with mock.patch.object(fields.Datetime, 'now',
                               return_value=fields.Datetime.to_string(
                                   utc('2015-04-01 06:00'))):
            self.file_ticket(service_id=self.service_x.id)
        self.assertEqual(self.defaults('2015-05-20 09:00')['date_from'], '2015-04-01')

    def test_the_current_month_when_none_was_filed(self):
        self.assertEqual(self.defaults('2015-02-27 09:00'), {
            'date_from': '2015-02-01', 'date_to': '2015-02-28'})
        # The agency's day: 1 July 2014 00:30 WIB is 30 June in UTC.
        self.assertEqual(self.defaults('2014-07-01 00:30'), {
            'date_from': '2014-07-01', 'date_to': '2014-07-31'})

    def test_the_month_selector_sets_the_period(self):
        with mock.patch(UTCNOW, return_value=utc('2015-05-20 09:00')):
            Period = self.env['tik.report.period'].sudo(self.manager)
            choices = [key for key, _label in Period._month_choices()]
            # From a year back (the first filing is later) to the current month.
            self.assertEqual(choices[0], '2015-05')
            self.assertEqual(choices[-1], '2014-05')
            self.assertEqual(len(choices), 13)
            self.assertEqual(dict(Period._month_choices())['2015-03'], 'March 2015')
            period = Period.new({'date_from': '2015-03-01', 'date_to': '2015-03-31'})
            period.month_choice = '2015-02'
            period._onchange_month_choice()
            self.assertEqual((period.date_from, period.date_to),
                             ('2015-02-01', '2015-02-28'))
            created = Period.create({'month_choice': '2014-12', 'date_from': '2015-03-01',
                                     'date_to': '2015-03-31'})
            self.assertEqual((created.date_from, created.date_to, created.month),
                             ('2014-12-01', '2014-12-31', '2014-12'))
            created.date_to = '2014-12-15'
            self.assertFalse(created.month_choice)
            self.assertFalse(created.month)
