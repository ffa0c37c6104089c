# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import setuptools

setuptools.setup(
    setup_requires=["setuptools-odoo"],
    # The addon runs on Python 3 only, the Odoo 11 series on 2.7 too.
    python_requires=">=3.5",
    odoo_addon={
        # The wheel carries the manifest's version, the one Odoo and the migrations read.
        "post_version_strategy_override": "none",
    },
)
