# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Layanan TIK beside OCA mail addons (tests)",
    "summary": "Tests that the ICT service desk works with OCA addons that extend "
               "Odoo's mail models, the audit log and XLSX reports",
    "version": "11.0.1.0.0",
    "category": "Hidden",
    "website": "https://diskominfo.trenggalekkab.go.id",
    "author": "Diskominfo Kabupaten Trenggalek",
    "maintainers": ["diskominfo-trenggalek"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": [
        "tik_service_mgmt",
        "tik_mail_probe",
        "mail_activity_done",
        "mail_activity_team",
        "mail_restrict_follower_selection",
        "auditlog",
        "report_xlsx",
        "mail_tracking",
    ],
    "data": [
        "report/partner_xlsx.xml",
    ],
}
