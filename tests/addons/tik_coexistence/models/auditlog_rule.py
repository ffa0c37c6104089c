# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AuditlogRule(models.Model):
    """OCA auditlog 11.0 logs a created record by reading every stored field as the
    user who created it: a field kept for some groups (`groups=`, such as the
    ticket's instruction, kept for the service desk's staff) would refuse the
    creation itself to everyone else. Its documented hook leaves out the fields the
    user may not read: what an agency running auditlog beside the addon sets too."""

    _inherit = 'auditlog.rule'

    def get_auditlog_fields(self, model):
        return [name for name in super(AuditlogRule, self).get_auditlog_fields(model)
                if not model._fields[name].groups
                or model.user_has_groups(model._fields[name].groups)]
