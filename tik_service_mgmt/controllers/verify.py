# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public page a printed Ticket Record's QR code opens: anyone, without logging in,
learns whether the printout is the journal the service desk sealed. It shows the
number, the filing and closing dates, the SOP number, the verdict and the seal of the
record's last day; nothing about the reporter or the request."""
from odoo import http
from odoo.http import request

from ..models.utils import RECORD_LANG


class TikVerify(http.Controller):

    @http.route('/tik/verify/<path:number>', type='http', auth='public', methods=['GET'],
                csrf=False, sitemap=False)
    def verify(self, number, hash=None, **_kwargs):  # pylint: disable=redefined-builtin
        if '\x00' in number or '\x00' in (hash or ''):
            return request.not_found()
        env = request.env
        lang = RECORD_LANG if env['res.lang'].sudo().search_count(
            [('code', '=', RECORD_LANG)]) else 'en_US'
        seals = env['tik.journal.seal'].sudo().with_context(lang=lang)
        result = seals.verify(number[:64], (hash or '')[:128])
        ticket = result['ticket'].with_context(lang=lang)
        report = env['report.tik_service_mgmt.report_ticket'].with_context(lang=lang)
        filed = ticket.step_ids.sorted('position')[:1].date_start if ticket else False
        values = {
            'number': number[:64], 'printed_head': (hash or '')[:128],
            'verdict': result['verdict'], 'reason': result['reason'],
            'ticket': ticket, 'seal': result['seal'],
            'filed': report._id_datetime(filed), 'ended': report._id_datetime(
                ticket.date_closed) if ticket else '',
            'sop_number': ticket.sop_id.number if ticket else '',
            'sealed_on': report._id_date(result['seal'].day) if result['seal'] else '',
        }
        html = env['ir.ui.view'].sudo().with_context(lang=lang).render_template(
            'tik_service_mgmt.verify_page', values)
        return request.make_response(html, headers=[
            ('Content-Type', 'text/html; charset=utf-8'), ('Cache-Control', 'no-store'),
            ('X-Robots-Tag', 'noindex')])
