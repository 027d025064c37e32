"""What every Excel export shares.

- text:   user text that can never become a formula.
- styles: the look of the sheets (font, header band, rules, row heights, print setup).
"""

__all__ = [
    "text",
    "styles",
]
