# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Printing the addon's documents over HTTP: a refused print is a 403, a malformed
address a 404.

Odoo 11's `/report/<converter>/<reportname>/<docids>` lets an AccessError raised while
the values are gathered escape as an internal server error (500), and turns ids that
are not numbers into one too. The ticket record checks who prints it; this controller
only gives the refusal the answer HTTP has for it, for the addon's own reports. Every
other report, whatever its converter (OCA `report_xlsx`'s `/report/xlsx/...` among
them), goes to Odoo's route as it came.
"""
import json

from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.addons.base.ir.ir_qweb.qweb import QWebException
from odoo.addons.web.controllers.main import ReportController
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

# The addon's reports: their names start with the module's.
OWN_PREFIX = 'tik_service_mgmt.'
# The converters the addon's reports print with.
CONVERTERS = ('html', 'pdf')
REFUSALS = (AccessError, MissingError)


def _docids_valid(docids):
    """Whether `docids` is a comma separated list of record ids."""
    return all(part.isdigit() for part in docids.split(','))


def _json_valid(data):
    """Whether the `options` and `context` the client sent are JSON objects."""
    for key in ('options', 'context'):
        if data.get(key):
            try:
                if not isinstance(json.loads(data[key]), dict):
                    return False
            except ValueError:
                return False
    return True


def is_own_report(reportname):
    """Whether `reportname` names one of the addon's reports."""
    return bool(reportname) and reportname.startswith(OWN_PREFIX)


class TikReportController(ReportController):

    @http.route([
        '/report/<converter>/<reportname>',
        '/report/<converter>/<reportname>/<docids>',
    ], type='http', auth='user', website=True)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        if not is_own_report(reportname):
            return super(TikReportController, self).report_routes(
                reportname, docids=docids, converter=converter, **data)
        if converter not in CONVERTERS or (docids and not _docids_valid(docids)):
            raise NotFound()
        if not _json_valid(data):
            raise BadRequest()
        if not request.env['ir.actions.report']._get_report_from_name(reportname):
            raise NotFound()
        try:
            return super(TikReportController, self).report_routes(
                reportname, docids=docids, converter=converter, **data)
        except REFUSALS:
            raise Forbidden()
        except QWebException as failure:
            # A record the template reads and the user may not: the same refusal.
            if isinstance(getattr(failure, 'error', None), REFUSALS):
                raise Forbidden()
            raise
