# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every screen of the app opens, with data in it, for every actor who sees it.

Driven by the menus: for each menu of the app a user sees whose action opens a window,
the calls the web client makes are made as that user: the views, the list's rows, the
groups of the kanban, pivot and graph, the first record in its form (with the rows of
its one2many lists and its chatter) and a new record where the user may create. A new
screen is covered as soon as it has a menu.
"""
import json
import time
import traceback
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval

from ..models.authority import as_workflow
from .common import TikCase

ANSWERS = ['u%d' % n for n in range(1, 10)]
# What the web client reads per page: a list, a kanban column.
LIST_LIMIT, KANBAN_LIMIT, THREAD_LIMIT = 80, 40, 30
# The chatter's widgets read their records through their own calls.
CHATTER_WIDGETS = ('mail_thread', 'mail_activity', 'mail_followers')


def eval_context(user):
    """The names the web client gives the expressions of actions and search views."""
    today = fields.Date.from_string(fields.Date.context_today(user))
    return {
        'uid': user.id, 'user': user, 'time': time, 'datetime': datetime,
        'relativedelta': relativedelta, 'context_today': lambda: today,
        'current_date': fields.Date.to_string(today),
        'active_id': False, 'active_ids': [], 'active_model': False,
    }


def modifiers(node):
    return json.loads(node.get('modifiers') or '{}')


def view_fields(arch):
    """(field name, node) of the fields the view itself shows, not those of the
    sub-views of its x2many fields."""
    found = []

    def walk(node):
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == 'field':
                found.append((child.get('name'), child))
            else:
                walk(child)
    walk(etree.fromstring(arch))
    return found


class TestScreens(TikCase):

    @classmethod
    def setup_data(cls):
        """Tickets in every state, a rework and a return, escalation levels that
        fired, answered surveys and the day's seal."""
        cls.tickets = {state: cls.ticket_in(state) for state in (
            'new', 'analysis', 'in_progress', 'verification', 'approval', 'approved',
            'closed', 'rejected')}
        reworked = cls.ticket_in('verification')
        cls.act(reworked, 'kabid', None, 'request_rework', reason='Lampirkan bukti.')
        returned = cls.ticket_in('analysis')
        cls.act(returned, 'kabid', None, 'return_to_helpdesk', reason='Bukan bidang kami.')
        responses = cls.env['tik.survey.response']
        for ticket, score in ((cls.tickets['closed'], 4), (cls.tickets['rejected'], 2)):
            responses.sudo(cls.requester).answer(
                ticket.id, dict(dict.fromkeys(ANSWERS, score), suggestion='Cepat.'))
        # The time standards check, run as it will run two weeks from now: every
        # running step is at risk, late and late by more working days.
        later = datetime.utcnow() + timedelta(days=14)
        cls.fired = cls.env['tik.escalation'].sudo()._run(
            now=fields.Datetime.to_string(later))
        seals = cls.env['tik.journal.seal']
        cls.seals = seals._seal_until(seals._local_day(fields.Datetime.now()))

    # --- the web client's calls ---------------------------------------------------

    def screens(self, user):
        """(menu, action) of the app's menus `user` sees that open a window."""
        tree = self.env['ir.ui.menu'].sudo(user).load_menus(False)
        roots = self.env['ir.model.data'].search([
            ('module', '=', 'tik_service_mgmt'), ('model', '=', 'ir.ui.menu')]).mapped(
                'res_id')
        found = []

        def walk(nodes, inside):
            for node in nodes:
                mine = inside or node['id'] in roots
                action = node.get('action') or ''
                if mine and action.startswith('ir.actions.act_window,'):
                    found.append((self.env['ir.ui.menu'].browse(node['id']),
                                  int(action.split(',')[1])))
                walk(node.get('children') or [], mine)
        walk(tree['children'], False)
        return found

    def search_defaults(self, model, arch, context, names):
        """The domain and grouping the search view's defaults (search_default_*)
        apply: filters of one run ORed, runs ANDed, as the web client does."""
        runs, run, group_by = [], [], []
        for node in etree.fromstring(arch).iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag != 'filter':
                if run:
                    runs.append(expression.OR(run))
                    run = []
            name = node.get('name')
            value = context.get('search_default_%s' % name) if name else None
            if not value:
                continue
            if node.tag == 'filter':
                own = safe_eval(node.get('context') or '{}', names)
                if own.get('group_by'):
                    group_by.append(own['group_by'])
                elif node.get('domain'):
                    run.append(safe_eval(node.get('domain'), names))
            elif node.tag == 'field':
                if node.get('filter_domain'):
                    runs.append(safe_eval(node.get('filter_domain'),
                                          dict(names, self=value)))
                else:
                    field = model._fields[name]
                    operator = 'ilike' if field.type in ('char', 'text', 'html') else '='
                    runs.append([(name, operator, value)])
        if run:
            runs.append(expression.OR(run))
        return expression.AND(runs or [[]]), group_by

    def read_x2many(self, model, record, name, node, field_info):
        """What the widget of an x2many field of a form or list reads."""
        ids = record[name]
        if not ids or modifiers(node).get('invisible') is True:
            return
        widget = node.get('widget')
        comodel = model.env[field_info['relation']]
        if widget == 'mail_thread':
            comodel.browse(ids[:THREAD_LIMIT]).message_format()
        elif widget == 'mail_activity':
            comodel.browse(ids).read()
        elif widget == 'mail_followers':
            # /mail/read_followers: the followers read as superuser once the document
            # may be read, then the subtypes the user may follow.
            model.browse(record['id']).check_access_rule('read')
            comodel.sudo().browse(ids).mapped(
                lambda follower: (follower.partner_id.name, follower.channel_id.name))
            model.env['mail.message.subtype'].search(
                [('hidden', '=', False), '|', ('res_model', '=', model._name),
                 ('res_model', '=', False)]).read(['name', 'internal', 'default'])
        elif widget in ('many2many_tags', 'many2many_checkboxes'):
            comodel.browse(ids).read(['display_name'])
        else:
            mode = (node.get('mode') or 'tree').split(',')[0]
            sub = field_info.get('views', {}).get(mode) or comodel.fields_view_get(
                view_type=mode)
            subrecords = comodel.browse(ids[:LIST_LIMIT]).read(list(sub['fields']))
            self.read_relations(comodel, subrecords, sub)

    def read_relations(self, model, rows, view):
        for name, node in view_fields(view['arch']):
            info = view['fields'].get(name, {})
            if info.get('type') in ('one2many', 'many2many'):
                for row in rows[:1]:
                    self.read_x2many(model, row, name, node, info)

    def onchange_spec(self, view, prefix=''):
        spec = {}
        for name, node in view_fields(view['arch']):
            spec[prefix + name] = node.get('on_change') or ''
            for sub in view['fields'].get(name, {}).get('views', {}).values():
                spec.update(self.onchange_spec(sub, prefix + name + '.'))
        return spec

    def new_record(self, model, form):
        """A new record in the form: its defaults, then the onchange of them all."""
        names = list(form['fields'])
        values = dict.fromkeys(names, False)
        for name in names:
            if form['fields'][name]['type'] in ('one2many', 'many2many'):
                values[name] = []
        values.update(model.default_get(names))
        model.onchange(values, names, self.onchange_spec(form))

    def may_create(self, model, *views):
        if not model.check_access_rights('create', raise_exception=False):
            return False
        for view in views:
            if view and etree.fromstring(view['arch']).get('create') in ('false', '0'):
                return False
        return True

    def open_screen(self, user, action_id):
        """What the web client does when `user` clicks a menu opening `action_id`."""
        window = self.env['ir.actions.act_window'].sudo(user).browse(action_id)
        action = window.read()[0]
        # The help shown on an empty screen is the action's own: Odoo's mail adds
        # its call to create (in English) to a help that has none.
        if (action['help'] or False) != (window.help or False):
            raise AssertionError('The help reads %r' % action['help'])
        names = eval_context(user)
        context = dict(user.sudo(user).context_get(), **safe_eval(action['context'] or '{}', names))
        model = self.env[action['res_model']].sudo(user).with_context(
            context, bin_size=True)
        # The web client calls the tree view a list.
        requested = [[view_id, 'list' if view_type == 'tree' else view_type]
                     for view_id, view_type in action['views']]
        types = [view_type for _view_id, view_type in requested]
        search_view = action.get('search_view_id')
        requested.append([search_view and search_view[0], 'search'])
        loaded = model.load_views(requested, {'toolbar': True, 'load_filters': True,
                                              'action_id': action_id})
        views = loaded['fields_views']
        form = views.get('form')
        if action['target'] == 'new':
            if self.may_create(model, form):
                self.new_record(model, form)
            return None
        domain, group_by = self.search_defaults(
            model, views['search']['arch'], context, names)
        domain = expression.AND([safe_eval(action['domain'] or '[]', names), domain])
        rows = []
        if 'list' in types:
            listed = views['list']
            if group_by:
                model.read_group(domain, list(set(listed['fields']) | {
                    group_by[0].split(':')[0]}), group_by[:1], lazy=True)
            rows = model.search_read(domain, list(listed['fields']), limit=LIST_LIMIT)
            self.read_relations(model, rows, listed)
        if 'kanban' in types:
            kanban = views['kanban']
            names_shown = list(kanban['fields'])
            root = etree.fromstring(kanban['arch'])
            grouped = group_by[:1] or ([root.get('default_group_by')]
                                       if root.get('default_group_by') else [])
            if grouped:
                names_shown = list(set(names_shown) | {grouped[0].split(':')[0]})
                for group in model.read_group(domain, names_shown, grouped, lazy=True):
                    if not group.get('__fold'):
                        cards = model.search_read(group['__domain'], names_shown,
                                                  limit=KANBAN_LIMIT)
                        self.read_relations(model, cards, kanban)
                        rows = rows or cards
            else:
                rows = rows or model.search_read(domain, names_shown, limit=KANBAN_LIMIT)
        for view_type in ('pivot', 'graph'):
            if view_type in types:
                self.read_chart(model, domain, group_by, views[view_type], view_type)
        if form and rows:
            record = model.browse(rows[0]['id'])
            read = record.read(list(form['fields']))[0]
            self.read_relations(model, [read], form)
        if form and self.may_create(model, form, views.get('list')):
            self.new_record(model, form)
        return len(rows)

    def read_chart(self, model, domain, group_by, view, view_type):
        rows, cols, measures = [], [], []
        for node in etree.fromstring(view['arch']):
            if node.tag != 'field':
                continue
            name = node.get('name')
            if node.get('interval'):
                name += ':' + node.get('interval')
            kind = node.get('type')
            if kind == 'measure':
                measures.append(name)
            elif kind == 'col':
                cols.append(name)
            else:
                rows.append(name)
        rows = group_by or rows
        if view_type == 'graph':
            groupings = [rows + cols]
        else:
            groupings = [rows[:i] + cols[:j] for i in range(len(rows) + 1)
                         for j in range(len(cols) + 1)]
        names = [name.split(':')[0] for name in rows + cols + measures]
        for grouping in groupings:
            model.read_group(domain, names, grouping, lazy=False)

    # --- the tests ----------------------------------------------------------------

    def test_every_screen_opens_for_every_actor(self):
        broken, rows_seen = [], {}
        for login in ('requester', 'helpdesk', 'kabid', 'officer', 'head', 'manager'):
            user = self.actors[login]
            screens = self.screens(user)
            self.assertTrue(screens, login)
            for menu, action_id in screens:
                try:
                    with self.env.cr.savepoint():
                        rows = self.open_screen(user, action_id)
                except Exception:  # pylint: disable=broad-except
                    broken.append('%s, as %s:\n%s' % (
                        menu.complete_name, user.login,
                        ''.join(traceback.format_exc().splitlines(True)[-4:])))
                else:
                    seen = rows_seen.get(menu.complete_name) or 0
                    rows_seen[menu.complete_name] = None if rows is None else max(seen, rows)
                self.env.cache.invalidate()
        if broken:
            self.fail('Screens that fail:\n' + '\n'.join(broken))
        # Each screen showed rows to some actor (a dialog shows a new record).
        self.assertEqual([name for name, rows in rows_seen.items() if rows == 0], [])
        self.assertIn('Layanan TIK/Configuration/Escalation Levels', rows_seen)
        self.assertIsNone(rows_seen['Layanan TIK/IKM and Monthly Recap'])

    def test_the_data_fills_every_screen(self):
        """What the screens above are opened with."""
        self.assertTrue(self.fired)
        self.assertTrue(self.seals.mapped('line_ids'))
        answered = self.env['tik.survey.response'].search(
            [('ticket_id', 'in', [self.tickets['closed'].id, self.tickets['rejected'].id])])
        self.assertEqual(answered.mapped('state'), ['submitted'] * 2)

    def test_a_level_counts_the_step_occurrences_it_fired_for(self):
        levels = self.env['tik.escalation.rule'].sudo(self.manager)
        twice = levels.create({'name': 'Terlambat: Kadin', 'moment': 'late',
                               'recipient': 'head', 'notify': 'message'})
        never = levels.create({'name': 'Berisiko: Helpdesk', 'moment': 'at_risk',
                               'recipient': 'helpdesk', 'notify': 'todo'})
        # Two step occurrences it fired for, recorded as the check records them.
        lines = (self.tickets['analysis'] | self.tickets['in_progress']).mapped(
            'current_step_id')
        for line in lines:
            as_workflow(self.env['tik.escalation']).create({
                'level_id': twice.id, 'step_id': line.id, 'ticket_id': line.ticket_id.id,
                'date': fields.Datetime.now()})
        self.assertEqual(twice.escalation_count, 2)
        self.assertEqual(never.escalation_count, 0)
        # Read together, as the list reads them, each level counts its own firings.
        counted = {row['id']: row['escalation_count']
                   for row in levels.search([]).read(['escalation_count'])}
        escalations = self.env['tik.escalation'].sudo()
        for level_id, count in counted.items():
            self.assertEqual(count, escalations.search_count([('level_id', '=', level_id)]))
        # The shipped "late" level fired, in setup_data, for every running step not on
        # hold (a wait stops the clock: the demo has a ticket on hold).
        late = self.env.ref('tik_service_mgmt.tik_escalation_rule_late')
        running = self.env['tik.ticket.step'].search([('sla_status', '=', 'running'),
                                                      ('date_hold', '=', False)])
        self.assertGreaterEqual(counted[late.id], len(running))
        self.assertFalse(running - escalations.search(
            [('level_id', '=', late.id)]).mapped('step_id'))
