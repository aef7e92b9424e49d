"""Schedule: recurring customer interviews. Entry widget: `view.ScheduleView` (a section).

Week / month / upcoming calendars (`week`, `month`, `upcoming`, `common`), the series list and
detail card (`series_list`, `detail`), cadence health (`health`, `coverage_chart`), guides
(`guides`, `guide_dialog`), series editing (`series_dialog`, `rule`, `change_dialogs`), .ics
import (`ics_import_dialog`), what buttons do (`actions`, through the `ScheduleHost` protocol)
and reminders while the app runs (`reminders`). Talks to `SchedulingService`; asks for the
recorder through `record_requested`.
"""
