"""
Actor: who says, who acts, who is acted on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from eventmodel.core import _validation as v
from eventmodel.core._frozen import EMPTY, FrozenDict
from eventmodel.core._repr import compact_repr
from eventmodel.time._when import When

from . import _fields as f
from ._ids import AUTO, settle_id

__all__ = ["Actor", "ActorKind", "Affiliation"]


class ActorKind(v.ModelEnum):
    """
    What kind of actor an :class:`Actor` is.

    .. versionadded:: 0.1.0
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    #: A government or one of its bodies: a ministry, a general staff's press office.
    GOVERNMENT = "government"
    MILITARY_UNIT = "military-unit"
    ARMED_GROUP = "armed-group"
    #: A news outlet or broadcaster.
    MEDIA = "media"
    #: A state as a whole ("Russia", "Ukraine").
    STATE = "state"
    #: A loose group spoken of as one: "the West", "western intelligence".
    COLLECTIVE = "collective"
    UNKNOWN = "unknown"


def _kind(value: ActorKind | str) -> ActorKind:
    return v.coerce_enum(ActorKind, value)  # type: ignore[no-any-return]


def _actor_ref(value: Actor | str) -> str:
    if type(value) is str:  # an id already, the common case
        return value
    return v.ref_id(value, Actor)  # type: ignore[no-any-return]


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


def _affiliations(value: Iterable[Affiliation]) -> tuple[Affiliation, ...]:
    if type(value) is tuple:  # the common case
        return value
    return v.to_tuple(value)  # type: ignore[no-any-return]


def _identifiers(value: Mapping[str, str]) -> FrozenDict[str, str]:
    if type(value) is FrozenDict:  # the default, or a mapping already made
        return value
    return v.to_frozen_dict(value)  # type: ignore[no-any-return]


@attrs.frozen(repr=False)
class Affiliation:
    """
    A role an actor holds in another actor ("Secretary of State" in the US
    government), for the time given.

    Args:
        organization: The actor the role is in, or its id.
        role: The role or title.
        when: When the actor held it.

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    organization: str = attrs.field(converter=_actor_ref, validator=f.Ref("Actor"))
    role: str | None = attrs.field(default=None, validator=f.Text(optional=True))
    when: When | None = attrs.field(default=None, kw_only=True, validator=f.Instance(When, "a When"))
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )


@attrs.frozen(repr=False)
class Actor:
    """
    Someone or something that says or does things: a person, an
    organization, a government, a military unit, a media outlet, a state, a
    collective ("the West"), or an unknown actor.

    Args:
        name: The name as sources use it.
        kind: What kind of actor it is (an :class:`ActorKind` or its value).
        id: A stable id such as ``"actor:joe-biden"``; derived from the
            content when left out.
        aliases: Other names ("POTUS").
        affiliations: Roles in other actors.
        identifiers: Ids in other systems, by system (``{"wikidata": "Q6279"}``).
        unnamed: The sources do not name it: *name* is then the description
            they give ("a US official familiar with the conversations"),
            and every mention of the same person shares the actor.
        conditions: The conditions it was quoted under ("spoke on condition
            of anonymity because they were not authorized to speak
            publicly").

    .. versionadded:: 0.1.0

    """

    __repr__ = compact_repr

    id: str = attrs.field(default=AUTO, kw_only=True, validator=f.Id())
    name: str = attrs.field(validator=f.Text())
    kind: ActorKind = attrs.field(default=ActorKind.UNKNOWN, converter=_kind, validator=f.Member(ActorKind))
    aliases: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_aliases, validator=f.Texts())
    affiliations: tuple[Affiliation, ...] = attrs.field(
        default=(), kw_only=True, converter=_affiliations, validator=f.TupleOf(Affiliation, "Affiliations")
    )
    identifiers: FrozenDict[str, str] = attrs.field(
        default=EMPTY, kw_only=True, converter=_identifiers, validator=f.MappingOf(str, "string")
    )
    unnamed: bool = attrs.field(default=False, kw_only=True, validator=f.Flag())
    conditions: str | None = attrs.field(default=None, kw_only=True, validator=f.Text(optional=True))
    extras: FrozenDict[str, Any] = attrs.field(
        default=EMPTY, kw_only=True, converter=v.to_extras, validator=f.Extras()
    )

    __attrs_post_init__ = settle_id  # derives the id when none was given
