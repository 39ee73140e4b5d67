/* De Wegwijzer van de Kop: the search itself, without the page (no DOM).
 *
 * Reads the files of zoekindex/ (format: the docstring of scripts/wegwijzer/site/search/__init__.py)
 * and answers queries. Used by zoeken.js in the browser and by the node tests (tests/js/).
 *
 *   var engine = WegwijzerZoekKern.create(indexJson);
 *   engine.needs(q, filters)        -> names of files in zoekindex/ that the query still needs
 *   engine.add(name, data)          -> give a fetched file (ArrayBuffer for .bin, parsed JSON for .json)
 *   engine.search(q, filters)       -> {refs, ignored, perConcept, partial, planOnly, words}
 *   engine.pointFiles(refs)         -> punten-N.json files needed for the places of these results
 *   engine.byDistance(refs, here)   -> [{ref, km}], nearest first; km null for results without a place
 *
 * Query words go through the same steps as the build (analysis.py, compounds.py): lunr.nl's
 * trimmer, stop words and stemmer, and the split of compounds into known parts.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WegwijzerZoekKern = factory(root.lunr, root.WegwijzerDichtbij);
  }
}(typeof self !== "undefined" ? self : this, function (lunr, Near) {
  "use strict";

  var FILTERS = ["gemeente", "kern", "thema", "voor", "dag", "taal"];
  var PLACE_FILTERS = ["gemeente", "kern"];
  var KIND_MASK = 3, PAGE = 2, PROGRAMME = 4, PROFESSIONALS = 8, PLAN = 16;
  var WEIGHT = { page: 0.35, programme: 0.6, professionals: 0.3, synonym: 0.35, part: 0.8,
    audienceMatch: 1.4, audienceOther: 0.4 };
  var MIN_WORD = 6, MIN_PART = 3;

  // --- files ---------------------------------------------------------------------------

  function reader(buffer) {
    var bytes = new Uint8Array(buffer), pos = 0;
    return {
      varint: function () {
        var n = 0, shift = 0, b;
        do { b = bytes[pos++]; n += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
        return n;
      },
      list: function () {
        var n = this.varint(), out = new Int32Array(n), last = 0;
        for (var i = 0; i < n; i++) { last += this.varint(); out[i] = last; }
        return out;
      },
      bytes: function (n) { var out = bytes.subarray(pos, pos + n); pos += n; return out; }
    };
  }

  // --- text ----------------------------------------------------------------------------

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    var out = [];
    String(text).toLowerCase().split(lunr.tokenizer.separator).forEach(function (raw) {
      var token = lunr.nl.trimmer(new lunr.Token(raw, {}));
      var word = token.toString();
      if (!word || !lunr.nl.stopWordFilter(token)) { return; }
      out.push({ word: word, stem: lunr.nl.stemmer(new lunr.Token(word, {})).toString() });
    });
    return out;
  }

  function stem(word) { return lunr.nl.stemmer(new lunr.Token(word, {})).toString(); }

  // The same rule as compounds.Splitter: the fewest known parts (never the word itself), a
  // part may be followed by a linking "s"; ties: the highest summed frequency, then the longest first part.
  function splitter(parts, keep) {
    var longest = 0;
    parts.forEach(function (f, p) { if (p.length > longest) { longest = p.length; } });
    function better(a, b) {
      for (var k = 0; k < 3; k++) { if (a[k] !== b[k]) { return a[k] < b[k]; } }
      return false;
    }
    return function split(word) {
      if (word.length < MIN_WORD || keep.has(word)) { return []; }
      var n = word.length, best = new Array(n + 1);
      best[n] = [0, 0, 0, []];
      for (var i = n - MIN_PART; i >= 0; i--) {
        var end = Math.min(n - (i === 0 ? 1 : 0), i + longest);
        for (var j = i + MIN_PART; j <= end; j++) {
          var freq = parts.get(word.slice(i, j));
          if (freq === undefined) { continue; }
          var nexts = j < n && word[j] === "s" ? [j, j + 1] : [j];
          for (var x = 0; x < nexts.length; x++) {
            var rest = best[nexts[x]];
            if (!rest) { continue; }
            var cand = [rest[0] + 1, rest[1] - freq, -(j - i), [word.slice(i, j)].concat(rest[3])];
            if (!best[i] || better(cand, best[i])) { best[i] = cand; }
          }
        }
      }
      return best[0] && best[0][0] >= 2 ? best[0][3] : [];
    };
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

  // --- the engine ------------------------------------------------------------------------

  function create(data) {
    var n = data.aantal;
    var termNumber = new Map();
    data.termen.forEach(function (t, k) { termNumber.set(t, k); });
    var tokenSet = lunr.TokenSet.fromArray(data.termen);
    var parts = new Map();
    Object.keys(data.woorddelen.delen).forEach(function (f) {
      data.woorddelen.delen[f].split(" ").forEach(function (p) { if (p) { parts.set(p, Number(f)); } });
    });
    var split = splitter(parts, new Set(data.woorddelen.heel.split(" ")));
    var phrases = new Map();  // first stem -> [{terms, group}]
    data.synoniemen.forEach(function (group, g) {
      group.forEach(function (terms) {
        if (!phrases.has(terms[0])) { phrases.set(terms[0], []); }
        phrases.get(terms[0]).push({ terms: terms, group: g });
      });
    });
    var plan = new Set(data.over_het_plan);
    var fillers = new Set(data.vulwoorden);
    var postings = new Map();  // term -> {docs, scores}
    var loaded = new Set();    // names of the files given to add()
    var lists = new Map();     // "filter-x-y.bin" -> Int32Array
    var kinds = null;          // soorten.bin
    var points = new Map();    // file number -> [[lat, lon, ...], ...]
    var termCache = new Map();    // "~stem" or "stem" -> scores per result
    var expandCache = new Map();  // the same keys -> index terms and their boosts
    var scale = data.schaal;
    var scoreOf = new Float32Array(256);
    for (var s = 0; s < 256; s++) { scoreOf[s] = Math.pow(2, (s - 128) / scale); }

    function blockOf(term) {
      var k = termNumber.get(term), lo = 0, hi = data.blokken.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (data.blokken[mid] <= k) { lo = mid; } else { hi = mid - 1; }
      }
      return lo;
    }

    function addBlock(k, buffer) {
      var r = reader(buffer);
      var first = data.blokken[k], last = k + 1 < data.blokken.length ? data.blokken[k + 1] : data.termen.length;
      for (var t = first; t < last; t++) {
        var docs = r.list(), raw = r.bytes(docs.length), scores = new Float32Array(docs.length);
        for (var i = 0; i < docs.length; i++) { scores[i] = scoreOf[raw[i]]; }
        postings.set(data.termen[t], { docs: docs, scores: scores });
      }
      termCache.clear();
    }

    function add(name, content) {
      loaded.add(name);
      var m = /^termen-(\d+)\.bin$/.exec(name);
      if (m) { addBlock(Number(m[1]), content); return; }
      if (/^filter-.*\.bin$/.test(name)) { lists.set(name, reader(content).list()); return; }
      if (name === "soorten.bin") { kinds = new Uint8Array(content); return; }
      m = /^punten-(\d+)\.json$/.exec(name);
      if (m) { points.set(Number(m[1]), content.plekken); }
    }

    // --- query to concepts ---

    function analyze(q) {
      return words(q).map(function (w) {
        var whole = w.stem;
        var ps = split(fold(w.word)).map(stem).filter(function (p) { return p !== whole; });
        return { word: w.word, stem: whole, parts: ps, audience: data.voor_wie[w.word] || null,
          filler: fillers.has(w.word) };
      });
    }

    function phraseAt(ws, i) {
      var best = null;
      (phrases.get(ws[i].stem) || []).forEach(function (p) {
        var len = p.terms.length;
        if (i + len > ws.length || (best && best.terms.length >= len)) { return; }
        for (var k = 0; k < len; k++) { if (ws[i + k].stem !== p.terms[k]) { return; } }
        best = p;
      });
      if (!best && ws[i].stem.length >= 5 && !termNumber.has(ws[i].stem)) {  // a typing error in a synonym
        phrases.forEach(function (list, first) {
          if (best || !closeEnough(first, ws[i].stem)) { return; }
          list.forEach(function (p) { if (!best && p.terms.length === 1) { best = p; } });
        });
      }
      return best;
    }

    function groupAlts(best) {
      var key = best.terms.join(" "), alts = [];
      data.synoniemen[best.group].forEach(function (t) { if (t.join(" ") !== key) { alts.push(t); } });
      return alts;
    }

    // A compound that is no index term at all ('computerles'): its parts are asked for
    // instead, each with its own synonyms ('computer' and 'les', so also 'cursus').
    function partConcepts(w) {
      return w.parts.map(function (p) {
        var best = phraseAt([{ stem: p }], 0);
        return { label: w.word, main: [p], alts: best ? groupAlts(best) : [], parts: null, audience: null, filler: false };
      });
    }

    // A concept is one thing the person asks for: a word or a known phrase, with its synonyms
    // and, for a compound, its parts.
    function concepts(q) {
      var ws = analyze(q), out = [], i = 0;
      while (i < ws.length) {
        var best = phraseAt(ws, i);
        if (!best && ws[i].parts.length > 1 && !expand(ws[i].stem, true).size) {
          out = out.concat(partConcepts(ws[i]));
          i++;
          continue;
        }
        var len = best ? best.terms.length : 1;
        out.push({
          label: ws.slice(i, i + len).map(function (w) { return w.word; }).join(" "),
          main: best ? best.terms : [ws[i].stem],
          alts: best ? groupAlts(best) : [],
          parts: len === 1 && ws[i].parts.length > 1 ? ws[i].parts : null,
          audience: len === 1 ? ws[i].audience : null,
          filler: len === 1 && ws[i].filler
        });
        i += len;
      }
      return out;
    }

    // Index terms for a stem: itself (10), longer terms that start with it (3) and, for a typed
    // word of 5 letters or more, terms one typing error away (1).
    function expand(stemText, typed) {
      var key = (typed ? "~" : "") + stemText;
      if (!expandCache.has(key)) { expandCache.set(key, expandNow(stemText, typed)); }
      return expandCache.get(key);
    }

    function expandNow(stemText, typed) {
      var found = new Map();
      function put(list, boost) {
        list.forEach(function (t) { if (!(found.get(t) >= boost)) { found.set(t, boost); } });
      }
      if (typed && stemText.length >= 5) {
        put(tokenSet.intersect(lunr.TokenSet.fromFuzzyString(stemText, 1)).toArray(), 1);
      }
      if (stemText.length >= 4) { put(tokenSet.intersect(lunr.TokenSet.fromString(stemText + "*")).toArray(), 3); }
      if (termNumber.has(stemText)) { found.set(stemText, 10); }
      return found;
    }

    function conceptTerms(c, each) {
      c.main.forEach(function (t) { each(t, true); });
      c.alts.forEach(function (p) { p.forEach(function (t) { each(t, false); }); });
      (c.parts || []).forEach(function (t) { each(t, false); });
    }

    // --- what a query needs ---

    function filtersOf(f) {
      var out = [];
      FILTERS.forEach(function (name) { if (f[name]) { out.push("filter-" + name + "-" + f[name] + ".bin"); } });
      if (f.gratis) { out.push("filter-gratis-ja.bin"); }
      return out;
    }

    function exists(file) {
      var m = /^filter-([a-z]+)-(.+)\.bin$/.exec(file);
      return Boolean(m && data.filters[m[1]] && data.filters[m[1]][m[2]]);
    }

    function needs(q, f) {
      var files = new Set(["soorten.bin"]);
      concepts(q).forEach(function (c) {
        conceptTerms(c, function (t, typed) {
          expand(t, typed).forEach(function (boost, term) { files.add("termen-" + blockOf(term) + ".bin"); });
        });
        if (c.audience) {
          files.add("filter-voor-" + c.audience + ".bin");
          files.add("filter-voor-iedereen.bin");
        }
      });
      filtersOf(f || {}).forEach(function (x) { files.add(x); });
      return Array.from(files).filter(function (x) {
        return !loaded.has(x) && (x.indexOf("filter-") !== 0 || exists(x));
      });
    }

    // --- scoring ---
    // A match is {s, docs}: s holds the score of every result (0: no match), docs the results
    // that match, so the work per query follows the matches, not the size of the index.

    function termScores(stemText, typed) {
      var key = (typed ? "~" : "") + stemText;
      if (termCache.has(key)) { return termCache.get(key); }
      var found = null;
      expand(stemText, typed).forEach(function (boost, term) {
        var p = postings.get(term);
        if (!p) { return; }
        found = found || { s: new Float32Array(n), docs: [] };
        for (var i = 0; i < p.docs.length; i++) {  // the best matching term counts
          var d = p.docs[i], v = p.scores[i] * boost;
          if (found.s[d] === 0) { found.docs.push(d); }
          if (v > found.s[d]) { found.s[d] = v; }
        }
      });
      termCache.set(key, found);
      return found;
    }

    function phraseScores(terms, typed) {  // every term of the phrase must match
      var first = termScores(terms[0], typed);
      if (!first || terms.length === 1) { return first; }
      var rest = [];
      for (var t = 1; t < terms.length; t++) {
        var hits = termScores(terms[t], typed);
        if (!hits) { return null; }
        rest.push(hits);
      }
      var out = { s: new Float32Array(n), docs: [] };
      first.docs.forEach(function (d) {
        var v = first.s[d];
        for (var k = 0; k < rest.length && v > 0; k++) { v = rest[k].s[d] > 0 ? v + rest[k].s[d] : 0; }
        if (v > 0) { out.s[d] = v; out.docs.push(d); }
      });
      return out.docs.length ? out : null;
    }

    function maxInto(target, extra, weight) {  // the best way a result matches counts, not how many
      if (!extra) { return target; }
      target = target || { s: new Float32Array(n), docs: [] };
      extra.docs.forEach(function (d) {
        var v = extra.s[d] * weight;
        if (target.s[d] === 0) { target.docs.push(d); }
        if (v > target.s[d]) { target.s[d] = v; }
      });
      return target;
    }

    function conceptScores(c) {
      var main = phraseScores(c.main, true);
      var hits = main ? { s: Float32Array.from(main.s), docs: main.docs.slice() } : null;
      c.alts.forEach(function (terms) { hits = maxInto(hits, phraseScores(terms, false), WEIGHT.synonym); });
      if (c.parts) { hits = maxInto(hits, phraseScores(c.parts, false), WEIGHT.part); }
      return { match: hits, size: hits ? hits.docs.length : 0 };
    }

    // --- filters and ranking ---

    function passMask(f) {  // null: no filter; else a Uint8Array with 1 for results that pass
      var files = filtersOf(f);
      if (!files.length) { return null; }
      var count = new Uint8Array(n);
      files.forEach(function (file) {
        var list = lists.get(file);
        if (!list) { return; }
        for (var i = 0; i < list.length; i++) { count[list[i]]++; }
      });
      for (var i = 0; i < n; i++) { count[i] = count[i] === files.length ? 1 : 0; }
      return count;
    }

    function audienceWeights(cs) {  // a query that names an audience puts offers for them first
      var named = cs.filter(function (c) { return c.audience; });
      if (!named.length) { return null; }
      var w = new Float32Array(n);
      for (var i = 0; i < n; i++) { w[i] = (kinds[i] & KIND_MASK) === PAGE ? 1 : WEIGHT.audienceOther; }
      function raise(file, weight) {
        var list = lists.get(file) || [];
        for (var i = 0; i < list.length; i++) { if (w[list[i]] < weight) { w[list[i]] = weight; } }
      }
      raise("filter-voor-iedereen.bin", 1);
      named.forEach(function (c) { raise("filter-voor-" + c.audience + ".bin", WEIGHT.audienceMatch); });
      return w;
    }

    function kindWeight(k, about) {
      var w = 1;
      if ((k & KIND_MASK) === PAGE) { w *= WEIGHT.page; }
      if (k & PROGRAMME && !about.plan) { w *= WEIGHT.programme; }
      if (k & PROFESSIONALS && !about.professionals) { w *= WEIGHT.professionals; }
      return w;
    }

    // Best first, equal scores in result order: a counting sort on the score's logarithm (steps of
    // 0.07%), linear in the number of results; a comparison sort of 60,000 results is too slow on a phone.
    function sortByScore(refs, scores, m) {
      var buckets = 65536, keys = new Uint16Array(m), starts = new Uint32Array(buckets + 1), out = new Array(m);
      for (var i = 0; i < m; i++) {
        var k = scores[i] > 0 ? Math.round(32768 + Math.log2(scores[i]) * 1024) : 0;
        keys[i] = buckets - 1 - Math.max(0, Math.min(buckets - 1, k));
        starts[keys[i] + 1]++;
      }
      for (var b = 0; b < buckets; b++) { starts[b + 1] += starts[b]; }
      for (var j = 0; j < m; j++) { out[starts[keys[j]]++] = refs[j]; }
      return out;
    }

    function combine(used, mask, weights, about) {
      var best = 0, coverage = new Uint8Array(n), total = new Float32Array(n);
      used.forEach(function (u) {
        u.docs.forEach(function (d) { coverage[d]++; total[d] += u.s[d]; });
      });
      for (var i = 0; i < n; i++) { if (coverage[i] > best && (!mask || mask[i])) { best = coverage[i]; } }
      var refs = new Int32Array(n), scores = new Float32Array(n), m = 0;
      var planRefs = [], planScores = [];
      for (var d = 0; best && d < n; d++) {
        if (coverage[d] !== best || (mask && !mask[d])) { continue; }
        var k = kinds[d], score = total[d] * kindWeight(k, about) * (weights ? weights[d] : 1);
        if (k & PLAN && !about.plan) { planRefs.push(d); planScores.push(score); } else { refs[m] = d; scores[m] = score; m++; }
      }
      var planOnly = !m && planRefs.length > 0;
      return {
        refs: planOnly ? sortByScore(planRefs, planScores, planRefs.length) : sortByScore(refs, scores, m),
        partial: best > 0 && best < used.length, planOnly: planOnly
      };
    }

    function search(q, f) {
      f = f || {};
      var cs = concepts(q), used = [], ignored = [], perConcept = [];
      var about = {
        plan: cs.some(function (c) { return c.main.some(function (t) { return plan.has(t); }); }),
        professionals: cs.some(function (c) { return c.audience === "professionals"; })
      };
      // Words for an audience only rank, filler words ('we', 'graag') are not needed, unless nothing else is asked.
      var soft = cs.some(function (c) { return !c.audience && !c.filler; });
      cs.forEach(function (c) {
        if (soft && (c.audience || c.filler)) { return; }  // not needed to match: no scores to compute
        var hits = conceptScores(c);
        perConcept.push({ label: c.label, size: hits.size });
        if (hits.size) { used.push(hits.match); } else { ignored.push(c.label); }
      });
      var mask = passMask(f);
      var out = { refs: [], words: cs.length, ignored: ignored, perConcept: perConcept, partial: false, planOnly: false };
      if (!cs.length) {
        if (mask) { for (var i = 0; i < n; i++) { if (mask[i]) { out.refs.push(i); } } }
        return out;
      }
      if (!used.length) { return out; }
      var r = combine(used, mask, soft ? audienceWeights(cs) : null, about);
      out.refs = r.refs;
      out.partial = r.partial;
      out.planOnly = r.planOnly;
      return out;
    }

    // --- places ---

    function pointFiles(refs) {
      var files = new Set();
      refs.forEach(function (ref) { files.add("punten-" + Math.floor(ref / data.punten) + ".json"); });
      return Array.from(files).filter(function (x) { return !loaded.has(x); });
    }

    function nearest(ref, here) {  // the nearest place of a result, or null
      var list = (points.get(Math.floor(ref / data.punten)) || [])[ref % data.punten] || [];
      var best = null, bestKm = Infinity;
      for (var i = 0; i < list.length; i += 2) {
        var p = { lat: list[i], lon: list[i + 1] }, d = Near.distanceKm(here, p);
        if (d < bestKm) { best = p; bestKm = d; }
      }
      return best;
    }

    function placeCount(ref) {
      return ((points.get(Math.floor(ref / data.punten)) || [])[ref % data.punten] || []).length / 2;
    }

    function byDistance(refs, here) {
      return Near.sortByDistance(refs, here, function (ref) { return nearest(ref, here); })
        .map(function (x) { return { ref: x.item, km: x.km }; });
    }

    function centre(f) {  // the middle of the chosen woonplaats or gemeente
      var list = f.kern ? data.lijsten.kernen : data.lijsten.gemeenten, key = f.kern || f.gemeente;
      for (var i = 0; i < list.length; i++) { if (list[i].id === key) { return { lat: list[i].lat, lon: list[i].lon }; } }
      return null;
    }

    return {
      needs: needs, add: add, search: search, concepts: concepts, analyze: analyze, split: split,
      pointFiles: pointFiles, byDistance: byDistance, placeCount: placeCount, centre: centre,
      kindOf: function (ref) { return kinds ? kinds[ref] & KIND_MASK : 0; },
      size: n, data: data, clearCache: function () { termCache.clear(); }
    };
  }

  // --- the search in the address --------------------------------------------------------

  function readParams(params) {
    var f = { any: false };
    FILTERS.forEach(function (name) { f[name] = params.get(name) || ""; if (f[name]) { f.any = true; } });
    f.gratis = params.get("gratis") === "ja";
    if (f.gratis) { f.any = true; }
    return { q: (params.get("q") || "").trim(), f: f };
  }

  function queryString(q, f) {
    var parts = [];
    function put(k, v) { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v).replace(/%20/g, "+")); }
    if (q) { put("q", q); }
    FILTERS.forEach(function (name) { if (f[name]) { put(name, f[name]); } });
    if (f.gratis) { put("gratis", "ja"); }
    return parts.length ? "?" + parts.join("&") : "";
  }

  function withoutPlace(f) {
    var g = {}, any = false;
    Object.keys(f).forEach(function (k) { g[k] = PLACE_FILTERS.indexOf(k) < 0 ? f[k] : ""; });
    FILTERS.forEach(function (name) { if (g[name]) { any = true; } });
    g.any = any || Boolean(g.gratis);
    return g;
  }

  return {
    create: create, words: words, fold: fold, splitter: splitter, closeEnough: closeEnough,
    FILTERS: FILTERS, readParams: readParams, queryString: queryString, withoutPlace: withoutPlace
  };
}));
