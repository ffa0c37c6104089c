# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ticket's mail: the chatter's notes, the notices to the reporter, who follows
the ticket, e-mail intake and replies. Everything goes through Odoo's mail.thread
(message_post, message_subscribe) and mail.activity, with Odoo's documented context
keys to keep a step lean."""
from email.utils import formataddr

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.tools import html2plaintext, html_escape

from ..lib import workflow
from .authority import as_intake, clock_of, intake_of, moment_of
from .tik_ticket_workflow import ACTOR_FOLLOW
from .utils import RECORD_LANG, format_for_reporter, selection_label

# The reporter's notices: one mail template per event of workflow.REPORTER_NOTICES,
# e-mailed in this layout (the agency's identity and the portal link).
NOTICE_TEMPLATE = 'tik_service_mgmt.mail_template_ticket_%s'
NOTICE_LAYOUT = 'tik_service_mgmt.mail_template_notice_layout'
NOTICE_SUBTYPE = 'tik_service_mgmt.mt_ticket_notice'
ACTOR_SUBTYPE = 'tik_service_mgmt.mt_ticket_actor'
# A workflow message is queued, not sent while the step waits, and subscribes nobody.
LEAN = {'mail_notify_force_send': False, 'mail_create_nosubscribe': True}


class TikTicketMail(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """A message is written in the poster's own name, dated when it is posted, and
        links only files the poster may read that belong to no other record. Only the
        superuser (the intake paths, the scheduled checks) posts for someone else."""
        if self.env.uid != SUPERUSER_ID:
            self._check_post(kwargs)
        elif 'author_id' not in kwargs:
            kwargs.update(self._intake_author())
        # A step the demo data plays days back is told when it happened.
        if clock_of(self.env):
            kwargs['date'] = clock_of(self.env)
        return super(TikTicketMail, self).message_post(*args, **kwargs)

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None,
                          force=True):
        """Where the workflow hands a to-do (context ACTOR_FOLLOW), the actor Odoo makes
        a follower follows quietly (`mt_ticket_actor`, which no message carries) and one
        who already follows is left as they are: the actors have their to-dos, and with
        the default subtypes every comment of the reporter would reach each of them by
        e-mail. Every other subscription (Add Followers, autofollow, the reporter) is
        Odoo's own."""
        if not (self.env.context.get(ACTOR_FOLLOW) and partner_ids) or channel_ids \
                or subtype_ids is not None:
            return super(TikTicketMail, self).message_subscribe(
                partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
                force=force)
        following = self.env['mail.followers'].sudo().search([
            ('res_model', '=', self._name), ('res_id', 'in', self.ids),
            ('partner_id', 'in', partner_ids)])
        pairs = {(follower.res_id, follower.partner_id.id) for follower in following}
        quiet = self.env.ref(ACTOR_SUBTYPE).ids
        done = True
        for ticket in self:
            new = [pid for pid in partner_ids if (ticket.id, pid) not in pairs]
            if new:
                done = super(TikTicketMail, ticket).message_subscribe(
                    partner_ids=new, subtype_ids=quiet, force=False) and done
        return done

    def _follow_reporter(self):
        """The reporter follows what is said to them: the discussion, not the internal
        notes nor the to-dos done (Odoo's subtypes for outside followers)."""
        _default, _internal, external = self.env['mail.message.subtype'].default_subtypes(
            self._name)
        self.message_subscribe(partner_ids=self.partner_id.ids, subtype_ids=external.ids)

    def _intake_author(self):
        """The author of what is posted while an intake path files a user's ticket.

        The portal files with sudo (its users may not create tickets by the ORM), so the
        creation note would be the superuser's; it is the requester's, who sent the
        form. Empty outside an intake of a known user.
        """
        intake = intake_of(self.env)
        if not (intake and intake.user):
            return {}
        partner = intake.user.sudo().partner_id
        return {'author_id': partner.id,
                'email_from': formataddr((partner.name, partner.email)) if partner.email
                              else partner.name}

    def _post(self, text, subtype, partners=None):
        """Posts plain `text` in the chatter as the current user, telling `partners`
        by name. The text holds what users wrote, so it is escaped and its links are
        not made live. The user may have no e-mail address: a step must not fail for
        that (the company's stands in)."""
        user = self.env.user
        address = user.email or user.company_id.email
        return self.with_context(**LEAN).message_post(
            body='<p>%s</p>' % html_escape(text).replace('\n', '<br/>'),
            subtype=subtype, message_type='notification',
            email_from=formataddr((user.name, address)) if address else user.name,
            partner_ids=partners.ids if partners else [])

    def _post_filing_note(self, sender, intake):
        """The chatter's note of step 1, in the name of who sent the ticket (the
        requester in the portal, the sender of an e-mail, the helpdesk taking a call),
        in the record's language."""
        ticket = self.with_context(lang=RECORD_LANG)
        text = _('%(step)s: sent by %(user)s (%(channel)s).') % {
            'step': self._sop_step(1).with_env(ticket.env).name,
            'user': (sender.sudo().partner_id if sender else self.sudo().partner_id).name,
            'channel': selection_label(ticket, 'channel', self.channel)}
        text = '%s\n%s' % (text, self.name)
        if not intake:
            return ticket._post(text, 'mail.mt_note')
        partner = sender.sudo().partner_id if sender else self.sudo().partner_id
        address = intake.email if intake.channel == 'email' else partner.email
        return ticket.with_context(**LEAN).message_post(
            body='<p>%s</p>' % html_escape(text).replace('\n', '<br/>'),
            subtype='mail.mt_note', message_type='notification', author_id=partner.id,
            email_from=formataddr((partner.name, address)) if address else partner.name)

    def _notify_reporter(self, event, calendar=None):
        """The reporter's notice of `event` (the filing, 'file', or an action of the
        SOP), if it is one of workflow.REPORTER_NOTICES.

        One public message in the ticket's discussion (the portal shows it), from the
        agency, in Indonesian whoever acted, e-mailed to the reporter alone in the
        agency's layout with the portal link. The actors are not told: they have their
        to-dos. The e-mail is queued for the mail scheduler: the step does not wait for
        the mail server.
        """
        if event not in workflow.REPORTER_NOTICES:
            return
        company = self.env.user.company_id
        agency = self._agency_address(company)
        for ticket in self.sudo().with_context(lang=RECORD_LANG):
            template = ticket.env.ref(NOTICE_TEMPLATE % event)
            ctx = ticket._notice_context(event, calendar)
            rendering = template.with_context(company=company, **ctx)
            reporter = ticket.partner_id
            ticket.with_context(custom_layout=NOTICE_LAYOUT, **dict(LEAN, **ctx)).message_post(
                subject=rendering.render_template(template.subject, self._name, ticket.id),
                body=rendering.render_template(template.body_html, self._name, ticket.id),
                subtype=NOTICE_SUBTYPE, message_type='comment',
                author_id=company.partner_id.id, email_from=agency,
                partner_ids=reporter.ids if reporter.email else [])

    def _notice_context(self, event, calendar=None):
        """What a notice's template reads from `ctx`: the portal link (with the token),
        and the date the reporter may expect (completion at filing, the resolution at
        acceptance), in Indonesian and the agency's time."""
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        values = {'tik_link': '%s%s?access_token=%s' % (base, self.portal_url,
                                                         self.access_token)}
        expected = False
        if event == 'file':
            # Each step after the filing taking its whole time standard.
            calendar = calendar or self._work_calendar()
            moment = fields.Datetime.from_string(moment_of(self.env))
            for days in self.env['tik.sop.step']._durations_after_filing(
                    self.service_id.resolution_days, self.sop_id):
                moment = calendar.deadline(moment, days)
            expected = fields.Datetime.to_string(moment)
        elif event == 'accept':
            expected = self.date_deadline
        elif event in ('close', 'reject'):
            values['tik_survey'] = '%s%s/survey' % (base, self.portal_url)
        if expected:
            values['tik_expected'] = format_for_reporter(
                expected, calendar.tz.zone if calendar else self._tz())
        return values

    @api.model
    def _agency_address(self, company):
        """The sender of the notices: the agency, by its own address or the catchall."""
        address = company.email
        if not address:
            params = self.env['ir.config_parameter'].sudo()
            alias = params.get_param('mail.catchall.alias')
            domain = params.get_param('mail.catchall.domain')
            address = alias and domain and '%s@%s' % (alias, domain)
        return formataddr((company.name, address)) if address else company.name

    def _message_post_after_hook(self, message):
        """What the reporter's side writes on an ended ticket (a reply to a notice, a
        portal comment) does not reopen it: the helpdesk gets a to-do to read it."""
        result = super(TikTicketMail, self)._message_post_after_hook(message)
        for ticket in self:
            if ticket.state in workflow.ENDED and ticket._from_reporter_side(message):
                ticket.with_context(lang=RECORD_LANG)._schedule_reply_todo(message)
        return result

    def _from_reporter_side(self, message):
        """Whether `message` is the reporter's word (or a colleague's outside the
        agency's staff): a comment or an e-mail, not a notice nor an internal note."""
        message = message.sudo()
        if message.message_type not in ('comment', 'email') or \
                message.subtype_id != self.env.ref('mail.mt_comment'):
            return False
        author = message.author_id
        if not author or author == self.partner_id:
            return True
        return not any(not user.share for user in author.user_ids)

    def _schedule_reply_todo(self, message):
        """A to-do for the helpdesk: the reporter wrote after the ticket ended (one at
        a time: an open one is handed over with the new text)."""
        ticket = self.sudo()
        user = ticket._actor_user('helpdesk', self.env['tik.sop.step'].sudo().by_sequence()[7])
        if not user:
            return
        author = message.sudo().author_id.name or message.sudo().email_from or ''
        excerpt = html2plaintext(message.sudo().body or '').strip()
        if len(excerpt) > 300:
            excerpt = excerpt[:300] + '\u2026'
        summary = _('%s \u2014 Read the reply to the ended ticket') % ticket.number
        note = html_escape(_(
            '%(author)s wrote after the ticket ended; it stays %(state)s: %(text)s') % {
            'author': author, 'text': excerpt,
            'state': selection_label(ticket.with_context(lang=RECORD_LANG), 'state',
                                     ticket.state)})
        todo = ticket._open_todos()[:1]
        if todo:
            todo.with_context(**{ACTOR_FOLLOW: True}).write({
                'user_id': user.id, 'summary': summary, 'note': note,
                'date_deadline': fields.Date.context_today(ticket.with_context(
                    tz=ticket._tz()))})
            ticket._todos_changed()
        else:
            ticket._schedule(user, summary, note)

    @api.multi
    def get_access_action(self, access_uid=None):
        """Portal users (from a notification's link, say) go to the portal page."""
        self.ensure_one()
        user = self.env['res.users'].sudo().browse(access_uid or self.env.uid)
        if not user.share:
            return super(TikTicketMail, self).get_access_action(access_uid)
        return {'type': 'ir.actions.act_url', 'url': self.portal_url, 'target': 'self',
                'res_id': self.id}

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A ticket from an e-mail to the addon's alias; the sender is the reporter."""
        self = self.with_context(lang=RECORD_LANG)  # pylint: disable=self-cls-assignment
        partners = self.env['res.partner'].sudo()
        partner = partners.browse(msg_dict.get('author_id'))
        if not partner and msg_dict.get('email_from'):
            partner = partners.browse(partners.find_or_create(msg_dict['email_from']))
        vals = {
            'name': (msg_dict.get('subject') or '').strip() or _('(no subject)'),
            'description': html2plaintext(msg_dict.get('body') or ''),
            'partner_id': partner.id,
            'email': partner.email,
        }
        sender = msg_dict.get('email_from') or partner.email
        return as_intake(self, 'email', email=sender).create(vals)
