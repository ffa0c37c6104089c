# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The SOP's procedure as a table: which actor may do what, in which state, needing which
values, and where the ticket goes next. Plain Python, no Odoo: the models read it, the
guard in tik.ticket enforces it, and the tests walk it exhaustively.
"""
from collections import namedtuple

# The SOP's five actors (its "Pelaksana" columns).
ACTORS = [
    ('requester', 'Requester (Pengguna)'),
    ('helpdesk', 'Helpdesk'),
    ('division_head', 'Division Head (Kabid)'),
    ('officer', 'Officer (Pejabat Fungsional/Pelaksana)'),
    ('head', 'Agency Head (Kadin)'),
]

STATES = [
    ('new', 'New'),
    ('analysis', 'Analysis'),
    ('in_progress', 'In Progress'),
    ('verification', 'Verification'),
    ('approval', 'Approval'),
    ('approved', 'Approved'),
    ('closed', 'Closed'),
    ('rejected', 'Rejected'),
    ('duplicate', 'Part of Another Ticket'),
]

# The SOP step that is running while a ticket waits in a state. Step 1 (sending the
# ticket) is done when the ticket is created; ended states run no step.
STATE_STEP = {
    'new': 2,
    'analysis': 3,
    'in_progress': 4,
    'verification': 5,
    'approval': 6,
    'approved': 7,
}
# Ended by the SOP's own steps: a service given (or refused), surveyed and counted.
SERVED = ('closed', 'rejected')
# A duplicate ended as part of the ticket that carries its work (lib/link.py).
ENDED = SERVED + ('duplicate',)
# Journal lines that record an event beside the steps and move no ticket: a duplicate
# linked to the ticket carrying it, that link undone, the ticket marked as an outage.
RECORDS = ('link', 'unlink', 'outage')
# States whose resolution the division head verified: the requester reads it.
RESOLUTION_VERIFIED = ('approval', 'approved', 'closed')

Transition = namedtuple('Transition',
                        'state action actor decides requires reason target')

# (state, action) -> who acts, the values that actor decides while the ticket waits in
# that state, the values the ticket must hold, whether a written reason is required, and
# the next state. The actor is also the actor of the running step.
TRANSITIONS = {
    (t.state, t.action): t for t in [
        Transition('new', 'dispatch', 'helpdesk', ('division_id', 'service_id'),
                   ('division_id',), False, 'analysis'),
        Transition('analysis', 'accept', 'division_head',
                   ('service_id', 'officer_id', 'instruction'),
                   ('service_id', 'officer_id'), False, 'in_progress'),
        Transition('analysis', 'reject', 'division_head', (), (), True, 'rejected'),
        Transition('analysis', 'return_to_helpdesk', 'division_head', (), (), True, 'new'),
        Transition('in_progress', 'report_resolution', 'officer', ('resolution',),
                   ('resolution',), False, 'verification'),
        Transition('verification', 'verify', 'division_head', (), (), False, 'approval'),
        Transition('verification', 'request_rework', 'division_head', (), (), True,
                   'in_progress'),
        Transition('approval', 'approve', 'head', (), (), False, 'approved'),
        Transition('approval', 'request_rework', 'head', (), (), True, 'verification'),
        Transition('approved', 'close', 'helpdesk', (), (), False, 'closed'),
        # Ending a ticket as part of another (lib/link.py), and undoing it.
        Transition('new', 'merge', 'helpdesk', (), (), True, 'duplicate'),
        Transition('analysis', 'merge', 'division_head', (), (), True, 'duplicate'),
        Transition('duplicate', 'restore', 'helpdesk', (), (), True, 'new'),
    ]
}

# Step 1: what the requester reports. While the ticket is new its reporter may still
# correct the report, and the helpdesk, who may also file it for a caller, who is then
# the reporter (`partner_id`).
REPORT = ('name', 'description', 'phone', 'email', 'service_id')
REPORTED_BY = {'reporter': REPORT, 'helpdesk': REPORT + ('partner_id',)}

# Whom a late step escalates to: the actor's superior. The agency head has none above
# in the SOP, so a late approval comes back to the agency head as a reminder.
SUPERIOR = {'officer': 'division_head', 'division_head': 'head', 'helpdesk': 'head',
            'head': 'head'}

ACTIONS = [
    ('dispatch', 'Designate Division'),
    ('accept', 'Accept'),
    ('reject', 'Reject'),
    ('return_to_helpdesk', 'Return to Helpdesk'),
    ('report_resolution', 'Report Resolution'),
    ('verify', 'Verify'),
    ('request_rework', 'Request Rework'),
    ('approve', 'Approve Closing'),
    ('close', 'Close Ticket'),
    ('merge', 'End as Part of Another'),
    ('restore', 'Restore'),
]

# How a ticket reached the service desk. The first two are set by their intake path
# alone; the helpdesk says which of the others it took the ticket by.
CHANNELS = [
    ('portal', 'Portal'),
    ('email', 'E-mail'),
    ('phone', 'Phone'),
    ('walk_in', 'Walk-in'),
    ('whatsapp', 'WhatsApp'),
    ('backend', 'Backend'),
]
HELPDESK_CHANNELS = ('phone', 'walk_in', 'whatsapp', 'backend')

# A requester who finds no fitting service in the portal files under "Other / I don't
# know": the helpdesk chooses the service at step 2, which then needs it, beside the
# values the transition table requires.
CHOSEN_AT_DISPATCH = {'portal': ('service_id',)}

# What the reporter hears of, by e-mail and in the portal's discussion: the filing
# ('file') and these actions. The steps in between are the actors' business (their
# to-dos tell them), and the reporter is not told of them.
REPORTER_NOTICES = ('file', 'dispatch', 'accept', 'verify', 'close', 'reject', 'merge')


def transition(state, action):
    """The transition for `action` in `state`, or None when the SOP has none."""
    return TRANSITIONS.get((state, action))


def required(rule, channel):
    """The values a ticket that came by `channel` must hold for `rule`."""
    extra = CHOSEN_AT_DISPATCH.get(channel, ()) if rule.action == 'dispatch' else ()
    return tuple(rule.requires) + tuple(f for f in extra if f not in rule.requires)


def actions_from(state):
    """The actions the SOP allows while a ticket waits in `state`."""
    return [t.action for t in TRANSITIONS.values() if t.state == state]


def actor_of(state):
    """The actor a ticket waits for in `state` (None once ended)."""
    if state in ENDED:
        return None
    return next((t.actor for t in TRANSITIONS.values() if t.state == state), None)


def time_standard(state, deadline, at_risk, missed, now):
    """Where a ticket stands against the time standard at `now`: `deadline` and
    `at_risk` are its running step's moments, `missed` whether an earlier step missed
    its own (moments as comparable values, e.g. 'YYYY-MM-DD HH:MM:SS' in UTC)."""
    if state in ENDED:
        return 'missed' if missed else 'met'
    if deadline and deadline < now:
        return 'late'
    if at_risk and at_risk <= now:
        return 'at_risk'
    return 'on_track'


def running_step(state):
    """Sequence number of the SOP step running in `state` (None once ended)."""
    return STATE_STEP.get(state)


def decided_fields():
    """Every value some actor decides."""
    fields = set(REPORTED_BY['helpdesk'])
    for rule in TRANSITIONS.values():
        fields.update(rule.decides)
    return fields


def deciders(state, field):
    """The actors who decide `field` while a ticket waits in `state` ('reporter' is the
    requester the ticket is for)."""
    actors = {rule.actor for rule in TRANSITIONS.values()
              if rule.state == state and field in rule.decides}
    if state == 'new':
        actors.update(actor for actor, fields in REPORTED_BY.items() if field in fields)
    return actors


def replay(steps):
    """The state a journal leads to, read line by line through the transition table.

    `steps`: (SOP step sequence, action) of the sealed lines, oldest first; the first
    line is step 1, sending the ticket. Returns (state, index of the first line the SOP
    does not allow there, else None).
    """
    state = None
    for index, (sequence, action) in enumerate(steps):
        if state is None:
            if sequence != 1 or action:
                return state, index
            state = 'new'
            continue
        if action in RECORDS:
            continue
        rule = transition(state, action)
        # An ended ticket runs no step: its restoring line is the step it returns to.
        if not rule or (running_step(state) or running_step(rule.target)) != sequence:
            return state, index
        state = rule.target
    return state, None
