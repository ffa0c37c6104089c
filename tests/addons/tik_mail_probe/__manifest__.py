# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mail Probe (tests)",
    "summary": "Extends Odoo's mail models as a third-party addon does, to show "
               "which rows were written through the ORM",
    "version": "11.0.1.0.0",
    "category": "Hidden",
    "website": "https://diskominfo.trenggalekkab.go.id",
    "author": "Diskominfo Kabupaten Trenggalek",
    "maintainers": ["diskominfo-trenggalek"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["mail"],
    "data": [],
}
