# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta
from unittest import mock

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from ..lib import link, workflow
from .common import TikCase, rfc822

REASON = 'Laporan yang sama: jaringan Dinas Uji B putus.'
ANSWERS = ['u%d' % n for n in range(1, 10)]


def utc(local):
    """'YYYY-MM-DD HH:MM' Asia/Jakarta as a UTC datetime string."""
    return fields.Datetime.to_string(datetime.strptime(local, '%Y-%m-%d %H:%M') -
                                     timedelta(hours=7))


class TestLinkRules(TikCase):
    """lib/link.py without Odoo: which links are valid, which tickets hint at each
    other."""

    def test_refusals(self):
        new = link.Linked(1, 'new', None, 1)
        self.assertIsNone(link.refusal(new, link.Linked(2, 'in_progress', None, 1)))
        self.assertIsNone(link.refusal(new, link.Linked(2, 'new', None, 2)))  # other SOP
        self.assertEqual(link.refusal(new, None), link.MISSING)
        self.assertEqual(link.refusal(new, new), link.SELF)
        self.assertEqual(link.refusal(new, link.Linked(2, 'duplicate', 3, 1)), link.CHAIN)
        self.assertEqual(link.refusal(new, link.Linked(2, 'rejected', None, 1)), link.ENDED)
        self.assertEqual(link.refusal(new, link.Linked(2, 'closed', None, 1)), link.ENDED)
        self.assertEqual(link.refusal(new, link.Linked(2, 'new', None, 1), carried=1),
                         link.CARRIES)
        self.assertEqual([s for s, _l in workflow.STATES if link.may_merge(s)],
                         ['new', 'analysis'])

    def test_hints(self):
        day = datetime(2026, 11, 2, 9)
        later = datetime(2026, 11, 3, 10)
        rows = [
            {'id': 1, 'date': day, 'partner': 7, 'unit': 3, 'service': 5, 'phone': None},
            {'id': 2, 'date': day, 'partner': 8, 'unit': 3, 'service': 5, 'phone': None},
            {'id': 3, 'date': later, 'partner': 7, 'unit': 3, 'service': 5, 'phone': None},
            {'id': 4, 'date': day, 'partner': 9, 'unit': 4, 'service': 6, 'phone': '+62811'},
            {'id': 5, 'date': day, 'partner': 10, 'unit': 2, 'service': None,
             'phone': '+62811'},
        ]
        self.assertEqual(link.hints(rows, 24), {1: [2], 2: [1], 3: [], 4: [5], 5: [4]})
        self.assertEqual(link.hints(rows, 26)[3], [1, 2])


class TestLink(TikCase):
    """Ending a ticket as part of another, restoring it, and what both journals,
    reporters and rights say."""

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')

    def carrier_and_duplicate(self):
        carrier = self.file_ticket(self.requester_b, name='Jaringan kantor putus',
                                   service_id=self.service_y.id).sudo()
        duplicate = self.file_ticket(name='Internet mati', service_id=self.service_y.id)
        return carrier, duplicate.sudo()

    def both(self, *tickets):
        return [self.snapshot(ticket) for ticket in tickets]

    def test_the_helpdesk_ends_a_duplicate_at_step_2(self):
        carrier, duplicate = self.carrier_and_duplicate()
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        self.env.cache.invalidate()
        self.assertEqual((duplicate.state, duplicate.duplicate_of_id), ('duplicate', carrier))
        self.assertTrue(duplicate.date_closed)
        self.assertFalse(duplicate.current_step_id)
        ended = duplicate.step_ids.sorted('position')[-1]
        self.assertEqual((ended.sop_step_id.sequence, ended.action, ended.link_ticket_id,
                          ended.user_id), (2, 'merge', carrier, self.helpdesk))
        self.assertIn(carrier.number, ended.note)
        self.assertIn(REASON, ended.note)
        lines = carrier.step_ids.sorted('position')
        record = lines.filtered(lambda l: l.action == 'link')
        self.assertEqual((record.link_ticket_id, record.position), (duplicate, 2))
        self.assertIn(duplicate.number, record.note)
        self.assertEqual(carrier.current_step_id, lines[-1])
        self.assertEqual(carrier.current_step_id.position, 3)
        self.assertEqual(carrier.journal_length, 2)
        self.assertEqual(carrier.state, 'new')
        for verdict in (carrier | duplicate).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])
        # No to-do is left on the ended ticket; the carrier's is the helpdesk's.
        self.assertFalse(duplicate.activity_ids)
        # The reporter (unit A) follows the carrying ticket (unit B) and reads it.
        self.assertIn(self.requester.partner_id, carrier.message_partner_ids)
        self.assertEqual(self.Ticket.sudo(self.requester).search(
            [('id', '=', carrier.id)]), carrier)
        self.assertTrue(carrier.sudo(self.requester).step_ids)
        # ... but writes nothing of it: its report is another's.
        with self.assertRaises((UserError, AccessError)):
            carrier.sudo(self.requester).write({'name': 'Diubah'})
        # A requester of unit A who reported nothing there does not see it.
        other = self.env['res.users'].create({
            'name': 'Other A', 'login': 'test_other_a', 'parent_id': self.unit_a.id,
            'groups_id': [(6, 0, [self.env.ref('tik_service_mgmt.group_requester').id])]})
        self.assertFalse(self.Ticket.sudo(other).search([('id', '=', carrier.id)]))
        # The reporter is told, in Indonesian, where the work goes on.
        notice = duplicate.message_ids.filtered(lambda m: m.subtype_id == self.notice)[0]
        self.assertIn(carrier.number, notice.subject)
        self.assertEqual(notice.partner_ids, self.requester.partner_id)
        self.assertIn('Yth.', notice.body)
        # Not surveyed: the survey opens for closed or rejected tickets only.
        with self.assertRaises(UserError):
            self.env['tik.survey.response'].sudo(self.requester).answer(
                duplicate.id, {'u1': 4})

    def test_the_kabid_ends_a_duplicate_at_step_3(self):
        carrier = self.ticket_in('in_progress')
        duplicate = self.ticket_in('analysis')
        for actor in ('helpdesk', 'kabid_other', 'officer', 'head', 'manager', 'requester'):
            before = self.both(duplicate, carrier)
            with self.assertRaises((UserError, AccessError), msg=actor):
                self.act(duplicate, actor, None, 'merge', target_id=carrier.id,
                         reason=REASON)
            self.assertEqual(self.both(duplicate, carrier), before, actor)
        self.act(duplicate, 'kabid', None, 'merge', target_id=carrier.id, reason=REASON)
        self.assertEqual(duplicate.state, 'duplicate')
        self.assertEqual(duplicate.step_ids.sorted('position')[-1].sop_step_id.sequence, 3)
        for verdict in (carrier | duplicate).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])
        # The carrier walks on to its end with the link in its journal.
        self.act(carrier, 'officer', {'resolution': 'Sudah.'}, 'report_resolution')
        self.act(carrier, 'kabid', None, 'verify')
        self.act(carrier, 'head', None, 'approve')
        self.act(carrier, 'helpdesk', None, 'close')
        self.assertEqual(carrier.state, 'closed')
        self.assertTrue(carrier.check_journal()[0]['intact'])

    def test_wrong_actors_at_step_2_change_nothing(self):
        carrier, duplicate = self.carrier_and_duplicate()
        for actor in ('requester', 'portal', 'kabid', 'officer', 'head', 'manager',
                      'internal'):
            before = self.both(duplicate, carrier)
            with self.assertRaises((UserError, AccessError), msg=actor):
                self.act(duplicate, actor, None, 'merge', target_id=carrier.id,
                         reason=REASON)
            self.assertEqual(self.both(duplicate, carrier), before, actor)

    def assertRefused(self, tickets, target_id, reason, pattern, *others):
        before = self.both(*(tickets | self.Ticket.browse(others)).sudo())
        with self.assertRaisesRegex((UserError, AccessError), pattern):
            tickets.sudo(self.helpdesk).action_merge(target_id=target_id, reason=reason)
        self.assertEqual(self.both(*(tickets | self.Ticket.browse(others)).sudo()), before)

    def test_bad_links_are_refused_and_change_nothing(self):
        carrier, duplicate = self.carrier_and_duplicate()
        third = self.file_ticket(name='Internet mati juga').sudo()
        self.assertRefused(duplicate, duplicate.id, REASON, 'part of itself')
        self.assertRefused(duplicate, None, REASON, 'Name the ticket', carrier.id)
        self.assertRefused(duplicate, 'x', REASON, 'Name the ticket', carrier.id)
        self.assertRefused(duplicate, 999999999, REASON, 'Name the ticket')
        self.assertRefused(duplicate, carrier.id, '  ', 'reason', carrier.id)
        self.assertRefused(duplicate, carrier.id, None, 'reason', carrier.id)
        rejected = self.ticket_in('rejected')
        self.assertRefused(duplicate, rejected.id, REASON, 'ended', rejected.id)
        closed = self.ticket_in('closed')
        self.assertRefused(duplicate, closed.id, REASON, 'ended', closed.id)
        # A batch with one bad ticket changes none of them.
        self.assertRefused(duplicate | carrier, carrier.id, REASON, 'part of itself')
        # A chain: the carrier is itself part of another.
        self.act(third, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        self.assertRefused(duplicate, third.id, REASON, carrier.number, third.id)
        # A ticket carrying others cannot end as part of another.
        self.assertRefused(carrier, duplicate.id, REASON, 'carries other', duplicate.id)
        # Beyond step 3 the work has started: no merge.
        running = self.ticket_in('in_progress')
        before = self.both(running, carrier)
        with self.assertRaises(UserError):
            running.sudo(self.kabid).action_merge(target_id=carrier.id, reason=REASON)
        self.assertEqual(self.both(running, carrier), before)
        # The Kabid links only to a ticket he may read.
        analysis = self.ticket_in('analysis')
        before = self.both(analysis, carrier)
        with self.assertRaisesRegex(AccessError, 'may not read'):
            analysis.sudo(self.kabid).action_merge(target_id=carrier.id, reason=REASON)
        self.assertEqual(self.both(analysis, carrier), before)
        # Nobody writes the link as a value.
        for values in ({'duplicate_of_id': carrier.id}, {'outage': True},
                       {'outage_unit_id': self.unit_a.id}):
            for user in (self.helpdesk, self.manager, self.env.user):
                with self.assertRaises(UserError):
                    duplicate.sudo(user).write(values)

    def test_the_helpdesk_restores_a_ticket_ended_by_mistake(self):
        carrier, duplicate = self.carrier_and_duplicate()
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        for actor in ('requester', 'kabid', 'officer', 'head', 'manager', 'portal'):
            before = self.both(duplicate, carrier)
            with self.assertRaises((UserError, AccessError), msg=actor):
                self.act(duplicate, actor, None, 'restore', reason='Salah gabung.')
            self.assertEqual(self.both(duplicate, carrier), before, actor)
        before = self.both(duplicate, carrier)
        with self.assertRaises(UserError):
            self.act(duplicate, 'helpdesk', None, 'restore', reason=' ')
        with self.assertRaises(UserError):
            self.act(carrier, 'helpdesk', None, 'restore', reason='Salah gabung.')
        self.assertEqual(self.both(duplicate, carrier), before)
        self.act(duplicate, 'helpdesk', None, 'restore', reason='Salah gabung.')
        self.env.cache.invalidate()
        self.assertEqual(duplicate.state, 'new')
        self.assertFalse(duplicate.duplicate_of_id)
        self.assertFalse(duplicate.date_closed)
        lines = duplicate.step_ids.sorted('position')
        self.assertEqual([(l.sop_step_id.sequence, l.action) for l in lines],
                         [(1, False), (2, 'merge'), (2, 'restore'), (2, False)])
        self.assertEqual(duplicate.current_step_id, lines[-1])
        self.assertEqual(carrier.step_ids.filtered(lambda l: l.action == 'unlink')
                         .link_ticket_id, duplicate)
        for verdict in (carrier | duplicate).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])
        self.assertNotIn(self.requester.partner_id, carrier.message_partner_ids)
        self.assertFalse(self.Ticket.sudo(self.requester).search([('id', '=', carrier.id)]))
        self.assertEqual(duplicate.activity_ids.user_id, self.helpdesk)
        # Restored, it walks the SOP again.
        self.act(duplicate, 'helpdesk', {'division_id': self.division_y.id}, 'dispatch')
        self.assertEqual(duplicate.state, 'analysis')
        self.assertTrue(duplicate.check_journal()[0]['intact'])

    def test_a_link_line_altered_in_sql_is_detected(self):
        carrier, duplicate = self.carrier_and_duplicate()
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        record = carrier.step_ids.filtered(lambda l: l.action == 'link')
        other = self.file_ticket(name='Lain').sudo()
        self.env.cr.execute('UPDATE tik_ticket_step SET link_ticket_id = %s WHERE id = %s',
                            [other.id, record.id])
        self.env.cache.invalidate()
        verdict = carrier.check_journal()[0]
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], record.id)
        ended = duplicate.step_ids.filtered(lambda l: l.action == 'merge')
        self.env.cr.execute("UPDATE tik_ticket_step SET note = 'Bagian dari lain' "
                            "WHERE id = %s", [ended.id])
        self.env.cache.invalidate()
        self.assertFalse(duplicate.check_journal()[0]['intact'])

    def test_a_link_across_sop_versions_keeps_each_tickets_own_steps(self):
        """An outage lasts across the day a revised SOP comes into force: the report
        filed under the new version ends as part of the ticket filed under the old."""
        old_sop = self.env.ref('tik_service_mgmt.sop_tik')
        carrier = self.ticket_in('in_progress')
        draft = self.env['tik.sop'].browse(
            old_sop.sudo(self.manager).action_revise()['res_id'])
        draft.sudo(self.manager).action_put_in_force()
        duplicate = self.file_ticket(name='Laporan setelah revisi SOP').sudo()
        self.assertEqual((carrier.sop_id, duplicate.sop_id), (old_sop, draft))
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        self.assertEqual(duplicate.step_ids.mapped('sop_step_id.sop_id'), draft)
        self.assertEqual(carrier.step_ids.mapped('sop_step_id.sop_id'), old_sop)
        for verdict in (carrier | duplicate).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])

    def test_the_ticket_record_of_both_names_the_link(self):
        carrier, duplicate = self.carrier_and_duplicate()
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        report = self.env.ref('tik_service_mgmt.action_report_ticket').sudo(self.head)
        for ticket, part_of, carried in ((carrier, '-', duplicate.number),
                                         (duplicate, carrier.number, '-')):
            html = report.render_qweb_html(ticket.ids)[0].decode('utf-8')
            self.assertIn('o_tik_part_of">%s<' % part_of, html)
            self.assertIn('o_tik_carried">%s<' % carried, html)
            self.assertIn(REASON, html)

    def test_an_email_reply_to_the_ended_ticket_reaches_the_carrier(self):
        carrier, duplicate = self.carrier_and_duplicate()
        self.act(duplicate, 'helpdesk', None, 'merge', target_id=carrier.id, reason=REASON)
        notice = duplicate.message_ids.filtered(lambda m: m.subtype_id == self.notice)[0]
        reporter = self.requester.partner_id
        with mute_logger('odoo.addons.mail.models.mail_thread'):
            self.env['mail.thread'].message_process(None, rfc822(
                '%s <%s>' % (reporter.name, reporter.email), 'Re: %s' % notice.subject,
                'Di kantor kami juga belum tersambung.', '<dup-1@uji.go.id>',
                to='catchall@uji.example', in_reply_to=notice.message_id))
        self.env.cache.invalidate()
        self.assertTrue(carrier.message_ids.filtered(
            lambda m: 'belum tersambung' in (m.body or '')))
        self.assertFalse(duplicate.message_ids.filtered(
            lambda m: 'belum tersambung' in (m.body or '')))
        self.assertFalse(duplicate.activity_ids)


class TestOutage(TikCase):
    """A mass outage: marked by the helpdesk, shown to new filings, twenty reports
    attached in one action, every reporter told once when it closes."""

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')

    def outage(self):
        ticket = self.file_ticket(self.requester_b, name='Jaringan kabupaten putus',
                                  service_id=self.service_y.id).sudo()
        ticket.sudo(self.helpdesk).action_mark_outage(reason='Link utama putus sejak 08.00.')
        return ticket

    def test_only_the_helpdesk_marks_an_outage_with_a_reason(self):
        ticket = self.file_ticket(self.requester_b, service_id=self.service_y.id).sudo()
        for actor in ('requester', 'kabid', 'officer', 'head', 'manager', 'portal'):
            before = self.snapshot(ticket)
            with self.assertRaises((UserError, AccessError), msg=actor):
                self.act(ticket, actor, None, 'mark_outage', reason='Putus.')
            self.assertEqual(self.snapshot(ticket), before)
        with self.assertRaises(UserError):
            self.act(ticket, 'helpdesk', None, 'mark_outage', reason='')
        without = self.file_ticket(name='Tanpa layanan').sudo()
        with self.assertRaises(UserError):
            self.act(without, 'helpdesk', None, 'mark_outage', reason='Putus.')
        for unit in (self.requester.partner_id.id, 'x', True, 999999999):
            before = self.snapshot(ticket)
            with self.assertRaisesRegex(UserError, 'unit'):
                self.act(ticket, 'helpdesk', None, 'mark_outage', reason='Putus.',
                         unit_id=unit)
            self.assertEqual(self.snapshot(ticket), before)
        self.assertFalse(ticket.outage)
        self.act(ticket, 'helpdesk', None, 'mark_outage', reason='Putus.')
        self.assertTrue(ticket.outage)
        self.assertEqual(ticket.step_ids.filtered(lambda l: l.action == 'outage').position, 2)
        self.assertTrue(ticket.check_journal()[0]['intact'])
        with self.assertRaises(UserError):
            self.act(ticket, 'helpdesk', None, 'mark_outage', reason='Lagi.')

    def test_twenty_reports_attached_and_each_reporter_told_once(self):
        outage = self.outage()
        shown = self.Ticket.sudo(self.portal).running_outages()
        self.assertEqual([o['number'] for o in shown], [outage.number])
        self.assertEqual(self.Ticket.sudo(self.portal).running_outages(self.service_x.id), [])
        partners = self.env['res.partner']
        reports = self.Ticket
        for index in range(20):
            partner = partners.create({'name': 'Pelapor %d' % index,
                                       'email': 'pelapor%d@uji.go.id' % index,
                                       'parent_id': self.unit_a.id})
            partners |= partner
            reports |= self.Ticket.sudo(self.helpdesk).create({
                'name': 'Internet mati', 'channel': 'phone', 'partner_id': partner.id,
                'service_id': self.service_y.id})
        # The same reporter twice: told once.
        reports |= self.Ticket.sudo(self.helpdesk).create({
            'name': 'Internet masih mati', 'channel': 'phone', 'partner_id': partners[0].id,
            'service_id': self.service_y.id})
        wizard = self.env['tik.ticket.merge'].sudo(self.helpdesk).with_context(
            active_model='tik.ticket', active_ids=outage.ids, tik_attach=True).create(
            {'reason': 'Gangguan massal yang sama.'})
        self.assertEqual(wizard.target_id, outage)
        # The new reports of the service are proposed.
        self.assertEqual(wizard.ticket_ids & reports, reports)
        wizard.ticket_ids = reports
        wizard.action_confirm()
        self.env.cache.invalidate()
        self.assertEqual(set(reports.mapped('state')), {'duplicate'})
        self.assertEqual(outage.duplicate_count, 21)
        links = outage.step_ids.filtered(lambda l: l.action == 'link')
        self.assertEqual(links.mapped('link_ticket_id'), reports)
        for verdict in (outage | reports).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])
        # The outage walks to its end; closing tells every reporter once.
        outage = outage.sudo()
        self.act(outage, 'helpdesk', {'division_id': self.division_y.id}, 'dispatch')
        self.division_y.officer_ids = self.officer
        self.act(outage, 'kabid_other', {'officer_id': self.officer.id}, 'accept')
        self.act(outage, 'officer', {'resolution': 'Link utama pulih.'}, 'report_resolution')
        self.act(outage, 'kabid_other', None, 'verify')
        self.act(outage, 'head', None, 'approve')
        first = self.env['mail.message'].search([], order='id desc', limit=1).id
        self.act(outage, 'helpdesk', None, 'close')
        told = self.env['mail.message'].search([
            ('id', '>', first), ('model', '=', 'tik.ticket'), ('res_id', '=', outage.id),
            ('subtype_id', '=', self.notice.id)])
        recipients = told.mapped('needaction_partner_ids')
        for partner in partners | outage.partner_id:
            self.assertEqual(len(told.filtered(
                lambda m, p=partner: p in m.needaction_partner_ids)), 1, partner.name)
            self.assertEqual(self.env['mail.mail'].search_count([
                ('mail_message_id', 'in', told.ids), ('recipient_ids', 'in', partner.ids)]),
                1, partner.name)
        self.assertEqual(recipients, partners | outage.partner_id)
        self.assertEqual(self.Ticket.sudo(self.portal).running_outages(), [])
        self.assertTrue(outage.check_journal()[0]['intact'])


class TestHints(TikCase):

    def test_possible_duplicates_are_shown_not_merged(self):
        first = self.file_ticket(service_id=self.service_x.id, phone='0857-4411-2299')
        again = self.file_ticket(service_id=self.service_x.id)
        other_service = self.file_ticket(service_id=self.service_y.id)
        same_phone = self.file_ticket(self.requester_b, service_id=self.service_y.id,
                                      phone='+62 857-4411-2299')
        unrelated = self.file_ticket(self.requester_b, service_id=self.service_x.id)
        tickets = (first | again | other_service | same_phone | unrelated).sudo(self.helpdesk)
        hints = {t: t.hint_ids for t in tickets}
        self.assertEqual(hints[first], again | same_phone)
        self.assertEqual(hints[again], first)
        self.assertFalse(hints[other_service])
        self.assertEqual(hints[same_phone], first)
        self.assertFalse(hints[unrelated])
        self.assertEqual(set(tickets.mapped('state')), {'new'})
        # One search for a whole list, however long.
        many = self.Ticket
        for index in range(30):
            many |= self.file_ticket(name='Laporan %d' % index, service_id=self.service_x.id)
        counts = []
        for batch in (tickets, tickets | many):
            self.env.cache.invalidate()
            batch = batch.sudo(self.helpdesk).with_prefetch()
            before = self.env.cr.sql_log_count
            batch.mapped('hint_count')
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        # The window is a setting: none at zero hours.
        self.env['ir.config_parameter'].sudo().set_param(
            'tik_service_mgmt.duplicate_hint_hours', '0')
        self.env.cache.invalidate()
        self.assertFalse(tickets.mapped('hint_ids'))


class TestLinkRecap(TikCase):
    """The recap and the IKM of a fixture month (September 2026) with a duplicate and a
    mass outage of two attached reports, computed by hand below."""

    @classmethod
    def clock(cls, local):
        return mock.patch.object(fields.Datetime, 'now', return_value=utc(local))

    @classmethod
    def walk(cls, ticket, division, kabid, day):
        """Steps 2 to 7 of `ticket`, each at 09:00 .. 14:00 of `day`."""
        steps = [('helpdesk', {'division_id': division.id}, 'dispatch'),
                 (kabid, {'officer_id': cls.officer.id}, 'accept'),
                 ('officer', {'resolution': 'Sudah pulih.'}, 'report_resolution'),
                 (kabid, None, 'verify'), ('head', None, 'approve'),
                 ('helpdesk', None, 'close')]
        for hour, (actor, values, action) in enumerate(steps, 9):
            with cls.clock('%s %02d:00' % (day, hour)):
                cls.act(ticket, actor, values, action)

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.division_y.officer_ids = cls.officer
        with cls.clock('2026-09-07 08:00'):
            outage = cls.file_ticket(cls.requester_b, service_id=cls.service_y.id).sudo()
        with cls.clock('2026-09-07 08:10'):
            outage.sudo(cls.helpdesk).action_mark_outage(reason='Link utama putus.')
        with cls.clock('2026-09-07 08:20'):
            r1 = cls.file_ticket(service_id=cls.service_y.id)
            r2 = cls.file_in_portal(cls.portal, service_id=cls.service_y.id)
        with cls.clock('2026-09-07 08:30'):
            (r1 | r2).sudo(cls.helpdesk).action_merge(target_id=outage.id,
                                                       reason='Gangguan yang sama.')
        with cls.clock('2026-09-08 08:00'):
            t1 = cls.file_ticket(service_id=cls.service_x.id).sudo()
            again = cls.file_ticket(service_id=cls.service_x.id).sudo()
        with cls.clock('2026-09-08 08:30'):
            again.sudo(cls.helpdesk).action_merge(target_id=t1.id, reason='Terkirim dua kali.')
        cls.walk(outage, cls.division_y, 'kabid_other', '2026-09-07')
        cls.walk(t1, cls.division_x, 'kabid', '2026-09-08')
        with cls.clock('2026-09-11 10:00'):
            Survey = cls.env['tik.survey.response']
            Survey.sudo(cls.requester).answer(
                t1.id, dict(zip(ANSWERS, [4, 4, 4, 4, 3, 4, 4, 3, 3])))
            Survey.sudo(cls.requester_b).answer(
                outage.id, dict(zip(ANSWERS, [3, 3, 3, 4, 3, 4, 4, 3, 3])))
        cls.tickets = {'outage': outage, 'r1': r1.sudo(), 'r2': r2.sudo(), 't1': t1,
                       'again': again}

    def test_duplicates_are_counted_apart_and_not_surveyed(self):
        for key in ('r1', 'r2', 'again'):
            ticket = self.tickets[key]
            with self.assertRaises(UserError):
                self.env['tik.survey.response'].sudo(ticket.sudo().partner_id.user_ids[0]).answer(
                    ticket.id, dict(zip(ANSWERS, [4] * 9)))
        figures = self.env['tik.recap'].sudo(self.head).recap('2026-09')
        by_service = {row[0]: row[1:] for row in figures['counts']['service_id']}
        # Filed: the outage and its two reports (service Y), t1 and its duplicate (X);
        # ended as services: the outage and t1, one each, none rejected.
        self.assertEqual(by_service, {self.service_y.name: (3, 1, 0),
                                      self.service_x.name: (2, 1, 0)})
        by_channel = {row[0]: row[1:] for row in figures['counts']['channel']}
        self.assertEqual(by_channel, {'Aplikasi internal': (4, 2, 0), 'Portal': (1, 0, 0)})
        self.assertEqual(figures['duplicates'], {'ended': 3, 'outage': 2, 'outages': 1})
        # Both walked every step within its time standard, the same day they were filed.
        self.assertEqual((figures['tickets']['ended'], figures['tickets']['met']), (2, 2))
        # Step 2 was done five times (two dispatches, three endings as part of another);
        # the journal's link and outage records are no step of the SOP.
        done = {step['sequence']: step['done'] for step in figures['steps']}
        self.assertEqual(done, {2: 5, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2})
        # IKM of the two responses: NRR per element (4+3)/2 = 3.5 (U1-U3), 4 (U4),
        # 3 (U5), 4 (U6, U7), 3 (U8, U9): mean 31.5 / 9 = 3.5, x 25 = 87.50, grade B.
        self.assertEqual(figures['ikm']['responses'], 2)
        self.assertEqual(figures['ikm']['elements'], [3.5, 3.5, 3.5, 4.0, 3.0, 4.0, 4.0, 3.0, 3.0])
        self.assertAlmostEqual(figures['ikm']['ikm'], 87.5, places=2)
        self.assertEqual(figures['ikm']['grade'], 'B')
        report = self.env['tik.recap'].sudo(self.head).survey_report('2026-09-01', '2026-09-30')
        self.assertEqual(report['figures']['responses'], 2)
        for verdict in self.Ticket.browse([t.id for t in self.tickets.values()]).check_journal():
            self.assertTrue(verdict['intact'], verdict['reason'])
