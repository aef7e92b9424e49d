<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AddReelDialog</name>
    <message>
        <source>Add a reel to “{0}”</source>
        <translation>Добавить ролик в «{0}»</translation>
    </message>
    <message>
        <source>The text appears beside the video: what should the newcomer notice?</source>
        <translation>Текст показывается рядом с видео: на что новичку стоит обратить внимание?</translation>
    </message>
    <message>
        <source>Add reel</source>
        <translation>Добавить ролик</translation>
    </message>
    <message>
        <source>e.g. Notice how many times she had to repeat her order number.</source>
        <translation>например, Обратите внимание, сколько раз ей пришлось повторять номер заказа.</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Ролик</translation>
    </message>
    <message>
        <source>Text for the newcomer</source>
        <translation>Текст для новичка</translation>
    </message>
    <message>
        <source>Every reel is already in this playlist. Make a new reel on the Reels tab first.</source>
        <translation>Все ролики уже в этой подборке. Сначала создайте новый ролик на вкладке «Ролики».</translation>
    </message>
</context>
<context>
    <name>AutoReelDialog</name>
    <message>
        <source>Auto reel</source>
        <translation>Авторолик</translation>
    </message>
    <message>
        <source>Closer picks the most severe moments, one customer after another, until the reel is as long as you allow. Only reviewed highlights whose customers agreed to this audience are used.</source>
        <translation>Closer отбирает самые острые моменты, чередуя клиентов, пока ролик не достигнет допустимой длины. Используются только проверенные фрагменты клиентов, согласившихся на показ этой аудитории.</translation>
    </message>
    <message>
        <source>Make reel</source>
        <translation>Создать ролик</translation>
    </message>
    <message>
        <source>e.g. Delivery: what went wrong</source>
        <translation>например, Доставка: что пошло не так</translation>
    </message>
    <message>
        <source>Any touchpoint</source>
        <translation>Любая точка контакта</translation>
    </message>
    <message>
        <source>Any problem zone</source>
        <translation>Любая проблемная зона</translation>
    </message>
    <message>
        <source>Every persona</source>
        <translation>Все персоны</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <source>Problem zone</source>
        <translation>Проблемная зона</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Не длиннее</translation>
    </message>
    <message>
        <source>Including a 3 s title card.</source>
        <translation>Включая заставку на 3 с.</translation>
    </message>
    <message>
        <source>Who will watch it</source>
        <translation>Кто будет смотреть</translation>
    </message>
    <message>
        <source>{0}: customer voices</source>
        <translation>{0}: голоса клиентов</translation>
    </message>
    <message>
        <source>Customer voices</source>
        <translation>Голоса клиентов</translation>
    </message>
</context>
<context>
    <name>AutoTranscriber</name>
    <message>
        <source>Transcribing {0}</source>
        <translation>Расшифровка: {0}</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Video call</source>
        <translation>Видеозвонок</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Лично</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
</context>
<context>
    <name>ClipTrimmer</name>
    <message>
        <source>Select a clip on the left to preview and trim it.</source>
        <translation>Выберите фрагмент слева, чтобы просмотреть и обрезать его.</translation>
    </message>
    <message>
        <source>Start one word earlier</source>
        <translation>Начало на слово раньше</translation>
    </message>
    <message>
        <source>◀ word</source>
        <translation>◀ слово</translation>
    </message>
    <message>
        <source>Start one word later</source>
        <translation>Начало на слово позже</translation>
    </message>
    <message>
        <source>word ▶</source>
        <translation>слово ▶</translation>
    </message>
    <message>
        <source>−1 frame</source>
        <translation>−1 кадр</translation>
    </message>
    <message>
        <source>+1 frame</source>
        <translation>+1 кадр</translation>
    </message>
    <message>
        <source>End one word earlier</source>
        <translation>Конец на слово раньше</translation>
    </message>
    <message>
        <source>End one word later</source>
        <translation>Конец на слово позже</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>▶  Play clip</source>
        <translation>▶  Смотреть</translation>
    </message>
    <message>
        <source>Length {0}</source>
        <translation>Длина {0}</translation>
    </message>
    <message>
        <source>Start {0} ms earlier (one frame)</source>
        <translation>Начало на {0} мс раньше (один кадр)</translation>
    </message>
    <message>
        <source>Start {0} ms later (one frame)</source>
        <translation>Начало на {0} мс позже (один кадр)</translation>
    </message>
    <message>
        <source>End {0} ms earlier (one frame)</source>
        <translation>Конец на {0} мс раньше (один кадр)</translation>
    </message>
    <message>
        <source>End {0} ms later (one frame)</source>
        <translation>Конец на {0} мс позже (один кадр)</translation>
    </message>
    <message>
        <source>No transcript words in this clip.</source>
        <translation>В этом фрагменте нет слов расшифровки.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
</context>
<context>
    <name>ConsentStep</name>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Ask before the first frame is recorded. What you note here decides where clips of this interview may be shown.</source>
        <translation>Спросите до начала записи. От того, что вы здесь отметите, зависит, где можно показывать фрагменты этого интервью.</translation>
    </message>
    <message>
        <source>Name of the person who agreed</source>
        <translation>Имя человека, давшего согласие</translation>
    </message>
    <message>
        <source>Who consented</source>
        <translation>Кто согласился</translation>
    </message>
    <message>
        <source>Verbally, at the start of the recording</source>
        <translation>Устно, в начале записи</translation>
    </message>
    <message>
        <source>Signed consent form</source>
        <translation>Подписанная форма согласия</translation>
    </message>
    <message>
        <source>Record without consent</source>
        <translation>Записывать без согласия</translation>
    </message>
    <message>
        <source>Attach form…</source>
        <translation>Прикрепить форму…</translation>
    </message>
    <message>
        <source>kept out of every reel; the choice is logged</source>
        <translation>не попадёт ни в один ролик; выбор фиксируется</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Как</translation>
    </message>
    <message>
        <source>Internal meetings</source>
        <translation>Внутренние встречи</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Адаптация</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Публично</translation>
    </message>
    <message>
        <source>May be shown in</source>
        <translation>Где показывать</translation>
    </message>
    <message>
        <source>Record without consent?</source>
        <translation>Записывать без согласия?</translation>
    </message>
    <message>
        <source>Only record without consent when you have a good reason (for example, your own team&apos;s meeting).</source>
        <translation>Записывайте без согласия, только если на то есть веская причина (например, встреча вашей команды).</translation>
    </message>
    <message>
        <source>This interview will be kept out of every reel, for every audience, and the choice is logged with the interview.</source>
        <translation>Это интервью не попадёт ни в один ролик ни для какой аудитории, а выбор будет сохранён вместе с интервью.</translation>
    </message>
    <message>
        <source>Attach the signed consent form</source>
        <translation>Выбор подписанной формы согласия</translation>
    </message>
    <message>
        <source>Documents and scans (*.pdf *.png *.jpg *.jpeg *.heic *.doc *.docx *.odt);;All files (*)</source>
        <translation>Документы и сканы (*.pdf *.png *.jpg *.jpeg *.heic *.doc *.docx *.odt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Confirm that you record without consent.</source>
        <translation>Подтвердите запись без согласия.</translation>
    </message>
    <message>
        <source>Choose how the customer consented.</source>
        <translation>Выберите, как клиент дал согласие.</translation>
    </message>
    <message>
        <source>Enter who gave consent.</source>
        <translation>Укажите, кто дал согласие.</translation>
    </message>
    <message>
        <source>Attach the signed consent form.</source>
        <translation>Прикрепите подписанную форму согласия.</translation>
    </message>
    <message>
        <source>Choose where the recording may be shown.</source>
        <translation>Выберите, где можно показывать запись.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Without consent</source>
        <translation>Без согласия</translation>
    </message>
    <message>
        <source>Recorded without consent: this interview never appears in a reel.</source>
        <translation>Записано без согласия: это интервью никогда не попадёт в ролик.</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Требуется</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Ask again on the record once recording starts, so the consent is part of the recording.</source>
        <translation>Когда запись начнётся, спросите ещё раз, чтобы согласие попало в запись.</translation>
    </message>
    <message>
        <source>The form is copied into the library with the interview.</source>
        <translation>Форма копируется в библиотеку вместе с интервью.</translation>
    </message>
</context>
<context>
    <name>CoverageChart</name>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation>Персон пока нет</translation>
    </message>
    <message>
        <source>≤ 30 days</source>
        <translation>≤ 30 дн.</translation>
    </message>
    <message>
        <source>≤ 90</source>
        <translation>≤ 90</translation>
    </message>
    <message>
        <source>≤ 180</source>
        <translation>≤ 180</translation>
    </message>
    <message>
        <source>older or never</source>
        <translation>давнее/никогда</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>Изменить клиента</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>The people you interview. Only the name is required.</source>
        <translation>Люди, у которых вы берёте интервью. Обязательно только имя.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>Добавить клиента</translation>
    </message>
    <message>
        <source>e.g. Anna Petrova</source>
        <translation>например, Анна Петрова</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Необязательно</translation>
    </message>
    <message>
        <source>Phone, messenger, role…</source>
        <translation>Телефон, мессенджер, должность…</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Name of the new persona</source>
        <translation>Название новой персоны</translation>
    </message>
    <message>
        <source>No regular interviews</source>
        <translation>Без регулярных интервью</translation>
    </message>
    <message>
        <source>Anything the team should know before talking to them</source>
        <translation>Всё, что команде стоит знать перед разговором</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Новая персона</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Interview language</source>
        <translation>Язык интервью</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Раз в %n день</numerusform>
            <numerusform>Раз в %n дня</numerusform>
            <numerusform>Раз в %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Used for transcription and invitations.</source>
        <translation>Используется для расшифровки и приглашений.</translation>
    </message>
    <message>
        <source>How often you want to talk to this customer.</source>
        <translation>Как часто вы хотите разговаривать с этим клиентом.</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Каждую неделю</translation>
    </message>
    <message>
        <source>Every 2 weeks</source>
        <translation>Раз в 2 недели</translation>
    </message>
    <message>
        <source>Every 3 weeks</source>
        <translation>Раз в 3 недели</translation>
    </message>
    <message>
        <source>Every 4 weeks</source>
        <translation>Раз в 4 недели</translation>
    </message>
    <message>
        <source>Every 6 weeks</source>
        <translation>Раз в 6 недель</translation>
    </message>
    <message>
        <source>Every 8 weeks</source>
        <translation>Раз в 8 недель</translation>
    </message>
    <message>
        <source>Every quarter</source>
        <translation>Раз в квартал</translation>
    </message>
    <message>
        <source>Every 6 months</source>
        <translation>Раз в полгода</translation>
    </message>
    <message>
        <source>Interview cadence</source>
        <translation>Периодичность интервью</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>Без персоны</translation>
    </message>
    <message>
        <source>New persona…</source>
        <translation>Новая персона…</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; does not look like an e-mail address.</source>
        <translation>«{0}» не похоже на адрес электронной почты.</translation>
    </message>
    <message>
        <source>Type a name for the new persona, or pick an existing one.</source>
        <translation>Введите название новой персоны или выберите существующую.</translation>
    </message>
    <message>
        <source>The customer needs a name.</source>
        <translation>Укажите имя клиента.</translation>
    </message>
    <message>
        <source>A customer named &apos;{0}&apos; already exists.</source>
        <translation>Клиент с именем «{0}» уже есть.</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Customers &amp; Personas</source>
        <translation>Клиенты и персоны</translation>
    </message>
    <message>
        <source>The people you interview, and the kinds of customer they stand for.</source>
        <translation>Люди, у которых вы берёте интервью, и типы клиентов, которых они представляют.</translation>
    </message>
    <message>
        <source>Search by name, company or persona…</source>
        <translation>Имя, компания или персона…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>Добавить клиента</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Забыть…</translation>
    </message>
    <message>
        <source>Erase everything about this customer: recordings, transcripts, clips, caches</source>
        <translation>Стереть всё об этом клиенте: записи, расшифровки, фрагменты, кэши</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Обновить согласие</translation>
    </message>
    <message>
        <source>The customer agreed again today: their expired consents hold for another term</source>
        <translation>Клиент снова дал согласие сегодня: истёкшие согласия действуют ещё один срок</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Interview every</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>Клиентов пока нет</translation>
    </message>
    <message>
        <source>Add the people you talk to. Interviews, highlights and reels are all organised around them.</source>
        <translation>Добавьте людей, с которыми вы разговариваете. Интервью, фрагменты и ролики строятся вокруг них.</translation>
    </message>
    <message>
        <source>No customer matches your search.</source>
        <translation>Ни один клиент не подходит под запрос.</translation>
    </message>
    <message>
        <source>Give every customer a persona to compare what different kinds of customer say.</source>
        <translation>Назначьте каждому клиенту персону, чтобы сравнивать, что говорят разные типы клиентов.</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Добавить персону</translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation>Персон пока нет</translation>
    </message>
    <message>
        <source>Personas describe the kinds of customers you serve, like “Busy parent” or “Office manager”. Add one, then assign customers to it.</source>
        <translation>Персоны описывают типы ваших клиентов — например, «Занятой родитель» или «Офис-менеджер». Создайте персону и назначьте ей клиентов.</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Edit persona</source>
        <translation>Изменить персону</translation>
    </message>
    <message>
        <source>Customers ({0})</source>
        <translation>Клиенты ({0})</translation>
    </message>
    <message>
        <source>Personas ({0})</source>
        <translation>Персоны ({0})</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Their %n interview(s), with transcripts and highlights, will be deleted too.</source>
        <translation>
            <numerusform>%n интервью с этим клиентом вместе с расшифровкой и фрагментами тоже будет удалено.</numerusform>
            <numerusform>%n интервью с этим клиентом, их расшифровки и фрагменты тоже будут удалены.</numerusform>
            <numerusform>%n интервью с этим клиентом, их расшифровки и фрагменты тоже будут удалены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) will keep their interviews but have no persona.</source>
        <translation>
            <numerusform>У %n клиента интервью сохранятся, но персоны больше не будет.</numerusform>
            <numerusform>У %n клиентов интервью сохранятся, но персоны больше не будет.</numerusform>
            <numerusform>У %n клиентов интервью сохранятся, но персоны больше не будет.</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired {0}</source>
        <translation>Истекло {0}</translation>
    </message>
    <message>
        <source>Consent expired on {0}: clips of this customer are left out of reels, presentations and exports until they renew it.</source>
        <translation>Согласие истекло {0}: фрагменты этого клиента не попадают в ролики, показы и экспорт, пока он его не обновит.</translation>
    </message>
    <message>
        <source>No goals written down yet.</source>
        <translation>Цели пока не описаны.</translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation>Описания пока нет.</translation>
    </message>
    <message>
        <source>No customer has this persona yet.</source>
        <translation>Этой персоны пока нет ни у одного клиента.</translation>
    </message>
    <message>
        <source>Renew consent?</source>
        <translation>Обновить согласие?</translation>
    </message>
    <message>
        <source>Did {0} agree again, today, to the same audiences as before?</source>
        <translation>{0} сегодня снова согласился(-лась) на те же аудитории, что и раньше?</translation>
    </message>
    <message>
        <source>{0} was forgotten. Files exported outside the library remain; delete them yourself: {1}</source>
        <translation>Клиент {0} забыт. Файлы, экспортированные за пределы библиотеки, остались; удалите их сами: {1}</translation>
    </message>
    <message>
        <source>“{0}” will be removed from the library.</source>
        <translation>Клиент «{0}» будет удалён из библиотеки.</translation>
    </message>
    <message>
        <source>Their interview, with its transcript and highlights, will be deleted too.</source>
        <translation>Интервью с этим клиентом, его расшифровка и фрагменты тоже будут удалены.</translation>
    </message>
    <message>
        <source>Delete customer?</source>
        <translation>Удалить клиента?</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>Удалить клиента</translation>
    </message>
    <message>
        <source>The persona “{0}” will be deleted.</source>
        <translation>Персона «{0}» будет удалена.</translation>
    </message>
    <message>
        <source>Delete persona?</source>
        <translation>Удалить персону?</translation>
    </message>
    <message>
        <source>Delete persona</source>
        <translation>Удалить персону</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Это действие нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>DayCell</name>
    <message>
        <source>+{0} more</source>
        <translation>ещё {0}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Open interview</source>
        <translation>Открыть интервью</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>Сохранение записи…</translation>
    </message>
    <message>
        <source>This takes a few seconds: nothing is re-encoded.</source>
        <translation>Это займёт несколько секунд: ничего не перекодируется.</translation>
    </message>
    <message>
        <source>Recording saved</source>
        <translation>Запись сохранена</translation>
    </message>
    <message numerus="yes">
        <source>video and %n audio track(s)</source>
        <translation>
            <numerusform>Видео и %n аудиодорожка</numerusform>
            <numerusform>Видео и %n аудиодорожки</numerusform>
            <numerusform>Видео и %n аудиодорожек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sound on %n track(s)</source>
        <translation>
            <numerusform>Звук на %n дорожке</numerusform>
            <numerusform>Звук на %n дорожках</numerusform>
            <numerusform>Звук на %n дорожках</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked moment(s) became highlights to review.</source>
        <translation>
            <numerusform>%n отмеченный момент стал фрагментом для проверки.</numerusform>
            <numerusform>%n отмеченных момента стали фрагментами для проверки.</numerusform>
            <numerusform>%n отмеченных моментов стали фрагментами для проверки.</numerusform>
        </translation>
    </message>
    <message>
        <source>video and sound</source>
        <translation>Видео и звук</translation>
    </message>
    <message>
        <source>video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>Звук</translation>
    </message>
    <message>
        <source>{0} of {1} with {2}.</source>
        <translation>{1} — {0}, клиент {2}.</translation>
    </message>
    <message>
        <source>This recording has no sound, so there is nothing to transcribe.</source>
        <translation>В этой записи нет звука, поэтому расшифровывать нечего.</translation>
    </message>
    <message>
        <source>Transcription is queued: follow it in the sidebar.</source>
        <translation>Расшифровка в очереди: следите за ней на боковой панели.</translation>
    </message>
    <message>
        <source>Transcribe it from the interview page when you are ready.</source>
        <translation>Расшифруйте запись на странице интервью, когда будете готовы.</translation>
    </message>
    <message>
        <source>The recording could not be saved</source>
        <translation>Не удалось сохранить запись</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop recordings to import them</source>
        <translation>Перетащите записи сюда, чтобы импортировать</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <source>That&apos;s all the clips</source>
        <translation>Это все фрагменты</translation>
    </message>
    <message>
        <source>What would you change for these customers?</source>
        <translation>Что бы вы изменили для этих клиентов?</translation>
    </message>
    <message>
        <source>← replay the last clip · Esc leave</source>
        <translation>← повторить последний фрагмент · Esc — выйти</translation>
    </message>
</context>
<context>
    <name>EndSeriesDialog</name>
    <message>
        <source>End series</source>
        <translation>Завершить серию</translation>
    </message>
    <message>
        <source>No more interviews with {0} after the day you choose. Past interviews and their recordings stay.</source>
        <translation>После выбранного дня интервью с клиентом {0} больше не планируются. Прошедшие интервью и их записи останутся.</translation>
    </message>
    <message>
        <source>Last day with interviews ({0})</source>
        <translation>Последний день интервью ({0})</translation>
    </message>
</context>
<context>
    <name>FileSize</name>
    <message>
        <source>{0} B</source>
        <translation>{0} Б</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} КБ</translation>
    </message>
    <message>
        <source>{0} MB</source>
        <translation>{0} МБ</translation>
    </message>
    <message>
        <source>{0} GB</source>
        <translation>{0} ГБ</translation>
    </message>
</context>
<context>
    <name>ForgetCustomerDialog</name>
    <message>
        <source>Forget {0}</source>
        <translation>Забыть: {0}</translation>
    </message>
    <message>
        <source>Everything about {0} is removed for good: {1} interview(s) with their recordings, transcripts and highlights, {2} clip(s) in reels, consent forms, pictures, cached copies and {3} file(s) in the library, and their name wherever it was written.</source>
        <translation>Всё о клиенте {0} будет удалено безвозвратно: интервью ({1}) с записями, расшифровками и выделенными фрагментами, фрагменты в роликах ({2}), формы согласия, изображения, кэшированные копии и файлы в библиотеке ({3}), а также его имя везде, где оно записано.</translation>
    </message>
    <message>
        <source>Exported outside the library — the app cannot reach these, delete them yourself:</source>
        <translation>Экспортировано за пределы библиотеки — приложение не может их удалить, удалите их сами:</translation>
    </message>
    <message>
        <source>Type “{0}” to confirm:</source>
        <translation>Введите «{0}» для подтверждения:</translation>
    </message>
    <message>
        <source>Forget this customer</source>
        <translation>Забыть этого клиента</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>GuideCard</name>
    <message>
        <source>Interview guide</source>
        <translation>Сценарий интервью</translation>
    </message>
    <message>
        <source>shown beside the recording; tick questions off as you ask</source>
        <translation>показывается рядом с записью; отмечайте вопросы, когда задаёте их</translation>
    </message>
    <message>
        <source>No guide</source>
        <translation>Без сценария</translation>
    </message>
    <message>
        <source>No guide: you lead the conversation freely.</source>
        <translation>Без сценария: вы ведёте разговор свободно.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Edit interview guide</source>
        <translation>Изменить сценарий интервью</translation>
    </message>
    <message>
        <source>New interview guide</source>
        <translation>Новый сценарий интервью</translation>
    </message>
    <message>
        <source>Ask about real past episodes, not opinions about the future. One question per line.</source>
        <translation>Спрашивайте о реальных случаях из прошлого, а не о мнениях о будущем. Один вопрос на строку.</translation>
    </message>
    <message>
        <source>Save guide</source>
        <translation>Сохранить сценарий</translation>
    </message>
    <message>
        <source>e.g. Onboarding follow-up</source>
        <translation>например, Итоги адаптации</translation>
    </message>
    <message>
        <source>Tell me about the last time you…
What happened next?</source>
        <translation>Расскажите, как в последний раз вы…
Что было дальше?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Interview guide</source>
        <translation>Сценарий интервью</translation>
    </message>
    <message>
        <source>No guide: add one in Schedule › Guides.</source>
        <translation>Сценария нет: добавьте его в разделе «Расписание › Сценарии».</translation>
    </message>
    <message>
        <source>{0} of {1} asked</source>
        <translation>Задано {0} из {1}</translation>
    </message>
</context>
<context>
    <name>GuidesPanel</name>
    <message>
        <source>Questions to keep at hand during an interview. They are shown beside the recorder for interviews of a series that uses them.</source>
        <translation>Вопросы, которые стоит держать под рукой во время интервью. Они показываются рядом с записью в интервью серии, где выбран сценарий.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>New guide</source>
        <translation>Новый сценарий</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n вопрос</numerusform>
            <numerusform>%n вопроса</numerusform>
            <numerusform>%n вопросов</numerusform>
        </translation>
    </message>
    <message>
        <source>No guides</source>
        <translation>Сценариев нет</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Встроенный</translation>
    </message>
    <message>
        <source>Your guide</source>
        <translation>Ваш сценарий</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>customer(s) overdue for an interview</source>
        <translation>
            <numerusform>клиент с просроченным интервью</numerusform>
            <numerusform>клиента с просроченным интервью</numerusform>
            <numerusform>клиентов с просроченным интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>persona(s) not heard in 30+ days</source>
        <translation>
            <numerusform>персона без интервью более 30 дней</numerusform>
            <numerusform>персоны без интервью более 30 дней</numerusform>
            <numerusform>персон без интервью более 30 дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>touchpoint(s) nobody mentioned in 90+ days</source>
        <translation>
            <numerusform>точка контакта без упоминаний более 90 дней</numerusform>
            <numerusform>точки контакта без упоминаний более 90 дней</numerusform>
            <numerusform>точек контакта без упоминаний более 90 дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue customers</source>
        <translation>Просроченные клиенты</translation>
    </message>
    <message>
        <source>Past their interview cadence (the customer&apos;s own, or their series&apos;).</source>
        <translation>Интервью не было дольше установленной периодичности (клиента или его серии).</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Периодичность</translation>
    </message>
    <message>
        <source>Last interview</source>
        <translation>Последнее интервью</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Everyone is on schedule. Customers with a cadence appear here when a conversation is overdue.</source>
        <translation>Все по графику. Клиенты с заданной периодичностью появятся здесь, когда разговор будет просрочен.</translation>
    </message>
    <message>
        <source>Plan an interview</source>
        <translation>Запланировать интервью</translation>
    </message>
    <message>
        <source>When did we last hear from each persona?</source>
        <translation>Когда мы в последний раз слышали каждую персону?</translation>
    </message>
    <message>
        <source>Days since the last interview with a customer of that persona.</source>
        <translation>Дней с последнего интервью с клиентом этой персоны.</translation>
    </message>
    <message>
        <source>Touchpoints nobody mentioned lately</source>
        <translation>Точки контакта без недавних упоминаний</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>every {0}</source>
        <translation>раз в {0}</translation>
    </message>
    <message>
        <source>booked for {0}</source>
        <translation>назначено на {0}</translation>
    </message>
    <message>
        <source>{0} overdue; the next interview is booked for {1}</source>
        <translation>Просрочено на {0}; следующее интервью назначено на {1}</translation>
    </message>
</context>
<context>
    <name>HeatmapGrid</name>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>score {0}</source>
        <translation>балл {0}</translation>
    </message>
    <message>
        <source>{0} · {1}
No highlights</source>
        <translation>{0} · {1}
Нет фрагментов</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · {1}
{2} · severity score {3} (average {4})
Click to see who says so</source>
        <translation>{0} · {1}
{2} · критичность {3} (в среднем {4})
Нажмите, чтобы увидеть, кто это говорит</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Severity score</source>
        <translation>Балл критичности</translation>
    </message>
    <message>
        <source>sum of severities (1–5)</source>
        <translation>сумма оценок (1–5)</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>number per cell</source>
        <translation>число в ячейке</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Обновление…</translation>
    </message>
</context>
<context>
    <name>HeatmapPanel</name>
    <message>
        <source>Who says so?</source>
        <translation>Кто это говорит?</translation>
    </message>
    <message>
        <source>Click a coloured cell to read the quotes behind it and play each moment on camera.</source>
        <translation>Нажмите на цветную ячейку, чтобы прочитать цитаты и посмотреть каждый момент на видео.</translation>
    </message>
    <message>
        <source>Make a reel from these</source>
        <translation>Сделать ролик</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · severity score {1} · average {2}</source>
        <translation>{0} · критичность {1} · в среднем {2}</translation>
    </message>
    <message>
        <source>No highlights here with these filters.</source>
        <translation>С этими фильтрами здесь нет фрагментов.</translation>
    </message>
    <message>
        <source>Showing the {0} strongest; {1} more are in the Highlights tab.</source>
        <translation>Показаны самые сильные ({0}); ещё {1} — на вкладке «Фрагменты».</translation>
    </message>
    <message>
        <source>Make a reel from these ({0})</source>
        <translation>Сделать ролик ({0})</translation>
    </message>
</context>
<context>
    <name>HeatmapTab</name>
    <message>
        <source>Touchpoints × problem zones</source>
        <translation>Точки контакта × проблемные зоны</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Цвет по</translation>
    </message>
    <message>
        <source>Severity score</source>
        <translation>Балл критичности</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>No highlights match these filters</source>
        <translation>Нет фрагментов под эти фильтры</translation>
    </message>
    <message>
        <source>No highlight has both a touchpoint and a problem zone yet</source>
        <translation>Пока нет фрагментов, отмеченных и точкой контакта, и проблемной зоной</translation>
    </message>
    <message>
        <source>Nothing tagged here yet</source>
        <translation>Здесь пока ничего не отмечено</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>hottest spot: {0} · {1} (score {2})</source>
        <translation>самое горячее место: {0} · {1} (балл {2})</translation>
    </message>
</context>
<context>
    <name>HighlightEditDialog</name>
    <message>
        <source>Edit highlight</source>
        <translation>Правка фрагмента</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n highlight(s)</source>
        <translation>
            <numerusform>Правка %n фрагмента</numerusform>
            <numerusform>Правка %n фрагментов</numerusform>
            <numerusform>Правка %n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>Only what you change is saved. A ticked tag goes to all of them, an unticked one is taken off all of them, a half-ticked one (some have it) stays as each one has it.</source>
        <translation>Сохранится только то, что вы измените. Отмеченный тег получат все, снятый — будет убран у всех, наполовину отмеченный (есть у некоторых) останется как есть.</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Точки контакта</translation>
    </message>
    <message>
        <source>Problem zones</source>
        <translation>Проблемные зоны</translation>
    </message>
    <message>
        <source>(keep)</source>
        <translation>(не менять)</translation>
    </message>
    <message>
        <source>(keep each one&apos;s note)</source>
        <translation>(оставить заметки как есть)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Критичность</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>A highlight needs at least one touchpoint or problem zone.</source>
        <translation>У фрагмента должна быть хотя бы одна точка контакта или проблемная зона.</translation>
    </message>
</context>
<context>
    <name>HighlightPickerDialog</name>
    <message>
        <source>Add highlights</source>
        <translation>Добавить фрагменты</translation>
    </message>
    <message>
        <source>Tick the moments to add. They join the reel in the order you tick them; you can reorder and trim them afterwards.</source>
        <translation>Отметьте моменты, которые нужно добавить. Они попадут в ролик в порядке отметки; потом их можно переставить и обрезать.</translation>
    </message>
    <message>
        <source>Search quotes, customers, needs…</source>
        <translation>Поиск по цитатам, клиентам, нуждам…</translation>
    </message>
    <message>
        <source>All touchpoints</source>
        <translation>Все точки контакта</translation>
    </message>
    <message>
        <source>All problem zones</source>
        <translation>Все проблемные зоны</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Все персоны</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Любая критичность</translation>
    </message>
    <message>
        <source>Severity {0}+</source>
        <translation>Критичность {0}+</translation>
    </message>
    <message>
        <source>Severity 5 only</source>
        <translation>Только критичность 5</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Touchpoint · zone</source>
        <translation>Точка · зона</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Критичность</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>(no words yet)</source>
        <translation>(слов пока нет)</translation>
    </message>
    <message>
        <source>in reel</source>
        <translation>в ролике</translation>
    </message>
    <message>
        <source>No highlights match. Clear the filters, or tag more moments in Interviews.</source>
        <translation>Подходящих фрагментов нет. Сбросьте фильтры или отметьте больше моментов в интервью.</translation>
    </message>
    <message>
        <source>Nothing ticked yet</source>
        <translation>Пока ничего не отмечено</translation>
    </message>
    <message numerus="yes">
        <source>%n ticked · {0}</source>
        <translation>
            <numerusform>Отмечен %n · {0}</numerusform>
            <numerusform>Отмечено %n · {0}</numerusform>
            <numerusform>Отмечено %n · {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n clip(s)</source>
        <translation>
            <numerusform>Добавить %n фрагмент</numerusform>
            <numerusform>Добавить %n фрагмента</numerusform>
            <numerusform>Добавить %n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>Add clips</source>
        <translation>Добавить фрагменты</translation>
    </message>
</context>
<context>
    <name>HighlightsList</name>
    <message>
        <source>◂ Suggestion</source>
        <translation>◂ Подсказка</translation>
    </message>
    <message>
        <source>Previous suggestion ([)</source>
        <translation>Предыдущая подсказка ([)</translation>
    </message>
    <message>
        <source>Suggestion ▸</source>
        <translation>Подсказка ▸</translation>
    </message>
    <message>
        <source>Next suggestion (])</source>
        <translation>Следующая подсказка (])</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge the selected highlights (or this one and the next) into one</source>
        <translation>Объединить выбранные фрагменты (или этот и следующий) в один</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected highlights (Del)</source>
        <translation>Удалить выбранные фрагменты (Del)</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n к разбору</numerusform>
            <numerusform>%n к разбору</numerusform>
            <numerusform>%n к разбору</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n подсказка</numerusform>
            <numerusform>%n подсказки</numerusform>
            <numerusform>%n подсказок</numerusform>
        </translation>
    </message>
    <message>
        <source>To review · marker at {0}</source>
        <translation>Разобрать · метка на {0}</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(без заметки)</translation>
    </message>
    <message>
        <source>(no tags yet)</source>
        <translation>(пока без тегов)</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(без слов)</translation>
    </message>
    <message>
        <source>Suggested · {0} · rule “{1}”</source>
        <translation>Подсказка · {0} · правило «{1}»</translation>
    </message>
    <message>
        <source>No suggestions here: the keyword rules (Touchpoints › Keyword rules) found nothing that is not tagged yet.</source>
        <translation>Подсказок нет: ключевые правила (Точки контакта › Ключевые правила) не нашли ничего неотмеченного.</translation>
    </message>
</context>
<context>
    <name>HighlightsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Точки</translation>
    </message>
    <message>
        <source>Problem zones</source>
        <translation>Зоны</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Крит.</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Double-click to play</source>
        <translation>Дважды щёлкните, чтобы воспроизвести</translation>
    </message>
    <message>
        <source>(stub — no words yet)</source>
        <translation>(заготовка — слов пока нет)</translation>
    </message>
    <message>
        <source>Severity {0} of 5 ({1})</source>
        <translation>Критичность {0} из 5 ({1})</translation>
    </message>
</context>
<context>
    <name>HighlightsTable</name>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Taxonomy JSON</source>
        <translation>Таксономия JSON</translation>
    </message>
    <message>
        <source>Export taxonomy JSON…</source>
        <translation>Экспорт таксономии JSON…</translation>
    </message>
    <message>
        <source>Import taxonomy JSON…</source>
        <translation>Импорт таксономии JSON…</translation>
    </message>
    <message>
        <source>Taxonomy JSON  ▾</source>
        <translation>Таксономия JSON  ▾</translation>
    </message>
    <message>
        <source>Share touchpoints, problem zones and keyword rules with another library</source>
        <translation>Перенос точек контакта, проблемных зон и правил ключевых слов в другую библиотеку</translation>
    </message>
    <message>
        <source>Edit tags…</source>
        <translation>Изменить теги…</translation>
    </message>
    <message>
        <source>Change tags, severity, emotion or the note of the selected rows (Enter)</source>
        <translation>Изменить теги, критичность, эмоцию или заметку выбранных строк (Enter)</translation>
    </message>
    <message>
        <source>Double-click a row to play it · Enter edits · Delete removes · Ctrl+Z undoes</source>
        <translation>Двойной щелчок — воспроизвести · Enter — изменить · Delete — удалить · Ctrl+Z — отменить</translation>
    </message>
    <message>
        <source>All touchpoints</source>
        <translation>Все точки</translation>
    </message>
    <message>
        <source>All problem zones</source>
        <translation>Все зоны</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Все персоны</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>Changed %n highlight(s).</source>
        <translation>
            <numerusform>Изменён %n фрагмент.</numerusform>
            <numerusform>Изменено %n фрагмента.</numerusform>
            <numerusform>Изменено %n фрагментов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n highlight(s).</source>
        <translation>
            <numerusform>Удалён %n фрагмент.</numerusform>
            <numerusform>Удалено %n фрагмента.</numerusform>
            <numerusform>Удалено %n фрагментов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n highlight(s) to {0}.</source>
        <translation>
            <numerusform>Экспортирован %n фрагмент в {0}.</numerusform>
            <numerusform>Экспортировано %n фрагмента в {0}.</numerusform>
            <numerusform>Экспортировано %n фрагментов в {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Ctrl+Z (or Undo) to bring it back.</source>
        <translation>Нажмите Ctrl+Z (или «Отменить»), чтобы вернуть.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <source>Undone: {0}.</source>
        <translation>Отменено: {0}.</translation>
    </message>
    <message>
        <source>Export highlights as CSV</source>
        <translation>Экспорт фрагментов в CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
        <source>Export taxonomy</source>
        <translation>Экспорт таксономии</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported {0} touchpoints, {1} problem zones and {2} keyword rules to {3}.</source>
        <translation>Экспортировано в {3}: точек контакта — {0}, проблемных зон — {1}, правил ключевых слов — {2}.</translation>
    </message>
    <message>
        <source>Import taxonomy</source>
        <translation>Импорт таксономии</translation>
    </message>
    <message>
        <source>Nothing was imported. {0}</source>
        <translation>Ничего не импортировано. {0}</translation>
    </message>
    <message>
        <source>Imported {0}: touchpoints {1} added, {2} updated; problem zones {3} added, {4} updated; keyword rules {5} added, {6} already there.</source>
        <translation>Импорт из {0}: точки контакта — добавлено {1}, обновлено {2}; проблемные зоны — добавлено {3}, обновлено {4}; правила ключевых слов — добавлено {5}, уже были {6}.</translation>
    </message>
    <message>
        <source>Undo: {0}</source>
        <translation>Отменить: {0}</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
</context>
<context>
    <name>IcsImportDialog</name>
    <message>
        <source>Import calendar events</source>
        <translation>Импорт событий календаря</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n event(s). Each becomes an interview series.</source>
        <translation>
            <numerusform>{0}: %n событие. Каждое станет серией интервью.</numerusform>
            <numerusform>{0}: %n события. Каждое станет серией интервью.</numerusform>
            <numerusform>{0}: %n событий. Каждое станет серией интервью.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>…and {0} more</source>
        <translation>…и ещё {0}</translation>
    </message>
    <message>
        <source>Match attendees&apos; e-mail to customers</source>
        <translation>Найти клиентов по адресам участников</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Choose who these interviews are with, or let Closer find the customer by e-mail address.</source>
        <translation>Выберите, с кем эти интервью, или пусть Closer найдёт клиента по адресу электронной почты.</translation>
    </message>
</context>
<context>
    <name>ImportBanner</name>
    <message>
        <source>Details</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
</context>
<context>
    <name>ImportBatch</name>
    <message>
        <source>the import failed for an unknown reason</source>
        <translation>импорт не удался по неизвестной причине</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Paused: the app was closing; it resumes at the next start</source>
        <translation>Приостановлено: приложение закрывалось; импорт продолжится при следующем запуске</translation>
    </message>
    <message>
        <source>Already in the library (the same recording was imported before)</source>
        <translation>Уже в библиотеке (эта запись была импортирована раньше)</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>Импорт {0}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>Import recordings</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <source>Each file becomes an interview. Originals are never changed.</source>
        <translation>Каждый файл станет интервью. Исходные файлы не изменяются.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Pick a customer or type a new name</source>
        <translation>Выберите клиента или введите новое имя</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Optional: who is this customer?</source>
        <translation>Необязательно: кто этот клиент?</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Link to the original files instead of copying them</source>
        <translation>Ссылаться на исходные файлы, не копируя их</translation>
    </message>
    <message>
        <source>Saves disk space, but the interview stops playing if the original is moved or deleted.</source>
        <translation>Экономит место на диске, но интервью перестанет воспроизводиться, если исходный файл переместят или удалят.</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Хранение</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найден</translation>
    </message>
    <message>
        <source>not a supported recording type</source>
        <translation>формат записи не поддерживается</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>Choose recordings</source>
        <translation>Выбор записей</translation>
    </message>
    <message>
        <source>Import recording</source>
        <translation>Импортировать запись</translation>
    </message>
    <message>
        <source>No files yet: add recordings or drop them on the Interviews page.</source>
        <translation>Файлов пока нет: добавьте записи или перетащите их на страницу «Интервью».</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), {0}</source>
        <translation>
            <numerusform>%n файл, {0}</numerusform>
            <numerusform>%n файла, {0}</numerusform>
            <numerusform>%n файлов, {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>New customer “{0}” will be added.</source>
        <translation>Будет добавлен новый клиент «{0}».</translation>
    </message>
    <message>
        <source>File date ({0})</source>
        <translation>Дата файла ({0})</translation>
    </message>
    <message>
        <source>File date</source>
        <translation>Дата файла</translation>
    </message>
    <message>
        <source>Each file&apos;s own date</source>
        <translation>Дата каждого файла</translation>
    </message>
    <message numerus="yes">
        <source>Import %n recording(s)</source>
        <translation>
            <numerusform>Импортировать %n запись</numerusform>
            <numerusform>Импортировать %n записи</numerusform>
            <numerusform>Импортировать %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Add at least one recording to import.</source>
        <translation>Добавьте хотя бы одну запись для импорта.</translation>
    </message>
    <message>
        <source>Choose the customer these recordings belong to.</source>
        <translation>Выберите клиента, к которому относятся эти записи.</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation>Результаты импорта</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копировать отчёт</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Recording imported</source>
        <translation>Запись импортирована</translation>
    </message>
    <message numerus="yes">
        <source>All %n recording(s) imported</source>
        <translation>
            <numerusform>Импортирована %n запись</numerusform>
            <numerusform>Импортированы все %n записи</numerusform>
            <numerusform>Импортированы все %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n recording(s) imported</source>
        <translation>
            <numerusform>Импортировано {0} из %n записи</numerusform>
            <numerusform>Импортировано {0} из %n записей</numerusform>
            <numerusform>Импортировано {0} из %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported; the others are in your library.</source>
        <translation>
            <numerusform>Не удалось импортировать %n файл; остальные уже в библиотеке.</numerusform>
            <numerusform>Не удалось импортировать %n файла; остальные уже в библиотеке.</numerusform>
            <numerusform>Не удалось импортировать %n файлов; остальные уже в библиотеке.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is in your library, ready to play and transcribe.</source>
        <translation>Всё уже в библиотеке: можно смотреть и расшифровывать.</translation>
    </message>
    <message>
        <source>No recordings were imported</source>
        <translation>Ни одна запись не импортирована</translation>
    </message>
    <message>
        <source>None of the files could be imported. The reasons are below.</source>
        <translation>Ни один файл не удалось импортировать. Причины — ниже.</translation>
    </message>
</context>
<context>
    <name>InsightFilterBar</name>
    <message>
        <source>Persona of the highlight</source>
        <translation>Персона фрагмента</translation>
    </message>
    <message>
        <source>Customer interviewed</source>
        <translation>Клиент, у которого брали интервью</translation>
    </message>
    <message>
        <source>Who ran the interview</source>
        <translation>Кто проводил интервью</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>За 30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>За 90 дней</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>За 12 месяцев</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Период…</translation>
    </message>
    <message>
        <source>When the interview was recorded</source>
        <translation>Когда записано интервью</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>С (включительно)</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>По (включительно)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Все персоны</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>All interviewers</source>
        <translation>Все интервьюеры</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <source>frustrated</source>
        <translation>досада</translation>
    </message>
    <message>
        <source>confused</source>
        <translation>недоумение</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>тревога</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>гнев</translation>
    </message>
    <message>
        <source>disappointed</source>
        <translation>огорчение</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>нейтрально</translation>
    </message>
    <message>
        <source>pleased</source>
        <translation>довольство</translation>
    </message>
    <message>
        <source>delighted</source>
        <translation>восторг</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>терпимо</translation>
    </message>
    <message>
        <source>annoying</source>
        <translation>раздражает</translation>
    </message>
    <message>
        <source>painful</source>
        <translation>болезненно</translation>
    </message>
    <message>
        <source>serious</source>
        <translation>серьёзно</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>критично</translation>
    </message>
    <message>
        <source>Severity {0} of 5 ({1})</source>
        <translation>Критичность {0} из 5 ({1})</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>Where exactly we hurt our customers, and who says so on camera.</source>
        <translation>Где именно мы причиняем клиентам боль — и кто говорит об этом на камеру.</translation>
    </message>
    <message>
        <source>No pain points tagged yet</source>
        <translation>Болевые точки пока не отмечены</translation>
    </message>
    <message>
        <source>Open an interview, select the words where the customer struggles and press a touchpoint key (Q–U) and a problem-zone key (1–0). Every tag lands here: on the heatmap, the journey map and the trends.</source>
        <translation>Откройте интервью, выделите слова, где клиенту трудно, и нажмите клавишу точки контакта (Q–U) и клавишу проблемной зоны (1–0). Каждая отметка попадает сюда: на тепловую карту, карту пути клиента и в тренды.</translation>
    </message>
    <message>
        <source>Go to Interviews</source>
        <translation>Перейти к интервью</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Тепловая карта</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>Карта пути клиента</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Тренды</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>Pains per touchpoint, month by month</source>
        <translation>Боли по точкам контакта, по месяцам</translation>
    </message>
    <message>
        <source>Highlights tagged with each touchpoint, by the month of the interview. Click a name in the legend to hide or show it.</source>
        <translation>Фрагменты по точкам контакта и месяцам. Щелчок по легенде скрывает или показывает линию.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Линии</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Столбцы с накоплением</translation>
    </message>
    <message>
        <source>Reels are not available yet in this version. These highlights stay tagged, so a reel can be made from them as soon as Reels arrive.</source>
        <translation>Ролики в этой версии пока недоступны. Фрагменты останутся отмеченными, и из них можно будет сделать ролик, как только появятся «Ролики».</translation>
    </message>
</context>
<context>
    <name>InterstitialCard</name>
    <message>
        <source>Space to start now</source>
        <translation>Пробел — начать сейчас</translation>
    </message>
    <message>
        <source>Clip {0} of {1}</source>
        <translation>Фрагмент {0} из {1}</translation>
    </message>
    <message>
        <source>CUSTOMER VOICE</source>
        <translation>ГОЛОС КЛИЕНТА</translation>
    </message>
</context>
<context>
    <name>InterviewDelegates</name>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>моно</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>стерео</translation>
    </message>
</context>
<context>
    <name>InterviewDetailPage</name>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n канал</numerusform>
            <numerusform>%n канала</numerusform>
            <numerusform>%n каналов</numerusform>
        </translation>
    </message>
    <message>
        <source>← Back to all interviews</source>
        <translation>← Ко всем интервью</translation>
    </message>
    <message>
        <source>Delete interview…</source>
        <translation>Удалить интервью…</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>About this recording</source>
        <translation>Об этой записи</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>Исходный файл</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Хранение</translation>
    </message>
    <message>
        <source>Show file in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не указано</translation>
    </message>
    <message>
        <source>No sound track</source>
        <translation>Нет звуковой дорожки</translation>
    </message>
    <message>
        <source>Linked to the original file:
{0}</source>
        <translation>Ссылка на исходный файл:
{0}</translation>
    </message>
    <message>
        <source>Copied into the library</source>
        <translation>Скопировано в библиотеку</translation>
    </message>
    <message>
        <source>Recording removed by the retention policy</source>
        <translation>Запись удалена по правилу хранения</translation>
    </message>
    <message>
        <source>← Back to search results</source>
        <translation>← К результатам поиска</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>моно</translation>
    </message>
    <message>
        <source>stereo</source>
        <translation>стерео</translation>
    </message>
</context>
<context>
    <name>InterviewFilterBar</name>
    <message>
        <source>Search titles and customers</source>
        <translation>Название или клиент</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>За 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>За 30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>За 90 дней</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>В этом году</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Период…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>All personas</source>
        <translation>Все персоны</translation>
    </message>
</context>
<context>
    <name>InterviewsListPage</name>
    <message>
        <source>Interviews</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Search what customers said…</source>
        <translation>Поиск по словам клиентов…</translation>
    </message>
    <message>
        <source>Search every transcript (Enter)</source>
        <translation>Поиск по всем расшифровкам (Enter)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Плитка</translation>
    </message>
    <message>
        <source>Queue every interview without a finished transcript; progress is shown in the sidebar</source>
        <translation>Поставить в очередь все интервью без готовой расшифровки; ход работы виден на боковой панели</translation>
    </message>
    <message>
        <source>Import recordings…</source>
        <translation>Импорт записей…</translation>
    </message>
    <message>
        <source>No interviews yet</source>
        <translation>Интервью пока нет</translation>
    </message>
    <message>
        <source>Import the recordings you already have: video calls, voice memos, phone recordings. Drag files here or pick them from disk.</source>
        <translation>Импортируйте уже имеющиеся записи: видеозвонки, голосовые заметки, записи телефонных разговоров. Перетащите файлы сюда или выберите их на диске.</translation>
    </message>
    <message>
        <source>No interviews match these filters</source>
        <translation>Нет интервью под эти фильтры</translation>
    </message>
    <message>
        <source>Try another customer, persona or date range.</source>
        <translation>Попробуйте другого клиента, персону или период.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Delete interview…</source>
        <translation>Удалить интервью…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Recordings of your customer conversations</source>
        <translation>Записи ваших разговоров с клиентами</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {0} of %n interview(s)</source>
        <translation>
            <numerusform>Показано {0} из %n интервью</numerusform>
            <numerusform>Показано {0} из %n интервью</numerusform>
            <numerusform>Показано {0} из %n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Transcribe %n untranscribed</source>
        <translation>
            <numerusform>Расшифровать %n интервью</numerusform>
            <numerusform>Расшифровать %n интервью</numerusform>
            <numerusform>Расшифровать %n интервью</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} with {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>InterviewsModel</name>
    <message>
        <source>Interview</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длина</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Not transcribed</source>
        <translation>Не расшифровано</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Transcribing</source>
        <translation>Расшифровывается</translation>
    </message>
    <message>
        <source>Transcribed</source>
        <translation>Расшифровано</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>Размечено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Без звука</translation>
    </message>
</context>
<context>
    <name>InterviewsView</name>
    <message>
        <source>●  Record…</source>
        <translation>●  Записать…</translation>
    </message>
    <message>
        <source>Record an interview: camera or screen, microphone and call audio, with consent first</source>
        <translation>Записать интервью: камера или экран, микрофон и звук звонка — сначала согласие</translation>
    </message>
    <message>
        <source>Interview not found</source>
        <translation>Интервью не найдено</translation>
    </message>
    <message>
        <source>Transcribing {0}</source>
        <translation>Расшифровка: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n recording(s) for {0}… Progress is shown in the sidebar.</source>
        <translation>
            <numerusform>Импорт %n записи для клиента {0}… Ход работы виден на боковой панели.</numerusform>
            <numerusform>Импорт %n записей для клиента {0}… Ход работы виден на боковой панели.</numerusform>
            <numerusform>Импорт %n записей для клиента {0}… Ход работы виден на боковой панели.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n recording(s) imported. Could not import: {1}</source>
        <translation>
            <numerusform>Импортировано {0} из %n записи. Не удалось импортировать: {1}</numerusform>
            <numerusform>Импортировано {0} из %n записей. Не удалось импортировать: {1}</numerusform>
            <numerusform>Импортировано {0} из %n записей. Не удалось импортировать: {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) imported for {0}.</source>
        <translation>
            <numerusform>%n запись импортирована для клиента {0}.</numerusform>
            <numerusform>%n записи импортированы для клиента {0}.</numerusform>
            <numerusform>%n записей импортированы для клиента {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete interview?</source>
        <translation>Удалить интервью?</translation>
    </message>
    <message>
        <source>Delete “{0}” with {1}?</source>
        <translation>Удалить интервью «{0}» с клиентом {1}?</translation>
    </message>
    <message>
        <source>Its transcript and highlights are deleted too. The original recording file on disk is not touched.</source>
        <translation>Расшифровка и фрагменты тоже будут удалены. Исходный файл записи на диске останется нетронутым.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Не удалось удалить</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Working on</source>
        <translation>В работе</translation>
    </message>
</context>
<context>
    <name>JourneyBoard</name>
    <message>
        <source>Needs</source>
        <translation>Нужды</translation>
    </message>
    <message>
        <source>What the customer is trying to get done</source>
        <translation>Чего клиент хочет добиться</translation>
    </message>
    <message>
        <source>Pains</source>
        <translation>Боли</translation>
    </message>
    <message>
        <source>Where it hurts: how often, worst quotes</source>
        <translation>Где больно: как часто, самые острые цитаты</translation>
    </message>
    <message>
        <source>Value we create</source>
        <translation>Наша ценность</translation>
    </message>
    <message>
        <source>What the business does about it — click a cell to edit</source>
        <translation>Что бизнес делает с этим — нажмите на ячейку, чтобы изменить</translation>
    </message>
    <message>
        <source>No needs noted yet</source>
        <translation>Нужды пока не отмечены</translation>
    </message>
    <message>
        <source>average severity {0}</source>
        <translation>средняя критичность {0}</translation>
    </message>
    <message>
        <source>No quotes yet</source>
        <translation>Цитат пока нет</translation>
    </message>
    <message>
        <source>— {0} · severity {1}</source>
        <translation>— {0} · критичность {1}</translation>
    </message>
    <message>
        <source>What do we do here to help the customer?</source>
        <translation>Что мы делаем здесь, чтобы помочь клиенту?</translation>
    </message>
</context>
<context>
    <name>JourneyStrip</name>
    <message>
        <source>No highlights</source>
        <translation>Нет фрагментов</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message>
        <source>CUSTOMER JOURNEY MAP</source>
        <translation>КАРТА ПУТИ КЛИЕНТА</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Экспорт PDF…</translation>
    </message>
    <message>
        <source>An A3 poster of this map, for the wall or a slide</source>
        <translation>Плакат A3 с этой картой — для стены или слайда</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>Every persona together</source>
        <translation>Все персоны вместе</translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pain(s) tagged</source>
        <translation>
            <numerusform>Отмечена %n боль</numerusform>
            <numerusform>Отмечено %n боли</numerusform>
            <numerusform>Отмечено %n болей</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the journey map as {0}</source>
        <translation>Экспорт карты пути клиента в {0}</translation>
    </message>
    <message>
        <source>{0} files (*{1})</source>
        <translation>Файлы {0} (*{1})</translation>
    </message>
    <message>
        <source>Drawing the poster…</source>
        <translation>Рисуем плакат…</translation>
    </message>
    <message>
        <source>Saved the journey map to {0}</source>
        <translation>Карта пути клиента сохранена в {0}</translation>
    </message>
    <message>
        <source>The journey map was not exported: {0}</source>
        <translation>Карта пути клиента не экспортирована: {0}</translation>
    </message>
</context>
<context>
    <name>KeywordRulesPage</name>
    <message>
        <source>Phrases that suggest highlights in transcripts. A suggestion is only offered; nothing is tagged until you accept it.</source>
        <translation>Фразы, по которым в расшифровках предлагаются фрагменты. Подсказка только предлагается: ничего не отмечается, пока вы её не примете.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Добавить правило</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Фраза</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <source>Problem zone</source>
        <translation>Проблемная зона</translation>
    </message>
    <message>
        <source>Delete keyword rule?</source>
        <translation>Удалить ключевое правило?</translation>
    </message>
    <message>
        <source>The rule “{0}” will no longer suggest highlights. Highlights accepted from it stay.</source>
        <translation>Правило «{0}» больше не будет предлагать фрагменты. Уже принятые фрагменты останутся.</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Не удалось удалить</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Любой язык</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Французский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Испанский</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Итальянский</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Португальский</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Украинский</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Польский</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Турецкий</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Нидерландский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Китайский</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Японский</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Определять автоматически</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>Reels</source>
        <translation>Ролики</translation>
    </message>
    <message>
        <source>Customers &amp; Personas</source>
        <translation>Клиенты и персоны</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Точки контакта</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Hear your customers</source>
        <translation>Слышать своих клиентов</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>офлайн</translation>
    </message>
    <message>
        <source>Could not make the reel</source>
        <translation>Не удалось создать ролик</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move interview</source>
        <translation>Перенос интервью</translation>
    </message>
    <message>
        <source>The interview with {0} on {1}. Only this one moves; the rest of the series stays as it is.</source>
        <translation>Интервью с клиентом {0} {1}. Переносится только оно; остальная серия не меняется.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>New day</source>
        <translation>Новый день</translation>
    </message>
    <message>
        <source>New time ({0})</source>
        <translation>Новое время ({0})</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes &amp; markers</source>
        <translation>Заметки и метки</translation>
    </message>
    <message>
        <source>Press M to mark a moment worth a clip. Notes you type are saved at the time you started typing them.</source>
        <translation>Нажмите M, чтобы отметить момент для фрагмента. Заметка сохраняется со временем, когда вы начали её печатать.</translation>
    </message>
    <message>
        <source>Type a note, Enter to save</source>
        <translation>Заметка; Enter — сохранить</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>Метка</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
</context>
<context>
    <name>OccurrencePanel</name>
    <message>
        <source>Choose an interview in the calendar to see who it is with, start recording or send an invitation.</source>
        <translation>Выберите интервью в календаре, чтобы увидеть, с кем оно, начать запись или отправить приглашение.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>Интервьюеры</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Record now</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Import recording…</source>
        <translation>Импорт записи…</translation>
    </message>
    <message>
        <source>Open interview</source>
        <translation>Открыть интервью</translation>
    </message>
    <message>
        <source>Invite by e-mail</source>
        <translation>Пригласить по почте</translation>
    </message>
    <message>
        <source>Export .ics</source>
        <translation>Экспорт .ics</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Перенести…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Edit series…</source>
        <translation>Изменить серию…</translation>
    </message>
    <message>
        <source>End series…</source>
        <translation>Завершить серию…</translation>
    </message>
    <message>
        <source> · moved</source>
        <translation> · перенесено</translation>
    </message>
    <message>
        <source> · renew consent</source>
        <translation> · обновить согласие</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>Без персоны</translation>
    </message>
    <message>
        <source>{0} for the customer ({1})</source>
        <translation>{0} у клиента ({1})</translation>
    </message>
    <message>
        <source>Time zone: {0}</source>
        <translation>Часовой пояс: {0}</translation>
    </message>
    <message>
        <source>Record again</source>
        <translation>Записать снова</translation>
    </message>
</context>
<context>
    <name>OpenFolder</name>
    <message>
        <source>Cannot open the folder</source>
        <translation>Не удалось открыть папку</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Скопировать путь</translation>
    </message>
    <message>
        <source>No file manager could open the folder. It is here:</source>
        <translation>Ни один файловый менеджер не смог открыть папку. Она находится здесь:</translation>
    </message>
</context>
<context>
    <name>PausedBadge</name>
    <message>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
</context>
<context>
    <name>PersonaDialog</name>
    <message>
        <source>Edit persona</source>
        <translation>Изменить персону</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Новая персона</translation>
    </message>
    <message>
        <source>A persona is a kind of customer: what they want and how they behave. Highlights and reels can be filtered by persona.</source>
        <translation>Персона — это тип клиента: чего он хочет и как себя ведёт. Фрагменты и ролики можно фильтровать по персоне.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Добавить персону</translation>
    </message>
    <message>
        <source>e.g. Busy parent</source>
        <translation>например, Занятой родитель</translation>
    </message>
    <message>
        <source>Choose portrait…</source>
        <translation>Выбрать портрет…</translation>
    </message>
    <message>
        <source>Remove portrait</source>
        <translation>Убрать портрет</translation>
    </message>
    <message>
        <source>What are they trying to get done?</source>
        <translation>Чего они хотят добиться?</translation>
    </message>
    <message>
        <source>Habits, context, frustrations, how they talk about us…</source>
        <translation>Привычки, обстоятельства, что раздражает, как говорят о нас…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Choose a portrait</source>
        <translation>Выбор портрета</translation>
    </message>
    <message>
        <source>Images ({0})</source>
        <translation>Изображения ({0})</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not an image Closer can read.</source>
        <translation>Closer не может прочитать изображение «{0}».</translation>
    </message>
    <message>
        <source>The persona needs a name.</source>
        <translation>Укажите название персоны.</translation>
    </message>
    <message>
        <source>A persona named &apos;{0}&apos; already exists.</source>
        <translation>Персона «{0}» уже есть.</translation>
    </message>
    <message>
        <source>Could not copy the portrait: {0}</source>
        <translation>Не удалось скопировать портрет: {0}</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <source>Play (Space)</source>
        <translation>Воспроизвести (пробел)</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>Назад на 5 секунд</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Вперёд на 5 секунд</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <source>The recording file is missing:
{0}</source>
        <translation>Файл записи не найден:
{0}</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Пауза (пробел)</translation>
    </message>
    <message>
        <source>This recording cannot be played: {0}</source>
        <translation>Эту запись невозможно воспроизвести: {0}</translation>
    </message>
</context>
<context>
    <name>PlaylistDialog</name>
    <message>
        <source>Edit playlist</source>
        <translation>Изменить подборку</translation>
    </message>
    <message>
        <source>New onboarding playlist</source>
        <translation>Новая подборка для адаптации</translation>
    </message>
    <message>
        <source>An ordered set of reels for one role: what a newcomer should hear from customers in their first weeks.</source>
        <translation>Упорядоченный набор роликов для одной роли: что новичку стоит услышать от клиентов в первые недели.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Create playlist</source>
        <translation>Создать подборку</translation>
    </message>
    <message>
        <source>e.g. Support team: first week</source>
        <translation>например, Поддержка: первая неделя</translation>
    </message>
    <message>
        <source>e.g. Support agent, Logistics</source>
        <translation>например, Оператор поддержки, Логистика</translation>
    </message>
    <message>
        <source>Why these customers matter for this role…</source>
        <translation>Почему эти клиенты важны для этой роли…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Role or department</source>
        <translation>Роль или отдел</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Shown at the top of the exported page.</source>
        <translation>Показывается вверху экспортированной страницы.</translation>
    </message>
</context>
<context>
    <name>PlaylistsPage</name>
    <message>
        <source>+  New playlist</source>
        <translation>+  Новая подборка</translation>
    </message>
    <message>
        <source>Onboarding playlists</source>
        <translation>Подборки для адаптации</translation>
    </message>
    <message>
        <source>Put reels in the order a newcomer should watch them, add a sentence to each, and export a folder that plays offline in any browser.</source>
        <translation>Расставьте ролики в том порядке, в каком их стоит смотреть новичку, добавьте к каждому пару слов и экспортируйте папку, которая открывается без интернета в любом браузере.</translation>
    </message>
    <message>
        <source>New playlist</source>
        <translation>Новая подборка</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>+  Add reel…</source>
        <translation>+  Добавить ролик…</translation>
    </message>
    <message>
        <source>Also one MP4 with every reel</source>
        <translation>И один MP4 со всеми роликами</translation>
    </message>
    <message>
        <source>Export folder…</source>
        <translation>Экспорт папки…</translation>
    </message>
    <message>
        <source>No reels yet. Add the reels a newcomer in this role should watch, in order.</source>
        <translation>Роликов пока нет. Добавьте по порядку ролики, которые должен посмотреть новичок в этой роли.</translation>
    </message>
    <message numerus="yes">
        <source>%n reel(s)</source>
        <translation>
            <numerusform>%n ролик</numerusform>
            <numerusform>%n ролика</numerusform>
            <numerusform>%n роликов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n reel(s). Open {0} in any browser, or copy the folder to the onboarding drive.</source>
        <translation>
            <numerusform>Экспортирован %n ролик. Откройте {0} в любом браузере или скопируйте папку на диск для адаптации.</numerusform>
            <numerusform>Экспортировано %n ролика. Откройте {0} в любом браузере или скопируйте папку на диск для адаптации.</numerusform>
            <numerusform>Экспортировано %n роликов. Откройте {0} в любом браузере или скопируйте папку на диск для адаптации.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Export the playlist into…</source>
        <translation>Экспорт подборки в…</translation>
    </message>
    <message>
        <source>Export “{0}”</source>
        <translation>Экспорт «{0}»</translation>
    </message>
    <message>
        <source>Exporting “{0}” to {1}… every reel is rendered, this takes a while.</source>
        <translation>Экспорт «{0}» в {1}… каждый ролик собирается заново, это займёт время.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Открыть страницу</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>Экспорт не удался: {0}</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
    <message>
        <source>What should a newcomer notice in this reel?</source>
        <translation>На что новичку обратить внимание в этом ролике?</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Раньше</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Remove from the playlist</source>
        <translation>Убрать из подборки</translation>
    </message>
</context>
<context>
    <name>PresenterBar</name>
    <message>
        <source>Space pause · ← → clips · Esc leave</source>
        <translation>Пробел — пауза · ← → — фрагменты · Esc — выход</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>Closer — presenter</source>
        <translation>Closer — показ</translation>
    </message>
    <message>
        <source>This recording is missing:
{0}</source>
        <translation>Запись не найдена:
{0}</translation>
    </message>
    <message>
        <source>This recording cannot be played:
{0}</source>
        <translation>Эту запись невозможно воспроизвести:
{0}</translation>
    </message>
    <message>
        <source>This recording cannot be played: {0}</source>
        <translation>Эту запись невозможно воспроизвести: {0}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>неизвестная ошибка</translation>
    </message>
    <message>
        <source>Clip {0} / {1}</source>
        <translation>Фрагмент {0} / {1}</translation>
    </message>
    <message>
        <source>Paused — Space to resume</source>
        <translation>Пауза — пробел, чтобы продолжить</translation>
    </message>
    <message>
        <source>The end</source>
        <translation>Конец</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>Audio only</source>
        <translation>Только звук</translation>
    </message>
    <message>
        <source>Waiting for the picture…</source>
        <translation>Ожидание изображения…</translation>
    </message>
</context>
<context>
    <name>PrivacyControls</name>
    <message>
        <source>3 months</source>
        <translation>3 месяца</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 месяцев</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 год</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 года</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>Бессрочно</translation>
    </message>
    <message>
        <source>Consent holds for</source>
        <translation>Согласие действует</translation>
    </message>
    <message>
        <source>New consent is valid this long. Once it expires, the customer&apos;s clips are left out of reels, presentations and exports, and their next meeting offers to renew it.</source>
        <translation>Столько действует новое согласие. Когда оно истекает, фрагменты клиента не попадают в ролики, показы и экспорт, а на следующей встрече предлагается его обновить.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Хранить</translation>
    </message>
    <message>
        <source>Older than {0} months</source>
        <translation>Старше {0} мес.</translation>
    </message>
    <message>
        <source>Delete raw recordings</source>
        <translation>Удалять исходные записи</translation>
    </message>
    <message>
        <source>Checked at start-up. The interview stays, with a note that its recording was removed by this policy.</source>
        <translation>Проверяется при запуске. Интервью остаётся с пометкой, что его запись удалена по этому правилу.</translation>
    </message>
    <message>
        <source>Keep their transcripts</source>
        <translation>Сохранять расшифровки</translation>
    </message>
    <message>
        <source>Keep recordings used in reels with valid consent</source>
        <translation>Сохранять записи, использованные в роликах с действующим согласием</translation>
    </message>
    <message>
        <source>Preview and apply…</source>
        <translation>Просмотреть и применить…</translation>
    </message>
    <message>
        <source>No recording is old enough to delete.</source>
        <translation>Нет записей, достаточно старых для удаления.</translation>
    </message>
    <message>
        <source>Choose an age first: recordings are kept.</source>
        <translation>Сначала выберите срок: записи сохраняются.</translation>
    </message>
    <message>
        <source>Delete old recordings?</source>
        <translation>Удалить старые записи?</translation>
    </message>
    <message>
        <source>{0} recording(s) older than {1} months will be deleted ({2:.1f} MB). Their interviews stay.</source>
        <translation>Будут удалены записи старше {1} мес.: {0} ({2:.1f} МБ). Интервью останутся.</translation>
    </message>
    <message>
        <source>Delete recordings</source>
        <translation>Удалить записи</translation>
    </message>
    <message>
        <source>{0} recording(s) deleted.</source>
        <translation>Удалено записей: {0}.</translation>
    </message>
    <message>
        <source>Exported and presented</source>
        <translation>Экспортировано и показано</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Аудитория</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О чём</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Куда</translation>
    </message>
    <message>
        <source>Nothing has been exported or presented yet.</source>
        <translation>Пока ничего не экспортировалось и не показывалось.</translation>
    </message>
    <message>
        <source>Reel rendered</source>
        <translation>Ролик собран</translation>
    </message>
    <message>
        <source>Playlist exported</source>
        <translation>Подборка экспортирована</translation>
    </message>
    <message>
        <source>Transcript exported</source>
        <translation>Расшифровка экспортирована</translation>
    </message>
    <message>
        <source>Reel presented</source>
        <translation>Ролик показан</translation>
    </message>
    <message>
        <source>Highlights exported (CSV)</source>
        <translation>Фрагменты экспортированы (CSV)</translation>
    </message>
    <message>
        <source>Touchpoints and zones exported</source>
        <translation>Точки контакта и зоны экспортированы</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренняя</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Адаптация</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Публичная</translation>
    </message>
    <message>
        <source>(on screen)</source>
        <translation>(на экране)</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} дн.</translation>
    </message>
</context>
<context>
    <name>QuoteCard</name>
    <message>
        <source>(no transcript words yet)</source>
        <translation>(в расшифровке пока нет слов)</translation>
    </message>
    <message>
        <source>▶  Play {0}</source>
        <translation>▶  Смотреть с {0}</translation>
    </message>
    <message>
        <source>Open the interview at this moment</source>
        <translation>Открыть интервью на этом моменте</translation>
    </message>
</context>
<context>
    <name>ReassignDeleteDialog</name>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the tag (the highlights stay, without it)</source>
        <translation>Снять отметку (фрагменты останутся, но без неё)</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s) tagged with it. What should happen to the tag?</source>
        <translation>
            <numerusform>Так отмечен %n фрагмент. Что сделать с его отметкой?</numerusform>
            <numerusform>Так отмечены %n фрагмента. Что сделать с их отметками?</numerusform>
            <numerusform>Так отмечены %n фрагментов. Что сделать с их отметками?</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the tag to:</source>
        <translation>Перенести отметку на:</translation>
    </message>
    <message>
        <source>No highlight uses it.</source>
        <translation>Ни один фрагмент так не отмечен.</translation>
    </message>
</context>
<context>
    <name>RecordTarget</name>
    <message>
        <source>Ad-hoc interview</source>
        <translation>Внеплановое интервью</translation>
    </message>
    <message>
        <source>Interview series</source>
        <translation>Серия интервью</translation>
    </message>
    <message>
        <source>scheduled {0}</source>
        <translation>запланировано на {0}</translation>
    </message>
</context>
<context>
    <name>RecorderWindow</name>
    <message>
        <source>Record an interview — Closer</source>
        <translation>Запись интервью — Closer</translation>
    </message>
    <message>
        <source>{0}. The recording goes on; what was recorded is safe.</source>
        <translation>{0}. Запись продолжается; записанное в сохранности.</translation>
    </message>
    <message>
        <source>Record consent first (step 1).</source>
        <translation>Сначала отметьте согласие (шаг 1).</translation>
    </message>
    <message>
        <source>With {0}</source>
        <translation>С клиентом {0}</translation>
    </message>
    <message>
        <source>Ask for consent on the record now: “Is it all right that we record this conversation and show short clips of it in {0}?”</source>
        <translation>Спросите согласие под запись прямо сейчас: «Вы не против, если мы запишем этот разговор и покажем короткие фрагменты из него {0}?»</translation>
    </message>
    <message>
        <source>Consent asked verbally at the start ({0}).</source>
        <translation>Согласие запрошено устно в начале ({0}).</translation>
    </message>
    <message>
        <source>Recording without consent: this interview is kept out of every reel.</source>
        <translation>Запись без согласия: это интервью не попадёт ни в один ролик.</translation>
    </message>
    <message>
        <source>Recording: {0} — Closer</source>
        <translation>Запись: {0} — Closer</translation>
    </message>
    <message>
        <source>internal meetings</source>
        <translation>на внутренних встречах</translation>
    </message>
    <message>
        <source>onboarding</source>
        <translation>при адаптации новых сотрудников</translation>
    </message>
    <message>
        <source>public material</source>
        <translation>в публичных материалах</translation>
    </message>
    <message>
        <source>nothing was recorded</source>
        <translation>ничего не записано</translation>
    </message>
    <message>
        <source>Recording stopped because the disk is almost full; everything recorded until then is kept.</source>
        <translation>Запись остановлена: диск почти заполнен. Всё, что записано до этого момента, сохранено.</translation>
    </message>
    <message>
        <source>Recording saved — Closer</source>
        <translation>Запись сохранена — Closer</translation>
    </message>
    <message>
        <source>Transcribing {0}</source>
        <translation>Расшифровка: {0}</translation>
    </message>
    <message>
        <source>Record without sound?</source>
        <translation>Записывать без звука?</translation>
    </message>
    <message>
        <source>No microphone and no call audio are chosen, so this recording will have no sound.</source>
        <translation>Не выбраны ни микрофон, ни звук звонка, поэтому в этой записи не будет звука.</translation>
    </message>
    <message>
        <source>Nobody will hear the customer, and there will be nothing to transcribe or search.</source>
        <translation>Клиента никто не услышит, и расшифровывать и искать будет нечего.</translation>
    </message>
    <message>
        <source>The verbal consent you chose will not be recorded either.</source>
        <translation>Выбранное вами устное согласие тоже не будет записано.</translation>
    </message>
    <message>
        <source>Choose a microphone</source>
        <translation>Выбрать микрофон</translation>
    </message>
    <message>
        <source>Record without sound</source>
        <translation>Записывать без звука</translation>
    </message>
    <message>
        <source>Stop recording?</source>
        <translation>Остановить запись?</translation>
    </message>
    <message>
        <source>The recording is still running.</source>
        <translation>Запись ещё идёт.</translation>
    </message>
    <message>
        <source>Stop it and save what was recorded, or keep recording.</source>
        <translation>Остановите её и сохраните записанное или продолжайте запись.</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Остановить и сохранить</translation>
    </message>
    <message>
        <source>Keep recording</source>
        <translation>Продолжить запись</translation>
    </message>
</context>
<context>
    <name>RecoveryNotice</name>
    <message>
        <source>Recordings recovered</source>
        <translation>Записи восстановлены</translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted recording(s) recovered</source>
        <translation>
            <numerusform>Восстановлена %n прерванная запись</numerusform>
            <numerusform>Восстановлены %n прерванные записи</numerusform>
            <numerusform>Восстановлено %n прерванных записей</numerusform>
        </translation>
    </message>
    <message>
        <source>An interrupted recording could not be recovered</source>
        <translation>Не удалось восстановить прерванную запись</translation>
    </message>
    <message>
        <source>Closer stopped while recording. Everything written before it stopped is saved with the interview.</source>
        <translation>Closer закрылся во время записи. Всё, что было записано до остановки, сохранено вместе с интервью.</translation>
    </message>
    <message>
        <source>{0} — {1} recorded</source>
        <translation>{0} — записано {1}</translation>
    </message>
    <message>
        <source>{0} — nothing could be recovered: {1}</source>
        <translation>{0} — ничего не удалось восстановить: {1}</translation>
    </message>
    <message>
        <source>Transcription is queued.</source>
        <translation>Расшифровка поставлена в очередь.</translation>
    </message>
    <message>
        <source>Transcribe them from the interview page.</source>
        <translation>Расшифруйте их на странице интервью.</translation>
    </message>
    <message>
        <source>Open interview</source>
        <translation>Открыть интервью</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
</context>
<context>
    <name>RecoveryWatcher</name>
    <message>
        <source>Recovering interrupted recordings</source>
        <translation>Восстановление прерванных записей</translation>
    </message>
    <message>
        <source>Transcribing {0}</source>
        <translation>Расшифровка: {0}</translation>
    </message>
</context>
<context>
    <name>ReelComposer</name>
    <message>
        <source>Click to rename the reel</source>
        <translation>Нажмите, чтобы переименовать ролик</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Аудитория</translation>
    </message>
    <message>
        <source>Who will watch it: decides whose consent is needed</source>
        <translation>Кто будет смотреть: от этого зависит, чьё согласие нужно</translation>
    </message>
    <message>
        <source>▶  Present</source>
        <translation>▶  Показать</translation>
    </message>
    <message>
        <source>Play the clips full-screen from the recordings (no render needed)</source>
        <translation>Показать фрагменты на весь экран прямо из записей (без экспорта)</translation>
    </message>
    <message>
        <source>Render MP4…</source>
        <translation>Экспорт MP4…</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>Обрезка</translation>
    </message>
    <message>
        <source>Privacy and output</source>
        <translation>Приватность</translation>
    </message>
    <message>
        <source>Title and end cards</source>
        <translation>Титры</translation>
    </message>
    <message>
        <source>Clips</source>
        <translation>Состав</translation>
    </message>
    <message>
        <source>drag to reorder</source>
        <translation>перетаскивайте</translation>
    </message>
    <message>
        <source>+  Add highlights…</source>
        <translation>+  Добавить…</translation>
    </message>
    <message>
        <source>No clips yet.

Add tagged highlights: the strongest moments of real customers, trimmed to the word.</source>
        <translation>Фрагментов пока нет.

Добавьте отмеченные фрагменты: самые сильные моменты реальных клиентов, обрезанные точно по словам.</translation>
    </message>
    <message>
        <source>{0} · {1} with cards</source>
        <translation>{0} · всего {1}</translation>
    </message>
    <message>
        <source>The transcript changed under masked words; check them before you render:</source>
        <translation>Расшифровка изменилась под скрытыми словами; проверьте их перед сборкой:</translation>
    </message>
    <message>
        <source>Rendering is off: {0} may not be shown to this audience. Remove them, choose a narrower audience, or record the customer&apos;s consent on the interview page.</source>
        <translation>Экспорт отключён: некоторые фрагменты ({0}) нельзя показывать этой аудитории. Уберите их, выберите более узкую аудиторию или отметьте согласие клиента на странице интервью.</translation>
    </message>
    <message>
        <source>{0} without recorded consent: fine for internal meetings only.</source>
        <translation>Без записанного согласия ({0}): подходит только для внутренних встреч.</translation>
    </message>
    <message>
        <source>A render is running</source>
        <translation>Идёт экспорт</translation>
    </message>
    <message>
        <source>Render an MP4 file to share</source>
        <translation>Экспортировать MP4-файл, чтобы поделиться</translation>
    </message>
    <message>
        <source>Add clips first</source>
        <translation>Сначала добавьте фрагменты</translation>
    </message>
    <message>
        <source>Add highlights to “{0}”</source>
        <translation>Добавить фрагменты в «{0}»</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Render reel</source>
        <translation>Экспорт ролика</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>Видео MP4 (*.mp4)</translation>
    </message>
</context>
<context>
    <name>ReelListPanel</name>
    <message>
        <source>+  New reel</source>
        <translation>+  Ролик</translation>
    </message>
    <message>
        <source>Auto reel…</source>
        <translation>Авторолик</translation>
    </message>
    <message>
        <source>The most severe moments of a touchpoint, within a time limit</source>
        <translation>Самые острые моменты точки контакта в пределах заданной длины</translation>
    </message>
    <message>
        <source>Delete reel…</source>
        <translation>Удалить ролик…</translation>
    </message>
</context>
<context>
    <name>ReelPrivacyPanel</name>
    <message>
        <source>Captions</source>
        <translation>Субтитры</translation>
    </message>
    <message>
        <source>Burned in</source>
        <translation>Вшитые</translation>
    </message>
    <message>
        <source>Subtitle track</source>
        <translation>Дорожка субтитров</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Burned in: always visible, even in a chat preview. Subtitle track: viewers can switch them off.</source>
        <translation>Вшитые видны всегда, даже в превью в чате. Дорожку субтитров зрители могут отключить.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Качество</translation>
    </message>
    <message>
        <source>720p · smaller file</source>
        <translation>720p · файл меньше</translation>
    </message>
    <message>
        <source>1080p · projector</source>
        <translation>1080p · для проектора</translation>
    </message>
    <message>
        <source>Protect the customer</source>
        <translation>Защита клиента</translation>
    </message>
    <message>
        <source>Blur faces</source>
        <translation>Размыть лица</translation>
    </message>
    <message>
        <source>Finds faces in every frame and blurs them; rendering takes longer.</source>
        <translation>Находит лица в каждом кадре и размывает их; экспорт идёт дольше.</translation>
    </message>
    <message>
        <source>Use aliases instead of names</source>
        <translation>Псевдонимы вместо имён</translation>
    </message>
    <message>
        <source>Lower thirds show the customer&apos;s alias (or “Customer 12”) instead of the first name.</source>
        <translation>В подписях — псевдоним клиента (или «Клиент 12») вместо имени.</translation>
    </message>
    <message>
        <source>Mask words</source>
        <translation>Скрыть слова</translation>
    </message>
    <message>
        <source>Masked words are bleeped and show as ••• in captions.</source>
        <translation>Скрытые слова заглушаются сигналом, а в субтитрах показываются как •••.</translation>
    </message>
    <message>
        <source>Select a clip to choose words to mask.</source>
        <translation>Выберите фрагмент, чтобы отметить слова для скрытия.</translation>
    </message>
    <message>
        <source>Mask words in clip {0}</source>
        <translation>Скрыть слова во фрагменте {0}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>номер телефона</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>{0}  ·  {1}</source>
        <translation>{0}  ·  {1}</translation>
    </message>
    <message>
        <source>Suggested above: names, phone numbers and e-mails found in this clip. Click any word below to mask it too.</source>
        <translation>Выше — имена, телефоны и адреса почты, найденные в этом фрагменте. Нажмите на любое слово ниже, чтобы тоже его скрыть.</translation>
    </message>
    <message>
        <source>Nothing sensitive detected in this clip. Click any word below to mask it.</source>
        <translation>В этом фрагменте не найдено личных данных. Нажмите на любое слово ниже, чтобы скрыть его.</translation>
    </message>
    <message>
        <source>Mask this word</source>
        <translation>Скрыть это слово</translation>
    </message>
    <message>
        <source>Detected: {0}</source>
        <translation>Найдено: {0}</translation>
    </message>
</context>
<context>
    <name>ReelTitlesPanel</name>
    <message>
        <source>e.g. What customers say about delivery</source>
        <translation>например, Что клиенты говорят о доставке</translation>
    </message>
    <message>
        <source>e.g. Staff meeting, 12 March</source>
        <translation>например, Планёрка, 12 марта</translation>
    </message>
    <message>
        <source>e.g. What one thing would you change for them?</source>
        <translation>например, Что бы вы изменили для них в первую очередь?</translation>
    </message>
    <message>
        <source>Title card</source>
        <translation>Заставка</translation>
    </message>
    <message>
        <source>Opens the reel for {0} s; leave empty for no title card.</source>
        <translation>Открывает ролик на {0} с; оставьте пустым, чтобы обойтись без заставки.</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Подзаголовок</translation>
    </message>
    <message>
        <source>End card</source>
        <translation>Финальный кадр</translation>
    </message>
    <message>
        <source>A question or call to action shown for {0} s at the end.</source>
        <translation>Вопрос или призыв к действию — {0} с в конце ролика.</translation>
    </message>
    <message>
        <source>No title card</source>
        <translation>Без заставки</translation>
    </message>
</context>
<context>
    <name>Reels</name>
    <message>
        <source>Internal — staff meetings</source>
        <translation>Для планёрок</translation>
    </message>
    <message>
        <source>Onboarding — new employees</source>
        <translation>Для адаптации</translation>
    </message>
    <message>
        <source>Public — outside the company</source>
        <translation>Внешний показ</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Для адаптации</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Публичный</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} с</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReelsView</name>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Reels</source>
        <translation>Ролики</translation>
    </message>
    <message>
        <source>Short clips of real customers, for staff meetings and onboarding.</source>
        <translation>Короткие ролики с реальными клиентами — для планёрок и адаптации.</translation>
    </message>
    <message>
        <source>Onboarding playlists</source>
        <translation>Подборки для адаптации</translation>
    </message>
    <message>
        <source>Let your team hear the customer</source>
        <translation>Пусть команда услышит клиента</translation>
    </message>
    <message>
        <source>A reel is a few short clips of real customers: the strongest moments of a touchpoint, trimmed to the word. Present it full-screen at a staff meeting or add it to an onboarding playlist.</source>
        <translation>Ролик — это несколько коротких фрагментов с реальными клиентами: самые сильные моменты точки контакта, обрезанные точно по словам. Покажите его на весь экран на планёрке или добавьте в подборку для адаптации.</translation>
    </message>
    <message>
        <source>Auto reel…</source>
        <translation>Авторолик…</translation>
    </message>
    <message>
        <source>Tag a few moments first</source>
        <translation>Сначала отметьте несколько моментов</translation>
    </message>
    <message>
        <source>Reels are made of highlights. Open an interview, select the words where the customer struggles and tag a touchpoint and a problem zone; then come back to build a reel.</source>
        <translation>Ролики собираются из фрагментов. Откройте интервью, выделите слова, где клиенту трудно, отметьте точку контакта и проблемную зону — и возвращайтесь собирать ролик.</translation>
    </message>
    <message>
        <source>Untitled reel</source>
        <translation>Ролик без названия</translation>
    </message>
    <message>
        <source>Delete reel</source>
        <translation>Удалить ролик</translation>
    </message>
    <message>
        <source>Delete the reel “{0}”? The interviews and highlights stay; rendered files are not touched.</source>
        <translation>Удалить ролик «{0}»? Интервью и фрагменты останутся; готовые видеофайлы не затрагиваются.</translation>
    </message>
    <message>
        <source>{0} left out of the presentation: no valid consent for this audience.</source>
        <translation>Не показаны ({0}): нет действующего согласия для этой аудитории.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Prepare “{0}” for presenting</source>
        <translation>Подготовка «{0}» к показу</translation>
    </message>
    <message>
        <source>Preparing the presentation with faces blurred and words masked, as this audience sees them…</source>
        <translation>Готовим показ: лица размыты, слова скрыты — так, как их увидит эта аудитория…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The presentation could not be prepared: {0}</source>
        <translation>Не удалось подготовить показ: {0}</translation>
    </message>
    <message>
        <source>{0}: customer voices</source>
        <translation>{0}: голоса клиентов</translation>
    </message>
    <message numerus="yes">
        <source>%n customer moment(s)</source>
        <translation>
            <numerusform>%n момент клиентов</numerusform>
            <numerusform>%n момента клиентов</numerusform>
            <numerusform>%n моментов клиентов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Open schedule</source>
        <translation>Открыть расписание</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>Missed interview</source>
        <translation>Пропущенное интервью</translation>
    </message>
    <message>
        <source>Interview starting now</source>
        <translation>Интервью начинается</translation>
    </message>
    <message numerus="yes">
        <source>Interview in %n min</source>
        <translation>
            <numerusform>Интервью через %n мин</numerusform>
            <numerusform>Интервью через %n мин</numerusform>
            <numerusform>Интервью через %n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interview started %n min ago</source>
        <translation>
            <numerusform>Интервью началось %n мин назад</numerusform>
            <numerusform>Интервью началось %n мин назад</numerusform>
            <numerusform>Интервью началось %n мин назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) need attention</source>
        <translation>
            <numerusform>Требует внимания %n интервью</numerusform>
            <numerusform>Требуют внимания %n интервью</numerusform>
            <numerusform>Требуют внимания %n интервью</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s) coming up</source>
        <translation>
            <numerusform>Скоро %n интервью</numerusform>
            <numerusform>Скоро %n интервью</numerusform>
            <numerusform>Скоро %n интервью</numerusform>
        </translation>
    </message>
    <message>
        <source>If it took place, import the recording from the Schedule.</source>
        <translation>Если интервью состоялось, импортируйте запись из раздела «Расписание».</translation>
    </message>
    <message>
        <source>{0} (nothing recorded)</source>
        <translation>{0} (нет записи)</translation>
    </message>
</context>
<context>
    <name>RenderStatus</name>
    <message>
        <source>Render “{0}”</source>
        <translation>Экспорт «{0}»</translation>
    </message>
    <message>
        <source>Rendering “{0}” to {1}… You can keep working; progress is also in the sidebar.</source>
        <translation>Экспортируем «{0}» в {1}… Можно продолжать работу; прогресс виден и на боковой панели.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Saved {0} · {1} · {2}</source>
        <translation>Сохранено: {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Rendering failed: {0}</source>
        <translation>Экспорт не удался: {0}</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Rendering cancelled.</source>
        <translation>Экспорт отменён.</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Edit keyword rule</source>
        <translation>Правка ключевого правила</translation>
    </message>
    <message>
        <source>New keyword rule</source>
        <translation>Новое ключевое правило</translation>
    </message>
    <message>
        <source>When these words are spoken, the passage is suggested as a highlight with this touchpoint and zone. End a word with * to match its forms (refund*, возврат*).</source>
        <translation>Когда звучат эти слова, отрывок предлагается как фрагмент с этой точкой контакта и зоной. Звёздочка в конце слова ловит его формы (refund*, возврат*).</translation>
    </message>
    <message>
        <source>e.g. transferred me, перевели на*</source>
        <translation>например: перевели на*, transferred me</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Фраза</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <source>Problem zone</source>
        <translation>Проблемная зона</translation>
    </message>
    <message>
        <source>Type the words to listen for.</source>
        <translation>Введите слова, которые нужно ловить.</translation>
    </message>
    <message>
        <source>Choose a touchpoint or a problem zone (or both).</source>
        <translation>Выберите точку контакта или проблемную зону (или обе).</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>Planned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Записано</translation>
    </message>
    <message>
        <source>Transcribed</source>
        <translation>Расшифровано</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>Размечено</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущено</translation>
    </message>
</context>
<context>
    <name>ScheduleActions</name>
    <message>
        <source>Add a customer in Customers &amp; Personas first: every series is planned with one customer.</source>
        <translation>Сначала добавьте клиента в разделе «Клиенты и персоны»: каждая серия планируется с одним клиентом.</translation>
    </message>
    <message>
        <source>Series saved.</source>
        <translation>Серия сохранена.</translation>
    </message>
    <message>
        <source>Series saved. Next interview: {0}.</source>
        <translation>Серия сохранена. Следующее интервью: {0}.</translation>
    </message>
    <message>
        <source>The series with {0} has ended.</source>
        <translation>Серия с клиентом {0} завершена.</translation>
    </message>
    <message>
        <source>Delete series</source>
        <translation>Удалить серию</translation>
    </message>
    <message>
        <source>Delete the interview series with {0}? Recorded interviews stay in the library.</source>
        <translation>Удалить серию интервью с клиентом {0}? Записанные интервью останутся в библиотеке.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Series deleted.</source>
        <translation>Серия удалена.</translation>
    </message>
    <message>
        <source>Skip interview</source>
        <translation>Пропуск интервью</translation>
    </message>
    <message>
        <source>Skip the interview with {0} on {1}? The rest of the series stays.</source>
        <translation>Пропустить интервью с клиентом {0} {1}? Остальная серия не изменится.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Interview skipped.</source>
        <translation>Интервью пропущено.</translation>
    </message>
    <message>
        <source>Interview moved.</source>
        <translation>Интервью перенесено.</translation>
    </message>
    <message>
        <source>No e-mail program answered. The invitation link was not opened.</source>
        <translation>Почтовая программа не ответила. Ссылка на приглашение не открыта.</translation>
    </message>
    <message>
        <source>Export calendar file</source>
        <translation>Экспорт файла календаря</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Файлы календаря (*.ics)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
        <source>Saved {0}. Open it to add the interviews to your calendar.</source>
        <translation>Файл {0} сохранён. Откройте его, чтобы добавить интервью в календарь.</translation>
    </message>
    <message>
        <source>Import calendar file</source>
        <translation>Импорт файла календаря</translation>
    </message>
    <message>
        <source>Could not read {0}: {1}</source>
        <translation>Не удалось прочитать {0}: {1}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n series.</source>
        <translation>
            <numerusform>Импортирована %n серия.</numerusform>
            <numerusform>Импортировано %n серии.</numerusform>
            <numerusform>Импортировано %n серий.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the recording of this interview</source>
        <translation>Импорт записи этого интервью</translation>
    </message>
    <message>
        <source>Recordings ({0})</source>
        <translation>Записи ({0})</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>Импортировать {0}</translation>
    </message>
    <message>
        <source>Importing {0} for the interview with {1}…</source>
        <translation>Импорт {0} для интервью с клиентом {1}…</translation>
    </message>
    <message>
        <source>The recording was not imported: {0}</source>
        <translation>Запись не импортирована: {0}</translation>
    </message>
    <message>
        <source>Recording imported and linked to the interview with {0}.</source>
        <translation>Запись импортирована и привязана к интервью с клиентом {0}.</translation>
    </message>
    <message>
        <source>Delete guide</source>
        <translation>Удалить сценарий</translation>
    </message>
    <message>
        <source>Delete the guide “{0}”? Series using it keep their interviews but lose the guide.</source>
        <translation>Удалить сценарий «{0}»? Серии, где он выбран, сохранят интервью, но останутся без сценария.</translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>Regular conversations with every customer, reminders before they start, and who you have not heard from lately.</source>
        <translation>Регулярные разговоры с клиентами, напоминания и те, кого вы давно не слышали.</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Импорт .ics…</translation>
    </message>
    <message>
        <source>Plan interviews</source>
        <translation>Запланировать интервью</translation>
    </message>
    <message>
        <source>Plan your first customer interviews</source>
        <translation>Запланируйте первые интервью с клиентами</translation>
    </message>
    <message>
        <source>Pick a customer and a rhythm (every two weeks, monthly on the 2nd Tuesday, once a quarter…). Closer puts the interviews on this calendar, reminds you before each one and tells you who you have not heard from lately.</source>
        <translation>Выберите клиента и ритм (раз в две недели, ежемесячно во второй вторник, раз в квартал…). Closer внесёт интервью в этот календарь, напомнит о каждом заранее и подскажет, кого вы давно не слышали.</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Ближайшие</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серии</translation>
    </message>
    <message>
        <source>Cadence health</source>
        <translation>Периодичность</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Times in {0}</source>
        <translation>Время: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Next %n day(s)</source>
        <translation>
            <numerusform>Ближайший %n день</numerusform>
            <numerusform>Ближайшие %n дня</numerusform>
            <numerusform>Ближайшие %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording inside Closer is not available in this version. Record the conversation with your usual tool, then use “Import recording…” to attach the file to this interview.</source>
        <translation>Запись в Closer в этой версии недоступна. Запишите разговор привычным инструментом, затем нажмите «Импорт записи…», чтобы прикрепить файл к этому интервью.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Play from {0}</source>
        <translation>Воспроизвести с {0}</translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message>
        <source>← Back to all interviews</source>
        <translation>← Ко всем интервью</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>Что говорили клиенты</translation>
    </message>
    <message>
        <source>Search what customers said…</source>
        <translation>Поиск по словам клиентов…</translation>
    </message>
    <message>
        <source>Words match in any order; put a phrase in &quot;quotes&quot;; end a word with * to match its beginning (pric* finds price, pricing).</source>
        <translation>Слова ищутся в любом порядке; фразу возьмите в &quot;кавычки&quot;; * в конце слова ищет по началу (цен* найдёт «цена», «ценник»).</translation>
    </message>
    <message>
        <source>No one said that yet</source>
        <translation>Так пока никто не говорил</translation>
    </message>
    <message>
        <source>Try fewer or other words, or the beginning of a word followed by *.</source>
        <translation>Попробуйте меньше слов, другие слова или начало слова со *.</translation>
    </message>
    <message>
        <source>Nothing to search yet</source>
        <translation>Пока не по чему искать</translation>
    </message>
    <message>
        <source>Transcribe your interviews first: every word customers said becomes searchable here.</source>
        <translation>Сначала расшифруйте интервью: здесь можно будет найти каждое слово клиентов.</translation>
    </message>
    <message>
        <source>Transcribe all interviews</source>
        <translation>Расшифровать все интервью</translation>
    </message>
    <message numerus="yes">
        <source>%n moment(s)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interview(s)</source>
        <translation>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
            <numerusform>%n интервью</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} in {1} for “{2}”</source>
        <translation>«{2}» — {0} ({1})</translation>
    </message>
    <message>
        <source>No interview is transcribed yet</source>
        <translation>Ни одно интервью ещё не расшифровано</translation>
    </message>
    <message>
        <source>No results for “{0}”</source>
        <translation>По запросу «{0}» ничего не найдено</translation>
    </message>
    <message>
        <source>Type what you are looking for</source>
        <translation>Введите, что вы ищете</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Edit interview series</source>
        <translation>Изменить серию интервью</translation>
    </message>
    <message>
        <source>Plan interviews</source>
        <translation>Запланировать интервью</translation>
    </message>
    <message>
        <source>A regular conversation with one customer. Times are kept in the zone you choose, so a 10:00 meeting stays at 10:00 when clocks change.</source>
        <translation>Регулярный разговор с одним клиентом. Время хранится в выбранном часовом поясе, поэтому встреча в 10:00 останется в 10:00 при переводе часов.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Plan series</source>
        <translation>Запланировать</translation>
    </message>
    <message>
        <source>Optional, e.g. Quarterly check-in</source>
        <translation>Необязательно, например «Квартальная встреча»</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>В дату</translation>
    </message>
    <message>
        <source>After a number of interviews</source>
        <translation>После N интервью</translation>
    </message>
    <message>
        <source> interviews</source>
        <translation> интервью</translation>
    </message>
    <message>
        <source>Video call link or address</source>
        <translation>Ссылка на видеозвонок или адрес</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Имена через запятую</translation>
    </message>
    <message>
        <source>No guide</source>
        <translation>Без сценария</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>First interview</source>
        <translation>Первое интервью</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Recurrence rule (RFC 5545 RRULE)</source>
        <translation>Правило повторения (RFC 5545 RRULE)</translation>
    </message>
    <message>
        <source>For example FREQ=WEEKLY;INTERVAL=3 or FREQ=MONTHLY;BYDAY=-1FR;COUNT=6</source>
        <translation>Например, FREQ=WEEKLY;INTERVAL=3 или FREQ=MONTHLY;BYDAY=-1FR;COUNT=6</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Link or address</source>
        <translation>Ссылка или адрес</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>Интервьюеры</translation>
    </message>
    <message>
        <source>Interview guide</source>
        <translation>Сценарий интервью</translation>
    </message>
    <message>
        <source>Next interviews</source>
        <translation>Ближайшие интервью</translation>
    </message>
    <message>
        <source>Add a customer first: a series belongs to one customer.</source>
        <translation>Сначала добавьте клиента: серия относится к одному клиенту.</translation>
    </message>
    <message>
        <source>No interviews after today.</source>
        <translation>После сегодняшнего дня интервью нет.</translation>
    </message>
    <message>
        <source>{0} already has a series: {1}.</source>
        <translation>У клиента «{0}» уже есть серия: {1}.</translation>
    </message>
    <message>
        <source>Plan a second series?</source>
        <translation>Запланировать вторую серию?</translation>
    </message>
    <message>
        <source>{0} already has an interview series: {1}, at {2}.</source>
        <translation>У клиента «{0}» уже есть серия интервью: {1}, в {2}.</translation>
    </message>
    <message>
        <source>Two series mean two sets of meetings with the same customer. To change the rhythm, edit the existing series instead.</source>
        <translation>Две серии — это два набора встреч с одним и тем же клиентом. Чтобы изменить ритм, лучше отредактируйте существующую серию.</translation>
    </message>
    <message>
        <source>Plan another series</source>
        <translation>Запланировать ещё одну серию</translation>
    </message>
</context>
<context>
    <name>SeriesList</name>
    <message>
        <source>Export .ics</source>
        <translation>Экспорт .ics</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>End series…</source>
        <translation>Завершить серию…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Next interview</source>
        <translation>Следующее</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation>Интервьюеры</translation>
    </message>
    <message>
        <source>No interview series yet</source>
        <translation>Серий интервью пока нет</translation>
    </message>
    <message>
        <source>A series is a rhythm of conversations with one customer: every two weeks, monthly on the 2nd Tuesday, once a quarter…</source>
        <translation>Серия — это ритм разговоров с одним клиентом: раз в две недели, ежемесячно во второй вторник, раз в квартал…</translation>
    </message>
    <message>
        <source>Plan a series</source>
        <translation>Запланировать серию</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>No more interviews</source>
        <translation>Интервью больше нет</translation>
    </message>
</context>
<context>
    <name>SeriesRule</name>
    <message>
        <source>1st</source>
        <translation>1-й</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>2-й</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>3-й</translation>
    </message>
    <message>
        <source>4th</source>
        <translation>4-й</translation>
    </message>
    <message>
        <source>last</source>
        <translation>последней</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Не повторяется</translation>
    </message>
    <message>
        <source>Custom (RRULE)…</source>
        <translation>Своё правило (RRULE)…</translation>
    </message>
    <message>
        <source>Every week on {0}</source>
        <translation>Еженедельно: {0}</translation>
    </message>
    <message>
        <source>Every 2 weeks on {0}</source>
        <translation>Раз в 2 недели: {0}</translation>
    </message>
    <message>
        <source>Monthly on the {0} {1}</source>
        <translation>Ежемесячно: {1} на {0} неделе</translation>
    </message>
    <message>
        <source>Monthly on day {0}</source>
        <translation>Ежемесячно, {0}-го числа</translation>
    </message>
    <message>
        <source>Every 3 months on day {0}</source>
        <translation>Раз в 3 месяца, {0}-го числа</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>● REC</source>
        <translation>● ЗАПИСЬ</translation>
    </message>
    <message>
        <source>❚❚  Pause</source>
        <translation>❚❚  Пауза</translation>
    </message>
    <message>
        <source>⚑  Mark   M</source>
        <translation>⚑  Отметить   M</translation>
    </message>
    <message>
        <source>Mark this moment (M): it becomes a highlight to review after the interview</source>
        <translation>Отметить момент (M): после интервью он станет фрагментом для проверки</translation>
    </message>
    <message>
        <source>■  Stop</source>
        <translation>■  Стоп</translation>
    </message>
    <message numerus="yes">
        <source>Sound is recorded on %n track(s).</source>
        <translation>
            <numerusform>Звук пишется на %n дорожку.</numerusform>
            <numerusform>Звук пишется на %n дорожки.</numerusform>
            <numerusform>Звук пишется на %n дорожек.</numerusform>
        </translation>
    </message>
    <message>
        <source>❚❚ PAUSED</source>
        <translation>❚❚ ПАУЗА</translation>
    </message>
    <message>
        <source>SAVING</source>
        <translation>СОХРАНЕНИЕ</translation>
    </message>
    <message>
        <source>▶  Resume</source>
        <translation>▶  Продолжить</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Изменения сохраняются сразу.</translation>
    </message>
    <message>
        <source>Consent, retention and audit</source>
        <translation>Согласие, хранение и журнал</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Same as the system ({0})</source>
        <translation>Как в системе ({0})</translation>
    </message>
    <message>
        <source>App language</source>
        <translation>Язык приложения</translation>
    </message>
    <message>
        <source>The window reloads in the new language.</source>
        <translation>Окно перезагрузится на новом языке.</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>base — multilingual (default)</source>
        <translation>base — многоязычная (по умолч.)</translation>
    </message>
    <message>
        <source>tiny.en — English only, fastest</source>
        <translation>tiny.en — только английский, самая быстрая</translation>
    </message>
    <message>
        <source>Other model name…</source>
        <translation>Другая модель…</translation>
    </message>
    <message>
        <source>Local model folder…</source>
        <translation>Папка с моделью…</translation>
    </message>
    <message>
        <source>e.g. small, medium, large-v3</source>
        <translation>например, small, medium, large-v3</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>Модель распознавания</translation>
    </message>
    <message>
        <source>base and tiny.en come with Closer and work offline. Other names are downloaded by faster-whisper once (needs internet); a folder must hold a CTranslate2 Whisper model.</source>
        <translation>base и tiny.en входят в Closer и работают без интернета. Другие модели faster-whisper скачает один раз (нужен интернет); папка должна содержать модель Whisper в формате CTranslate2.</translation>
    </message>
    <message>
        <source>Spoken language</source>
        <translation>Язык речи</translation>
    </message>
    <message>
        <source>Used when a customer has no language of their own. Choosing it is faster and more accurate than detecting it.</source>
        <translation>Используется, если у клиента не указан язык. Выбрать язык быстрее и точнее, чем определять автоматически.</translation>
    </message>
    <message>
        <source>Product names, brands, jargon: Closer, CloudKitchen, NPS…</source>
        <translation>Названия продуктов, бренды, жаргон: Closer, CloudKitchen, NPS…</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Словарь</translation>
    </message>
    <message>
        <source>Words the model should expect. Helps with names and terms it would otherwise mishear.</source>
        <translation>Слова, которые модель должна ожидать. Помогает с именами и терминами, которые она иначе расслышит неверно.</translation>
    </message>
    <message>
        <source>Start transcribing right after import</source>
        <translation>Расшифровывать сразу после импорта</translation>
    </message>
    <message>
        <source>Transcribe automatically</source>
        <translation>Автоматическая расшифровка</translation>
    </message>
    <message>
        <source>Otherwise start it from the interview.</source>
        <translation>Иначе запускайте её из интервью.</translation>
    </message>
    <message>
        <source>Processor threads</source>
        <translation>Потоки процессора</translation>
    </message>
    <message>
        <source>More threads transcribe faster but leave less for other apps. This computer has {0}.</source>
        <translation>Больше потоков — быстрее расшифровка, но меньше ресурсов для других программ. На этом компьютере потоков: {0}.</translation>
    </message>
    <message>
        <source>Importing and reminders</source>
        <translation>Импорт и напоминания</translation>
    </message>
    <message>
        <source>Copy into the library (safest)</source>
        <translation>Копировать в библиотеку (надёжнее)</translation>
    </message>
    <message>
        <source>Link to the original file</source>
        <translation>Ссылка на исходный файл</translation>
    </message>
    <message>
        <source>Imported recordings</source>
        <translation>Импортированные записи</translation>
    </message>
    <message>
        <source>A copy keeps working when the original is moved or deleted; a link saves disk space.</source>
        <translation>Копия работает, даже если исходный файл переместят или удалят; ссылка экономит место на диске.</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Без напоминания</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before</source>
        <translation>
            <numerusform>За %n минуту</numerusform>
            <numerusform>За %n минуты</numerusform>
            <numerusform>За %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Interview reminders</source>
        <translation>Напоминания об интервью</translation>
    </message>
    <message>
        <source>A notification before a scheduled interview.</source>
        <translation>Уведомление перед запланированным интервью.</translation>
    </message>
    <message>
        <source>Library and privacy</source>
        <translation>Библиотека и конфиденциальность</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Library location</source>
        <translation>Расположение библиотеки</translation>
    </message>
    <message>
        <source>Recordings, transcripts and the database live here. Back up this folder to keep everything safe.</source>
        <translation>Здесь хранятся записи, расшифровки и база данных. Делайте резервную копию этой папки, чтобы ничего не потерять.</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Nothing is uploaded.</source>
        <translation>Всё остаётся на этом компьютере. Ничего не выгружается.</translation>
    </message>
    <message>
        <source>Choose a Whisper model folder</source>
        <translation>Выбор папки с моделью Whisper</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>New recording</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>With {0}</source>
        <translation>С клиентом {0}</translation>
    </message>
    <message>
        <source>Recording with</source>
        <translation>С кем запись</translation>
    </message>
    <message>
        <source>Customer (pick or type a new name)</source>
        <translation>Клиент (выберите или введите новое имя)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>●  Start recording</source>
        <translation>●  Начать запись</translation>
    </message>
    <message>
        <source>Choose the customer you are recording.</source>
        <translation>Выберите клиента, с которым идёт запись.</translation>
    </message>
    <message>
        <source>Record consent first (step 1).</source>
        <translation>Сначала отметьте согласие (шаг 1).</translation>
    </message>
    <message>
        <source>Choose something to record (step 2).</source>
        <translation>Выберите, что записывать (шаг 2).</translation>
    </message>
    <message>
        <source>No microphone or call audio is chosen: the recording will have no sound.</source>
        <translation>Не выбраны ни микрофон, ни звук звонка: в записи не будет звука.</translation>
    </message>
    <message>
        <source>Recording starts at once; a crash never loses more than the last second.</source>
        <translation>Запись начнётся сразу; при сбое теряется не больше последней секунды.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>A shortcut is a single letter or digit, not &apos;{0}&apos;.</source>
        <translation>Клавиша — это одна буква или цифра, а не «{0}».</translation>
    </message>
    <message>
        <source>The key {0} is already used by the touchpoint “{1}”.</source>
        <translation>Клавиша {0} уже занята точкой контакта «{1}».</translation>
    </message>
    <message>
        <source>The key {0} is already used by the problem zone “{1}”.</source>
        <translation>Клавиша {0} уже занята проблемной зоной «{1}».</translation>
    </message>
</context>
<context>
    <name>SourceCatalog</name>
    <message>
        <source>Speech file: {0} (demo source)</source>
        <translation>Файл речи: {0} (демо-источник)</translation>
    </message>
    <message>
        <source>Test pattern (demo source)</source>
        <translation>Тестовая таблица (демо-источник)</translation>
    </message>
    <message>
        <source>Screen {0}</source>
        <translation>Экран {0}</translation>
    </message>
    <message>
        <source>Camera: {0}</source>
        <translation>Камера: {0}</translation>
    </message>
    <message>
        <source>Screen: {0} ({1} × {2})</source>
        <translation>Экран: {0} ({1} × {2})</translation>
    </message>
    <message>
        <source>Window: {0}</source>
        <translation>Окно: {0}</translation>
    </message>
    <message>
        <source>Call audio needs PulseAudio or PipeWire (libpulse): none was found.</source>
        <translation>Для записи звука звонка нужен PulseAudio или PipeWire (libpulse): ни один не найден.</translation>
    </message>
    <message>
        <source>No sound server answered: call audio is recorded from the monitor of an output in PulseAudio or PipeWire.</source>
        <translation>Звуковой сервер не отвечает: звук звонка записывается с монитора выхода в PulseAudio или PipeWire.</translation>
    </message>
    <message>
        <source>macOS cannot record what the speakers play by itself: install a loopback audio driver (e.g. BlackHole), send the call&apos;s output to it, and pick it as call audio.</source>
        <translation>macOS не умеет сама записывать то, что играют динамики: установите виртуальный аудиодрайвер (например, BlackHole), направьте в него звук звонка и выберите его как звук звонка.</translation>
    </message>
    <message>
        <source>Windows shows what the speakers play only through a loopback input: enable &apos;Stereo Mix&apos; in the sound settings or install a virtual cable (e.g. VB-CABLE), then pick it as call audio.</source>
        <translation>Windows отдаёт звук динамиков только через петлевой вход: включите «Стерео микшер» в настройках звука или установите виртуальный кабель (например, VB-CABLE), затем выберите его как звук звонка.</translation>
    </message>
</context>
<context>
    <name>SourcesCard</name>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation>Обновить устройства</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Call audio</source>
        <translation>Звук звонка</translation>
    </message>
    <message>
        <source>Each sound source is its own track: the microphone is “{0}”, call audio is “{1}”, so the transcript knows who spoke.</source>
        <translation>Каждый источник звука пишется на свою дорожку: микрофон — «{0}», звук звонка — «{1}», поэтому в расшифровке видно, кто говорил.</translation>
    </message>
    <message>
        <source>No video (audio only)</source>
        <translation>Без видео (только звук)</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Без микрофона</translation>
    </message>
    <message>
        <source>No call audio</source>
        <translation>Без звука звонка</translation>
    </message>
    <message>
        <source>No camera found: record the screen for a remote call, or sound only.</source>
        <translation>Камера не найдена: для удалённого звонка запишите экран или только звук.</translation>
    </message>
    <message>
        <source>No microphone found: plug one in, then Refresh devices.</source>
        <translation>Микрофон не найден: подключите его и нажмите «Обновить устройства».</translation>
    </message>
    <message>
        <source>What the speakers play: the other side of a remote call.</source>
        <translation>То, что звучит в динамиках: собеседник в удалённом звонке.</translation>
    </message>
</context>
<context>
    <name>Speakers</name>
    <message>
        <source>Interviewer</source>
        <translation>Интервьюер</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>TagBar</name>
    <message>
        <source>Start one word earlier</source>
        <translation>Начало на слово раньше</translation>
    </message>
    <message>
        <source>Start one word later</source>
        <translation>Начало на слово позже</translation>
    </message>
    <message>
        <source>End one word earlier</source>
        <translation>Конец на слово раньше</translation>
    </message>
    <message>
        <source>End one word later</source>
        <translation>Конец на слово позже</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Keys Q, W, E, R… in journey order</source>
        <translation>Клавиши Q, W, E, R… в порядке пути клиента</translation>
    </message>
    <message>
        <source>Keys 1…9, 0</source>
        <translation>Клавиши 1…9, 0</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Точки контакта</translation>
    </message>
    <message>
        <source>Problem zones</source>
        <translation>Проблемные зоны</translation>
    </message>
    <message>
        <source>Severity (Shift+1…5)</source>
        <translation>Критичность (Shift+1…5)</translation>
    </message>
    <message>
        <source>Shift+1…5</source>
        <translation>Shift+1…5</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Need: what the customer wanted</source>
        <translation>Потребность клиента</translation>
    </message>
    <message>
        <source>Value: what would help</source>
        <translation>Что помогло бы</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Reject (X)</source>
        <translation>Отклонить (X)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сохранить (Enter)</translation>
    </message>
    <message>
        <source>No persona</source>
        <translation>Без персоны</translation>
    </message>
    <message>
        <source>New highlight</source>
        <translation>Новый фрагмент</translation>
    </message>
    <message>
        <source>Edit highlight</source>
        <translation>Правка фрагмента</translation>
    </message>
    <message>
        <source>Review marker</source>
        <translation>Разбор метки</translation>
    </message>
    <message>
        <source>Suggested highlight</source>
        <translation>Предложенный фрагмент</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Принять (A)</translation>
    </message>
    <message>
        <source>Tag a moment</source>
        <translation>Отметить момент</translation>
    </message>
    <message>
        <source>Select words (drag or Shift+arrows), or press a key while it plays. Keys: Q W E… touchpoints, 1…0 zones (several allowed; a key switches a tag on and off), Shift+1…5 severity, Enter saves, Esc cancels.</source>
        <translation>Выделите слова (мышью или Shift+стрелки) или нажмите клавишу во время воспроизведения. Клавиши: Q W E… — точки контакта, 1…0 — зоны (можно несколько; клавиша включает и выключает тег), Shift+1…5 — критичность, Enter — сохранить, Esc — отмена.</translation>
    </message>
    <message>
        <source>no words in this range</source>
        <translation>в этом отрезке нет слов</translation>
    </message>
</context>
<context>
    <name>TagHistory</name>
    <message>
        <source>Create highlight</source>
        <translation>Создание фрагмента</translation>
    </message>
    <message>
        <source>Re-time highlight</source>
        <translation>Сдвиг границ фрагмента</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n highlight(s)</source>
        <translation>
            <numerusform>Правка %n фрагмента</numerusform>
            <numerusform>Правка %n фрагментов</numerusform>
            <numerusform>Правка %n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n highlight(s)</source>
        <translation>
            <numerusform>Объединение %n фрагмента</numerusform>
            <numerusform>Объединение %n фрагментов</numerusform>
            <numerusform>Объединение %n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>Удаление %n фрагмента</numerusform>
            <numerusform>Удаление %n фрагментов</numerusform>
            <numerusform>Удаление %n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Create %n stub(s) from markers</source>
        <translation>
            <numerusform>Создание %n заготовки по отметкам</numerusform>
            <numerusform>Создание %n заготовок по отметкам</numerusform>
            <numerusform>Создание %n заготовок по отметкам</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>Удалено. Ctrl+Z вернёт.</translation>
    </message>
    <message>
        <source>Rejected: it will not be suggested again.</source>
        <translation>Отклонено: больше не будет предлагаться.</translation>
    </message>
    <message>
        <source>Click it in the list, then A accepts and X rejects.</source>
        <translation>Выберите её в списке: A — принять, X — отклонить.</translation>
    </message>
    <message>
        <source>Marker to review</source>
        <translation>Метка для разбора</translation>
    </message>
    <message>
        <source>Severity {0} ({1})</source>
        <translation>Критичность {0} ({1})</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Ценность</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>No words are spoken here: say in the note what happens (e.g. a long wait on screen).</source>
        <translation>Здесь никто не говорит: напишите в заметке, что происходит (например, долгое ожидание на экране).</translation>
    </message>
    <message>
        <source>Choose at least one touchpoint or problem zone (keys Q, W, E… or 1…0).</source>
        <translation>Выберите хотя бы одну точку контакта или проблемную зону (клавиши Q, W, E… или 1…0).</translation>
    </message>
    <message>
        <source>Tag the selected words…</source>
        <translation>Отметить выделенные слова…</translation>
    </message>
    <message>
        <source>Tag this sentence…</source>
        <translation>Отметить эту фразу…</translation>
    </message>
    <message>
        <source>No suggestions in this interview.</source>
        <translation>В этом интервью нет подсказок.</translation>
    </message>
    <message>
        <source>Saved the highlight at {0}.</source>
        <translation>Фрагмент на {0} сохранён.</translation>
    </message>
    <message>
        <source>Select words first (drag over them, or Shift+arrows), or play the recording and press the key while it speaks.</source>
        <translation>Сначала выделите слова (протяните мышью или Shift+стрелки) или включите запись и нажмите клавишу, пока человек говорит.</translation>
    </message>
    <message>
        <source>Reject suggestion “{0}”</source>
        <translation>Отклонить подсказку «{0}»</translation>
    </message>
    <message>
        <source>Undone: {0}.</source>
        <translation>Отменено: {0}.</translation>
    </message>
    <message>
        <source>Redone: {0}.</source>
        <translation>Повторено: {0}.</translation>
    </message>
    <message>
        <source>The selection spans several speakers ({0}); a clip usually holds one voice.</source>
        <translation>Выделение захватывает нескольких говорящих ({0}); в клипе обычно один голос.</translation>
    </message>
    <message>
        <source>Overlaps the highlight at {0}.</source>
        <translation>Пересекается с фрагментом на {0}.</translation>
    </message>
    <message>
        <source>Clear persona</source>
        <translation>Убрать персону</translation>
    </message>
    <message>
        <source>This suggestion is no longer offered.</source>
        <translation>Эта подсказка больше не предлагается.</translation>
    </message>
    <message>
        <source>Edit highlight at {0}…</source>
        <translation>Изменить фрагмент на {0}…</translation>
    </message>
    <message>
        <source>Delete highlight at {0}</source>
        <translation>Удалить фрагмент на {0}</translation>
    </message>
    <message>
        <source>Suggested by the rule “{0}”</source>
        <translation>Предложено правилом «{0}»</translation>
    </message>
    <message>
        <source>Tag {0}</source>
        <translation>Отметить {0}</translation>
    </message>
    <message>
        <source>Accept suggestion at {0}</source>
        <translation>Принять подсказку на {0}</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>Принять подсказку</translation>
    </message>
    <message>
        <source>Edit highlight at {0}</source>
        <translation>Правка фрагмента на {0}</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Правка тегов</translation>
    </message>
    <message>
        <source>rule “{0}”</source>
        <translation>правило «{0}»</translation>
    </message>
    <message>
        <source>Review suggestion at {0}…</source>
        <translation>Разобрать подсказку на {0}…</translation>
    </message>
    <message>
        <source>Reject suggestion at {0}</source>
        <translation>Отклонить подсказку на {0}</translation>
    </message>
    <message>
        <source>Re-time</source>
        <translation>Сдвиг границ</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n highlight(s)</source>
        <translation>
            <numerusform>Объединить %n фрагмент</numerusform>
            <numerusform>Объединить %n фрагмента</numerusform>
            <numerusform>Объединить %n фрагментов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n highlight(s)</source>
        <translation>
            <numerusform>Удалить %n фрагмент</numerusform>
            <numerusform>Удалить %n фрагмента</numerusform>
            <numerusform>Удалить %n фрагментов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TouchpointDialog</name>
    <message>
        <source>A touchpoint named &apos;{0}&apos; already exists.</source>
        <translation>Точка контакта «{0}» уже есть.</translation>
    </message>
    <message>
        <source>Edit touchpoint</source>
        <translation>Изменить точку контакта</translation>
    </message>
    <message>
        <source>New touchpoint</source>
        <translation>Новая точка контакта</translation>
    </message>
    <message>
        <source>A stage of the customer journey. New stages go to the end; reorder them in the list.</source>
        <translation>Этап пути клиента. Новые этапы добавляются в конец; порядок можно изменить в списке.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add touchpoint</source>
        <translation>Добавить точку</translation>
    </message>
    <message>
        <source>e.g. Delivery</source>
        <translation>например, Доставка</translation>
    </message>
    <message>
        <source>Where it happens: website, store, phone…</source>
        <translation>Где это происходит: сайт, магазин, телефон…</translation>
    </message>
    <message>
        <source>Who owns it, e.g. Logistics</source>
        <translation>Кто отвечает, например Логистика</translation>
    </message>
    <message>
        <source>What the customer does here</source>
        <translation>Что клиент делает на этом этапе</translation>
    </message>
    <message>
        <source>The value we create for the customer here</source>
        <translation>Ценность, которую мы создаём здесь для клиента</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>Ответственный отдел</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Value created</source>
        <translation>Создаваемая ценность</translation>
    </message>
</context>
<context>
    <name>TouchpointsView</name>
    <message>
        <source>Touchpoints &amp; problem zones</source>
        <translation>Точки контакта и проблемные зоны</translation>
    </message>
    <message>
        <source>The stages of your customer journey and the places where companies let customers down. Highlights are tagged with both.</source>
        <translation>Этапы пути вашего клиента и места, где компании подводят клиентов. Фрагменты отмечаются и тем, и другим.</translation>
    </message>
    <message>
        <source>Customer journey</source>
        <translation>Путь клиента</translation>
    </message>
    <message>
        <source>Problem zones</source>
        <translation>Проблемные зоны</translation>
    </message>
    <message>
        <source>Keyword rules</source>
        <translation>Ключевые правила</translation>
    </message>
    <message>
        <source>↑  Move earlier</source>
        <translation>↑  Раньше</translation>
    </message>
    <message>
        <source>↓  Move later</source>
        <translation>↓  Позже</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it; drag rows to reorder.</source>
        <translation>Двойной щелчок — правка; строки перетаскиваются.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add touchpoint</source>
        <translation>Добавить точку</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клав.</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Фрагм.</translation>
    </message>
    <message>
        <source>The ten zones of the method are preloaded. Rename them, add your own, or give them other keys.</source>
        <translation>Десять зон методики уже есть: переименуйте их, добавьте свои, смените клавиши.</translation>
    </message>
    <message>
        <source>Add zone</source>
        <translation>Добавить зону</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>What it sounds like</source>
        <translation>Как это звучит</translation>
    </message>
    <message>
        <source>Delete the touchpoint “{0}”?</source>
        <translation>Удалить точку контакта «{0}»?</translation>
    </message>
    <message>
        <source>It is removed from the journey; the stages after it move up.</source>
        <translation>Она будет убрана из пути клиента; следующие этапы сдвинутся вверх.</translation>
    </message>
    <message>
        <source>Delete the problem zone “{0}”?</source>
        <translation>Удалить проблемную зону «{0}»?</translation>
    </message>
    <message>
        <source>It will no longer be offered when tagging highlights.</source>
        <translation>Её больше не будет среди вариантов при разметке фрагментов.</translation>
    </message>
</context>
<context>
    <name>TranscribeStart</name>
    <message>
        <source>No transcript yet</source>
        <translation>Расшифровки пока нет</translation>
    </message>
    <message>
        <source>Transcribe this recording on this computer — nothing leaves it. You can then read along while it plays, click any word to jump there, fix words and speakers, and search everything customers said.</source>
        <translation>Расшифруйте эту запись на этом компьютере — ничего не покидает его. Затем можно читать текст во время воспроизведения, переходить к любому слову щелчком, исправлять слова и спикеров и искать по всему, что говорили клиенты.</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>Расшифровать</translation>
    </message>
    <message>
        <source>Model and language</source>
        <translation>Модель и язык</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>Модель распознавания</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>As in Settings</source>
        <translation>Как в настройках</translation>
    </message>
    <message>
        <source>Model {0}  ·  {1}</source>
        <translation>Модель {0}  ·  {1}</translation>
    </message>
    <message>
        <source>No sound in this recording</source>
        <translation>В этой записи нет звука</translation>
    </message>
    <message>
        <source>This recording has no sound, so there is nothing to transcribe.</source>
        <translation>В этой записи нет звука, поэтому расшифровывать нечего.</translation>
    </message>
    <message>
        <source>base — multilingual, accurate</source>
        <translation>base — многоязычная, точная</translation>
    </message>
    <message>
        <source>tiny.en — English only, fast</source>
        <translation>tiny.en — только английский, быстрая</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Определять автоматически</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Немецкий</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Французский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Испанский</translation>
    </message>
</context>
<context>
    <name>TranscriptDelegate</name>
    <message>
        <source>Unknown speaker</source>
        <translation>Неизвестный спикер</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Set speaker to {0}</source>
        <translation>Назначить спикера {0}</translation>
    </message>
    <message>
        <source>Clear speaker</source>
        <translation>Убрать спикера</translation>
    </message>
    <message>
        <source>Rename {0} to {1}</source>
        <translation>Переименовать {0} в {1}</translation>
    </message>
    <message>
        <source>Edit text at {0}</source>
        <translation>Правка текста на {0}</translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation>Новый спикер</translation>
    </message>
    <message>
        <source>Name of the speaker of the selected segments:</source>
        <translation>Имя спикера выбранных реплик:</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>Переименование спикера</translation>
    </message>
    <message>
        <source>Rename “{0}” everywhere in this interview to:</source>
        <translation>Переименовать «{0}» во всём интервью в:</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Спикер</translation>
    </message>
    <message>
        <source>New speaker…</source>
        <translation>Новый спикер…</translation>
    </message>
    <message>
        <source>No speaker</source>
        <translation>Без спикера</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Воспроизвести отсюда</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Изменить текст</translation>
    </message>
    <message>
        <source>Rename speaker everywhere</source>
        <translation>Переименовать спикера везде</translation>
    </message>
    <message>
        <source>{0}  ✓</source>
        <translation>{0}  ✓</translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n segment(s) to</source>
        <translation>
            <numerusform>Назначить %n реплику:</numerusform>
            <numerusform>Назначить %n реплики:</numerusform>
            <numerusform>Назначить %n реплик:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Отменить (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Повторить (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Speaker ▾</source>
        <translation>Спикер ▾</translation>
    </message>
    <message>
        <source>Assign a speaker to the selected segments</source>
        <translation>Назначить спикера выбранным репликам</translation>
    </message>
    <message>
        <source>Export ▾</source>
        <translation>Экспорт ▾</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>Transcribe again with</source>
        <translation>Расшифровать заново моделью</translation>
    </message>
    <message>
        <source>This recording has no sound, so there is nothing to transcribe.</source>
        <translation>В этой записи нет звука, поэтому расшифровывать нечего.</translation>
    </message>
    <message>
        <source>Transcribing {0}</source>
        <translation>Расшифровка: {0}</translation>
    </message>
    <message>
        <source>Waiting for other work to finish…</source>
        <translation>Ожидание завершения других задач…</translation>
    </message>
    <message>
        <source>Could not export the transcript: {0}</source>
        <translation>Не удалось экспортировать расшифровку: {0}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>Export transcript</source>
        <translation>Экспорт расшифровки</translation>
    </message>
    <message>
        <source>Transcribing… {0}%</source>
        <translation>Расшифровка… {0}%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The last transcription failed: {0}</source>
        <translation>Последняя расшифровка не удалась: {0}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>неизвестная ошибка</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Transcription stopped at {0} of {1}.</source>
        <translation>Расшифровка остановлена на {0} из {1}.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Not transcribed yet</source>
        <translation>Ещё не расшифровано</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n реплика</numerusform>
            <numerusform>%n реплики</numerusform>
            <numerusform>%n реплик</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n слово</numerusform>
            <numerusform>%n слова</numerusform>
            <numerusform>%n слов</numerusform>
        </translation>
    </message>
    <message>
        <source>Transcribed on this computer with the speech model {0}</source>
        <translation>Расшифровано на этом компьютере моделью {0}</translation>
    </message>
    <message>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>Отменить: {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>Повторить: {0} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Нечего повторять</translation>
    </message>
    <message>
        <source>Speaker ({0}) ▾</source>
        <translation>Спикер ({0}) ▾</translation>
    </message>
    <message>
        <source>Transcription cancelled. What was transcribed so far is kept.</source>
        <translation>Расшифровка отменена. Уже расшифрованное сохранено.</translation>
    </message>
    <message>
        <source>Plain text (.txt)</source>
        <translation>Обычный текст (.txt)</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Документ Word (.docx)</translation>
    </message>
    <message>
        <source>Subtitles (.srt)</source>
        <translation>Субтитры (.srt)</translation>
    </message>
    <message>
        <source>WebVTT subtitles (.vtt)</source>
        <translation>Субтитры WebVTT (.vtt)</translation>
    </message>
    <message>
        <source>JSON with word timings (.json)</source>
        <translation>JSON с таймингом слов (.json)</translation>
    </message>
</context>
<context>
    <name>TrendsChart</name>
    <message numerus="yes">
        <source>%n pain(s)</source>
        <translation>
            <numerusform>%n боль</numerusform>
            <numerusform>%n боли</numerusform>
            <numerusform>%n болей</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} · {1}
{2} ({3} of the month)</source>
        <translation>{0} · {1}
{2} ({3} за месяц)</translation>
    </message>
    <message>
        <source>No pains tagged in this period yet.</source>
        <translation>За этот период боли пока не отмечены.</translation>
    </message>
</context>
<context>
    <name>UpcomingList</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Nothing planned yet</source>
        <translation>Пока ничего не запланировано</translation>
    </message>
    <message>
        <source>Plan a recurring interview with a customer and it shows up here, with a reminder before it starts.</source>
        <translation>Запланируйте регулярное интервью с клиентом — оно появится здесь, а перед началом придёт напоминание.</translation>
    </message>
    <message>
        <source>Plan a series</source>
        <translation>Запланировать серию</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>Renew consent (expired {0})</source>
        <translation>Обновить согласие (истекло {0})</translation>
    </message>
    <message>
        <source>{0}&apos;s consent has expired: ask them to renew it at this meeting.</source>
        <translation>Согласие клиента {0} истекло: попросите обновить его на этой встрече.</translation>
    </message>
    <message>
        <source>Needs attention: missed, nothing recorded</source>
        <translation>Требует внимания: пропущено, записи нет</translation>
    </message>
</context>
<context>
    <name>WaveformStage</name>
    <message>
        <source>Audio recording</source>
        <translation>Аудиозапись</translation>
    </message>
</context>
<context>
    <name>ZoneDialog</name>
    <message>
        <source>The problem zone needs an English name.</source>
        <translation>Укажите английское название проблемной зоны.</translation>
    </message>
    <message>
        <source>Edit problem zone</source>
        <translation>Изменить проблемную зону</translation>
    </message>
    <message>
        <source>New problem zone</source>
        <translation>Новая проблемная зона</translation>
    </message>
    <message>
        <source>Where the company lets customers down. The name is shown in the app&apos;s language.</source>
        <translation>Где компания подводит клиентов. Название показывается на языке приложения.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add zone</source>
        <translation>Добавить зону</translation>
    </message>
    <message>
        <source>English name, e.g. Systems</source>
        <translation>Английское название, например Systems</translation>
    </message>
    <message>
        <source>Russian name, e.g. Системы</source>
        <translation>Русское название, например Системы</translation>
    </message>
    <message>
        <source>What it sounds like when a customer hits this problem</source>
        <translation>Как это звучит, когда клиент сталкивается с этой проблемой</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>_JobRow</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>В очереди…</translation>
    </message>
    <message>
        <source> · {0} left</source>
        <translation> · осталось {0}</translation>
    </message>
</context>
<context>
    <name>_OutcomeRow</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
</context>
<context>
    <name>_PainBadge</name>
    <message>
        <source>pain</source>
        <translation>боль</translation>
    </message>
    <message>
        <source>pains</source>
        <translation>болей</translation>
    </message>
</context>
<context>
    <name>_Question</name>
    <message>
        <source>Asked</source>
        <translation>Задан</translation>
    </message>
</context>
<context>
    <name>_ReelRow</name>
    <message>
        <source>⚠ Consent</source>
        <translation>⚠ Согласие</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>What should a newcomer notice in this reel?</source>
        <translation>На что новичку обратить внимание в этом ролике?</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Раньше</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Remove from the playlist</source>
        <translation>Убрать из подборки</translation>
    </message>
</context>
</TS>
