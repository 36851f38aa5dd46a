"""Everyday situations asked about outside a conversation (content/understanding/
situations.yaml): the coach says what it took the question to be about, what matters, three
things to try this week, and where to read or reflect next; what it has a better reply for
keeps that reply."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from bot.app import CoachApp
from bot.storage.models import Educator
from content.situations_schema import (
    SituationExampleFile,
    load_situations,
    situation_example_file,
    situation_faults,
    situations_in,
)
from content.understanding_schema import default_understanding
from tests.dialog import Conversation


def test_a_question_about_a_parent_who_volunteers_every_day_gets_that_situations_answer(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    answer = educator.says(
        "how do i say no to a parent who wants to volunteer in my classroom every single day"
    )
    volunteering = situations_in("en").situations["volunteer_limits"]
    assert answer.startswith(f"**{volunteering.title}**")  # what it was taken to be about
    assert volunteering.says in answer
    assert "Three things you could try this week:" in answer
    assert all(f"• {line}" in answer for line in volunteering.tries)
    assert "I don't have a ready answer" not in answer  # had: the general answer
    assert "`reflect collaborative`" in answer
    assert "Question 1 of" in educator.says("sure")  # the offer is taken at its word


def test_a_story_told_about_a_situation_is_answered_too(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "en la reunión de ayer un papá grabó todo con su celular sin pedir permiso"
    )
    assert "**A parent recording a meeting**" in answer


def test_a_spanish_speaking_educator_gets_the_answer_in_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach, "maestra-ruiz", locale="es-MX")
    educator.says("idioma es")
    answer = educator.says(
        "la mami de un niño de kinder me pide que le mande fotos de su hijo todos los dias por"
        " whatsapp, esta bien hacer eso?"
    )
    updates = situations_in("es").situations["constant_updates"]
    assert f"**{updates.title}**" in answer and updates.says in answer
    assert "Tres cosas que podría probar esta semana:" in answer


def test_weariness_with_a_situation_is_heard_before_the_answer(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "sent home a note about him throwing chairs and dad wrote back 'not my son'. ugh"
    )
    assert answer.startswith("That sounds hard. Here's what tends to help:")
    assert '**"He doesn\'t act like that at home"**' in answer


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        # A practical answer of its own (replies.yaml `told`, answers: true) stays.
        ("is it ok to give parents my personal cell", "district's policy"),
        # Good news told is celebrated, not met with tips on sharing good news.
        (
            "i called aaliyah's grandma to say she aced her spelling test and grandma laughed and"
            " said nobody from the school ever calls with good news",
            "Want to build on it?",
        ),
        # A full week told is heard as that (the weariness in it, with the smallest step).
        ("ando super quemada, 32 alumnos, 32 familias, y cero tiempo", "That sounds like a lot"),
        # A question about no situation keeps its topic's answer.
        ("how do I run a home visit?", "learn relational"),
    ],
)
def test_what_has_a_better_reply_keeps_it(app: CoachApp, said: str, kept: str) -> None:
    answer = Conversation(app.coach).says(said)
    assert kept in answer
    assert "Three things you could try this week:" not in answer


def test_a_fragment_is_a_situation_only_when_it_plainly_names_one(app: CoachApp) -> None:
    assert "**Late pickups**" in Conversation(app.coach).says("late pickup")
    # A search typed for something else ("field trip forms") is not a survey nobody answers.
    assert "**" not in Conversation(app.coach).says("field trip forms")


def test_every_situation_reads_in_every_language_with_three_tries() -> None:
    english, spanish = load_situations(), load_situations(language="es")
    assert english.situations.keys() == spanish.situations.keys()
    for name, situation in spanish.situations.items():
        assert len(situation.tries) == 3, name
        assert situation.title != english.situations[name].title, name


def test_content_check_names_an_unknown_situation_and_one_with_too_few_examples() -> None:
    situations = load_situations()
    examples = [
        (example.situation, example.text)
        for example in situation_example_file().examples
        if example.situation != "late_pickup"
    ]
    faults = situation_faults(situations, [*examples, ("lunch_duty", "who covers lunch?")])
    assert any("unknown situation 'lunch_duty'" in fault for fault in faults)
    assert any("late_pickup has 0 examples" in fault for fault in faults)
    packaged = [(e.situation, e.text) for e in situation_example_file().examples]
    assert situation_faults(situations, packaged) == []


def test_each_example_names_its_writer_for_the_benchmark() -> None:
    # `python -m bench situations` leaves each writer out in turn: an example without one
    # cannot be placed.
    with pytest.raises(ValidationError, match="by"):
        SituationExampleFile.model_validate(
            {"version": 1, "examples": [{"situation": "late_pickup", "text": "late again"}]}
        )


@pytest.mark.parametrize(
    ("said", "locale", "title"),
    [
        # Had: `learn capabilities` ("explain" read as a wish to learn the framework).
        ("how do i explain a lexile to parents lol", None, "Explaining grades and scores"),
        # Had: the self-check's first statement ("survey").
        (
            "beginning of year parent survey questions",
            None,
            "What to ask families at the start of the year",
        ),
        # Had: the journal ("diario" is "daily" in a sentence).
        (
            "la mama de Sofi quiere estar en el salon diario, como le digo q mejor 1 vez x semana",
            "es-MX",
            "Una familia que quiere ayudar en clase todos los días",
        ),
    ],
)
def test_words_that_sound_like_a_command_inside_a_situation_get_its_answer(
    app: CoachApp, said: str, locale: str | None, title: str
) -> None:
    educator = Conversation(app.coach, locale=locale)
    if locale is not None:
        educator.says("idioma es")
    assert f"**{title}**" in educator.says(said)


def test_the_journal_word_alone_still_opens_the_journal(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    for said in ("diario", "mi diario", "ver el diario"):
        assert "Su diario está vacío por ahora" in educator.says(said), said


def test_a_situation_asked_as_an_aside_mid_reflection_is_answered_and_the_place_kept(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    first = educator.says("reflect relational")
    assert "Question 1 of 2" in first
    aside = educator.says(
        "wait, random q: a dad recorded our whole meeting on his phone yesterday, what do i do"
        " next time?"
    )
    assert "**A parent recording a meeting**" in aside
    assert "When we're done here, `learn relational` has more on it." in aside
    assert "Question 1 of 2" in aside  # asked again: the aside was not taken as the answer
    # Told beside the question, with no question of its own, it is still an answer.
    answer = educator.says("btw i called the garcias about the field trip and it went well")
    assert "Question 2 of 2" in answer and "**" not in answer.split("Question 2")[0]


@pytest.mark.parametrize(
    ("said", "situation"),
    [
        (
            "mom and dad are divorced and both want the report card, but mom says dont send"
            " anything to him",
            "separated_parents",
        ),
        (
            "our school is merging with another one next year and families are anxious, how do i"
            " talk to them",
            "big_school_change",
        ),
        # Told, not asked; had: 'Noted, "lunch debt letters...". Let's build on that.'
        ("lunch debt letters are going home and parents are embarrassed", "costs_and_fees"),
        (
            "since the raids last week half my families stopped coming to pickup in person, what"
            " can i do",
            "immigration_fears",
        ),
        (
            "how do i help parents who never went to college fill out financial aid forms",
            "college_and_aid",
        ),
        (
            "a dad says my homework takes his son 3 hours a night and he is done with it",
            "homework_load",
        ),
    ],
)
def test_situations_families_bring_up_every_year_get_their_answer(
    app: CoachApp, said: str, situation: str
) -> None:
    # Each had the general answer (a part of the framework, or "Noted, ..."): no situation
    # covered separated parents, a school merger, fees, immigration fears, financial aid or
    # homework.
    answer = Conversation(app.coach).says(said)
    assert answer.startswith(f"**{situations_in('en').situations[situation].title}**")


@pytest.mark.parametrize(
    ("said", "situation"),
    [
        # Had: "Good question. The framework (Mapp & Kuttner) starts from trust..."
        (
            "a student keeps coming to school smelling bad, how do i bring it up with mom",
            "hygiene_and_health",
        ),
        # Had: 'Got it: "mom cried at the conference...". That matters.'
        ("mom cried at the conference today and i didnt know what to say", "emotional_meeting"),
        # Had: the culturally responsive part of the framework, about languages.
        ("how often should I be contacting families?", "contact_rhythm"),
    ],
)
def test_a_childs_care_a_parent_in_tears_and_how_often_to_write_get_their_answer(
    app: CoachApp, said: str, situation: str
) -> None:
    answer = Conversation(app.coach).says(said)
    assert answer.startswith(f"**{situations_in('en').situations[situation].title}**")


def test_a_feeling_told_with_a_situation_is_heard_before_the_answer(app: CoachApp) -> None:
    answer = Conversation(app.coach).says("I have an IEP meeting tomorrow and I'm really nervous")
    nerves, meeting = answer.split("**IEP and 504 meetings**")
    assert "Feeling nervous about it makes sense" in nerves  # had: the tips alone
    assert "Three things you could try this week:" in meeting


def test_a_question_about_explaining_special_education_to_a_parent_is_no_framework_lesson(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "how do i explain the difference between a 504 and an IEP to a parent in plain words"
    )
    assert "**IEP and 504 meetings**" in answer
    assert "*For families*" not in answer  # had: all of `learn capabilities`


def test_coach_understand_shows_the_situation_an_author_is_tuning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from adapters.cli import main

    assert main(["understand", "a dad recorded our whole meeting on his phone", "--json"]) == 0
    read = json.loads(capsys.readouterr().out)
    assert read["situation"]["name"] == "recording_a_meeting"
    assert read["situation"]["clears_bar"] is True
    assert main(["understand", "hi there", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["situation"] is None
    assert main(["understand", "late pickup"]) == 0
    assert "situation: late_pickup (" in capsys.readouterr().out


def test_a_family_living_with_deportation_is_heard_then_answered(app: CoachApp) -> None:
    educator = Conversation(app.coach, locale="es-MX")
    educator.says("idioma es")
    answer = educator.says("un papá de mi alumno fue deportado y la niña no deja de llorar")
    heard, advice = answer.split("**Familias con miedo por los operativos migratorios**")
    # Had: 'Entendido: "...". Vale la pena tenerlo presente.' (the model alone is unsure of it)
    assert "los niños llevan ese miedo al salón" in heard
    assert "Plyler" in advice and "Tres cosas que podría probar esta semana:" in advice
    # A family's status told keeps its own answer: it is not reported.
    status = educator.says("si una familia me cuenta que no tienen papeles, tengo que reportarlo?")
    assert "No se reporta" in status and "**" not in status


def test_content_check_names_a_told_entry_pointing_at_no_situation() -> None:
    content = default_understanding()
    told = dict(content.replies.told)
    told["deported"] = told["immigration_enforcement"].model_copy(update={"situation": "raids"})
    broken = content.model_copy(
        update={"replies": content.replies.model_copy(update={"told": told})}
    )
    assert "understanding/replies.yaml told.deported: unknown situation 'raids'" in (
        broken.model_faults()
    )
    assert content.model_faults() == []


def test_words_about_sending_things_to_a_parent_are_no_nudge_setting(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "mom of my 3rd grader wants me to stop sending dad the progress reports, can i do that?"
    )
    assert "Weekly nudges" not in answer  # had: the nudge settings ("stop sending")
    assert "Let's write a short note home" not in answer  # had: a draft ("mom of...")
    assert "Weekly nudges: off" in Conversation(app.coach, "mr-lee").says("stop sending me these")
    asked = Conversation(app.coach, "ms-roy")
    asked.says("nudges on")
    # Had: "I'm not sure what you'd like me to do with that."
    assert "`nudges off`" in asked.says("how do I turn off these messages")


def test_a_long_story_is_read_by_the_sentence_that_says_what_it_is_about(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "Long one, sorry. One of my kinders, Maya, her dad died very suddenly over the weekend."
        " Mom is now alone with three kids and I heard she went back to work already. Maya comes"
        " back Monday. I keep going back and forth on whether to call mom, send something home,"
        " or just wait until she reaches out, and what I should tell the other kids."
    )
    # Had: "Heard: time is stretched thin." (the whole story dilutes the loss in it)
    assert "**A death in a student's family**" in answer
    assert "time is stretched" not in answer


def test_general_advice_told_gives_way_to_the_situations_own_answer(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "how do i tell a parent on the PTO board that the same five moms run every event and"
        " other families feel shut out"
    )
    # Had: "For a hard conversation: open with something specific you value in their child..."
    # first, advice for another conversation than this one.
    assert answer.startswith("**The same few parents every time**")


def test_a_question_about_wording_with_its_story_gets_the_situation_not_reframe_usage(
    app: CoachApp,
) -> None:
    answer = Conversation(app.coach).says(
        "first grade. a mom wants to know why there's no homework. how do i explain it without"
        " sounding preachy"
    )
    # Had: "Type `reframe` followed by a sentence you wrote...", with no sentence in sight.
    assert answer.startswith("**Families and homework**")
    # A bare request to reword still waits for the sentence.
    assert "send me the sentence" in Conversation(app.coach, "mr-lee").says(
        "how do i say this nicer to a parent"
    )


def test_asked_for_words_for_a_grieving_family_the_answer_holds_a_sample_note(
    app: CoachApp,
) -> None:
    educator = Conversation(app.coach)
    reply = educator.says(
        "my student's mom just died last weekend. the dad is a mess. i want to reach out but "
        "i don't know what to say. can you help me write something?"
    )
    # Had: tips only, no words to start from; then a sample note in the loss's answer; since
    # session 39 the sympathy note itself, written with them.
    assert "Send sympathy after a loss" in reply
    educator.clicks("English")
    educator.clicks("Skip")
    assert "sorry" in educator.clicks("Warm").casefold()


@pytest.mark.parametrize(
    "asked", ["should i use google translate?", "ok whats the phone line thing"]
)
def test_translation_apps_and_interpreter_lines_are_answered(app: CoachApp, asked: str) -> None:
    answer = Conversation(app.coach).says(asked)
    # Had: the child-as-interpreter situation, and the weary "That sounds like a lot" reply.
    assert "phone interpreting line" in answer and "A child interpreting" not in answer


@pytest.mark.parametrize(
    ("told", "answered"),
    [
        # Had: "A private matter about a child's health or care".
        (
            "kinder teacher here. I have a little guy, Mateo, who bites other kids. his mom gets"
            " super defensive every time I bring it up at pickup and says he doesnt do that at"
            " home. I need to tell her he bit someone again today",
            "Calling home about a serious incident",
        ),
        # Said at the front office window: its first try fits a scene in person (it had
        # begun "Don't answer a heated email tonight").
        (
            "im the front office secretary. a dad came in yelling at my window today because"
            " nobody told him his daughter got sent to the nurse. he called me incompetent in"
            " front of other parents",
            "Don't argue it out in the moment, at the door",
        ),
    ],
)
def test_what_was_seen_in_person_gets_its_situation(
    app: CoachApp, told: str, answered: str
) -> None:
    assert answered in Conversation(app.coach).says(told)


def test_a_family_that_feels_judged_is_answered_and_asked_about_after(
    app: CoachApp,
) -> None:
    liaison = Conversation(app.coach)
    told = liaison.says(
        "hola, soy la family liaison en la escuela primaria. tengo una mamá, la señora Gómez,"
        " que no quiere venir a las juntas porque dice que los maestros la hacen sentir tonta"
    )
    # Had: the role offer alone, then "Good question. The framework (Mapp & Kuttner)...".
    assert "A family that feels judged or talked down to at school" in told
    advice = liaison.says("y que le digo a los maestros?")
    assert "If I had to pick one" in advice


def test_a_parent_away_told_with_a_role_gets_its_situation_and_the_role_offer(
    app: CoachApp,
) -> None:
    teacher = Conversation(app.coach)
    told = teacher.says(
        "I teach 5th grade. Noah's dad is deployed overseas for 9 months and Noah's been"
        " shutting down, crying at lunch. mom is overwhelmed with 3 kids alone"
    )
    # Had: "Schedules are doing a lot of the talking here" (a busy week), and the role offer.
    assert "A parent away for a long time" in told and "Shall I set that as your role" in told
    # "the dad" points back at the story: not "Parents who live apart".
    first = teacher.says("can i include the dad somehow?")
    assert "If I had to pick one" in first and "Parents who live apart" not in first
    teacher.says("ok")  # the role offer still stands
    with app.sessions() as session:
        assert session.scalars(select(Educator.role)).one() == "teacher"


def test_an_answer_that_points_to_the_educator_s_own_role_says_so(app: CoachApp) -> None:
    told = "a mom keeps calling me crying about her son's grades"
    counselor = Conversation(app.coach).says(f"i'm a counselor and {told}")
    # Had: "let a counselor or social worker carry what lies beyond your role", to a counselor.
    assert "You may be the counselor this points to" in counselor
    set_in_profile = Conversation(app.coach, "ms-bell")
    set_in_profile.says("profile role counselor")
    assert "You may be the counselor this points to" in set_in_profile.says(told)
    # A teacher is sent to the counselor, as before, with no note.
    assert "You may be the" not in Conversation(app.coach, "mr-diaz").says(told)


def test_a_principal_told_of_bullying_is_the_administrator_it_points_to(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("im the principal and a dad says his son is being bullied")
    assert "A parent reporting bullying" in reply
    assert "You may be the administrator this points to" in reply


def test_the_night_before_conferences_gets_how_to_get_ready(app: CoachApp) -> None:
    reply = Conversation(app.coach).says("parent conference tmrw and i havent prepped at all")
    # Had: "Got it: \"parent conference tmrw...\". That matters."
    assert "The night before is enough time" in reply and "Getting ready for conferences" in reply


def test_a_parent_in_prison_named_in_passing_gets_its_situation(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "Student's father is incarcerated and he wants to write to him for our Father's Day project"
    )
    # Had: the general answer, then a note home begun.
    assert "A parent away for a long time" in reply and "What is it for?" not in reply
    asked = Conversation(app.coach, "mr-cole").says("help me write to a dad who is in jail")
    assert "Let's write a short note home" in asked  # asked for, a note it is


def test_a_parent_who_stays_every_morning_gets_the_goodbye_routine(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "pre-k mom stays in the classroom 20 min every morning bc her daughter cries. how do i "
        "get her to leave"
    )
    assert "A short, warm routine helps" in reply  # had: the general answer


def test_bullying_in_spanish_from_spain_gets_its_situation(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "Soy tutora de 1º de ESO y creo que un alumno sufre acoso en clase; los padres no "
        "saben nada"
    )
    assert "A parent reporting bullying" in reply  # had: 'Got it: "Soy tutora..."'


def test_the_educator_s_own_pride_is_heard(app: CoachApp) -> None:
    reply = Conversation(app.coach).says(
        "conferences done. 23 out of 26 showed. i am proud and also need to lie on the floor"
    )
    assert "worth being proud of" in reply  # had: "I'm not sure what you'd like me to do"


@pytest.mark.parametrize(
    ("asked", "situation"),
    [
        # Session 37: each had a neighbour's answer, or a part of the framework.
        ("a dad wont shake my hand because im a woman, what should i do", "greetings_and_customs"),
        ("how do I plan a staff PD on family engagement, 90 minutes", "staff_pd_on_families"),
        ("my student and his mom are staying in a shelter since october. what should I be "
         "careful about when I talk to her", "housing_instability"),
        ("half my parents cant read, not even in spanish. how do i get info to them?",
         "families_who_dont_read"),
        ("my migrant families leave in january for the lettuce season in arizona, how do i "
         "stay connected with the kids while theyre away", "families_who_move"),
        ("we need a town hall after the racist incident, parents are furious at the school. how "
         "do i run it", "community_listening_session"),
        ("mom has a restraining order against dad. how do i make sure the office never tells "
         "him anything about the kids", "protective_orders"),
    ],
)  # fmt: skip
def test_the_situations_of_liaisons_leaders_and_specialists_get_their_answers(
    app: CoachApp, asked: str, situation: str
) -> None:
    answer = Conversation(app.coach).says(asked)
    assert answer.startswith(f"**{situations_in('en').situations[situation].title}**")


@pytest.mark.parametrize(
    "told",
    [
        # Each had "That's a lot for a family to carry" (food, clothing or housing help) or,
        # for the shelter, "That quiet is hard".
        "a mom told me they're staying with her sister after getting evicted. what should i do",
        "my student has been sleeping in the car with his dad. how do i support the family",
        "family just moved into the shelter on 5th st, kid keeps missing the bus. ideas?",
        "el niño y su mamá duermen en el carro desde la semana pasada, qué hago",
    ],
)
def test_a_family_without_a_home_gets_the_housing_answer_with_its_tries(
    app: CoachApp, told: str
) -> None:
    answer = Conversation(app.coach).says(told)
    assert answer.startswith("**Families without stable housing**")
    assert "never making a parent explain their housing twice" in answer


@pytest.mark.parametrize(
    "said",
    [
        "we do a canned food drive for the shelter every november, any way to involve families?",
        "my apartment flooded so i'm couch surfing at my sister's this week, sorry if i'm slow",
        "thank you, the shelter tips helped a lot. mom called me back today",
        "long day. three home visits, one family in a motel, one in a trailer with 11 people. "
        "I'm just tired.",
        "the family that got evicted found an apartment!! so happy for them",
    ],
)
def test_a_shelter_or_a_motel_named_about_something_else_is_not_a_family_s_housing(
    app: CoachApp, said: str
) -> None:
    answer = Conversation(app.coach).says(said)
    assert "Families without stable housing" not in answer and "McKinney-Vento" not in answer


def test_good_news_about_a_home_found_is_celebrated(app: CoachApp) -> None:
    answer = Conversation(app.coach).says(
        "the family that got evicted found an apartment!! so happy for them"
    )
    assert "what goes well" in answer  # had: the answer for a family without stable housing


def test_content_check_names_a_told_entry_s_unknown_topic_or_situations_read_as() -> None:
    content = default_understanding()
    told = dict(content.replies.told)
    told["restorative_conference"] = told["restorative_conference"].model_copy(
        update={"topic": "organizational"}
    )
    told["housing_named"] = told["housing_named"].model_copy(update={"read_as": ["hardship"]})
    broken = content.model_copy(
        update={"replies": content.replies.model_copy(update={"told": told})}
    )
    faults = broken.model_faults()
    assert (
        "understanding/replies.yaml told.restorative_conference: unknown topic 'organizational'"
        in (faults)
    )
    assert (
        "understanding/replies.yaml told.housing_named: read_as unknown situation 'hardship'"
        in (faults)
    )
