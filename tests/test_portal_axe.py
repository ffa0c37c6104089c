# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The service's pages pass axe-core's WCAG 2.1 A and AA rules, in a real browser, on
a phone (390 x 844) and on a desktop (1366 x 768): the public service standards and the
requester's list, form and ticket (Odoo's own login and /my home are Odoo's layout).

axe-core comes from npm (tools/setup.sh installs it into .local/node).
"""
import os
import re

import pytest

from conftest import URL
from portal_steps import DESKTOP, PHONE, ROOT, file_in_portal, login

AXE = os.path.join(ROOT, '.local', 'node', 'node_modules', 'axe-core', 'axe.min.js')
TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
SERVICE = 'Reset Kata Sandi E-mail Dinas'


def violations(page):
    """axe-core's A/AA violations of the page, as 'rule: target' lines."""
    if not page.evaluate('typeof axe !== "undefined"'):
        page.add_script_tag(path=AXE)
    result = page.evaluate('(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}})',
                           TAGS)
    return ['%s: %s' % (v['id'], ', '.join(str(n['target']) for n in v['nodes'][:3]))
            for v in result['violations']]


@pytest.fixture(scope='module')
def ticket_url(browser):
    page = browser.new_page()
    page.set_viewport_size(PHONE)
    login(page, 'pengguna.portal')
    file_in_portal(page, 'Uji aksesibilitas', SERVICE, description='Uji axe.')
    url = re.sub(r'[?#].*', '', page.url)
    browser.clear_cookies()
    page.close()
    return url


@pytest.mark.parametrize('viewport', [PHONE, DESKTOP], ids=['phone', 'desktop'])
def test_the_portal_passes_wcag_21_aa(page, ticket_url, viewport):
    page.set_viewport_size(viewport)
    found = {}
    page.goto(URL + '/layanan')
    found['/layanan'] = violations(page)
    login(page, 'pengguna.portal')
    for url in (URL + '/my/layanan-tik', URL + '/my/layanan-tik/new', ticket_url):
        page.goto(url)
        page.wait_for_load_state('networkidle')
        found[url] = violations(page)
    assert {page: rules for page, rules in found.items() if rules} == {}
