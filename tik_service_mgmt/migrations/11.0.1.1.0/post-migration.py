# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.0.0: a gap-free register, and journals whose lines know their place.

Lines sealed before this version hashed neither their place nor their at-risk moment;
they are sealed again under the new content, once, and the ticket gets its head.

The content and the hash are written out here as they were when this version came
(plain SQL and hashlib): a later change of the journal's code does not change what this
migration does. tests/test_migrations.py checks they match the addon's code of today.
"""
import hashlib
import json

from odoo import SUPERUSER_ID, api

# The line's columns its hash covers, read by SQL. Odoo 11's cursor returns dates as text.
LINES = """
    SELECT l.id, l.hash, l.position, l.action, l.user_id, l.channel, l.email_from,
           l.date_start, l.duration_days, l.date_deadline, l.date_at_risk, l.date_done,
           l.sla_status, l.date_escalated, l.hours_taken, l.note,
           t.number AS ticket, s.code AS step
      FROM tik_ticket_step l
      JOIN tik_ticket t ON t.id = l.ticket_id
      LEFT JOIN tik_sop_step s ON s.id = l.sop_step_id
     WHERE l.ticket_id = %s
     ORDER BY l.id"""


def _char(value):
    return False if value is None else value


def _datetime(value):
    return value[:19] if value else False


def line_content(line, position):
    """What a line's hash covers, as the ORM read it (empty values as Odoo gives them)."""
    return {
        'ticket': _char(line['ticket']),
        'position': position,
        'step': _char(line['step']),
        'action': line['action'] or '',
        'user': line['user_id'] or False,
        'channel': line['channel'] or '',
        'email_from': line['email_from'] or '',
        'date_start': _datetime(line['date_start']),
        'duration_days': line['duration_days'] or 0,
        'date_deadline': _datetime(line['date_deadline']) or '',
        'date_at_risk': _datetime(line['date_at_risk']) or '',
        'date_done': _datetime(line['date_done']) or '',
        'sla_status': line['sla_status'] or False,
        'date_escalated': _datetime(line['date_escalated']) or '',
        'hours_taken': '%.2f' % (line['hours_taken'] or 0.0),
        'note': line['note'] or '',
    }


def chain_hash(previous, content):
    """SHA-256 of the previous hash and the content's canonical JSON."""
    canonical = json.dumps(content, sort_keys=True, separators=(',', ':'),
                           ensure_ascii=False).encode('utf-8')
    return hashlib.sha256((previous or '').encode('ascii') + canonical).hexdigest()


def reseal(cr, ticket_id):
    """Numbers the ticket's lines by id and seals the sealed ones again."""
    cr.execute(LINES, (ticket_id,))
    columns = [column[0] for column in cr.description]
    head, length = '', 0
    for position, row in enumerate(cr.fetchall(), 1):
        line = dict(zip(columns, row))
        cr.execute('UPDATE tik_ticket_step SET position = %s WHERE id = %s',
                   (position, line['id']))
        if line['hash']:
            head, length = chain_hash(head, line_content(line, position)), position
            cr.execute('UPDATE tik_ticket_step SET hash = %s WHERE id = %s',
                       (head, line['id']))
    cr.execute('UPDATE tik_ticket SET journal_head = %s, journal_length = %s '
               'WHERE id = %s', (head or None, length, ticket_id))


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sequence = env.ref('tik_service_mgmt.seq_tik_ticket', raise_if_not_found=False)
    if sequence and sequence.implementation != 'no_gap':
        sequence.write({'implementation': 'no_gap',
                        'number_next': sequence.number_next_actual})
    cr.execute('SELECT id FROM tik_ticket ORDER BY id')
    for (ticket_id,) in cr.fetchall():
        reseal(cr, ticket_id)
    env['tik.ticket'].invalidate_cache()
    env['tik.ticket.step'].invalidate_cache()
