# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A list that a search leaves empty says, in Indonesian, what it holds, how things get
there, and that the search or a filter hides the rest (Odoo 11 shows an action's help
whenever the list it searched is empty)."""
import os

import pytest

from conftest import URL
from portal_steps import DESKTOP, SCREENS
from test_backend_sop import land
from test_rpc import Actor, ref

NOTHING = 'tidakadakatainidimanapun'
FILTER_NOTE = 'Jika Anda mencari atau memakai filter, hapus filternya'
# (user, action, the help's first words)
LISTS = [
    ('kadin', 'tik_survey_response_action', 'Tidak ada jawaban survei untuk ditampilkan.'),
    ('kadin', 'tik_ticket_step_action', 'Tidak ada baris jurnal untuk ditampilkan.'),
    ('manager', 'tik_service_action', 'Tidak ada layanan untuk ditampilkan'),
    ('manager', 'tik_division_action', 'Tidak ada bidang untuk ditampilkan'),
    ('manager', 'tik_sop_action', 'Tidak ada versi SOP untuk ditampilkan'),
    ('manager', 'tik_sop_step_action', 'Tidak ada tahapan SOP untuk ditampilkan.'),
    ('helpdesk', 'tik_mail_held_action', 'Tidak ada e-mail tertahan untuk ditampilkan.'),
]


@pytest.mark.parametrize('user,action,headline', LISTS)
def test_a_search_that_finds_nothing_explains_the_list(page, user, action, headline):
    page.set_viewport_size(DESKTOP)
    land(page, user)
    page.goto('%s/web#action=%d&view_type=list' % (
        URL, ref(Actor(user), 'tik_service_mgmt.' + action)))
    page.wait_for_selector('.o_list_view, .oe_view_nocontent', timeout=30000)
    page.type('.o_searchview_input', NOTHING)
    page.keyboard.press('Enter')
    page.wait_for_selector('.o_searchview .o_facet_values:has-text("%s")' % NOTHING,
                           timeout=30000)
    page.wait_for_selector('.oe_view_nocontent', timeout=30000)
    text = page.inner_text('.oe_view_nocontent')
    assert headline in text, text
    assert FILTER_NOTE in text, text
    assert page.js_errors == []
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'empty_%s_%s.png' % (user, action)))
