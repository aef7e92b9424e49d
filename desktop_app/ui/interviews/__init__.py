"""Interviews: the list, import and one interview's page. Entry widget: `view.InterviewsView`.

`list_page` (table/grid with `filters`, `model`, `delegates`), `import_dialog` +
`import_batch` + `import_results` (files to interviews: the "import" job on the job runner),
`detail_page` (the player beside the transcript panel from `ui.transcript`, the highlights list
and the tag bar). Talks to `InterviewService` and `LibraryService`; opens search results from
`ui.search`; asks for the recorder through `record_requested`.
"""
