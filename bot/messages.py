"""Every sentence the coach says that is not framework content.

Kept in one module so wording is reviewed in one place and adapters never
build educator-facing text inline.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.i18n import Msg

MAX_MESSAGE_CHARS = 4000
MAX_ANSWER_CHARS = 2000

HELP = Msg(
    "Hi! I'm Partnership Coach. I help you build strong partnerships with families, "
    "a few minutes a week, using the Dual Capacity-Building Framework (Mapp & Kuttner, 2013; "
    "Mapp & Bergman, 2019).\n"
    "Here's what you can type:\n"
    "• `learn` or `learn TOPIC`: the framework, one part at a time\n"
    "• `reflect` or `reflect TOPIC`: a short guided reflection that ends with one small action\n"
    "• `journal`: your recent reflections and how your actions went\n"
    "• `nudges`: a weekly nudge at a day and time you choose (`nudges on` to start)\n"
    "• `assess`: a quick self-check that suggests a focus\n"
    "• `reframe TEXT`: a second look at a sentence you wrote about families\n"
    "• `draft`: help writing a short message home, in English or Spanish\n"
    "• `profile`: your role and grades, so I offer what fits your work first\n"
    "• `export` / `forget`: see or delete everything I keep about you\n"
    "• `cancel`: leave a reflection at any point"
)
HELP_IN_FLOW = Msg(
    "You're in the middle of your {title}; I kept your place. Type `cancel` to leave it."
)

EMPTY_MESSAGE = Msg("I didn't catch anything there. Type `help` to see what I can do.")
# Inside a reflection an empty message is most often a stray Enter: stay with the question.
EMPTY_IN_FLOW = Msg("That one came through empty, so I saved nothing. Here's where we were:")
NOTHING_NUMBERED = Msg(
    "There's nothing to pick by number right now. Type `reflect` for a five-minute "
    "reflection, or `help` to see everything I can do."
)
NO_WORDS = Msg(
    "I read words better than emoji 🙂 Type `reflect` for a five-minute reflection, "
    "or `help` to see everything I can do."
)
TOO_LONG = Msg(
    "That message is {length:,} characters, more than I can take at once ({limit:,}). "
    "Could you send a shorter version? Nothing you've already saved is lost."
)
STORAGE_DOWN = Msg(
    "Sorry, I can't reach my storage right now, so I didn't change anything. "
    "Everything you've saved is safe. Please try again in a minute."
)
SOMETHING_WENT_WRONG = Msg(
    "Sorry, something went wrong on my side and I didn't change anything. "
    "Please try again; if it keeps happening, tell whoever set me up at your school."
)
SEALED_TEXT_UNREADABLE = Msg(
    "Sorry, I can't open what you saved with me right now: it's encrypted, and my encryption "
    "key isn't set up the way it was when you saved it. Nothing is lost and I didn't change "
    "anything. Please let whoever set me up at your school know (they'll see a note about "
    "the encryption key in my logs)."
)

UNKNOWN_COMMAND = Msg("I don't know `{word}` yet.")
DID_YOU_MEAN = Msg("Did you mean `{suggestion}`?")
TRY_HELP = Msg("Type `help` to see what I can do.")
NOT_SURE_WHAT_TO_DO = Msg(
    "I'm not sure what you'd like me to do with that. You can ask me a question about working "
    "with families, type `reflect` to think a week through, or `help` to see everything."
)

UNKNOWN_TOPIC = Msg("I don't know the topic `{topic}`.")
TOPIC_LIST_HEADER = Msg("The topics are:")

CANCELLED = Msg(
    "Okay, I've left your {title}. Nothing from it was saved. Type `help` whenever you like."
)
NOTHING_TO_CANCEL = Msg("There's nothing to cancel right now. Type `help` to see what I can do.")
STALE_BUTTON = Msg(
    "That button belongs to a conversation that has already finished. "
    "Type `reflect` to start a new reflection or `journal` to see saved ones."
)
# `reframe` of what someone else said ("my principal says our families don't care").
REFRAME_SAID_TO_YOU = Msg("You're quoting someone, so here is a second look at what they said.")
REFRAME_ANSWER_IT = Msg(
    'To answer it in the moment, a question often works better than a correction: "What have '
    'you seen that makes you think so?", or the story of one family you know who shows '
    "the opposite."
)
PICK_AN_OPTION = Msg(
    "Please pick one of the options (a number works too), or type `cancel` to leave."
)
NOT_AN_OPTION = Msg(
    "There's no option {number} here. Pick one of the numbers shown, or type your answer in "
    "your own words."
)
STILL_IN_FLOW = Msg("Your {title} is still open: answer above to go on, or type `cancel`.")
CLOSED_UNTOUCHED = Msg("I've closed your {title}; nothing in it was answered yet.")
FORGET_IN_FLOW = Msg(
    "To delete everything I keep about you, type `cancel` to close your {title}, then "
    "`forget`. Or answer above to go on."
)
WEARY_IN_FLOW = Msg(
    "That's fine, it can wait. Type `cancel` to stop the {title} here, or pick an answer above "
    "to go on."
)

# Reflection
REFLECT_INTRO = Msg(
    "Let's reflect on *{title}*: {summary}\n"
    "Two quick questions, then you'll pick one small action for this week."
)
FOLLOWUP_QUESTION = Msg(
    "First, last time ({date}, {title}) you planned to: _{action}_\nHow did it go?"
)
FOLLOWUP_NOTE = Msg(
    "Anything you'd like to note about how it went? Write a line, or pick *No note*."
)
FOLLOWUP_THANKS = Msg("Thanks, noted.")
PROMPT_LABEL = Msg("Question {number} of {total}: {prompt}")
ACTION_QUESTION = Msg(
    "Last step: pick one small action for this week (each takes under 10 minutes), "
    "or write your own."
)
ONE_FOR_THIS_WEEK = Msg("One is plenty for this week: which would you start with?")
ACTION_OWN = Msg("What's one small thing you'll do this week? One sentence is plenty.")
REFLECTION_SAVED = Msg(
    "Saved to your journal. Your action for this week: _{action}_\n"
    "Next time, I'll ask how it went. Type `journal` to see your reflections."
)
NO_NOTE = Msg("No note")
# Typed instead of the Skip button, in either language (the button labels among them: a
# Spanish educator who typed "omitir" had it saved as their answer).
SKIP_WORDS = frozenset(
    ["skip", "skip it", "skip this", "skip this one", "skip this question", "pass", "next",
     "no note", "none", "n/a", "omitir", "saltar", "saltar esta", "saltar esta pregunta",
     "paso", "siguiente", "sin nota", "ninguna", "ninguno"]
)  # fmt: skip


def says_skip(text: str) -> bool:
    """ "skip", "Skip.", "omitir", "next!": the educator passes on this question."""
    return text.strip().casefold().rstrip(".!") in SKIP_WORDS


# Reframing
REFRAME_USAGE = Msg(
    "Type `reframe` followed by a sentence you wrote about families or students, for example "
    "`reframe Some parents never come to anything.` I'll point out framing that can get in "
    "the way of partnership and suggest another way to say it. I don't keep the sentence."
)
REFRAME_SEND_NEXT = Msg("Or just send me the sentence now.")
REFRAME_OFF = Msg(
    "Okay, no more notes on wording during reflections. `reframe on` brings them back."
)
REFRAME_ON = Msg(
    "Okay, I'll offer at most one note on wording per reflection. `reframe off` stops them."
)
REFRAME_OFFER = Msg(
    "A gentle thought on wording, then we'll go on: “{phrase}”. {why} "
    "You might say “{instead}” instead. Your answer is saved as you wrote it "
    "(`reframe off` stops these notes)."
)
# When one answer holds several framings: one offer that names each, in order.
REFRAME_OFFER_QUESTION = Msg(
    "A gentle thought on wording, then we'll go on: “{phrase}”. {why} {question} "
    "Your answer is saved as you wrote it (`reframe off` stops these notes)."
)
REFRAME_OFFER_MANY = Msg("A gentle thought on wording, then we'll go on. {why}")
REFRAME_OFFER_LINE = Msg("• “{phrase}”: you might say “{instead}”.")
REFRAME_OFFER_TOGETHER = Msg("All of it together: “{sentence}”")
REFRAME_OFFER_END = Msg("Your answer is saved as you wrote it (`reframe off` stops these notes).")
# The same note on something told outside a conversation (nothing saved, nothing to go on to).
REFRAME_TOLD = Msg(
    "A gentle thought on wording: “{phrase}”. {why} You might say “{instead}” instead. "
    "(`reframe off` stops these notes.)"
)
REFRAME_TOLD_QUESTION = Msg(
    "A gentle thought on wording: “{phrase}”. {why} {question} (`reframe off` stops these notes.)"
)
REFRAME_TOLD_MANY = Msg("A gentle thought on wording. {why}")
REFRAME_TOLD_END = Msg("(`reframe off` stops these notes.)")

# Journal
JOURNAL_EMPTY = Msg("Your journal is empty so far. Type `reflect` to write your first entry.")
JOURNAL_HEADER = Msg("Your recent reflections (newest first):")
JOURNAL_OWN_WORDS = Msg("    You wrote: “{answer}”")
JOURNAL_CHECKIN_QUESTION = Msg("Your action from {date} ({title}) was: _{action}_\nHow did it go?")
# The same, within the hour the action was chosen: it cannot have gone anywhere yet.
JOURNAL_CHECKIN_LATER = Msg(
    "Your action for this week ({title}): _{action}_\nOnce you've done it, tell me how it went:"
)
JOURNAL_ENTRY = Msg("• {date}, *{title}*: {action}\n    How it went: {status}")

FOLLOW_THROUGH = Msg(
    "*Follow-through so far:* {planned} planned: {done} done, {partly} partly, "
    "{not_yet} not yet, {waiting} waiting for a check-in."
)
FOLLOW_THROUGH_TOPIC = Msg("• {title}: {done} of {planned} done")

STATUS_LABELS = {
    "planned": Msg("not checked in yet"),
    "done": Msg("done"),
    "partly": Msg("partly done"),
    "not_yet": Msg("not yet"),
}


ACTIONS_COUNTED = (Msg("{count} action"), Msg("{count} actions"))


def counted(count: int, forms: tuple[Msg, Msg]) -> str:
    """'1 action', '3 actions': English and Spanish both use the first form for one only."""
    one, many = forms
    return (one if count == 1 else many).format(count=count)


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


# Welcome when the coach is installed (Teams personal chat or team)
WELCOME_TITLE = Msg("Welcome to Partnership Coach")
WELCOME_BODY = Msg(
    "I help you build strong partnerships with families, a few minutes a week, using the "
    "Dual Capacity-Building Framework. Start a short reflection, learn the framework, "
    "or type `help` any time to see everything I can do."
)
WELCOME_CHANNEL_BODY = Msg(
    "I help this team build strong partnerships with families. Mention me with `help` to see "
    "what I can do, or chat with me directly for your own reflections and weekly nudges."
)
WELCOME_BUTTONS = (
    (Msg("Start a reflection"), "reflect"),
    (Msg("Learn the framework"), "learn"),
    (Msg("Fit it to my role"), "profile"),
    (Msg("What can you do?"), "help"),
)
# In a team channel or group chat: what the channel itself can use. A reflection is one
# educator's own, so it is offered in their personal chat, never here.
WELCOME_CHANNEL_BUTTONS = (
    (Msg("What can you do?"), "help"),
    (Msg("Weekly team prompts"), "channel"),
)

# Language (`language en|es`). LANGUAGE_SET is said in the language just chosen, so each
# catalogue names its own language.
LANGUAGE_NOW = Msg("I'm speaking English with you. Which language would you like?")
LANGUAGE_SET = Msg(
    "Okay, I'll speak English with you from now on. Type `language es` for Spanish any time."
)
LANGUAGE_UNKNOWN = Msg("I can speak English or Spanish; I don't know `{word}`. Which one?")
# A first message in Spanish from someone who never chose: offered once they write it.
LANGUAGE_OFFER = Msg(
    "Parece que escribe en español. ¿Prefiere que le hable en español? "
    "(It looks like you wrote in Spanish. Would you like me to speak Spanish?)"
)
