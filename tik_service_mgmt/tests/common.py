# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tests import common
from odoo.tests.common import SavepointCase

from ..models.authority import as_intake

ALIAS = 'layanan-tik@uji.example'


def rfc822(sender, subject, body, message_id, to=ALIAS, in_reply_to=None):
    """A plain-text e-mail as a mail server hands it over."""
    headers = [
        'Return-Path: <%s>' % sender.split('<')[-1].strip('>'),
        'From: %s' % sender,
        'To: %s' % to,
        'Subject: %s' % subject,
        'Date: Tue, 01 Dec 2026 09:15:00 +0700',
        'Message-ID: %s' % message_id,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="utf-8"',
        'Content-Transfer-Encoding: 8bit',
    ]
    if in_reply_to:
        headers += ['In-Reply-To: %s' % in_reply_to, 'References: %s' % in_reply_to]
    return '\r\n'.join(headers) + '\r\n\r\n' + body + '\r\n'


# How to bring a ticket from its previous state into each state: (actor, values, action).
PATH = [
    ('analysis', 'helpdesk', lambda t: {'division_id': t.division_x.id}, 'dispatch'),
    ('in_progress', 'kabid',
     lambda t: {'service_id': t.service_x.id, 'officer_id': t.officer.id,
                'instruction': 'Periksa konfigurasi DNS.'}, 'accept'),
    ('verification', 'officer', lambda t: {'resolution': 'Rekaman DNS diperbaiki.'},
     'report_resolution'),
    ('approval', 'kabid', None, 'verify'),
    ('approved', 'head', None, 'approve'),
    ('closed', 'helpdesk', None, 'close'),
]


class TikCase(SavepointCase):
    """One user per actor, two divisions with their catalogue, two units."""

    @classmethod
    def setUpClass(cls):
        super(TikCase, cls).setUpClass()
        try:
            cls.setup_actors()
            cls.setup_data()
        except Exception:
            # unittest skips tearDownClass when setUpClass fails, leaving the class's
            # cursor open: later classes would wait on its locks forever.
            cls.tearDownClass()
            raise

    @classmethod
    def setup_data(cls):
        """Hook for a test class's own records, made once for the class."""

    @classmethod
    def setup_actors(cls):
        env = cls.env(context=dict(cls.env.context, no_reset_password=True, lang='en_US'))
        cls.env = env
        partner = env['res.partner']
        cls.unit_a = partner.create({'name': 'Dinas Uji A', 'is_company': True})
        cls.unit_b = partner.create({'name': 'Dinas Uji B', 'is_company': True})
        cls.unit_kominfo = partner.create({'name': 'Kominfo Uji', 'is_company': True})

        def user(login, groups, unit):
            # The staff work in Trenggalek: their day is the agency's (WIB), as their
            # to-dos' (activity states, "today", read in the user's time zone).
            return env['res.users'].create({
                'name': login.replace('_', ' ').title(), 'login': 'test_' + login,
                'email': login + '@uji.go.id', 'parent_id': unit.id, 'tz': 'Asia/Jakarta',
                'groups_id': [(6, 0, [env.ref(g).id for g in groups])],
            })
        tik = 'tik_service_mgmt.'
        # The test units' senders may open tickets by e-mail.
        env['ir.config_parameter'].sudo().set_param(
            tik + 'email_intake_domains', 'uji.go.id')
        cls.requester = user('requester', [tik + 'group_requester'], cls.unit_a)
        cls.requester_b = user('requester_b', [tik + 'group_requester'], cls.unit_b)
        cls.portal = user('portal', ['base.group_portal'], cls.unit_a)
        cls.helpdesk = user('helpdesk', [tik + 'group_helpdesk'], cls.unit_kominfo)
        cls.kabid = user('kabid', [tik + 'group_division_head'], cls.unit_kominfo)
        cls.kabid_other = user('kabid_other', [tik + 'group_division_head'],
                               cls.unit_kominfo)
        cls.officer = user('officer', [tik + 'group_officer'], cls.unit_kominfo)
        cls.officer_other = user('officer_other', [tik + 'group_officer'], cls.unit_kominfo)
        cls.head = user('head', [tik + 'group_head'], cls.unit_kominfo)
        cls.manager = user('manager', [tik + 'group_manager'], cls.unit_kominfo)
        cls.internal = user('internal', ['base.group_user'], cls.unit_a)
        cls.actors = {
            'requester': cls.requester, 'portal': cls.portal, 'helpdesk': cls.helpdesk,
            'kabid': cls.kabid, 'kabid_other': cls.kabid_other, 'officer': cls.officer,
            'officer_other': cls.officer_other, 'head': cls.head,
            'manager': cls.manager, 'internal': cls.internal,
        }
        division = env['tik.division']
        cls.division_x = division.create({
            'name': 'Bidang Uji X', 'code': 'UX', 'head_id': cls.kabid.id,
            'officer_ids': [(6, 0, [cls.officer.id, cls.officer_other.id])]})
        cls.division_y = division.create({
            'name': 'Bidang Uji Y', 'code': 'UY', 'head_id': cls.kabid_other.id})
        cls.service_x = env['tik.service'].create({
            'name': 'Sub Domain Uji', 'code': 'UX-SD', 'division_id': cls.division_x.id})
        cls.service_y = env['tik.service'].create({
            'name': 'Jaringan Uji', 'code': 'UY-NET', 'division_id': cls.division_y.id})
        cls.Ticket = env['tik.ticket']
        # The to-do of steps owned by a group goes to the step's responsible.
        for seq, user in ((2, cls.helpdesk), (6, cls.head), (7, cls.helpdesk)):
            env.ref('tik_service_mgmt.sop_step_%d' % seq).user_id = user

    @classmethod
    def file_ticket(cls, user=None, **vals):
        user = user or cls.requester
        values = {'name': 'Sub domain tidak bisa diakses',
                  'description': 'Situs dinas.trenggalekkab.go.id tidak terbuka.'}
        values.update(vals)
        return cls.Ticket.sudo(user).create(values).sudo(user)

    @classmethod
    def file_in_portal(cls, user, **vals):
        """A ticket sent by `user` through the portal's intake path."""
        values = {'name': 'Akun e-mail terkunci', 'partner_id': user.partner_id.id}
        values.update(vals)
        return as_intake(cls.Ticket, 'portal', user).create(values)

    @classmethod
    def ticket_in(cls, state, **vals):
        """A ticket filed by the requester and walked to `state` by the right actors."""
        ticket = cls.file_ticket(**vals)
        if state == 'duplicate':
            carrier = cls.file_ticket(name='Jaringan kantor putus')
            cls.act(ticket, 'helpdesk', None, 'merge', target_id=carrier.id,
                    reason='Masalah yang sama.')
            return ticket.sudo()
        if state == 'rejected':
            cls.act(ticket, 'helpdesk', {'division_id': cls.division_x.id}, 'dispatch')
            cls.act(ticket, 'kabid', None, 'reject', reason='Bukan layanan Diskominfo.')
            return ticket.sudo()
        for _target, actor, values, action in PATH:
            if ticket.state == state:
                break
            cls.act(ticket, actor, values and values(cls), action)
        if state == 'analysis':
            # Ready for the Kabid to accept.
            ticket.sudo(cls.kabid).write(
                {'service_id': cls.service_x.id, 'officer_id': cls.officer.id})
        assert ticket.state == state, (ticket.state, state)
        return ticket.sudo()

    @classmethod
    def act(cls, ticket, actor, values, action, **kwargs):
        as_actor = ticket.sudo(cls.actors[actor])
        if values:
            as_actor.write(values)
        return getattr(as_actor, 'action_' + action)(**kwargs)

    def snapshot(self, ticket):
        """What must not change when an action is refused."""
        self.env.cache.invalidate()
        ticket = ticket.sudo()
        return (ticket.state, ticket.current_step_id.id, ticket.reject_reason,
                [(s.id, s.date_done, s.user_id.id, s.note, s.hash, s.sla_status)
                 for s in ticket.step_ids])


@common.at_install(False)
@common.post_install(True)
class TikHttpCase(common.HttpCase):
    """An HTTP test whose data the server sees.

    Odoo 11's HttpCase serves the requests on the registry's test cursor, not on
    self.cr: the data is built on that cursor, and the cleanups get their own back.
    """

    def setUp(self):
        super(TikHttpCase, self).setUp()
        own = self.cr, self.env
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})

        def restore():
            self.cr, self.env = own
        self.addCleanup(restore)
