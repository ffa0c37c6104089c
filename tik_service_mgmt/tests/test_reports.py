# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import tempfile
from unittest import mock

import lxml.html
from PyPDF2 import PdfFileReader

from odoo.exceptions import AccessError
from odoo.tools import config

from .common import TikCase


def html_root(html):
    """The report's body, without its style sheets and scripts."""
    if isinstance(html, bytes):
        html = html.decode('utf-8')
    root = lxml.html.fromstring(html)
    for node in root.xpath('//head | //style | //script'):
        node.getparent().remove(node)
    return root


def text_of(node):
    """The visible text of a rendered node, whitespace collapsed."""
    return ' '.join(node.text_content().split())


class TestReports(TikCase):
    """The two printouts: a ticket's record as evidence and the SOP table."""

    @classmethod
    def setup_data(cls):
        cls.service_x.sop_reference = 'SOP Sub Domain 060/021/406.020/2023'
        cls.ticket = cls.ticket_in('closed', phone='0812-3456-7890',
                                   email='requester@uji.go.id')
        cls.ticket_report = cls.env.ref('tik_service_mgmt.action_report_ticket')
        cls.sop_report = cls.env.ref('tik_service_mgmt.action_report_sop')
        cls.sop = cls.env.ref('tik_service_mgmt.sop_tik')
        cls.sop_steps = cls.sop.step_ids.sorted('sequence')
        cls.record = cls.env['report.tik_service_mgmt.report_ticket']

    def render(self, report, ids, user=None):
        if user:
            report = report.sudo(user)
        html, kind = report.render_qweb_html(ids)
        self.assertEqual(kind, 'html')
        return html_root(html)

    def journal_rows(self, root):
        return root.xpath('//tr[contains(concat(" ", @class, " "), " tik_journal_line ")]')

    # --- the ticket record ------------------------------------------------------

    def test_reports_are_in_the_print_menus(self):
        step_report = self.env.ref('tik_service_mgmt.action_report_sop_step')
        for report, model in ((self.ticket_report, 'tik.ticket'),
                              (self.sop_report, 'tik.sop'), (step_report, 'tik.sop.step')):
            self.assertEqual(report.report_type, 'qweb-pdf')
            self.assertEqual(report.binding_model_id.model, model)
            self.assertEqual(report.binding_type, 'report')
        self.assertEqual(self.ticket_report.name, 'Ticket Record')
        self.assertEqual(self.sop_report.name, 'SOP Document')

    def test_ticket_record_shows_identity_and_every_step(self):
        ticket = self.ticket
        root = self.render(self.ticket_report, ticket.ids)
        text = text_of(root)
        for value in (ticket.number, ticket.name, 'Requester', 'Dinas Uji A',
                      '+62 812-3456-7890', 'requester@uji.go.id', 'Sub Domain Uji',
                      'SOP Sub Domain 060/021/406.020/2023', 'Bidang Uji X',
                      'Situs dinas.trenggalekkab.go.id tidak terbuka.',
                      'Periksa konfigurasi DNS.', 'Rekaman DNS diperbaiki.'):
            self.assertIn(value, text)
        self.assertNotIn('Reason for Closing', text)

        lines = ticket.step_ids.sorted('id')
        rows = self.journal_rows(root)
        self.assertEqual(len(rows), 7)
        doers = [self.requester, self.helpdesk, self.kabid, self.officer, self.kabid,
                 self.head, self.helpdesk]
        for row, line, sop_step, doer in zip(rows, lines, self.sop_steps, doers):
            cells = [text_of(cell) for cell in row.xpath('./td')]
            self.assertEqual(int(row.get('data-line-id')), line.id)
            self.assertEqual(cells[1], '%d. %s' % (sop_step.sequence, sop_step.name))
            self.assertEqual(cells[4], doer.name)
            # Indonesian style, local time: 06/01/2023 14.05.
            local = self.record._id_datetime
            self.assertEqual(cells[5], local(line.date_start, zone=False))
            self.assertEqual(cells[6], local(line.date_deadline, zone=False))
            self.assertEqual(cells[7], local(line.date_done, zone=False))
            self.assertRegex(cells[5], r'^\d\d/\d\d/20\d\d \d\d\.\d\d$')
            self.assertRegex(cells[10], r'^\d+,\d\d$')
            self.assertEqual(cells[8], str(sop_step.duration_days))
            self.assertEqual(cells[9], 'Met')
            self.assertIn(line.hash[:12], cells[12])
        self.assertEqual([text_of(row.xpath('./td')[2]) for row in rows],
                         ['-', 'Designate Division', 'Accept', 'Report Resolution',
                          'Verify', 'Approve Closing', 'Close Ticket'])
        self.assertIn('Division Head (Kabid)', text_of(rows[2]))
        # Sealed in the agency's language, whatever the reader's.
        self.assertIn('Pejabat Fungsional/Pelaksana: Officer', text_of(rows[2]))

        self.assertIn('Journal intact: every line matches its hash, none is missing',
                      text)
        self.assertIn('Sealed lines checked at printing: 7', text)
        self.assertNotIn('ALTERED', text)
        self.assertIn('Journal head, sealing the whole journal (7 sealed lines): %s' %
                      lines[-1].hash, text)
        self.assertIn('060/020/406.020/2023, version 1 (effective 6 Januari 2023)', text)
        for line in lines:
            self.assertIn(line.hash, text)
        self.assertIn('Printed on', text)
        self.assertIn('by %s' % self.env.user.name, text)
        self.assertIn('UU ITE', text)
        self.assertIn('article 5(1)', text)
        self.assertIn('SHA-256', text)
        # What each hash covers, in words of the record's language, not as keys.
        self.assertNotIn(', '.join(sorted(lines[0]._content())), text)
        self.assertNotIn('date_deadline', text)
        self.assertIn('Urutan, Tahapan SOP', text)
        self.assertIn('Output / Alasan', text)

    def test_altered_journal_is_named_on_the_record(self):
        line = self.ticket.step_ids.sorted('id')[3]
        self.env.cr.execute("UPDATE tik_ticket_step SET note = %s WHERE id = %s",
                            ('Tidak ada yang dikerjakan.', line.id))
        self.env.cache.invalidate()
        root = self.render(self.ticket_report, self.ticket.ids)
        text = text_of(root)
        self.assertNotIn('Journal intact', text)
        self.assertIn('ALTERED: Line 4 ("%s") no longer matches its hash.' %
                      line.sop_step_id.name, text)
        altered = [row for row in self.journal_rows(root)
                   if 'tik_altered_line' in row.get('class')]
        self.assertEqual([int(row.get('data-line-id')) for row in altered], [line.id])
        self.assertIn('Tidak ada yang dikerjakan.', text_of(altered[0]))

    def test_running_and_rejected_tickets(self):
        running = self.ticket_in('analysis')
        rows = self.journal_rows(self.render(self.ticket_report, running.ids))
        self.assertEqual(len(rows), 3)
        last = text_of(rows[-1])
        self.assertIn('Running', last)
        self.assertIn('not sealed yet', last)

        rejected = self.ticket_in('rejected')
        text = text_of(self.render(self.ticket_report, rejected.ids))
        self.assertIn('Reason for Closing', text)
        self.assertIn('Bukan layanan Diskominfo.', text)
        self.assertIn('Journal intact', text)

    def test_reporter_prints_own_record_and_others_cannot(self):
        # The portal user is of the reporter's unit; the record shows the journal,
        # the service and the officer although the portal cannot read them all.
        self.service_x.portal_published = False
        text = text_of(self.render(self.ticket_report, self.ticket.ids, self.portal))
        self.assertIn(self.ticket.number, text)
        self.assertIn('Sub Domain Uji', text)
        self.assertIn('by Portal', text)
        self.assertIn('Journal intact', text)
        with self.assertRaises(AccessError):
            self.render(self.ticket_report, self.ticket.ids, self.requester_b)
        with self.assertRaises(AccessError):
            self.render(self.ticket_report, self.ticket.ids, self.internal)

    # --- the SOP table ------------------------------------------------------------

    def sop_rows(self, root):
        return root.xpath('//tr[contains(concat(" ", @class, " "), " tik_sop_step ")]')

    def test_sop_document(self):
        root = self.render(self.sop_report, self.sop.ids, self.head)
        text = text_of(root)
        for value in ('Pengelolaan Layanan TIK', '060/020/406.020/2023', '6 Januari 2023',
                      'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TRENGGALEK',
                      'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
                      'Memiliki kemampuan interpersonal yang baik.',
                      'Software Pengolah Kata', 'Mencatat identitas pelanggan/unit;',
                      'Activity (Kegiatan)', 'Actors (Pelaksana)',
                      'Quality standard (Mutu Baku)', 'UU ITE'):
            self.assertIn(value, text)
        self.assertNotIn('DRAFT', text)
        actors = [key for key, _label in
                  self.env['tik.sop.step']._fields['actor'].selection]
        headers = root.xpath('//table[contains(@class, "tik_procedure")]'
                             '//th[contains(@class, "tik_actor")]')
        self.assertEqual([text_of(th) for th in headers],
                         ['Requester (Pengguna)', 'Helpdesk', 'Division Head (Kabid)',
                          'Officer (Pejabat Fungsional/Pelaksana)', 'Agency Head (Kadin)'])
        rows = self.sop_rows(root)
        self.assertEqual(len(rows), 7)
        expected_days = [1, 1, 1, 3, 1, 1, 1]
        for row, step, days in zip(rows, self.sop_steps, expected_days):
            cells = [text_of(cell) for cell in row.xpath('./td')]
            self.assertEqual(cells[0], str(step.sequence))
            self.assertEqual(cells[1], step.name)
            self.assertEqual(row.get('data-actor'), step.actor)
            self.assertIn(step.actor, actors)
            self.assertEqual(cells[2], '%d working day%s' % (days, 's' if days > 1 else ''))
            self.assertEqual(cells[3], step.output or '')
        self.assertIn('Does not fit: the ticket is closed.', text_of(rows[2]))
        self.assertEqual([int(row.get('data-sequence')) for row in rows], list(range(1, 8)))
        self.assertIn('Total 9 working days', text)
        # The flow: START, seven symbols (a diamond at step 3), END, connectors.
        svg = root.xpath('//td[contains(@class, "tik_flow")]/*[local-name()="svg"]')
        self.assertEqual(len(svg), 1)
        svg_text = lxml.html.tostring(svg[0]).decode()
        self.assertIn('START', svg_text)
        self.assertIn('END', svg_text)
        self.assertEqual(svg_text.count('<rect'), 2 + 6)
        self.assertEqual(svg_text.count('<polyline'), 8 + 1)

    def test_sop_printed_from_any_step_is_the_whole_document(self):
        step_report = self.env.ref('tik_service_mgmt.action_report_sop_step')
        step_4 = self.env.ref('tik_service_mgmt.sop_step_4')
        for report, ids in ((step_report, step_4.ids), (self.sop_report, []),
                            (step_report, [])):
            root = self.render(report, ids, self.manager)
            self.assertEqual([int(row.get('data-sequence')) for row in self.sop_rows(root)],
                             list(range(1, 8)))
            self.assertIn('060/020/406.020/2023', text_of(root))

    def test_sop_is_printed_by_the_head_and_the_manager(self):
        for user in (self.requester, self.helpdesk, self.kabid, self.portal):
            with self.assertRaises(AccessError):
                self.render(self.sop_report, self.sop.ids, user)

    # --- real PDF -------------------------------------------------------------------

    def test_reports_render_as_pdf(self):
        # Odoo's test mode renders HTML instead of PDF unless a report directory is
        # set. wkhtmltopdf would fetch the style sheets from report.url, but the test
        # server cannot answer: during install it waits for the registry being loaded
        # (deadlock), and the asset bundles live in this uncommitted transaction. Point
        # it at a closed port: the page renders without styles, the PDF is complete.
        self.env['ir.config_parameter'].set_param('report.url', 'http://127.0.0.1:9')
        with tempfile.TemporaryDirectory() as folder, \
                mock.patch.dict(config.options, {'test_report_directory': folder}):
            for report, ids in ((self.ticket_report, self.ticket.ids),
                                (self.sop_report, []),
                                (self.ticket_report, (self.ticket | self.ticket_in(
                                    'new')).ids)):
                pdf, kind = report.render_qweb_pdf(ids)
                self.assertEqual(kind, 'pdf')
                self.assertTrue(pdf.startswith(b'%PDF'), pdf[:100])
                # A4 landscape (tik_service_mgmt.paperformat_tik_landscape).
                box = PdfFileReader(io.BytesIO(pdf)).getPage(0).mediaBox
                self.assertEqual((round(box.getWidth()), round(box.getHeight())),
                                 (842, 595))
                # Each document is numbered on its own.
                reader = PdfFileReader(io.BytesIO(pdf))
                footers = [reader.getPage(i).extractText()
                           for i in range(reader.getNumPages())]
                self.assertIn('Page 1 of', footers[0])
                firsts = sum('Page 1 of' in footer for footer in footers)
                self.assertEqual(firsts, len(ids) or 1)
                self.assertIn('Page %d of %d' % (len(footers), len(footers)) if firsts == 1
                              else 'Page', footers[-1])
