// The search core (overrides/assets/javascripts/zoeken-kern.js) under node, on the index of the
// small test site (tests/test_search.py builds it and passes its zoekindex/ folder in WW_ZOEKINDEX).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const nm = path.join(ROOT, "node_modules");
const lunr = require(path.join(nm, "lunr"));
require(path.join(nm, "lunr-languages/lunr.stemmer.support.js"))(lunr);
require(path.join(nm, "lunr-languages/lunr.nl.js"))(lunr);
const Near = require(path.join(ROOT, "overrides/assets/javascripts/dichtbij.js"));
const Kern = require(path.join(ROOT, "overrides/assets/javascripts/zoeken-kern.js"))(lunr, Near);

const DIR = process.env.WW_ZOEKINDEX;
const index = JSON.parse(fs.readFileSync(path.join(DIR, "index.json"), "utf8"));
const cards = [];
for (let k = 0; fs.existsSync(path.join(DIR, `kaarten-${k}.json`)); k++) {
  cards.push(...JSON.parse(fs.readFileSync(path.join(DIR, `kaarten-${k}.json`), "utf8")));
}

function read(name) {
  const b = fs.readFileSync(path.join(DIR, name));
  return name.endsWith(".json") ? JSON.parse(b) : b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
}

function engine() {
  return Kern.create(index);
}

function run(e, q, f = {}) {
  for (let need = e.needs(q, f); need.length; need = e.needs(q, f)) { need.forEach((n) => e.add(n, read(n))); }
  const out = e.search(q, f);
  out.names = out.refs.map((r) => cards[r].naam);
  return out;
}

test("the index is read by field name and a query loads only what it needs", () => {
  const e = engine();
  assert.equal(e.size, cards.length);
  const first = e.needs("geldzorgen", {});
  assert.ok(first.includes("soorten.bin"));
  assert.ok(first.every((n) => /^(termen-\d+|soorten)\.bin$/.test(n)), first);
  first.forEach((n) => e.add(n, read(n)));
  assert.deepEqual(e.needs("geldzorgen", {}), []);
  assert.deepEqual(e.needs("geldzorgen", { gemeente: "texel" }), ["filter-gemeente-texel.bin"]);
  assert.equal(run(e, "geldzorgen").names[0], "Spreekuur Rondkomen");
});

test("compounds: a part finds the whole word, and a new compound finds its parts", () => {
  const e = engine();
  assert.equal(run(e, "vrouwen").names[0], "Vrouwencentrum De Brug");
  assert.equal(run(e, "centrum vrouwen").names[0], "Vrouwencentrum De Brug");
  assert.equal(run(e, "computerles").names[0], "Computercursus voor beginners");
  assert.equal(run(e, "computer les").names[0], "Computercursus voor beginners");
  assert.deepEqual(e.split(Kern.fold("computerles")), ["computer", "les"]);
});

test("languages: the name of a language finds who speaks it, also in English", () => {
  const e = engine();
  for (const q of ["engels", "Engels", "english"]) {
    assert.deepEqual(new Set(run(e, q).names.filter((n) => !n.startsWith("Taal"))),
      new Set(["Computercursus voor beginners", "Vrouwencentrum De Brug"]), q);
  }
  assert.deepEqual(run(e, "arabisch").names, ["Vrouwencentrum De Brug"]);
  assert.deepEqual(run(e, "", { taal: "ar", any: true }).names, ["Vrouwencentrum De Brug", "Steunpunt Zeestraat"]);
});

test("a query that names an audience puts offers for them first", () => {
  const e = engine();
  const names = run(e, "sport kinderen texel").names;
  assert.equal(names[0], "Sportclub De Rakkers");
  const walk = names.indexOf("Wandelclub De Stappers");
  assert.ok(walk === -1 || walk > 0, names);
  assert.equal(run(e, "sport ouderen texel").names[0], "Wandelclub De Stappers");
});

test("filters are lists by name and combine", () => {
  const e = engine();
  assert.deepEqual(run(e, "taal", { gemeente: "schagen" }).names.filter((n) => n.startsWith("Taalcaf")), ["Taalcafé Markt"]);
  assert.deepEqual(run(e, "", { dag: "donderdag", gratis: true }).names, ["Taalcafé De Kolk"]);
  assert.deepEqual(run(e, "", { kern: "hippolytushoef" }).names, ["Hulp bij post en formulieren"]);
});

test("no result that has every word: the best part of the question", () => {
  const e = engine();
  const r = run(e, "wandelen qqqxyz");
  assert.deepEqual(r.ignored, ["qqqxyz"]);
  assert.ok(r.names.includes("Wandelclub De Stappers"));
});

test("distances: nearest first, results without a place last", () => {
  const e = engine();
  const r = run(e, "", { gemeente: "hollands-kroon", any: true });
  const all = run(e, "taal").refs;
  e.pointFiles(all).forEach((n) => e.add(n, read(n)));
  const sorted = e.byDistance(all, { lat: 52.7875, lon: 4.799 });  // Wijkpunt Markt, Schagen
  assert.equal(cards[sorted[0].ref].naam.startsWith("Taalcafé Markt") || cards[sorted[0].ref].naam === "Wijkpunt Markt", true);
  const kms = sorted.map((x) => x.km);
  const firstNull = kms.indexOf(null);
  assert.ok(firstNull === -1 || kms.slice(firstNull).every((k) => k === null));
  assert.deepEqual(e.centre({ kern: "den-burg" }) !== null, true);
  assert.ok(r.names.length >= 1);
});

test("the search lives in the address", () => {
  const state = Kern.readParams(new URLSearchParams("q=taal+Texel&gemeente=texel&gratis=ja&onbekend=x"));
  assert.equal(state.q, "taal Texel");
  assert.equal(state.f.gemeente, "texel");
  assert.equal(state.f.gratis, true);
  assert.equal(Kern.queryString(state.q, state.f), "?q=taal+Texel&gemeente=texel&gratis=ja");
  assert.deepEqual(Kern.withoutPlace({ gemeente: "texel", kern: "den-burg", thema: "taal" }).thema, "taal");
  assert.equal(Kern.withoutPlace({ gemeente: "texel", kern: "den-burg" }).any, false);
});
