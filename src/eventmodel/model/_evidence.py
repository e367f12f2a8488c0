"""
Evidence: where in a source a claim was seen.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.exceptions import InvalidTypeError, InvalidValueError

from . import _fields as f
from ._place import Place
from ._source import Source

__all__ = ["MAX_POSITION", "Evidence", "TextQuote", "TextSpan"]

#: The largest position a span can name: the largest integer JSON carries exactly.
MAX_POSITION: Final = 2**53 - 1


@attrs.frozen(repr=False)
class TextQuote:
    """
    The words of a source, with a little context on each side to tell apart
    repeated words (W3C Web Annotation ``TextQuoteSelector``).

    Args:
        exact: The quoted words exactly as the source has them.
        prefix: The text just before them, when needed to find them.
        suffix: The text just after them.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    exact: str = attrs.field(validator=f.Text())
    prefix: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True, empty=True))
    suffix: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True, empty=True))
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )


@attrs.frozen(repr=False)
class TextSpan:
    """
    A stretch of a source's text by position: ``text[start:end]``, counted in
    code points (W3C Web Annotation ``TextPositionSelector``).

    Raises:
        InvalidValueError: For a negative start, or an end not after the start.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    start: int = attrs.field(validator=f.WholeNumber(0, MAX_POSITION))
    end: int = attrs.field(validator=f.WholeNumber(0, MAX_POSITION))
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            v.fail(self, "end", f"must be greater than start ({self.start})", self.end)

    def __len__(self) -> int:
        return self.end - self.start


def _source_ref(value: Source | str) -> str:
    if type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Source)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Evidence:
    """
    A pointer into a source: the source's id, and where in it (a quote, a
    span, or both). Evidence with neither points at the whole source, as for a
    video.

    Args:
        source: The source, or its id.
        quote: The words that carry the claim.
        span: Where those words stand in the source's text.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    source: str = attrs.field(converter=_source_ref, validator=f.Ref("Source"))
    quote: TextQuote | None = attrs.field(
        default=None, kw_only=True, validator=f.Instance(TextQuote, "a TextQuote")
    )
    span: TextSpan | None = attrs.field(
        default=None, kw_only=True, validator=f.Instance(TextSpan, "a TextSpan")
    )
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    def __attrs_post_init__(self) -> None:
        quote, span = self.quote, self.span
        if quote is not None and span is not None and span.end - span.start != len(quote.exact):
            v.fail(
                self,
                "span",
                f"is {span.end - span.start} code points long but the quote is {len(quote.exact)}",
                span,
                "make the span cover exactly the quoted words",
            )

    @classmethod
    def find(
        cls, source: Source, exact: str | Place, *, prefix: str | None = None, suffix: str | None = None
    ) -> Evidence:
        """
        Evidence of the words *exact* in *source*'s text: the quote, and the
        span where it stands. Words that occur more than once are told apart
        by the text just before them (*prefix*) or just after (*suffix*),
        which the quote keeps.

        *exact* may be a :class:`Place`: the quote is then whichever of its
        names (its name or an alias, :attr:`Place.names`) the source writes,
        so that a town the text spells "Krasnogorovka" is found by its
        alias.

        Raises:
            InvalidValueError: When the source has no text, or the words (with
                their context) occur in it not at all, or more than once; the
                error says how many times and where. For a place: when none
                of its names occurs, or its names occur more than once in all.

        .. versionadded:: 0.1.0

        """
        if not isinstance(source, Source):
            raise InvalidTypeError(
                "needs the Source whose text holds the words", cls="Evidence", field="find()", value=source
            )
        if isinstance(exact, Place):
            return cls._find_place(source, exact, prefix=prefix, suffix=suffix)
        TextQuote(exact, prefix=prefix, suffix=suffix)  # the words and context as a quote must allow
        text = source.text
        if text is None:
            raise _find_error(
                "cannot find words in a source without text", source.id, "give the source its text"
            )
        before, after = prefix or "", suffix or ""
        starts = []
        position = text.find(before + exact + after)
        while position != -1:
            starts.append(position + len(before))
            position = text.find(before + exact + after, position + 1)
        if not starts:
            context = " with that context" if before or after else ""
            raise _find_error(
                f"does not occur{context} in the text of {source.id!r}",
                exact,
                "quote the words exactly as the source has them, spaces and punctuation included",
            )
        if len(starts) > 1:
            raise _find_error(
                f"occurs {len(starts)} times in the text of {source.id!r} (at {', '.join(map(str, starts[:5]))}"
                f"{', ...' if len(starts) > 5 else ''})",
                exact,
                "tell them apart with prefix= or suffix=, the text just before or after the words",
            )
        start = starts[0]
        return cls(
            source.id,
            quote=TextQuote(exact, prefix=prefix, suffix=suffix),
            span=TextSpan(start, start + len(exact)),
        )

    @classmethod
    def _find_place(cls, source: Source, place: Place, *, prefix: str | None, suffix: str | None) -> Evidence:
        if not place.names:
            raise _find_error(
                "is a place without a name or aliases, which no quote can name",
                place,
                "give the place the name the source uses",
            )
        if source.text is None:
            return cls.find(source, place.names[0], prefix=prefix, suffix=suffix)  # the error for no text
        text = source.text
        before, after = prefix or "", suffix or ""
        written = [name for name in place.names if before + name + after in text]
        if len(written) == 1:
            return cls.find(source, written[0], prefix=prefix, suffix=suffix)
        names = ", ".join(map(repr, written or place.names))
        if not written:
            context = " with that context" if before or after else ""
            reason = f"has no name ({names}) that occurs{context} in the text of {source.id!r}"
            fix = "add the name the source writes to the place's aliases"
        else:
            reason = f"has several names that occur in the text of {source.id!r} ({names})"
            fix = "find the quote by the one name it has there"
        raise _find_error(reason, place.name or place.names[0], fix)


def _find_error(reason: str, value: object, fix: str) -> InvalidValueError:
    return InvalidValueError(reason, cls="Evidence", field="find()", value=value, fix=fix)
