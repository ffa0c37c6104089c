# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Waits for the requester or a third party, as the time standard counts them.

A step's clock counts the agency's own working time: each wait (from its hold to its
resume) moves the step's deadline by the working hours it took. A step already late
when it was put on hold stays late. Plain Python, no Odoo: `calendar` is a
lib.deadline.WorkCalendar and every moment a naive UTC datetime.
"""
import datetime

# Who a ticket on hold waits for.
PARTIES = [
    ('requester', 'Waiting for the Requester'),
    ('third_party', 'Waiting for a Third Party'),
]

# The actions on a ticket's wait (tik.ticket.action_hold, action_resume).
ACTIONS = ('hold', 'resume')

# What a journal line beside the steps records.
EVENTS = [
    ('hold', 'On Hold'),
    ('resume', 'Resumed'),
    ('amend', 'Deadline Amended'),
]


def waited_hours(calendar, start, end):
    """Working hours of one wait."""
    return calendar.working_hours(start, end)


def shifted(calendar, moment, hours):
    """`moment` moved later by `hours` working hours (unchanged for no wait)."""
    if hours <= 0:
        return moment
    moved = calendar.after_working_hours(moment, hours)
    # Hours are floats: the journal keeps whole seconds.
    return (moved + datetime.timedelta(microseconds=500000)).replace(microsecond=0)


def waits(events):
    """The finished waits, (hold, resume) pairs, of `events`: ('hold'|'resume', moment)
    pairs oldest first, as the journal keeps them (amendments and a wait still open
    count nothing)."""
    pairs, held = [], None
    for kind, moment in events:
        if kind == 'hold':
            held = moment
        elif kind == 'resume' and held is not None:
            pairs.append((held, moment))
            held = None
    return pairs


def deadline(calendar, start, days, events=()):
    """Deadline of a step of `days` working days started at `start`, moved by the
    working time of its finished waits (`events` as in :func:`waits`)."""
    hours = sum(waited_hours(calendar, a, b) for a, b in waits(events))
    return shifted(calendar, calendar.deadline(start, days), hours)


def late_at_hold(current_deadline, moment):
    """Whether a step put on hold at `moment` was already late: its lateness stays."""
    return bool(current_deadline) and moment > current_deadline


def first_out_of_order(kinds):
    """Index of the first event the journal may not hold there, else None.

    `kinds`: the event of each sealed line of one ticket, oldest first (None for a
    step's own line). A resume follows a hold of the same step; a step ends with no
    wait open, and a hold does not follow a hold.
    """
    held = False
    for index, kind in enumerate(kinds):
        if kind == 'hold':
            if held:
                return index
            held = True
        elif kind == 'resume':
            if not held:
                return index
            held = False
        elif kind is None and held:
            return index
    return None


def reminder_due(calendar, held_since, longest_days, now):
    """Whether a wait begun at `held_since` has lasted the longest wait, in working
    days, by `now`."""
    return calendar.deadline(held_since, longest_days) <= now
