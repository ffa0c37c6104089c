# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Steps of the requester's portal, for browser tests to reuse.

`file_in_portal` files a ticket the way a requester does, from the /my home, counting
the clicks; `PortalClicks` counts clicks and choices; `shot` keeps a screenshot under
.local/log/screens/; `assert_readable` checks a page for errors, sideways scrolling and
English strings of the addon.
"""
import os
import re

from conftest import URL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREENS = os.path.join(ROOT, '.local', 'log', 'screens')
PHONE = {'width': 390, 'height': 844}
DESKTOP = {'width': 1366, 'height': 768}
FORM = 'form.o_tik_ticket_form'
NUMBER = re.compile(r'TIK/\d{4}/\d{5}')
# English source strings of the addon's portal pages; an Indonesian user sees none.
ENGLISH = ['ICT Service Tickets', 'ICT Service Ticket', 'New Ticket', 'Step Deadline',
           'Reporter', 'Filed on', 'Progress', 'Problem Description', 'Send Ticket',
           'Choose a service', 'in progress', 'Time standard', 'Rejected', 'Attachments',
           'Subject', 'Division', 'not chosen yet', 'not designated yet', 'required',
           'What each service covers', 'Choose the files again', 'Reason for closing',
           'Messages', 'Role', 'Completed']

# Odoo's own strings on the users' path, translated by tik_service_mgmt/i18n_extra/id.po:
# an Indonesian user sees none of them (in the text or as a field's placeholder).
CORE_ENGLISH = ['Log note', 'Send message', 'Schedule activity', 'Mark Done',
                'Planned activities', 'Congratulations, your inbox is empty', 'Note by',
                'Write a message...', 'There are no comments for now.', 'Odoo Server Error']


def core_english_on(page):
    """Odoo's own English strings (of CORE_ENGLISH) the page shows."""
    text = page.evaluate(
        "() => [document.body.innerText].concat(Array.from("
        "document.querySelectorAll('[placeholder]'), e => e.getAttribute('placeholder'))"
        ").join('\\n')")
    return [s for s in CORE_ENGLISH if s in text]


class PortalClicks(object):
    """Clicks (and choices in a list) of one user on `page`."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def click(self, selector, **kwargs):
        self.page.click(selector, **kwargs)
        self.count += 1

    def select(self, selector, **kwargs):
        self.page.select_option(selector, **kwargs)
        self.count += 1


def shot(page, name):
    """Keeps a screenshot of the whole page as .local/log/screens/<name>.png."""
    os.makedirs(SCREENS, exist_ok=True)
    path = os.path.join(SCREENS, name + '.png')
    page.screenshot(path=path, full_page=True)
    return path


def overflow(page):
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate(
        'document.scrollingElement.scrollWidth - window.innerWidth')


def english_on(page):
    """The addon's English strings the page shows."""
    text = page.inner_text('body')
    return [s for s in ENGLISH if re.search(r'\b%s\b' % re.escape(s), text)]


def assert_readable(page, name, english=True):
    """No page error, no sideways scrolling, no English string of ours; a screenshot.

    english=False skips the last check, for a page that shows another addon's words
    (helpdesk_mgmt's "New Ticket" is English, and one of ours too).
    """
    shot(page, name)
    assert page.js_errors == [], page.js_errors
    assert overflow(page) <= 0, '%s: %d px wider than the window' % (name, overflow(page))
    if english:
        assert english_on(page) == [], '%s shows %s' % (name, english_on(page))
        assert core_english_on(page) == [], '%s shows %s' % (name, core_english_on(page))


def login(page, login_name, url=URL):
    page.goto(url + '/web/login')
    page.fill('input[name=login]', login_name)
    page.fill('input[name=password]', login_name)
    page.click('button[type=submit]')
    page.wait_for_url(url + '/my**', timeout=30000)


def file_in_portal(page, subject, service_label, description='', phone='', files=None,
                   url=URL, screens=None):
    """Files a ticket as the logged-in requester, from /my; returns (number, clicks).

    `service_label` is the service's name as the form lists it, `files` a list of
    Playwright file payloads. With `screens` (a prefix), a screenshot per step.
    Choosing files and typing are not clicks; choosing the service is one.
    """
    clicks = PortalClicks(page)
    if not page.url.rstrip('/').endswith('/my'):
        page.goto(url + '/my')
    if screens:
        assert_readable(page, screens + '-1-home')
    clicks.click('.o_tik_home_entry a')
    page.wait_for_selector('.o_tik_new_ticket', timeout=30000)
    if screens:
        assert_readable(page, screens + '-2-list')
    clicks.click('a.o_tik_new_ticket')
    page.wait_for_selector(FORM, timeout=30000)
    page.fill(FORM + ' input[name=name]', subject)
    clicks.select(FORM + ' select[name=service_id]', label=service_label)
    if description:
        page.fill(FORM + ' textarea[name=description]', description)
    if phone:
        page.fill(FORM + ' input[name=phone]', phone)
    if files:
        page.set_input_files(FORM + ' input[name=attachment]', files=files)
    if screens:
        assert_readable(page, screens + '-3-form')
    clicks.click(FORM + ' button[type=submit]')
    page.wait_for_url(re.compile(r'.*/my/layanan-tik/\d+$'), timeout=30000)
    number = page.text_content('.o_tik_number').strip()
    assert NUMBER.fullmatch(number), number
    if screens:
        assert_readable(page, screens + '-4-ticket')
    return number, clicks.count
