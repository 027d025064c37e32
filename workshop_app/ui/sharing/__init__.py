"""The window's side of sharing the draft with the room's phones: starting and stopping the
site, its address and QR code, and the comments phones send, which the facilitator accepts or
dismisses."""

__all__ = ["dialog", "room"]
