"""How a reply's options are laid out in an Adaptive Card so Teams never cuts one off.

Teams truncates an `Action.Submit` title that does not fit its button, with no way to read
the rest (about 35 characters on its own at the narrow, mobile width; less when buttons
share a row). So, by how long the labels are:

- short labels that fit side by side: one row of buttons (the card's `actions`);
- labels that fit a button of their own: one button per row, stacked in the body;
- any longer label: the options as an expanded `Input.ChoiceSet` (radio buttons whose text
  wraps) and one short submit button. The input's id is `SUBMIT_KEY`, so Teams merges the
  picked value into the click's data exactly where a button would have put it.

Every click also carries `ANSWERED_KEY`: what the card said and the labels of its options,
so the click's card can be replaced in place by one that shows what was chosen
(`answered.py`); Teams sends back only an action's data, never the card.
"""

from __future__ import annotations

from typing import Any

from bot.i18n import Msg
from bot.replies import Choice

SUBMIT_KEY = "coach"
ANSWERED_KEY = "answered"
CHOOSE_TITLE = Msg("Choose")
PICK_ONE = Msg("Pick one, then Choose.")

# Measured in characters at Teams' narrow width: a button's padding and gap cost about 4.
ROW_WIDTH = 36
BUTTON_PADDING = 4
MAX_BUTTON_TITLE = 30


def fits_one_row(labels: list[str]) -> bool:
    return sum(len(label) + BUTTON_PADDING for label in labels) <= ROW_WIDTH


def fits_a_button(label: str) -> bool:
    return len(label) <= MAX_BUTTON_TITLE


def answered_data(title: str | None, text: str, options: tuple[Choice, ...]) -> dict[str, Any]:
    """What the answered card will need: the card's own words and its options' labels."""
    return {"title": title, "text": text, "labels": {o.value: o.label for o in options}}


def _submit(title: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": title, "data": data}


def _button(choice: Choice, answered: dict[str, Any]) -> dict[str, Any]:
    return _submit(choice.label, {SUBMIT_KEY: choice.value, ANSWERED_KEY: answered})


def _choice_set(options: tuple[Choice, ...]) -> dict[str, Any]:
    return {
        "type": "Input.ChoiceSet",
        "id": SUBMIT_KEY,
        "style": "expanded",
        "wrap": True,
        "isRequired": True,
        "errorMessage": str(PICK_ONE),
        "label": str(PICK_ONE),
        "choices": [{"title": o.label, "value": o.value} for o in options],
    }


def layout(
    options: tuple[Choice, ...], answered: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(body elements, card actions) that offer `options` without cutting any label."""
    if not options:
        return [], []
    labels = [o.label for o in options]
    if fits_one_row(labels):
        return [], [_button(o, answered) for o in options]
    if all(fits_a_button(label) for label in labels):
        rows = [{"type": "ActionSet", "actions": [_button(o, answered)]} for o in options]
        return rows, []
    submit = _submit(str(CHOOSE_TITLE), {ANSWERED_KEY: answered})
    return [_choice_set(options), {"type": "ActionSet", "actions": [submit]}], []
