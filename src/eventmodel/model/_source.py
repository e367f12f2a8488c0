"""
Source: where a claim was seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.time._when import When

from . import _fields as f
from ._actor import Actor
from ._confidence import Reliability
from ._ids import AUTO, settle_id

__all__ = ["DerivationKind", "Source", "SourceKind"]

_URL: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+")
_LANGUAGE: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


class SourceKind(v.ModelEnum):
    """
    What kind of thing a :class:`Source` is.

    .. versionadded:: 0.1.0
    """

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


class DerivationKind(v.ModelEnum):
    """
    How a :class:`Source` derives from the sources in its ``derived_from``.

    A *reprint* (syndication, wire copy run with or without credit), a
    *translation* and a *summary* carry the other source's text: they add no
    origin of their own, whoever the claims in them name as speaker. A
    *citation* quotes or relays something from the other source inside a
    text of its own.

    .. versionadded:: 0.1.0
    """

    REPRINT = "reprint"
    TRANSLATION = "translation"
    SUMMARY = "summary"
    CITATION = "citation"

    @property
    def copies(self) -> bool:
        """Whether a source derived this way carries the other's text (reprint, translation, summary)."""
        return self is not DerivationKind.CITATION


def _kind(value: SourceKind | str) -> SourceKind:
    return v.coerce_enum(SourceKind, value)  # type: ignore[no-any-return]


def _reliability(value: Reliability | str | None) -> Reliability | None:
    return v.coerce_enum(Reliability, value)  # type: ignore[no-any-return]


def _derivation(value: DerivationKind | str | None) -> DerivationKind | None:
    return v.coerce_enum(DerivationKind, value)  # type: ignore[no-any-return]


def _actor_ref(value: Actor | str | None) -> str | None:
    if value is None or type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Actor)  # type: ignore[no-any-return]


def _actor_refs(value: Iterable[Actor | str]) -> tuple[str, ...]:
    if type(value) is tuple and not value:  # the default
        return value
    return v.to_ref_tuple(value, Actor)  # type: ignore[no-any-return]


def _source_refs(value: Iterable[Source | str]) -> tuple[str, ...]:
    if type(value) is tuple and not value:  # the default
        return value
    return v.to_ref_tuple(value, Source)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Source:
    """
    Where claims were seen: a news article, a video, a press release, an
    official statement, a speech, a press conference, a social media post, a
    report, a data set.

    Args:
        kind: What kind of source it is (a :class:`SourceKind` or its value).
        id: A stable id such as ``"src:republicworld-2022-03-27"``; derived
            from the content when left out.
        title: Its title or headline.
        publisher: The actor that published it, or its id.
        authors: The actors that wrote or made it, or their ids.
        url: Where it can be found.
        published: When it was published: the date the source gives, or
            the analyst's estimate of it when *published_estimate* is set.
        published_estimate: What an estimated ``published`` rests on ("the
            agency's page gives only the week; the copy that reprints it
            is dated 14 December"): set, it marks ``published`` as the
            analyst's estimate rather than a date the source gives. The
            time rules and relative times use the estimate as they use a
            given date; ``eventmodel show`` shows it as an estimate.
        retrieved: When it was read, as an aware datetime.
        language: Its language as a BCP 47 tag ("en", "uk", "pt-BR").
        reliability: The source's Admiralty reliability grade, A to F.
        derived_from: The sources it is based on, or their ids.
        derivation: How it derives from them (a :class:`DerivationKind` or
            its value): a reprint, translation or summary carries their text
            and counts as no origin of its own in corroboration; ``None``
            (the default) says nothing more than ``derived_from`` does.
        text: Its text, when known; quotes are checked against it.

    Raises:
        InvalidValueError: For a malformed url or language tag, a naive
            ``retrieved`` datetime, or a ``published_estimate`` without the
            ``published`` time it explains.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    id: str = attrs.field(default=AUTO, kw_only=True, validator=f.Id())
    kind: SourceKind = attrs.field(converter=_kind, validator=f.Member(SourceKind))
    title: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True))
    publisher: str | None = attrs.field(
        default=None, kw_only=True, converter=_actor_ref, validator=f.Ref("Actor", optional=True)
    )
    authors: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_actor_refs, validator=f.Refs("Actor")
    )
    url: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=f.Pattern(
            _URL,
            "must be an absolute URL with no spaces",
            "write it like 'https://example.org/a'",
            optional=True,
        ),
    )
    published: When | None = attrs.field(default=None, kw_only=True, validator=f.Instance(When, "a When"))
    published_estimate: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True))
    retrieved: datetime | None = attrs.field(default=None, kw_only=True, validator=f.AwareDatetime())
    language: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=f.Pattern(
            _LANGUAGE,
            "must be a BCP 47 language tag",
            "use a tag such as 'en', 'uk' or 'pt-BR'",
            optional=True,
        ),
    )
    reliability: Reliability | None = attrs.field(
        default=None, kw_only=True, converter=_reliability, validator=f.Member(Reliability, optional=True)
    )
    derived_from: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=_source_refs, validator=f.Refs("Source")
    )
    derivation: DerivationKind | None = attrs.field(
        default=None, kw_only=True, converter=_derivation, validator=f.Member(DerivationKind, optional=True)
    )
    text: str | None = attrs.field(
        default=None, kw_only=True, validator=f.Text(optional=True, empty=True), repr=False
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        if self.published_estimate is not None and self.published is None:
            v.fail(
                self,
                "published_estimate",
                "explains an estimate of published, but published is not given",
                self.published_estimate,
                "give the estimated time as published, or leave published_estimate out",
            )
        settle_id(self)
