"""What an educator meets first: items written for their role and grades, then those for
everyone, then someone else's; nothing is ever left out."""

from __future__ import annotations

from content.fit import NO_PROFILE, Profile, offered_first, offered_order
from content.schema import GradeBand, Role, TaggedText


def item(text: str, roles: tuple[str, ...] = (), grades: tuple[str, ...] = ()) -> TaggedText:
    return TaggedText.model_validate({"text": text, "roles": roles, "grades": grades})


ITEMS = [
    item("Which family did I talk with this week?"),
    item("What did my class newsletter ask of families?", roles=("teacher",)),
    item("What did our staff meeting agenda say about families?", roles=("leader",)),
    item("Which student could lead their own conference?", grades=("middle", "high")),
    item("Which family did I see on a home visit?", roles=("counselor", "liaison")),
    item("What did our budget set aside for family events?", roles=("leader",)),
]


def texts(profile: Profile) -> list[str]:
    return [ITEMS[i].text for i in offered_order(ITEMS, profile)]


def test_without_a_profile_the_files_order_stays_and_other_roles_come_last() -> None:
    assert offered_order(ITEMS, NO_PROFILE) == [0, 1, 3, 2, 4, 5]


def test_a_leader_meets_their_own_first_and_the_classroom_items_last() -> None:
    order = texts(Profile(Role.LEADER))
    assert order[:2] == [ITEMS[2].text, ITEMS[5].text]
    assert order[-2:] == [ITEMS[1].text, ITEMS[4].text]


def test_a_high_school_teacher_meets_the_secondary_variant_first() -> None:
    assert texts(Profile(Role.TEACHER, GradeBand.HIGH))[0] == ITEMS[3].text
    # An elementary teacher meets it after everything written for them.
    elementary = texts(Profile(Role.TEACHER, GradeBand.ELEMENTARY))
    assert elementary.index(ITEMS[3].text) > elementary.index(ITEMS[1].text)


def test_a_counselor_meets_the_home_visit_first_and_a_role_beats_a_grade_band() -> None:
    assert texts(Profile(Role.COUNSELOR, GradeBand.HIGH))[:2] == [ITEMS[4].text, ITEMS[3].text]


def test_every_item_is_still_offered_to_everyone() -> None:
    for role in [None, *Role]:
        for band in [None, *GradeBand]:
            assert sorted(offered_order(ITEMS, Profile(role, band))) == list(range(len(ITEMS)))


def test_offered_first_leaves_out_only_what_was_written_for_someone_else() -> None:
    assert offered_first(ITEMS, Profile(Role.LIAISON)) == [4, 0, 3]
