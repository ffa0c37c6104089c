# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every screen of the app, clicked through in the web client by each demo actor.

Each actor logs in, opens the app from the top menu and clicks every item of its menu
in turn: each view of the switcher, the first record of the list in its form, a
dialog's form, a printout's download. Any error dialog, JavaScript error (thrown or
logged to the console) or server error (HTTP 5xx) fails the actor's walk, naming the
screen. A screenshot of each screen is kept under .local/log/screens/.

Before the walks an escalation level has fired, so that *Configuration > Escalation
Levels* shows what it counts (see `escalated`).
"""
import os
import re
import time
import xmlrpc.client
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import DB, URL
from portal_steps import CORE_ENGLISH, DESKTOP, SCREENS
from test_login import login

# One login per SOP actor (README, Demo logins), and the administrator.
ACTORS = ['pengguna', 'helpdesk', 'kabid.aptika', 'petugas.aptika', 'kadin', 'manager',
          'admin']
APP = '#oe_main_menu_navbar a[data-menu-xmlid="tik_service_mgmt.menu_root"]'
VIEWS = {
    'list': '.o_list_view, .oe_view_nocontent',
    'kanban': '.o_kanban_view, .oe_view_nocontent',
    'pivot': '.o_pivot',
    'graph': '.o_graph',
    'form': '.o_form_view',
}
ANY_VIEW = ', '.join('.o_view_manager_content:not(.tik_seen) %s' % selector
                     for selector in '.o_list_view .oe_view_nocontent .o_kanban_view '
                                     '.o_pivot .o_graph .o_form_view'.split())
ERROR_DIALOGS = '.o_dialog_error, .modal .o_error_detail, .modal .o_dialog_warning'
# 'error' or 'screen' once one of the error dialogs or the screen awaited shows.
SHOWN = """([screen, errors]) => {
    const shown = (selector) => selector && Array.from(document.querySelectorAll(selector))
        .some(e => e.offsetWidth || e.offsetHeight || e.getClientRects().length);
    return shown(errors) ? 'error' : shown(screen) ? 'screen' : '';
}"""
# Odoo's English an Indonesian user must not see (CORE_ENGLISH), and the call to create
# that Odoo's mail adds, untranslated, to a screen's help that has none.
ENGLISH = CORE_ENGLISH + ['Click here to add new']
ERROR_TITLE = re.compile(r'error|kesalahan|warning|peringatan|galat', re.I)
# How long after the latest deadline of a running step the check runs when none is late
# yet: every running step is at risk and late by then, and late by two more working
# days unless holidays fill that week.
AFTER_DEADLINES = timedelta(days=7)


def rpc(user, model, method, *args, **kwargs):
    common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common')
    uid = common.authenticate(DB, user, user, {})
    models = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/object', allow_none=True)
    return models.execute_kw(DB, uid, user, model, method, list(args), kwargs)


def xmlid(name):
    module, name = name.split('.')
    return rpc('admin', 'ir.model.data', 'xmlid_to_res_id', '%s.%s' % (module, name))


@pytest.fixture(scope='module')
def escalated():
    """Makes sure an escalation level has fired in the database, and says how.

    First as it happens in production: the scheduled time standards check, run now
    (ir.cron method_direct_trigger, as the administrator), fires the levels of every
    step that is already at risk or late: on a freshly installed database the demo's
    late ticket and its ticket at risk. Then, if nothing has ever fired (a database
    without them), the same check runs as it will run a week after
    the latest deadline of a running step, through a server action the administrator
    makes for it and deletes afterwards: `tik.escalation._run(now=...)` with that
    moment. Nothing is written into the journal by hand; the firings are dated at that
    moment.
    """
    running = rpc('admin', 'tik.ticket.step', 'search_read',
                  [('sla_status', '=', 'running')], fields=['date_at_risk', 'date_deadline'])
    now = datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S')
    due = [line for line in running if line['date_at_risk'] <= now]
    before = rpc('admin', 'tik.escalation', 'search_count', [])
    rpc('admin', 'ir.cron', 'method_direct_trigger',
        [xmlid('tik_service_mgmt.ir_cron_sla_check')])
    fired = rpc('admin', 'tik.escalation', 'search_count', [])
    how = '%d before, %d by the scheduled check now (%d running steps due)' % (
        before, fired - before, len(due))
    if not fired:
        assert running, 'No running step to escalate.'
        latest = max(datetime.strptime(line['date_deadline'], '%Y-%m-%d %H:%M:%S')
                     for line in running)
        later = (latest + AFTER_DEADLINES).strftime('%Y-%m-%d %H:%M:%S')
        model = rpc('admin', 'ir.model', 'search', [('model', '=', 'tik.escalation')])
        action = rpc('admin', 'ir.actions.server', 'create', {
            'name': 'Time standards check as of %s' % later, 'model_id': model[0],
            'state': 'code',
            'code': "env['tik.escalation']._run(now='%s')\naction = False" % later})
        try:
            rpc('admin', 'ir.actions.server', 'run', [action])
        finally:
            rpc('admin', 'ir.actions.server', 'unlink', [action])
        fired = rpc('admin', 'tik.escalation', 'search_count', [])
        how = 'none due now; %d by the check as of %s UTC (%d running steps)' % (
            fired, later, len(running))
    print('\nEscalations fired: %d, by %s' % (fired, how))
    assert fired
    return fired


@pytest.fixture(scope='module')
def actions():
    """Per window action of the addon: its view modes and target."""
    rows = rpc('admin', 'ir.actions.act_window', 'search_read', [],
               fields=['view_mode', 'target'])
    return {row['id']: (row['view_mode'].split(','), row['target']) for row in rows}


class Screens(object):
    """One actor's walk: what went wrong, screen by screen."""

    def __init__(self, page, login_name):
        self.page, self.login = page, login_name
        self.console, self.server, self.problems = [], [], []
        self.screen = 'login'
        page.on('console', lambda message: message.type == 'error' and self.console.append(
            '%s: %s' % (self.screen, message.text)))
        page.on('response', lambda response: response.status >= 500 and self.server.append(
            '%s: HTTP %d %s' % (self.screen, response.status, response.url)))
        self.downloads = []
        page.on('download', lambda download: self.downloads.append(download))

    def dialogs(self):
        """The error dialogs shown."""
        return [dialog for dialog in self.page.locator('.modal:visible').all()
                if dialog.locator(ERROR_DIALOGS).count() or ERROR_TITLE.search(
                    ' '.join(dialog.locator('.modal-title').all_inner_texts()))]

    def show(self, selector, name, shot):
        """Waits for the screen `selector` (None: a download) or an error dialog,
        then checks it. False if the screen did not come or shows an error."""
        problems = len(self.problems)
        deadline = time.time() + 90
        state = ''
        while not state and time.time() < deadline:
            if selector is None and self.downloads:
                state = 'download'
            else:
                state = self.page.evaluate(SHOWN, [selector or '', ERROR_DIALOGS])
                self.page.wait_for_timeout(0 if state else 200)
        if not state:
            self.problems.append('%s, as %s: did not open' % (name, self.login))
        self.check(name, shot)
        return state != 'error' and len(self.problems) == problems

    def idle(self):
        """Waits until the web client has no call running and the screen is not
        blocked (a download blocks it until the file has come)."""
        self.page.wait_for_function(
            "() => !document.querySelector('.blockUI') && (!document.querySelector("
            "'.o_loading') || document.querySelector('.o_loading').offsetParent === null)",
            timeout=60000)
        self.page.wait_for_timeout(150)

    def check(self, name, shot):
        """Records what went wrong on the screen now shown, and keeps a screenshot
        (.local/log/screens/screens_<login>_<shot>.png)."""
        self.idle()
        page = self.page
        where = '%s, as %s' % (name, self.login)
        for dialog in self.dialogs():
            self.problems.append('%s: error dialog %s' % (where, dialog.inner_text()[:600]))
        body = page.inner_text('body')
        self.problems.extend('%s: shows "%s"' % (where, english)
                             for english in ENGLISH if english in body)
        for found, label in ((page.js_errors, 'JavaScript error'), (self.console, 'console'),
                             (self.server, 'server')):
            self.problems.extend('%s: %s %s' % (where, label, text) for text in found)
            del found[:]
        if shot:
            os.makedirs(SCREENS, exist_ok=True)
            page.screenshot(path=os.path.join(SCREENS, 'screens_%s_%s.png' % (
                self.login, shot)))

    def close_dialogs(self):
        for _attempt in range(5):
            close = self.page.locator('.modal:visible .modal-header .close')
            if not self.page.locator('.modal:visible').count():
                break
            if close.count():
                close.last.click()
            else:
                self.page.keyboard.press('Escape')
            self.page.wait_for_timeout(200)


def menu_items(page):
    """(xml id, name, action model, action id) of the app's menu items, in order."""
    return page.eval_on_selector_all(
        '.o_sub_menu .oe_secondary_menu:not([style*="none"]) a.oe_menu_leaf',
        "els => els.map(e => [e.dataset.menuXmlid, e.innerText.trim(), "
        "e.dataset.actionModel, parseInt(e.dataset.actionId)])")


@pytest.mark.parametrize('login_name', ACTORS)
def test_every_screen_opens(page, escalated, actions, login_name):
    page.set_viewport_size(DESKTOP)
    walk = Screens(page, login_name)
    login(page, URL, login_name)
    page.wait_for_selector(APP, timeout=30000)
    walk.screen = 'landing'
    walk.check('the landing page', 'landing')
    assert walk.problems == [], '\n'.join(walk.problems)
    page.click(APP)
    page.wait_for_selector('.o_sub_menu .oe_secondary_menu:not([style*="none"]) '
                           'a.oe_menu_leaf', timeout=30000)
    items = menu_items(page)
    assert items, login_name
    for xml_id, name, action_model, action_id in items:
        walk.close_dialogs()
        walk.screen = name
        screen = xml_id.split('.')[-1]
        page.evaluate("document.querySelectorAll('.o_view_manager_content')"
                      ".forEach(e => e.classList.add('tik_seen'))")
        item = '.o_sub_menu a[data-menu-xmlid="%s"]' % xml_id
        if action_model == 'ir.actions.server':
            # A printout: its PDF is downloaded.
            del walk.downloads[:]
            page.click(item)
            if walk.show(None, name, screen):
                download = walk.downloads[0]
                if download.failure() or not download.suggested_filename.endswith('.pdf'):
                    walk.problems.append('%s, as %s: download %s %s' % (
                        name, login_name, download.suggested_filename, download.failure()))
            continue
        modes, target = actions[action_id]
        page.click(item)
        if target == 'new':
            walk.show('.modal .o_form_view', name, screen)
            walk.close_dialogs()
            continue
        if not walk.show(ANY_VIEW, name, screen):
            continue
        switcher = '.o_control_panel .o_cp_switch_buttons button'
        shown = page.eval_on_selector_all(
            switcher, 'els => els.filter(e => e.offsetParent !== null)'
                      '.map(e => e.dataset.viewType)')
        # Every other view; the list last (back to it if it came first), to open a row.
        others = [view for view in shown if view != shown[0]]
        order = [view for view in others if view != 'list']
        order += ['list'] if 'list' in shown and others else []
        for view_type in order:
            button = '%s[data-view-type="%s"]' % (switcher, view_type)
            # The switcher ignores a click within 200 ms of the previous one.
            for _attempt in range(3):
                page.wait_for_timeout(250)
                page.click(button)
                try:
                    page.wait_for_selector(button + '.active', timeout=5000)
                    break
                except PlaywrightTimeout:
                    continue
            if not walk.show('.o_view_manager_content %s' % VIEWS[view_type],
                             '%s (%s)' % (name, view_type), '%s_%s' % (screen, view_type)):
                break
        rows = page.locator('.o_list_view .o_data_row:visible')
        if 'form' in modes and not walk.dialogs() and rows.count():
            rows.first.click()
            walk.show('.o_form_view', '%s (form)' % name, '%s_form' % screen)
    walk.screen = 'the last screen'
    walk.check('the last screen', None)
    assert walk.problems == [], '\n'.join(walk.problems)
