# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The service manager's edits survive an update of the addon (tools/test.sh):

    upgrade_check.py edit ODOO_CONF DB     # the manager rewords a notice and the alias
    (odoo -u tik_service_mgmt)
    upgrade_check.py verify ODOO_CONF DB   # exits 1 unless both edits are still there

The database is a copy of one where the addon is installed, with the notices and the
alias marked updatable as earlier versions left them.
"""
import sys

import odoo

MANAGER = 'manager'
SUBJECT = '${object.number}: tiket Anda sudah kami terima (disunting)'
BODY = '<p>Teks pemberitahuan yang ditulis ulang oleh pengelola layanan.</p>'
ALIAS = {'alias_name': 'helpdesk-tik', 'alias_contact': 'partners'}

mode, conf, db = sys.argv[1:4]
odoo.tools.config.parse_config(['-c', conf, '--log-level=warn'])
with odoo.api.Environment.manage(), odoo.registry(db).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    if mode == 'edit':
        cr.execute("""UPDATE ir_model_data SET noupdate = false
                      WHERE module = 'tik_service_mgmt'
                        AND (model = 'mail.template' OR name = 'mail_alias_ticket')""")
    manager = env['res.users'].search([('login', '=', MANAGER)])
    # The manager edits in their own language and reads back in it; the source text
    # (en_US) is read too.
    contexts = {'manager': dict(lang=manager.lang), 'source': dict(lang='en_US')}
    template = env.ref('tik_service_mgmt.mail_template_ticket_file')
    alias = env.ref('tik_service_mgmt.mail_alias_ticket')
    if mode == 'edit':
        for lang in ('en_US', manager.lang):
            template.sudo(manager).with_context(lang=lang).write(
                {'subject': SUBJECT, 'body_html': BODY})
        alias.sudo(manager).write(ALIAS)
        cr.commit()
        print('the manager reworded %s and set the alias %s' % (template.name, ALIAS))
        sys.exit(0)
    failures = []
    for label, context in contexts.items():
        kept = template.with_context(**context)
        if kept.subject != SUBJECT or BODY not in (kept.body_html or ''):
            failures.append('the notice template (%s) is back to: %s'
                            % (label, kept.subject))
    values = {name: alias[name] for name in ALIAS}
    if values != ALIAS:
        failures.append('the alias is back to %s' % values)
    for failure in failures:
        print(failure)
    if not failures:
        print("the manager's notice template and alias survived the update")
    sys.exit(1 if failures else 0)
