# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Working-day arithmetic for the service desk's time standards.

Implements the rule of CONTRACT.md, "Time standards". Plain Python (stdlib +
pytz, no Odoo) so it can be tested on its own.

Every datetime going in or out is naive UTC, as Odoo 11 stores them.
Attendances are local wall-clock hours; leaves are naive UTC intervals, like
``resource.calendar.leaves`` records.
"""
import datetime
import numbers

import pytz

MAX_SEARCH_DAYS = 3 * 366
ONE_DAY = datetime.timedelta(days=1)

# Bounds of what a deadline is computed for: a step's time standard in working days,
# and the moment (naive UTC, both ends included) it starts. Far beyond them the day
# arithmetic only burns time and ends in an OverflowError.
MIN_DAYS = 1
MAX_DAYS = 60
MIN_START = datetime.datetime(2000, 1, 1)
MAX_START = datetime.datetime(2100, 1, 1)


def check_days(days):
    """ValueError unless `days` is an integer from MIN_DAYS to MAX_DAYS."""
    if (isinstance(days, bool) or not isinstance(days, numbers.Integral)
            or not MIN_DAYS <= days <= MAX_DAYS):
        raise ValueError("days must be an integer from %d to %d, got %r."
                         % (MIN_DAYS, MAX_DAYS, days))


def check_start(start):
    """ValueError unless `start` is a naive datetime from MIN_START to MAX_START."""
    if (not isinstance(start, datetime.datetime) or start.tzinfo is not None
            or not MIN_START <= start <= MAX_START):
        raise ValueError("start must be a naive UTC datetime from %s to %s, got %r."
                         % (MIN_START, MAX_START, start))


def _hours(value):
    return datetime.timedelta(seconds=round(float(value) * 3600))


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time())


def _merge(periods):
    merged = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class WorkCalendar(object):
    """Working periods per weekday plus holidays, in one timezone.

    The bounds of :meth:`deadline` are repeated as class attributes, for callers
    that hold the class rather than the module.

    :param attendances: iterable of ``(weekday, hour_from, hour_to)``, weekday
        0 = Monday (Odoo's ``dayofweek`` strings are accepted), hours as
        floats in local time (7.5 = 07:30).
    :param leaves: iterable of ``(date_from, date_to)`` naive UTC datetimes.
        A local date whose working periods a leave overlaps is not a working
        day at all.
    :param tz: timezone name of the attendances.
    """

    MIN_DAYS, MAX_DAYS = MIN_DAYS, MAX_DAYS
    MIN_START, MAX_START = MIN_START, MAX_START

    def __init__(self, attendances, leaves=(), tz='Asia/Jakarta'):
        self.tz = pytz.timezone(tz)
        periods = {weekday: [] for weekday in range(7)}
        for weekday, hour_from, hour_to in attendances:
            weekday = int(weekday)
            if weekday not in periods:
                raise ValueError("Invalid weekday %r in attendance." % weekday)
            if not 0 <= hour_from < hour_to <= 24:
                raise ValueError("Invalid attendance hours %r-%r." % (hour_from, hour_to))
            periods[weekday].append((_hours(hour_from), _hours(hour_to)))
        self._periods = {weekday: _merge(p) for weekday, p in periods.items()}
        if not any(self._periods.values()):
            raise ValueError(
                "The working calendar has no attendances: "
                "no working day can be found.")
        self._holidays = frozenset(self._leave_dates(leaves))

    # -- conversions ------------------------------------------------------

    def to_local(self, utc_dt):
        if utc_dt.tzinfo is None:
            utc_dt = pytz.utc.localize(utc_dt)
        return utc_dt.astimezone(self.tz).replace(tzinfo=None)

    def to_utc(self, local_dt):
        return self.tz.localize(local_dt).astimezone(pytz.utc).replace(tzinfo=None)

    # -- days -------------------------------------------------------------

    def _leave_dates(self, leaves):
        for date_from, date_to in leaves:
            start, end = self.to_local(date_from), self.to_local(date_to)
            day = start.date()
            while day <= end.date():
                day0 = _midnight(day)
                if any(start < day0 + p_end and end > day0 + p_start
                       for p_start, p_end in self._periods[day.weekday()]):
                    yield day
                day += ONE_DAY

    def is_working_day(self, local_date):
        if isinstance(local_date, datetime.datetime):
            local_date = local_date.date()
        return bool(self._periods[local_date.weekday()]) and local_date not in self._holidays

    def next_working_day(self, local_date):
        """First working day strictly after ``local_date``."""
        day = local_date
        for _i in range(MAX_SEARCH_DAYS):
            day += ONE_DAY
            if self.is_working_day(day):
                return day
        raise ValueError(
            "No working day within %d days after %s: check the working "
            "calendar's attendances and leaves." % (MAX_SEARCH_DAYS, local_date))

    def _count_from(self, local_dt):
        """Local moment from which a step started at ``local_dt`` counts."""
        day = local_dt.date()
        if self.is_working_day(day):
            day0 = _midnight(day)
            for p_start, p_end in self._periods[day.weekday()]:
                if local_dt <= day0 + p_end:
                    return max(local_dt, day0 + p_start)
        day = self.next_working_day(day)
        return _midnight(day) + self._periods[day.weekday()][0][0]

    # -- public API -------------------------------------------------------

    def deadline(self, start, days):
        """Deadline (naive UTC) of a step of ``days`` working days started at
        ``start`` (naive UTC), within the bounds above (else ValueError)."""
        check_days(days)
        check_start(start)
        origin = self._count_from(self.to_local(start))
        day = origin.date()
        for _i in range(days):
            day = self.next_working_day(day)
        periods = self._periods[day.weekday()]
        time_of_day = origin - _midnight(origin.date())
        time_of_day = min(max(time_of_day, periods[0][0]), periods[-1][1])
        return self.to_utc(_midnight(day) + time_of_day)

    def latest_start(self, end, days):
        """The latest start (naive UTC, to the second) whose deadline of ``days``
        working days is not after ``end``: a step whose deadline is at or before it
        is ``days`` working days past that deadline by ``end``.

        :meth:`deadline` never decreases as its start moves later, so the answer is
        found by bisection over whole seconds.
        """
        check_days(days)
        check_start(end)
        span = datetime.timedelta(days=2 * days + 14)
        low = end - span
        for _i in range(MAX_SEARCH_DAYS // 14 + 1):
            if low < MIN_START or self.deadline(low, days) <= end:
                break
            low -= span
        low = max(low, MIN_START)
        if self.deadline(low, days) > end:
            return low - datetime.timedelta(seconds=1)
        # deadline(low) <= end < deadline(end): the answer lies in [low, end).
        lo, hi = 0, int((end - low).total_seconds())
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.deadline(low + datetime.timedelta(seconds=mid), days) <= end:
                lo = mid
            else:
                hi = mid
        return low + datetime.timedelta(seconds=lo)

    def working_hours(self, start, end):
        """Working hours (float) between two naive UTC datetimes."""
        if end <= start:
            return 0.0
        start, end = self.to_local(start), self.to_local(end)
        total = datetime.timedelta()
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                day0 = _midnight(day)
                for p_start, p_end in self._periods[day.weekday()]:
                    lo, hi = max(start, day0 + p_start), min(end, day0 + p_end)
                    if hi > lo:
                        total += hi - lo
            day += ONE_DAY
        return total.total_seconds() / 3600.0

    def after_working_hours(self, start, hours):
        """The moment (naive UTC) at which ``hours`` working hours have passed since
        ``start`` (naive UTC): the inverse of :meth:`working_hours`."""
        check_start(start)
        left = datetime.timedelta(hours=hours)
        moment = self._count_from(self.to_local(start))
        day = moment.date()
        for _i in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                day0 = _midnight(day)
                for p_start, p_end in self._periods[day.weekday()]:
                    lo, hi = max(moment, day0 + p_start), day0 + p_end
                    if hi <= lo:
                        continue
                    if hi - lo >= left:
                        return self.to_utc(lo + left)
                    left -= hi - lo
            day += ONE_DAY
        raise ValueError("%s working hours do not fit in %d days." % (hours, MAX_SEARCH_DAYS))

    def before_working_hours(self, end, hours):
        """The latest moment (naive UTC) from which ``hours`` working hours pass until
        ``end`` (naive UTC): :meth:`after_working_hours` counted backwards."""
        check_start(end)
        left = datetime.timedelta(hours=hours)
        moment = self.to_local(end)
        day = moment.date()
        for _i in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                day0 = _midnight(day)
                for p_start, p_end in reversed(self._periods[day.weekday()]):
                    lo, hi = day0 + p_start, min(moment, day0 + p_end)
                    if hi <= lo:
                        continue
                    if hi - lo >= left:
                        return self.to_utc(hi - left)
                    left -= hi - lo
            day -= ONE_DAY
        raise ValueError("%s working hours do not fit in %d days." % (hours, MAX_SEARCH_DAYS))
