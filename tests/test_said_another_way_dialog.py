"""Requests said another way than the coach expected, from four educators played end to end
(session 35): a question asked again after a reply that missed it ("wow thanks so helpful. i
asked how to get them TO come" had been thanked back), a part of the framework not wanted, a
language asked for before a family is named, "never mind" before a request, a hello before
not knowing what this is."""

from __future__ import annotations

from bot.app import CoachApp
from content.understanding_schema import replies_in
from tests.clock import FakeClock
from tests.dialog import Conversation


def test_a_sarcastic_thanks_that_restates_the_question_gets_another_try(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    teacher.says("how do i get more parents to conferences")
    reply = teacher.says("wow thanks so helpful. i asked how to get them TO come")
    assert reply.startswith(replies_in("en").intents.asked_again)
    assert "You're welcome" not in reply and "Families come" in reply


def test_a_story_that_opens_with_i_asked_is_no_question_asked_again(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says("i asked mom how she was doing and she cried")
    assert replies_in("en").intents.asked_again not in reply


def test_reflect_on_anything_but_a_part_starts_another(app: CoachApp) -> None:
    # Session 35: "reflect something thats not relational" had started Relational again.
    teacher = Conversation(app.coach)
    reply = teacher.says("reflect something thats not relational")
    assert "Let's reflect on" in reply and "*Relational" not in reply


def test_a_language_asked_for_first_is_set_whatever_is_told_after(app: CoachApp) -> None:
    # Session 35: Daniela's mom named after the request had made it a question about her.
    teacher = Conversation(app.coach)
    reply = teacher.says(
        "Can you switch to Spanish? I want to practice a little before I talk to Daniela's mom."
    )
    assert "le hablo en español" in reply


def test_never_mind_before_a_request_is_no_cancel(app: CoachApp) -> None:
    # Session 35: "Okay. Never mind. Can we do a reflection...?" had been "No problem. I'm here".
    teacher = Conversation(app.coach)
    reply = teacher.says(
        "Okay. Never mind. Can we do a reflection about the IEP meeting with the advocate?"
    )
    assert "Let's reflect on" in reply


def test_a_hello_and_not_knowing_what_this_is_gets_a_hello(app: CoachApp) -> None:
    # Session 35: had been "That sounds like a lot, and it's fair to feel that way".
    teacher = Conversation(app.coach)
    reply = teacher.says(
        "Hi, I'm Renée. A colleague mentioned this might help. I'm not totally sure what this "
        "is, honestly."
    )
    assert "Partnership Coach" in reply and "That sounds like a lot," not in reply


def test_a_story_of_the_week_s_action_in_its_own_words_is_its_check_in(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 35: it had been read as a question about IEP meetings, named on the way.
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    teacher.says("I write in Theo's notebook every day but his dad hasn't written back.")
    teacher.says("Probably Theo's dad, I mostly send data.")
    teacher.clicks("Write my own")
    teacher.says(
        "Write one thing Theo enjoyed in his notebook and ask his dad a checkbox question."
    )
    clock.advance(days=7)
    reply = teacher.says(
        "I did the notebook thing with Theo. On Wednesday his dad wrote one line back. But "
        "Thursday and Friday it was blank again, and I had two IEP meetings."
    )
    assert "done, partly, or not yet?" in reply


def test_news_taken_for_a_question_is_owned_when_said(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says("I wasn't asking, I was just telling you")
    assert reply == replies_in("en").intents.only_telling_heard


def test_a_family_named_garcia_is_no_thanks(app: CoachApp) -> None:
    # Session 35: "the Garcias" had been read as "gracias" ("You're welcome").
    teacher = Conversation(app.coach)
    reply = teacher.says("my IEP meeting with the Garcias was today and it went really long")
    assert "You're welcome" not in reply


def test_a_new_step_typed_where_carrying_is_asked_is_carried(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 35: "mejor le digo en persona..." had been kept with how it went, and the old
    # action carried on the next "sí".
    para = Conversation(app.coach)
    para.says("language es")
    para.says("reflexionar relacional")
    para.says("con la mamá de Kevin, me dijo que he's been sick")
    reply = para.says("el papa de Jonathan, solo lo llamamos cuando se porta mal")
    assert "papá de Jonathan" in reply  # with its accent: "el papa" is the Pope
    para.says("mandarle una notita al papá de Jonathan de algo bueno que hizo")
    clock.advance(days=7)
    para.says("hola")
    para.says("mas o menos. la maestra dijo que si pero la nota se quedo en la mochila jaja")
    carried = para.says("mejor le digo en persona cuando recoge a Jonathan a la salida")
    assert "le digo en persona" in carried and "Es su acción para esta semana" in carried


def test_a_question_opening_an_answer_is_not_what_is_said_back(app: CoachApp) -> None:
    leader = Conversation(app.coach)
    leader.says("reflect relational")
    leader.says("Our front office is two people and they're slammed at 7:45 with late passes.")
    reply = leader.says(
        "Is this really the best use of my time? My bigger issue is teachers only calling "
        "with bad news."
    )
    assert "Is this really" not in reply.split("\n")[0]


def test_title_i_is_no_one_s_name(app: CoachApp) -> None:
    leader = Conversation(app.coach)
    leader.says("reflect sustained")
    reply = leader.says(
        "Our family night coordinator stipend comes from Title I and nobody has a plan if it "
        "goes away."
    )
    assert "naming Title" not in reply and "Title:" not in reply


def test_every_channel_tried_at_the_check_in_is_told_another_messenger(
    app: CoachApp, clock: FakeClock
) -> None:
    # Session 35: "like what channel tho. ive called, emailed, texted" had been told, again,
    # that a different channel may reach them.
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    teacher.says("idk. i have 148 kids. 6 families came to conferences. thats where im at")
    teacher.says("honestly most of them work, the Hall family never answers")
    teacher.says("3")
    clock.advance(days=7)
    teacher.says("hi")
    teacher.says("kinda. i texted jaylens dad. no answer. as usual")
    reply = teacher.says("like what channel tho. ive called, emailed, texted. nothing")
    assert replies_in("en").intents.tried_them_all in reply


def test_a_leader_asking_if_the_self_check_means_the_staff_is_told_how_to_read_it(
    app: CoachApp,
) -> None:
    leader = Conversation(app.coach)
    leader.says("assess")
    reply = leader.says(
        "I'm an AP with 900 kids. I don't personally reach out to every family. Do you mean "
        "my staff?"
    )
    assert "For a school leader, read each statement as your staff's practice" in reply
    assert "(1 of 13)" in reply
    assert "Fair question" in leader.says("what does this one mean?")


def test_a_question_typed_where_a_note_s_choice_is_asked_is_answered_not_kept(
    app: CoachApp,
) -> None:
    # Session 35: "Thanks, I kept that for the note", and the note then asked the parent it.
    counselor = Conversation(app.coach)
    counselor.says("draft")
    reply = counselor.says(
        "Is it okay to use his son to translate if the interpreter isn't available?"
    )
    assert "kept that for the note" not in reply and "What is it for?" in reply


def test_an_aside_in_brackets_is_left_out_of_the_note(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    teacher.says("draft introduce")
    teacher.says("1")
    teacher.says("Ms. Jess")
    teacher.says(
        "i want to say welcome and that they can message me anytime (is that too available?? lol)"
    )
    note = teacher.says("Mila")
    if "Warm, or brief?" in note:
        note = teacher.says("1")
    assert "too available" not in note and "message me anytime" in note


def at_the_options(app: CoachApp) -> Conversation:
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    teacher.says("I talked with Ana's mom at pickup about reading")
    assert "Last step" in teacher.says("the Lees, only about missing work")
    return teacher


def test_an_option_pushed_back_on_is_not_saved(app: CoachApp) -> None:
    teacher = at_the_options(app)
    reply = teacher.says("um the first one?? no thats not it and i dont want to do that lol")
    assert "Saved to your journal" not in reply and "not that one" in reply


def test_undo_just_after_saving_offers_the_options_again(app: CoachApp) -> None:
    teacher = at_the_options(app)
    teacher.says("1")
    assert "Pick another one" in teacher.says("NO wait thats not my action 😭 undo!!")


def test_how_to_answer_asked_at_a_question_is_told(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    teacher.says("reflect relational")
    reply = teacher.says("like do i just type what happened")
    assert reply.startswith(replies_in("en").stuck.how_to_answer) and "Question 1 of 2" in reply


def test_my_answer_given_after_a_question_replaces_the_answer_kept(app: CoachApp) -> None:
    counselor = Conversation(app.coach)
    counselor.says("reflect relational")
    counselor.says("Not long. At the 504 the mom got maybe two minutes before the AP took over.")
    counselor.says('wait, does "this week" mean since Monday? I\'ve talked to like 30 families')
    reply = counselor.says(
        "sorry, that was a question not my answer. My answer: Mr. Haddad, through the district "
        "interpreter. His son has been translating every letter."
    )
    assert "that's now your answer to question 2" in reply
    counselor.says("1")
    assert "Mr. Haddad, through the district interpreter" in counselor.says("journal")


def test_the_day_said_before_a_plan_stays_in_it(app: CoachApp) -> None:
    counselor = Conversation(app.coach)
    counselor.says("reflect relational")
    counselor.says("Mr. Haddad, through the district Arabic interpreter.")
    counselor.says("the Lees, only about missing work")
    reply = counselor.says("Thursday I'll book the interpreter and call Mr. Haddad")
    assert "_Thursday I'll book the interpreter" in reply


def test_a_counselor_who_followed_the_crisis_steps_is_told_what_comes_after(
    app: CoachApp,
) -> None:
    counselor = Conversation(app.coach)
    reply = counselor.says(
        "A sophomore disclosed self-harm to me. I followed protocol and called home, and the "
        'family said "we handle things at home" and declined the outside referral. What now?'
    )
    assert "You took the right first steps" in reply and "get your counselor" not in reply


def test_doesnt_apply_to_me_in_the_self_check_is_not_scored(app: CoachApp) -> None:
    counselor = Conversation(app.coach)
    counselor.says("assess")
    reply = counselor.says("that one doesn't really apply to me, I don't teach a class")
    assert "in your own role" in reply and "(1 of 13)" in reply


def test_what_do_you_actually_do_is_help(app: CoachApp) -> None:
    counselor = Conversation(app.coach)
    reply = counselor.says("what do you actually do? I have about 10 minutes between meetings")
    assert "`reflect`" in reply and "Schedules are doing" not in reply


def test_is_it_normal_to_feel_this_is_answered_as_a_feeling(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says(
        "is it normal to cry in my car after a parent meeting?? asking for a friend"
    )
    assert reply.startswith("Yes, very normal")


def test_too_available_is_about_boundaries(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says('my mentor says im "too available" and idk what that means 😭')
    assert "tell families when you answer" in reply or "school days, before 5" in reply
    # Session 36: "Tell me a little more (who it's about and what happened)", to a teacher
    # who had said both.
    reply = teacher.says(
        "what do i do about parents emailing at midnight and expecting an answer by 7am"
    )
    assert "school days, before 5" in reply


def test_the_same_situation_asked_again_with_more_detail_gets_where_to_start(
    app: CoachApp,
) -> None:
    # Session 35: the same answer had come back word for word.
    leader = Conversation(app.coach)
    first = leader.says("how do i respond to a parent's facebook post")
    assert "**A complaint posted online**" in first
    again = leader.says(
        "A parent posted on Facebook that our school doesn't care about her son. It has 60 "
        "comments. What do I say when I call her?"
    )
    assert "If I had to pick one" in again and "**A complaint posted online**" not in again


def test_fafsa_with_undocumented_parents_is_answered_for_what_the_form_asks(
    app: CoachApp,
) -> None:
    # Session 35: it had been the answer about a child's own status at school (Plyler).
    counselor = Conversation(app.coach)
    reply = counselor.says(
        "How do I get parents to fill out the FAFSA when they're scared of giving their info "
        "to the government? Several of my seniors have undocumented parents."
    )
    assert "without a Social Security number" in reply and "Plyler" not in reply
    assert "911" not in counselor.says("when is the fafsa due")


def test_the_same_answer_given_twice_is_owned_and_what_was_added_is_answered(
    app: CoachApp,
) -> None:
    # Session 36: an ELD teacher's "thats the same answer you gave me before" got the same
    # paragraph, interpreter line and all.
    teacher = Conversation(app.coach)
    teacher.says("how do i run a conference with a mom who cant read")
    reply = teacher.says(
        "thats the same answer you gave me before. I use interpreters every day, that is not my"
        " problem. my problem is she cant read and she feels ashamed"
    )
    assert reply.startswith("You're right, that was the same answer")
    assert "interpreter" not in reply.split("\n", 1)[1]
    assert "What part of it didn't fit?" in teacher.says("you already said that")


def test_good_news_with_tears_of_joy_in_it_is_heard_as_good_news(app: CoachApp) -> None:
    # Session 36: both had the answer for a parent who broke down, or "Keep Jesús in mind".
    teacher = Conversation(app.coach)
    reply = teacher.says(
        "good news!! jesus came back to class today. his mom said she brought him because the"
        " teacher sent her a video of the kids singing and jesus cried that he wanted to go"
    )
    assert "broke down" not in reply and "Want to build on it?" in reply
    rosa = Conversation(app.coach, "rosa")
    reply = rosa.says(
        "buenas noticias!! Jesús regreso hoy al salon. la mama me dijo que lo trajo porque la"
        " maestra le mando un video de los niños cantando"
    )
    assert "Keep Jesús in mind" not in reply and "Want to build on it?" in reply


def test_a_heavy_week_is_not_answered_with_the_same_sentence_every_time(app: CoachApp) -> None:
    # Session 36: one teacher had the same overload sentence eight times in a week.
    teacher = Conversation(app.coach)
    vents = ["ugh", "im drowning", "this week is killing me", "so tired", "im so done", "meh"]
    replies = {teacher.says(vent).split(".")[0] for vent in vents}
    assert len(replies) >= 2


def test_an_educator_crying_now_is_given_the_minute_and_a_word_of_care(app: CoachApp) -> None:
    teacher = Conversation(app.coach)
    reply = teacher.says("brb crying in the supply closet")
    assert reply.startswith("Take the minute you need") and "broke down" not in reply
    # "ugh" before a sentence with nothing to answer leaves it weary, not a shrug.
    assert teacher.says("ugh. another one.").startswith("That sounds like a lot,")


def test_health_details_are_kept_out_and_said_why(app: CoachApp) -> None:
    # Session 36: a school nurse's "is this HIPAA compliant?" had the general privacy answer,
    # "a first name or initials work just as well", while she typed diagnoses.
    nurse = Conversation(app.coach)
    reply = nurse.says("is this HIPAA compliant? im the school nurse")
    assert "not a health record" in reply and "keep diagnoses" in reply
    assert "What you write here is yours" in nurse.says("is this private")
