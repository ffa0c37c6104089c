# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The service desk's actors and tickets (the addon's own test fixture), and what the
mail rows of tickets look like to addons that extend Odoo's mail models."""
from contextlib import contextmanager

from odoo import SUPERUSER_ID
from odoo.addons.tik_service_mgmt.tests import common as tik_common

TICKET = 'tik.ticket'
# mail_restrict_follower_selection: the domain a partner must match to follow a
# document of a model (else the addon's general one, which ships as customers only).
RESTRICT_PARAM = 'mail_restrict_follower_selection.domain.%s' % TICKET
# How many of the rows written around the ORM a failure lists.
MAX_SHOWN = 25


class CoexistenceCase(tik_common.TikCase):
    """The addon's actors and divisions, with the OCA addons installed beside it."""

    @classmethod
    def setup_data(cls):
        result = super(CoexistenceCase, cls).setup_data()
        # An agency restricting followers configures it per model; tickets keep
        # every follower unless a test restricts them.
        cls.env['ir.config_parameter'].sudo().set_param(RESTRICT_PARAM, '[]')
        cls.todo_type = cls.env.ref('mail.mail_activity_data_todo')
        return result

    # --- the mail rows -------------------------------------------------------------

    PROBED = ('mail.message', 'mail.notification', 'mail.mail', 'mail.followers',
              'mail.activity')

    def todos(self, tickets):
        """Every activity of `tickets`, done ones included, oldest first."""
        activities = self.env['mail.activity'].sudo()
        if 'active' in activities._fields:
            activities = activities.with_context(active_test=False)
        activities.invalidate_cache()
        return activities.search([('res_model', '=', TICKET),
                                  ('res_id', 'in', tickets.ids)], order='id')

    def open_todos(self, tickets):
        todos = self.todos(tickets)
        if 'done' in todos._fields:
            todos = todos.filtered(lambda todo: not todo.done)
        return todos

    def superuser_env(self):
        env = self.env(user=SUPERUSER_ID)
        env.cache.invalidate()
        return env

    def last_ids(self):
        """The last id of each probed model: what a path writes comes after."""
        env = self.superuser_env()
        last = {}
        for model in self.PROBED:
            records = env[model]
            if 'active' in records._fields:
                records = records.with_context(active_test=False)
            last[model] = records.search([], order='id desc', limit=1).id or 0
        return last

    def holders(self):
        """{activity: (user, write count)} of every activity there is."""
        env = self.superuser_env()
        activities = env['mail.activity']
        if 'active' in activities._fields:
            activities = activities.with_context(active_test=False)
        return {todo.id: (todo.user_id, todo.probe_writes) for todo in activities.search([])}

    @staticmethod
    def describe(record):
        if record._name == 'mail.message':
            return 'message %d (%s, %s, on %s)' % (
                record.id, record.message_type, record.subtype_id.name or '-',
                record.model or '-')
        if record._name == 'mail.notification':
            return 'notification %d of message %d for %s' % (
                record.id, record.mail_message_id.id, record.res_partner_id.name)
        if record._name == 'mail.mail':
            return 'e-mail %d (%s)' % (record.id, record.subject)
        if record._name == 'mail.followers':
            return 'follower %d of %s (%s)' % (record.id, record.res_model,
                                               record.partner_id.name)
        return 'activity %d of %s (%s, %s)' % (record.id, record.res_model,
                                               record.user_id.name, record.summary)

    def written_around(self, since, holders):
        """The rows written since the ids `since` (last_ids) and the activities moved
        since `holders` that did not go through the models' create() and write().

        Messages, e-mails, followers and activities carry the probe's mark (its
        default, or its create() for followers, which Odoo 11 gives no defaults). A
        notification, which Odoo 11 itself inserts through the message's
        `needaction_partner_ids`, hangs on a message whose write() made it; one sent by
        e-mail was marked so by mail.notification.write(). An activity given to another
        user was written by write()."""
        env = self.superuser_env()
        problems = []
        for model in self.PROBED:
            rows = env[model]
            if 'active' in rows._fields:
                rows = rows.with_context(active_test=False)
            rows = rows.search([('id', '>', since[model])], order='id')
            if model != 'mail.notification':
                problems += ['%s: not marked by the probe (created around create())'
                             % self.describe(row) for row in rows if not row.probe]
                continue
            for note in rows:
                if not note.mail_message_id.probe_writes:
                    problems.append('%s: not made by mail.message.write()'
                                    % self.describe(note))
                elif note.is_email and not note.probe_writes:
                    problems.append('%s: e-mailed, not marked by mail.notification.write()'
                                    % self.describe(note))
        activities = env['mail.activity'].browse(list(holders)).exists()
        for todo in activities:
            user, writes = holders[todo.id]
            if todo.user_id != user and todo.probe_writes <= writes:
                problems.append('%s: handed over from %s around mail.activity.write()'
                                % (self.describe(todo), user.name))
        return problems

    @contextmanager
    def through_the_orm(self, moment):
        """Checks that every mail row the block writes (on tickets or not: messages,
        their notifications and e-mails, followers, activities) went through Odoo's
        mail models, as other addons see them."""
        since, holders = self.last_ids(), self.holders()
        yield
        problems = self.written_around(since, holders)
        shown = problems[:MAX_SHOWN] + (['... and %d more' % (len(problems) - MAX_SHOWN)]
                                        if len(problems) > MAX_SHOWN else [])
        self.assertFalse(problems, 'At %s, %d mail rows written around the ORM:\n  %s' % (
            moment, len(problems), '\n  '.join(shown)))

    # --- walking tickets ----------------------------------------------------------

    def step(self, ticket, actor, values, action, watch=False, **kwargs):
        """`actor` does `action` (with `watch`, checked through_the_orm); returns the
        ticket as superuser."""
        if not watch:
            self.act(ticket, actor, values, action, **kwargs)
            return ticket.sudo()
        with self.through_the_orm(action):
            self.act(ticket, actor, values, action, **kwargs)
        return ticket.sudo()

    def walk(self, ticket, until='closed', watch=False, check=None):
        """Walks `ticket` from its state along the happy path up to state `until`;
        `check(action)` after each step."""
        sources = ['new'] + [target for target, _a, _v, _x in tik_common.PATH[:-1]]
        for source, (target, actor, values, action) in zip(sources, tik_common.PATH):
            if ticket.state == until:
                break
            if ticket.state != source:
                continue
            self.step(ticket, actor, values and values(self), action, watch=watch)
            self.assertEqual(ticket.state, target)
            if check:
                check(action)
        return ticket.sudo()
