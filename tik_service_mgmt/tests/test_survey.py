# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from ..lib import ikm as skm
from .common import TikCase

ANSWERS = ['u%d' % n for n in range(1, 10)]
# The conversion table of PermenPAN-RB 14/2017 as the test reads it (25-100 scale).
TABLE = [(88.31, 100.00, 'A'), (76.61, 88.30, 'B'), (65.00, 76.60, 'C'), (25.00, 64.99, 'D')]


def by_hand(responses):
    """The IKM the regulation prescribes, computed here from the answers: per element
    the mean (NRR), each weighted 1/9, summed, times 25; the grade from TABLE."""
    n = len(responses)
    nrr = [sum(r[i] for r in responses) / float(n) for i in range(9)]
    weighted = [value * (1.0 / 9) for value in nrr]
    ikm = round(sum(weighted) * 25, 2)
    grade = next(g for low, high, g in TABLE if low <= ikm <= high)
    return nrr, ikm, grade


def spread(total, count):
    """`count` responses of nine scores 1-4 whose scores add up to `total`, the
    elements given different means."""
    scores = [1] * (9 * count)
    left = total - len(scores)
    index = 0
    while left:
        if scores[index] < 4:
            scores[index] += 1
            left -= 1
        index = (index + 7) % len(scores)
    return [scores[i * 9:(i + 1) * 9] for i in range(count)]


class TestSurvey(TikCase):
    """The satisfaction survey: who answers, when, and the index it gives."""

    @classmethod
    def setup_data(cls):
        cls.Response = cls.env['tik.survey.response']

    def ended(self, count=1):
        return [self.ticket_in('rejected') for _i in range(count)]

    def answer(self, ticket, scores, user=None, submit=True, **extra):
        values = dict(zip(ANSWERS, scores), **extra)
        return self.Response.sudo(user or self.requester).answer(ticket.id, values,
                                                                 submit=submit)

    # --- the index ----------------------------------------------------------------

    def test_the_index_at_every_boundary_of_the_conversion_table(self):
        # Five responses: the IKM is 25 x (sum of scores) / 45; each pair lies on
        # either side of a bound of the table, 65.00 exactly on it.
        cases = [(116, 'D'), (117, 'C'), (137, 'C'), (138, 'B'), (158, 'B'), (159, 'A'),
                 ]
        for total, grade in cases:
            tickets = self.ended(5)
            responses = spread(total, 5)
            for ticket, scores in zip(tickets, responses):
                self.answer(ticket, scores)
            nrr, ikm, expected = by_hand(responses)
            self.assertEqual(expected, grade, total)
            found = self.Response.sudo(self.head).ikm(
                [('ticket_id', 'in', [t.id for t in tickets])])
            self.assertEqual(found['responses'], 5)
            self.assertEqual(found['ikm'], ikm, total)
            self.assertEqual(found['grade'], grade, total)
            for mine, theirs in zip(found['elements'], nrr):
                self.assertAlmostEqual(mine, theirs, places=4)
        self.assertEqual(by_hand(spread(117, 5))[1], 65.00)
        # The ends of the scale: 25.00 (all 1) and 100.00 (all 4).
        for scores, ikm, grade in (([1] * 9, 25.0, 'D'), ([4] * 9, 100.0, 'A')):
            ticket = self.ended()[0]
            self.answer(ticket, scores)
            found = self.Response.ikm([('ticket_id', '=', ticket.id)])
            self.assertEqual((found['ikm'], found['grade']), (ikm, grade))

    def test_the_grade_at_the_printed_bounds(self):
        for ikm, grade, performance in [
                (25.00, 'D', 'Tidak Baik'), (64.99, 'D', 'Tidak Baik'),
                (65.00, 'C', 'Kurang Baik'), (76.60, 'C', 'Kurang Baik'),
                (76.61, 'B', 'Baik'), (88.30, 'B', 'Baik'), (88.31, 'A', 'Sangat Baik'),
                (100.00, 'A', 'Sangat Baik')]:
            self.assertEqual(skm.grade_of(ikm), (grade, performance), ikm)

    def test_the_index_counts_only_submitted_responses_and_filters_by_domain(self):
        first, second, third = self.ended(3)
        self.answer(first, [4] * 9)
        self.answer(second, [2] * 9)
        self.answer(third, [1] * 9, submit=False)
        found = self.Response.sudo(self.manager).ikm(
            [('ticket_id', 'in', [first.id, second.id, third.id])])
        self.assertEqual((found['responses'], found['ikm'], found['grade']), (2, 75.0, 'C'))
        none = self.Response.sudo(self.manager).ikm([('id', '=', 0)])
        self.assertEqual((none['responses'], none['ikm'], none['grade']), (0, 0.0, False))

    # --- who answers, when ------------------------------------------------------------

    def assertRefused(self, error, call, message):
        count = self.Response.sudo().search_count([])
        with self.assertRaises(error) as refused:
            call()
        self.assertIn(message, refused.exception.name)
        self.env.cache.invalidate()
        self.assertEqual(self.Response.sudo().search_count([]), count)

    def test_one_response_per_ticket_sealed_once_submitted(self):
        ticket = self.ended()[0]
        self.answer(ticket, [3] * 9)
        response = self.Response.sudo().search([('ticket_id', '=', ticket.id)])
        self.assertEqual((response.state, response.u1), ('submitted', 3))
        self.assertRefused(UserError, lambda: self.answer(ticket, [4] * 9),
                           'is submitted and sealed')
        self.assertRefused(UserError, lambda: self.Response.sudo(self.requester).create(
            dict(zip(ANSWERS, [4] * 9), ticket_id=ticket.id)), 'can be answered once')
        self.assertRefused(UserError, lambda: response.sudo(self.requester).action_submit(),
                           'already submitted')
        self.assertRefused(UserError, lambda: response.sudo().unlink(), 'never deleted')
        self.env.cache.invalidate()
        self.assertEqual(response.u1, 3)

    def test_a_draft_is_editable_by_its_reporter_until_submitted(self):
        ticket = self.ended()[0]
        self.answer(ticket, [2, 2, 2], submit=False)
        response = self.Response.sudo().search([('ticket_id', '=', ticket.id)])
        self.assertEqual((response.state, response.u1, response.u4), ('draft', 2, 0))
        self.assertRefused(UserError, lambda: response.sudo(self.requester).action_submit(),
                           'Answer every element')
        self.answer(ticket, [3] * 9, suggestion='Sudah baik.')
        self.assertEqual((response.state, response.u1, response.suggestion),
                         ('submitted', 3, 'Sudah baik.'))

    def test_only_the_reporter_answers(self):
        ticket = self.ended()[0]
        for user in (self.requester_b, self.helpdesk, self.head, self.manager, self.kabid):
            self.assertRefused(AccessError, lambda u=user: self.answer(ticket, [4] * 9, user=u),
                               'Only the reporter')
        # As superuser too: the respondent is the ticket's reporter, no one else.
        self.assertRefused(AccessError, lambda: self.Response.sudo().answer(
            ticket.id, dict(zip(ANSWERS, [4] * 9))), 'Only the reporter')

    def test_staff_read_the_scores_but_never_edit_them(self):
        ticket = self.ended()[0]
        self.answer(ticket, [3] * 9, submit=False)
        response = self.Response.sudo().search([('ticket_id', '=', ticket.id)])
        for user in (self.helpdesk, self.head, self.manager, self.kabid):
            self.assertEqual(response.sudo(user).read(['u1'])[0]['u1'], 3)
            with self.assertRaises((AccessError, UserError)):
                response.sudo(user).write({'u1': 1})
        with self.assertRaises(AccessError):
            response.sudo(self.requester_b).read(['u1'])
        self.env.cache.invalidate()
        self.assertEqual(response.u1, 3)
        self.answer(ticket, [3] * 9)
        for user in (self.requester, self.manager):
            with self.assertRaises((AccessError, UserError)):
                response.sudo(user).write({'u1': 1})

    def test_scores_outside_one_to_four_are_refused(self):
        ticket = self.ended()[0]
        for wrong in (0, 5, -1, '3', 2.5, True):
            scores = [3] * 8 + [wrong]
            self.assertRefused(UserError, lambda s=scores: self.answer(ticket, s),
                               'score from 1 to 4')
        self.assertRefused(UserError, lambda: self.answer(ticket, [3] * 9, state='submitted'),
                           'cannot be given')

    def test_a_running_ticket_has_no_survey_yet(self):
        for state in ('new', 'analysis', 'approved'):
            ticket = self.ticket_in(state)
            self.assertRefused(UserError, lambda t=ticket: self.answer(t, [4] * 9),
                               'still running')

    def test_the_ending_message_invites_to_the_survey(self):
        closed = self.ticket_in('closed')
        rejected = self.ended()[0]
        for ticket in (closed, rejected):
            body = ticket.message_ids.sorted('id')[-1].body
            self.assertIn('/my/layanan-tik/%d/survey' % ticket.id, body)
        running = self.ticket_in('approval')
        self.assertNotIn('/survey', running.message_ids.sorted('id')[-1].body)
