# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures for tests that drive a running server from outside: HTTP and a real browser.

tools/test.sh starts the server and sets TIK_URL and TIK_DB.
"""
import os
import tempfile

import pytest

URL = os.environ.get('TIK_URL', 'http://127.0.0.1:8169')
DB = os.environ.get('TIK_DB', 'tik_test')
# Test-only Odoo addons, whose tests Odoo's runner runs inside the server (tools/test.sh).
collect_ignore = ['addons']
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                 '--no-first-run', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']


@pytest.fixture(scope='session')
def url():
    return URL


@pytest.fixture(scope='session')
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        with tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(
                profile, executable_path='/usr/bin/chromium', args=CHROMIUM_ARGS,
                headless=True, locale='id-ID', timezone_id='Asia/Jakarta')
            yield context
            context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors = []
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    browser.clear_cookies()
    page.close()
