"""The Qt user interface: windows, pages and dialogs. Widgets ask the document; they never run SQL."""
