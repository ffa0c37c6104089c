# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from ..lib import workflow
from .common import TikCase

# Who may act, per SOP actor: exactly one of the test users.
ALLOWED_USER = {'helpdesk': 'helpdesk', 'division_head': 'kabid', 'officer': 'officer',
                'head': 'head'}
REASON = 'Alasan uji.'


class Rollback(Exception):
    pass


class TestWorkflow(TikCase):

    def journal(self, ticket):
        return [(line.sop_step_id.sequence, line.action or False, line.user_id,
                 line.sla_status) for line in ticket.step_ids.sorted('id')]

    def test_happy_path_through_all_seven_steps(self):
        ticket = self.file_ticket()
        self.assertEqual(ticket.state, 'new')
        self.assertTrue(ticket.number.startswith('TIK/'))
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        self.assertEqual(ticket.state, 'analysis')
        self.act(ticket, 'kabid', {'service_id': self.service_x.id,
                                   'officer_id': self.officer.id,
                                   'instruction': 'Cek rekaman DNS.'}, 'accept')
        self.assertEqual(ticket.state, 'in_progress')
        self.act(ticket, 'officer', {'resolution': 'Rekaman A diperbaiki.'},
                 'report_resolution')
        self.assertEqual(ticket.state, 'verification')
        self.act(ticket, 'kabid', None, 'verify')
        self.assertEqual(ticket.state, 'approval')
        self.act(ticket, 'head', None, 'approve')
        self.assertEqual(ticket.state, 'approved')
        self.act(ticket, 'helpdesk', None, 'close')
        ticket = ticket.sudo()
        self.assertEqual(ticket.state, 'closed')
        self.assertTrue(ticket.date_closed)
        self.assertFalse(ticket.current_step_id)
        self.assertEqual(self.journal(ticket), [
            (1, False, self.requester, 'met'),
            (2, 'dispatch', self.helpdesk, 'met'),
            (3, 'accept', self.kabid, 'met'),
            (4, 'report_resolution', self.officer, 'met'),
            (5, 'verify', self.kabid, 'met'),
            (6, 'approve', self.head, 'met'),
            (7, 'close', self.helpdesk, 'met'),
        ])
        lines = ticket.step_ids.sorted('id')
        self.assertTrue(all(lines.mapped('hash')))
        self.assertTrue(all(l.date_start and l.date_done and l.date_deadline for l in lines))
        self.assertIn('Cek rekaman DNS.', lines[2].note)
        self.assertIn('Rekaman A diperbaiki.', lines[3].note)
        self.assertEqual(ticket.sla_status, 'met')
        self.assertTrue(ticket.check_journal()[0]['intact'])
        self.assertFalse(ticket.activity_ids)

    def test_each_transition_posts_one_step_message_and_hands_over_the_todo(self):
        ticket = self.file_ticket()
        self.assertEqual(ticket.sudo().activity_ids.user_id, self.helpdesk)
        before = len(ticket.sudo().message_ids)
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        ticket = ticket.sudo()
        # The tracking of the division, the helpdesk's to-do done (Odoo's line of
        # action_feedback), the step, and the reporter's notice.
        self.assertEqual(len(ticket.message_ids) - before, 4)
        done = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_activities'))
        self.assertEqual(done.author_id, self.helpdesk.partner_id)
        self.assertEqual(ticket.activity_ids.user_id, self.kabid)
        self.assertEqual(len(ticket.activity_ids), 1)
        self.act(ticket, 'kabid', {'service_id': self.service_x.id,
                                   'officer_id': self.officer.id}, 'accept')
        self.assertEqual(ticket.activity_ids.user_id, self.officer)
        self.assertIn(self.requester.partner_id, ticket.message_partner_ids)
        # The step is an internal note; the requester hears of it by a notice.
        notice, step = ticket.message_ids[:2]
        self.assertEqual(step.subtype_id, self.env.ref('mail.mt_note'))
        self.assertEqual(notice.subtype_id, self.env.ref('tik_service_mgmt.mt_ticket_notice'))

    def test_reject_closes_the_ticket_with_the_reason_for_the_requester(self):
        ticket = self.ticket_in('analysis')
        self.act(ticket, 'kabid', None, 'reject', reason='Bukan kewenangan Diskominfo.')
        self.assertEqual(ticket.state, 'rejected')
        self.assertTrue(ticket.date_closed)
        self.assertEqual(ticket.reject_reason, 'Bukan kewenangan Diskominfo.')
        # The requester reads the reason on their own ticket.
        mine = ticket.sudo(self.requester)
        self.assertEqual(mine.reject_reason, 'Bukan kewenangan Diskominfo.')
        self.assertEqual(self.journal(ticket)[-1], (3, 'reject', self.kabid, 'met'))
        self.assertEqual(ticket.step_ids.sorted('id')[-1].note, 'Bukan kewenangan Diskominfo.')
        self.assertFalse(ticket.activity_ids)
        notice, outcome = ticket.message_ids[:2]
        self.assertEqual(outcome.subtype_id, self.env.ref('mail.mt_note'))
        self.assertIn('Bukan kewenangan Diskominfo.', outcome.body)
        self.assertEqual(notice.subtype_id, self.env.ref('tik_service_mgmt.mt_ticket_notice'))
        self.assertIn('Bukan kewenangan Diskominfo.', notice.body)

    def test_return_to_helpdesk_reroutes_to_another_division(self):
        ticket = self.ticket_in('analysis')
        self.act(ticket, 'kabid', None, 'return_to_helpdesk', reason='Ini urusan jaringan.')
        self.assertEqual(ticket.state, 'new')
        self.assertEqual(ticket.activity_ids.user_id, self.helpdesk)
        self.act(ticket, 'helpdesk', {'division_id': self.division_y.id}, 'dispatch')
        self.assertEqual(ticket.state, 'analysis')
        self.assertEqual(ticket.activity_ids.user_id, self.kabid_other)
        # The first Kabid has no authority over it any more.
        with self.assertRaises(AccessError):
            ticket.sudo(self.kabid).action_return_to_helpdesk(reason=REASON)
        self.assertEqual([seq for seq, _a, _u, _s in self.journal(ticket)], [1, 2, 3, 2, 3])

    def test_rework_from_verification_and_from_approval(self):
        ticket = self.ticket_in('verification')
        self.act(ticket, 'kabid', None, 'request_rework', reason='Sertakan bukti uji.')
        self.assertEqual(ticket.state, 'in_progress')
        self.assertEqual(ticket.activity_ids.user_id, self.officer)
        self.act(ticket, 'officer', {'resolution': 'Dengan bukti uji.'}, 'report_resolution')
        self.act(ticket, 'kabid', None, 'verify')
        self.act(ticket, 'head', None, 'request_rework', reason='Lampirkan laporan.')
        self.assertEqual(ticket.state, 'verification')
        self.assertEqual(ticket.activity_ids.user_id, self.kabid)
        self.act(ticket, 'kabid', None, 'verify')
        self.act(ticket, 'head', None, 'approve')
        self.act(ticket, 'helpdesk', None, 'close')
        self.assertEqual([(seq, action) for seq, action, _u, _s in self.journal(ticket)], [
            (1, False), (2, 'dispatch'), (3, 'accept'), (4, 'report_resolution'),
            (5, 'request_rework'), (4, 'report_resolution'), (5, 'verify'),
            (6, 'request_rework'), (5, 'verify'), (6, 'approve'), (7, 'close')])
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_every_action_state_and_actor(self):
        """Only the contract's cells succeed; every other cell leaves no trace."""
        tickets = {state: self.ticket_in(state) for state, _label in workflow.STATES}
        tickets['new'].sudo(self.helpdesk).write({'division_id': self.division_x.id})
        tickets['in_progress'].sudo(self.officer).write({'resolution': 'Selesai.'})
        carrier = self.ticket_in('in_progress')
        succeeded = []
        for state, ticket in tickets.items():
            for action, _label in workflow.ACTIONS:
                for name, user in self.actors.items():
                    before = self.snapshot(ticket)
                    kwargs = {'reason': REASON} if action in (
                        'reject', 'return_to_helpdesk', 'request_rework', 'restore') else {}
                    if action == 'merge':
                        kwargs = {'reason': REASON, 'target_id': carrier.id}
                    try:
                        with self.env.cr.savepoint():
                            getattr(ticket.sudo(user), 'action_' + action)(**kwargs)
                            raise Rollback()
                    except Rollback:
                        succeeded.append((state, action, name))
                    except (UserError, AccessError) as error:
                        self.assertTrue(str(error.name if hasattr(error, 'name') else error))
                        self.assertEqual(self.snapshot(ticket), before,
                                         'refused %s/%s/%s changed data' % (state, action, name))
                    self.env.cache.invalidate()
        expected = sorted((t.state, t.action, ALLOWED_USER[t.actor])
                          for t in workflow.TRANSITIONS.values())
        self.assertEqual(sorted(succeeded), expected)

    def test_missing_values_are_refused_and_change_nothing(self):
        ticket = self.file_ticket()
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'Division'):
            ticket.sudo(self.helpdesk).action_dispatch()
        self.assertEqual(self.snapshot(ticket), before)

        ticket = self.ticket_in('analysis')
        ticket.sudo(self.kabid).write({'officer_id': False})
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'Officer'):
            ticket.sudo(self.kabid).action_accept()
        self.assertEqual(self.snapshot(ticket), before)

        ticket = self.ticket_in('in_progress')
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'Resolution'):
            ticket.sudo(self.officer).action_report_resolution()
        self.assertEqual(self.snapshot(ticket), before)

    def test_empty_reason_is_refused(self):
        for state, actor, action in [('analysis', self.kabid, 'reject'),
                                     ('analysis', self.kabid, 'return_to_helpdesk'),
                                     ('verification', self.kabid, 'request_rework'),
                                     ('approval', self.head, 'request_rework')]:
            ticket = self.ticket_in(state)
            before = self.snapshot(ticket)
            for reason in (None, '', '   '):
                with self.assertRaisesRegex(UserError, 'reason'):
                    getattr(ticket.sudo(actor), 'action_' + action)(reason=reason)
            self.assertEqual(self.snapshot(ticket), before)

    def test_catalogue_gate(self):
        # A service of another division given at step 2, then sent to division X: the
        # Kabid's write refuses such a service at once, and Accept refuses it too.
        ticket = self.file_ticket()
        self.act(ticket, 'helpdesk', {'service_id': self.service_y.id,
                                      'division_id': self.division_x.id}, 'dispatch')
        ticket.sudo(self.kabid).write({'officer_id': self.officer.id})
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'not in the catalogue'):
            ticket.sudo(self.kabid).action_accept()
        self.assertEqual(self.snapshot(ticket), before)
        # An officer who left the division after being chosen.
        ticket.sudo(self.kabid).write({'service_id': self.service_x.id})
        self.division_x.officer_ids = [(3, self.officer.id)]
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'not an officer'):
            ticket.sudo(self.kabid).action_accept()
        self.assertEqual(self.snapshot(ticket), before)

    def test_a_refusal_on_one_ticket_changes_none_of_a_batch(self):
        ready = self.file_ticket()
        ready.sudo(self.helpdesk).write({'division_id': self.division_x.id})
        not_ready = self.file_ticket()
        batch = (ready | not_ready).sudo(self.helpdesk)
        before = [self.snapshot(ready), self.snapshot(not_ready)]
        with self.assertRaises(UserError):
            batch.action_dispatch()
        self.assertEqual([self.snapshot(ready), self.snapshot(not_ready)], before)

    def test_reason_wizard(self):
        ticket = self.ticket_in('analysis')
        wizard = self.env['tik.ticket.reason.wizard'].sudo(self.kabid).create({
            'ticket_id': ticket.id, 'action': 'reject', 'reason': 'Di luar katalog.'})
        wizard.action_confirm()
        self.assertEqual(ticket.state, 'rejected')
        self.assertEqual(ticket.reject_reason, 'Di luar katalog.')
        ticket = self.ticket_in('approval')
        wizard = self.env['tik.ticket.reason.wizard'].sudo(self.kabid).create({
            'ticket_id': ticket.id, 'action': 'request_rework', 'reason': 'Ulangi.'})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(ticket.state, 'approval')

    def test_buttons_show_only_what_the_user_may_do(self):
        ticket = self.ticket_in('analysis')
        self.assertEqual(ticket.sudo(self.kabid).allowed_actions.split(),
                         ['accept', 'reject', 'return_to_helpdesk', 'merge'])
        for user in (self.helpdesk, self.head, self.officer, self.manager):
            ticket.invalidate_cache()
            self.assertFalse(ticket.sudo(user).allowed_actions.strip(), user.login)
        ticket = self.ticket_in('in_progress')
        self.assertEqual(ticket.sudo(self.officer).allowed_actions.split(),
                         ['report_resolution'])

    def test_waiting_for_me(self):
        new = self.ticket_in('new')
        analysis = self.ticket_in('analysis')
        progress = self.ticket_in('in_progress')
        approval = self.ticket_in('approval')
        ours = new | analysis | progress | approval

        for user, expected in [(self.helpdesk, new), (self.kabid, analysis),
                               (self.kabid_other, self.Ticket), (self.officer, progress),
                               (self.head, approval), (self.requester, self.Ticket)]:
            tickets = self.Ticket.sudo(user)
            # The filter (search) and the field (compute) agree, on what the user sees.
            found = tickets.search([('waiting_for_me', '=', True)]) & ours
            self.assertEqual(found, expected, user.login)
            visible = tickets.search([('id', 'in', ours.ids)])
            self.assertEqual(visible.filtered('waiting_for_me'), expected, user.login)
            self.assertEqual(tickets.search([('id', 'in', ours.ids),
                                             ('waiting_for_me', '=', False)]),
                             visible - expected, user.login)
