# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The daily seal: the heads of the day's journals in one digest chained day to day,
mailed outside the server, and what it catches: a journal rewritten with its hashes
recomputed, a seal rewritten."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import convert_file

from ..lib import journal
from ..models.authority import as_workflow
from ..models.ir_actions_report import own_server_url
from ..report.tik_ticket_report import CONTENT_FIELDS
from .common import TikCase


def rewrite(case, ticket, position, note):
    """What someone with database access does: change a line and recompute every
    hash after it, and the ticket's head, so that the chain verifies again."""
    case.env.cr.execute('UPDATE tik_ticket_step SET note = %s WHERE ticket_id = %s '
                        'AND position = %s', (note, ticket.id, position))
    case.env.cache.invalidate()
    head = ''
    for line in ticket.step_ids.filtered('hash').sorted('position'):
        head = journal.chain_hash(head, line._content())
        case.env.cr.execute('UPDATE tik_ticket_step SET hash = %s WHERE id = %s',
                            (head, line.id))
    case.env.cr.execute('UPDATE tik_ticket SET journal_head = %s WHERE id = %s',
                        (head, ticket.id))
    case.env.cache.invalidate()
    return head


class TestJournalSeal(TikCase):

    @classmethod
    def setup_data(cls):
        cls.Seal = cls.env['tik.journal.seal']
        cls.today = cls.Seal._local_day(fields.Datetime.now())
        # Seals of the database's own history up to yesterday, so that the tests
        # seal today only.
        cls.Seal._seal_until(cls.today - timedelta(days=1))
        cls.env['ir.config_parameter'].set_param(
            'tik_service_mgmt.seal_email', 'segel@arsip.trenggalekkab.go.id')
        cls.closed = cls.ticket_in('closed')
        cls.running = cls.ticket_in('analysis')

    def seal_today(self):
        return self.Seal._seal_until(self.today)

    def test_the_day_is_sealed_chained_and_mailed(self):
        previous = self.Seal.search([], order='day desc', limit=1)
        seal = self.seal_today()
        self.assertEqual(len(seal), 1)
        self.assertEqual(seal.day, fields.Date.to_string(self.today))
        self.assertEqual(seal.previous or False, previous.digest or False)
        heads = {line.ticket_id: (line.journal_length, line.journal_head)
                 for line in seal.line_ids}
        self.assertEqual(heads[self.closed], (7, self.closed.journal_head))
        self.assertEqual(heads[self.running], (2, self.running.journal_head))
        self.assertEqual(seal.heads_count, len(seal.line_ids))
        self.assertEqual(seal.digest, journal.seal_digest(
            previous.digest or '', seal.day,
            [(l.number, l.journal_length, l.journal_head) for l in seal.line_ids]))
        self.assertEqual(self.Seal.check_chain(), (False, ''))
        mail = self.env['mail.mail'].search([('email_to', '=',
                                              'segel@arsip.trenggalekkab.go.id')])
        self.assertEqual(len(mail), 1)
        self.assertIn(seal.digest, mail.body_html)
        self.assertIn(self.closed.number, mail.body_html)
        self.assertIn('Segel', mail.subject)
        # A day is sealed once; the next call seals nothing.
        self.assertFalse(self.seal_today())
        self.assertEqual(self.Seal.for_month(seal.day[:7])[-1:], seal)
        self.assertEqual(self.Seal.of_ticket(self.closed), seal)

    def test_a_recomputed_chain_disagrees_with_its_seal(self):
        self.seal_today()
        rewrite(self, self.closed, 4, 'Tidak ada yang dikerjakan.')
        verdict = self.closed.check_journal()[0]
        self.assertFalse(verdict['intact'])
        self.assertIn('disegel', verdict['reason'] + ' ' +
                      self.closed.with_context(lang='id_ID').check_journal()[0]['reason'])
        self.assertEqual(self.Seal.verify(self.closed.number,
                                          self.closed.journal_head)['verdict'], 'altered')
        # Without the seal the rewrite would pass: the seal is what catches it.
        self.assertTrue(self.running.check_journal()[0]['intact'])

    def test_a_rewritten_seal_breaks_the_chain_of_seals(self):
        seal = self.seal_today()
        self.env.cr.execute('UPDATE tik_journal_seal_line SET journal_head = %s '
                            'WHERE seal_id = %s AND ticket_id = %s',
                            ('0' * 64, seal.id, self.closed.id))
        self.env.cache.invalidate()
        broken, reason = self.Seal.check_chain()
        self.assertEqual(broken, seal)
        self.assertTrue(reason)
        self.assertEqual(self.Seal.verify(self.running.number,
                                          self.running.journal_head)['verdict'], 'altered')

    def test_nobody_writes_a_seal(self):
        seal = self.seal_today()
        for user in (self.manager, self.head):
            with self.assertRaises((AccessError, UserError)):
                seal.sudo(user).write({'digest': 'x'})
            with self.assertRaises((AccessError, UserError)):
                seal.sudo(user).unlink()
            with self.assertRaises((AccessError, UserError)):
                self.Seal.sudo(user).create({'day': '2020-01-01', 'digest': 'x'})
        with self.assertRaises(UserError):
            seal.sudo().write({'digest': 'x'})
        with self.assertRaises(UserError):
            seal.line_ids[:1].sudo().write({'journal_head': 'x'})
        with self.assertRaises(UserError):
            as_workflow(seal.line_ids[:1]).write({'journal_head': 'x'})
        self.assertTrue(seal.sudo(self.head).read(['digest']))
        with self.assertRaises(AccessError):
            seal.sudo(self.requester).read(['digest'])

    def test_the_manager_names_the_mailbox(self):
        Mailbox = self.env['tik.journal.seal.mailbox']
        Mailbox.sudo(self.manager).create({'email': 'arsip@kominfo.go.id'}).action_save()
        self.assertEqual(self.env['ir.config_parameter'].get_param(
            'tik_service_mgmt.seal_email'), 'arsip@kominfo.go.id')
        with self.assertRaises(UserError):
            Mailbox.sudo(self.manager).create({'email': 'bukan alamat'}).action_save()
        with self.assertRaises(AccessError):
            Mailbox.sudo(self.head).create({'email': 'x@y.id'}).action_save()
        self.assertEqual(self.env['ir.config_parameter'].get_param(
            'tik_service_mgmt.seal_email'), 'arsip@kominfo.go.id')

    def test_only_the_manager_reads_the_mailbox(self):
        self.env['ir.config_parameter'].set_param('tik_service_mgmt.seal_email',
                                                  'arsip.rahasia@kominfo.go.id')
        Mailbox = self.env['tik.journal.seal.mailbox']
        for user in (self.portal, self.requester, self.helpdesk, self.head, self.officer):
            self.assertFalse(Mailbox.sudo(user).default_get(['email']).get('email'),
                             user.login)
            self.assertFalse(Mailbox.sudo(user).create({}).email, user.login)
        self.assertEqual(Mailbox.sudo(self.manager).default_get(['email'])['email'],
                         'arsip.rahasia@kominfo.go.id')

    def test_verdicts(self):
        Seal = self.Seal
        head = self.closed.journal_head
        self.assertEqual(Seal.verify(self.closed.number, head)['verdict'], 'intact')
        self.assertEqual(Seal.verify(self.closed.number, head.upper())['verdict'], 'intact')
        self.assertEqual(Seal.verify(self.closed.number, 'f' * 64)['verdict'], 'mismatch')
        earlier = self.closed.step_ids.sorted('position')[2].hash
        answer = Seal.verify(self.closed.number, earlier)
        self.assertEqual(answer['verdict'], 'mismatch')
        self.assertIn('3', answer['reason'])
        self.assertEqual(Seal.verify('TIK/1999/99999', head)['verdict'], 'unknown')
        self.assertEqual(Seal.verify('', head)['verdict'], 'unknown')
        self.env.cr.execute('UPDATE tik_ticket_step SET note = %s WHERE ticket_id = %s '
                            'AND position = 2', ('Diubah.', self.closed.id))
        self.env.cache.invalidate()
        self.assertEqual(Seal.verify(self.closed.number, head)['verdict'], 'altered')

    def test_the_record_names_the_hashed_values_as_the_line_does(self):
        line = self.closed.step_ids[:1]
        self.assertEqual({key for key, _name in CONTENT_FIELDS}, set(line._content()))
        for _key, name in CONTENT_FIELDS:
            self.assertIn(name, line._fields)


class TestReportUrl(TikCase):

    def test_reports_fetch_their_styles_from_this_server(self):
        """web.base.url is Odoo's default until an administrator logs in, and then the
        browser's address: the install set report.url, where wkhtmltopdf fetches the
        printouts' style sheets, to this server's own address. What an administrator
        sets is what every app of the database reads, empty included."""
        params = self.env['ir.config_parameter']
        stored = params.search([('key', '=', 'report.url')])
        self.assertRegex(stored.value or '', r'^http://[0-9.]+:\d+$')
        self.assertRegex(own_server_url(), r'^http://[0-9.]+:\d+$')
        params.set_param('web.base.url', 'http://localhost:8069')
        # An empty report.url reads empty...
        params.set_param('report.url', False)
        self.assertIs(params.get_param('report.url'), False)
        self.assertEqual(params.get_param('report.url', 'unset'), 'unset')
        # ...until the addon's data, at install or update, sets this server's address...
        self.load_report_url_data()
        self.assertEqual(params.get_param('report.url'), own_server_url())
        # ...never over one an administrator set.
        params.set_param('report.url', 'http://10.0.0.5:8069')
        self.load_report_url_data()
        self.assertEqual(params.get_param('report.url'), 'http://10.0.0.5:8069')

    def load_report_url_data(self):
        convert_file(self.env.cr, 'tik_service_mgmt', 'data/ir_config_parameter_data.xml',
                     {}, 'update', False, 'data')
