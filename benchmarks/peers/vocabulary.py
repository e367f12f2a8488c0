"""
The closed vocabularies of the model, as plain string enums for the peers.

They hold the same values as eventmodel's enums (the benchmark checks that
they do before it times anything), so that every system accepts and refuses
the same words.
"""

from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MILITARY_UNIT = "military-unit"
    ARMED_GROUP = "armed-group"
    MEDIA = "media"
    STATE = "state"
    COLLECTIVE = "collective"
    UNKNOWN = "unknown"


class SourceKind(StrEnum):
    NEWS_ARTICLE = "news-article"
    VIDEO = "video"
    IMAGE = "image"
    PRESS_RELEASE = "press-release"
    OFFICIAL_STATEMENT = "official-statement"
    SPEECH = "speech"
    PRESS_CONFERENCE = "press-conference"
    INTERVIEW = "interview"
    SOCIAL_POST = "social-post"
    REPORT = "report"
    DATASET = "dataset"
    OTHER = "other"


class SpeechAct(StrEnum):
    STATES = "states"
    REPORTS = "reports"
    CLAIMS = "claims"
    ALLEGES = "alleges"
    ACCUSES = "accuses"
    DENIES = "denies"
    CONFIRMS = "confirms"
    ANNOUNCES = "announces"
    WARNS = "warns"
    THREATENS = "threatens"
    PREDICTS = "predicts"
    ESTIMATES = "estimates"
    INTERPRETS = "interprets"
    QUOTES = "quotes"
    SHOWS = "shows"
    ASKS = "asks"


class Factuality(StrEnum):
    """FactBank's eight values."""

    CT_PLUS = "CT+"
    CT_MINUS = "CT-"
    CT_UNDERSPECIFIED = "CTu"
    PR_PLUS = "PR+"
    PR_MINUS = "PR-"
    PS_PLUS = "PS+"
    PS_MINUS = "PS-"
    UNCOMMITTED = "Uu"


class Reliability(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class ConfidenceScale(StrEnum):
    PERCENT = "percent"
    ADMIRALTY = "admiralty"
    WORDS = "words"


#: An id, as eventmodel accepts one: no white space, no control characters.
ID_PATTERN = r"^[^\s\x00-\x1f\x7f-\x9f]+$"
MAX_ID_LENGTH = 2048
#: An event's kind: lowercase dotted words.
EVENT_KIND_PATTERN = r"^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
URL_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
#: The EDTF moments of the workload: a year, a month, a day or a date-time,
#: with an optional qualifier. The peers check a time's text against it;
#: eventmodel reads the text into a Moment (a date or datetime and its
#: precision), which also refuses dates that do not exist, such as 2022-02-30.
TIME_PATTERN = (
    r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?:[01][0-9]|2[0-3])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?)?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?)?)?[~?%]?$"
)
#: The largest span position: the largest integer JSON carries exactly.
MAX_POSITION = 2**53 - 1

DEFAULT_SPEECH_ACT = SpeechAct.STATES
DEFAULT_FACTUALITY = Factuality.CT_PLUS
