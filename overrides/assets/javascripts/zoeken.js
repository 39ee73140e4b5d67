/* De Wegwijzer van de Kop: the search page.
 *
 * Loads the index that the build made (wegwijzer/search.py) and searches it with lunr.js.
 * The browser never builds an index: it reads the posting lists (with the scores lunr.py computed)
 * and uses lunr.js for the Dutch pipeline and for prefix and typing-error matches (lunr.TokenSet).
 * Search text and filters live in the query string, so a search can be shared.
 *
 * "Dichtbij mij" (dichtbij.js) sorts the results by distance. Only after a click does the
 * browser ask for the position, and then zoekindex/punten.json (coordinates of every result
 * with a place) is fetched. The position stays in a variable on this page: it is not sent,
 * stored or put in the URL. The sort is not in the URL either: a shared link must not start
 * asking the other person for their position, and the sort needs their own click anyway.
 */
(function () {
  "use strict";

  var root = document.getElementById("ww-zoeken");
  if (!root || !window.lunr || !window.lunr.nl) { return; }

  var FILTERS = ["gemeente", "kern", "thema", "voor", "dag"];
  var STEP = 20;  // results shown at once
  var PAGE_WEIGHT = 0.7;  // plain pages rank a little below offers and places
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
  var cardsUrl = root.getAttribute("data-kaarten");
  var nearRow = document.getElementById("zoek-dichtbij-rij");
  var nearButton = document.getElementById("zoek-dichtbij");
  var restList = document.getElementById("zoek-zonder");
  var restHeading = document.getElementById("zoek-zonder-kop");
  var pointsUrl = root.getAttribute("data-punten");
  var Near = window.WegwijzerDichtbij;

  var data = null;        // the downloaded index.json
  var index = null;       // {postings, tokenSet}
  var phrases = null;     // first stem -> [{terms, group}]
  var termCache = new Map();
  var shardCache = new Map();
  var results = [];
  var shown = 0;
  var run = 0;
  var timer = null;
  var firstResult = true;
  var near = false;        // results sorted by distance
  var here = null;         // the visitor's position {lat, lon}: only here, never sent or stored
  var points = null;       // the downloaded punten.json
  var km = new Map();      // result -> distance to its nearest place (null: no fixed place)
  var restFrom = Infinity; // where the results without a fixed place start

  function select(name) { return document.getElementById("zoek-" + name); }

  // --- index -------------------------------------------------------------------------

  // The index as the build wrote it: per term and field, [doc step, score, ...] with lunr.py's
  // BM25 scores (boosts included). Here it becomes one posting list per term, plus a
  // lunr.TokenSet of all terms for prefix and typing-error matches.
  function decode(raw) {
    var scale = raw.scale;
    var postings = Object.create(null);
    var terms = new Array(raw.terms.length);
    raw.terms.forEach(function (row, k) {
      var term = row[0];
      var merged = new Map();
      terms[k] = term;
      for (var f = 1; f < row.length; f++) {
        var flat = row[f];
        var doc = 0;
        for (var i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          merged.set(doc, (merged.get(doc) || 0) + flat[i + 1] / scale);
        }
      }
      var docs = new Int32Array(merged.size), scores = new Float32Array(merged.size), j = 0;
      merged.forEach(function (score, d) { docs[j] = d; scores[j] = score; j++; });
      postings[term] = { docs: docs, scores: scores };
    });
    return { postings: postings, tokenSet: lunr.TokenSet.fromArray(terms) };
  }

  function preparePhrases(groups) {
    var map = new Map();
    groups.forEach(function (group, g) {
      group.forEach(function (terms) {
        var first = terms[0];
        if (!map.has(first)) { map.set(first, []); }
        map.get(first).push({ terms: terms, group: g });
      });
    });
    return map;
  }

  // --- text to terms (the same pipeline as the build: trimmer-nl, stopWordFilter-nl, stemmer-nl)

  function analyze(text) {
    var out = [];
    String(text).toLowerCase().split(lunr.tokenizer.separator).forEach(function (raw) {
      var token = lunr.nl.trimmer(new lunr.Token(raw, {}));
      var word = token.toString();
      if (!word || !lunr.nl.stopWordFilter(token)) { return; }
      out.push({ word: word, stem: lunr.nl.stemmer(token).toString() });
    });
    return out;
  }

  function closeEnough(a, b) {  // edit distance at most 1
    if (a === b) { return true; }
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) { return false; }
      if (a.length > b.length) { i++; } else if (a.length < b.length) { j++; } else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  // A concept is one thing the person asks for: a word or a known phrase, with its synonyms.
  function concepts(words) {
    var out = [];
    var i = 0;
    while (i < words.length) {
      var best = null;
      (phrases.get(words[i].stem) || []).forEach(function (p) {
        var n = p.terms.length;
        if (i + n > words.length || (best && best.terms.length >= n)) { return; }
        for (var k = 0; k < n; k++) { if (words[i + k].stem !== p.terms[k]) { return; } }
        best = p;
      });
      if (!best && words[i].stem.length >= 5) {  // a typing error in a synonym: 'eenzam', 'geldzorgn'
        phrases.forEach(function (list, first) {
          if (best || !closeEnough(first, words[i].stem)) { return; }
          list.forEach(function (p) { if (!best && p.terms.length === 1) { best = p; } });
        });
      }
      var n = best ? best.terms.length : 1;
      var main = best ? best.terms : [words[i].stem];
      var alts = [];
      if (best) {
        var key = main.join(" ");
        data.synoniemen.forEach(function (group) {
          if (!group.some(function (t) { return t.join(" ") === key; })) { return; }
          group.forEach(function (t) {
            var k2 = t.join(" ");
            if (k2 !== key && !alts.some(function (a) { return a.join(" ") === k2; })) { alts.push(t); }
          });
        });
      }
      out.push({
        label: words.slice(i, i + n).map(function (w) { return w.word; }).join(" "),
        main: main,
        alts: alts
      });
      i += n;
    }
    return out;
  }

  function expand(pattern) {
    return index.tokenSet.intersect(pattern).toArray();
  }

  // Every index term that matches a stem: the stem itself, longer words that start with it
  // ('taal' finds 'taalcafe') and, for longer words, terms one or two typing errors away.
  // Synonyms are spelled right, so only the words the person typed get the typing-error match.
  function searchTerm(stem, typed) {
    var key = (typed ? "~" : "") + stem;
    if (termCache.has(key)) { return termCache.get(key); }
    var boosts = new Map();
    function add(term, boost) { if (!(boosts.get(term) >= boost)) { boosts.set(term, boost); } }
    var edits = typed && stem.length >= 5 ? 1 : 0;
    if (edits) { expand(lunr.TokenSet.fromFuzzyString(stem, edits)).forEach(function (t) { add(t, 1); }); }
    if (stem.length >= 4) { expand(lunr.TokenSet.fromString(stem + "*")).forEach(function (t) { add(t, 3); }); }
    if (index.postings[stem]) { add(stem, 10); }
    var found = new Float32Array(data.facets.length);  // score per result; 0 = no match
    boosts.forEach(function (boost, term) {
      var p = index.postings[term];
      for (var i = 0; i < p.docs.length; i++) { found[p.docs[i]] += p.scores[i] * boost; }
    });
    termCache.set(key, found);
    return found;
  }

  function searchPhrase(terms, typed) {  // every term of the phrase must match
    var result = Float32Array.from(searchTerm(terms[0], typed));
    for (var t = 1; t < terms.length; t++) {
      var hits = searchTerm(terms[t], typed);
      for (var i = 0; i < result.length; i++) { result[i] = hits[i] > 0 && result[i] > 0 ? result[i] + hits[i] : 0; }
    }
    return result;
  }

  function searchConcept(c) {
    var hits = searchPhrase(c.main, true);
    c.alts.forEach(function (terms) {
      var alt = searchPhrase(terms, false);
      for (var i = 0; i < hits.length; i++) { if (alt[i] > 0) { hits[i] += alt[i] * 0.6; } }
    });
    var n = 0;
    for (var i = 0; i < hits.length; i++) { if (hits[i] > 0) { n++; } }
    return { scores: hits, size: n };
  }

  // --- filters -----------------------------------------------------------------------

  function bit(listName, key) {
    var i = data.lists[listName].indexOf(key);
    return i < 0 ? 0 : (1 << i);
  }

  function passes(ref, f) {
    var facet = data.facets[ref];
    if (!f.any) { return true; }
    if (facet[0] === 2) { return false; }  // plain pages have no place, theme or day
    if (f.gemeente && !(facet[1] & bit("gemeenten", f.gemeente))) { return false; }
    if (f.kern) {
      var k = data.lists.kernen.indexOf(f.kern);
      var wide = facet[7] && (facet[1] & (1 << data.lists.kern_gemeente[k]));
      if (facet[2].indexOf(k) < 0 && !wide) { return false; }
    }
    if (f.thema && !(facet[3] & bit("themas", f.thema))) { return false; }
    if (f.voor && !(facet[4] & (bit("doelgroepen", f.voor) | bit("doelgroepen", "iedereen")))) { return false; }
    if (f.dag && !(facet[6] & bit("dagen", f.dag))) { return false; }
    if (f.gratis && facet[5] !== 1) { return false; }
    return true;
  }

  // The whole search, without drawing: used by the page and by benchmarks/search_bench.py.
  function search(q, f) {
    var words = analyze(q);
    var cs = concepts(words);
    var used = [], ignored = [], perConcept = [];
    cs.forEach(function (c) {
      var hits = searchConcept(c);
      perConcept.push({ label: c.label, size: hits.size });
      if (hits.size) { used.push(hits.scores); } else { ignored.push(c.label); }
    });
    var refs = [];
    if (!cs.length) {
      if (f.any) {
        data.facets.forEach(function (facet, ref) { if (facet[0] !== 2 && passes(ref, f)) { refs.push([ref, 0]); } });
      }
    } else if (used.length) {
      var n = data.facets.length;
      for (var ref = 0; ref < n; ref++) {
        var total = 0;
        for (var u = 0; u < used.length; u++) {
          var s = used[u][ref];
          if (!(s > 0)) { total = 0; break; }
          total += s;
        }
        if (!total) { continue; }
        if (data.facets[ref][0] === 2) { total *= PAGE_WEIGHT; }
        if (passes(ref, f)) { refs.push([ref, total]); }
      }
      refs.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    }
    return { refs: refs.map(function (r) { return r[0]; }), words: cs.length, ignored: ignored, perConcept: perConcept };
  }

  // --- state in the URL --------------------------------------------------------------

  function readForm() {
    var f = { any: false, gratis: gratis.checked };
    FILTERS.forEach(function (name) { f[name] = select(name).value; if (f[name]) { f.any = true; } });
    if (f.gratis) { f.any = true; }
    return { q: input.value.trim(), f: f };
  }

  function queryString(q, f) {
    var p = new URLSearchParams();
    if (q) { p.set("q", q); }
    FILTERS.forEach(function (name) { if (f[name]) { p.set(name, f[name]); } });
    if (f.gratis) { p.set("gratis", "ja"); }
    var s = p.toString();
    return s ? "?" + s : "";
  }

  function readUrl() {
    var p = new URLSearchParams(window.location.search);
    input.value = p.get("q") || "";
    var any = false;
    FILTERS.forEach(function (name) {
      var el = select(name);
      var value = p.get(name) || "";
      el.value = value;
      if (el.value !== value) { el.value = ""; }  // unknown value in the URL: ignore it
      if (el.value) { any = true; }
    });
    gratis.checked = p.get("gratis") === "ja";
    if (gratis.checked || any) { details.open = true; }
  }

  // --- drawing -----------------------------------------------------------------------

  // --- "Dichtbij mij" ----------------------------------------------------------------

  function nearest(ref) {  // the nearest place of a result, or null
    var mine = points.plekken[ref] || [], best = null, bestKm = Infinity;
    for (var i = 0; i < mine.length; i++) {
      var p = { lat: points.punten[2 * mine[i]], lon: points.punten[2 * mine[i] + 1] };
      var d = Near.distanceKm(here, p);
      if (d < bestKm) { best = p; bestKm = d; }
    }
    return best;
  }

  // Nearest first; results without a place keep their order and go last, as their own group.
  function byDistance(refs) {
    var best = new Map();
    refs.forEach(function (ref) { best.set(ref, nearest(ref)); });
    var sorted = Near.sortByDistance(refs, here, function (ref) { return best.get(ref); });
    km = new Map();
    restFrom = sorted.length;
    sorted.forEach(function (x, i) {
      km.set(x.item, x.km);
      if (x.km === null && restFrom === sorted.length) { restFrom = i; }
    });
    return sorted.map(function (x) { return x.item; });
  }

  function nearText() {
    var t = " Wat het dichtst bij je is, staat bovenaan.";
    var without = results.length - restFrom;
    if (without > 0) {
      t += " " + (without === 1 ? "1 resultaat heeft geen vaste plek. Dat staat onderaan." :
        without + " resultaten hebben geen vaste plek. Die staan onderaan.");
    }
    return t;
  }

  function setNear(on) {
    near = on;
    nearButton.setAttribute("aria-pressed", on ? "true" : "false");
    nearButton.classList.toggle("md-button--primary", on);
  }

  function loadPoints() {
    return fetch(pointsUrl).then(function (r) {
      if (!r.ok) { throw new Error("punten: " + r.status); }
      return r.json();
    }).catch(function () {
      throw new Error("De afstanden laden niet. Controleer je internet en probeer het opnieuw.");
    });
  }

  function wireNear() {
    if (!Near || !navigator.geolocation || !pointsUrl || !window.Promise) { return; }
    var busy = false;
    nearRow.hidden = false;
    nearButton.addEventListener("click", function () {
      if (busy) { return; }
      if (near) { setNear(false); update(false); return; }
      if (here && points) { setNear(true); update(false); return; }
      busy = true;
      nearButton.setAttribute("aria-disabled", "true");
      statusEl.textContent = "Je plek wordt bepaald…";
      Near.ask().then(function (position) {
        return (points ? Promise.resolve(points) : loadPoints()).then(function (loaded) {
          points = loaded;
          here = position;
        });
      }).then(function () {
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

  function shardOf(ref) { return Math.floor(ref / data.shard); }

  function loadShard(n) {
    if (!shardCache.has(n)) {
      shardCache.set(n, fetch(cardsUrl + "kaarten-" + n + ".json").then(function (r) {
        if (!r.ok) { throw new Error("kaarten " + n + ": " + r.status); }
        return r.json();
      }));
    }
    return shardCache.get(n);
  }

  function card(ref, cards) {
    var c = cards[ref % data.shard];
    var li = document.createElement("li");
    li.className = "ww-card";
    var h = document.createElement("h2");
    h.className = "ww-card__title";
    var a = document.createElement("a");
    a.href = base + "/" + c[1];
    a.textContent = c[0];
    h.appendChild(a);
    if (c[6]) {
      var tag = document.createElement("span");
      tag.className = "ww-tag";
      tag.textContent = "voorbeeld";
      h.appendChild(document.createTextNode(" "));
      h.appendChild(tag);
    }
    li.appendChild(h);
    if (c[2]) {
      var p = document.createElement("p");
      p.className = "ww-card__summary";
      p.textContent = c[2];
      li.appendChild(p);
    }
    var facts = document.createElement("ul");
    facts.className = "ww-card__facts";
    var kind = data.facets[ref][0];
    [[kind === 1 ? "Adres" : "Waar", c[3]], [kind === 1 ? "Open" : "Wanneer", c[4]], ["Kosten", c[5]]].forEach(function (pair) {
      if (!pair[1]) { return; }
      var item = document.createElement("li");
      var k = document.createElement("span");
      k.className = "ww-k";
      k.textContent = pair[0] + ":";
      item.appendChild(k);
      item.appendChild(document.createTextNode(" " + pair[1]));
      facts.appendChild(item);
    });
    if (kind === 2) {
      var page = document.createElement("li");
      page.textContent = "Pagina op deze site";
      facts.appendChild(page);
    }
    if (near && km.get(ref) != null) {
      var distance = document.createElement("li");
      var dk = document.createElement("span");
      dk.className = "ww-k";
      dk.textContent = "Afstand:";
      distance.className = "ww-card__afstand";
      distance.appendChild(dk);
      distance.appendChild(document.createTextNode(" " + Near.formatKm(km.get(ref)) +
        (points.plekken[ref].length > 1 ? " (de dichtstbijzijnde plek)" : "")));
      facts.insertBefore(distance, facts.firstChild);
    }
    if (facts.childNodes.length) { li.appendChild(facts); }
    return li;
  }

  function drawMore(thisRun, focusFirst) {
    var next = results.slice(shown, shown + STEP);
    var needed = [];
    next.forEach(function (ref) { var n = shardOf(ref); if (needed.indexOf(n) < 0) { needed.push(n); } });
    return Promise.all(needed.map(loadShard)).then(function (loaded) {
      if (thisRun !== run) { return; }
      var byShard = new Map();
      needed.forEach(function (n, i) { byShard.set(n, loaded[i]); });
      var first = null;
      next.forEach(function (ref, k) {
        var li = card(ref, byShard.get(shardOf(ref)));
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

  function filterText(f) {
    var parts = [];
    function label(name) { var el = select(name); return el.options[el.selectedIndex].text; }
    if (f.kern) { parts.push("in " + label("kern")); } else if (f.gemeente) { parts.push("in " + label("gemeente")); }
    if (f.thema) { parts.push("thema " + label("thema")); }
    if (f.voor) { parts.push("voor " + label("voor").toLowerCase()); }
    if (f.dag) { parts.push("op " + label("dag").toLowerCase()); }
    if (f.gratis) { parts.push("gratis"); }
    return parts.join(", ");
  }

  function link(text, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function showHelp(state, outcome) {
    help.textContent = "";
    var ul = document.createElement("ul");
    function add(node) { var li = document.createElement("li"); li.appendChild(node); ul.appendChild(li); }
    function text(t) { return document.createTextNode(t); }
    if (state.f.any && state.q) {
      var all = search(state.q, { any: false });
      if (all.refs.length) {
        var li = document.createElement("li");
        li.appendChild(link("Zoek zonder filters", queryString(state.q, { any: false })));
        li.appendChild(text(" (" + count(all.refs.length) + ")."));
        ul.appendChild(li);
      }
    }
    if (outcome.perConcept.length > 1) {
      outcome.perConcept.forEach(function (c) {
        var n = c.size;
        if (!n) { return; }
        var li = document.createElement("li");
        li.appendChild(link("Zoek alleen op ‘" + c.label + "’", queryString(c.label, state.f)));
        li.appendChild(text(" (" + count(n) + " zonder filters)."));
        ul.appendChild(li);
      });
    }
    add(text("Kijk of je de woorden goed hebt geschreven."));
    add(text("Gebruik een ander of een korter woord. Bijvoorbeeld ‘geld’ in plaats van ‘schuldsanering’."));
    add(text("Of kies hieronder een onderwerp of je gemeente."));
    var p = document.createElement("p");
    p.textContent = "Probeer dit:";
    help.appendChild(p);
    help.appendChild(ul);
    help.hidden = false;
  }

  function count(n) { return n === 1 ? "1 resultaat" : n + " resultaten"; }

  function update(push) {
    var state = readForm();
    var qs = queryString(state.q, state.f);
    if (qs !== window.location.search && !(qs === "" && window.location.search === "?")) {
      window.history[push ? "pushState" : "replaceState"](null, "", window.location.pathname + qs);
    }
    if (!index) { return; }
    var thisRun = ++run;
    list.textContent = "";
    restList.textContent = "";
    restList.hidden = restHeading.hidden = true;
    help.hidden = true;
    shown = 0;
    restFrom = Infinity;
    if (!state.q && !state.f.any && !near) {
      results = [];
      list.hidden = true;
      moreRow.hidden = true;
      browse.hidden = false;
      statusEl.textContent = "";
      return;
    }
    // Dichtbij mij without words or filters: every offer and place, nearest first.
    var everything = near && !state.q && !state.f.any;
    var outcome = search(state.q, everything ? Object.assign({}, state.f, { any: true }) : state.f);
    results = near ? byDistance(outcome.refs) : outcome.refs;
    var about = (state.q ? " voor ‘" + state.q + "’" : "") + (state.f.any ? " (" + filterText(state.f) + ")" : "");
    var note = outcome.ignored.length && results.length
      ? " We vonden niets met ‘" + outcome.ignored.join("’, ‘") + "’ en zochten zonder dat woord."
      : "";
    list.hidden = !results.length;
    browse.hidden = results.length > 0;
    if (!results.length) {
      moreRow.hidden = true;
      statusEl.textContent = "Geen resultaten" + about + ".";
      showHelp(state, outcome);
      return;
    }
    drawMore(thisRun, false).then(function () {
      if (thisRun !== run) { return; }
      statusEl.textContent = count(results.length) + about + "." + (near ? nearText() : "") + note;
      if (firstResult) {
        firstResult = false;
        if (window.performance && performance.mark) { performance.mark("ww-eerste-resultaat"); }
      }
    }).catch(function () {
      statusEl.textContent = "De resultaten laden niet. Controleer je internet en probeer het opnieuw.";
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { update(false); }, 250);
  }

  // --- wiring ------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    update(true);
  });
  input.addEventListener("input", later);
  FILTERS.forEach(function (name) {
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

  var ready = fetch(root.getAttribute("data-index")).then(function (r) {
    if (!r.ok) { throw new Error("index: " + r.status); }
    return r.json();
  }).then(function (raw) {
    data = raw;
    index = decode(raw.index);
    phrases = preparePhrases(raw.synoniemen);
    root.setAttribute("data-klaar", "ja");
    update(false);
  }).catch(function () {
    statusEl.textContent = "Het zoeken lukt nu niet. Probeer het later opnieuw, of kies hieronder een onderwerp.";
  });

  window.wwZoeken = {
    ready: ready,
    search: function (q, filters) {
      var f = { any: false };
      Object.keys(filters || {}).forEach(function (k) { f[k] = filters[k]; if (filters[k]) { f.any = true; } });
      return search(q, f);
    },
    clearCache: function () { termCache.clear(); }
  };
})();
