"""What the coach says while helping write a message home (the family-facing words are
templates in content/drafts.yaml)."""

TITLE = "message home"
PURPOSE_QUESTION = (
    "Let's write a short note home. What is it for? (Short, specific notes, sent often, make "
    "a real difference: Kraft & Rogers, 2015.)"
)
LANGUAGE_QUESTION = "Which language does the family read best?"
LANGUAGE_ENGLISH = "English"
LANGUAGE_SPANISH = "Español"
IN_SPANISH_HINT = (
    "The note will be in Spanish. Type your answers the way the family should read them "
    "(in Spanish, if you can): I put your words in exactly as you write them."
)
TONE_QUESTION = "Warm, or brief?"
TONE_WARM = "Warm"
TONE_BRIEF = "Brief"
SKIP_NAME = "Skip the name"
DRAFT_TITLE = "Your draft"
DRAFT_NOTE = (
    "Copy it into your email, texting app or school messaging tool, and change anything you "
    "like. Every detail in it is something you told me."
)
OTHER_LANGUAGE_NOTE = (
    "Your own words stay exactly as you typed them; check they read well in {language}."
)
ANOTHER = "Another version"
SHORTER = "Shorter"
IN_SPANISH = "En español"
IN_ENGLISH = "In English"
SAVE = "Save to my journal"
DONE = "Done"
SAVED = (
    "Saved to your journal. Next week I'll ask whether it went out and whether the family "
    "wrote back."
)
FINISHED = "Good luck with it. Nothing of this draft is kept: only that you wrote one."
ALREADY_SAVED = "That draft is already in your journal."
SEND_ACTION = "Send the message home you drafted ({purpose})"
SEND_ACTION_FOR = "Send the message home you drafted for {child}'s family ({purpose})"
FAMILY_ANSWERED = "Did the family write back? (optional, a few words)"
TOO_LONG = (
    "That's {length:,} characters; a note home works best with one or two sentences. Could "
    "you say it more briefly? I haven't used what you wrote, and nothing else is lost."
)
EMPTY = "I didn't catch anything there. {question}"
VAGUE = (
    "Families remember the specific. What did you see {who} do? One moment is enough, e.g. "
    '"asked a question that got the whole table thinking".'
)
ONE_CHILD = (
    "One child per note works best: a family wants to read about their own child. Which "
    "child first? You can write the next note right after this one."
)
NEEDS_WORDS = (
    "This part of the note needs a few of your own words: I only put in what you tell me. "
    "(Type `cancel` to stop.)"
)
NOT_A_NAME = "Just the child's first name, please (or skip it)."
DEFICIT = 'Before this goes to a family: {why}\nHow about: "{rewrite}"'
DEFICIT_NO_REWRITE = "Before this goes to a family: {why} {question}"
USE_REWRITE = "Use the new wording"
KEEP_MINE = "Keep mine"
WRITE_AGAIN = "Write it again"
WRITE_AGAIN_ASK = "Go ahead: {question}"
DRAFT_IN_REFLECTION = (
    "I kept that with your answer. When we finish this reflection, type `draft` and I'll "
    "help you write the message itself."
)
DRAFT_IT_NOW = "Draft it now"
DRAFT_IT_NOW_TITLE = "Saved"
