# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import subprocess
import tempfile
from collections import defaultdict
from datetime import datetime, timedelta
from unittest import mock

import xlrd

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import config

from .common import TikCase

WIB = timedelta(hours=7)
ANSWERS = ['u%d' % n for n in range(1, 10)]


def utc(local):
    """'YYYY-MM-DD HH:MM' Asia/Jakarta as a UTC datetime string."""
    return fields.Datetime.to_string(datetime.strptime(local, '%Y-%m-%d %H:%M') - WIB)


def clean(text):
    return ' '.join(text.split())


# The fixture lies years back, where the demo tickets, played working days before the
# install, never are; 2015 has the weekdays of 2026 and no day off in the calendar.
# The fixture, by hand: per ticket, its filing and each step it went through, with the
# local time the step ended, the SOP step, the working hours it took by the agency's
# calendar (Mon-Thu 07:30-12:00 and 13:00-16:00, Fri 07:30-11:30 and 13:00-16:30) and
# whether it met its time standard.
FILED = {
    # ticket: (local time, channel, service, division, unit)
    't1': ('2015-10-05 09:00', 'backend', 'x', 'x', 'a'),
    't2': ('2015-10-28 09:00', 'portal', 'x', 'x', 'a'),
    't3': ('2015-11-02 08:00', 'phone', 'x', 'x', 'b'),
    't4': ('2015-11-10 09:00', 'backend', 'y', 'y', 'a'),
}
STEPS = [
    # (ticket, local time, step, action, hours, met, reason)
    ('t1', '2015-10-05 10:00', 2, 'dispatch', 1.0, True, None),
    ('t1', '2015-10-06 09:00', 3, 'accept', 6.5, True, None),
    ('t1', '2015-10-08 09:00', 4, 'report_resolution', 15.0, True, None),
    ('t1', '2015-10-08 14:00', 5, 'verify', 4.0, True, None),
    ('t1', '2015-10-09 09:00', 6, 'approve', 3.5, True, None),
    ('t1', '2015-10-09 10:00', 7, 'close', 1.0, True, None),
    ('t2', '2015-10-29 08:00', 2, 'dispatch', 6.5, True, None),
    ('t2', '2015-11-03 09:00', 3, 'reject', 23.5, False, 'Bukan layanan Diskominfo.'),
    ('t3', '2015-11-02 09:00', 2, 'dispatch', 1.0, True, None),
    ('t3', '2015-11-02 10:00', 3, 'return_to_helpdesk', 1.0, True,
     'Salah bidang, mohon dialihkan.'),
    ('t3', '2015-11-02 11:00', 2, 'dispatch', 1.0, True, None),
    ('t3', '2015-11-03 08:00', 3, 'accept', 4.5, True, None),
    ('t3', '2015-11-04 08:00', 4, 'report_resolution', 7.5, True, None),
    ('t3', '2015-11-04 13:00', 5, 'request_rework', 4.0, True, 'Lampirkan bukti uji.'),
    ('t3', '2015-11-05 08:00', 4, 'report_resolution', 3.5, True, None),
    ('t3', '2015-11-05 10:00', 5, 'verify', 2.0, True, None),
    ('t3', '2015-11-05 11:00', 6, 'approve', 1.0, True, None),
    ('t3', '2015-11-06 09:00', 7, 'close', 5.5, True, None),
    ('t4', '2015-11-10 10:00', 2, 'dispatch', 1.0, True, None),
]
# t4 waits at step 3 (deadline 2015-11-11 10:00); the check runs on 2015-11-12.
ESCALATED = [('t4', '2015-11-12 09:00', 3)]
SURVEYS = {
    # ticket: (local time submitted, nine scores)
    't1': ('2015-10-20 10:00', [4, 4, 4, 4, 3, 4, 4, 3, 3]),
    't2': ('2015-11-04 10:00', [2, 2, 1, 4, 2, 3, 3, 2, 3]),
    't3': ('2015-11-20 10:00', [3, 3, 3, 4, 3, 4, 4, 3, 3]),
}
ACTION_LABELS = {'reject': 'Tolak', 'return_to_helpdesk': 'Kembalikan ke Helpdesk'}


def expected(month):
    """The recap of `month` ('2015-10' or '2015-11'), computed from the tables above."""
    def in_month(local):
        return local.startswith(month)
    counts = defaultdict(lambda: [0, 0, 0])
    for ticket, (when, channel, service, division, unit) in FILED.items():
        if in_month(when):
            for key in (('service', service), ('division', division), ('unit', unit),
                        ('channel', channel)):
                counts[key][0] += 1
    ended = {}
    for ticket, when, _seq, action, _h, _met, _r in STEPS:
        if action in ('close', 'reject') and in_month(when):
            ended[ticket] = 'closed' if action == 'close' else 'rejected'
    for ticket, state in ended.items():
        _when, channel, service, division, unit = FILED[ticket]
        for key in (('service', service), ('division', division), ('unit', unit),
                    ('channel', channel)):
            counts[key][1 if state == 'closed' else 2] += 1
    steps = {}
    for seq in range(2, 8):
        lines = [s for s in STEPS if s[2] == seq and in_month(s[1])]
        met = len([s for s in lines if s[5]])
        steps[seq] = {
            'done': len(lines), 'met': met,
            'share': 100.0 * met / len(lines) if lines else None,
            'hours': sum(s[4] for s in lines) / len(lines) if lines else 0.0,
            'reworks': len([s for s in lines if s[3] == 'request_rework']),
            'escalations': len([e for e in ESCALATED if e[2] == seq and in_month(e[1])]),
        }
    missed = {s[0] for s in STEPS if not s[5]}
    tickets = {'ended': len(ended), 'met': len([t for t in ended if t not in missed]),
               'reworked': len({s[0] for s in STEPS
                                if s[3] == 'request_rework' and in_month(s[1])})}
    tickets['share'] = 100.0 * tickets['met'] / tickets['ended'] if ended else None
    reasons = sorted([(s[1], s[0], s[3], s[6]) for s in STEPS
                      if s[3] in ACTION_LABELS and in_month(s[1])])
    answers = [scores for when, scores in SURVEYS.values() if in_month(when)]
    nrr = [sum(a[i] for a in answers) / float(len(answers)) for i in range(9)]
    ikm = round(sum(value / 9.0 for value in nrr) * 25, 2)
    grade = 'A' if ikm >= 88.31 else 'B' if ikm >= 76.61 else 'C' if ikm >= 65.0 else 'D'
    return {'counts': dict(counts), 'steps': steps, 'tickets': tickets,
            'reasons': reasons, 'ikm': (len(answers), ikm, grade, nrr)}


def hhmm(hours):
    minutes = int(round(hours * 60))
    return '%d:%02d' % (minutes // 60, minutes % 60) if hours else '-'


def comma(value, digits):
    return ('%.*f' % (digits, value)).replace('.', ',')


class TestRecap(TikCase):
    """The monthly recap: its figures equal those computed here from a fixture of four
    tickets over October and November 2015, in the PDF and in the spreadsheet."""

    @classmethod
    def clock(cls, local):
        return mock.patch.object(fields.Datetime, 'now', return_value=utc(local))

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.period = cls.env['tik.report.period']
        Ticket = cls.Ticket
        tickets = {}
        with cls.clock(FILED['t1'][0]):
            tickets['t1'] = cls.file_ticket(service_id=cls.service_x.id)
        with cls.clock(FILED['t2'][0]):
            tickets['t2'] = cls.file_in_portal(cls.portal, service_id=cls.service_x.id)
        with cls.clock(FILED['t3'][0]):
            tickets['t3'] = Ticket.sudo(cls.helpdesk).create({
                'name': 'Jaringan kantor putus', 'channel': 'phone',
                'partner_id': cls.requester_b.partner_id.id,
                'service_id': cls.service_x.id})
        with cls.clock(FILED['t4'][0]):
            tickets['t4'] = cls.file_ticket(service_id=cls.service_y.id)
        cls.tickets = {key: ticket.sudo() for key, ticket in tickets.items()}
        values = {
            'dispatch': lambda t: {'division_id': (cls.division_y if t.service_id ==
                                                   cls.service_y else cls.division_x).id},
            'accept': lambda t: {'officer_id': cls.officer.id,
                                 'instruction': 'Periksa konfigurasi.'},
            'report_resolution': lambda t: {'resolution': 'Sudah diperbaiki.'},
        }
        actors = {'dispatch': 'helpdesk', 'accept': 'kabid', 'reject': 'kabid',
                  'return_to_helpdesk': 'kabid', 'report_resolution': 'officer',
                  'verify': 'kabid', 'approve': 'head', 'close': 'helpdesk'}
        for key, when, seq, action, _hours, _met, reason in STEPS:
            ticket = cls.tickets[key]
            actor = actors.get(action) or ('kabid' if seq == 5 else 'head')
            with cls.clock(when):
                kwargs = {'reason': reason} if reason else {}
                vals = values[action](ticket) if action in values else None
                cls.act(ticket, actor, vals, action, **kwargs)
        for key, when, _seq in ESCALATED:
            with cls.clock(when):
                cls.env['tik.ticket.step']._cron_sla_check()
        responders = {'t1': cls.requester, 't2': cls.portal, 't3': cls.requester_b}
        for key, (when, scores) in SURVEYS.items():
            with cls.clock(when):
                cls.env['tik.survey.response'].sudo(responders[key]).answer(
                    cls.tickets[key].id, dict(zip(ANSWERS, scores)))
        cls.labels = {
            ('service', 'x'): cls.service_x.name, ('service', 'y'): cls.service_y.name,
            ('division', 'x'): cls.division_x.name, ('division', 'y'): cls.division_y.name,
            ('unit', 'a'): cls.unit_a.name, ('unit', 'b'): cls.unit_b.name,
            ('channel', 'backend'): 'Aplikasi internal', ('channel', 'portal'): 'Portal',
            ('channel', 'phone'): 'Telepon',
        }

    def month_period(self, month):
        first = datetime.strptime(month + '-01', '%Y-%m-%d')
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return self.period.sudo(self.head).create({
            'date_from': fields.Date.to_string(first), 'date_to': fields.Date.to_string(last)})

    def test_the_fixture_is_what_the_tables_say(self):
        for key, when, seq, action, hours, met, _reason in STEPS:
            line = self.tickets[key].step_ids.filtered(
                lambda l, w=utc(when), a=action: l.date_done == w and l.action == a)
            self.assertEqual(len(line), 1, (key, when))
            self.assertEqual(line.sop_step_id.sequence, seq)
            self.assertAlmostEqual(line.hours_taken, hours, places=4, msg=(key, when))
            self.assertEqual(line.sla_status, 'met' if met else 'missed', (key, when))
        self.assertEqual(self.tickets['t4'].state, 'analysis')
        self.assertTrue(self.tickets['t4'].current_step_id.date_escalated)

    def xlsx(self, month):
        return xlrd.open_workbook(file_contents=self.env['tik.recap'].sudo(self.head).with_context(
            lang='id_ID')._workbook(self.env['tik.recap'].sudo(self.head).with_context(
                lang='id_ID').recap(month)))

    def test_the_spreadsheet_holds_the_figures_of_each_month(self):
        dimensions = {'Layanan': 'service', 'Bidang': 'division', 'Unit Kerja (OPD)': 'unit',
                      'Saluran': 'channel'}
        for month in ('2015-10', '2015-11'):
            want = expected(month)
            book = self.xlsx(month)
            sheet = book.sheet_by_index(0)
            found = {}
            for row in range(1, sheet.nrows):
                group, label, filed, closed, rejected = sheet.row_values(row)
                found[(dimensions[group], label)] = [int(filed), int(closed), int(rejected)]
            self.assertEqual(found, {(key[0], self.labels[key]): value
                                     for key, value in want['counts'].items()}, month)
            steps = book.sheet_by_index(1)
            self.assertEqual(steps.nrows - 1, 6)
            for row in range(1, steps.nrows):
                values = steps.row_values(row)
                figures = want['steps'][int(values[0])]
                self.assertEqual(int(values[2]), figures['done'], (month, values))
                self.assertEqual(int(values[3]), figures['met'], (month, values))
                if figures['share'] is None:
                    self.assertEqual(values[4], '')
                else:
                    self.assertAlmostEqual(values[4], figures['share'], places=2)
                self.assertAlmostEqual(values[5], figures['hours'], places=2)
                self.assertEqual(int(values[6]), figures['reworks'], (month, values))
                self.assertEqual(int(values[7]), figures['escalations'], (month, values))
            ended = book.sheet_by_index(2)
            tickets = want['tickets']
            self.assertEqual([ended.cell_value(r, 1) for r in range(1, 5)], [
                tickets['ended'], tickets['met'],
                round(tickets['share'], 2) if tickets['share'] is not None else '',
                tickets['reworked']])
            reasons = book.sheet_by_index(3)
            self.assertEqual(
                [tuple(reasons.row_values(r)) for r in range(1, reasons.nrows)],
                [(when[8:10] + '-' + when[5:7] + '-' + when[:4] + when[10:],
                  self.tickets[key].number, ACTION_LABELS[action],
                  self.kabid.name, reason)
                 for when, key, action, reason in want['reasons']])
            ikm = book.sheet_by_index(4)
            count, value, grade, nrr = want['ikm']
            self.assertEqual(ikm.row_values(1)[1], count)
            self.assertEqual(ikm.row_values(2)[1], value)
            self.assertEqual(ikm.row_values(3)[1], grade)
            for index in range(9):
                self.assertAlmostEqual(ikm.row_values(5 + index)[1], nrr[index], places=4)

    def pdf_text(self, report, period):
        """The text of the PDF `report` of `period`, printed by its creator."""
        # As tests/test_reports.py: a real PDF in test mode, styles from a closed port.
        self.env['ir.config_parameter'].sudo().set_param('report.url', 'http://127.0.0.1:9')
        with tempfile.TemporaryDirectory() as folder, \
                mock.patch.dict(config.options, {'test_report_directory': folder}):
            pdf, kind = self.env.ref(report).sudo(period.create_uid).render_qweb_pdf(
                period.ids)
        self.assertEqual(kind, 'pdf')
        with tempfile.NamedTemporaryFile(suffix='.pdf') as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.check_output(['pdftotext', '-layout', handle.name, '-'])
        return clean(text.decode('utf-8'))

    def test_the_printed_recap_holds_the_figures_of_each_month(self):
        names = {'2015-10': 'Oktober 2015', '2015-11': 'November 2015'}
        for month in ('2015-10', '2015-11'):
            want = expected(month)
            text = self.pdf_text('tik_service_mgmt.action_report_recap',
                                 self.month_period(month))
            self.assertIn('PEMERINTAH KABUPATEN TRENGGALEK', text)
            self.assertIn('Rekap Bulanan Layanan TIK: %s' % names[month], text)
            for key, (filed, closed, rejected) in want['counts'].items():
                self.assertIn('%s %d %d %d' % (self.labels[key], filed, closed, rejected),
                              text, (month, key))
            for seq, figures in want['steps'].items():
                share = '-' if figures['share'] is None else '%s %%' % comma(
                    figures['share'], 1)
                pattern = r'%d\. [^\d]*? %d %d %s %s %d %d' % (
                    seq, figures['done'], figures['met'], re.escape(share),
                    re.escape(hhmm(figures['hours'])), figures['reworks'],
                    figures['escalations'])
                self.assertTrue(re.search(pattern, text), (month, seq, pattern))
            for _when, key, _action, reason in want['reasons']:
                self.assertIn(self.tickets[key].number, text)
                self.assertIn(reason, text)
            count, value, grade, _nrr = want['ikm']
            self.assertIn('Responden: %d' % count, text)
            self.assertIn('IKM: %s, mutu %s' % (comma(value, 2), grade), text)

    def test_the_months_journal_seals_are_in_the_recap(self):
        self.env['tik.journal.seal']._seal_until('2015-10-31')
        october = self.env['tik.journal.seal'].search([('day', 'like', '2015-10-%')],
                                                       order='day')
        self.assertTrue(october)
        want = [(seal.day, seal.digest, seal.heads_count) for seal in october]
        recap = self.env['tik.recap'].sudo(self.head)
        self.assertEqual(recap.recap('2015-10')['seals'], want)
        self.assertEqual(recap.recap('2015-11')['seals'], [])
        sheet = self.xlsx('2015-10').sheet_by_index(5)
        self.assertEqual([(day, digest, int(heads)) for day, digest, heads in (
            sheet.row_values(row) for row in range(1, sheet.nrows))], want)
        text = self.pdf_text('tik_service_mgmt.action_report_recap',
                             self.month_period('2015-10'))
        self.assertIn('Segel jurnal bulan ini', text)
        packed = re.sub(r'\s', '', text)
        for day, digest, heads in want:
            self.assertIn('%s-%s-%s' % (day[8:10], day[5:7], day[:4]), text)
            self.assertIn(digest, packed)

    def test_the_printed_ikm_report_of_a_period(self):
        period = self.period.sudo(self.manager).create(
            {'date_from': '2015-10-01', 'date_to': '2015-11-30'})
        text = self.pdf_text('tik_service_mgmt.action_report_ikm', period)
        answers = [scores for _when, scores in SURVEYS.values()]
        nrr = [sum(a[i] for a in answers) / 3.0 for i in range(9)]
        ikm = round(sum(v / 9.0 for v in nrr) * 25, 2)
        self.assertIn('Indeks Kepuasan Masyarakat', text)
        for index, value in enumerate(nrr):
            self.assertIn('U%d' % (index + 1), text)
            self.assertIn('%s %s' % (comma(value, 2), comma(value / 9, 3)), text)
        self.assertIn(comma(ikm, 2), text)
        self.assertIn('Responden: 3', text)

    def test_only_the_head_and_the_manager_read_the_recap(self):
        for user in (self.requester, self.helpdesk, self.kabid, self.officer, self.portal):
            with self.assertRaises(AccessError):
                self.env['tik.recap'].sudo(user).recap('2015-11')
        with self.assertRaises(UserError):
            self.env['tik.recap'].sudo(self.manager).recap('2026-13')
        period = self.period.sudo(self.manager).create(
            {'date_from': '2015-11-01', 'date_to': '2015-11-15'})
        with self.assertRaises(UserError):
            period.action_print_recap()

    def test_the_recap_is_mailed_once_on_the_first_working_day(self):
        Mail = self.env['mail.mail'].sudo()
        recap = self.env['tik.recap'].sudo()
        before = Mail.search_count([])
        # 2015-11-01 is a Sunday: the first working day is Monday 2 November.
        with self.clock('2015-11-01 09:00'), mock.patch(
                'odoo.addons.tik_service_mgmt.models.tik_recap.utcnow',
                return_value=datetime(2015, 11, 1, 2)):
            self.assertFalse(recap._cron_mail_recap())
        with mock.patch('odoo.addons.tik_service_mgmt.models.tik_recap.utcnow',
                        return_value=datetime(2015, 11, 2, 2)):
            self.assertTrue(recap._cron_mail_recap())
            self.assertFalse(recap._cron_mail_recap())
        mails = Mail.search([], order='id desc', limit=Mail.search_count([]) - before)
        self.assertEqual(len(mails), 1)
        self.assertIn('Oktober 2015', mails.subject)
        self.assertIn(self.head.partner_id, mails.recipient_ids)
        self.assertEqual(mails.attachment_ids.mimetype, 'application/pdf')
