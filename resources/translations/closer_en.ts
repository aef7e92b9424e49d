<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CoverageChart</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n interview(s), with transcripts and highlights, will be deleted too.</source>
        <translation>
            <numerusform>Their %n interview, with its transcript and highlights, will be deleted too.</numerusform>
            <numerusform>Their %n interviews, with transcripts and highlights, will be deleted too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) will keep their interviews but have no persona.</source>
        <translation>
            <numerusform>One customer will keep their interviews but have no persona.</numerusform>
            <numerusform>%n customers will keep their interviews but have no persona.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message numerus="yes">
        <source>video and %n audio track(s)</source>
        <translation>
            <numerusform>video and %n audio track</numerusform>
            <numerusform>video and %n audio tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sound on %n track(s)</source>
        <translation>
            <numerusform>sound on %n track</numerusform>
            <numerusform>sound on %n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked moment(s) became highlights to review.</source>
        <translation>
            <numerusform>%n marked moment became a highlight to review.</numerusform>
            <numerusform>%n marked moments became highlights to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuidesPanel</name>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>customer(s) overdue for an interview</source>
        <translation>
            <numerusform>customer overdue for an interview</numerusform>
            <numerusform>customers overdue for an interview</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>persona(s) not heard in 30+ days</source>
        <translation>
            <numerusform>persona not heard in 30+ days</numerusform>
            <numerusform>personas not heard in 30+ days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>touchpoint(s) nobody mentioned in 90+ days</source>
        <translation>
            <numerusform>touchpoint nobody mentioned in 90+ days</numerusform>
            <numerusform>touchpoints nobody mentioned in 90+ days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatmapGrid</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatmapPanel</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeatmapTab</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightEditDialog</name>
    <message numerus="yes">
        <source>Edit %n highlight(s)</source>
        <translation>
            <numerusform>Edit %n highlight</numerusform>
            <numerusform>Edit %n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightPickerDialog</name>
    <message numerus="yes">
        <source>%n ticked · {0}</source>
        <translation>
            <numerusform>%n ticked · {0}</numerusform>
            <numerusform>%n ticked · {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n clip(s)</source>
        <translation>
            <numerusform>Add %n clip</numerusform>
            <numerusform>Add %n clips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightsList</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightsTable</name>
    <message numerus="yes">
        <source>Changed %n highlight(s).</source>
        <translation>
            <numerusform>Changed %n highlight.</numerusform>
            <numerusform>Changed %n highlights.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n highlight(s).</source>
        <translation>
            <numerusform>Deleted %n highlight.</numerusform>
            <numerusform>Deleted %n highlights.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n highlight(s) to {0}.</source>
        <translation>
            <numerusform>Exported %n highlight to {0}.</numerusform>
            <numerusform>Exported %n highlights to {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IcsImportDialog</name>
    <message numerus="yes">
        <source>{0}: %n event(s). Each becomes an interview series.</source>
        <translation>
            <numerusform>{0}: %n event. It becomes an interview series.</numerusform>
            <numerusform>{0}: %n events. Each becomes an interview series.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n file(s), {0}</source>
        <translation>
            <numerusform>%n file, {0}</numerusform>
            <numerusform>%n files, {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n recording(s)</source>
        <translation>
            <numerusform>Import %n recording</numerusform>
            <numerusform>Import %n recordings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message numerus="yes">
        <source>All %n recording(s) imported</source>
        <translation>
            <numerusform>%n recording imported</numerusform>
            <numerusform>All %n recordings imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n recording(s) imported</source>
        <translation>
            <numerusform>{0} of %n recording imported</numerusform>
            <numerusform>{0} of %n recordings imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported; the others are in your library.</source>
        <translation>
            <numerusform>%n file could not be imported; the others are in your library.</numerusform>
            <numerusform>%n files could not be imported; the others are in your library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewDetailPage</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewsListPage</name>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {0} of %n interview(s)</source>
        <translation>
            <numerusform>Showing {0} of %n interview</numerusform>
            <numerusform>Showing {0} of %n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transcribe %n untranscribed</source>
        <translation>
            <numerusform>Transcribe %n untranscribed</numerusform>
            <numerusform>Transcribe %n untranscribed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message numerus="yes">
        <source>Importing %n recording(s) for {0}… Progress is shown in the sidebar.</source>
        <translation>
            <numerusform>Importing %n recording for {0}… Progress is shown in the sidebar.</numerusform>
            <numerusform>Importing %n recordings for {0}… Progress is shown in the sidebar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n recording(s) imported. Could not import: {1}</source>
        <translation>
            <numerusform>{0} of %n recording imported. Could not import: {1}</numerusform>
            <numerusform>{0} of %n recordings imported. Could not import: {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) imported for {0}.</source>
        <translation>
            <numerusform>%n recording imported for {0}.</numerusform>
            <numerusform>%n recordings imported for {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JourneyStrip</name>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain(s) tagged</source>
        <translation>
            <numerusform>%n pain tagged</numerusform>
            <numerusform>%n pains tagged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaylistsPage</name>
    <message numerus="yes">
        <source>%n reel(s)</source>
        <translation>
            <numerusform>%n reel</numerusform>
            <numerusform>%n reels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n reel(s). Open {0} in any browser, or copy the folder to the onboarding drive.</source>
        <translation>
            <numerusform>Exported %n reel. Open {0} in any browser, or copy the folder to the onboarding drive.</numerusform>
            <numerusform>Exported %n reels. Open {0} in any browser, or copy the folder to the onboarding drive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassignDeleteDialog</name>
    <message numerus="yes">
        <source>%n highlight(s) tagged with it. What should happen to the tag?</source>
        <translation>
            <numerusform>One highlight is tagged with it. What should happen to its tag?</numerusform>
            <numerusform>%n highlights are tagged with it. What should happen to their tags?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryNotice</name>
    <message numerus="yes">
        <source>%n interrupted recording(s) recovered</source>
        <translation>
            <numerusform>%n interrupted recording was recovered</numerusform>
            <numerusform>%n interrupted recordings were recovered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reels</name>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReelsView</name>
    <message numerus="yes">
        <source>%n customer moment(s)</source>
        <translation>
            <numerusform>%n customer moment</numerusform>
            <numerusform>%n customer moments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message numerus="yes">
        <source>Interview in %n min</source>
        <translation>
            <numerusform>Interview in %n min</numerusform>
            <numerusform>Interview in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interview started %n min ago</source>
        <translation>
            <numerusform>Interview started %n min ago</numerusform>
            <numerusform>Interview started %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) need attention</source>
        <translation>
            <numerusform>%n interview needs attention</numerusform>
            <numerusform>%n interviews need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) coming up</source>
        <translation>
            <numerusform>%n interview coming up</numerusform>
            <numerusform>%n interviews coming up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleActions</name>
    <message numerus="yes">
        <source>Imported %n series.</source>
        <translation>
            <numerusform>Imported %n series.</numerusform>
            <numerusform>Imported %n series.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message numerus="yes">
        <source>Next %n day(s)</source>
        <translation>
            <numerusform>Next %n day</numerusform>
            <numerusform>Next %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message numerus="yes">
        <source>%n moment(s)</source>
        <translation>
            <numerusform>%n moment</numerusform>
            <numerusform>%n moments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n interview</numerusform>
            <numerusform>%n interviews</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message numerus="yes">
        <source>Sound is recorded on %n track(s).</source>
        <translation>
            <numerusform>Sound is recorded on %n track.</numerusform>
            <numerusform>Sound is recorded on %n tracks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>%n minute before</numerusform>
            <numerusform>%n minutes before</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagHistory</name>
    <message numerus="yes">
        <source>Edit %n highlight(s)</source>
        <translation>
            <numerusform>Edit highlight</numerusform>
            <numerusform>Edit %n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n highlight(s)</source>
        <translation>
            <numerusform>Merge %n highlight</numerusform>
            <numerusform>Merge %n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>Delete highlight</numerusform>
            <numerusform>Delete %n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create %n stub(s) from markers</source>
        <translation>
            <numerusform>Create %n stub from markers</numerusform>
            <numerusform>Create %n stubs from markers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message numerus="yes">
        <source>Merge %n highlight(s)</source>
        <translation>
            <numerusform>Merge %n highlight</numerusform>
            <numerusform>Merge %n highlights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>Delete %n highlight</numerusform>
            <numerusform>Delete %n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message numerus="yes">
        <source>Assign %n segment(s) to</source>
        <translation>
            <numerusform>Assign %n segment to</numerusform>
            <numerusform>Assign %n segments to</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendsChart</name>
    <message numerus="yes">
        <source>%n pain(s)</source>
        <translation>
            <numerusform>%n pain</numerusform>
            <numerusform>%n pains</numerusform>
        </translation>
    </message>
</context>
</TS>
