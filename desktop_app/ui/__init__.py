"""Qt Widgets user interface: main window, views, dialogs, item models."""
