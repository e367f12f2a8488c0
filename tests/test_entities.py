"""Behaviour of the nouns: Actor, Affiliation, Source, Event, Participant, Proposition, Claim."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from eventmodel import (
    MAX_CLAIM_DEPTH,
    Actor,
    ActorKind,
    Affiliation,
    Claim,
    Confidence,
    Event,
    Evidence,
    Factuality,
    FrozenDict,
    InvalidTypeError,
    InvalidValueError,
    Participant,
    Place,
    Proposition,
    Quantity,
    Reliability,
    Source,
    SourceKind,
    SpeechAct,
    TextQuote,
    When,
)

DERIVED = {
    "actor": re.compile(r"actor:[0-9a-f]{32}"),
    "source": re.compile(r"source:[0-9a-f]{32}"),
    "event": re.compile(r"event:[0-9a-f]{32}"),
    "claim": re.compile(r"claim:[0-9a-f]{32}"),
}


@pytest.fixture
def russia():
    return Actor("Russian Ministry of Defence", "government", id="actor:ru-mod")


@pytest.fixture
def article():
    return Source("news-article", id="src:republicworld", url="https://example.org/a")


@pytest.fixture
def losses():
    return Event("losses", quantities={"personnel": Quantity.at_least(16600)})


# -- Actor ------------------------------------------------------------------------------


class TestActor:
    def test_as_users_write_it(self):
        biden = Actor(
            "Joe Biden",
            "person",
            id="actor:joe-biden",
            aliases=["POTUS", "Biden"],
            identifiers={"wikidata": "Q6279"},
        )
        assert biden.name == "Joe Biden"
        assert biden.kind is ActorKind.PERSON
        assert biden.id == "actor:joe-biden"
        assert biden.aliases == ("POTUS", "Biden")
        assert biden.identifiers == FrozenDict({"wikidata": "Q6279"})
        assert isinstance(biden.identifiers, FrozenDict)

    def test_defaults(self):
        actor = Actor("Someone")
        assert actor.kind is ActorKind.UNKNOWN
        assert actor.aliases == ()
        assert actor.affiliations == ()
        assert actor.identifiers == FrozenDict()

    @pytest.mark.parametrize("kind", list(ActorKind))
    def test_every_kind_by_value(self, kind):
        assert Actor("x", kind.value).kind is kind
        assert Actor("x", kind=kind).kind is kind

    @pytest.mark.parametrize("kind", ["Person", "PERSON", "human", "", "military_unit"])
    def test_unknown_kind(self, kind):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("x", kind)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.field == "kind"
        assert excinfo.value.value == kind

    def test_unknown_kind_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("x", "human")
        assert str(excinfo.value) == (
            "Actor.kind: must be an ActorKind, got 'human'. Fix: use one of 'person', 'organization', "
            "'government', 'military-unit', 'armed-group', 'media', 'state', 'collective', 'unknown'"
        )

    @pytest.mark.parametrize("kind", [None, 1, ActorKind])
    def test_kind_of_wrong_type(self, kind):
        with pytest.raises(InvalidTypeError) as excinfo:
            Actor("x", kind)
        assert excinfo.value.field == "kind"

    def test_a_member_of_another_enum_is_not_a_kind(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("x", SourceKind.VIDEO)
        assert excinfo.value.field == "kind"

    def test_a_sequence_of_any_kind_becomes_a_tuple(self):
        assert Actor("x", aliases=("a", "b")).aliases == ("a", "b")
        assert Actor("x", aliases=iter(["a", "b"])).aliases == ("a", "b")
        assert Actor("x", aliases=(alias for alias in ["a"])).aliases == ("a",)

    def test_input_collections_are_copied(self):
        aliases = ["POTUS"]
        identifiers = {"wikidata": "Q6279"}
        actor = Actor("Joe Biden", aliases=aliases, identifiers=identifiers)
        aliases.append("Joe")
        identifiers["viaf"] = "123"
        assert actor.aliases == ("POTUS",)
        assert dict(actor.identifiers) == {"wikidata": "Q6279"}

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"name": ""}, InvalidValueError, "name"),
            ({"name": None}, InvalidTypeError, "name"),
            ({"name": 5}, InvalidTypeError, "name"),
            ({"name": "x", "aliases": "POTUS"}, InvalidTypeError, "aliases"),
            ({"name": "x", "aliases": None}, InvalidTypeError, "aliases"),
            ({"name": "x", "aliases": ["a", ""]}, InvalidValueError, "aliases[1]"),
            ({"name": "x", "aliases": [5]}, InvalidTypeError, "aliases[0]"),
            ({"name": "x", "affiliations": ["actor:us"]}, InvalidTypeError, "affiliations[0]"),
            ({"name": "x", "affiliations": Affiliation("actor:us")}, InvalidTypeError, "affiliations"),
            ({"name": "x", "identifiers": {"wikidata": 6279}}, InvalidTypeError, "identifiers['wikidata']"),
            ({"name": "x", "identifiers": {"wikidata": ""}}, InvalidValueError, "identifiers['wikidata']"),
            ({"name": "x", "identifiers": {"": "Q1"}}, InvalidValueError, "identifiers"),
            ({"name": "x", "identifiers": {"\ud800": "Q1"}}, InvalidValueError, "identifiers"),
            ({"name": "x", "identifiers": {1: "Q1"}}, InvalidTypeError, "identifiers"),
            ({"name": "x", "identifiers": [("wikidata", "Q1")]}, InvalidTypeError, "identifiers"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Actor(**kwargs)
        assert excinfo.value.cls == "Actor"
        assert excinfo.value.field == field

    def test_alias_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Actor("Joe Biden", aliases="POTUS")
        assert str(excinfo.value) == "Actor.aliases: must be a list or tuple of strings, got 'POTUS'"

    def test_identifier_value_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Actor("Joe Biden", identifiers={"wikidata": 6279})
        assert str(excinfo.value) == "Actor.identifiers['wikidata']: must be a string, got 6279"

    def test_identifier_key_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("Joe Biden", identifiers={"": "Q6279"})
        assert str(excinfo.value) == (
            "Actor.identifiers: must have names (keys) that are non-empty, valid Unicode strings, got ''"
        )

    def test_identifier_key_of_the_wrong_type_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Actor("Joe Biden", identifiers={1: "Q6279"})
        assert str(excinfo.value) == (
            "Actor.identifiers: must have names (keys) that are non-empty, valid Unicode strings, got 1"
        )

    def test_affiliation_item_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Actor("Joe Biden", affiliations=["actor:us"])
        assert str(excinfo.value) == "Actor.affiliations[0]: must be an Affiliation, got 'actor:us'"


class TestAffiliation:
    def test_organization_object_becomes_its_id(self):
        government = Actor("US government", "government", id="actor:us-gov")
        role = Affiliation(government, "Secretary of State", when=When.parse("2021"))
        assert role.organization == "actor:us-gov"
        assert role == Affiliation("actor:us-gov", "Secretary of State", when=When.parse("2021"))

    def test_derived_id_of_the_organization(self):
        government = Actor("US government", "government")
        assert Affiliation(government).organization == government.id

    def test_inside_an_actor(self):
        blinken = Actor(
            "Antony Blinken",
            "person",
            affiliations=[Affiliation("actor:us-gov", "Secretary of State")],
        )
        assert blinken.affiliations == (Affiliation("actor:us-gov", "Secretary of State"),)
        assert isinstance(blinken.affiliations, tuple)

    @pytest.mark.parametrize(
        ("args", "kwargs", "error", "field"),
        [
            (("",), {}, InvalidValueError, "organization"),
            ((None,), {}, InvalidTypeError, "organization"),
            (("actor:us", ""), {}, InvalidValueError, "role"),
            (("actor:us", 5), {}, InvalidTypeError, "role"),
            (("actor:us",), {"when": "2021"}, InvalidTypeError, "when"),
            (("actor us",), {}, InvalidValueError, "organization"),
        ],
    )
    def test_fields_are_checked(self, args, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Affiliation(*args, **kwargs)
        assert excinfo.value.field == field

    def test_a_source_is_not_an_organization(self, article):
        with pytest.raises(InvalidTypeError) as excinfo:
            Affiliation(article)
        assert excinfo.value.field == "organization"
        assert excinfo.value.reason == "must be an Actor or its id"


# -- Source -------------------------------------------------------------------------------


class TestSource:
    def test_as_users_write_it(self, russia):
        author = Actor("A. Reporter", "person", id="actor:reporter")
        original = Source("press-release", id="src:mod-release")
        source = Source(
            "news-article",
            id="src:republicworld",
            title="Russia says at least 16,600 soldiers killed",
            publisher=russia,
            authors=[author, "actor:other"],
            url="https://www.republicworld.com/a",
            published=When.parse("2022-03-27"),
            retrieved=datetime(2022, 3, 28, 9, 0, tzinfo=UTC),
            language="en",
            reliability="B",
            derived_from=[original],
            text="Russia said...",
        )
        assert source.kind is SourceKind.NEWS_ARTICLE
        assert source.publisher == "actor:ru-mod"
        assert source.authors == ("actor:reporter", "actor:other")
        assert source.derived_from == ("src:mod-release",)
        assert source.reliability is Reliability.B
        assert source.published == When.parse("2022-03-27")

    @pytest.mark.parametrize("kind", list(SourceKind))
    def test_every_kind_by_value(self, kind):
        assert Source(kind.value).kind is kind

    def test_unknown_kind_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("blog")
        assert str(excinfo.value) == (
            "Source.kind: must be a SourceKind, got 'blog'. Fix: use one of 'news-article', 'video', "
            "'image', 'press-release', 'official-statement', 'speech', 'press-conference', 'interview', "
            "'social-post', 'report', 'dataset', 'other'"
        )

    @pytest.mark.parametrize(
        "retrieved",
        [
            datetime(2022, 3, 28, tzinfo=UTC),
            datetime(2022, 3, 28, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2022, 3, 28, tzinfo=timezone(timedelta(0))),
        ],
    )
    def test_retrieved_aware(self, retrieved):
        assert Source("video", retrieved=retrieved).retrieved == retrieved

    def test_retrieved_naive_is_rejected(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Source("video", retrieved=datetime(2022, 3, 28, 9, 30))
        assert excinfo.value.field == "retrieved"
        assert str(excinfo.value) == (
            "Source.retrieved: must be timezone-aware: a moment of retrieval is an instant, "
            "got datetime.datetime(2022, 3, 28, 9, 30). Fix: pass tzinfo, e.g. datetime(..., tzinfo=timezone.utc)"
        )

    def test_retrieved_naive_is_a_type_error(self):
        with pytest.raises(InvalidTypeError):
            Source("video", retrieved=datetime(2022, 3, 28, 9, 30))

    @pytest.mark.parametrize(
        "bad", [date(2022, 3, 28), "2022-03-28T09:30Z", 1648459800, When.parse("2022-03-28")]
    )
    def test_retrieved_must_be_a_datetime(self, bad):
        with pytest.raises(InvalidTypeError) as excinfo:
            Source("video", retrieved=bad)
        assert excinfo.value.reason == "must be a datetime"

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.org/a",
            "http://example.org/a?b=c#d",
            "mailto:press@example.org",
            "urn:isbn:0451450523",
            "https://example.org/%20x",
            "https://пример.рф/",
        ],
    )
    def test_valid_urls(self, url):
        assert Source("report", url=url).url == url

    @pytest.mark.parametrize(
        "url",
        [
            "example.org/a",
            "/a/b",
            "https://example.org/a b",
            "https://example.org/a\n",
            "1https://example.org",
            "://example.org",
            "https:",
        ],
    )
    def test_invalid_urls(self, url):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("report", url=url)
        assert excinfo.value.field == "url"
        assert excinfo.value.reason == "must be an absolute URL with no spaces"

    def test_url_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("report", url="www.example.org")
        assert str(excinfo.value) == (
            "Source.url: must be an absolute URL with no spaces, got 'www.example.org'. "
            "Fix: write it like 'https://example.org/a'"
        )

    def test_empty_url(self):
        with pytest.raises(InvalidValueError, match="must not be empty"):
            Source("report", url="")

    @pytest.mark.parametrize("language", ["en", "uk", "pt-BR", "zh-Hant-TW", "gsw", "es-419", "EN"])
    def test_valid_languages(self, language):
        assert Source("report", language=language).language == language

    @pytest.mark.parametrize(
        "language", ["english", "e", "en_GB", "en-", "-en", "12", "en-toolongsub", "en GB"]
    )
    def test_invalid_languages(self, language):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("report", language=language)
        assert excinfo.value.field == "language"
        assert excinfo.value.reason == "must be a BCP 47 language tag"

    def test_language_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("report", language="English")
        assert str(excinfo.value) == (
            "Source.language: must be a BCP 47 language tag, got 'English'. Fix: use a tag such as 'en', 'uk' or 'pt-BR'"
        )

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"title": ""}, InvalidValueError, "title"),
            ({"title": 5}, InvalidTypeError, "title"),
            ({"url": 5}, InvalidTypeError, "url"),
            ({"language": 5}, InvalidTypeError, "language"),
            ({"publisher": ""}, InvalidValueError, "publisher"),
            ({"publisher": 5}, InvalidTypeError, "publisher"),
            ({"authors": "actor:x"}, InvalidTypeError, "authors"),
            ({"authors": [""]}, InvalidValueError, "authors[0]"),
            ({"authors": ["actor:x", 5]}, InvalidTypeError, "authors[1]"),
            ({"derived_from": ["src a"]}, InvalidValueError, "derived_from[0]"),
            ({"published": "2022-03-27"}, InvalidTypeError, "published"),
            ({"published": date(2022, 3, 27)}, InvalidTypeError, "published"),
            ({"reliability": "a"}, InvalidValueError, "reliability"),
            ({"reliability": "G"}, InvalidValueError, "reliability"),
            ({"reliability": 1}, InvalidTypeError, "reliability"),
            ({"text": 5}, InvalidTypeError, "text"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Source("report", **kwargs)
        assert excinfo.value.cls == "Source"
        assert excinfo.value.field == field

    def test_empty_text_is_allowed(self):
        assert Source("video", text="").text == ""

    def test_an_actor_is_not_a_source(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Source("report", derived_from=["src:a", Actor("Kremlin", id="actor:k")])
        assert str(excinfo.value) == (
            "Source.derived_from[1]: must be a Source or its id, got Actor(id='actor:k', name='Kremlin')"
        )

    def test_a_source_is_not_a_publisher(self, article):
        with pytest.raises(InvalidTypeError) as excinfo:
            Source("report", publisher=article)
        assert excinfo.value.reason == "must be an Actor or its id"


# -- Event, Participant, Proposition -----------------------------------------------------------


class TestEvent:
    def test_as_users_write_it(self, russia):
        ukraine = Actor("Ukraine", "state", id="actor:ua")
        event = Event(
            "attack.shelling",
            id="event:kramatorsk-1",
            when=When.parse("2022-04-08T10:30+03:00"),
            where=Place("Kramatorsk", country="UA"),
            participants=[Participant(russia, "agent"), Participant(ukraine, "target")],
            description="Missile strike on the railway station",
            quantities={"killed": Quantity.at_least(50)},
            details={"weapon": "Tochka-U", "note": ""},
        )
        assert event.participants == (
            Participant("actor:ru-mod", "agent"),
            Participant("actor:ua", "target"),
        )
        assert isinstance(event.participants, tuple)
        assert isinstance(event.quantities, FrozenDict)
        assert isinstance(event.details, FrozenDict)
        assert event.quantities["killed"] == Quantity.at_least(50)
        assert event.details == {"weapon": "Tochka-U", "note": ""}

    @pytest.mark.parametrize(
        "kind", ["losses", "attack.shelling", "statement.speech", "a.b.c", "attack-2.x_y", "a1"]
    )
    def test_kinds(self, kind):
        assert Event(kind).kind == kind

    @pytest.mark.parametrize(
        "kind",
        [
            "Attack",
            "attack.Shelling",
            "attack.",
            ".attack",
            "attack..shelling",
            "attack shelling",
            "1attack",
            "attack.1",
            "атака",
            "attack/shelling",
            "-attack",
        ],
    )
    def test_kind_must_be_lowercase_dotted_words(self, kind):
        with pytest.raises(InvalidValueError) as excinfo:
            Event(kind)
        assert excinfo.value.field == "kind"
        assert excinfo.value.reason == "must be lowercase dotted words"

    def test_kind_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Event("Attack.Shelling")
        assert str(excinfo.value) == (
            "Event.kind: must be lowercase dotted words, got 'Attack.Shelling'. "
            "Fix: write it like 'attack.shelling' or 'losses'"
        )

    def test_empty_kind(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Event("")
        assert excinfo.value.reason == "must not be empty"

    @pytest.mark.parametrize("kind", [None, 5, ["losses"]])
    def test_kind_of_wrong_type(self, kind):
        with pytest.raises(InvalidTypeError):
            Event(kind)

    def test_quantity_must_be_a_quantity(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Event("losses", quantities={"personnel": 16600})
        assert str(excinfo.value) == "Event.quantities['personnel']: must be a Quantity, got 16600"

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"when": "2022"}, InvalidTypeError, "when"),
            ({"when": date(2022, 1, 1)}, InvalidTypeError, "when"),
            ({"where": "Kyiv"}, InvalidTypeError, "where"),
            ({"participants": [Actor("x")]}, InvalidTypeError, "participants[0]"),
            ({"participants": Participant("actor:x", "agent")}, InvalidTypeError, "participants"),
            ({"description": ""}, InvalidValueError, "description"),
            ({"quantities": {"": Quantity(1)}}, InvalidValueError, "quantities"),
            ({"quantities": {None: Quantity(1)}}, InvalidTypeError, "quantities"),
            ({"details": {"": "Tochka-U"}}, InvalidValueError, "details"),
            ({"details": {"\ud800": "Tochka-U"}}, InvalidValueError, "details"),
            ({"details": {1: "Tochka-U"}}, InvalidTypeError, "details"),
            ({"quantities": [Quantity(1)]}, InvalidTypeError, "quantities"),
            ({"details": {"weapon": None}}, InvalidTypeError, "details['weapon']"),
            ({"details": {"weapon": "\ud800"}}, InvalidValueError, "details['weapon']"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Event("attack", **kwargs)
        assert excinfo.value.cls == "Event"
        assert excinfo.value.field == field


class TestParticipant:
    def test_actor_object_becomes_its_id(self, russia):
        assert Participant(russia, "agent").actor == "actor:ru-mod"

    def test_any_role_word(self):
        assert Participant("actor:x", "speaker").role == "speaker"

    @pytest.mark.parametrize(
        ("args", "error", "field"),
        [
            (("actor:x", ""), InvalidValueError, "role"),
            (("actor:x", None), InvalidTypeError, "role"),
            (("", "agent"), InvalidValueError, "actor"),
            ((5, "agent"), InvalidTypeError, "actor"),
            ((Event("losses"), "agent"), InvalidTypeError, "actor"),
        ],
    )
    def test_fields_are_checked(self, args, error, field):
        with pytest.raises(error) as excinfo:
            Participant(*args)
        assert excinfo.value.field == field


class TestProposition:
    def test_as_users_write_it(self, russia):
        proposition = Proposition(
            "Russia controls 93% of Luhansk",
            id="prop:luhansk-control",
            about=[russia, "actor:ua"],
            quantities={"share": Quantity(93, unit="percent")},
        )
        assert proposition.about == ("actor:ru-mod", "actor:ua")
        assert isinstance(proposition.quantities, FrozenDict)

    def test_no_id_is_derived(self):
        assert Proposition("The U.S. is not seeking regime change").id is None

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"text": ""}, InvalidValueError, "text"),
            ({"text": 5}, InvalidTypeError, "text"),
            ({"text": "p", "id": ""}, InvalidValueError, "id"),
            ({"text": "p", "about": "actor:x"}, InvalidTypeError, "about"),
            ({"text": "p", "about": [None]}, InvalidTypeError, "about[0]"),
            ({"text": "p", "quantities": {"share": 93}}, InvalidTypeError, "quantities['share']"),
            ({"text": "p", "quantities": {"": Quantity(93)}}, InvalidValueError, "quantities"),
            ({"text": "p", "quantities": {93: Quantity(93)}}, InvalidTypeError, "quantities"),
        ],
    )
    def test_fields_are_checked(self, kwargs, error, field):
        with pytest.raises(error) as excinfo:
            Proposition(**kwargs)
        assert excinfo.value.field == field


# -- Claim ------------------------------------------------------------------------------------


class TestClaim:
    def test_as_users_write_it(self, russia, article, losses):
        setting = Event("statement.briefing", id="event:mod-briefing")
        earlier = Claim(russia, Event("losses", quantities={"personnel": Quantity(10000)}))
        claim = Claim(
            russia,
            losses,
            speech_act="states",
            factuality="PR+",
            confidence=Confidence.from_words("likely"),
            made_at=When.parse("2022-03-27"),
            evidence=[Evidence(article, quote=TextQuote("16,600"))],
            setting=setting,
            supersedes=[earlier],
            retracts=["claim:old"],
        )
        assert claim.claimant == "actor:ru-mod"
        assert claim.content is losses
        assert claim.speech_act is SpeechAct.STATES
        assert claim.factuality == Factuality.PR_PLUS
        assert claim.evidence == (Evidence("src:republicworld", quote=TextQuote("16,600")),)
        assert claim.setting == "event:mod-briefing"
        assert claim.supersedes == (earlier.id,)
        assert claim.retracts == ("claim:old",)
        assert isinstance(claim.supersedes, tuple)

    def test_defaults(self, losses):
        claim = Claim(None, losses)
        assert claim.claimant is None
        assert claim.speech_act is SpeechAct.STATES
        assert claim.factuality == Factuality.CT_PLUS
        assert claim.confidence is None
        assert claim.evidence == ()
        assert claim.supersedes == ()
        assert claim.retracts == ()

    @pytest.mark.parametrize("code", ["CT+", "PR+", "PS+", "CT-", "PR-", "PS-", "CTu", "Uu"])
    def test_factuality_by_code(self, losses, code):
        assert Claim(None, losses, factuality=code).factuality == Factuality.parse(code)

    @pytest.mark.parametrize("code", ["U+", "PRu", "ct+", "probable", ""])
    def test_unknown_factuality_code(self, losses, code):
        with pytest.raises(InvalidValueError) as excinfo:
            Claim(None, losses, factuality=code)
        assert not isinstance(excinfo.value, InvalidTypeError)
        assert excinfo.value.field == "factuality"

    def test_unknown_factuality_message(self, losses):
        with pytest.raises(InvalidValueError) as excinfo:
            Claim(None, losses, factuality="U+")
        assert str(excinfo.value) == (
            "Claim.factuality: must be a Factuality or a FactBank code, got 'U+'. "
            "Fix: use a code such as 'CT+', 'PR+', 'PS+', 'CT-' or 'Uu'"
        )

    @pytest.mark.parametrize("bad", [None, 1, Confidence(50)])
    def test_factuality_of_wrong_type(self, losses, bad):
        with pytest.raises(InvalidTypeError):
            Claim(None, losses, factuality=bad)

    @pytest.mark.parametrize("act", list(SpeechAct))
    def test_every_speech_act_by_value(self, losses, act):
        assert Claim(None, losses, speech_act=act.value).speech_act is act

    def test_unknown_speech_act(self, losses):
        with pytest.raises(InvalidValueError) as excinfo:
            Claim(None, losses, speech_act="says")
        assert excinfo.value.field == "speech_act"

    @pytest.mark.parametrize(
        "content", ["16,600 soldiers", None, Quantity(16600), Actor("x"), {"kind": "losses"}]
    )
    def test_content_must_be_event_claim_or_proposition(self, content):
        with pytest.raises(InvalidTypeError) as excinfo:
            Claim(None, content)
        assert excinfo.value.field == "content"
        assert excinfo.value.reason == "must be an Event, a Proposition or a Claim"

    def test_content_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Claim("actor:x", "Russia lost 16,600 soldiers")
        assert str(excinfo.value) == (
            "Claim.content: must be an Event, a Proposition or a Claim, got 'Russia lost 16,600 soldiers'"
        )

    def test_proposition_content(self):
        claim = Claim("actor:us", Proposition("The U.S. is not seeking regime change"), speech_act="denies")
        assert claim.depth == 1

    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"claimant": ""}, InvalidValueError, "claimant"),
            ({"claimant": 5}, InvalidTypeError, "claimant"),
            ({"claimant": Source("video")}, InvalidTypeError, "claimant"),
            ({"confidence": 70}, InvalidTypeError, "confidence"),
            ({"confidence": "likely"}, InvalidTypeError, "confidence"),
            ({"made_at": datetime(2022, 3, 27, tzinfo=UTC)}, InvalidTypeError, "made_at"),
            ({"evidence": Evidence("src:a")}, InvalidTypeError, "evidence"),
            ({"evidence": ["src:a"]}, InvalidTypeError, "evidence[0]"),
            ({"setting": Actor("x")}, InvalidTypeError, "setting"),
            ({"setting": "event x"}, InvalidValueError, "setting"),
            ({"supersedes": "claim:x"}, InvalidTypeError, "supersedes"),
            ({"supersedes": [5]}, InvalidTypeError, "supersedes[0]"),
            ({"retracts": [Event("losses")]}, InvalidTypeError, "retracts[0]"),
            ({"retracts": [""]}, InvalidValueError, "retracts[0]"),
        ],
    )
    def test_fields_are_checked(self, losses, kwargs, error, field):
        arguments = {"claimant": None, "content": losses} | kwargs
        with pytest.raises(error) as excinfo:
            Claim(**arguments)
        assert excinfo.value.cls == "Claim"
        assert excinfo.value.field == field

    def test_claimant_of_the_wrong_kind_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Claim(Source("video", id="src:v"), Proposition("p"))
        assert (
            str(excinfo.value)
            == "Claim.claimant: must be an Actor or its id, got Source(id='src:v', kind=SourceKind.VIDEO)"
        )

    def test_supersedes_wrong_kind_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Claim(None, Proposition("p"), supersedes=[Proposition("q")])
        assert (
            str(excinfo.value) == "Claim.supersedes[0]: must be a Claim or its id, got Proposition(text='q')"
        )


class TestNestedClaims:
    def test_reported_speech(self, russia, losses):
        inner = Claim(russia, losses)
        outer = Claim("actor:republicworld", inner, speech_act="reports")
        assert outer.content is inner
        assert inner.depth == 1
        assert outer.depth == 2
        assert Claim("actor:reader", outer).depth == 3

    def test_the_limit_is_fifty(self):
        assert MAX_CLAIM_DEPTH == 50

    def test_nesting_up_to_the_limit(self):
        claim = Claim("actor:a", Proposition("p"))
        for _ in range(MAX_CLAIM_DEPTH - 1):
            claim = Claim("actor:a", claim)
        assert claim.depth == MAX_CLAIM_DEPTH
        assert re.fullmatch(DERIVED["claim"], claim.id)

    def test_nesting_past_the_limit_is_an_invalid_value(self):
        claim = Claim("actor:a", Proposition("p"))
        for _ in range(MAX_CLAIM_DEPTH - 1):
            claim = Claim("actor:a", claim)
        with pytest.raises(InvalidValueError) as excinfo:
            Claim("actor:a", claim)
        assert excinfo.value.field == "content"
        assert (
            excinfo.value.reason
            == f"nests claims {MAX_CLAIM_DEPTH + 1} deep, more than the {MAX_CLAIM_DEPTH} allowed"
        )

    def test_nesting_past_the_limit_with_given_ids(self):
        claim = Claim("actor:a", Event("losses"), id="claim:0")
        for index in range(1, MAX_CLAIM_DEPTH):
            claim = Claim("actor:a", claim, id=f"claim:{index}")
        with pytest.raises(InvalidValueError, match="more than the 50 allowed"):
            Claim("actor:a", claim, id="claim:too-deep")


# -- ids ---------------------------------------------------------------------------------------


class TestIds:
    @pytest.mark.parametrize(
        ("build", "tag"),
        [
            (lambda: Actor("Joe Biden", "person"), "actor"),
            (lambda: Source("video"), "source"),
            (lambda: Event("losses"), "event"),
            (lambda: Claim(None, Proposition("p")), "claim"),
        ],
    )
    def test_derived_ids_look_like_tag_and_digest(self, build, tag):
        first = build()
        assert DERIVED[tag].fullmatch(first.id)
        assert build().id == first.id
        assert build() == first

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (lambda: Actor("Joe Biden", "person"), lambda: Actor("Joe Biden", ActorKind.PERSON)),
            (lambda: Actor("A", aliases=["x"]), lambda: Actor("A", aliases=("x",))),
            (
                lambda: Actor("A", identifiers={"a": "1", "b": "2"}),
                lambda: Actor("A", identifiers={"b": "2", "a": "1"}),
            ),
            (
                lambda: Source("video", publisher=Actor("x", id="actor:x")),
                lambda: Source("video", publisher="actor:x"),
            ),
            (
                lambda: Event("losses", quantities={"n": Quantity("16600")}),
                lambda: Event("losses", quantities={"n": Quantity(16600)}),
            ),
            (lambda: Claim(Actor("x", id="actor:x"), Event("a")), lambda: Claim("actor:x", Event("a"))),
            (
                lambda: Claim(None, Event("a"), factuality="PR+"),
                lambda: Claim(None, Event("a"), factuality=Factuality.PR_PLUS),
            ),
        ],
    )
    def test_equal_content_gives_equal_ids(self, left, right):
        assert left().id == right().id
        assert left() == right()

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            (lambda: Actor("Joe Biden", "person"), lambda: Actor("Joe Biden", "state")),
            (lambda: Actor("Joe Biden"), lambda: Actor("Joe  Biden")),
            (lambda: Actor("A", aliases=["x", "y"]), lambda: Actor("A", aliases=["y", "x"])),
            (lambda: Source("video"), lambda: Source("image")),
            (lambda: Source("video", retrieved=datetime(2022, 1, 1, tzinfo=UTC)), lambda: Source("video")),
            (lambda: Event("losses"), lambda: Event("losses", when=When.parse("2022"))),
            (
                lambda: Event("losses", when=When.parse("2022")),
                lambda: Event("losses", when=When.parse("2022~")),
            ),
            (
                lambda: Event("losses", quantities={"n": Quantity(2)}),
                lambda: Event("losses", quantities={"n": Quantity("2.0")}),
            ),
            (lambda: Claim(None, Event("a")), lambda: Claim("actor:x", Event("a"))),
            (lambda: Claim(None, Event("a")), lambda: Claim(None, Event("a"), factuality="CT-")),
            (lambda: Claim(None, Event("a")), lambda: Claim(None, Claim(None, Event("a")))),
        ],
    )
    def test_different_content_gives_different_ids(self, left, right):
        assert left().id != right().id
        assert left() != right()

    @pytest.mark.parametrize(
        "build",
        [lambda **kw: Actor("x", **kw), lambda **kw: Source("video", **kw), lambda **kw: Event("x", **kw)],
    )
    def test_given_ids_are_kept(self, build):
        assert build(id="x:given").id == "x:given"

    def test_claim_given_id(self):
        assert Claim(None, Event("x"), id="claim:mine").id == "claim:mine"

    @pytest.mark.parametrize(
        ("bad", "error", "reason"),
        [
            ("", InvalidValueError, "must not be empty"),
            ("actor:joe biden", InvalidValueError, "must not contain white space or control characters"),
            (" actor:x", InvalidValueError, "must not contain white space or control characters"),
            ("actor:x\t", InvalidValueError, "must not contain white space or control characters"),
            ("actor:x\n", InvalidValueError, "must not contain white space or control characters"),
            ("actor:\x00", InvalidValueError, "must not contain white space or control characters"),
            ("actor:\x7f", InvalidValueError, "must not contain white space or control characters"),
            ("actor:\u00a0x", InvalidValueError, "must not contain white space or control characters"),
            ("actor:\u2028", InvalidValueError, "must not contain white space or control characters"),
            ("x" * 2049, InvalidValueError, "must be at most 2048 characters long"),
            ("actor:\ud800", InvalidValueError, "must be valid Unicode text, but it holds a lone surrogate"),
            (5, InvalidTypeError, "must be an id (a string)"),
            (b"actor:x", InvalidTypeError, "must be an id (a string)"),
            (True, InvalidTypeError, "must be an id (a string)"),
        ],
    )
    @pytest.mark.parametrize(
        "build",
        [
            lambda ident: Actor("x", id=ident),
            lambda ident: Source("video", id=ident),
            lambda ident: Event("losses", id=ident),
            lambda ident: Claim(None, Proposition("p"), id=ident),
            lambda ident: Proposition("p", id=ident),
        ],
    )
    def test_bad_ids(self, build, bad, error, reason):
        with pytest.raises(error) as excinfo:
            build(bad)
        assert excinfo.value.field == "id"
        assert excinfo.value.reason == reason

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Actor("x", id=None),
            lambda: Source("video", id=None),
            lambda: Event("losses", id=None),
            lambda: Claim(None, Proposition("p"), id=None),
        ],
    )
    def test_none_is_not_a_derived_id(self, build):
        with pytest.raises(InvalidTypeError) as excinfo:
            build()
        assert excinfo.value.field == "id"

    def test_proposition_id_may_be_none(self):
        assert Proposition("p", id=None).id is None

    def test_longest_id_is_accepted(self):
        assert Actor("x", id="x" * 2048).id == "x" * 2048

    def test_non_ascii_ids_are_accepted(self):
        assert Actor("x", id="actor:володимир-зеленський").id == "actor:володимир-зеленський"

    def test_empty_id_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("Joe Biden", id="")
        assert str(excinfo.value) == (
            "Actor.id: must not be empty, got ''. "
            "Fix: give an id such as 'actor:joe-biden', or leave it out where one can be derived"
        )

    def test_id_with_spaces_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Source("video", id="src:my video")
        assert str(excinfo.value) == (
            "Source.id: must not contain white space or control characters, got 'src:my video'. "
            "Fix: use a compact id without spaces, such as 'actor:joe-biden' or 'geonames:704147'"
        )

    def test_id_with_a_lone_surrogate_message(self):
        with pytest.raises(InvalidValueError) as excinfo:
            Actor("x", id="actor:\ud800")
        assert str(excinfo.value) == (
            "Actor.id: must be valid Unicode text, but it holds a lone surrogate, got 'actor:\\ud800'"
        )

    def test_non_string_id_message(self):
        with pytest.raises(InvalidTypeError) as excinfo:
            Event("losses", id=42)
        assert str(excinfo.value) == "Event.id: must be an id (a string), got 42"
