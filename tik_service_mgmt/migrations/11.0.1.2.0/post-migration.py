# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.1.0: the SOP is a document (tik.sop). The shipped document, put in force
by the data, gets the seven steps that existed, and every ticket filed until now ran
under it. Journal lines already point at those steps: their hashes do not change.
Everyone but the reporter now follows a ticket quietly (`mt_ticket_actor`): the
actors have their to-dos, and no longer get each comment by e-mail.
"""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sop = env.ref('tik_service_mgmt.sop_tik', raise_if_not_found=False)
    if not sop:
        return
    cr.execute('UPDATE tik_sop_step SET sop_id = %s WHERE sop_id IS NULL', (sop.id,))
    cr.execute('UPDATE tik_ticket SET sop_id = %s WHERE sop_id IS NULL', (sop.id,))
    env['tik.sop.step'].invalidate_cache()
    env['tik.ticket'].invalidate_cache()
    quiet = env.ref('tik_service_mgmt.mt_ticket_actor')
    cr.execute("""
        SELECT f.id FROM mail_followers f JOIN tik_ticket t ON t.id = f.res_id
         WHERE f.res_model = 'tik.ticket' AND f.partner_id IS NOT NULL
           AND f.partner_id IS DISTINCT FROM t.partner_id""")
    followers = [row[0] for row in cr.fetchall()]
    if followers:
        cr.execute('DELETE FROM mail_followers_mail_message_subtype_rel '
                   'WHERE mail_followers_id IN %s', (tuple(followers),))
        cr.executemany('INSERT INTO mail_followers_mail_message_subtype_rel '
                       '(mail_followers_id, mail_message_subtype_id) VALUES (%s, %s)',
                       [(follower, quiet.id) for follower in followers])
