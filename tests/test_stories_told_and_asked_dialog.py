"""What a new educator types out of the blue, told or asked, read for what it is: a story that
asks nothing is heard, not answered as a question; a question behind a hello is answered; a
worry, a misstep, good news after a worry and the end of a week each get their own reply.
Found by a sweep of 150 new messages (session 30)."""

from __future__ import annotations

import pytest

from bot.app import CoachApp
from tests.dialog import Conversation, first_reply


def test_a_good_story_that_asks_nothing_is_not_answered_as_a_question(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "we had a grandpa come in today to teach the kids how to fold paper boats. 2nd grade. "
        "he's from vietnam and didnt speak much english and the kids were glued to him for 45 min",
    )
    # Had: "A private matter about a child's health or care" ("how to fold" read as asking).
    assert "private matter" not in reply and "Three things you could try" not in reply
    assert "`reflect" in reply


def test_a_long_story_that_ends_asking_is_still_answered(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "Long one sorry. Marcus, 7th grade, has missed 14 days already and it's only October. "
        "Mom works nights and grandma is raising him most of the week. Every time I call "
        "grandma she's super sweet, says she'll get him up, and then nothing changes. "
        "Counselor is slammed. not sure what to do next",
    )
    assert "Read more with `learn" in reply  # answered, not only heard


def test_a_parent_detained_is_a_parent_away(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "hoy la mamá de Valeria vino llorando porque a su esposo lo detuvieron ayer. la niña "
        "estaba en clase como si nada. no sé ni qué pensar",
    )
    # Had: "That's the framework in action: starting from what already works".
    assert "framework in action" not in reply
    assert "A parent away for a long time" in reply


def test_calls_nobody_answers_are_silence_not_anger(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "I've called Kayden's house 9 times this year. 9. nobody has ever picked up and the "
        "voicemail isn't set up. he's failing 3 classes and i feel like i'm yelling into the void",
    )
    # Had: "A parent who is angry with you" ("yelling").
    assert "angry with you" not in reply
    assert "Not hearing back" in reply or "quiet" in reply


def test_a_question_behind_a_hello_is_answered(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "hola! como invito a los papas a ser voluntarios si muchos tienen miedo de venir a la "
        "escuela por su estatus migratorio",
    )
    # Had: the greeting alone ("Hi! I'm your family-partnership coach...").
    assert "Families afraid because of immigration enforcement" in reply
    assert "Hi! I'm your family-partnership coach" in first_reply(app, "hola!", "mr-ng")


def test_the_families_notifications_are_not_the_coachs_nudges(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    reply = educator.says(
        "we switched to the new parent app and half the families cant log in and the other "
        "half get 40 notifications a day"
    )
    # Had: the coach's own nudge settings ("Weekly nudges: off").
    assert "Weekly nudges" not in reply
    educator.says("nudges on")
    assert "Weekly nudges are off" in educator.says("stop the nudges")


def test_a_city_is_not_a_family_member(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "soy orientadora en un colegio en Lima y los padres solo vienen cuando hay problemas. "
        "nunca para lo bueno. ya me acostumbré pero igual da pena",
    )
    # Had: "Lima: naming them makes this real."
    assert "Lima:" not in reply


def test_a_parent_slurring_at_pickup_is_a_safety_question(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "I'm worried about one of my parents. she's been coming to pickup really out of it, "
        "slurring a little. maybe twice now. not sure if it's anything",
    )
    # Had: "Not hearing back, or seeing the same few faces, is discouraging."
    assert "safety question" in reply
    stumbled = first_reply(app, "kid tripped over the ball at recess and cried", "mr-ng")
    assert "safety question" not in stumbled


def test_good_news_after_a_worry_is_good_news(app: CoachApp) -> None:
    came = first_reply(
        app,
        "remember the family i was worried about that never came to anything? mom came to the "
        "spring concert. sat in the back, left early, but she came",
    )
    # Had: "That quiet is hard."
    assert "quiet is hard" not in came and "Not hearing back" not in came
    went = first_reply(app, "conference went great actually. i was dreading it all week", "mr-ng")
    # Had: "Feeling nervous about it makes sense".
    assert "nervous" not in went and "partnerships grow" in went


def test_the_end_of_the_week_is_small_talk(app: CoachApp) -> None:
    for number, text in enumerate(["friday finally", "finally friday!!"]):
        reply = first_reply(app, text, f"teacher-{number}")
        # Had: a bright spot to reflect on, or "Glad it's useful!".
        assert "end of the week" in reply
        assert "Glad it's useful" not in reply and "`reflect" not in reply


def test_an_educators_own_misstep_gets_the_repair(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "I think I handled today badly. mom came in angry about her son getting detention and "
        "I got defensive and said some stuff about his attitude I shouldn't have. she left mad. "
        "I keep replaying it",
    )
    # Had: "A parent who broke down or opened up".
    assert "broke down" not in reply
    assert "name your part in one sentence" in reply


def test_telling_which_child_hit_is_about_another_child(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "is it ok to tell a parent that another kid was the one who hit their child? they keep "
        "asking for the name",
    )
    # Had: "Good instinct to check. Progress and grades are the teacher's to share..."
    assert "A parent asking about another child" in reply
    para = first_reply(
        app,
        "im a para and a mom asked me about her kid's IEP goals at pickup. am i allowed to "
        "answer that or do i send her to the teacher",
        "ms-diaz",
    )
    assert "Good instinct to check" in para


def test_a_personal_whatsapp_asked_for_in_spanish_gets_the_boundaries_answer(
    app: CoachApp,
) -> None:
    reply = first_reply(
        app,
        "una mama me pidio mi numero de whatsapp personal. se lo doy o no? todas las otras "
        "maestras lo dan",
    )
    # Had: 'Noted, "una mama me pidio mi numero de whatsapp personal".'
    assert "Check your district's policy first" in reply


def test_asking_to_write_in_spanish_chooses_spanish(app: CoachApp) -> None:
    educator = Conversation(app.coach)
    # Had: "Language came up. Families can partner fully in any language..."
    assert "le hablo en español" in educator.says("puedo escribirte en español?")
    writing = first_reply(app, "can i write to the parents in spanish", "mr-ng")
    assert "le hablo en español" not in writing


def test_a_role_play_is_rehearsed_not_written(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "role play with me? I need to call a dad and tell him his daughter was caught vaping in "
        "the bathroom. he's kind of intimidating. you be the dad",
    )
    # Had: "Let's write a short note home: Share a concern."
    assert "I can't play the other side" in reply
    assert "short note home" not in reply and "type `draft`" not in reply


def test_a_notice_home_asked_for_in_spanish_is_begun(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "necesito mandar un aviso en español de que hay piojos en el salón pero que no suene "
        "feo ni que parezca que culpo a alguien. me ayudas?",
    )
    # Had: "Language came up. Families can partner fully in any language..."
    assert "short note home" in reply


def test_a_label_on_a_child_is_offered_another_way_to_say_it(app: CoachApp) -> None:
    reply = first_reply(
        app,
        'Can you rewrite this so it sounds less harsh: "Amelia has been disrespectful in class '
        'and refuses to follow directions. This behavior needs to stop."',
    )
    # Had: "I did not find deficit framing in that sentence."
    assert "did not find" not in reply
    assert "Amelia has been having a hard time with how they speak to others" in reply


def test_a_hard_day_in_spanish_is_heard_and_a_lovely_one_is_not_a_hard_one(
    app: CoachApp,
) -> None:
    # Had: "I'm not sure what you'd like me to do with that."
    assert "That sounds like a lot" in first_reply(app, "ay qué día")
    lovely = first_reply(app, "que dia tan bonito hoy con las familias", "mr-ng")
    assert "That sounds like a lot," not in lovely


def test_ok_so_is_a_story_beginning(app: CoachApp) -> None:
    # Had: "I'm not sure what you'd like me to do with that."
    assert "I'm listening. Go ahead." in first_reply(app, "ok so")
    asked = first_reply(app, "ok so what should i do about a mom who never answers", "mr-ng")
    assert "I'm listening" not in asked and "could try this week" in asked


def test_who_made_the_bot_is_answered_about_the_coach(app: CoachApp) -> None:
    # Had: "The Dual Capacity-Building Framework at a glance".
    assert "I'm an automated coach" in first_reply(app, "who made this bot")
    flyer = first_reply(app, "who made this flyer? it's great", "mr-ng")
    assert "I'm an automated coach" not in flyer


def test_breakfast_missed_all_week_is_about_basic_needs(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "me preocupa una familia. los niños llegan sin desayunar, con la misma ropa toda la "
        "semana y la mamá no contesta. ya hablé con la consejera pero no pasa nada",
    )
    # Had: "A private matter about a child's health or care".
    assert "food, clothing or housing help" in reply


@pytest.mark.parametrize(
    ("asked", "answered"),
    [
        # Had: the framework's section on learning ("Linked to learning and development").
        ("parent showed up at my classroom door during 2nd period AGAIN wanting to talk about "
         "her son's grade. i teach 9th grade bio. how do i tell her she cant just show up w/o "
         "being rude", "A parent who drops in or asks to watch the class"),
        # Had: the nearest line from a parent who wants to help in class every day.
        ("hs football coach. parent keeps messaging me about playing time. second time this "
         "week. how do i set a boundary w/o starting a war", "Parents and a team or activity"),
        # Had: "Families of older students".
        ("how do i tell a parent their kid is probably going to fail 11th grade english and not "
         "graduate on time. it's march", "Telling a family hard news about progress"),
        # Had: "I don't have a ready answer for that one."
        ("how should we handle parents who want their kid switched out of a certain teacher's "
         "class. we get like 20 requests every august", "A family asking for another teacher"),
    ],
)  # fmt: skip
def test_the_new_everyday_situations_are_answered(app: CoachApp, asked: str, answered: str) -> None:
    assert answered in first_reply(app, asked)


def test_a_504_meeting_named_is_answered_as_one(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "504 meeting next week and dad has already said hes bringing a lawyer. I'm the case "
        "manager. should i be worried and what do i do differently",
    )
    # Had: "Hard conversations take a lot out of you."
    assert "**IEP and 504 meetings**" in reply
    recorded = first_reply(app, "dad recorded our whole iep meeting on his phone without asking")
    assert "A parent recording a meeting" in recorded


def test_a_family_the_app_does_not_reach_gets_the_channel_answer(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "grandma is raising Marcus and she doesnt use a smartphone at all. everything we send "
        "is through the app. what are my options",
    )
    # Had: "I don't have a ready answer for that one."
    assert "Choosing how to reach families" in reply
    email = first_reply(app, "how do u reach a family that never reads email. 3rd grade", "mr-ng")
    assert "Choosing how to reach families" in email


def test_eligibility_for_a_team_and_a_child_held_back_are_named_by_their_words(
    app: CoachApp,
) -> None:
    eligible = first_reply(
        app,
        "a mom keeps asking me to give her son extra credit so he can stay eligible for "
        "basketball. i said no once. she's asking again",
    )
    assert "Parents and a team or activity" in eligible
    retained = first_reply(
        app,
        "I need talking points for a meeting with parents about their son being retained in "
        "kindergarten. they don't know yet",
        "mr-ng",
    )
    # Had: "Thanks for being honest about the friction."
    assert "Telling a family hard news about progress" in retained


def test_a_script_for_a_first_call_is_begun_as_a_note(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "necesito un guion para la primera llamada a una familia nueva que llega de Venezuela",
    )
    # Had: 'Thanks, I see what you mean about "necesito un guion para la primera llamada a…"'.
    assert "short note home" in reply


def test_a_thanks_a_mother_said_is_news_not_thanks_to_the_coach(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "Hoy una mamá me trajo tamales para darme las gracias por ayudar a su hijo con la "
        "solicitud de la beca. Me puse a llorar en la oficina jaja. Eso es todo",
    )
    # Had: "You're welcome. I'm here whenever you want to think something through."
    assert "You're welcome" not in reply and "partnerships grow" in reply


def test_a_request_that_ends_with_thanks_is_still_a_request(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "Need a short message en español e inglés for parents: early dismissal Friday 12:30 "
        "por la nieve. thanks!!",
    )
    # Had: "You're welcome."
    assert "short note home" in reply


def test_a_grade_to_change_and_a_paras_place_are_answered(app: CoachApp) -> None:
    grade = first_reply(
        app,
        'Eighth grade parent wants me to change a grade because her son "was sick." He '
        "wasn't absent a single day. How do I say no nicely",
    )
    # Had: the framework's section on learning.
    assert "A parent disputing a grade" in grade
    place = first_reply(
        app,
        "is it my place as a para to tell a parent something the teacher hasn't told them?",
        "ms-diaz",
    )
    # Had: "I don't have a ready answer for that one."
    assert "Good instinct to check" in place


def test_dread_before_a_talk_is_heard_as_nerves(app: CoachApp) -> None:
    reply = first_reply(
        app,
        "My student's mom just texted me \"we need to talk\" and nothing else and now i'm sick "
        "to my stomach. It's 9pm",
    )
    # Had: "That sounds like a lot, and it's fair to feel that way."
    assert "Feeling nervous about it makes sense" in reply
