# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Pengelolaan Layanan TIK",
    "summary": "ICT service desk run by the SOP of Diskominfo Kabupaten Trenggalek",
    "version": "11.0.1.0.0",
    "category": "Services",
    "website": "https://diskominfo.trenggalekkab.go.id",
    "author": "Diskominfo Kabupaten Trenggalek",
    "maintainers": ["diskominfo-trenggalek"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "external_dependencies": {"python": ["phonenumbers", "pytz"]},
    "depends": ["base", "mail", "portal", "resource", "base_automation"],
    "data": [
        "security/tik_service_mgmt_security.xml",
        "security/ir.model.access.csv",
        "data/resource_calendar_data.xml",
        "data/resource_calendar_leaves_data.xml",
        "data/tik_sop_step_data.xml",
        "views/tik_sop_step_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/res_users_demo.xml",
    ],
}
