# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import datetime

import phonenumbers
import pytz
from babel.dates import format_datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

# The language of the record: journal notes, step messages and to-dos are evidence,
# written in the agency's language whatever the language of the actor's screen.
RECORD_LANG = 'id_ID'
# The service desk's staff (every actor but the requester): who reads what is said
# between the actors (the instruction, the unverified resolution, rework and return
# reasons, the journal's internal notes). Requesters read the rest.
STAFF = ('tik_service_mgmt.group_helpdesk,tik_service_mgmt.group_division_head,'
         'tik_service_mgmt.group_officer,tik_service_mgmt.group_head,'
         'tik_service_mgmt.group_manager')
# Journal lines whose note the requester reads besides their own report (step 1): the
# reason a ticket was closed unresolved, the question of a wait for them and the day off
# that moved a deadline are addressed to them.
NOTE_PUBLIC_ACTIONS = ('reject',)
NOTE_PUBLIC_EVENTS = ('hold', 'amend')
# A stored datetime (UTC, 'YYYY-MM-DD HH:MM:SS') cut to the minute.
MINUTE = '%Y-%m-%d %H:%M'


def note_public(line):
    """Whether the requester reads the note of journal line `line` (tik.ticket.step)."""
    return (line.sop_step_id.sequence == 1 or line.action in NOTE_PUBLIC_ACTIONS
            or line.event in NOTE_PUBLIC_EVENTS)


def is_staff(user):
    """Whether `user` (res.users) is of the service desk's staff (STAFF)."""
    return any(user.has_group(group) for group in STAFF.split(','))


def in_users_language(model):
    """`model` speaking the context's language, else the user's (an RPC call may send
    no context at all)."""
    if model.env.context.get('lang'):
        return model
    return model.with_context(lang=model.env.user.lang)


def selection_label(model, field, value):
    """The translated label of `value` in the selection `field` of `model`."""
    model = in_users_language(model)
    return dict(model._fields[field]._description_selection(model.env)).get(value, value)


def field_label(model, field):
    """The translated label of `field` of `model`, in the user's language."""
    model = in_users_language(model)
    return model._fields[field].get_description(model.env)['string']


def format_phone(number):
    """A stored E.164 number as people read it: +6281334567890 -> +62 813-3456-7890."""
    if not number:
        return False
    try:
        parsed = phonenumbers.parse(number, 'ID')
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def user_zone(env):
    """The time zone of the request (the web client sends the user's), else the
    user's, else the agency's, as Odoo's context_timestamp chooses."""
    name = env.context.get('tz')
    if name not in pytz.all_timezones_set:
        user = env.user
        name = user.tz or user.company_id.partner_id.tz or 'Asia/Jakarta'
    return pytz.timezone(name)


def format_minutes(env, utc_string, zone=None):
    """A stored UTC datetime in the user's time zone (or `zone`, looked up once for a
    batch), to the minute (lists, cards)."""
    if not utc_string:
        return False
    moment = pytz.utc.localize(datetime.strptime(utc_string[:16], MINUTE)).astimezone(
        zone or user_zone(env))
    return '%02d/%02d/%d %02d:%02d' % (
        moment.day, moment.month, moment.year, moment.hour, moment.minute)


def format_for_reporter(utc_string, tz_name):
    """A stored UTC datetime as the notices write it, in the record's language and the
    agency's time: 'Senin, 7 Desember 2026, 15.00 WIB'."""
    moment = pytz.utc.localize(fields.Datetime.from_string(utc_string)).astimezone(
        pytz.timezone(tz_name))
    text = format_datetime(moment, "EEEE, d MMMM y, HH.mm", locale=RECORD_LANG)
    return '%s %s' % (text, moment.tzname())


# The refusals of the ticket as the web client shows them: a warning titled in the
# user's language (static/src/js/tik_backend.js), not Odoo's "Odoo Server Error". Each
# is still the UserError, AccessError or ValidationError it was.
class TicketWarning(UserError):
    pass


class TicketAccessWarning(AccessError):
    pass


class TicketValidationWarning(ValidationError):
    pass


WARNINGS = ((TicketWarning, UserError), (TicketAccessWarning, AccessError),
            (TicketValidationWarning, ValidationError))


@contextmanager
def shown_as_warning():
    """Raises a refusal of the block as its ticket warning, with the same message."""
    try:
        yield
    except (UserError, AccessError, ValidationError) as refusal:
        if isinstance(refusal, tuple(warning for warning, _base in WARNINGS)):
            raise
        warning = next(w for w, base in WARNINGS if isinstance(refusal, base))
        raise warning(refusal.name) from refusal
