"""What every Excel export shares: user text that can never become a formula, and the
look of the sheets (header fill, borders, row heights).
"""

__all__ = [
    "text",
]
