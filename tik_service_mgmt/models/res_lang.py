# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Indonesian times are read to the minute ("14:30"): a deadline or a journal time with
# seconds is noise on every screen, list and kanban card.
SHORT_TIMES = {'id_ID': '%H:%M'}


class ResLang(models.Model):
    _inherit = 'res.lang'

    @api.model
    def load_lang(self, lang, lang_name=None):
        result = super(ResLang, self).load_lang(lang, lang_name=lang_name)
        self._tik_short_times()
        return result

    @api.model
    def _tik_short_times(self):
        for code, time_format in SHORT_TIMES.items():
            self.with_context(active_test=False).search([
                ('code', '=', code), ('time_format', 'like', '%S'),
            ]).write({'time_format': time_format})
