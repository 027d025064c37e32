"""Pathfinder Workshop: an offline desktop program for Alliance 8.7 national planning workshops."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Pathfinder Workshop"
ORGANIZATION_NAME = "Pathfinder Workshop"

try:
    __version__ = version("pathfinder-workshop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
