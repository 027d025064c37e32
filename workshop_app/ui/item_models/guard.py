"""Qt calls a model's data() from C++ thousands of times a second. A Python exception there is
not an error dialog: Qt prints it and goes on with a half-painted view, or the program dies.
A value the model cannot show (an old or damaged file) must cost one empty cell, not the window.
"""

import functools

from workshop_app import failures

REPORTED: set[tuple[str, str, str]] = set()  # (model, method, error) already in the log


def never_raises(method):
    """Wrap a model method Qt calls: an exception is logged once per kind and the cell is empty."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # anything: Qt must never see it
            key = (type(self).__name__, method.__name__, type(error).__name__)
            if key not in REPORTED:  # data() repeats: one log entry says it all
                REPORTED.add(key)
                failures.record(error, f"{key[0]}.{key[1]}")
            return None

    return guarded
