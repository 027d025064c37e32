"""The Qt user interface: windows, pages and dialogs. Widgets ask the document; they never run SQL.

`app` starts Qt, with the bundled `fonts` registered so that every script shows; `main_window`
holds the menus and the `workshop_view` of the open file; every edit goes through the `session`
(the document, its one undo stack and its `changed` signal); `settings` keeps what the window
remembers; `error_dialog` shows an error nobody foresaw and logs its details. One page or dialog
a file, in `pages`, `dialogs`, `widgets`, `item_models` (Qt models over the document) and
`projector`.
"""

__all__ = [
    "app",
    "fonts",
    "main_window",
    "menus",
    "workshop_view",
    "session",
    "change_notice",
    "icons",
    "settings",
    "error_dialog",
    "pages",
    "dialogs",
    "widgets",
    "item_models",
    "projector",
]
