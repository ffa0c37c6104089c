# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What another addon adds to Odoo's mail models: a field with a default, which only
a row created through the model's `create()` receives, a `create()` override that
sets it too, and a `write()` override, which counts its calls in `probe_writes`.

A row inserted in SQL has no `probe` (NULL); a row changed in SQL keeps its count.

Odoo 11 gives no defaults to the records of models without log columns
(`_log_access = False`: mail.followers, mail.notification; see
BaseModel._add_missing_default_values): for those, an addon sees a new row in its
`create()` override only.
"""
from odoo import api, fields, models


class MailProbe(models.AbstractModel):
    _name = 'tik.mail.probe'
    _description = 'Mail Probe'

    probe = fields.Boolean(default=True, copy=False)
    probe_writes = fields.Integer(default=0, copy=False)

    @api.model
    def create(self, vals):
        if 'probe' not in vals:
            vals = dict(vals, probe=True)
        return super(MailProbe, self).create(vals)

    @api.multi
    def write(self, vals):
        result = super(MailProbe, self).write(vals)
        if self.ids:
            # Counted in the probe's own column, by SQL: a count through write()
            # would be another write for the other addons (an audit log line, a
            # notification) and count itself.
            self.env.cr.execute(
                'UPDATE "%s" SET probe_writes = COALESCE(probe_writes, 0) + 1 '
                'WHERE id IN %%s' % self._table,  # pylint: disable=sql-injection
                [tuple(self.ids)])
            self.invalidate_cache(['probe_writes'], self.ids)
        return result


class MailMessage(models.Model):
    _name = 'mail.message'
    _inherit = ['mail.message', 'tik.mail.probe']


class MailNotification(models.Model):
    _name = 'mail.notification'
    _inherit = ['mail.notification', 'tik.mail.probe']


class MailActivity(models.Model):
    _name = 'mail.activity'
    _inherit = ['mail.activity', 'tik.mail.probe']


class MailFollowers(models.Model):
    _name = 'mail.followers'
    _inherit = ['mail.followers', 'tik.mail.probe']


class MailMail(models.Model):
    _name = 'mail.mail'
    _inherit = ['mail.mail', 'tik.mail.probe']
