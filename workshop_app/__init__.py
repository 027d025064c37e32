"""Pathfinder Workshop: an offline desktop program for Alliance 8.7 national planning workshops."""

# The one place the version is written; pyproject.toml and build.spec read it from here.
__version__ = "0.1.0"

APP_NAME = "Pathfinder Workshop"
ORGANIZATION_NAME = "Pathfinder Workshop"
