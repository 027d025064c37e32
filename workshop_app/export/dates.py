"""Dates as printed in exports. English names written out here, not strftime: the GUI sets the
process locale, and a sign-in sheet should not switch language with the facilitator's laptop."""

import datetime as dt

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def long_date(value: str | None) -> str:
    """'2027-03-09' -> 'Tuesday 9 March 2027'; '' when there is no date."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(value: str | None) -> str:
    """'2027-03-09' -> '9 Mar 2027'."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def date_range(start: str | None, end: str | None) -> str:
    if not start:
        return ""
    if not end or end == start:
        return long_date(start)
    return f"{short_date(start)} – {short_date(end)}"
