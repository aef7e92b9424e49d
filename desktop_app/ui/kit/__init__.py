"""What several features share, and nothing feature-specific: `UiContext`/`LibraryEvents`
(`context`), the section base (`section.SectionView`), the job runner and its sidebar panel
(`jobs`, `jobs_panel`), the one off-GUI-thread helper (`background.BackgroundLoader`), the filter
bar skeleton (`filter_bar`), the page header (`page_header`), form dialogs (`dialog`),
`signals_blocked` (`signals`), colours and spacing as named tokens (`tokens`), the insight
palette (`palette`), the tagging keys (`tag_keys`), translators (`i18n`) and the stylesheet
(`style`). Imports no feature package (import-linter checks it).
"""
