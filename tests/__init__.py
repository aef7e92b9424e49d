"""Closer test suite."""
