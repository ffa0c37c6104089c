# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The migrations carry their own copy of the logic they need: what they compute still
matches the addon's code of today, on the tickets of this database and a few walked
here."""
import importlib.util
import os

from odoo.modules.module import get_module_path

from .common import TikCase


def migration(version, name):
    path = os.path.join(get_module_path('tik_service_mgmt'), 'migrations', version, name)
    spec = importlib.util.spec_from_file_location(
        'tik_migration_%s' % version.replace('.', '_'), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestMigrations(TikCase):

    @classmethod
    def setup_data(cls):
        cls.tickets = cls.ticket_in('closed') | cls.ticket_in('rejected') | \
            cls.ticket_in('in_progress')
        cls.act(cls.ticket_in('verification'), 'kabid', None, 'request_rework',
                reason='Laporan belum lengkap.')

    def journals(self):
        """Every journal a database of 11.0.1.0.0 could hold: none with a wait (the
        demo's waiting ticket came with 11.0.1.4.0)."""
        self.env.cr.execute('SELECT id, position, hash FROM tik_ticket_step WHERE '
                            'ticket_id NOT IN %s ORDER BY id', (self.waited(),))
        lines = self.env.cr.fetchall()
        self.env.cr.execute('SELECT id, journal_head, journal_length FROM tik_ticket '
                            'WHERE id NOT IN %s ORDER BY id', (self.waited(),))
        return lines, self.env.cr.fetchall()

    def waited(self):
        self.env.cr.execute('SELECT ticket_id FROM tik_ticket_step WHERE event IS NOT NULL')
        return tuple(row[0] for row in self.env.cr.fetchall()) or (0,)

    def test_resealing_content_is_the_journals_content_of_today(self):
        frozen = migration('11.0.1.1.0', 'post-migration.py')
        lines = self.env['tik.ticket.step'].search(
            [('hash', '!=', False), ('ticket_id', 'not in', self.waited())])
        self.assertGreater(len(lines), 20)
        for line in lines:
            self.env.cr.execute(frozen.LINES, (line.ticket_id.id,))
            columns = [column[0] for column in self.env.cr.description]
            row = next(dict(zip(columns, values)) for values in self.env.cr.fetchall()
                       if values[0] == line.id)
            self.assertEqual(frozen.line_content(row, line.position), line._content())

    def test_resealing_gives_every_journal_back_as_the_workflow_sealed_it(self):
        frozen = migration('11.0.1.1.0', 'post-migration.py')
        before = self.journals()
        # As 11.0.1.0.0 left them: places not numbered, hashes of another content, no head.
        self.env.cr.execute("UPDATE tik_ticket_step SET position = 0, "
                            "hash = CASE WHEN hash IS NULL THEN NULL ELSE 'old' END "
                            "WHERE ticket_id IN %s", (tuple(self.tickets.ids),))
        self.env.cr.execute('UPDATE tik_ticket SET journal_head = NULL, journal_length = 0 '
                            'WHERE id IN %s', (tuple(self.tickets.ids),))
        frozen.migrate(self.env.cr, '11.0.1.0.0')
        self.assertEqual(self.journals(), before)
        self.tickets.invalidate_cache()
        self.assertTrue(all(result['intact'] for result in self.tickets.check_journal()))

    def test_noupdate_marks_the_notices_and_the_alias(self):
        frozen = migration('11.0.1.4.0', 'post-noupdate.py')
        data = self.env['ir.model.data'].search(
            [('module', '=', 'tik_service_mgmt'), ('name', 'in', frozen.NAMES)])
        self.assertEqual(len(data), len(frozen.NAMES))
        data.write({'noupdate': False})
        frozen.migrate(self.env.cr, '11.0.1.3.0')
        data.invalidate_cache()
        self.assertTrue(all(data.mapped('noupdate')))
