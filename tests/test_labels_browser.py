# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""On the backend ticket form at 1366 x 768 no label runs into another or into its value:
a label that wraps keeps apart from the next one (Instruksi kepada Pelaksana, Laporan
Penyelesaian), and "Bagian dari:" keeps a space before the ticket it names."""
import os
import time

import pytest

from conftest import DB, URL
from portal_steps import DESKTOP, SCREENS
from test_backend_sop import land
from test_rpc import Actor

# Per column of labels of the form's groups: the gap between each label and the next.
LABEL_GAPS = """() => {
    const gaps = [];
    document.querySelectorAll('.o_form_sheet table.o_group, .o_form_sheet table.o_inner_group')
        .forEach(table => {
            const labels = Array.from(table.querySelectorAll(
                ':scope > tbody > tr > td.o_td_label > label'))
                .filter(label => label.offsetParent !== null && label.innerText.trim())
                .map(label => [label.innerText.trim(), label.getBoundingClientRect()]);
            for (let i = 1; i < labels.length; i++) {
                gaps.push([labels[i - 1][0] + ' / ' + labels[i][0],
                           Math.round(labels[i][1].top - labels[i - 1][1].bottom)]);
            }
        });
    return gaps;
}"""
PART_OF_GAP = """() => {
    const alert = document.querySelector('.o_tik_part_of');
    const label = alert.querySelector('strong').getBoundingClientRect();
    const value = alert.querySelector('.o_field_widget').getBoundingClientRect();
    return value.left - label.right;
}"""


def ticket_where(login, domain):
    actor = Actor(login)
    found = actor.models.execute_kw(DB, actor.uid, actor.login, 'tik.ticket', 'search',
                                    [domain], {'limit': 1, 'order': 'id desc'})
    assert found, domain
    return found[0]


def open_form(page, ticket):
    page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, ticket))
    page.wait_for_selector('.o_form_view .o_form_sheet .o_td_label', timeout=30000)
    page.wait_for_timeout(800)


@pytest.mark.parametrize('login', ['helpdesk', 'kadin', 'manager'])
def test_labels_of_a_closed_ticket_keep_apart(page, login):
    page.set_viewport_size(DESKTOP)
    land(page, login)
    open_form(page, ticket_where(login, [('state', '=', 'closed'),
                                         ('instruction', '!=', False),
                                         ('resolution', '!=', False)]))
    gaps = page.evaluate(LABEL_GAPS)
    assert gaps
    assert [gap for gap in gaps if gap[1] < 4] == [], [gap for gap in gaps if gap[1] < 4]
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'labels_closed_%s.png' % login),
                    full_page=True)
    assert page.js_errors == []


def test_part_of_keeps_a_space_before_the_ticket(page):
    page.set_viewport_size(DESKTOP)
    land(page, 'helpdesk')
    # Two reports of one problem: the helpdesk ends the second as part of the first.
    requester, helpdesk = Actor('pengguna'), Actor('helpdesk')
    stamp = time.time()
    carrier = requester('create', {'name': 'Uji label induk %d' % stamp,
                                   'description': 'Internet kantor mati.'})
    part = requester('create', {'name': 'Uji label bagian %d' % stamp,
                                'description': 'Internet kantor mati juga.'})
    helpdesk('action_merge', [part], target_id=carrier, reason='Laporan yang sama.')
    open_form(page, part)
    page.wait_for_selector('.o_tik_part_of .o_field_widget', timeout=30000)
    assert 'Bagian dari:' in page.inner_text('.o_tik_part_of')
    assert page.evaluate(PART_OF_GAP) >= 3
    assert page.js_errors == []
