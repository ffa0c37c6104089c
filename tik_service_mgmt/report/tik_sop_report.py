# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..lib import idformat, workflow
from ..lib.sop_flow import COLUMN, STEP_ROW, TERMINAL_ROW, flow_svg

# The steps where the SOP decides (a "no" ends the ticket): step 3, from the workflow.
DECISION_STEPS = {workflow.STATE_STEP[t.state] for t in workflow.TRANSITIONS.values()
                  if t.target == 'rejected'}
PRINTERS = ('tik_service_mgmt.group_head', 'tik_service_mgmt.group_manager')


def _items(text):
    """A block's text as [(item, [points])]: one item a line, a line starting with
    "-" a point of the item above it."""
    items = []
    for raw in (text or '').splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith('-') and items and len(line) > 1:
            items[-1][1].append(line[1:].strip())
        else:
            items.append((line, []))
    return items


def _id_date(value):
    """A stored date as Indonesian documents write it (6 Januari 2023), '-' if none."""
    return idformat.long_date(fields.Date.from_string(value)) if value else '-'


class ReportTikSop(models.AbstractModel):
    """Values of the SOP printout (`tik_service_mgmt.action_report_sop`): whole
    documents (tik.sop), each with all its steps, in the PermenPAN-RB 35/2012 layout."""

    _name = 'report.tik_service_mgmt.report_sop'
    _description = 'SOP Document Report'

    @api.model
    def get_report_values(self, docids, data=None):
        sops = self.env['tik.sop'].browse(docids) if docids else \
            self.env['tik.sop'].in_force()
        return self._values(sops)

    def _values(self, sops):
        user = self.env.user
        if not (self.env.uid == 1 or any(user.has_group(g) for g in PRINTERS)):
            raise AccessError(_('The SOP is printed by the agency head and the service '
                                'manager.'))
        sops = sops.sudo()
        actors = self.env['tik.sop.step']._fields['actor']._description_selection(
            self.env)
        keys = [key for key, _label in actors]
        documents = {}
        for sop in sops:
            steps = sop.step_ids.filtered('active').sorted(lambda s: (s.sequence, s.id))
            documents[sop.id] = {
                'steps': steps,
                'total_days': sum(steps.mapped('duration_days')),
                'flow': flow_svg(
                    len(keys), [(keys.index(s.actor), s.sequence in DECISION_STEPS)
                                for s in steps],
                    'START', 'END', _('Fits'), _('Does not fit')),
                'decision': {s.id: s.sequence in DECISION_STEPS for s in steps},
            }
        return {
            'doc_ids': sops.ids,
            'doc_model': 'tik.sop',
            'docs': sops,
            'documents': documents,
            'actors': actors,
            'items': _items,
            'id_date': _id_date,
            'column_px': COLUMN,
            'step_row_px': STEP_ROW,
            'terminal_row_px': TERMINAL_ROW,
        }


class ReportTikSopStep(models.AbstractModel):
    """The SOP printed from its steps: each step's document, whole."""

    _name = 'report.tik_service_mgmt.report_sop_step'
    _description = 'SOP Document Report (from steps)'

    @api.model
    def get_report_values(self, docids, data=None):
        steps = self.env['tik.sop.step'].browse(docids)
        sops = steps.sudo().mapped('sop_id') if docids else self.env['tik.sop'].in_force()
        return self.env['report.tik_service_mgmt.report_sop']._values(
            self.env['tik.sop'].browse(sops.ids))
