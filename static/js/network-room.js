/* The live room of a learning-network session: chat, presence, agenda, hands and polls over
 * one WebSocket (network/consumers.py).
 *
 * - Every (re)connection starts with {"type": "hello", "last_id": N}: the server answers with a
 *   snapshot of the room and the chat messages after N, so a dropped connection loses nothing.
 * - It reconnects by itself with a growing, jittered delay, and at once when the browser says it
 *   is online again; the status line (aria-live) says what is going on.
 * - Chat messages typed while disconnected are kept (also across a reload, in sessionStorage)
 *   with a uuid made here, and sent after the reconnection; the server drops duplicates.
 * - User text only ever goes in through textContent. Translated words come from the
 *   #room-strings json_script block.
 * - When the session is over (the snapshot says `open: false`, a write is refused with code
 *   "closed", or the server closes with 4410) the room stays on screen, read-only.
 */
(() => {
  "use strict";

  const root = document.getElementById("live-room");
  if (!root || !("WebSocket" in window)) return;

  const strings = JSON.parse(document.getElementById("room-strings").textContent);
  const sessionId = root.dataset.session;
  const me = { id: Number(root.dataset.userId), facilitator: root.dataset.facilitator === "true" };
  const language = document.documentElement.lang || "en";
  const storageKey = `village-room-${sessionId}-outbox`;

  const $ = (selector) => root.querySelector(selector);
  const els = {
    status: $("#room-status"),
    log: $("#room-log"),
    scroller: $("#room-log-scroll"),
    form: $("#room-chat-form"),
    input: $("#room-chat-text"),
    chatError: $("#room-chat-error"),
    presence: $("#room-presence"),
    presenceCount: $("#room-presence-count"),
    agenda: $("#room-agenda"),
    hands: $("#room-hands"),
    speaker: $("#room-speaker"),
    handButton: $("#room-hand-button"),
    clearHands: $("#room-clear-hands"),
    polls: $("#room-polls"),
    pollForm: $("#room-poll-form"),
    pollError: $("#room-poll-error"),
    announcer: $("#room-announcer"),
  };

  let socket = null;
  let lastId = Number(root.dataset.lastId || 0);
  let attempt = 0;
  let retryTimer = null;
  let pingTimer = null;
  let stopped = false;
  let roomOpen = true;
  let everConnected = false;
  let state = { agenda: { items: [], current: null }, hands: [], speaker: null, polls: [], presence: [] };
  const myVotes = new Map();
  const outbox = loadOutbox();

  // --- helpers ------------------------------------------------------------------------------

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  function plural(count, one, other) {
    // nl and en: 1 is singular; fr: 0 and 1 are.
    const singular = language.startsWith("fr") ? count <= 1 : count === 1;
    return format(singular ? one : other, { count });
  }

  function el(tag, attrs = {}, text = null) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    if (text !== null) node.textContent = text;
    return node;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  const timeFormat = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" });

  function setStatus(kind, text) {
    root.dataset.connection = kind;
    els.status.textContent = text;
    els.status.className = `room-status room-status--${kind}`;
  }

  function announce(text) {
    // A separate polite region for what happens in the room (agenda, floor, polls).
    els.announcer.textContent = "";
    window.setTimeout(() => {
      els.announcer.textContent = text;
    }, 50);
  }

  function send(data) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(data));
      return true;
    }
    return false;
  }

  function isOpen() {
    return socket && socket.readyState === WebSocket.OPEN && root.dataset.connection === "online";
  }

  // --- outbox: chat messages not yet confirmed by the server -------------------------------

  function loadOutbox() {
    try {
      const saved = JSON.parse(window.sessionStorage.getItem(storageKey) || "[]");
      return new Map(saved.map((item) => [item.client_id, item]));
    } catch (error) {
      return new Map();
    }
  }

  function saveOutbox() {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(Array.from(outbox.values())));
    } catch (error) {
      /* private mode: the outbox lives in memory only */
    }
  }

  function flushOutbox() {
    for (const item of outbox.values()) {
      send({ type: "chat", text: item.text, client_id: item.client_id });
    }
  }

  // --- chat ---------------------------------------------------------------------------------

  function messageNode(message, pending) {
    const item = el("li", {
      className: `room-message${message.author_id === me.id ? " room-message--mine" : ""}${pending ? " room-message--pending" : ""}`,
      "data-id": message.id || null,
      "data-client-id": message.client_id || null,
    });
    const meta = el("p", { className: "room-message__meta" });
    meta.append(el("strong", {}, message.author));
    if (message.created) {
      const created = new Date(message.created);
      meta.append(" ", el("time", { datetime: message.created }, timeFormat.format(created)));
    }
    item.append(meta, el("p", { className: "room-message__text" }, message.text));
    if (pending) item.append(el("p", { className: "room-message__pending" }, strings.pending));
    return item;
  }

  function addMessage(message) {
    if (message.id && message.id <= lastId && els.log.querySelector(`[data-id="${message.id}"]`)) return;
    const box = els.scroller;
    const stuck = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    if (message.client_id) {
      const waiting = els.log.querySelector(`[data-client-id="${CSS.escape(message.client_id)}"].room-message--pending`);
      if (waiting) waiting.remove();
      if (outbox.delete(message.client_id)) saveOutbox();
    }
    if (!els.log.querySelector(`[data-id="${message.id}"]`)) {
      els.log.append(messageNode(message, false));
    }
    if (message.id > lastId) lastId = message.id;
    const empty = els.log.querySelector(".room-log__empty");
    if (empty) empty.remove();
    // Keep the log short on a phone.
    while (els.log.children.length > 300) els.log.firstElementChild.remove();
    if (stuck || message.author_id === me.id) box.scrollTop = box.scrollHeight;
  }

  function showPending(item) {
    if (els.log.querySelector(`[data-client-id="${CSS.escape(item.client_id)}"]`)) return;
    els.log.append(
      messageNode({ author: strings.you, author_id: me.id, text: item.text, client_id: item.client_id }, true),
    );
    els.scroller.scrollTop = els.scroller.scrollHeight;
  }

  els.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!roomOpen) return;
    const text = els.input.value.trim();
    els.chatError.textContent = "";
    els.input.removeAttribute("aria-invalid");
    if (!text) {
      chatError(strings.empty);
      return;
    }
    const maxLength = Number(els.input.getAttribute("maxlength") || 2000);
    if (text.length > maxLength) {
      chatError(format(strings.too_long, { max: maxLength }));
      return;
    }
    const item = { client_id: uuid(), text };
    outbox.set(item.client_id, item);
    saveOutbox();
    showPending(item);
    els.input.value = "";
    if (isOpen()) send({ type: "chat", text, client_id: item.client_id });
    else setStatus("offline", strings.queued);
  });

  els.input.addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter makes a new line.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      els.form.requestSubmit();
    }
  });

  function chatError(text) {
    els.chatError.textContent = text;
    els.input.setAttribute("aria-invalid", "true");
  }

  // --- presence -----------------------------------------------------------------------------

  function renderPresence(people) {
    state.presence = people.slice();
    els.presence.replaceChildren(
      ...state.presence.map((person) =>
        el("li", { className: person.facilitator ? "room-person room-person--facilitator" : "room-person", "data-id": person.id },
          person.facilitator ? `${person.name} (${strings.facilitator})` : person.name),
      ),
    );
    els.presenceCount.textContent = plural(state.presence.length, strings.present_one, strings.present_other);
  }

  function updatePresence(data) {
    if (data.people) {
      renderPresence(data.people);
      return;
    }
    const left = new Set(data.left || []);
    const joined = (data.joined || []).filter((person) => !state.presence.some((known) => known.id === person.id));
    const people = [...state.presence.filter((person) => !left.has(person.id)), ...joined];
    people.sort((a, b) => Number(b.facilitator) - Number(a.facilitator) || a.name.localeCompare(b.name, language));
    renderPresence(people);
  }

  // --- agenda -------------------------------------------------------------------------------

  function renderAgenda(agenda, announceChange) {
    const before = state.agenda.current;
    state.agenda = agenda;
    const items = agenda.items.map((item, index) => {
      const current = item.id === agenda.current;
      const li = el("li", {
        className: current ? "room-agenda__item room-agenda__item--current" : "room-agenda__item",
        "aria-current": current ? "step" : null,
        "data-id": item.id,
      });
      const title = el("span", { className: "room-agenda__title" }, item.title);
      li.append(title);
      if (current) li.append(" ", el("span", { className: "badge badge--now" }, strings.now));
      if (item.duration) li.append(" ", el("span", { className: "muted" }, item.duration));
      if (me.facilitator && roomOpen) {
        const button = el(
          "button",
          { type: "button", className: "button button--small button--secondary", "data-action": "open-item", "data-id": item.id },
          current ? strings.close_item : strings.open_item,
        );
        button.append(el("span", { className: "visually-hidden" }, `: ${item.title || index + 1}`));
        li.append(" ", button);
      }
      return li;
    });
    els.agenda.replaceChildren(...items);
    if (announceChange && agenda.current !== before) {
      const opened = agenda.items.find((item) => item.id === agenda.current);
      announce(opened ? format(strings.agenda_now, { title: opened.title }) : strings.agenda_none);
    }
  }

  els.agenda.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action='open-item']");
    if (!button) return;
    const id = Number(button.dataset.id);
    send({ type: "agenda", item: state.agenda.current === id ? null : id });
  });

  // --- hands --------------------------------------------------------------------------------

  function renderHands(queue, speaker, announceChange) {
    const hadFloor = state.speaker && state.speaker.id === me.id;
    state.hands = queue;
    state.speaker = speaker;
    els.hands.replaceChildren(
      ...queue.map((person, index) => {
        const li = el("li", { className: "room-hand" });
        li.append(el("span", {}, format(strings.queue_entry, { position: index + 1, name: person.name })));
        if (me.facilitator && roomOpen) {
          const button = el(
            "button",
            { type: "button", className: "button button--small", "data-action": "floor", "data-id": person.id },
            strings.give_floor,
          );
          button.append(el("span", { className: "visually-hidden" }, `: ${person.name}`));
          li.append(" ", button);
        }
        return li;
      }),
    );
    if (!queue.length) els.hands.append(el("li", { className: "muted" }, strings.no_hands));
    els.speaker.textContent = speaker ? format(strings.speaking, { name: speaker.name }) : "";
    els.speaker.hidden = !speaker;
    const raised = queue.some((person) => person.id === me.id);
    els.handButton.textContent = raised ? strings.lower_hand : strings.raise_hand;
    els.handButton.setAttribute("aria-pressed", raised ? "true" : "false");
    if (els.clearHands) els.clearHands.disabled = !queue.length && !speaker;
    if (announceChange && speaker && speaker.id === me.id && !hadFloor) announce(strings.your_turn);
  }

  els.handButton.addEventListener("click", () => {
    const raised = els.handButton.getAttribute("aria-pressed") === "true";
    send({ type: "hand", raised: !raised });
  });

  els.hands.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action='floor']");
    if (button) send({ type: "floor", user: Number(button.dataset.id) });
  });

  if (els.clearHands) {
    els.clearHands.addEventListener("click", () => send({ type: "clear_hands" }));
  }

  // --- polls --------------------------------------------------------------------------------

  function pollNode(poll) {
    const section = el("section", {
      className: poll.closed ? "room-poll room-poll--closed" : "room-poll",
      "data-poll": poll.id,
      "aria-labelledby": `room-poll-${poll.id}-q`,
    });
    const heading = el("h3", { id: `room-poll-${poll.id}-q` }, poll.question);
    section.append(heading);
    section.append(
      el("p", { className: "muted" },
        `${poll.closed ? strings.poll_closed : strings.poll_open} · ${plural(poll.total, strings.votes_one, strings.votes_other)}`),
    );
    const mine = myVotes.get(poll.id);
    if (!poll.closed && roomOpen) {
      const form = el("form", { className: "room-poll__vote", "data-poll": poll.id });
      const fieldset = el("fieldset");
      fieldset.append(el("legend", { className: "visually-hidden" }, poll.question));
      for (const option of poll.options) {
        const id = `room-poll-${poll.id}-o-${option.id}`;
        const label = el("label", { for: id, className: "room-poll__choice" });
        const input = el("input", { type: "radio", id, name: `poll-${poll.id}`, value: option.id });
        input.checked = mine === option.id;
        label.append(input, " ", el("span", {}, option.text));
        fieldset.append(label);
      }
      form.append(fieldset);
      form.append(el("button", { type: "submit", className: "button button--small" }, mine ? strings.change_vote : strings.vote));
      section.append(form);
    }
    const results = el("ul", { className: "room-poll__results", "aria-label": strings.results });
    for (const option of poll.options) {
      const share = poll.total ? Math.round((100 * option.votes) / poll.total) : 0;
      const li = el("li", { className: mine === option.id ? "room-poll__result room-poll__result--mine" : "room-poll__result" });
      const label = el("span", { className: "room-poll__label" });
      label.append(el("span", {}, option.text));
      label.append(" ", el("span", { className: "muted" }, `${plural(option.votes, strings.votes_one, strings.votes_other)} (${share}%)`));
      if (mine === option.id) label.append(" ", el("span", { className: "badge" }, strings.your_vote));
      const bar = el("span", { className: "room-poll__bar", "aria-hidden": "true" });
      const fill = el("span", { className: "room-poll__fill" });
      fill.style.width = `${share}%`;
      bar.append(fill);
      li.append(label, bar);
      results.append(li);
    }
    section.append(results);
    if (me.facilitator && !poll.closed && roomOpen) {
      const close = el("button", { type: "button", className: "button button--small button--secondary", "data-action": "close-poll", "data-poll": poll.id }, strings.close_poll);
      close.append(el("span", { className: "visually-hidden" }, `: ${poll.question}`));
      section.append(close);
    }
    return section;
  }

  function renderPoll(poll, announceChange) {
    const index = state.polls.findIndex((p) => p.id === poll.id);
    const isNew = index === -1;
    const wasClosed = !isNew && state.polls[index].closed;
    if (isNew) state.polls.push(poll);
    else state.polls[index] = poll;
    const existing = els.polls.querySelector(`[data-poll="${poll.id}"].room-poll`);
    // Do not redraw an open poll's form under someone who is choosing: keep the choice.
    const focused = existing && existing.contains(document.activeElement) ? document.activeElement.id : null;
    const chosen = existing ? existing.querySelector("input[type=radio]:checked") : null;
    const node = pollNode(poll);
    if (chosen && !poll.closed) {
      const again = node.querySelector(`#${CSS.escape(chosen.id)}`);
      if (again) again.checked = true;
    }
    if (existing) existing.replaceWith(node);
    else els.polls.prepend(node);
    if (focused) {
      const again = node.querySelector(`#${CSS.escape(focused)}`) || node.querySelector(".room-poll__vote button, h3");
      if (again) again.focus();
    }
    const empty = els.polls.querySelector(".room-polls__empty");
    if (empty) empty.remove();
    if (announceChange && isNew) announce(format(strings.poll_new, { question: poll.question }));
    if (announceChange && !isNew && poll.closed && !wasClosed) {
      announce(format(strings.poll_ended, { question: poll.question }));
    }
  }

  els.polls.addEventListener("submit", (event) => {
    const form = event.target.closest(".room-poll__vote");
    if (!form) return;
    event.preventDefault();
    const chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) return;
    send({ type: "vote", poll: Number(form.dataset.poll), option: Number(chosen.value) });
  });

  els.polls.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action='close-poll']");
    if (button) send({ type: "close_poll", poll: Number(button.dataset.poll) });
  });

  if (els.pollForm) {
    els.pollForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const question = els.pollForm.elements.question.value.trim();
      const options = els.pollForm.elements.options.value.split("\n").map((line) => line.trim()).filter(Boolean);
      els.pollError.textContent = "";
      if (!send({ type: "create_poll", question, options })) {
        els.pollError.textContent = strings.not_connected;
      }
    });
  }

  // --- the socket ---------------------------------------------------------------------------

  function onMessage(event) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    switch (data.type) {
      case "state":
        renderState(data);
        break;
      case "chat":
        addMessage(data.message);
        break;
      case "presence":
        updatePresence(data);
        break;
      case "agenda":
        renderAgenda(data.agenda, true);
        break;
      case "hands":
        renderHands(data.queue, data.speaker, true);
        break;
      case "poll":
        renderPoll(data.poll, true);
        break;
      case "voted":
        myVotes.set(data.poll, data.option);
        {
          const poll = state.polls.find((p) => p.id === data.poll);
          if (poll) renderPoll(poll, false);
        }
        break;
      case "poll_created":
        if (els.pollForm) {
          els.pollForm.reset();
          els.pollError.textContent = "";
        }
        break;
      case "error":
        showError(data);
        break;
      default:
        break;
    }
  }

  function showError(data) {
    if (data.code === "closed") {
      closeRoom(data.message);
      return;
    }
    if (data.client_id) {
      // Refused for good (too long, too fast): take it out of the outbox, keep the text to edit.
      const item = outbox.get(data.client_id);
      outbox.delete(data.client_id);
      saveOutbox();
      const waiting = els.log.querySelector(`[data-client-id="${CSS.escape(data.client_id)}"]`);
      if (waiting) waiting.remove();
      if (item && !els.input.value) els.input.value = item.text;
      chatError(data.message);
    } else if (data.about === "poll" && els.pollError) {
      els.pollError.textContent = data.message;
    } else {
      announce(data.message);
    }
  }

  function closeRoom(message) {
    // The session is over: keep everything on screen, take away what would write.
    roomOpen = false;
    stopped = true;
    window.clearTimeout(retryTimer);
    window.clearInterval(pingTimer);
    const old = socket;
    socket = null;
    if (old) old.close();
    setStatus("closed", message);
    for (const control of root.querySelectorAll("[data-needs-connection], #room-chat-form button")) {
      control.disabled = true;
    }
    els.input.readOnly = true;
    for (const note of els.log.querySelectorAll(".room-message__pending")) note.textContent = strings.not_sent;
    outbox.clear();
    saveOutbox();
    renderAgenda(state.agenda, false);
    renderHands(state.hands, state.speaker, false);
    for (const poll of state.polls.slice()) renderPoll(poll, false);
  }

  function renderState(data) {
    for (const message of data.messages) addMessage(message);
    renderPresence(data.presence);
    renderAgenda(data.agenda, everConnected);
    renderHands(data.hands, data.speaker, everConnected);
    for (const poll of data.polls) {
      if (poll.my_vote) myVotes.set(poll.id, poll.my_vote);
    }
    state.polls = [];
    els.polls.replaceChildren();
    for (const poll of data.polls.slice().reverse()) renderPoll(poll, false);
    if (!data.polls.length) els.polls.append(el("p", { className: "muted room-polls__empty" }, strings.no_polls));
    const wasReconnect = everConnected;
    everConnected = true;
    attempt = 0;
    if (data.open === false) {
      closeRoom(data.notice);
      return;
    }
    setStatus("online", wasReconnect ? strings.reconnected : strings.connected);
    for (const control of root.querySelectorAll("[data-needs-connection]")) control.disabled = false;
    flushOutbox();
  }

  function connect() {
    window.clearTimeout(retryTimer);
    if (stopped) return;
    if (socket) {
      // A connection still being tried: replace it, so that one line stays open.
      const old = socket;
      socket = null;
      try {
        old.close();
      } catch (error) {
        /* already closed */
      }
    }
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    setStatus(everConnected ? "reconnecting" : "connecting", everConnected ? strings.reconnecting : strings.connecting);
    try {
      socket = new WebSocket(`${scheme}://${window.location.host}${root.dataset.socket}`);
    } catch (error) {
      scheduleReconnect();
      return;
    }
    const current = socket;
    current.addEventListener("open", () => {
      if (current !== socket) return;
      current.send(JSON.stringify({ type: "hello", last_id: lastId, language }));
      window.clearInterval(pingTimer);
      pingTimer = window.setInterval(() => send({ type: "ping" }), 25000);
    });
    current.addEventListener("message", (event) => {
      // Only the current line counts: what an abandoned one still delivers comes again
      // with the backfill of the next.
      if (current === socket) onMessage(event);
    });
    current.addEventListener("close", (event) => {
      if (current !== socket) return;
      window.clearInterval(pingTimer);
      for (const control of root.querySelectorAll("[data-needs-connection]")) control.disabled = true;
      if (event.code === 4403 || event.code === 4404) {
        stopped = true;
        setStatus("closed", strings.no_access);
        return;
      }
      if (event.code === 4410) {
        closeRoom(strings.ended);
        return;
      }
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    if (stopped) return;
    attempt += 1;
    const delay = Math.min(30000, 1000 * 2 ** Math.min(attempt - 1, 5)) * (0.75 + Math.random() * 0.5);
    setStatus(navigator.onLine === false ? "offline" : "reconnecting",
      outbox.size ? strings.queued : strings.reconnecting);
    retryTimer = window.setTimeout(connect, delay);
  }

  window.addEventListener("online", () => {
    if (!isOpen()) {
      attempt = 0;
      connect();
    }
  });
  window.addEventListener("offline", () => {
    if (stopped) return;
    // Do not wait for a close handshake that cannot happen: drop the line and retry.
    const old = socket;
    socket = null;
    window.clearInterval(pingTimer);
    for (const control of root.querySelectorAll("[data-needs-connection]")) control.disabled = true;
    if (old) old.close();
    scheduleReconnect();
    setStatus("offline", strings.reconnecting);
  });
  document.addEventListener("visibilitychange", () => {
    // Phones suspend background tabs: check the line as soon as the room is seen again.
    if (document.visibilityState === "visible" && !isOpen() && !stopped) {
      attempt = 0;
      connect();
    }
  });

  for (const item of outbox.values()) showPending(item);
  connect();
})();
