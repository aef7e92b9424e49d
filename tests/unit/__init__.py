"""Unit tests: pure domain rules and services, no Qt."""
