# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""From 11.0.1.3.0: the notice templates and the mail alias are noupdate. Their data files
say so, which keeps them at an update; their records, made updatable by earlier
versions, are marked too, so that loading the translations with "overwrite" keeps the
service manager's wording as well.
"""
NAMES = (
    'mail_template_ticket_file', 'mail_template_ticket_dispatch',
    'mail_template_ticket_accept', 'mail_template_ticket_verify',
    'mail_template_ticket_close', 'mail_template_ticket_reject',
    'mail_template_notice_layout', 'mail_alias_ticket',
)


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE ir_model_data SET noupdate = true "
               "WHERE module = 'tik_service_mgmt' AND name IN %s", (NAMES,))
