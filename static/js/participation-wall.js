/* Live idea wall: approved ideas appear and removed ones disappear without a reload.
 *
 * The page renders the cards that are public now; this script connects to
 * ws/tracks/<track>/wall/ (optionally ?workshop=<code>) and applies what the server sends:
 *   {"type": "wall.snapshot", "ideas": [idea, ...]}  all public ideas now (on every (re)connect)
 *   {"type": "idea.show", "idea": idea}               a new or changed public idea
 *   {"type": "idea.hide", "id": 42}                    an idea that is no longer public
 * Every text from a person is put in with textContent, never as HTML.
 * Translated words come from the template (data- attributes), never from this file.
 */
(function () {
  "use strict";

  var wall = document.querySelector("[data-wall-socket]");
  if (!wall) return;
  var list = wall.querySelector("[data-wall-list]");
  var empty = wall.querySelector("[data-wall-empty]");
  var state = document.querySelector("[data-wall-state]");
  var count = document.querySelector("[data-wall-count]");
  var words = wall.dataset;
  var limit = parseInt(words.wallLimit || "60", 10);
  var delay = 1000;
  var maxDelay = 30000;
  var socket = null;
  var retryTimer = null;

  function socketUrl() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + words.wallSocket;
  }

  function setState(kind) {
    if (!state) return;
    wall.setAttribute("data-connection", kind);
    var text = kind === "live" ? words.wallLive : kind === "reconnecting" ? words.wallReconnecting : words.wallConnecting;
    if (state.textContent !== text) state.textContent = text;
    state.className = "wall-state wall-state--" + kind;
  }

  function cardFor(id) {
    return list.querySelector('[data-idea-id="' + String(parseInt(id, 10)) + '"]');
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function buildCard(idea) {
    var card = element("li", "wall-card");
    card.setAttribute("data-idea-id", String(parseInt(idea.id, 10)));
    if (idea.language) card.setAttribute("lang", idea.language);
    if (idea.image_url) {
      var figure = element("figure", "wall-card__figure");
      var image = element("img", "wall-card__image");
      image.src = idea.image_url;
      image.alt = idea.image_alt || "";
      image.loading = "lazy";
      figure.appendChild(image);
      card.appendChild(figure);
    }
    if (idea.title) card.appendChild(element("h3", "wall-card__title", idea.title));
    if (idea.text) card.appendChild(element("p", "wall-card__text", idea.text));
    var meta = element("p", "wall-card__meta");
    if (idea.author) meta.appendChild(element("span", "wall-card__author", idea.author));
    if (idea.theme) meta.appendChild(element("span", "wall-card__theme", idea.theme));
    card.appendChild(meta);
    return card;
  }

  function refreshCount() {
    var cards = list.querySelectorAll("[data-idea-id]").length;
    if (empty) empty.hidden = cards > 0;
    if (count) {
      var template = cards === 1 ? words.wallCountOne : words.wallCountMany;
      if (template) count.textContent = template.replace("%(count)s", String(cards));
    }
  }

  function show(idea, animate) {
    var existing = cardFor(idea.id);
    var card = buildCard(idea);
    if (existing) {
      list.replaceChild(card, existing);
    } else {
      if (animate) card.classList.add("wall-card--new");
      list.insertBefore(card, list.firstChild);
      while (list.children.length > limit) list.removeChild(list.lastChild);
    }
  }

  function hide(id) {
    var card = cardFor(id);
    if (card) card.parentNode.removeChild(card);
  }

  function snapshot(ideas) {
    var keep = {};
    ideas.forEach(function (idea) { keep[String(parseInt(idea.id, 10))] = true; });
    Array.prototype.slice.call(list.querySelectorAll("[data-idea-id]")).forEach(function (card) {
      if (!keep[card.getAttribute("data-idea-id")]) card.parentNode.removeChild(card);
    });
    // Oldest first, each put on top: the newest ends up first.
    ideas.slice().reverse().forEach(function (idea) {
      if (!cardFor(idea.id)) show(idea, true);
      else show(idea, false);
    });
  }

  function receive(event) {
    var message;
    try {
      message = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    if (message.type === "wall.snapshot" && Array.isArray(message.ideas)) snapshot(message.ideas);
    else if (message.type === "idea.show" && message.idea) show(message.idea, true);
    else if (message.type === "idea.hide") hide(message.id);
    refreshCount();
  }

  function connect() {
    retryTimer = null;
    try {
      socket = new WebSocket(socketUrl());
    } catch (error) {
      retry();
      return;
    }
    socket.addEventListener("open", function () {
      delay = 1000;
      setState("live");
    });
    socket.addEventListener("message", receive);
    socket.addEventListener("close", function () {
      socket = null;
      retry();
    });
  }

  function retry() {
    if (retryTimer) return;
    setState("reconnecting");
    // Backoff with jitter, so that a room of screens does not knock all at once.
    var wait = Math.min(maxDelay, delay) * (0.75 + Math.random() * 0.5);
    delay = Math.min(maxDelay, delay * 2);
    retryTimer = window.setTimeout(connect, wait);
  }

  // A phone or laptop waking up: try at once instead of waiting for the backoff.
  window.addEventListener("online", function () {
    if (!socket && retryTimer) {
      window.clearTimeout(retryTimer);
      delay = 1000;
      connect();
    }
  });

  setState("connecting");
  refreshCount();
  connect();
})();
