"""Highlight reels and onboarding playlists as plain data, plus the pure rules behind them.

Views (`ReelView`, `ReelItemView`, `PlaylistView`...) are what `ReelService` and
`PlaylistService` return. The rules here are pure: who may see a clip (consent per audience),
what a clip's lower third says, how a clip is padded into the silence around its words, and
which highlights an automatic reel picks (most severe first, different customers first).

Consent rule (documented for the GUI and HR): a `Consent` row allows an audience when its flag
for that audience, or for a wider one, is set (public > onboarding > internal). Method "none"
means the interview was recorded without consent: blocked for every audience. No row at all
means consent was never recorded (e.g. an imported file): allowed for internal meetings with a
warning, blocked for onboarding and public. Consent is valid for a time (`valid_until`, e.g. one
year after it was given): once it has run out the interview is blocked for every audience, with
the date it expired, until the customer renews it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import TimedWord
from desktop_app.domain.masks import MaskAnchor
from desktop_app.domain.reel_plan import CAPTION_MODES, HEIGHTS

AUDIENCES: tuple[str, ...] = ("internal", "onboarding", "public")
CONSENT_METHODS: tuple[str, ...] = ("verbal", "form", "none")
CARD_S = 3.0  # title and end cards
PAD_S = 0.3  # breathing room added around a clip's words (only into silence)
MIN_CLIP_S = 0.1


def check_audience(audience: str) -> str:
    value = (audience or "").strip().lower()
    if value not in AUDIENCES:
        raise ValidationError(f"Unknown audience '{audience}': use internal, onboarding or "
                              "public.")
    return value


# --- options -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReelOptions:
    """How a reel renders.

    `masked` maps a reel item id to indexes into that clip's current words: what the service
    resolved (reading) or what the user chose (writing). What is stored is `mask_words`: the
    masked words themselves (times and text, see `desktop_app.domain.masks`), so masks follow
    their words through transcript edits; `unmask_words` are detected names, phone numbers
    and e-mails the user chose to show to an audience that masks them by default.
    """

    captions: str = "burn"
    blur_faces: bool = False
    height: int = 720
    use_alias: bool = False
    loudness_normalize: bool = True
    masked: dict[int, list[int]] = field(default_factory=dict, hash=False)
    mask_words: dict[int, tuple[MaskAnchor, ...]] = field(default_factory=dict, hash=False,
                                                         compare=False)
    unmask_words: dict[int, tuple[MaskAnchor, ...]] = field(default_factory=dict, hash=False,
                                                           compare=False)

    def __post_init__(self) -> None:
        if self.captions not in CAPTION_MODES:
            raise ValidationError(f"Captions '{self.captions}' is not burn, soft or none.")
        if self.height not in HEIGHTS:
            raise ValidationError(f"Reel height {self.height} is not 720 or 1080.")
        for key, idx in self.masked.items():
            if not isinstance(key, int) or any(not isinstance(i, int) or i < 0 for i in idx):
                raise ValidationError(f"Masked words of clip {key} must be word numbers.")

    def to_json(self) -> str:
        """Stored form: the masked words themselves (indexes only while no word is known)."""
        data: dict[str, Any] = {
            "captions": self.captions, "blur_faces": self.blur_faces, "height": self.height,
            "use_alias": self.use_alias, "loudness_normalize": self.loudness_normalize,
            "mask_words": {str(k): [a.as_list() for a in v]
                           for k, v in self.mask_words.items() if v},
            "unmask_words": {str(k): [a.as_list() for a in v]
                             for k, v in self.unmask_words.items() if v}}
        legacy = {str(k): sorted(set(v)) for k, v in self.masked.items()
                  if v and k not in self.mask_words}
        if legacy:
            data["masked"] = legacy
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ReelOptions:
        try:
            data: dict[str, Any] = json.loads(text or "{}")
        except ValueError:
            data = {}
        masked = {int(k): [int(i) for i in v] for k, v in (data.get("masked") or {}).items()}
        words = {key: _anchors(data.get(key)) for key in ("mask_words", "unmask_words")}
        known = {k: data[k] for k in ("captions", "blur_faces", "height", "use_alias",
                                      "loudness_normalize") if k in data}
        try:
            return cls(**known, masked=masked, **words)
        except (ValidationError, TypeError):
            return cls(masked=masked, **words)


def _anchors(raw: Any) -> dict[int, tuple[MaskAnchor, ...]]:
    out: dict[int, tuple[MaskAnchor, ...]] = {}
    if not isinstance(raw, dict):
        return out
    for key, items in raw.items():
        try:
            item = int(key)
        except ValueError:
            continue
        found = [a for a in (MaskAnchor.from_list(x) for x in items or []) if a is not None]
        if found:
            out[item] = tuple(found)
    return out


# --- views ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReelItemView:
    """One clip of a reel, with who/what/when and whether its interview may be shown."""

    id: int
    position: int
    interview_id: int
    highlight_id: int | None
    start: float
    end: float
    quote: str
    customer: str
    customer_alias: str
    persona: str
    touchpoints: tuple[str, ...]
    recorded_at: datetime
    has_video: bool
    media_path: str
    picture_path: str
    lower_third: tuple[str, ...]
    consent_ok: bool
    consent_problem: str  # why it is blocked, or a warning when consent_ok (not recorded)
    shown_quote: str = ""  # the quote as the audience sees it (masked words as "•••")
    masked: tuple[int, ...] = ()  # indexes of the clip's words masked for the audience
    mask_warnings: tuple[str, ...] = ()  # masked words that left the transcript

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "position": self.position, "interview_id": self.interview_id,
                "highlight_id": self.highlight_id, "start": self.start, "end": self.end,
                "quote": self.quote, "customer": self.customer, "persona": self.persona,
                "touchpoints": list(self.touchpoints), "date": self.recorded_at.isoformat(),
                "has_video": self.has_video, "lower_third": list(self.lower_third),
                "consent_ok": self.consent_ok, "consent_problem": self.consent_problem,
                "shown_quote": self.shown_quote, "masked": list(self.masked),
                "mask_warnings": list(self.mask_warnings)}


@dataclass(frozen=True)
class ReelView:
    id: int
    name: str
    audience: str
    title: str
    subtitle: str
    end_text: str
    options: ReelOptions
    items: tuple[ReelItemView, ...]
    duration_s: float  # clips + cards

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "audience": self.audience,
                "title": self.title, "subtitle": self.subtitle, "end_text": self.end_text,
                "options": json.loads(self.options.to_json()),
                "duration_s": round(self.duration_s, 3),
                "items": [i.as_json() for i in self.items]}


@dataclass(frozen=True)
class ReelSummary:
    id: int
    name: str
    audience: str
    items: int
    duration_s: float
    created_at: datetime
    consent_issues: tuple[str, ...] = ()  # why clips may not be shown to its audience

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "audience": self.audience,
                "items": self.items, "duration_s": round(self.duration_s, 3),
                "created_at": self.created_at.isoformat(),
                "consent_issues": list(self.consent_issues)}


@dataclass(frozen=True)
class PlaylistItemView:
    id: int
    position: int
    reel_id: int
    reel_name: str
    text: str
    duration_s: float


@dataclass(frozen=True)
class PlaylistView:
    id: int
    name: str
    role: str
    description: str
    items: tuple[PlaylistItemView, ...]

    @property
    def duration_s(self) -> float:
        return sum(i.duration_s for i in self.items)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role,
                "description": self.description, "duration_s": round(self.duration_s, 3),
                "items": [{"id": i.id, "position": i.position, "reel_id": i.reel_id,
                           "reel_name": i.reel_name, "text": i.text,
                           "duration_s": round(i.duration_s, 3)} for i in self.items]}


@dataclass(frozen=True)
class ClipWord:
    """A caption word of a clip for the mask editor: `index` is what `ReelOptions.masked` holds.

    `sensitive` is "", "name", "phone" or "email" (a suggestion to mask it); such words are
    masked by default for onboarding and public audiences (`by_default`) until unmasked.
    """

    index: int
    start: float
    end: float
    text: str
    sensitive: str
    masked: bool
    by_default: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end,
                "text": self.text.strip(), "sensitive": self.sensitive, "masked": self.masked,
                "by_default": self.by_default}


# --- consent -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentView:
    interview_id: int
    given_by: str
    given_at: datetime
    method: str
    internal: bool
    onboarding: bool
    public: bool
    form_path: str = ""
    notes: str = ""
    valid_until: datetime | None = None  # None: does not expire

    def expired(self, now: datetime | None = None) -> bool:
        """True once the consent's validity has run out (a consent of method "none" never
        allowed anything, so it does not expire)."""
        return (self.method != "none" and self.valid_until is not None
                and (now or datetime.now(UTC)) >= self.valid_until)

    def as_json(self) -> dict[str, Any]:
        return {"interview_id": self.interview_id, "given_by": self.given_by,
                "given_at": self.given_at.isoformat(), "method": self.method,
                "internal": self.internal, "onboarding": self.onboarding,
                "public": self.public, "form_path": self.form_path, "notes": self.notes,
                "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "expired": self.expired()}


def expiry_problem(valid_until: datetime) -> str:
    return f"consent expired on {valid_until:%Y-%m-%d}: renew it with the customer"


def consent_verdict(consent: ConsentView | None, audience: str,
                    now: datetime | None = None) -> tuple[bool, str]:
    """(allowed, problem) for showing a clip of an interview to `audience` (module docstring)."""
    audience = check_audience(audience)
    if consent is None:
        if audience == "internal":
            return True, "consent was not recorded: fine for internal meetings only"
        return False, f"no consent recorded for {audience} viewing"
    if consent.method == "none":
        return False, "recorded without consent"
    if consent.expired(now):
        assert consent.valid_until is not None
        return False, expiry_problem(consent.valid_until)
    wider = AUDIENCES[AUDIENCES.index(audience):]
    flags = {"internal": consent.internal, "onboarding": consent.onboarding,
             "public": consent.public}
    if any(flags[a] for a in wider):
        return True, ""
    return False, f"the customer did not consent to {audience} viewing"


# --- lower thirds --------------------------------------------------------------------------


def display_name(customer: str, alias: str, customer_id: int, *, use_alias: bool) -> str:
    """First name, or the alias (a neutral "Customer N" when none is set) when anonymised."""
    if use_alias:
        return alias.strip() or f"Customer {customer_id}"
    parts = customer.split()
    return parts[0] if parts else customer


def lower_third(name: str, persona: str, touchpoints: Sequence[str],
                recorded_at: datetime | None) -> tuple[str, ...]:
    """Name on the first line; persona, touchpoint and date on the second."""
    details = [persona.strip(), *(t.strip() for t in touchpoints[:1])]
    if recorded_at is not None:
        details.append(recorded_at.strftime("%Y-%m-%d"))
    detail = " \u00b7 ".join(d for d in details if d)
    return tuple(line for line in (name.strip(), detail) if line)


# --- clip ranges ---------------------------------------------------------------------------


def pad_range(words: Sequence[TimedWord], start: float, end: float, *,
              duration: float | None, pad: float = PAD_S,
              lo: float = 0.0, hi: float | None = None) -> tuple[float, float]:
    """Widen [start, end] by up to `pad` each side, never into a neighbouring word.

    `lo`/`hi` are further limits (e.g. a neighbouring clip of the same recording).
    """
    before = max((w.end for w in words if w.end <= start + 1e-6), default=0.0)
    after = min((w.start for w in words if w.start >= end - 1e-6), default=float("inf"))
    new_start = max(start - pad, before, lo, 0.0)
    limit = min(after, hi if hi is not None else float("inf"),
                duration if duration is not None else float("inf"))
    new_end = min(end + pad, limit)
    return round(min(new_start, start), 3), round(max(new_end, end), 3)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two ranges share more than a millisecond."""
    return a[0] < b[1] - 1e-3 and b[0] < a[1] - 1e-3


# --- automatic reels -----------------------------------------------------------------------


@dataclass(frozen=True)
class AutoCandidate:
    """A highlight an automatic reel may use: its padded range and ranking facts."""

    highlight_id: int
    interview_id: int
    customer_id: int
    severity: int
    recorded_at: datetime
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def pick_auto(candidates: Sequence[AutoCandidate], budget_s: float) -> list[AutoCandidate]:
    """Most severe clips first, one customer after another (round-robin), within `budget_s`.

    Customers are visited in the order of their strongest clip; a clip that does not fit the
    remaining time, or overlaps one already picked, is skipped and a later one may still fit.
    """
    def rank(c: AutoCandidate) -> tuple[float, float, float, int]:
        return (-c.severity, -c.recorded_at.timestamp(), c.start, c.highlight_id)

    by_customer: dict[int, list[AutoCandidate]] = {}
    for c in sorted(candidates, key=rank):
        by_customer.setdefault(c.customer_id, []).append(c)
    queues = sorted(by_customer.values(), key=lambda q: rank(q[0]))
    picked: list[AutoCandidate] = []
    left = budget_s
    while any(queues):
        for queue in queues:
            while queue:
                c = queue.pop(0)
                clash = any(p.interview_id == c.interview_id
                            and overlaps((p.start, p.end), (c.start, c.end)) for p in picked)
                if not clash and c.duration <= left + 1e-6:
                    picked.append(c)
                    left -= c.duration
                    break
        if left < MIN_CLIP_S:
            break
    return picked
