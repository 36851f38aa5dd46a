// Draws a Teams personal chat: the educator's messages on the right, the coach's cards on the
// left, each card drawn by the official Adaptive Cards renderer (as Teams does). TURNS comes
// from bench/screenshots/pages.py. Markdown in TextBlocks is drawn the way Teams draws it
// (bold, italic, line breaks), since the renderer leaves markdown to its host.
(function () {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    result.outputHtml = escaped
      .replace(/`([^`\n]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,!?:;]|$)/g, "$1<em>$2</em>")
      .replace(/\n\n/g, "<br>")
      .replace(/\n/g, "<br>");
    result.didProcess = true;
  };
  const host = new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    supportsInteractivity: true,
    actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "stretch" },
  });
  const chat = document.getElementById("chat");
  for (const turn of TURNS) {
    const row = document.createElement("div");
    row.className = "row " + turn.who;
    if (turn.who === "you") {
      const bubble = document.createElement("div");
      bubble.className = "bubble";
      bubble.textContent = turn.text;
      row.appendChild(bubble);
    } else {
      const avatar = document.createElement("div");
      avatar.className = "avatar";
      avatar.textContent = "PC";
      row.appendChild(avatar);
      const column = document.createElement("div");
      column.className = "column";
      const name = document.createElement("div");
      name.className = "name";
      name.textContent = "Partnership Coach  " + turn.time;
      column.appendChild(name);
      for (const item of turn.cards) {
        const card = new AdaptiveCards.AdaptiveCard();
        card.hostConfig = host;
        card.parse(item.card);
        const box = document.createElement("div");
        box.className = item.plain ? "card text" : "card";
        box.appendChild(card.render());
        column.appendChild(box);
      }
      row.appendChild(column);
    }
    chat.appendChild(row);
  }
  const height = document.createElement("pre");
  height.id = "height";
  height.textContent = String(Math.ceil(chat.getBoundingClientRect().bottom));
  document.body.appendChild(height);
})();
