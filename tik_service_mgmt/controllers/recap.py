# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The monthly recap as a spreadsheet: /tik/recap/<YYYY-MM>.xlsx (agency head and
service manager), the same figures as the printed recap (tik.recap.recap)."""
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from ..models.tik_recap import month_of
from ..models.utils import RECORD_LANG


class TikRecapController(http.Controller):

    @http.route(['/tik/recap/<string:month>.xlsx'], type='http', auth='user')
    def tik_recap_xlsx(self, month, **kw):
        if not month_of(month):
            raise NotFound()
        recap = request.env['tik.recap'].with_context(lang=RECORD_LANG)
        try:
            figures = recap.recap(month)
        except AccessError:
            raise Forbidden()
        content = recap._workbook(figures)
        return request.make_response(content, headers=[
            ('Content-Type',
             'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
            ('Content-Disposition',
             'attachment; filename="Rekap-Layanan-TIK-%s.xlsx"' % month),
            ('Content-Length', len(content))])
