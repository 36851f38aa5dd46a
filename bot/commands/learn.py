"""`learn [TOPIC]`: the framework, one part at a time."""

from __future__ import annotations

from bot import messages
from bot.i18n import _
from bot.replies import Card, Choice, Reply, Text
from bot.topics import topic_named, unknown_topic_reply
from bot.turn import Turn
from content.loader import Library
from content.schema import ALL_TOPICS, NUDGE_TOPICS, Citation, LearnOnlyTopic, NudgeTopic, Section


def _cite(citation: Citation) -> str:
    return _("Source: {authors} ({year}), _{work}_.").format(
        authors=citation.authors, year=citation.year, work=citation.work
    )


def _section_text(section: Section) -> str:
    parts = [f"*{section.heading}*"]
    if section.body:
        parts.append(section.body)
    if section.points:
        parts.append(messages.bullet_list(section.points))
    return "\n".join(parts)


def _next_button(slug: str, library: Library) -> Choice:
    following = ALL_TOPICS[(ALL_TOPICS.index(slug) + 1) % len(ALL_TOPICS)]
    return Choice(_("Next: {title}").format(title=library.title(following)), f"learn {following}")


def overview_replies(library: Library) -> list[Reply]:
    overview = library.overview
    replies: list[Reply] = [
        Card(
            title=overview.title,
            body=overview.intro,
            buttons=(Choice(_("Start with the Challenge"), "learn challenge"),),
        )
    ]
    replies += [Text(_section_text(section)) for section in overview.sections]
    sources = "; ".join(f"{c.authors} ({c.year}), _{c.work}_" for c in overview.citation)
    replies.append(Text(_("Sources: {sources}.").format(sources=sources)))
    return replies


def overview_in_brief(library: Library) -> list[Reply]:
    """ "whats the framework again in 2 sentences": the overview's opening, and the way to the
    rest (the whole overview is five sections and a list of sources)."""
    overview = library.overview
    buttons = (
        Choice(_("Start with the Challenge"), "learn challenge"),
        Choice(_("The whole framework"), "learn"),
    )
    return [Card(title=overview.title, body=overview.in_brief, buttons=buttons)]


def nudge_topic_replies(topic: NudgeTopic, library: Library) -> list[Reply]:
    replies: list[Reply] = [
        Card(title=topic.title, body=f"{topic.summary}\n\n{topic.why_it_matters}")
    ]
    if topic.for_educators and topic.for_families:
        replies.append(
            Text(
                _("*For educators*\n{educators}\n\n*For families*\n{families}").format(
                    educators=topic.for_educators, families=topic.for_families
                )
            )
        )
    replies.append(Text(_("*What it looks like*") + "\n" + messages.bullet_list(topic.in_practice)))
    replies.append(Text(_("*Watch out for*") + "\n" + messages.bullet_list(topic.pitfalls)))
    first_action = topic.quick_actions[0].text  # `learn` is the same for every role
    replies.append(
        Card(
            title=_("Try it"),
            body=_cite(topic.citation)
            + "\n"
            + _("One thing to try this week: {action}").format(action=first_action),
            buttons=(
                Choice(_("Reflect on this"), f"reflect {topic.slug}"),
                _next_button(topic.slug, library),
            ),
        )
    )
    return replies


def learn_only_replies(topic: LearnOnlyTopic, library: Library) -> list[Reply]:
    replies: list[Reply] = [Card(title=topic.title, body=topic.summary)]
    replies += [Text(_section_text(section)) for section in topic.sections]
    replies.append(
        Card(
            title=_("Keep going"),
            body=_cite(topic.citation),
            buttons=(_next_button(topic.slug, library),),
        )
    )
    return replies


def overview_part(library: Library, typed: str) -> list[Reply]:
    """The overview's sections that `typed` names ("4 Cs", "essential conditions": parts no
    one topic is; "learn 4 Cs" had been "I don't know the topic 4 Cs"), or none."""
    wanted = _plain(typed)
    named = [s for s in library.overview.sections if wanted in {_plain(aka) for aka in s.aka}]
    return [Text(_section_text(section)) for section in named]


def overview_part_asked(library: Library, text: str) -> list[Reply]:
    """The overview's sections a question names among its words ("what are the 4 Cs again",
    "qué son las condiciones esenciales del marco?": it had been the framework's opening,
    which names the parts without telling them), or none."""
    said = f" {_plain(text).strip(' ?¿!.')} "
    named = [
        section
        for section in library.overview.sections
        if any(f" {_plain(aka)} " in said for aka in section.aka if len(_plain(aka)) > 2)
    ]
    return [Text(_section_text(section)) for section in named]


def _plain(typed: str) -> str:
    return " ".join(typed.casefold().replace("'", "").replace("’", "").split())


def handle_learn(turn: Turn, args: str) -> list[Reply]:
    library = turn.library
    if not args:
        return overview_replies(library)
    part = overview_part(library, args)
    if part:
        return part
    slug = topic_named(library, args)
    if slug is None:
        return unknown_topic_reply(library, args)
    if slug in NUDGE_TOPICS:
        return nudge_topic_replies(library.topics[slug], library)
    return learn_only_replies(library.learn_only[slug], library)
