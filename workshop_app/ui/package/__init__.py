"""The window's side of share packages: File › Share Package… with its options (`dialog`),
the package written in another thread while a progress dialog counts the steps (`progress`),
and a package opened from File › Open, a drop or the command line (`opening`)."""

__all__ = ["dialog", "progress", "opening"]
