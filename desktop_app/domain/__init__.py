"""Pure domain: dataclasses, enums and rules with no I/O, no Qt and no database."""
