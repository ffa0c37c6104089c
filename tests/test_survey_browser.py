# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The satisfaction survey in a real browser, on a 390 px phone: the requester is
invited on the ended ticket's page and in the list, answers the nine elements and
submits; the answers are then sealed. Screenshots under .local/log/screens/."""
import re
import time

import pytest

from conftest import DB
from portal_steps import PHONE, assert_readable, file_in_portal, login, overflow
from test_rpc import Actor, ref

SERVICE = 'Reset Kata Sandi E-mail Dinas'  # of Aplikasi Informatika, published
SURVEY_ENGLISH = ['Satisfaction Survey', 'Answer the Survey', 'Submit the Survey',
                  'Save as Draft', 'About you', 'Thank you', 'Suggestion']


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def ended_ticket(page):
    """A ticket filed in the portal by the logged-in requester, rejected at step 3."""
    file_in_portal(page, 'Uji survei %d: printer' % time.time(), SERVICE)
    ticket = int(re.search(r'/my/layanan-tik/(\d+)', page.url).group(1))
    helpdesk, kabid = Actor('helpdesk'), Actor('kabid.aptika')
    helpdesk('write', [ticket], {'division_id': ref(helpdesk,
                                                    'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    kabid('action_reject', [ticket], reason='Printer bukan layanan TIK.')
    return ticket


def test_the_requester_answers_the_survey_on_a_phone(phone):
    page = phone
    login(page, 'pengguna.portal')
    ticket = ended_ticket(page)
    page.reload()
    # Invited on the ticket page and in the list.
    assert page.locator('.o_tik_survey_invite').is_visible()
    page.goto(page.url.split('/my/')[0] + '/my/layanan-tik')
    assert page.locator('a.o_tik_survey_list_link[href$="/%d/survey"]' % ticket).count() == 1
    page.goto(page.url.split('/my/')[0] + '/my/layanan-tik/%d' % ticket)
    started = time.time()
    page.click('.o_tik_survey_link')
    page.wait_for_selector('form.o_tik_survey_form', timeout=30000)
    assert page.locator('fieldset.o_tik_survey_element').count() == 9
    assert 'Persyaratan' in page.inner_text('form.o_tik_survey_form')
    assert_readable(page, 'survey-phone-1-form')
    assert [s for s in SURVEY_ENGLISH if s in page.inner_text('body')] == []
    scores = [4, 3, 3, 4, 3, 4, 4, 2, 3]
    for number, score in enumerate(scores, 1):
        page.click('fieldset[data-element=u%d] input[value="%d"]' % (number, score))
    page.fill('textarea[name=suggestion]', 'Pelayanan cepat, terima kasih.')
    page.click('.o_tik_survey_submit')
    page.wait_for_selector('.o_tik_survey_done', timeout=30000)
    seconds = time.time() - started
    assert seconds < 60, seconds
    assert page.locator('form.o_tik_survey_form').count() == 0
    assert_readable(page, 'survey-phone-2-done')
    assert overflow(page) <= 0
    admin = Actor('admin')
    rows = admin.models.execute_kw(
        DB, admin.uid, 'admin', 'tik.survey.response', 'search_read',
        [[('ticket_id', '=', ticket)]],
        {'fields': ['u%d' % n for n in range(1, 10)] + ['state', 'suggestion']})
    assert len(rows) == 1 and rows[0]['state'] == 'submitted'
    assert [rows[0]['u%d' % n] for n in range(1, 10)] == scores
    # Sealed: the ticket page thanks, the list no longer invites.
    page.goto(page.url.split('/my/')[0] + '/my/layanan-tik/%d' % ticket)
    assert page.locator('.o_tik_survey_done').is_visible()
    assert page.locator('.o_tik_survey_invite').count() == 0
