# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Followers and activities of a ticket are seen exactly where the ticket is."""
from odoo.exceptions import AccessError

from .common import TikCase


class TestSideRecords(TikCase):

    @classmethod
    def setup_data(cls):
        env = cls.env
        # Unit A, division X, assigned to the officer: the officer has its to-do.
        cls.own = cls.ticket_in('in_progress')
        # Unit B, waiting for the helpdesk (its to-do).
        cls.other_unit = cls.file_ticket(user=cls.requester_b).sudo()
        # Unit B, division Y: the other Kabid has its to-do.
        cls.division_y_ticket = cls.file_ticket(user=cls.requester_b)
        cls.act(cls.division_y_ticket, 'helpdesk', {'division_id': cls.division_y.id},
                'dispatch')
        cls.division_y_ticket = cls.division_y_ticket.sudo()
        cls.tickets = cls.own | cls.other_unit | cls.division_y_ticket
        # Every ticket has a follower and a to-do beyond the workflow's own.
        cls.witness = env['res.partner'].create({'name': 'Saksi Uji'})
        cls.tickets.message_subscribe(partner_ids=cls.witness.ids)
        todo = env.ref('mail.mail_activity_data_todo')
        for ticket in cls.tickets:
            env['mail.activity'].create({
                'res_model_id': env['ir.model']._get('tik.ticket').id,
                'res_id': ticket.id, 'user_id': cls.manager.id,
                'activity_type_id': todo.id, 'summary': 'Periksa %s' % ticket.number})
        # A document of another model, with a follower and an activity of its own.
        cls.contact = env['res.partner'].create({'name': 'Kontak Uji'})
        cls.contact.message_subscribe(partner_ids=cls.witness.ids)
        cls.contact_activity = env['mail.activity'].create({
            'res_model_id': env['ir.model']._get('res.partner').id,
            'res_id': cls.contact.id, 'user_id': cls.manager.id,
            'activity_type_id': todo.id, 'summary': 'Telepon kontak'})
        cls.visible = {
            'requester': cls.own, 'requester_b': cls.other_unit | cls.division_y_ticket,
            'portal': cls.own, 'helpdesk': cls.tickets, 'kabid': cls.own,
            'kabid_other': cls.division_y_ticket, 'officer': cls.own,
            'officer_other': cls.Ticket, 'head': cls.tickets, 'manager': cls.tickets,
            'internal': cls.Ticket,
        }
        cls.actors = dict(cls.actors, requester_b=cls.requester_b)

    def ticket_rows(self, model):
        return self.env[model].search(
            [('res_model', '=', 'tik.ticket'), ('res_id', 'in', self.tickets.ids)])

    def contact_rows(self, model):
        return self.env[model].search(
            [('res_model', '=', 'res.partner'), ('res_id', '=', self.contact.id)])

    def rows_domain(self):
        return ['|',
                '&', ('res_model', '=', 'tik.ticket'), ('res_id', 'in', self.tickets.ids),
                '&', ('res_model', '=', 'res.partner'), ('res_id', '=', self.contact.id)]

    def can_read(self, user, model):
        return self.env[model].sudo(user).check_access_rights('read', raise_exception=False)

    def test_setup_gives_every_ticket_followers_and_activities(self):
        for model in ('mail.followers', 'mail.activity'):
            self.assertEqual(set(self.ticket_rows(model).mapped('res_id')),
                             set(self.tickets.ids), model)
            self.assertTrue(self.contact_rows(model), model)

    def test_search_finds_only_rows_of_visible_tickets(self):
        for model in ('mail.followers', 'mail.activity'):
            rows = self.ticket_rows(model)
            for login, user in sorted(self.actors.items()):
                if not self.can_read(user, model):
                    continue  # portal users have no activities at all
                with self.subTest(model=model, actor=login):
                    as_user = self.env[model].sudo(user)
                    domain = [('id', 'in', rows.ids)]
                    expected = rows.filtered(lambda r: r.res_id in self.visible[login].ids)
                    found = as_user.search(domain)
                    self.assertEqual(found.ids, expected.ids)
                    self.assertEqual(as_user.search_count(domain), len(expected))
                    self.assertEqual(
                        sorted(r['id'] for r in as_user.search_read(domain, ['res_id'])),
                        sorted(expected.ids))
                    groups = as_user.read_group(domain, ['res_id'], ['res_id'])
                    self.assertEqual(
                        sorted(g['res_id'] for g in groups),
                        sorted(set(expected.mapped('res_id'))))

    def test_rows_of_hidden_tickets_cannot_be_read_by_id(self):
        for model, field in (('mail.followers', 'partner_id'), ('mail.activity', 'summary')):
            for login, user in sorted(self.actors.items()):
                if not self.can_read(user, model):
                    continue
                for row in self.ticket_rows(model):
                    with self.subTest(model=model, actor=login, ticket=row.res_id):
                        mine = row.sudo(user)
                        if row.res_id in self.visible[login].ids:
                            self.assertTrue(mine.read([field])[0][field])
                            self.assertTrue(mine[field])
                            continue
                        with self.assertRaises(AccessError) as refused:
                            mine.read([field])
                        self.assertIn('ticket', str(refused.exception.name))
                        with self.assertRaises(AccessError):
                            mine.invalidate_cache()
                            getattr(mine, field)

    def test_a_mixed_batch_is_refused_whole(self):
        rows = self.ticket_rows('mail.followers')
        with self.assertRaises(AccessError):
            rows.sudo(self.requester).read(['res_id'])

    def test_portal_users_have_no_activities(self):
        with self.assertRaises(AccessError):
            self.env['mail.activity'].sudo(self.portal).search([])

    def test_rows_of_other_models_are_untouched(self):
        for model in ('mail.followers', 'mail.activity'):
            rows = self.contact_rows(model)
            for login, user in sorted(self.actors.items()):
                if not self.can_read(user, model):
                    continue
                with self.subTest(model=model, actor=login):
                    as_user = self.env[model].sudo(user)
                    self.assertEqual(as_user.search([('id', 'in', rows.ids)]), rows)
                    self.assertEqual(as_user.search_count([('id', 'in', rows.ids)]),
                                     len(rows))
                    self.assertTrue(all(r['res_id'] == self.contact.id
                                        for r in rows.sudo(user).read(['res_id'])))

    def test_limit_and_offset_count_only_visible_rows(self):
        for model in ('mail.followers', 'mail.activity'):
            as_user = self.env[model].sudo(self.requester_b)
            everything = as_user.search(self.rows_domain(), order='id')
            expected = (self.ticket_rows(model).filtered(
                lambda r: r.res_id in self.visible['requester_b'].ids)
                | self.contact_rows(model)).sorted('id')
            self.assertEqual(everything.ids, expected.ids, model)
            for offset in range(len(everything) + 1):
                with self.subTest(model=model, offset=offset):
                    page = as_user.search(self.rows_domain(), order='id', offset=offset,
                                          limit=2)
                    self.assertEqual(page.ids, everything.ids[offset:offset + 2])

    def test_the_chatter_of_a_visible_ticket_keeps_working(self):
        ticket = self.own.sudo(self.requester)
        followers = ticket.message_follower_ids
        self.assertIn(self.witness, followers.mapped('partner_id'))
        self.assertIn(self.requester.partner_id, ticket.message_partner_ids)
        self.assertTrue(ticket.message_is_follower)
        # What the chatter's follower list reads.
        self.assertTrue(all(r['partner_id'] for r in followers.read(['partner_id'])))
        self.assertEqual(len(ticket.activity_ids), 2)
        self.assertTrue(ticket.activity_state)
        ticket.activity_ids.read(['summary', 'user_id', 'date_deadline', 'state'])

    def test_subscribing_follows_the_ticket(self):
        # The Kabid may follow (and make others follow) the tickets of his division.
        mine = self.own.sudo(self.kabid)
        self.assertTrue(mine.message_subscribe_users())
        self.assertTrue(mine.message_is_follower)
        mine.message_subscribe(partner_ids=self.contact.ids)
        self.assertIn(self.contact, mine.message_partner_ids)
        mine.message_unsubscribe(partner_ids=self.contact.ids)
        self.assertNotIn(self.contact, mine.message_partner_ids)
        # Not one he cannot open (Odoo's own check), and its rows stay hidden.
        other = self.division_y_ticket.sudo(self.kabid)
        self.assertFalse(other.message_subscribe_users())
        self.assertFalse(self.env['mail.followers'].sudo(self.kabid).search(
            [('res_model', '=', 'tik.ticket'), ('res_id', '=', other.id)]))

    def test_own_activity_on_a_visible_ticket_can_be_done(self):
        todo = self.own.activity_ids.filtered(lambda a: a.user_id == self.officer)
        self.assertEqual(len(todo), 1)
        todo.sudo(self.officer).write({'note': 'Sedang dikerjakan.'})
        self.assertIn('Sedang dikerjakan.', todo.sudo(self.officer).read(['note'])[0]['note'])

    def test_no_one_follows_a_ticket_they_cannot_open(self):
        followers = self.env['mail.followers']
        for login in ('portal', 'requester', 'kabid_other', 'officer_other'):
            user = self.actors[login]
            hidden = self.tickets - self.visible[login]
            with self.subTest(actor=login):
                with self.assertRaises(AccessError), self.cr.savepoint():
                    followers.sudo(user).create({
                        'res_model': 'tik.ticket', 'res_id': hidden[0].id,
                        'partner_id': user.partner_id.id})
                self.assertFalse(followers.search([
                    ('res_model', '=', 'tik.ticket'), ('res_id', '=', hidden[0].id),
                    ('partner_id', '=', user.partner_id.id)]))
        # Nor by moving a row of their own onto it; another document is as in Odoo.
        mine = followers.sudo(self.portal).create({
            'res_model': 'res.partner', 'res_id': self.contact.id,
            'partner_id': self.portal.partner_id.id})
        with self.assertRaises(AccessError), self.cr.savepoint():
            mine.write({'res_model': 'tik.ticket', 'res_id': self.other_unit.id})
        mine.invalidate_cache()
        self.assertEqual(mine.sudo().res_model, 'res.partner')
        mine.write({'res_model': 'tik.ticket', 'res_id': self.own.id})
        self.assertIn(self.portal.partner_id, self.own.message_partner_ids)
