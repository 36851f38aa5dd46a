"""What a second writer's tired educators typed in the middle of a reflection (session 34,
tests/data/understanding/reflection_midflow_sweep2.yaml): a question about a family put at
the end of a story, a note home asked for, "does this even apply to me", a language, the
weekly nudges, a little time. Each is answered beside the question, which is asked again;
none is saved as the reflection's answer (each had been, "Thanks, I see what you mean")."""

from __future__ import annotations

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.dialog import Conversation

FIRST_ANSWER = "I called Ana's mom on Tuesday to tell her Ana helped a classmate, she was so happy"
SECOND_ANSWER = "we talked about reading at home, she reads with her every night in spanish"


def at_the_first_question(app: CoachApp) -> Conversation:
    educator = Conversation(app.coach)
    educator.says("reflect relational")
    return educator


def reaches_the_options(educator: Conversation) -> str:
    educator.says(FIRST_ANSWER)
    reply = educator.says(SECOND_ANSWER)
    if "Last step" not in reply:  # a probe first
        reply = educator.says(SECOND_ANSWER)
    assert "Last step" in reply
    return reply


def finishes_the_reflection(educator: Conversation) -> str:
    reaches_the_options(educator)
    return educator.says("1")


def test_a_story_ending_in_a_question_for_the_coach_is_answered_not_kept(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("a parent wants my cell number. do i give it??")
    assert "district's policy" in reply
    assert "Question 1 of 2" in reply and "Question 2 of 2" not in reply
    finishes_the_reflection(educator)
    assert "cell number" not in educator.says("journal")


def test_a_story_whose_question_is_not_the_last_word_is_the_answer(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says(
        "Probably the Whites. Should I call or text first? I think text since dad works days"
    )
    assert "Question 2 of 2" in reply or "a little more" in reply


def test_a_grandparent_not_on_the_pickup_list_gets_the_safe_answer(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("what do i do if a grandparent shows up to pick up and isnt on the list")
    assert "only to an adult on file" in reply and "Question 1 of 2" in reply


def test_a_family_question_with_nothing_ready_is_answered_when_the_reflection_ends(
    app: CoachApp,
) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("what should i say to a parent who thinks im picking on her daughter")
    kept = replies_in("en").intents
    assert kept.asked_kept_for_later in reply and "Question 1 of 2" in reply
    done = finishes_the_reflection(educator)
    assert "Saved to your journal" in done
    after = done.split(kept.asked_kept_then, 1)
    assert len(after) == 2 and "I don't have a ready answer" not in after[1]
    assert len(after[1].strip()) > 40
    assert "picking on" not in educator.says("journal")


def test_a_kept_question_is_still_answered_when_the_reflection_is_cancelled(
    app: CoachApp,
) -> None:
    educator = at_the_first_question(app)
    educator.says("what should i say to a parent who thinks im picking on her daughter")
    reply = educator.says("cancel")
    assert replies_in("en").intents.asked_kept_then in reply


def test_a_note_home_asked_for_is_written_once_the_reflection_ends(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says(
        "write me a text to send a dad who keeps no-showing conferences. NOT passive aggressive"
    )
    assert replies_in("en").intents.draft_kept_for_later in reply
    assert "Question 1 of 2" in reply
    done = finishes_the_reflection(educator)
    assert "Saved to your journal" in done and "Let's write a short note home" in done


def test_a_note_home_asked_for_at_the_action_step_is_not_the_week_s_action(
    app: CoachApp,
) -> None:
    educator = at_the_first_question(app)
    reaches_the_options(educator)
    reply = educator.says("help me write the text to Jada's mom first")
    assert "Saved to your journal" not in reply and "pick one small action" in reply


def test_asking_for_leave_to_text_is_no_request_for_a_note(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("can i just text his mom instead?")
    assert replies_in("en").intents.draft_kept_for_later not in reply


def test_a_role_asked_about_is_told_it_applies_and_asked_again(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("i'm a school nurse not a teacher - does this apply?")
    assert "It does" in reply and "Question 1 of 2" in reply
    secretary = at_the_first_question(app)
    reply = secretary.says("im the front office secretary, do i even answer this")
    assert "It does" in reply and "Question 1 of 2" in reply


def test_english_asked_for_beside_spanish_named_switches_to_english(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    educator.says("language es")
    reply = educator.says("english please, i clicked spanish by accident")
    assert "Question 1 of 2" in reply and "Pregunta" not in reply


def test_spanish_asked_for_beside_english_named_switches_to_spanish(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("puedes hablarme en español? my english is fine but im tired")
    assert "Pregunta 1 de 2" in reply


def test_the_tuesday_reminders_moved_to_lunch_in_a_reflection(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("can the tuesday reminders come at lunch instead")
    assert "12:00" in reply and "Question 1 of 2" in reply


def test_nudges_about_a_group_of_families_asked_over_the_options_is_no_action(
    app: CoachApp,
) -> None:
    # Session 35: "could the tips be about IEP families" had been saved as the week's action
    # ("The tips be about IEP families").
    educator = at_the_first_question(app)
    reaches_the_options(educator)
    reply = educator.says("could the tips be about IEP families")
    assert "IEP" in reply and "Last step" in reply and "Saved to your journal" not in reply


def test_asked_what_the_nudges_are_for_is_explained_and_changes_nothing(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says("what are the monday messages even for? i thought this was optional")
    assert replies_in("en").intents.nudges_what_for in reply
    assert "Weekly nudges: off" in educator.says("nudges")


def test_nudges_by_email_are_told_they_come_only_here(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("can i get the reminder by email instead of teams")
    assert replies_in("en").intents.nudges_only_here in reply and "Question 1 of 2" in reply


def test_a_little_time_said_is_told_how_short_it_is(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("i have 5 min tops")
    assert "a few minutes in all" in reply and "Question 1 of 2" in reply


def test_worn_out_by_reflecting_is_told_it_keeps(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("honestly im so done reflecting this week")
    assert "holding your place" in reply and "Question 1 of 2" in reply


def test_a_tease_is_taken_lightly(app: CoachApp) -> None:
    educator = at_the_first_question(app)
    reply = educator.says("lol ok robot")
    assert "PD survey" in reply and "Question 1 of 2" in reply


def test_a_role_told_at_length_then_asked_about_at_the_end_is_told_it_applies(
    app: CoachApp,
) -> None:
    # Session 35: had been kept as the answer ("Noted, I'm a resource teacher").
    educator = at_the_first_question(app)
    reply = educator.says(
        "I'm a resource teacher, I don't really have a class. My kids come from eleven "
        "different classrooms. Does this question even apply to me?"
    )
    assert "It does" in reply and "Question 1 of 2" in reply
