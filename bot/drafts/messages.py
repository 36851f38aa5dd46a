"""What the coach says while helping write a message home (the family-facing words are
templates in content/drafts.yaml)."""

from bot.i18n import Msg

TITLE = Msg("message home")
PURPOSE_QUESTION = Msg(
    "Let's write a short note home. What is it for? (Short, specific notes, sent often, make "
    "a real difference: Kraft & Rogers, 2015.)"
)
# The purpose was in the request ("write a text to grandma saying jose did great"): named,
# not asked.
PURPOSE_HEARD = Msg("Let's write a short note home: {purpose}.")
# ...and the child (and the moment) were in it too: not asked again.
TOLD_KEPT = Msg("I'll use what you told me about {child}.")
KEPT_AHEAD = Msg("Thanks, I kept that for the note and won't ask for it again. First, one choice:")
# "Is it okay to use his son to translate?" typed where a choice is asked: not for the note.
QUESTION_NOT_FOR_THE_NOTE = Msg(
    "That sounds like a question for me, so I haven't put it in the note. Ask it again once "
    "the note is done (or type `cancel` to leave the note), and I'll answer it. First, one "
    "choice:"
)
# "reply to a mom who emails me angry stuff at midnight...": told to the coach about the note,
# never pasted into it.
TOLD_ABOUT_THE_NOTE = Msg(
    "Thanks, that helps me see what the note is for. I'll build it from a few short details "
    "next, in words meant for the family. First, one choice:"
)
# "idk what should i put here" at a choice: help choosing, never words for the note.
UNSURE_LANGUAGE = Msg(
    "If you're not sure, pick the language the family used the last time they wrote or called; "
    "the office usually has it on file."
)
UNSURE_PURPOSE = Msg(
    "Pick what the note is mostly for. If nothing comes to mind, good news about one thing "
    "their child did (the first one) is always a fine start."
)
# "make it shorter pls" typed before there is a note: the tone, kept for when there is.
TONE_KEPT_AHEAD = {
    "brief": Msg("Short it is: I'll keep the note brief. First, one choice:"),
    "warm": Msg("Warm it is: I'll keep the note warm. First, one choice:"),
}
TONE_KEPT_FOR_THE_NOTE = {
    "brief": Msg("Short it is: I'll keep the note brief when I write it."),
    "warm": Msg("Got it: I'll keep the note warm and plain when I write it."),
}
# The time offered when the educator has none to propose ("idk, whenever she wants").
ANY_TIME = Msg("a short call at a time that works for you")
LANGUAGE_QUESTION = Msg("Which language does the family read best?")
# A note for every family at an event is written for many households, not one.
LANGUAGE_QUESTION_EVENT = Msg("Which language should this note go out in?")
LANGUAGE_ENGLISH = Msg("English")
LANGUAGE_SPANISH = Msg("Español")
IN_SPANISH_HINT = Msg(
    "The note will be in Spanish. Type your answers the way the family should read them "
    "(in Spanish, if you can): I put your words in exactly as you write them."
)
TONE_QUESTION = Msg("Warm, or brief?")
TONE_WARM = Msg("Warm")
TONE_BRIEF = Msg("Brief")
SKIP_NAME = Msg("Skip the name")
DRAFT_TITLE = Msg("Your draft")
DRAFT_NOTE = Msg(
    "Copy it into your email, texting app or school messaging tool, and change anything you "
    "like. Every detail in it is something you told me."
)
# After switching the note's language: the educator's words were not translated.
OTHER_LANGUAGE_NOTE_ENGLISH = Msg(
    "Your own words stay exactly as you typed them; check they read well in English."
)
OTHER_LANGUAGE_NOTE_SPANISH = Msg(
    "Your own words stay exactly as you typed them; check they read well in Spanish."
)
# More than a name typed where the educator's name is asked.
NOT_YOUR_NAME = Msg(
    "That reads like more than your name, so I've kept it out of the note. Just how families "
    "address you is enough here:"
)
# "i dont really speak spanish", typed into a note in Spanish.
NO_SPANISH_HEARD = Msg(
    "Then I'll write the note in English. Before it goes, ask the district's translation "
    "service or a bilingual colleague to put it into Spanish: families should get school news "
    "in the language they read best."
)
# "both?" at the language question: English first, Spanish a tap away.
BOTH_LANGUAGES = Msg(
    "Both it is: I'll write it in {first} first, and the “{button}” button under the draft gives "
    "the same note in {other} to send alongside."
)
# "help me write an email to my principal", "no es para la familia, es para la maestra".
NOT_FOR_STAFF = Msg(
    "I only write notes to families, so this one is yours to write (I've kept nothing of it). "
    "For a note to a colleague, three lines do it: what you noticed, what you'd like, and when "
    "you could talk."
)
# "I'll just write it myself": the draft left, nothing kept.
WRITING_IT_THEMSELVES = Msg(
    "Sounds good: you know this family best, and a note in your own words is the best kind. "
    "I haven't kept anything from this draft. `draft` is here whenever you want a start."
)
# ...and said with no draft begun ("ill write it myself" after one was done): nothing begun.
WRITING_IT_THEMSELVES_UNASKED = Msg(
    "Sounds good: a note in your own words is the best kind. `draft` is here whenever you "
    "want a start."
)
# "I can translate it myself, I'm Vietnamese": kept out of the note, which is in English.
TRANSLATING_HEARD = Msg(
    "Good: you'll put it into the family's language yourself, so here it is in English to "
    "start from, and that line stays out of the note."
)
# "i dont want it to sound like a truancy letter": heard, and kept out of the note.
HOW_IT_SOUNDS_HEARD = Msg(
    "Understood: I'll keep that out of the note itself and keep it to plain facts and an open door."
)
ENGLISH_IN_A_SPANISH_NOTE = Msg(
    "Some of what you typed is in English and stays as typed: have it put into Spanish before "
    "it goes (the district's translation service or a bilingual colleague)."
)
WHO_TOLD_YOU = Msg(
    "The note says who told you (“{words}”): think about whether the family should read that "
    "before you send it."
)
# "I want to thank her for speaking... and ask her to meet": notes to oneself in the note.
ABOUT_THE_READER = Msg(
    "Some of what you typed speaks about the family (“{words}”) rather than to them, and it "
    "is in the note as you typed it: put it as you'd say it to them (“Thank you for...”, "
    "“Would you meet with me...”) before it goes."
)
LANGUAGE_NOT_OFFERED = Msg(
    "I can write notes only in English and Spanish for now, so I won't guess at {language}. "
    "Two good ways to reach this family: write the note here in English and ask your "
    "district's language services or a trusted interpreter to translate it, or call with an "
    "interpreter on the line."
)
ANOTHER = Msg("Another version")
SHORTER = Msg("Shorter")
IN_SPANISH = Msg("En español")
IN_ENGLISH = Msg("In English")
SAVE = Msg("Save to my journal")
DONE = Msg("Done")
SAVED = Msg(
    "Saved to your journal. Next week I'll ask whether it went out and whether the family "
    "wrote back."
)
FINISHED = Msg("Good luck with it. Nothing of this draft is kept: only that you wrote one.")
SAVED_BESIDE_ACTION = Msg(
    "Saved to your journal, beside this week's action: _{action}_. Next week I'll ask how that "
    "went."
)
EDIT_NOT_FOUND = Msg("I couldn't find “{words}” in the note, so nothing changed.")
ALREADY_SAVED = Msg("That draft is already in your journal.")
SEND_ACTION = Msg("Send the message home you drafted ({purpose})")
SEND_ACTION_FOR = Msg("Send the message home you drafted for {child}'s family ({purpose})")
FAMILY_ANSWERED = Msg("Did the family write back? (optional, a few words)")
TOO_LONG = Msg(
    "That's {length:,} characters; a note home works best with one or two sentences. Could "
    "you say it more briefly? I haven't used what you wrote, and nothing else is lost."
)
EMPTY = Msg("I didn't catch anything there. {question}")
VAGUE = Msg(
    "Families remember the specific. What did you see {who} do? One moment is enough, e.g. "
    '"asked a question that got the whole table thinking".'
)
ONE_CHILD = Msg(
    "One child per note works best: a family wants to read about their own child. Which "
    "child first? You can write the next note right after this one."
)
NEEDS_WORDS = Msg(
    "This part of the note needs a few of your own words: I only put in what you tell me. "
    "(Type `cancel` to stop.)"
)
NOT_A_NAME = Msg("Just the child's first name, please (or skip it).")
DEFICIT = Msg('Before this goes to a family: {why}\nHow about: "{rewrite}"')
DEFICIT_NO_REWRITE = Msg("Before this goes to a family: {why} {question}")
USE_REWRITE = Msg("Use the new wording")
KEEP_MINE = Msg("Keep mine")
WRITE_AGAIN = Msg("Write it again")
WRITE_AGAIN_ASK = Msg("Go ahead: {question}")
DRAFT_IN_REFLECTION = Msg(
    "I kept that with your answer. When we finish this reflection, type `draft` and I'll "
    "help you write the message itself."
)
DRAFT_IT_NOW = Msg("Draft it now")
DRAFT_IT_NOW_TITLE = Msg("Saved")
