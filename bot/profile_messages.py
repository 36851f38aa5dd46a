"""What `profile` and the first hello say. The roles' and bands' own words are content
(content/profiles.yaml)."""

from bot.i18n import Msg

PROFILE_SHOWN = Msg(
    "*Your profile*\nRole: {role}\nGrades: {grades}\n\n"
    "I use it to choose what to offer you first: reflection questions, actions and weekly "
    "nudges written for your work. Nothing is hidden from anyone: `learn` shows it all."
)
PROFILE_CHANGE = Msg(
    "To change it, type `profile role` or `profile grades` and I'll show the choices."
)
ROLE_ALREADY = Msg("Got it; you're already set as {label}.")
NOT_SET = Msg("not set")
ROLE_QUESTION = Msg("What's your role? I'll offer what fits your work first.")
GRADES_QUESTION = Msg("Which grades do you work with?")
FIRST_HELLO = Msg(
    "One quick question so I can fit my suggestions to your work (skip it if you like): "
    "what's your role?"
)
SKIP = Msg("Skip")
ROLE_SAVED = Msg("Got it: you're {described}. {offers}")
GRADES_SAVED = Msg(
    "Got it: {label}. Where there's a version written for those grades, you'll get it first."
)
SKIPPED = Msg("No problem. Tell me any time with `profile`.")
READY = Msg(
    "You're set. Try `reflect` for a five-minute reflection that starts with what fits your work."
)
UNKNOWN_ROLE = Msg(
    'I don\'t know the role "{typed}". Pick one: teacher; leader (principal, assistant '
    "principal, district); counselor (counselor, social worker, psychologist); liaison "
    "(family or community liaison); or other."
)
UNKNOWN_GRADES = Msg(
    'I don\'t know the grades "{typed}". Pick one: elementary, middle, high, or all.'
)
USAGE = Msg(
    "`profile` shows who I think you are. Change it with `profile role leader` (teacher, "
    "leader, counselor, liaison, other) or `profile grades high` (elementary, middle, high, all)."
)
OFFER = Msg(
    "Thanks for telling me you're {described}. Shall I set that as your role, so I offer "
    "what fits your work first?"
)
# "im a para not a teacher": offered the role that fits, without being told they hold it.
OFFER_BESIDE = Msg(
    "Thanks for telling me about your work. The {label} role fits it best: it keeps "
    "reflections and nudges close to the classroom and its families. Shall I set it, or "
    "another role?"
)
OFFER_YES = Msg("Yes, set {label}")
OFFER_OTHER = Msg("No, {label}")
OFFER_ASIDE = Msg(
    "Thanks for telling me you're {described}. When we're done here, `profile role {role}` "
    "sets it, so I offer what fits your work first."
)
OFFER_ASIDE_UNCLEAR = Msg(
    "Thanks for telling me about your work. When we're done here, `profile` lets you set your "
    "role, so I offer what fits your work first."
)
