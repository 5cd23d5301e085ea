/* Wagtail's admin without inline scripts, so that the Content-Security-Policy can forbid them.
 *
 * 1. wagtail-modeltranslation's settings, which it writes as an inline script, come from this
 *    script tag's data-wmt attribute (site/village/wagtail_hooks.py), before its own scripts run.
 * 2. The date/time widgets and inline panels mark themselves with data-village-init (templates in
 *    templates/wagtailadmin/); this calls what their inline script called, for the page as
 *    loaded and for every child form added later (inline panel "Add" buttons).
 */
(function () {
  "use strict";
  var me = document.currentScript;
  if (me && me.dataset.wmt) {
    window.wagtailModelTranslations = JSON.parse(me.dataset.wmt);
  }

  var initialisers = {
    initDateChooser: function (el) { window.initDateChooser(el.dataset.target, JSON.parse(el.dataset.config)); },
    initTimeChooser: function (el) { window.initTimeChooser(el.dataset.target, JSON.parse(el.dataset.config)); },
    initDateTimeChooser: function (el) { window.initDateTimeChooser(el.dataset.target, JSON.parse(el.dataset.config)); },
    InlinePanel: function (el) { new window.InlinePanel(JSON.parse(el.dataset.options)); },
    MultipleChooserPanel: function (el) { new window.MultipleChooserPanel(JSON.parse(el.dataset.options)); },
  };

  function initialise(root) {
    var marked = root.querySelectorAll ? root.querySelectorAll("[data-village-init]") : [];
    Array.prototype.forEach.call(marked, function (el) {
      // Markers inside a <template> (an inline panel's empty form) are not live yet.
      if (el.villageInitialised || el.closest("template")) return;
      var initialiser = initialisers[el.dataset.villageInit];
      if (!initialiser) return;
      el.villageInitialised = true;
      initialiser(el);
    });
  }

  function start() {
    initialise(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) initialise(node.parentNode || node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (me && me.dataset.wmtOnly === "true") return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
