# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Personal data across units (UU 27/2022 PDP): a requester reads the contacts of
their own unit only; the staff read the contacts their steps need."""
from odoo.api import call_kw
from odoo.exceptions import AccessError

from .common import TikCase


class TestPartnerPrivacy(TikCase):

    @classmethod
    def setup_data(cls):
        partner = cls.env['res.partner']
        cls.contact_a = partner.create({'name': 'Kontak A', 'parent_id': cls.unit_a.id,
                                        'phone': '+6281111111111', 'email': 'a@uji.go.id'})
        cls.contact_b = partner.create({'name': 'Kontak B', 'parent_id': cls.unit_b.id,
                                        'phone': '+6282222222222', 'email': 'b@uji.go.id'})

    def test_a_requester_reads_their_own_units_contacts_only(self):
        for user in (self.requester, self.internal):
            contacts = self.env['res.partner'].sudo(user)
            if user == self.internal:
                # Not a requester: Odoo's own rules (every contact) apply.
                self.assertTrue(contacts.browse(self.contact_b.id).read(['phone']))
                continue
            self.assertEqual(contacts.browse(self.contact_a.id).read(['phone'])[0]['phone'],
                             '+6281111111111')
            with self.assertRaises(AccessError):
                call_kw(contacts, 'read', [[self.contact_b.id], ['phone', 'email']], {})
            with self.assertRaises(AccessError):
                call_kw(contacts, 'read', [[self.requester_b.partner_id.id], ['email']], {})
            found = call_kw(contacts, 'search_read', [[], ['phone', 'email']], {})
            text = str(found)
            self.assertNotIn('+6282222222222', text)
            self.assertNotIn('requester_b@uji.go.id', text)
            self.assertIn('+6281111111111', text)
        # The other unit's requester, the other way round.
        with self.assertRaises(AccessError):
            self.contact_a.sudo(self.requester_b).read(['phone'])

    def test_the_staff_read_what_their_steps_need(self):
        for user in (self.helpdesk, self.kabid, self.officer, self.head, self.manager):
            self.assertEqual(self.contact_b.sudo(user).read(['phone'])[0]['phone'],
                             '+6282222222222', user.login)

    def test_the_requester_still_reads_their_tickets(self):
        ticket = self.ticket_in('in_progress')
        values = ticket.sudo(self.requester).read(
            ['partner_id', 'unit_id', 'officer_id', 'division_id', 'holder_id'])[0]
        self.assertEqual(values['officer_id'][1], self.officer.name)
        self.assertEqual(values['unit_id'][0], self.unit_a.id)
        self.assertTrue(ticket.sudo(self.requester).message_ids.message_format())
