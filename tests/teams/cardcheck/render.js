// Renders every card in CARDS with the official Adaptive Cards renderer at Teams' narrow width,
// then writes what it found into <pre id="result">: parse and validation warnings, and every
// button whose title is cut off (its title element is wider inside than it is shown).
(function () {
  const host = new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    supportsInteractivity: true,
    actions: {
      maxActions: 6,
      buttonSpacing: 8,
      actionsOrientation: "horizontal",
      actionAlignment: "stretch",
    },
  });
  const rendered = CARDS.map((json, index) => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = host;
    const context = new AdaptiveCards.SerializationContext();
    card.parse(json, context);
    const warnings = [];
    for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
    for (const event of card.validateProperties().validationEvents) warnings.push(event.message);
    const box = document.createElement("div");
    box.style.width = WIDTH + "px";
    box.appendChild(card.render());
    document.body.appendChild(box);
    return { index, warnings, box };
  });
  const results = rendered.map(({ index, warnings, box }) => {
    const buttons = Array.from(box.querySelectorAll("button.ac-pushButton"));
    const edge = box.getBoundingClientRect().right;
    // Cut: the title's text is wider than its element (an ellipsis), or the button runs
    // past the card's edge (hidden by the card's overflow).
    const cut = buttons
      .filter((button) => {
        const title = button.firstElementChild || button;
        return (
          title.scrollWidth > title.clientWidth + 1 ||
          button.getBoundingClientRect().right > edge + 1
        );
      })
      .map((button) => button.textContent);
    return { index, warnings, buttons: buttons.length, cut };
  });
  const out = document.createElement("pre");
  out.id = "result";
  out.textContent = JSON.stringify(results);
  document.body.appendChild(out);
})();
