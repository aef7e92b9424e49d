"""Full-text search over every transcript: `results_page.SearchResultsPage` (hits with snippets,
opening an interview at the moment). Talks to `SearchService`; shown by the Interviews section.
"""
