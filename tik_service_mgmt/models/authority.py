# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The authorities that code inside the addon hands to the ORM in the context.

Each is a Python object that only this code holds: a context coming over RPC or HTTP
is JSON and cannot carry it, so no user, administrators included, can pass for the
workflow or for an intake path, or date a step, from outside.
"""
from collections import namedtuple

from odoo import fields

# The authority to append to (and seal) the journal and to write the values the
# workflow derives.
WORKFLOW = object()

# Who filed a ticket by which path. `user` is the person who sent it (res.users, or
# None for an e-mail: a From: header is not authentication), `email` the sender's
# address as the message gave it.
Intake = namedtuple('Intake', 'channel user email')


def as_workflow(records):
    """`records` with the workflow's authority."""
    return records.sudo().with_context(tik_workflow=WORKFLOW)


def is_workflow(env):
    return env.context.get('tik_workflow') is WORKFLOW


def as_intake(records, channel, user=None, email=None):
    """`records` (tik.ticket) filing a ticket sent by `user` (or from `email`) through
    `channel`, with the authority of that intake path."""
    return records.sudo().with_context(tik_intake=Intake(channel, user, email))


def intake_of(env):
    """The Intake of the context, if code of the addon put one there."""
    intake = env.context.get('tik_intake')
    return intake if isinstance(intake, Intake) else None


# The moment (UTC string) the workflow records a step at, other than now: the demo data
# plays its tickets days back, so that their deadlines fall where a manager looks.
Clock = namedtuple('Clock', 'moment')


def at_moment(records, moment):
    """`records` whose workflow records its steps at `moment` (a UTC string)."""
    return records.with_context(tik_clock=Clock(moment))


def clock_of(env):
    """The moment code of the addon put in the context, or None."""
    clock = env.context.get('tik_clock')
    return clock.moment if isinstance(clock, Clock) else None


def moment_of(env):
    """The moment the workflow records a step at: the context's, else now."""
    return clock_of(env) or fields.Datetime.now()
