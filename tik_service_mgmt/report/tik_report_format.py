# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the IKM report, the monthly recap and its spreadsheet write numbers: the
Indonesian way, a decimal comma (76,61); hours as H:MM."""


def number(value, digits=2):
    """`value` with `digits` decimals and a decimal comma; '-' for None."""
    if value is None:
        return '-'
    return ('%.*f' % (digits, value)).replace('.', ',')


def percent(value):
    return '-' if value is None else '%s %%' % number(value, 1)


def hours(value):
    """Working hours as H:MM; '-' for none."""
    if not value:
        return '-'
    minutes = int(round(value * 60))
    return '%d:%02d' % (minutes // 60, minutes % 60)
