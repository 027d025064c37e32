"""Writers for the PDF and Excel files that leave the room. Nothing here imports Qt."""
