# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every window of the app says, when it has nothing to show, what it holds and how
things get there, in Indonesian."""
from odoo.tests.common import TransactionCase


class TestEmptyStates(TransactionCase):

    def test_every_window_action_has_an_indonesian_help(self):
        self.env['res.lang'].load_lang('id_ID')
        data = self.env['ir.model.data'].search([
            ('module', '=', 'tik_service_mgmt'), ('model', '=', 'ir.actions.act_window')])
        actions = self.env['ir.actions.act_window'].with_context(lang='id_ID').browse(
            data.mapped('res_id'))
        self.assertGreater(len(actions), 10)
        self.assertEqual(sorted(action.name for action in actions if not action.help), [])
        english = self.env['ir.actions.act_window'].with_context(lang='en_US').browse(
            actions.ids)
        untranslated = [action.name for action, source in zip(actions, english)
                        if action.help == source.help]
        self.assertEqual(untranslated, [])
