/*
 * De Wegwijzer van de Kop: "Lees voor" (read aloud) with the browser's own speech synthesis.
 *
 * - Only a Dutch voice that runs on the visitor's own device (voice.localService): the text never
 *   goes to an outside speech service. No such voice, or no speechSynthesis at all: no button.
 * - Reads the main content only (the article), block by block, skipping the map, scripts and hidden parts.
 * - One button (44 px high) after the page title: "Lees voor" / "Stop met voorlezen" (aria-pressed).
 * Loaded only on pages that offer it (site/trust.py sets ww_voorlezen).
 */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  var article = document.querySelector("article.md-content__inner");
  if (!synth || !window.SpeechSynthesisUtterance || !article) return;
  var SKIP = ".ww-kaart, .ww-voorlezen, script, style, noscript, .ww-crumbs, [hidden], [aria-hidden='true']";
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary";

  function dutchVoice() {
    var voices = synth.getVoices() || [];
    var local = voices.filter(function (v) { return v.localService && /^nl([-_]|$)/i.test(v.lang || ""); });
    return local.filter(function (v) { return /^nl[-_]NL/i.test(v.lang); })[0] || local[0] || null;
  }

  /** The text to read: each block once (a list item inside a list item is read with its parent). */
  function chunks() {
    var out = [];
    article.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.closest(SKIP) || el.parentElement.closest(BLOCKS)) return;
      if (!el.getClientRects().length) return;  // not shown (closed details, display: none)
      var text = (el.innerText || el.textContent || "").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
      if (text) out.push(text);
    });
    return out;
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-button ww-voorlezen";
  button.setAttribute("aria-pressed", "false");
  var reading = false;

  function label() {
    button.textContent = reading ? "Stop met voorlezen" : "Lees voor";
    button.setAttribute("aria-pressed", reading ? "true" : "false");
  }

  function stop() {
    reading = false;
    synth.cancel();
    label();
  }

  function start(voice) {
    synth.cancel();
    reading = true;
    label();
    var parts = chunks();
    parts.forEach(function (text, i) {
      var u = new SpeechSynthesisUtterance(text);
      u.lang = voice.lang || "nl-NL";
      u.voice = voice;
      u.rate = 0.95;
      if (i === parts.length - 1) u.onend = function () { reading = false; label(); };
      synth.speak(u);
    });
  }

  function offer() {
    var voice = dutchVoice();
    if (!voice || button.parentNode) return;
    label();
    button.addEventListener("click", function () {
      if (reading) stop(); else start(dutchVoice() || voice);
    });
    var title = article.querySelector("h1");
    var row = document.createElement("p");
    row.className = "ww-voorlezen__rij";
    row.appendChild(button);
    if (title) title.insertAdjacentElement("afterend", row); else article.insertBefore(row, article.firstChild);
  }

  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  window.addEventListener("pagehide", function () { if (reading) synth.cancel(); });
})();
