"""Closer: bring employees closer to customers with recorded, tagged interviews (offline)."""

__version__ = "0.1.0"
