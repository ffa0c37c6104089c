# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA auditlog: a rule on a model logs every create, write and unlink made through
the ORM, with the values before and after (full log)."""
import ast

from .common import TICKET, CoexistenceCase


def value(text):
    """A value as auditlog stores it (its Python representation)."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def record_id(text):
    """The id of a many2one value as auditlog stores it: "(7, 'Name')"."""
    read = value(text)
    return read[0] if isinstance(read, (list, tuple)) and read else read


class TestAuditlog(CoexistenceCase):

    def setUp(self):
        super(TestAuditlog, self).setUp()
        models = self.env['ir.model']
        self.rules = self.env['auditlog.rule'].browse()
        for model in (TICKET, 'mail.activity'):
            self.rules |= self.rules.create({
                'name': 'Uji %s' % model, 'model_id': models._get(model).id,
                'log_create': True, 'log_write': True, 'log_unlink': True,
                'log_read': False, 'log_type': 'full'})
        self.rules.subscribe()

    def tearDown(self):
        # The rules patch the models' methods in the registry, which outlives the
        # test's rollback.
        self.rules.unsubscribe()
        super(TestAuditlog, self).tearDown()

    def logs(self, model, ids, method=None):
        domain = [('model_id', '=', self.env['ir.model']._get(model).id),
                  ('res_id', 'in', list(ids))]
        if method:
            domain.append(('method', '=', method))
        return self.env['auditlog.log'].sudo().search(domain, order='id')

    @staticmethod
    def line(log, name):
        return log.line_ids.filtered(lambda line: line.field_id.name == name)

    def test_each_transition_and_each_todo_is_logged(self):
        ticket = self.walk(self.file_ticket())
        # The ticket: its creation, then its state changed by each transition.
        self.assertEqual(len(self.logs(TICKET, ticket.ids, 'create')), 1)
        states = [value(self.line(log, 'state').new_value)
                  for log in self.logs(TICKET, ticket.ids, 'write')
                  if self.line(log, 'state')]
        self.assertEqual([state for state in states if state != 'new'], [
            'analysis', 'in_progress', 'verification', 'approval', 'approved', 'closed'])
        # The to-dos: each one given to its actor, created or handed over.
        creations = self.env['auditlog.log'].sudo().search([
            ('model_id', '=', self.env['ir.model']._get('mail.activity').id),
            ('method', '=', 'create')], order='id')
        created = creations.filtered(
            lambda log: value(self.line(log, 'res_model').new_value) == TICKET
            and value(self.line(log, 'res_id').new_value) == ticket.id)
        ids = set(created.mapped('res_id')) | set(self.todos(ticket).ids)
        given = [record_id(self.line(log, 'user_id').new_value)
                 for log in self.logs('mail.activity', ids)
                 if log.method in ('create', 'write') and self.line(log, 'user_id')]
        self.assertEqual(given, [self.helpdesk.id, self.kabid.id, self.officer.id,
                                 self.kabid.id, self.head.id, self.helpdesk.id])
