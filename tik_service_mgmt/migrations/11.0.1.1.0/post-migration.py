# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.0.0: a gap-free register, and journals whose lines know their place.

Lines sealed before this version hashed neither their place nor their at-risk moment;
they are sealed again under the new content, once, and the ticket gets its head.
"""
from odoo import SUPERUSER_ID, api

from odoo.addons.tik_service_mgmt.lib import journal


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sequence = env.ref('tik_service_mgmt.seq_tik_ticket', raise_if_not_found=False)
    if sequence and sequence.implementation != 'no_gap':
        sequence.write({'implementation': 'no_gap',
                        'number_next': sequence.number_next_actual})
    tickets = env['tik.ticket'].with_context(active_test=False).search([])
    for ticket in tickets:
        head, length = '', 0
        for position, line in enumerate(ticket.step_ids.sorted('id'), 1):
            cr.execute('UPDATE tik_ticket_step SET position = %s WHERE id = %s',
                       (position, line.id))
            line.invalidate_cache(['position'], line.ids)
            if line.hash:
                head, length = journal.chain_hash(head, line._content()), position
                cr.execute('UPDATE tik_ticket_step SET hash = %s WHERE id = %s',
                           (head, line.id))
        cr.execute('UPDATE tik_ticket SET journal_head = %s, journal_length = %s '
                   'WHERE id = %s', (head or None, length, ticket.id))
    tickets.invalidate_cache()
