"""Customers, personas, touchpoints, problem zones and keyword rules: the reference data tags use.

Entry widgets: `customers_view.CustomersView` and `touchpoints_view.TouchpointsView` (sections;
the latter holds the journey strip, the zones and `rules_page.KeywordRulesPage`). Dialogs edit one
row each (`customer_dialog`, `persona_dialog`, `touchpoint_dialog`, `zone_dialog`,
`touchpoint_delete_dialog`). Talks to `LibraryService` and `SuggestionService`; announces edits
on `LibraryEvents.customers_changed` / `taxonomy_changed` with the ids.
"""
