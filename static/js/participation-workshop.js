/* Workshop mode: an optional drawing instead of words, and live status of one's own ideas.
 *
 * Drawing: the template has a <details data-drawing> with a <canvas>, colour buttons and a
 * "start again" button; when the child has drawn something, the form sends the drawing as a
 * PNG data URL in the hidden input named "drawing" (the server checks and stores it like a
 * photo). Without JavaScript the details stay hidden and photo/text still work.
 *
 * Status: the list [data-my-ideas-url] is refreshed every little while from a JSON address
 * that only tells this participant about their own ideas; changed statuses are announced
 * through the list's polite live region. Words come from the page, never from this file.
 */
(function () {
  "use strict";

  function setUpDrawing(box) {
    var canvas = box.querySelector("canvas");
    var form = box.closest("form");
    var input = form && form.querySelector('input[name="drawing"]');
    if (!canvas || !input) return;
    box.hidden = false;
    var context = canvas.getContext("2d");
    var drawn = false;
    var drawing = false;
    var colour = "#1c1f24";
    var last = null;

    function clear() {
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      input.value = "";
    }

    function point(event) {
      var rect = canvas.getBoundingClientRect();
      return {
        x: ((event.clientX - rect.left) * canvas.width) / rect.width,
        y: ((event.clientY - rect.top) * canvas.height) / rect.height,
      };
    }

    function line(from, to) {
      context.strokeStyle = colour;
      context.lineWidth = 10;
      context.lineCap = "round";
      context.lineJoin = "round";
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x + 0.01, to.y + 0.01);
      context.stroke();
    }

    canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      drawing = true;
      last = point(event);
      line(last, last);
      drawn = true;
      if (canvas.setPointerCapture) canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) return;
      event.preventDefault();
      var next = point(event);
      line(last, next);
      last = next;
    });
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) {
      canvas.addEventListener(name, function () { drawing = false; });
    });

    box.querySelectorAll("[data-colour]").forEach(function (button) {
      button.addEventListener("click", function () {
        colour = button.getAttribute("data-colour");
        box.querySelectorAll("[data-colour]").forEach(function (other) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      });
    });
    var reset = box.querySelector("[data-clear]");
    if (reset) reset.addEventListener("click", clear);

    form.addEventListener("submit", function () {
      input.value = drawn ? canvas.toDataURL("image/png") : "";
    });
    clear();
  }

  function setUpStatus(list) {
    var url = list.getAttribute("data-my-ideas-url");
    var every = parseInt(list.getAttribute("data-refresh-seconds") || "15", 10) * 1000;
    var announcer = document.querySelector("[data-status-announcer]");

    function refresh() {
      if (document.hidden) return;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || !Array.isArray(data.ideas)) return;
          var changed = [];
          data.ideas.forEach(function (idea) {
            var item = list.querySelector('[data-idea-id="' + String(parseInt(idea.id, 10)) + '"]');
            if (!item) return;
            var badge = item.querySelector("[data-idea-status]");
            if (badge && badge.getAttribute("data-status") !== idea.status) {
              badge.setAttribute("data-status", idea.status);
              badge.className = "workshop-status workshop-status--" + idea.status;
              badge.textContent = idea.status_label;
              var heading = item.querySelector("[data-idea-title]");
              changed.push((heading ? heading.textContent + ": " : "") + idea.status_label);
            }
          });
          if (changed.length && announcer) announcer.textContent = changed.join(". ");
        })
        .catch(function () { /* offline for a moment: the next round tries again */ });
    }

    window.setInterval(refresh, every);
    document.addEventListener("visibilitychange", refresh);
  }

  document.querySelectorAll("[data-drawing]").forEach(setUpDrawing);
  document.querySelectorAll("[data-my-ideas-url]").forEach(setUpStatus);
})();
