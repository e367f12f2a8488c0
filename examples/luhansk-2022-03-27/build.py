"""
The founding article, modelled end to end.

Republic World's report of 27 March 2022 on the war in Ukraine (the text is in
``article.txt``, next to this file) holds almost every attribution pattern
eventmodel exists for: reported speech nested three deep, verbatim official
statements, one side's figures, unattributed and collective claimants,
modality and negation, relative times, a video released by one party as
evidence against another, and the outlet's own voice.

``build()`` returns the whole dossier. Run this file to write it, as the
library writes JSON, to ``dossier.json`` next to it::

    python examples/luhansk-2022-03-27/build.py

Every claim the article makes is a top-level claim of the outlet, carried by
the article. What the outlet relays from others is a claim nested inside it:
the outlet reports that the Interior Ministry stated that ... Nothing is
stored as a fact.
"""

from __future__ import annotations

from pathlib import Path

import eventmodel as em

HERE = Path(__file__).resolve().parent
ARTICLE = "src:republicworld-2022-03-27"


def article_text() -> str:
    """The article exactly as stored: decoded, with nothing translated (not even newlines)."""
    return (HERE / "article.txt").read_bytes().decode("utf-8")


def day(text: str) -> em.Moment:
    """A date, in EDTF (``"2022-03-27"``)."""
    moment = em.When.parse(text)
    assert isinstance(moment, em.Moment)
    return moment


def build() -> em.Dossier:  # noqa: PLR0915 - it reads top to bottom, in the order of the article
    """The dossier of the article: its actors, its sources and every claim it makes."""
    text = article_text()

    def quote(exact: str) -> em.Evidence:
        """Evidence in the article: the words exactly as it has them, which must occur once, and where."""
        if text.count(exact) != 1:
            raise ValueError(f"{exact!r} occurs {text.count(exact)} times in the article, not once")
        start = text.index(exact)
        return em.Evidence(ARTICLE, quote=em.TextQuote(exact), span=em.TextSpan(start, start + len(exact)))

    # -- actors ---------------------------------------------------------------------------------
    # States and their bodies first, so that affiliations can name them.
    russia = em.Actor("Russia", em.ActorKind.STATE, id="actor:russia")
    ukraine = em.Actor("Ukraine", em.ActorKind.STATE, id="actor:ukraine")
    united_states = em.Actor(
        "United States", em.ActorKind.STATE, id="actor:united-states", aliases=["U.S.", "US"]
    )
    on_publication = day("2022-03-27")

    # The article has no byline: the outlet publishes it and speaks in it as its author.
    outlet = em.Actor("Republic World", em.ActorKind.MEDIA, id="actor:republic-world")
    russian_administration = em.Actor(
        "Russian administration", em.ActorKind.GOVERNMENT, id="actor:russian-administration"
    )
    kremlin = em.Actor("the Kremlin", em.ActorKind.GOVERNMENT, id="actor:kremlin", aliases=["Kremlin"])
    putin = em.Actor(
        "Vladimir Putin",
        em.ActorKind.PERSON,
        id="actor:vladimir-putin",
        aliases=["Putin", "Kremlin leader Putin", "Russian President Vladimir Putin"],
        affiliations=[em.Affiliation(russia, "President", when=on_publication)],
    )
    russian_forces = em.Actor(
        "Russian armed forces",
        em.ActorKind.MILITARY_UNIT,
        id="actor:russian-armed-forces",
        aliases=["Russian troops", "the Russian military", "Kremlin troops", "Russians"],
        affiliations=[em.Affiliation(russia)],
    )
    ukrainian_forces = em.Actor(
        "Ukrainian armed forces",
        em.ActorKind.MILITARY_UNIT,
        id="actor:ukrainian-armed-forces",
        aliases=["Armed Forces of Ukraine"],
        affiliations=[em.Affiliation(ukraine)],
    )
    # "Proxy leaders" are spoken of as one group; Pasichnyk is one of them.
    proxy_leaders = em.Actor("proxy leaders", em.ActorKind.COLLECTIVE, id="actor:proxy-leaders")
    pasichnyk = em.Actor(
        "Leonid Pasichnyk",
        em.ActorKind.PERSON,
        id="actor:leonid-pasichnyk",
        affiliations=[em.Affiliation(proxy_leaders, "proxy leader", when=on_publication)],
    )
    interior_ministry = em.Actor(
        "Interior Ministry of Ukraine",
        em.ActorKind.GOVERNMENT,
        id="actor:ukraine-interior-ministry",
        affiliations=[em.Affiliation(ukraine, "Interior Ministry")],
    )
    # "the police" of the ministry's statement; the article names no more of them.
    police = em.Actor("the police", em.ActorKind.GOVERNMENT, id="actor:police-krasnohorivka")
    general_staff = em.Actor(
        "General Staff of the Armed Forces of Ukraine",
        em.ActorKind.GOVERNMENT,
        id="actor:general-staff-ukraine",
        aliases=["Ukraine’s General Staff of the Armed Forces"],
        affiliations=[em.Affiliation(ukrainian_forces, "General Staff")],
    )
    # Collectives: no one body speaks, and the article names none.
    the_west = em.Actor("the West", em.ActorKind.COLLECTIVE, id="actor:the-west", aliases=["West"])
    western_intelligence = em.Actor(
        "western intelligence", em.ActorKind.COLLECTIVE, id="actor:western-intelligence"
    )
    blinken = em.Actor(
        "Antony Blinken",
        em.ActorKind.PERSON,
        id="actor:antony-blinken",
        affiliations=[em.Affiliation(united_states, "Secretary of State", when=on_publication)],
    )
    biden = em.Actor(
        "Joe Biden",
        em.ActorKind.PERSON,
        id="actor:joe-biden",
        affiliations=[em.Affiliation(united_states, "President", when=on_publication)],
    )
    # Publishers of the two background sources (below).
    white_house = em.Actor("The White House", em.ActorKind.GOVERNMENT, id="actor:white-house")
    un_general_assembly = em.Actor(
        "United Nations General Assembly", em.ActorKind.ORGANIZATION, id="actor:un-general-assembly"
    )

    # -- sources --------------------------------------------------------------------------------
    # The video, the ministry's statement and the intelligence reports are known only
    # through the article; they are sources all the same, and the article derives from them.
    video = em.Source(
        em.SourceKind.VIDEO,
        id="src:russian-administration-luhansk-video",
        publisher=russian_administration,
        reliability=em.Reliability.F,  # released by a party to the war: reliability cannot be judged
    )
    ministry_statement = em.Source(
        em.SourceKind.OFFICIAL_STATEMENT,
        id="src:ukraine-interior-ministry-statement",
        publisher=interior_ministry,
    )
    intelligence_reports = em.Source(
        em.SourceKind.REPORT, id="src:western-intelligence-reports", publisher=western_intelligence
    )
    article = em.Source(
        em.SourceKind.NEWS_ARTICLE,
        id=ARTICLE,
        publisher=outlet,
        authors=[outlet],
        published=on_publication,
        language="en",
        derived_from=[video, ministry_statement, intelligence_reports],
        text=text,
    )
    # Background: the article dates neither Biden's speech nor the start of the invasion, and
    # "a day after" and "since day 1" are relative to them. Two sources that do date them
    # let the dossier resolve those times. They carry no text here: their evidence is the
    # whole source.
    warsaw_transcript = em.Source(
        em.SourceKind.SPEECH,
        id="src:white-house-2022-03-26-warsaw-remarks",
        title="Remarks by President Biden on the United Efforts of the Free World to Support the People of Ukraine",
        publisher=white_house,
        authors=[biden],
        published=day("2022-03-26"),
        language="en",
    )
    un_resolution = em.Source(
        em.SourceKind.OFFICIAL_STATEMENT,
        id="src:un-ga-resolution-es-11-1",
        title="Aggression against Ukraine (A/RES/ES-11/1)",
        publisher=un_general_assembly,
        url="https://undocs.org/A/RES/ES-11/1",
        published=day("2022-03-02"),
        language="en",
    )

    # -- places ---------------------------------------------------------------------------------
    luhansk_region = em.Place("Luhansk region", country="UA")
    luhansk_oblast = em.Place("Luhansk Oblast", country="UA")
    krasnohorivka = em.Place("Krasnohorivka", country="UA", admin=["Donetsk region"])
    # The ministry's paraphrase spells the town the Russian way; the place is kept as named.
    krasnogorovka = em.Place("Krasnogorovka", country="UA", admin=["Donetsk region"])
    warsaw = em.Place("Warsaw", country="PL")
    jerusalem = em.Place("Jerusalem")

    # -- events that other times are anchored on -------------------------------------------------
    invasion_id = "event:russian-invasion-2022"
    warsaw_speech_id = "event:biden-warsaw-speech"
    since_the_invasion = em.Anchor.to_event(invasion_id)
    after_the_warsaw_speech = em.Anchor.to_event(warsaw_speech_id)

    claims: list[em.Claim] = []

    # == Paragraph 1 ==============================================================================

    # "the Russian administration has released a video showing the aftermath of the Luhansk
    # region after it came under the Ukrainian shelling." The video is the Russian
    # administration's evidence that Ukraine shelled the region: the administration *shows*
    # the shelling, with the whole video as its evidence; the outlet reports that, and
    # describes the visuals.
    shelling_shown = em.Claim(
        russian_administration,
        em.Event(
            "attack.shelling",
            id="event:luhansk-ukrainian-shelling",
            where=luhansk_region,
            participants=[em.Participant(ukrainian_forces, "agent")],
            description="continuous attacks that left a devastated cottage behind",
            details={"aftermath": "a devastated cottage"},
        ),
        id="claim:russian-administration-shows-shelling",
        speech_act=em.SpeechAct.SHOWS,
        evidence=[em.Evidence(video)],
    )
    claims.append(
        em.Claim(
            outlet,
            shelling_shown,
            id="claim:outlet-reports-shelling-video",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "the Russian administration has released a video showing the aftermath of the Luhansk "
                    "region after it came under the Ukrainian shelling."
                ),
                quote("The visuals depict a devastating cottage left behind by the Ukrainian armed forces"),
            ],
        )
    )
    # "... after the continuous attacks at the behest of Kremlin leader Putin." Whose attacks
    # the sentence does not say; the proposition keeps its words rather than guess.
    claims.append(
        em.Claim(
            outlet,
            em.Proposition(
                "The continuous attacks were carried out at the behest of Kremlin leader Putin.",
                id="prop:attacks-at-putins-behest",
                about=[putin],
            ),
            id="claim:outlet-attacks-at-putins-behest",
            evidence=[quote("after the continuous attacks at the behest of Kremlin leader Putin.")],
        )
    )

    # "Earlier in the day, it was reported that the Russian-occupied parts of Luhansk Oblast
    # may be annexed by Russia." Nobody is named: the claimant is None, given explicitly.
    # "may" is possibility (PS+); the analyst cannot judge an unsourced report (Admiralty 6).
    annexation_reported = em.Claim(
        None,
        em.Event(
            "annexation",
            id="event:luhansk-annexation",
            where=luhansk_oblast,
            participants=[em.Participant(russia, "agent")],
            description="Russia annexes the Russian-occupied parts of Luhansk Oblast",
        ),
        id="claim:unattributed-annexation",
        speech_act=em.SpeechAct.REPORTS,
        factuality="PS+",
        confidence=em.Confidence.cannot_be_judged(),
        made_at=em.Relative("Earlier in the day", em.Anchor.PUBLICATION),
    )
    claims.append(
        em.Claim(
            outlet,
            annexation_reported,
            id="claim:outlet-reports-annexation-report",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "Earlier in the day, it was reported that the Russian-occupied parts of Luhansk Oblast "
                    "may be annexed by Russia."
                )
            ],
        )
    )

    # == Paragraph 2 ==============================================================================

    # "Proxy leader Leonid Pasichnyk had stated that a referendum on the annexation may be held
    # soon." The article gives no date for the statement; it relays "soon" as news on the day
    # it is published, so "soon" is read against the publication: the grammar makes it an
    # interval from about that day (marked approximate) to an end the words do not give.
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                pasichnyk,
                em.Event(
                    "referendum",
                    id="event:luhansk-annexation-referendum",
                    where=luhansk_oblast,
                    when=em.Relative("soon", em.Anchor.PUBLICATION).resolve(on_publication),
                    # "may be held": the sentence names no organizer, so none is given.
                    description="a referendum on the annexation by Russia",
                ),
                id="claim:pasichnyk-referendum",
                factuality="PS+",
            ),
            id="claim:outlet-reports-pasichnyk",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "Proxy leader Leonid Pasichnyk had stated that a referendum on the annexation may be held soon."
                )
            ],
        )
    )

    # "Earlier this week, the Kremlin avered that it has completed Phase 1 of its military
    # operation and would not shift focus to the Donbas region." Two things said at once:
    # two claims. The second is negated: certain that it will not (CT-).
    earlier_this_week = em.Relative("Earlier this week", em.Anchor.PUBLICATION)
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                kremlin,
                em.Proposition(
                    "The Kremlin has completed Phase 1 of its military operation.",
                    id="prop:kremlin-phase-1-completed",
                    about=[kremlin],
                ),
                id="claim:kremlin-phase-1",
                made_at=earlier_this_week,
            ),
            id="claim:outlet-reports-kremlin-phase-1",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "Earlier this week, the Kremlin avered that it has completed Phase 1 of its military operation"
                )
            ],
        )
    )
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                kremlin,
                em.Proposition(
                    "The Kremlin will shift focus to the Donbas region.",
                    id="prop:kremlin-shift-focus-donbas",
                    about=[kremlin],
                ),
                id="claim:kremlin-no-shift-to-donbas",
                factuality="CT-",
                made_at=earlier_this_week,
            ),
            id="claim:outlet-reports-kremlin-no-shift",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote("Earlier this week, the Kremlin avered that"),
                quote("would not shift focus to the Donbas region."),
            ],
        )
    )

    # "As things stand, proxy leaders hold 93% of Luhansk and 54% of Donetsk." The author's
    # own voice: the outlet is the claimant, and the figures are quantities. "As things
    # stand" is when the shares hold: the present of the writing, the day of publication.
    claims.append(
        em.Claim(
            outlet,
            em.Proposition(
                "Proxy leaders hold 93% of Luhansk and 54% of Donetsk.",
                id="prop:proxy-leaders-hold-luhansk-donetsk",
                when=em.Relative("As things stand", em.Anchor.PUBLICATION).resolve(on_publication),
                about=[proxy_leaders],
                quantities={
                    "share of Luhansk held": em.Quantity(93, unit="percent"),
                    "share of Donetsk held": em.Quantity(54, unit="percent"),
                },
            ),
            id="claim:outlet-proxy-leaders-hold",
            evidence=[quote("As things stand, proxy leaders hold 93% of Luhansk and 54% of Donetsk.")],
        )
    )

    # "In the eastern parts of Ukraine, i.e. in the Luhansk and Donetsk region, Russian troops
    # have also carried out intense shelling and airstrikes since day 1 of Russia's invasion
    # of its neighbouring country." The outlet's voice again: two kinds of attack, each an
    # event, since the first day of the invasion (a time anchored on the invasion event), in
    # one place that names two areas.
    east = em.Place(
        "Luhansk and Donetsk region",
        country="UA",
        parts=[luhansk_region, em.Place("Donetsk region", country="UA")],
    )
    since_day_1 = em.Relative("since day 1 of Russia's invasion", since_the_invasion)
    east_sentence = quote(
        "In the eastern parts of Ukraine, i.e. in the Luhansk and Donetsk region, Russian troops have also "
        "carried out intense shelling and airstrikes since day 1 of Russia's invasion of its neighbouring "
        "country."
    )
    for kind, name, words in (
        ("attack.shelling", "shelling", "intense shelling"),
        ("attack.airstrike", "airstrikes", "airstrikes"),
    ):
        claims.append(
            em.Claim(
                outlet,
                em.Event(
                    kind,
                    id=f"event:eastern-ukraine-russian-{name}",
                    when=since_day_1,
                    where=east,
                    participants=[em.Participant(russian_forces, "agent")],
                    description=words,
                ),
                id=f"claim:outlet-russian-{name}-since-day-1",
                evidence=[east_sentence],
            )
        )
    # The invasion itself, as the article speaks of it (undated), and as the UN General
    # Assembly dates it (background).
    claims.append(
        em.Claim(
            outlet,
            em.Event(
                "invasion",
                id=invasion_id,
                participants=[em.Participant(russia, "agent"), em.Participant(ukraine, "target")],
            ),
            id="claim:outlet-russian-invasion",
            evidence=[
                quote("Russia's invasion of its neighbouring country"),
                quote("Russia’s invasion of Ukraine"),
                quote("the Russia-Ukraine war"),
            ],
        )
    )
    claims.append(
        em.Claim(
            un_general_assembly,
            em.Event(
                "invasion",
                id=invasion_id,
                when=day("2022-02-24"),
                participants=[em.Participant(russia, "agent"), em.Participant(ukraine, "target")],
                description="the Russian Federation's declaration of a 'special military operation' in Ukraine",
            ),
            id="claim:un-general-assembly-invasion",
            made_at=day("2022-03-02"),
            evidence=[em.Evidence(un_resolution)],
        )
    )

    # == The Krasnohorivka strike ===================================================================
    # Three accounts of one strike, one event id: the headline's (Ukraine "claims"), the
    # ministry's as the outlet paraphrases it, and the ministry's statement quoted verbatim.
    strike_id = "event:krasnohorivka-cluster-strike"

    # "Ukraine claims Russia struck Donetsk using prohibited cluster ammunition"
    # The headline's "Ukraine" is the Interior Ministry whose statement the article goes on to
    # give: the headline summarises that statement, so the ministry is its speaker. Naming the
    # state instead would count the summary as a second, independent origin of the strike.
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                interior_ministry,
                em.Event(
                    "attack.strike",
                    id=strike_id,
                    where=em.Place("Donetsk", country="UA"),
                    participants=[em.Participant(russia, "agent")],
                    details={"munition": "prohibited cluster ammunition"},
                ),
                id="claim:ukraine-claims-cluster-strike",
                speech_act=em.SpeechAct.CLAIMS,
            ),
            id="claim:outlet-headline-cluster-strike",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[quote("Ukraine claims Russia struck Donetsk using prohibited cluster ammunition")],
        )
    )
    # "The Interior Ministry of Ukraine meanwhile noted that the Russian military used
    # prohibited cluster ammunition containers of the type "Tornado-S" on the residential
    # sector of Krasnogorovka, Donetsk region."
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                interior_ministry,
                em.Event(
                    "attack.strike",
                    id=strike_id,
                    where=krasnogorovka,
                    participants=[em.Participant(russian_forces, "agent")],
                    details={
                        "munition": "prohibited cluster ammunition containers",
                        "weapon": "Tornado-S",
                        "target": "the residential sector",
                    },
                ),
                id="claim:ministry-noted-cluster-strike",
                evidence=[em.Evidence(ministry_statement)],
            ),
            id="claim:outlet-reports-ministry-cluster-strike",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "The Interior Ministry of Ukraine meanwhile noted that the Russian military used prohibited "
                    'cluster ammunition containers of the type "Tornado-S" on the residential sector of '
                    "Krasnogorovka, Donetsk region."
                )
            ],
        )
    )
    # The statement, quoted: three sentences about the strike, one about the police.
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                interior_ministry,
                em.Event(
                    "attack.shelling",
                    id=strike_id,
                    where=krasnohorivka,
                    participants=[em.Participant(russian_forces, "agent")],
                    details={
                        "weapon": "Tornado-S multiple rocket launchers",
                        "munition": "banned cluster munitions",
                        "target": "a residential neighbourhood",
                        "impact": "in the middle of the streets of the private sector",
                    },
                ),
                id="claim:ministry-statement-cluster-strike",
                evidence=[em.Evidence(ministry_statement)],
            ),
            id="claim:outlet-quotes-ministry-cluster-strike",
            speech_act=em.SpeechAct.QUOTES,
            evidence=[
                quote(
                    "The enemy fired from Tornado-S multiple rocket launchers at a residential neighbourhood "
                    "of Krasnohorivka."
                ),
                quote("Russian troops used banned cluster munitions."),
                quote("The munitions fell in the middle of the streets of the private sector."),
                quote("the ministry revealed in a statement."),
            ],
        )
    )
    # "Currently, the police have surrounded the dangerous area": "currently" is the
    # ministry's word, relative to when it made the statement, which the article does not
    # date. All that is known is that it was no later than the article: the time is resolved
    # by hand to an interval with an unknown start that ends on the day of publication.
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                interior_ministry,
                em.Event(
                    "security.cordon",
                    id="event:krasnohorivka-police-cordon",
                    where=krasnohorivka,
                    when=em.Relative(
                        "Currently", em.Anchor.MADE_AT, resolved=em.Interval(None, on_publication)
                    ),
                    participants=[em.Participant(police, "agent")],
                    description="the police have surrounded the dangerous area",
                ),
                id="claim:ministry-statement-police-cordon",
                evidence=[em.Evidence(ministry_statement)],
            ),
            id="claim:outlet-quotes-ministry-police-cordon",
            speech_act=em.SpeechAct.QUOTES,
            evidence=[
                quote("Currently, the police have surrounded the dangerous area,"),
                quote("the ministry revealed in a statement."),
            ],
        )
    )

    # "West has warned that Kremlin has switched to attrition warfare and could deploy nuclear
    # weapons as it continues to suffer huge losses." A collective claimant; "could" is
    # possibility (PS+); the losses are given as the reason, stated rather than warned of.
    west_said: list[tuple[str, em.Event | em.Proposition, em.SpeechAct, str, str]] = [
        (
            "attrition-warfare",
            em.Proposition(
                "The Kremlin has switched to attrition warfare.",
                id="prop:kremlin-attrition-warfare",
                about=[kremlin],
            ),
            em.SpeechAct.WARNS,
            "CT+",
            "West has warned that Kremlin has switched to attrition warfare",
        ),
        (
            "nuclear-weapons",
            em.Event(
                "military.nuclear-deployment",
                id="event:kremlin-nuclear-deployment",
                participants=[em.Participant(kremlin, "agent")],
                details={"weapon": "nuclear weapons"},
            ),
            em.SpeechAct.WARNS,
            "PS+",
            "could deploy nuclear weapons",
        ),
        (
            "huge-losses",
            em.Proposition(
                "The Kremlin continues to suffer huge losses.", id="prop:kremlin-huge-losses", about=[kremlin]
            ),
            em.SpeechAct.STATES,
            "CT+",
            "as it continues to suffer huge losses.",
        ),
    ]
    for name, content, speech_act, factuality, words in west_said:
        claims.append(
            em.Claim(
                outlet,
                em.Claim(
                    the_west, content, id=f"claim:west-{name}", speech_act=speech_act, factuality=factuality
                ),
                id=f"claim:outlet-reports-west-{name}",
                speech_act=em.SpeechAct.REPORTS,
                evidence=[quote(words)],
            )
        )

    # == The General Staff's figures ================================================================
    # "Moreover, Ukraine's General Staff of the Armed Forces, on Sunday, said that the Russian
    # military has lost 16,600 personnel and 582 tanks ever since the onset of the
    # Russia-Ukraine war.1,664 armoured personnel vehicles, 52 anti-aircraft warfare systems,
    # 7 boats, 4 mobile SRBM systems were amongst other losses of the Kremlin troops."
    # One side's figures, as exact quantities; "on Sunday" is the day they were said, and the
    # losses run from the onset of the war (a time anchored on the invasion).
    losses = em.Event(
        "losses",
        id="event:russian-losses-2022-03-27",
        when=em.Relative("ever since the onset of the Russia-Ukraine war", since_the_invasion),
        participants=[em.Participant(russian_forces, "victim")],
        quantities={
            "personnel": em.Quantity(16600, unit="personnel"),
            "tanks": em.Quantity(582, unit="tanks"),
            "armoured personnel vehicles": em.Quantity(1664, unit="armoured personnel vehicles"),
            "anti-aircraft warfare systems": em.Quantity(52, unit="anti-aircraft warfare systems"),
            "boats": em.Quantity(7, unit="boats"),
            "mobile SRBM systems": em.Quantity(4, unit="mobile SRBM systems"),
        },
    )
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                general_staff,
                losses,
                id="claim:general-staff-losses",
                made_at=em.Relative("on Sunday", em.Anchor.PUBLICATION),
            ),
            id="claim:outlet-reports-general-staff-losses",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote(
                    "Ukraine’s General Staff of the Armed Forces, on Sunday, said that the Russian military has "
                    "lost 16,600 personnel and 582 tanks ever since the onset of the Russia-Ukraine war."
                ),
                quote(
                    "1,664 armoured personnel vehicles, 52 anti-aircraft warfare systems, 7 boats, 4 mobile "
                    "SRBM systems were amongst other losses of the Kremlin troops."
                ),
            ],
        )
    )

    # "This comes as western intelligence reports stated that Russians were struggling to cope
    # up with combat losses and bolstered Ukrainian resistance which was now preventing their
    # advances towards Kyiv." A collective claimant, with its reports as a source.
    intelligence_said = [
        (
            "struggling",
            em.Proposition(
                "Russian forces were struggling to cope with combat losses.",
                id="prop:russians-struggling-with-losses",
                about=[russian_forces],
            ),
            "western intelligence reports stated that Russians were struggling to cope up with combat losses",
        ),
        (
            "resistance",
            em.Proposition(
                "Bolstered Ukrainian resistance was preventing Russian advances towards Kyiv.",
                id="prop:resistance-preventing-advance-on-kyiv",
                about=[ukrainian_forces, russian_forces],
            ),
            "bolstered Ukrainian resistance which was now preventing their advances towards Kyiv.",
        ),
    ]
    for name, proposition, words in intelligence_said:
        claims.append(
            em.Claim(
                outlet,
                em.Claim(
                    western_intelligence,
                    proposition,
                    id=f"claim:western-intelligence-{name}",
                    evidence=[em.Evidence(intelligence_reports)],
                ),
                id=f"claim:outlet-reports-western-intelligence-{name}",
                speech_act=em.SpeechAct.REPORTS,
                evidence=[quote(words)],
            )
        )

    # == Blinken and Biden ==========================================================================
    # "Blinken spoke a day after President Joe Biden said of Putin during a speech in Warsaw"
    # dates Blinken's words, and his news conference, relative to Biden's speech. The White
    # House transcript dates the speech; the dossier resolves "a day after" from it.
    a_day_after = em.Relative("a day after", after_the_warsaw_speech)
    press_conference_id = "event:blinken-jerusalem-2022-03-27"

    claims.append(
        em.Claim(
            white_house,
            em.Event(
                "statement.speech",
                id=warsaw_speech_id,
                when=day("2022-03-26"),
                where=warsaw,
                participants=[em.Participant(biden, "speaker")],
            ),
            id="claim:white-house-warsaw-speech",
            evidence=[em.Evidence(warsaw_transcript)],
        )
    )
    claims.append(
        em.Claim(
            outlet,
            em.Event(
                "statement.speech",
                id=warsaw_speech_id,
                where=warsaw,
                participants=[em.Participant(biden, "speaker"), em.Participant(putin, "subject")],
            ),
            id="claim:outlet-warsaw-speech",
            evidence=[quote("President Joe Biden said of Putin during a speech in Warsaw")],
        )
    )
    claims.append(
        em.Claim(
            outlet,
            em.Event(
                "statement.press-conference",
                id=press_conference_id,
                when=a_day_after,
                where=jerusalem,
                participants=[em.Participant(blinken, "speaker")],
            ),
            id="claim:outlet-blinken-press-conference",
            evidence=[quote("Blinken spoke a day after"), quote("At a news conference in Jerusalem")],
        )
    )

    # The headline and the first sentence: Blinken denies that the U.S. seeks to remove Putin.
    # One proposition (one id), worded twice; denied, so certain that it does not hold (CT-).
    for name, wording, words in (
        (
            "headline",
            "The U.S. is seeking regime change in Russia.",
            "Blinken: US not seeking Russian regime change",
        ),
        (
            "topple-putin",
            "The U.S. is trying to topple Russian President Vladimir Putin.",
            "Secretary of State Antony Blinken says the U.S. is not trying to topple Russian President "
            "Vladimir Putin",
        ),
    ):
        claims.append(
            em.Claim(
                outlet,
                em.Claim(
                    blinken,
                    em.Proposition(wording, id="prop:us-regime-change-russia", about=[united_states, putin]),
                    id=f"claim:blinken-denies-regime-change-{name}",
                    speech_act=em.SpeechAct.DENIES,
                    factuality="CT-",
                    made_at=a_day_after,
                    setting=press_conference_id,
                ),
                id=f"claim:outlet-reports-blinken-denial-{name}",
                speech_act=em.SpeechAct.REPORTS,
                evidence=[quote(words)],
            )
        )
    # "... despite its harsh condemnations of Russia's invasion of Ukraine": the outlet's voice.
    claims.append(
        em.Claim(
            outlet,
            em.Proposition(
                "The U.S. has harshly condemned Russia's invasion of Ukraine.",
                id="prop:us-condemns-invasion",
                about=[united_states, russia],
            ),
            id="claim:outlet-us-condemns-invasion",
            evidence=[quote("despite its harsh condemnations of Russia’s invasion of Ukraine.")],
        )
    )

    # Biden's own words, quoted: “For God’s sake, this man cannot remain in power.”
    claims.append(
        em.Claim(
            outlet,
            em.Claim(
                biden,
                em.Proposition(
                    "Putin cannot remain in power.", id="prop:putin-cannot-remain-in-power", about=[putin]
                ),
                id="claim:biden-putin-cannot-remain",
                setting=warsaw_speech_id,
            ),
            id="claim:outlet-quotes-biden",
            speech_act=em.SpeechAct.QUOTES,
            evidence=[quote("For God’s sake, this man cannot remain in power.")],
        )
    )

    # Three deep: the article reports that Blinken, at the news conference, said that
    # Biden's point (in Warsaw) was that "Putin cannot be empowered ...". Blinken interprets
    # Biden's words, the claim quoted above; the outlet reports Blinken. Biden's "point" is
    # Blinken's account of him, not Biden's own assertion: perspective() tells the two apart.
    biden_meant = em.Claim(
        biden,
        em.Proposition(
            "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else.",
            id="prop:putin-cannot-be-empowered",
            about=[putin],
        ),
        id="claim:biden-point",
        setting=warsaw_speech_id,
    )
    blinken_said = em.Claim(
        blinken,
        biden_meant,
        id="claim:blinken-on-biden",
        speech_act=em.SpeechAct.INTERPRETS,
        made_at=a_day_after,
        setting=press_conference_id,
        # What Blinken interprets: Biden's own words in Warsaw, quoted above.
        regarding="claim:biden-putin-cannot-remain",
        relation=em.ClaimRelation.INTERPRETS,
    )
    claims.append(
        em.Claim(
            outlet,
            blinken_said,
            id="claim:outlet-reports-blinken-on-biden",
            speech_act=em.SpeechAct.REPORTS,
            evidence=[
                quote("Blinken said Biden’s point was that"),
                quote(
                    "Putin cannot be empowered to wage war or engage in aggression against Ukraine or anyone else."
                ),
            ],
        )
    )

    actors = [
        outlet,
        russian_administration,
        ukrainian_forces,
        russian_forces,
        putin,
        kremlin,
        proxy_leaders,
        pasichnyk,
        interior_ministry,
        police,
        the_west,
        general_staff,
        western_intelligence,
        blinken,
        biden,
        russia,
        ukraine,
        united_states,
        white_house,
        un_general_assembly,
    ]
    sources = [article, video, ministry_statement, intelligence_reports, warsaw_transcript, un_resolution]
    return em.Dossier([*actors, *sources, *claims])


def write(path: Path = HERE / "dossier.json") -> str:
    """Write the dossier's JSON, as eventmodel writes it, with a final newline; return the text."""
    text = em.json.dumps(build()) + "\n"
    path.write_bytes(text.encode("utf-8"))
    return text


if __name__ == "__main__":
    write()
