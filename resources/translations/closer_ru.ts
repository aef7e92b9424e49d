<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people you interview. Only the name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Anna Petrova</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone, messenger, role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regular interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything the team should know before talking to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created together with the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for transcription and invitations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often you want to talk to this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New persona…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; does not look like an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name for the new persona, or pick an existing one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer named &apos;{0}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Customers &amp; Personas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people you interview, and the kinds of customer they stand for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, company or persona…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the people you talk to. Interviews, highlights and reels are all organised around them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches your search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every customer a persona to compare what different kinds of customer say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personas describe the kinds of customers you serve, like “Busy parent” or “Office manager”. Add one, then assign customers to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personas ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goals written down yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has this persona yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” will be removed from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their interview, with its transcript and highlights, will be deleted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their {0} interviews, with transcripts and highlights, will be deleted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The persona “{0}” will be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One customer will keep their interviews but have no persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} customers will keep their interviews but have no persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete persona?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file becomes an interview. Originals are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a customer or type a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: who is this customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to the original files instead of copying them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves disk space, but the interview stops playing if the original is moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a supported recording type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} file(s), {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files yet: add recordings or drop them on the Interviews page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer “{0}” will be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File date ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file&apos;s own date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0} recording(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one recording to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer these recordings belong to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {0} recording(s) imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recordings were imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} recordings imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They are in your library, ready to play and transcribe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the files could be imported. The reasons are below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} file(s) could not be imported; the others are in your library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Working on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonaDialog</name>
    <message>
        <source>Edit persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A persona is a kind of customer: what they want and how they behave. Highlights and reels can be filtered by persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Busy parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose portrait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What are they trying to get done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Habits, context, frustrations, how they talk about us…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not an image Closer can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The persona needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A persona named &apos;{0}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy the portrait: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording file is missing:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recording cannot be played: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaveformStage</name>
    <message>
        <source>Audio recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_JobRow</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_OutcomeRow</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
