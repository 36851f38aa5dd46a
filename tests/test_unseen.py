"""The benchmark's "unseen" heldout leaves out what a model learned nearly word for word."""

from __future__ import annotations

from bench.unseen import Repeats, unseen


def test_a_text_a_model_learned_nearly_word_for_word_counts_as_seen() -> None:
    learned = Repeats(["what are the essential conditions", "idk"])
    assert learned.repeats("What are the essential conditions?")  # case and a "?" aside
    assert learned.repeats("IDK")
    # Short texts count only when they are the same words; longer ones must share 80%.
    assert not learned.repeats("idk really")
    assert not learned.repeats("what are the conditions for a good home visit")


def test_the_packaged_examples_leave_most_of_a_new_set_unseen() -> None:
    items = [
        {"text": "how do i use this"},  # a common request, typed as the examples type it
        {"text": "grandpa drives the ice cream truck so he only answers after 9 pm"},
    ]
    assert [item["text"] for item in unseen(items)] == [items[1]["text"]]
