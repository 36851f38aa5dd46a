"""A bilingual Head Start teacher in a border town and a middle school assistant principal
(session 38): what they said that the coach had misread."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import CoachApp
from bot.inbound import Platform
from tests.clock import FakeClock
from tests.dialog import Conversation
from tests.nudging import FakePlatform, nudged_on_slack, senders_for, tick


def test_a_story_under_the_nudge_card_is_answered_not_the_card(
    app: CoachApp, clock: FakeClock
) -> None:
    rosa = Conversation(
        app.coach, "ms-rosa", platform=Platform.SLACK, workspace="T1", timezone="America/Chicago"
    )
    rosa.says("nudges on, thursdays 1:30pm")
    platform = FakePlatform()
    clock.set(datetime(2026, 11, 19, 19, 31, tzinfo=UTC))  # Thursday 1:31 pm in Chicago
    tick(app, senders_for(platform), clock.now)
    assert platform.delivered, "the nudge went out"
    clock.advance(hours=18)
    reply = rosa.says(
        "not this week. its been a bad week. a dad in my class got detained by ICE on monday on "
        "his way to work. his daughter, 4, didnt say a word all day, she just held her backpack "
        "in her lap. i dont know how to be with her. or with the mom"
    )
    # Had: "No rush: it's there for the whole week. Tap *Remind me tomorrow*..."
    assert "No rush" not in reply
    assert "immigration enforcement" in reply or "A parent away" in reply


def test_did_you_read_what_i_wrote_owns_the_miss_not_the_journal(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-rosa").says(
        "did you read what i wrote? a dad from my class got detained by ICE. his 4 year old "
        "didnt talk all day. what do i do"
    )
    # Had: "Your journal is empty so far" ("what i wrote" read as the journal).
    assert "journal" not in reply
    assert "immigration enforcement" in reply or "A parent away" in reply


def test_a_mother_s_quoted_question_is_safety_at_school_not_the_coach_s_privacy(
    app: CoachApp,
) -> None:
    reply = Conversation(app.coach, "ms-rosa").says(
        "there were ICE agents seen by the HEB two blocks from school on tuesday and now one of "
        'my families kept both kids home. la mamá me mandó un mensaje: "maestra, tenemos miedo '
        'de salir, ¿es seguro llevar a los niños a la escuela?" and i dont know what to tell her'
    )
    # Had: "What you write here is yours. It's encrypted..." (for "es seguro").
    assert "encrypted" not in reply
    assert "Families afraid because of immigration enforcement" in reply


def test_nudges_not_wanted_for_principals_change_nothing(app: CoachApp) -> None:
    rosa = Conversation(app.coach, "ms-rosa")
    rosa.says("nudges on")
    reply = rosa.says(
        "also the nudge about the school improvement plan, we dont have one of those in head "
        "start, we have program goals. can you not send me stuff thats for principals"
    )
    # Had: "Nudges will stay on *Systemic*" (the part she did not want became their focus).
    assert "stay on" not in reply and "not every nudge fits" in reply
    assert "rotating through all" in rosa.says("nudges")


def test_a_time_turned_down_and_another_asked_sets_the_one_asked(app: CoachApp) -> None:
    ap = Conversation(app.coach, "mr-kowalski", timezone="America/Chicago")
    ap.says("nudges on")
    reply = ap.says("7:30 im on bus duty. make it fridays at 3:30")
    # Had: "Nudges will come at 07:30".
    assert "Fri Nov 20, 15:30" in reply


def test_words_objected_to_in_the_note_are_taken_out(app: CoachApp) -> None:
    ap = Conversation(app.coach, "mr-kowalski")
    ap.says("draft")
    ap.clicks("Follow up")
    ap.clicks("English")
    ap.says("Jaylen")
    ap.says(
        "the fight was tuesday, he's back thursday with a reentry meeting at 8:15. his mom was "
        "very upset at the front desk"
    )
    ap.clicks("Warm")
    reply = ap.says(
        'you put "his mom was very upset at the front desk" in a letter TO his mom. i cant send '
        "that."
    )
    # Had: "Please pick one of the options".
    assert "Your draft" in reply and "upset at the front desk" not in reply
    assert "reentry meeting at 8:15. " in reply


def test_whether_a_family_should_stop_speaking_spanish_is_answered(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-rosa").says(
        "should a family stop speaking spanish at home so their kid learns english faster?"
    )
    # Had: "No problem. I'm here when you want me" ("stop" read as leaving).
    assert "Speaking the home language at home" in reply


def test_whether_two_languages_cause_speech_delay_is_answered(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-rosa").says(
        "is it bad for a 4 year old to learn two languages at once, does it cause speech delay"
    )
    # Had: "Type `reframe` followed by a sentence you wrote".
    assert "Speaking the home language at home" in reply and "`reframe`" not in reply


def test_question_marks_before_a_question_are_not_a_call_for_the_menu(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-rosa").says(
        "?? anyway real question: the mom asked me if being bilingual is why he talks late. like "
        "should they only speak english to him so he doesnt get confused. what do i tell her"
    )
    # Had: the whole help menu.
    assert "Here's what you can type" not in reply
    assert "Speaking the home language at home" in reply


def test_remind_me_every_thursday_at_nap_time_is_the_weekly_nudge(app: CoachApp) -> None:
    reply = Conversation(app.coach, "ms-rosa", timezone="America/Chicago").says(
        "can you remind me every thursday during nap time? like around 1:30. thats when i "
        "actually have 5 min to breathe"
    )
    # Had: "I can't remind you about one task on one day" (for "...5 min to breathe").
    assert "Thu Nov 19, 13:30" in reply


def test_a_tangent_asked_mid_reflection_is_kept_not_saved_as_the_answer(app: CoachApp) -> None:
    keisha = Conversation(app.coach, "nurse-keisha")
    keisha.says("reflect relational")
    keisha.says(
        "the vaccine dad. deadline is jan 15 and i was about to just send the exclusion letter. "
        "i didnt ask him what hes actually worried about"
    )
    reply = keisha.says(
        "sorry tangent but is it even legal for me to tell his kid's teacher she's unvaccinated? "
        "teacher is pregnant and asked me"
    )
    # Had: 'Noted, "teacher is pregnant and asked me"' and the action step.
    assert "I've kept it" in reply and "Question 2 of 2" in reply


def test_a_leader_s_questions_get_answers_of_their_own(app: CoachApp) -> None:
    restorative = Conversation(app.coach, "mr-kowalski").says(
        "i have a restorative conference wednesday with both families from the fight. jaylen's "
        "mom and the other boy's dad. the dad wants jaylen expelled. how do i set that up so it "
        "doesnt blow up"
    )
    # Had: "Parents who live apart... custody papers or pickup limits".
    assert "Meet each family on their own first" in restorative
    assert "custody" not in restorative
    data = Conversation(app.coach, "mr-k2").says(
        "our PTA president wants a seat on the discipline committee and wants to see suspension "
        "data by student. how do i give her more say without that"
    )
    assert "under FERPA a parent group can't see" in data  # had: raffle prizes
    metrics = Conversation(app.coach, "mr-k3").says(
        "the district family engagement plan template wants metrics. what do i measure that "
        "isn't number of parents at curriculum night"
    )
    assert "two-way contacts" in metrics  # had: planning a family night


def test_a_complaint_about_the_nudge_is_no_check_in(app: CoachApp, clock: FakeClock) -> None:
    rosa = Conversation(app.coach, "ms-rosa", timezone="America/Chicago")
    rosa.says("reflect relational")
    rosa.says("we talk at pickup every day")
    rosa.says("jaydens family, only called about problems")
    rosa.clicks("1")
    clock.advance(days=4)
    rosa.says("journal")  # "How did it go?"
    reply = rosa.says(
        "are you kidding me. i said NOT to send me the school improvement plan stuff and you "
        "sent the exact same one again"
    )
    # Had: "Done! ... is real partnership work" (for "sent"), and the journal said done.
    assert "Done!" not in reply
    assert "not checked in yet" in rosa.says("journal")


def test_potty_training_and_a_care_plan_question_get_answers_of_their_own(app: CoachApp) -> None:
    potty = Conversation(app.coach, "ms-rosa").says(
        "potty training. la mamá de Sofi insists shes trained and sends her in underwear with no "
        "extra clothes, and weve had 3 accidents a day this week. how do i bring this up without "
        "it turning into whos fault it is"
    )
    # Had: "A private matter about a child's health or care" (clothes, hygiene items, meals).
    assert "rather than who's right" in potty
    aunt = Conversation(app.coach, "nurse-keisha").says(
        "can i talk to the aunt about insulin doses if shes not on the emergency card?"
    )
    # Had: "Keep the student with you and call the office: release a child only to..."
    assert "consent question rather than a pickup one" in aunt
    pickup = Conversation(app.coach, "ms-x").says(
        "a man who isnt on the emergency card is at the front desk saying hes here for maya"
    )
    assert "consent question" not in pickup


def test_a_complaint_under_the_nudge_card_marks_nothing_done(
    app: CoachApp, clock: FakeClock
) -> None:
    rosa = nudged_on_slack(app, clock, "ms-rosa")
    reply = rosa.says(
        "are you kidding me. i said NOT to send me the school improvement plan stuff and you "
        "sent the exact same one again"
    )
    # Had: "Marked done. Nice work!" (for "sent"), as under "How did it go?" before.
    assert "Marked done" not in reply
