# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The control of the checks: a document whose mail goes through Odoo's own methods (a
contact) passes them, with the same OCA addons installed. What fails on tickets is the
service desk's doing, not the probe's nor the addons'."""
from .common import RESTRICT_PARAM, CoexistenceCase


class TestProbeControl(CoexistenceCase):

    @classmethod
    def setup_data(cls):
        result = super(TestProbeControl, cls).setup_data()
        cls.document = cls.env['res.partner'].create({'name': 'Dokumen Kontrol'})
        cls.outsider = cls.env['res.partner'].create(
            {'name': 'Warga Kontrol', 'email': 'warga@kontrol.uji.go.id'})
        cls.env['ir.config_parameter'].sudo().set_param(
            'mail_restrict_follower_selection.domain.res.partner', '[]')
        return result

    def todo_for(self, user):
        return self.env['mail.activity'].create({
            'res_model_id': self.env['ir.model']._get('res.partner').id,
            'res_id': self.document.id, 'activity_type_id': self.todo_type.id,
            'summary': 'Kontrol', 'user_id': user.id})

    def test_odoos_own_mail_methods_pass(self):
        document = self.document.with_context(mail_notify_force_send=False)
        with self.through_the_orm('message_subscribe'):
            document.message_subscribe(partner_ids=[self.outsider.id])
        with self.through_the_orm('message_post'):
            document.message_post(
                body='Pesan kontrol.', message_type='comment', subtype='mail.mt_comment',
                partner_ids=[self.requester.partner_id.id])
        posted = document.message_ids[0]
        self.assertTrue(self.env['mail.notification'].sudo().search(
            [('mail_message_id', '=', posted.id)]).filtered('is_email'))
        self.assertTrue(self.env['mail.mail'].sudo().search(
            [('mail_message_id', '=', posted.id)]))
        with self.through_the_orm('mail.activity create, write and action_feedback'):
            todo = self.todo_for(self.helpdesk)
            todo.write({'user_id': self.kabid.id})
            todo.action_feedback('Selesai.')
        self.assertIn(self.kabid.partner_id, document.message_partner_ids)

    def test_action_feedback_keeps_the_activity_done(self):
        todo = self.todo_for(self.kabid)
        todo.action_feedback('Selesai.')
        self.assertTrue(todo.exists())
        self.assertEqual((todo.done, todo.state), (True, 'done'))
        self.assertEqual(self.document.message_ids[0].subtype_id,
                         self.env.ref('mail.mt_activities'))

    def test_a_new_activity_gets_its_creators_team(self):
        team = self.env['mail.activity.team'].create({
            'name': 'Kontrol', 'member_ids': [(6, 0, (
                self.kabid | self.env.ref('base.user_root')).ids)]})
        self.assertEqual(self.todo_for(self.kabid).team_id, team)

    def test_the_restriction_applies_to_an_activitys_user(self):
        self.env['ir.config_parameter'].sudo().set_param(
            RESTRICT_PARAM.replace('tik.ticket', 'res.partner'),
            "[('id', '!=', %d)]" % self.kabid.partner_id.id)
        self.todo_for(self.kabid)
        self.todo_for(self.head)
        followers = self.document.message_partner_ids
        self.assertNotIn(self.kabid.partner_id, followers)
        self.assertIn(self.head.partner_id, followers)

    def test_the_audit_log_sees_an_activitys_user(self):
        rule = self.env['auditlog.rule'].create({
            'name': 'Kontrol', 'model_id': self.env['ir.model']._get('mail.activity').id,
            'log_create': True, 'log_write': True, 'log_unlink': True,
            'log_type': 'full'})
        rule.subscribe()
        try:
            todo = self.todo_for(self.helpdesk)
            todo.write({'user_id': self.kabid.id})
            logs = self.env['auditlog.log'].search(
                [('model_id', '=', rule.model_id.id), ('res_id', '=', todo.id)], order='id')
            self.assertEqual(logs.mapped('method'), ['create', 'write'])
            self.assertTrue(all(log.line_ids.filtered(
                lambda line: line.field_id.name == 'user_id') for log in logs))
        finally:
            rule.unsubscribe()
