"""Widgets the pages are built from: choosers, field editors, charts, the details panels
beside the agenda and the road map, and the live panel.
"""

__all__ = [
    "country_combo",
    "delegates",
    "fields",
    "indicator_editor",
    "live_panel",
    "notices",
    "power_interest_grid",
    "roadmap_details",
    "session_details",
    "sex_bar_chart",
    "toolbar_row",
    "funding_sources",
]
