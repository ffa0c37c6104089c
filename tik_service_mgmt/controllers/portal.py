# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The requester's portal: their tickets and their unit's, one ticket, a new ticket.

The pages live under /my/layanan-tik: /my/tickets belongs to Odoo's Helpdesk and OCA
helpdesk_mgmt, and installed beside either, theirs would win. The old paths are not
served any more.

Access follows Odoo 11's `sale` portal: a ticket is browsed as the user and checked
against the access rights and record rules; only when that fails may its
`access_token` open it, and only then is the record read with sudo.
"""
import base64

import phonenumbers
from werkzeug.urls import url_encode

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from ..lib import workflow
from ..models.authority import as_intake
from ..models.utils import note_public

# Largest file a requester may attach, and the largest filing in all (the form and its
# files), unless the system parameter says otherwise; the reverse proxy should refuse
# larger bodies before they reach the server.
MAX_ATTACHMENT_MB = 25
MAX_REQUEST_MB = 30
MAX_REQUEST_PARAM = 'tik_service_mgmt.portal_max_request_mb'
HISTORY_KEY = 'my_tik_tickets_history'
# The form's choice "Other / I don't know": filed without a service, which the helpdesk
# chooses at step 2.
NO_SERVICE = 'other'
PORTAL_URL = '/my/layanan-tik'


def nul_refusal():
    """The form error of a text that held a NUL character."""
    return _('This text held a character that cannot be stored (NUL). It was removed: '
             'check the text and send it again.')


def phone_display(phone):
    """An E.164 number as people read it: `+6281334567890` is `+62 813-3456-7890`."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class TikCustomerPortal(CustomerPortal):

    def _prepare_portal_layout_values(self):
        values = super(TikCustomerPortal, self)._prepare_portal_layout_values()
        tickets = request.env['tik.ticket']
        # Record rules decide what the user sees; users without any access see none.
        values['tik_ticket_count'] = (
            tickets.search_count([])
            if tickets.check_access_rights('read', raise_exception=False) else 0)
        values['tik_may_file'] = self._tik_may_file()
        return values

    # --- list ---------------------------------------------------------------------

    def _tik_ticket_sortings(self):
        return {
            'date': {'label': _('Newest'), 'order': 'create_date desc, id desc'},
            'number': {'label': _('Number'), 'order': 'number desc'},
            'state': {'label': _('Status'), 'order': None},
        }

    @staticmethod
    def _tik_tickets_by_state(tickets, domain, offset, limit):
        """A page of tickets ordered as the workflow goes (new first, ended last)."""
        found = tickets.browse()
        for state, _label in workflow.STATES:
            state_domain = domain + [('state', '=', state)]
            count = tickets.search_count(state_domain)
            if offset >= count:
                offset -= count
                continue
            found |= tickets.search(state_domain, order='id desc', offset=offset,
                                    limit=limit - len(found))
            offset = 0
            if len(found) >= limit:
                break
        return found

    @http.route(['/my/layanan-tik', '/my/layanan-tik/page/<int:page>'], type='http',
                auth='user', website=True)
    def portal_my_tik_tickets(self, page=1, sortby=None, **kw):
        tickets = request.env['tik.ticket']
        if not tickets.check_access_rights('read', raise_exception=False):
            return request.redirect('/my')
        values = self._prepare_portal_layout_values()
        sortings = self._tik_ticket_sortings()
        if sortby not in sortings:
            sortby = 'date'
        domain = []
        pager = portal_pager(
            url=PORTAL_URL, url_args={'sortby': sortby},
            total=values['tik_ticket_count'], page=page, step=self._items_per_page)
        order = sortings[sortby]['order']
        if order:
            page_tickets = tickets.search(domain, order=order, limit=self._items_per_page,
                                          offset=pager['offset'])
        else:
            page_tickets = self._tik_tickets_by_state(
                tickets, domain, pager['offset'], self._items_per_page)
        request.session[HISTORY_KEY] = page_tickets.ids[:100]
        values.update({
            # Found by the user's record rules; shown as the tickets hold them, whether or
            # not the user may read, say, a colleague's contact (the reporter's name).
            'tik_tickets': page_tickets.sudo(),
            'page_name': 'tik_ticket',
            'pager': pager,
            'default_url': PORTAL_URL,
            'searchbar_sortings': sortings,
            'sortby': sortby,
        })
        return request.render('tik_service_mgmt.portal_my_tickets', values)

    # --- one ticket -----------------------------------------------------------------

    def _tik_ticket_check_access(self, ticket_id, access_token=None):
        """The ticket with sudo, once the user may read it or holds its token.

        Raises AccessError (or MissingError) otherwise.
        """
        ticket = request.env['tik.ticket'].browse([ticket_id])
        ticket_sudo = ticket.sudo()
        try:
            ticket.check_access_rights('read')
            ticket.check_access_rule('read')
        except AccessError:
            if not (access_token and ticket_sudo.exists() and ticket_sudo.access_token
                    and consteq(ticket_sudo.access_token, access_token)):
                raise
        if not ticket_sudo.exists():
            raise MissingError(_('This ticket does not exist.'))
        return ticket_sudo

    @staticmethod
    def _tik_ticket_readable(ticket_id):
        """Whether the user may read the ticket by the access rights and record rules."""
        tickets = request.env['tik.ticket'].with_context(active_test=False)
        return (tickets.check_access_rights('read', raise_exception=False)
                and bool(tickets.search_count([('id', '=', ticket_id)])))

    @staticmethod
    def _tik_ticket_files(ticket_sudo):
        """The files of the ticket itself; those of messages stay with their message."""
        files = request.env['ir.attachment'].sudo().search(
            [('res_model', '=', 'tik.ticket'), ('res_id', '=', ticket_sudo.id)], order='id')
        return files - ticket_sudo.message_ids.mapped('attachment_ids')

    @staticmethod
    def _tik_step_note_shown(step):
        """Whether the requester reads the note of journal line `step`."""
        return note_public(step)

    @staticmethod
    def _tik_record_pager(ticket):
        history = request.session.get(HISTORY_KEY, [])
        if ticket.id not in history:
            return {}
        index = history.index(ticket.id)
        url = PORTAL_URL + '/%s'
        return {
            'prev_record': index > 0 and url % history[index - 1],
            'next_record': index < len(history) - 1 and url % history[index + 1],
        }

    @http.route(['/my/layanan-tik/<int:ticket_id>'], type='http', auth='public', website=True)
    def portal_my_tik_ticket(self, ticket_id, access_token=None, **kw):
        if request.env.user._is_public() and not access_token:
            return request.redirect('/web/login?%s' % url_encode(
                {'redirect': '%s/%s' % (PORTAL_URL, ticket_id)}))
        try:
            ticket_sudo = self._tik_ticket_check_access(ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect('/my')
        # A token grants reading that ticket, not taking part in its discussion.
        by_token = not self._tik_ticket_readable(ticket_id)
        values = self._prepare_portal_layout_values()
        values.update({
            'tik_ticket': ticket_sudo,
            'page_name': 'tik_ticket',
            'token': access_token if by_token else None,
            'disable_composer': by_token,
            'no_breadcrumbs': by_token and request.env.user._is_public(),
            'show_resolution': ticket_sudo.state in workflow.RESOLUTION_VERIFIED,
            'step_note_shown': self._tik_step_note_shown,
            'attachments': self._tik_ticket_files(ticket_sudo),
            'may_download': not by_token,
            'phone_display': phone_display,
        })
        values.update(self._tik_record_pager(ticket_sudo))
        return request.render('tik_service_mgmt.portal_ticket_page', values)

    # --- new ticket -----------------------------------------------------------------

    def _tik_may_file(self):
        """Portal users file through the portal; internal users need the right to."""
        user = request.env.user
        return not user._is_public() and (
            user.has_group('base.group_portal')
            or request.env['tik.ticket'].check_access_rights('create',
                                                             raise_exception=False))

    @staticmethod
    def _tik_published_services():
        return request.env['tik.service'].search([('portal_published', '=', True)])

    @staticmethod
    def _tik_typed(post):
        """What the user typed in the form's text inputs (a NUL, which the database
        cannot store, removed: `_tik_validate` refuses the form that had one)."""
        return {key: post[key].replace('\x00', '') if isinstance(post.get(key), str) else ''
                for key in ('name', 'description', 'service_id', 'phone')}

    def _tik_validate(self, typed, files):
        """(values for create, errors {input name: message}) of a submitted form."""
        errors = {key: nul_refusal() for key in typed
                  if '\x00' in (request.params.get(key) or '')}
        vals = {
            'name': typed['name'].strip(),
            'description': typed['description'].strip() or False,
            'partner_id': request.env.user.partner_id.id,
        }
        if not vals['name']:
            errors['name'] = _('Write the subject of your request.')
        service_id = typed['service_id'].strip()
        service = request.env['tik.service']
        if service_id.isdigit():
            service = self._tik_published_services().filtered(
                lambda s: s.id == int(service_id))
        if not service and service_id != NO_SERVICE:
            errors['service_id'] = _('Choose a service of the catalogue, or "Other / I '
                                     'don\'t know" if none fits.')
        if service:
            vals['service_id'] = service.id
        phone = typed['phone'].strip()
        if phone:
            try:
                vals['phone'] = request.env['tik.ticket']._normalize_phone(phone)
            except UserError as refused:
                errors['phone'] = refused.name
        limit = MAX_ATTACHMENT_MB * 1024 * 1024
        for name, data in files:
            if len(data) > limit:
                errors['attachment'] = _('The file "%(name)s" is larger than %(size)s MB.') % {
                    'name': name, 'size': MAX_ATTACHMENT_MB}
        return vals, errors

    def _tik_render_form(self, typed, errors=None, files_dropped=False):
        values = self._prepare_portal_layout_values()
        services = self._tik_published_services()
        service_id = typed.get('service_id') or ''
        values.update({
            'chosen_service': services.filtered(lambda s: str(s.id) == service_id),
            # Only a refused form that had files loses them.
            'files_dropped': files_dropped,
            'page_name': 'tik_ticket_new',
            'service_groups': [
                (division, services.filtered(lambda s, d=division: s.division_id == d))
                for division in services.mapped('division_id')],
            'typed': typed,
            'errors': errors or {},
            'no_service': NO_SERVICE,
        })
        return request.render('tik_service_mgmt.portal_ticket_new', values)

    @http.route(['/my/layanan-tik/new'], type='http', auth='user', methods=['GET', 'POST'],
                website=True)
    def portal_new_tik_ticket(self, **post):
        if not self._tik_may_file():
            return request.redirect('/my')
        if request.httprequest.method != 'POST':
            partner = request.env.user.partner_id
            # From the public catalogue (/layanan), the service it was chosen for.
            service_id = post.get('service_id')
            return self._tik_render_form({
                'phone': partner.mobile or partner.phone or '',
                'service_id': service_id if isinstance(service_id, str) else ''})
        typed = self._tik_typed(post)
        most = request.env['ir.config_parameter'].sudo().get_param(MAX_REQUEST_PARAM)
        most = int(most) if (most or '').isdecimal() else MAX_REQUEST_MB
        if (request.httprequest.content_length or 0) > most * 1024 * 1024:
            return self._tik_render_form(typed, {'form': _(
                'The request is larger than %s MB in all: send fewer or smaller files.')
                % most}, files_dropped=True)
        files = []
        for upload in request.httprequest.files.getlist('attachment'):
            if upload.filename:
                # From the start: a request retried after a concurrent filing reads the
                # same upload again; never more than one byte past the limit.
                upload.stream.seek(0)
                files.append((upload.filename.replace('\x00', ''),
                              upload.read(MAX_ATTACHMENT_MB * 1024 * 1024 + 1)))
        vals, errors = self._tik_validate(typed, files)
        if errors:
            return self._tik_render_form(typed, errors, files_dropped=bool(files))
        # Nothing is written yet: the filing's transaction starts at the register's
        # lock, so that a burst of filings is filed in turn, none refused.
        request.env.cr.rollback()
        request.env['tik.ticket']._lock_register()
        try:
            with request.env.cr.savepoint():
                # Portal users may not create tickets by the ORM; the form is the gate,
                # and the reporter is always the user who sent it.
                ticket = as_intake(request.env['tik.ticket'], 'portal',
                                   request.env.user).create(vals)
                attachments = request.env['ir.attachment'].sudo().with_context(
                    attachments_mime_plainxml=True)
                for name, data in files:
                    attachments.create({
                        'name': name, 'datas_fname': name,
                        'datas': base64.b64encode(data),
                        'res_model': 'tik.ticket', 'res_id': ticket.id,
                    })
        except UserError as refused:
            return self._tik_render_form(typed, {'form': refused.name},
                                         files_dropped=bool(files))
        return request.redirect('%s/%s' % (PORTAL_URL, ticket.id))
