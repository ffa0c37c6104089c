# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every demo actor can log in through the real login page of a running server."""
import pytest

BACKEND_USERS = ['admin', 'pengguna', 'helpdesk', 'kabid.aptika', 'kabid.infra',
                 'petugas.aptika', 'petugas.infra', 'kadin', 'manager']


def login(page, url, login):
    page.goto(url + '/web/login')
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', login)
    page.click('button[type=submit]')


@pytest.mark.parametrize('user', BACKEND_USERS)
def test_backend_actor_reaches_the_service_desk_app(page, url, user):
    login(page, url, user)
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
    page.wait_for_selector('a[data-menu-xmlid="tik_service_mgmt.menu_root"]',
                           state='attached', timeout=10000)
    assert page.js_errors == []


def test_portal_user_lands_in_the_portal(page, url):
    login(page, url, 'pengguna.portal')
    page.wait_for_url(url + '/my**', timeout=30000)
    assert page.locator('a[data-menu-xmlid="tik_service_mgmt.menu_root"]').count() == 0


def test_wrong_password_is_refused(page, url):
    page.goto(url + '/web/login')
    page.fill('input[name=login]', 'helpdesk')
    page.fill('input[name=password]', 'salah')
    page.click('button[type=submit]')
    page.wait_for_selector('.alert-danger', timeout=10000)
    assert '/web/login' in page.url
