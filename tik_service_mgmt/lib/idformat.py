# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dates, times and numbers as Indonesian documents write them (PUEBI): 6 Januari 2023,
06/01/2023 14.05 WIB, 1.234,5. Plain Python, no Odoo."""

MONTHS = ('Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
          'September', 'Oktober', 'November', 'Desember')
# Indonesia's three time zones by their Indonesian names.
ZONES = {'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA',
         'Asia/Jayapura': 'WIT'}


def long_date(day):
    """6 Januari 2023 (`day`: a date or datetime)."""
    return '%d %s %d' % (day.day, MONTHS[day.month - 1], day.year)


def short_datetime(moment):
    """06/01/2023 14.05 (`moment`: a local datetime)."""
    return moment.strftime('%d/%m/%Y %H.%M')


def zone_name(tz_name):
    """WIB for Asia/Jakarta; other zones by their own name."""
    return ZONES.get(tz_name, tz_name)


def number(value, decimals=0):
    """1.234,5 style: dot between thousands, comma before the decimals."""
    text = '{:,.{}f}'.format(value, decimals)
    return text.replace(',', '\x00').replace('.', ',').replace('\x00', '.')
