# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.2.0:
- to-dos written in SQL left the ticket's stored next activity deadline
  (`activity_date_deadline`, what the activity filters and the ordering read) as it
  was; it is now kept with them. Recomputed for every ticket whose value disagrees
  with its to-dos;
- the rework count and the running rework's reason are columns written with each
  step (they were computed from the journal on every read): filled from the journal;
- the step deadline columns keep their values: they are written with the running line
  now instead of being related to it.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""
        UPDATE tik_ticket t SET activity_date_deadline = next.date_deadline
        FROM tik_ticket s
        LEFT JOIN LATERAL (
            SELECT a.date_deadline FROM mail_activity a
            WHERE a.res_model = 'tik.ticket' AND a.res_id = s.id
            ORDER BY a.date_deadline, a.id LIMIT 1) next ON true
        WHERE s.id = t.id
          AND t.activity_date_deadline IS DISTINCT FROM next.date_deadline""")
    cr.execute("""
        UPDATE tik_ticket t SET rework_count = r.count
        FROM (SELECT ticket_id, count(*) AS count FROM tik_ticket_step
              WHERE action = 'request_rework' AND hash IS NOT NULL
              GROUP BY ticket_id) r
        WHERE r.ticket_id = t.id""")
    cr.execute("""
        UPDATE tik_ticket t SET rework_reason = l.note
        FROM tik_ticket_step l
        WHERE l.id = (SELECT s.id FROM tik_ticket_step s
                      WHERE s.ticket_id = t.id AND s.hash IS NOT NULL
                      ORDER BY s.position DESC, s.id DESC LIMIT 1)
          AND l.action = 'request_rework'
          AND t.state NOT IN ('closed', 'rejected')""")
