"""Error types that carry a message meant for the user (GUI and CLI show it as is)."""

from __future__ import annotations


class CloserError(Exception):
    """An error whose message is fit to show a user: it names the thing and the reason."""


class NotFoundError(CloserError):
    """A referenced record (customer, interview, touchpoint...) does not exist."""


class ValidationError(CloserError):
    """User input was rejected (bad date, unknown zone, severity out of range...)."""


class JobCancelled(Exception):
    """Raised inside a job when its CancelToken was set; not an error for the user."""
