"""Paths and settings: where the library lives and what the user chose."""
