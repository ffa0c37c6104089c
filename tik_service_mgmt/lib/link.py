# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One problem, one ticket: when a ticket may end as part of another that carries the
work (a duplicate, or one more report of a mass outage), and which links are valid.
Plain Python, no Odoo: the guard of tik.ticket asks `refusal`, the tests ask it too.
"""
from collections import namedtuple

from . import workflow

# What the guard knows of a ticket for a link: its id, state, the ticket it is part of
# (an id or None) and the SOP version it runs under.
Linked = namedtuple('Linked', 'id state part_of sop')

# The journal lines that record a link beside the steps (workflow.RECORDS), by label.
RECORD_ACTIONS = [
    ('link', 'Duplicate Attached'),
    ('unlink', 'Duplicate Restored'),
    ('outage', 'Marked as Mass Outage'),
]

# Why a link is refused, in the order the guard checks.
SELF = 'self'            # a ticket cannot carry itself
CHAIN = 'chain'          # the carrier is itself part of another: link to that one
ENDED = 'ended'          # the carrier is closed or rejected: it carries no more work
CARRIES = 'carries'      # the ticket carries others: they would form a chain
MISSING = 'missing'      # no carrier named


def refusal(ticket, carrier, carried=0):
    """Why `ticket` may not end as part of `carrier` (Linked values; `carried`: how
    many tickets are part of `ticket` now), or None. A carrier filed under another SOP
    version is accepted: both keep their own journal and steps, only the work is
    shared (an outage lasts across the day a revised SOP comes into force)."""
    if carrier is None:
        return MISSING
    if carrier.id == ticket.id:
        return SELF
    if carrier.part_of or carrier.state == 'duplicate':
        return CHAIN
    if carrier.state in workflow.SERVED:
        return ENDED
    if carried:
        return CARRIES
    return None


def may_merge(state):
    """Whether a ticket waiting in `state` may end as part of another (steps 2 and 3)."""
    return workflow.transition(state, 'merge') is not None


def within_hours(earlier, later, hours):
    """Whether two moments (datetime) lie within `hours` of each other."""
    return abs((later - earlier).total_seconds()) <= hours * 3600


def hints(tickets, hours):
    """The possible duplicates among `tickets`: {id: [ids of the others]}.

    `tickets`: dicts with 'id', 'date' (datetime of filing), 'partner', 'unit',
    'service', 'phone' (ids or values, falsy when unknown). Two tickets are a possible
    duplicate when filed within `hours` of each other for the same service by the same
    reporter or unit, or from the same phone whatever the channel and the service.
    """
    found = {ticket['id']: [] for ticket in tickets}
    by_key = {}
    for ticket in tickets:
        keys = [('phone', ticket['phone'])] if ticket.get('phone') else []
        if ticket.get('service'):
            keys += [(name, ticket[name], ticket['service']) for name in ('partner', 'unit')
                     if ticket.get(name)]
        for key in keys:
            by_key.setdefault(key, []).append(ticket)
    for group in by_key.values():
        for one in group:
            for other in group:
                if other['id'] != one['id'] and other['id'] not in found[one['id']] and \
                        within_hours(one['date'], other['date'], hours):
                    found[one['id']].append(other['id'])
    return found
