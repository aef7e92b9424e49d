"""Views shown in the main window's stacked area, one per sidebar section."""
