/* De Wegwijzer van de Kop: the search page (the DOM part; the search itself is zoeken-kern.js).
 *
 * Loads zoekindex/index.json, then for every query only the files it needs (postings, filter
 * lists, cards). Search text and filters live in the query string, so a search can be shared.
 *
 * "Dichtbij mij" (dichtbij.js) sorts the results by distance. Only after a click does the
 * browser ask for the position, and then the punten-N.json files (coordinates of the results)
 * are fetched. The position stays in a variable on this page: it is not sent, stored or put in
 * the URL. When a woonplaats or gemeente has no results, the nearest results elsewhere are
 * shown with their distance (from the middle of that woonplaats), computed the same way.
 */
(function () {
  "use strict";

  var root = document.getElementById("ww-zoeken");
  var Kern = window.WegwijzerZoekKern, Near = window.WegwijzerDichtbij;
  if (!root || !window.lunr || !window.lunr.nl || !Kern || !Near || !window.fetch) { return; }

  var STEP = 20;     // results shown at once
  var NEARBY = 5;    // results shown from elsewhere when a place has none
  var form = document.getElementById("zoek-form");
  var input = document.getElementById("zoek-q");
  var statusEl = document.getElementById("zoek-status");
  var list = document.getElementById("zoek-resultaten");
  var moreRow = document.getElementById("zoek-meer-rij");
  var moreButton = document.getElementById("zoek-meer");
  var help = document.getElementById("zoek-hulp");
  var browse = document.getElementById("zoek-bladeren");
  var details = document.getElementById("zoek-filters");
  var gratis = document.getElementById("zoek-gratis");
  var base = (root.getAttribute("data-base") || ".").replace(/\/$/, "");
  var folder = root.getAttribute("data-map");
  var nearRow = document.getElementById("zoek-dichtbij-rij");
  var nearButton = document.getElementById("zoek-dichtbij");
  var restList = document.getElementById("zoek-zonder");
  var restHeading = document.getElementById("zoek-zonder-kop");
  var tip = document.getElementById("zoek-tip");

  var engine = null;
  var files = new Map();   // name -> Promise of its content
  var results = [];
  var km = new Map();      // result -> distance to its nearest place (null: no fixed place)
  var restFrom = Infinity; // where the results without a fixed place start
  var shown = 0;
  var run = 0;
  var timer = null;
  var firstResult = true;
  var near = false;        // results sorted by distance
  var here = null;         // the visitor's position {lat, lon}: only here, never sent or stored

  function select(name) { return document.getElementById("zoek-" + name); }

  // --- files ---------------------------------------------------------------------------

  function fetchFile(name) {
    if (!files.has(name)) {
      files.set(name, fetch(folder + name).then(function (r) {
        if (!r.ok) { throw new Error(name + ": " + r.status); }
        return /\.bin$/.test(name) ? r.arrayBuffer() : r.json();
      }).then(function (content) {
        if (engine && !/^kaarten-/.test(name)) { engine.add(name, content); }
        return content;
      }));
    }
    return files.get(name);
  }

  function fetchAll(names) { return Promise.all(names.map(fetchFile)); }

  // Fetch what a query needs until nothing is missing (a fetched file can show what else is needed).
  function ready(q, f) {
    var missing = engine.needs(q, f);
    return missing.length ? fetchAll(missing).then(function () { return ready(q, f); }) : Promise.resolve();
  }

  function withPoints(refs) {
    return fetchAll(engine.pointFiles(refs));
  }

  // --- state in the URL --------------------------------------------------------------

  function readForm() {
    var f = { any: false, gratis: gratis.checked };
    Kern.FILTERS.forEach(function (name) { f[name] = select(name).value; if (f[name]) { f.any = true; } });
    if (f.gratis) { f.any = true; }
    return { q: input.value.trim(), f: f };
  }

  function readUrl() {
    var state = Kern.readParams(new URLSearchParams(window.location.search));
    input.value = state.q;
    var any = false;
    Kern.FILTERS.forEach(function (name) {
      var el = select(name);
      el.value = state.f[name];
      if (el.value !== state.f[name]) { el.value = ""; }  // unknown value in the URL: ignore it
      if (el.value) { any = true; }
    });
    gratis.checked = state.f.gratis;
    if (gratis.checked || any) { details.open = true; }
  }

  // --- drawing -------------------------------------------------------------------------

  function text(t) { return document.createTextNode(t); }

  function link(label, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    return a;
  }

  function fact(label, value, className) {
    var item = document.createElement("li");
    var k = document.createElement("span");
    k.className = "ww-k";
    k.textContent = label + ":";
    if (className) { item.className = className; }
    item.appendChild(k);
    item.appendChild(text(" " + value));
    return item;
  }

  function card(ref, c) {
    var li = document.createElement("li");
    li.className = "ww-card";
    var h = document.createElement("h2");
    h.className = "ww-card__title";
    h.appendChild(link(c.naam, base + "/" + c.url));
    if (c.voorbeeld) {
      var tag = document.createElement("span");
      tag.className = "ww-tag";
      tag.textContent = "voorbeeld";
      h.appendChild(text(" "));
      h.appendChild(tag);
    }
    li.appendChild(h);
    if (c.samenvatting) {
      var p = document.createElement("p");
      p.className = "ww-card__summary";
      p.textContent = c.samenvatting;
      li.appendChild(p);
    }
    var facts = document.createElement("ul");
    facts.className = "ww-card__facts";
    var place = c.soort === "plek";
    if (km.get(ref) != null) {
      facts.appendChild(fact("Afstand", Near.formatKm(km.get(ref)) +
        (engine.placeCount(ref) > 1 ? " (de dichtstbijzijnde plek)" : ""), "ww-card__afstand"));
    }
    [[place ? "Adres" : "Waar", c.waar], [place ? "Open" : "Wanneer", c.wanneer], ["Kosten", c.kosten],
      ["Talen", c.talen]].forEach(function (pair) {
      if (pair[1]) { facts.appendChild(fact(pair[0], pair[1])); }
    });
    if (c.soort === "pagina") { facts.appendChild(document.createElement("li")).textContent = "Pagina op deze site"; }
    if (facts.childNodes.length) { li.appendChild(facts); }
    return li;
  }

  function drawMore(thisRun, focusFirst) {
    var next = results.slice(shown, shown + STEP), per = engine.data.kaarten, needed = [];
    next.forEach(function (ref) {
      var name = "kaarten-" + Math.floor(ref / per) + ".json";
      if (needed.indexOf(name) < 0) { needed.push(name); }
    });
    return fetchAll(needed).then(function (loaded) {
      if (thisRun !== run) { return; }
      var byName = new Map();
      needed.forEach(function (name, i) { byName.set(name, loaded[i]); });
      var first = null;
      next.forEach(function (ref, k) {
        var li = card(ref, byName.get("kaarten-" + Math.floor(ref / per) + ".json")[ref % per]);
        if (!first) { first = li; }
        (shown + k >= restFrom ? restList : list).appendChild(li);
      });
      shown += next.length;
      list.hidden = !list.firstChild;
      restList.hidden = restHeading.hidden = !restList.firstChild;
      moreRow.hidden = shown >= results.length;
      if (focusFirst && first) { first.querySelector("a").focus(); }
    });
  }

  function optionText(name) { var el = select(name); return el.options[el.selectedIndex].text; }

  function placeName(f) { return f.kern ? optionText("kern") : f.gemeente ? optionText("gemeente") : ""; }

  function filterText(f) {
    var parts = [];
    if (f.kern || f.gemeente) { parts.push("in " + placeName(f)); }
    if (f.thema) { parts.push("thema " + optionText("thema")); }
    if (f.voor) { parts.push("voor " + optionText("voor").toLowerCase()); }
    if (f.dag) { parts.push("op " + optionText("dag").toLowerCase()); }
    if (f.taal) { parts.push("in het " + optionText("taal")); }
    if (f.gratis) { parts.push("gratis"); }
    return parts.join(", ");
  }

  function count(n) { return n === 1 ? "1 resultaat" : n + " resultaten"; }

  function showHelp(state, outcome) {
    help.textContent = "";
    var ul = document.createElement("ul");
    function add(node, after) {
      var li = document.createElement("li");
      li.appendChild(node);
      if (after) { li.appendChild(text(after)); }
      ul.appendChild(li);
    }
    if (state.f.any && state.q) {
      var all = engine.search(state.q, {});
      if (all.refs.length) { add(link("Zoek zonder filters", Kern.queryString(state.q, {})), " (" + count(all.refs.length) + ")."); }
    }
    if (outcome.perConcept.length > 1) {
      outcome.perConcept.forEach(function (c) {
        if (c.size) { add(link("Zoek alleen op ‘" + c.label + "’", Kern.queryString(c.label, state.f)), " (" + count(c.size) + " zonder filters)."); }
      });
    }
    add(text("Kijk of je de woorden goed hebt geschreven."));
    add(text("Gebruik een ander of een korter woord. Bijvoorbeeld ‘geld’ in plaats van ‘schuldsanering’."));
    if (root.getAttribute("data-wijkteam")) {
      add(link("Vraag het wijkteam van je gemeente", base + "/" + root.getAttribute("data-wijkteam")),
        ". Zij helpen je verder of weten wie dat wel kan.");
    }
    add(text("Of kies hieronder een onderwerp of je gemeente."));
    var p = document.createElement("p");
    p.textContent = "Probeer dit:";
    help.appendChild(p);
    help.appendChild(ul);
    help.hidden = false;
  }

  // --- one search ------------------------------------------------------------------------

  function nearText() {
    var t = " Wat het dichtst bij je is, staat bovenaan.";
    var without = results.length - restFrom;
    if (without > 0) {
      t += " " + (without === 1 ? "1 resultaat heeft geen vaste plek. Dat staat onderaan." :
        without + " resultaten hebben geen vaste plek. Die staan onderaan.");
    }
    return t;
  }

  function sortNear(refs, from) {
    var sorted = engine.byDistance(refs, from);
    km = new Map();
    restFrom = sorted.length;
    sorted.forEach(function (x, i) {
      km.set(x.ref, x.km);
      if (x.km === null && restFrom === sorted.length) { restFrom = i; }
    });
    return sorted.map(function (x) { return x.ref; });
  }

  // Nothing in the chosen woonplaats or gemeente: the nearest results elsewhere, with their distance.
  function nearby(state) {
    var wider = Kern.withoutPlace(state.f), centre = engine.centre(state.f);
    if (!centre || (!state.q && !wider.any)) { return Promise.resolve([]); }
    return ready(state.q, wider).then(function () {
      var refs = engine.search(state.q, wider).refs;
      return withPoints(refs).then(function () {
        var sorted = sortNear(refs, centre).slice(0, Math.min(NEARBY, restFrom));
        restFrom = Infinity;
        return sorted;
      });
    });
  }

  function outcomeText(state, outcome, note) {
    var about = (state.q ? " voor ‘" + state.q + "’" : "") + (state.f.any ? " (" + filterText(state.f) + ")" : "");
    var extra = "";
    if (outcome.ignored.length) { extra += " We vonden niets met ‘" + outcome.ignored.join("’, ‘") + "’ en zochten zonder dat woord."; }
    if (outcome.partial) { extra += " Niets past bij alle woorden samen. Dit past bij een deel van je vraag."; }
    if (outcome.planOnly) { extra += " Er is geen aanbod dat past. Dit zijn pagina’s over het plan."; }
    return count(results.length) + about + "." + note + extra;
  }

  function show(state, outcome, thisRun) {
    var note = near ? nearText() : "";
    list.hidden = !results.length;
    browse.hidden = results.length > 0;
    if (!results.length) {
      moreRow.hidden = true;
      statusEl.textContent = "Geen resultaten" + (state.q ? " voor ‘" + state.q + "’" : "") +
        (state.f.any ? " (" + filterText(state.f) + ")" : "") + ".";
      showHelp(state, outcome);
      return nearby(state).then(function (refs) {
        if (thisRun !== run || !refs.length) { return; }
        results = refs;
        statusEl.textContent += " Dit is het dichtst bij " + placeName(state.f) + ":";
        list.hidden = false;
        return drawMore(thisRun, false);
      });
    }
    return drawMore(thisRun, false).then(function () {
      if (thisRun !== run) { return; }
      statusEl.textContent = outcomeText(state, outcome, note);
      if (firstResult) {
        firstResult = false;
        if (window.performance && performance.mark) { performance.mark("ww-eerste-resultaat"); }
      }
    });
  }

  function reset() {
    list.textContent = "";
    restList.textContent = "";
    restList.hidden = restHeading.hidden = true;
    help.hidden = true;
    shown = 0;
    restFrom = Infinity;
    km = new Map();
  }

  function update(push) {
    var state = readForm();
    tip.hidden = Boolean(state.q || state.f.any);  // room for the results on a phone
    var qs = Kern.queryString(state.q, state.f);
    if (qs !== window.location.search && !(qs === "" && window.location.search === "?")) {
      window.history[push ? "pushState" : "replaceState"](null, "", window.location.pathname + qs);
    }
    if (!engine) { return; }
    var thisRun = ++run;
    if (!state.q && !state.f.any && !near) {
      reset();
      results = [];
      list.hidden = moreRow.hidden = true;
      browse.hidden = false;
      statusEl.textContent = "";
      return;
    }
    // Dichtbij mij without words or filters: every offer and place, nearest first.
    var f = near && !state.q && !state.f.any ? { any: true, everything: true } : state.f;
    ready(state.q, f).then(function () {
      var outcome = f.everything ? { refs: everything(), ignored: [], perConcept: [] } : engine.search(state.q, f);
      if (!near) { return outcome; }
      return withPoints(outcome.refs).then(function () { return outcome; });
    }).then(function (outcome) {
      if (thisRun !== run) { return; }
      reset();
      results = near ? sortNear(outcome.refs, here) : outcome.refs;
      return show(state, outcome, thisRun);
    }).catch(function () {
      if (thisRun === run) { statusEl.textContent = "De resultaten laden niet. Controleer je internet en probeer het opnieuw."; }
    });
  }

  function everything() {  // every offer and place (no pages)
    var out = [];
    for (var i = 0; i < engine.size; i++) { if (engine.kindOf(i) !== 2) { out.push(i); } }
    return out;
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { update(false); }, 250);
  }

  // --- "Dichtbij mij" ------------------------------------------------------------------

  function setNear(on) {
    near = on;
    nearButton.setAttribute("aria-pressed", on ? "true" : "false");
    nearButton.classList.toggle("md-button--primary", on);
  }

  function wireNear() {
    if (!navigator.geolocation) { return; }
    var busy = false;
    nearRow.hidden = false;
    nearButton.addEventListener("click", function () {
      if (busy) { return; }
      if (near || here) { setNear(!near); update(false); return; }
      busy = true;
      nearButton.setAttribute("aria-disabled", "true");
      statusEl.textContent = "Je plek wordt bepaald… Je plek blijft op je eigen telefoon of computer.";
      Near.ask().then(function (position) {
        here = position;
        setNear(true);
        update(false);
      }, function (err) {
        statusEl.textContent = err.message + (results.length ? " De resultaten staan in de gewone volgorde." : "");
        details.open = true;  // the list of woonplaatsen is there
      }).then(function () {
        busy = false;
        nearButton.removeAttribute("aria-disabled");
      });
    });
  }

  // --- wiring ------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    update(true);
  });
  input.addEventListener("input", later);
  Kern.FILTERS.forEach(function (name) {
    select(name).addEventListener("change", function () {
      var kern = select("kern");
      if (name === "kern" && kern.value) {
        select("gemeente").value = kern.options[kern.selectedIndex].getAttribute("data-gemeente");
      }
      if (name === "gemeente" && kern.value &&
          kern.options[kern.selectedIndex].getAttribute("data-gemeente") !== select("gemeente").value) {
        kern.value = "";
      }
      update(true);
    });
  });
  gratis.addEventListener("change", function () { update(true); });
  moreButton.addEventListener("click", function () { drawMore(run, true); });
  window.addEventListener("popstate", function () { readUrl(); update(false); });

  wireNear();
  readUrl();
  if (input.value || window.location.search.length > 1) { statusEl.textContent = "Even zoeken…"; }

  var loaded = fetch(folder + "index.json").then(function (r) {
    if (!r.ok) { throw new Error("index: " + r.status); }
    return r.json();
  }).then(function (raw) {
    engine = Kern.create(raw);
    root.setAttribute("data-klaar", "ja");
    update(false);
  }).catch(function () {
    statusEl.textContent = "Het zoeken lukt nu niet. Probeer het later opnieuw, of kies hieronder een onderwerp.";
  });

  // For benchmarks/search_bench.py and the tests: the search without drawing.
  window.wwZoeken = {
    ready: loaded,
    prepare: function (q, filters) { return ready(q, filters || {}); },
    search: function (q, filters) { return engine.search(q, filters || {}); },
    clearCache: function () { engine.clearCache(); }
  };
})();
