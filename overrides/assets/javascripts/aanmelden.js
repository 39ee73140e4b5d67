/*
 * De Wegwijzer van de Kop: the intake form on /aanmelden/ (an ES module: it imports the validator).
 *
 * One step at a time. "Volgende" checks the answers of the step against the JSON Schema of
 * `wegwijzer schema` (aanmelden/schema/<soort>.schema.json, checked with @cfworker/json-schema,
 * which needs no eval under the site's Content-Security-Policy) and against the rules of
 * WegwijzerFouten.extra; errors show in a summary at the top (links to the fields) and at each
 * field (aria-describedby, aria-invalid, the word "Fout:" before the message).
 * The last step shows the entry file (WegwijzerYaml) and how to hand it over: GitHub (repo),
 * e-mail (melden_email) or copy. Nothing leaves the browser unless the person presses one of those.
 *
 * "Wijziging doorgeven": ?aanbod=<id> or ?plek=<id> loads aanmelden/item/<soort>/<id>.json, fills
 * the form, and keeps every field the form does not show exactly as it was.
 */
import { Validator } from "../vendor/json-schema/index.js";

const Y = window.WegwijzerYaml;
const F = window.WegwijzerFouten;
const form = document.getElementById("ww-aanmelden");
const ROOT = new URL("../../", import.meta.url);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const STEPS = {
  plek: ["over", "waar", "wanneer", "contact", "jij", "versturen"],
  aanbod: ["over", "wie", "waar", "wanneer", "kosten", "contact", "jij", "versturen"],
};
// The fields the form fills in; every other field of an entry that is changed stays as it was.
const MANAGED = {
  plek: ["naam", "soort", "organisatie", "beschrijving", "adres", "gemeente", "woonkern", "wijk", "coordinaten",
    "toegankelijkheid", "openingstijden", "contact"],
  aanbod: ["naam", "soort", "samenvatting", "organisatie", "beschrijving", "themas", "doelgroepen", "talen",
    "plekken", "gebied", "schema", "kosten", "aanmelden", "contact"],
};
const ROW_KEYS = ["dag", "datum", "van", "tot", "herhaling", "week"];

const state = {
  settings: {}, soort: "", change: false, base: {}, id: "", steps: ["start"], step: 0,
  validators: {}, places: null, chosen: new Set(), text: "", yaml: "", path: "",
};

// --- small helpers -----------------------------------------------------------------------------------

const $ = (sel, root = form) => root.querySelector(sel);
const $$ = (sel, root = form) => Array.from(root.querySelectorAll(sel));

function forThisKind(el) {
  const owner = el.closest("[data-voor]");
  return !owner || owner.getAttribute("data-voor").split(" ").includes(state.soort);
}

function inputs(pad) {
  return $$(`[data-veld="${pad}"]`).filter(forThisKind);
}

function text(pad) {
  const el = inputs(pad)[0];
  if (!el) return "";
  return el.tagName === "TEXTAREA" ? el.value.replace(/\r\n?/g, "\n").trim() : el.value.trim();
}

function checked(pad) {
  return inputs(pad).filter((el) => el.checked).map((el) => el.value);
}

function choice(pad) {
  return checked(pad)[0] ?? "";
}

function setValue(pad, value) {
  inputs(pad).forEach((el) => {
    if (el.type === "checkbox" || el.type === "radio") {
      el.checked = Array.isArray(value) ? value.includes(el.value) : el.value === String(value);
    } else {
      el.value = value == null ? "" : String(value);
    }
  });
}

function put(obj, name, value) {
  const empty = value === "" || value == null || (Array.isArray(value) && !value.length) ||
    (typeof value === "object" && !Array.isArray(value) && !Object.keys(value).length);
  if (!empty) obj[name] = value;
}

function parts(names, prefix) {
  const out = {};
  names.forEach((n) => put(out, n, text(`${prefix}/${n}`)));
  return out;
}

function decimal(value) {
  const clean = value.replace(/\s/g, "").replace(",", ".");
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(clean) ? Number(clean) : NaN;
}

function today() {
  const d = new Date();
  return `${d.getDate()} ${state.settings.maanden[d.getMonth()]} ${d.getFullYear()}`;
}

// --- rows: schema (offer) and opening hours (place) -----------------------------------------------------

function rowsBox() {
  return $(`[data-rijen="${state.soort === "plek" ? "openingstijden" : "schema"}"]`);
}

function renumber(box) {
  const name = box.getAttribute("data-rijen");
  $$(".ww-rij", box).forEach((row, i) => {
    row.setAttribute("data-pad", `/${name}/${i}`);
    row.querySelector("legend").textContent = `Tijd ${i + 1}`;
    row.querySelector("[data-actie=weg]").textContent = `Haal tijd ${i + 1} weg`;
    $$("[data-deel]", row).forEach((part) => {
      const deel = part.getAttribute("data-deel");
      const id = `v-${name}-${i}-${deel}`;
      part.setAttribute("data-pad", `/${name}/${i}/${deel === "hoe" ? "herhaling" : deel}`);
      const field = part.querySelector("select, input");
      field.id = id;
      part.querySelector("label").htmlFor = id;
      const fout = part.querySelector(".ww-veld__fout");
      if (fout) fout.id = `${id}-fout`;
    });
  });
}

function showRowParts(row, kind) {
  const hoe = row.querySelector("[data-deel=hoe] select").value;
  const show = {
    hoe: kind === "schema", dag: kind !== "schema" || hoe !== "datum", week: kind === "schema" && hoe === "maandelijks",
    datum: kind === "schema" && hoe === "datum",
  };
  Object.keys(show).forEach((deel) => { row.querySelector(`[data-deel=${deel}]`).hidden = !show[deel]; });
}

function addRow(box, item) {
  const kind = box.getAttribute("data-rijen");
  const row = document.getElementById("ww-rij").content.firstElementChild.cloneNode(true);
  row.wwOriginal = item || {};
  box.appendChild(row);
  renumber(box);
  if (item) {
    const hoe = item.datum ? "datum" : (item.herhaling || "wekelijks");
    row.querySelector("[data-deel=hoe] select").value = hoe;
    if (item.dag) row.querySelector("[data-deel=dag] select").value = item.dag;
    if (item.week != null) row.querySelector("[data-deel=week] select").value = String(item.week);
    row.querySelector("[data-deel=datum] input").value = item.datum || "";
    row.querySelector("[data-deel=van] input").value = item.van || "";
    row.querySelector("[data-deel=tot] input").value = item.tot || "";
  }
  row.querySelector("[data-deel=hoe] select").addEventListener("change", () => showRowParts(row, kind));
  row.querySelector("[data-actie=weg]").addEventListener("click", () => {
    row.remove();
    renumber(box);
    $("[data-actie=erbij]").focus();
  });
  showRowParts(row, kind);
  return row;
}

function rowItems(box) {
  const kind = box.getAttribute("data-rijen");
  return $$(".ww-rij", box).map((row) => {
    const item = {};
    Object.keys(row.wwOriginal).forEach((k) => { if (!ROW_KEYS.includes(k)) item[k] = row.wwOriginal[k]; });
    const value = (deel) => row.querySelector(`[data-deel=${deel}] select, [data-deel=${deel}] input`).value.trim();
    const hoe = kind === "schema" ? value("hoe") : "wekelijks";
    if (hoe === "datum") put(item, "datum", value("datum"));
    else put(item, "dag", value("dag"));
    put(item, "van", value("van"));
    put(item, "tot", value("tot"));
    if (hoe === "tweewekelijks" || hoe === "maandelijks") item.herhaling = hoe;
    if (hoe === "maandelijks") item.week = Number(value("week"));
    return item;
  });
}

// --- places: gemeente, woonkern, wijk (place) and the places of an offer --------------------------------------

function showKernen() {
  const gemeente = choice("/gemeente");
  const select = $("#v-woonkern");
  $$("optgroup", select).forEach((group) => {
    const mine = group.getAttribute("data-gemeente") === gemeente;
    group.hidden = !mine;
    group.disabled = !mine;
  });
  if (select.selectedOptions[0] && select.selectedOptions[0].parentElement.disabled) select.value = "";
  $("#v-woonkern-hint").textContent = gemeente ? "Kies uit de lijst." : "Kies eerst de gemeente.";
  showWijken();
}

function showWijken() {
  const kern = $("#v-woonkern").value;
  const select = $("#v-wijk");
  let any = false;
  $$("option[data-kern]", select).forEach((option) => {
    const mine = option.getAttribute("data-kern") === kern;
    option.hidden = !mine;
    option.disabled = !mine;
    any = any || mine;
  });
  if (select.selectedOptions[0] && select.selectedOptions[0].disabled) select.value = "";
  select.closest("[data-pad]").hidden = !any;
}

async function loadPlaces() {
  if (state.places) return state.places;
  const response = await fetch(new URL("aanmelden/plekken.json", ROOT));
  const list = response.ok ? await response.json() : [];
  state.places = new Map(list.map((p) => [p.id, p]));
  return state.places;
}

function placeAllowed(place) {
  return !place.voorbeeld || state.base.voorbeeld === true;
}

function showPlaces() {
  const kern = $("#v-plek-kern").value;
  const box = $("#v-plekken");
  const list = $(".ww-keuzes__lijst", box);
  list.replaceChildren();
  const here = Array.from((state.places || new Map()).values()).filter((p) => p.woonkern === kern && placeAllowed(p));
  here.forEach((place, i) => {
    const row = document.createElement("div");
    row.className = "ww-keuze";
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = `v-plek-${i}`;
    input.value = place.id;
    input.checked = state.chosen.has(place.id);
    input.addEventListener("change", () => {
      if (input.checked) state.chosen.add(place.id);
      else state.chosen.delete(place.id);
      showChosen();
    });
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = place.naam;
    row.append(input, label);
    list.appendChild(row);
  });
  box.hidden = !kern;
  $("[data-geen]", box).hidden = here.length > 0;
  showChosen();
}

function showChosen() {
  const names = Array.from(state.chosen).map((id) => (state.places && state.places.get(id) ? state.places.get(id).naam : id));
  $("[data-gekozen]").textContent = names.length ? `Je koos: ${names.join(", ")}.` : "";
}

function showWhere() {
  const waar = choice("/waar");
  $$("[data-waar]").forEach((el) => { el.hidden = el.getAttribute("data-waar") !== waar; });
  if (waar === "plekken") loadPlaces().then(showPlaces);
}

function showCostParts() {
  $("[data-kosten]").hidden = choice("/kosten") !== "betalen";
  $("[data-aanmelden]").hidden = choice("/aanmelden") !== "ja";
}

// --- from the form to an entry, and back ---------------------------------------------------------------

function about() {
  return { naam: text("/jij/naam"), organisatie: text("/jij/organisatie"), email: text("/beheerder_email") };
}

function source(jij) {
  const who = jij.organisatie ? `${jij.naam} (${jij.organisatie})` : jij.naam;
  const line = `${state.change ? "Wijziging via het aanmeldformulier" : "Aanmeldformulier"}, ingevuld door ${who} op ${today()}`;
  const old = state.change && state.base.bron ? `${line}. Eerder: ${state.base.bron}` : line;
  return Array.from(old).length > 500 ? Array.from(old).slice(0, 497).join("") + "..." : old;
}

function placeFields(d) {
  put(d, "adres", parts(["straat", "huisnummer", "postcode", "plaats"], "/adres"));
  put(d, "gemeente", choice("/gemeente"));
  put(d, "woonkern", text("/woonkern"));
  if (!$("#v-wijk").closest("[data-pad]").hidden) put(d, "wijk", text("/wijk"));
  const coords = text("/coordinaten");
  if (coords) {
    const numbers = coords.split(/[,;\s]+/).filter(Boolean).map(decimal);
    d.coordinaten = numbers.length === 2 && !numbers.some(isNaN) ? { lat: numbers[0], lon: numbers[1] } : coords;
  }
  put(d, "toegankelijkheid", checked("/toegankelijkheid"));
  put(d, "openingstijden", rowItems(rowsBox()));
}

function offerFields(d) {
  put(d, "samenvatting", text("/samenvatting"));
  ["themas", "doelgroepen", "talen"].forEach((n) => put(d, n, checked(`/${n}`)));
  const waar = choice("/waar");
  if (waar === "plekken") put(d, "plekken", Array.from(state.chosen));
  if (waar === "gebied") put(d, "gebied", checked("/gebied"));
  put(d, "schema", rowItems(rowsBox()));
  const kosten = choice("/kosten");
  if (kosten === "gratis") d.kosten = { gratis: true };
  if (kosten === "betalen") {
    const cost = {};
    const amount = text("/kosten/bedrag");
    if (amount) cost.bedrag = isNaN(decimal(amount)) ? amount : decimal(amount);
    put(cost, "uitleg", text("/kosten/uitleg"));
    d.kosten = cost;
  }
  const signup = choice("/aanmelden");
  if (signup === "nee") d.aanmelden = { nodig: false };
  if (signup === "ja") {
    d.aanmelden = { nodig: true };
    put(d.aanmelden, "hoe", text("/aanmelden/hoe"));
  }
}

/* The entry as the form says it, and the object that is checked (with the e-mail address of the person). */
function collect() {
  const d = JSON.parse(JSON.stringify(state.base));
  // The facts now come from this form: the old source, its check date and our check no longer apply.
  MANAGED[state.soort].concat(["bron", "bron_gecontroleerd_op", "gecontroleerd_op"]).forEach((k) => delete d[k]);
  put(d, "naam", text("/naam"));
  put(d, "soort", choice("/soort"));
  put(d, "organisatie", text("/organisatie"));
  put(d, "beschrijving", text("/beschrijving"));
  if (state.soort === "plek") placeFields(d);
  else offerFields(d);
  put(d, "contact", parts(["telefoon", "email", "website", "bereikbaar"], "/contact"));
  const jij = about();
  if (jij.naam) d.bron = source(jij);
  const probe = { ...d };
  if (!state.change) {
    delete d.beheerder;
    delete d.beheerder_email;
    put(d, "beheerder", jij.organisatie || jij.naam);
    put(d, "beheerder_email", jij.email);
    Object.assign(probe, d);
  } else if (jij.email) {
    probe.beheerder_email = jij.email;
  }
  return { entry: d, probe, jij };
}

function fill(data) {
  ["/naam", "/organisatie", "/beschrijving", "/samenvatting"].forEach((p) => setValue(p, data[p.slice(1)]));
  setValue("/soort", data.soort);
  const contact = data.contact || {};
  ["telefoon", "email", "website", "bereikbaar"].forEach((n) => setValue(`/contact/${n}`, contact[n]));
  if (state.soort === "plek") {
    setValue("/gemeente", data.gemeente);
    showKernen();
    setValue("/woonkern", data.woonkern);
    showWijken();
    setValue("/wijk", data.wijk);
    const adres = data.adres || {};
    ["straat", "huisnummer", "postcode", "plaats"].forEach((n) => setValue(`/adres/${n}`, adres[n]));
    if (data.coordinaten) setValue("/coordinaten", `${data.coordinaten.lat}, ${data.coordinaten.lon}`);
    setValue("/toegankelijkheid", data.toegankelijkheid || []);
  } else {
    ["themas", "doelgroepen", "talen", "gebied"].forEach((n) => setValue(`/${n}`, data[n] || []));
    (data.plekken || []).forEach((id) => state.chosen.add(id));
    setValue("/waar", data.plekken && data.plekken.length ? "plekken" : (data.gebied && data.gebied.length ? "gebied" : ""));
    const cost = data.kosten;
    setValue("/kosten", !cost ? "" : (cost.gratis ? "gratis" : "betalen"));
    if (cost && cost.bedrag != null) setValue("/kosten/bedrag", String(cost.bedrag).replace(".", ","));
    if (cost) setValue("/kosten/uitleg", cost.uitleg);
    const signup = data.aanmelden;
    setValue("/aanmelden", !signup ? "" : (signup.nodig ? "ja" : "nee"));
    if (signup) setValue("/aanmelden/hoe", signup.hoe);
  }
  const items = (state.soort === "plek" ? data.openingstijden : data.schema) || [];
  items.forEach((item) => addRow(rowsBox(), item));
  showCostParts();
  showWhere();
}

// --- checking -----------------------------------------------------------------------------------------

async function validator() {
  if (!state.validators[state.soort]) {
    const response = await fetch(new URL(`aanmelden/schema/${state.soort}.schema.json`, ROOT));
    const schema = await response.json();
    state.validators[state.soort] = { schema, check: new Validator(schema, "7", false) };
  }
  return state.validators[state.soort];
}

function formRules(all) {
  const out = [];
  if (!all.jij.naam) out.push({ pad: "/jij/naam", bericht: null });
  if (state.soort === "aanbod") {
    const waar = choice("/waar");
    if (!waar) out.push({ pad: "/waar", bericht: null });
    if (waar === "plekken" && !state.chosen.size) out.push({ pad: "/plekken", bericht: null });
    if (waar === "gebied" && !checked("/gebied").length) out.push({ pad: "/gebied", bericht: null });
    if (choice("/kosten") === "betalen" && !text("/kosten/bedrag") && !text("/kosten/uitleg")) {
      out.push({ pad: "/kosten/bedrag", bericht: "Vul het bedrag in, of schrijf bij uitleg wat het kost." });
    }
    if (text("/kosten/bedrag") && isNaN(decimal(text("/kosten/bedrag")))) {
      out.push({ pad: "/kosten/bedrag", bericht: "Schrijf alleen een bedrag in cijfers, bijvoorbeeld 2,50." });
    }
  }
  if (state.soort === "plek" && typeof all.entry.coordinaten === "string") {
    out.push({ pad: "/coordinaten", bericht: "Schrijf twee getallen met een komma ertussen, bijvoorbeeld 52.9563, 4.7601." });
  }
  return out;
}

async function problems() {
  const all = collect();
  const { schema, check } = await validator();
  const result = check.validate(all.probe);
  const out = formRules(all);
  const taken = new Set(out.map((p) => p.pad));
  const more = F.fromSchema(result.errors, schema, all.probe).concat(F.extra(all.probe, state.settings));
  more.forEach((p) => { if (!taken.has(p.pad)) out.push(p); });
  return out;
}

// --- showing errors -------------------------------------------------------------------------------------

// Fields the form makes from other answers: an error there is shown at the answer.
const ALIAS = { "/bron": "/jij/naam", "/beheerder": "/jij/naam" };

function container(pad) {
  let segs = F.segments(ALIAS[pad] || pad);
  while (segs.length) {
    const found = $$(`[data-pad="${F.path(segs)}"]`).filter((el) => forThisKind(el));
    if (found.length) return found[0];
    segs = segs.slice(0, -1);
  }
  return null;
}

function labelOf(box) {
  const label = box.querySelector(".ww-veld__label");
  return label ? label.textContent.replace(/\s*\(mag leeg\)\s*$/, "").trim() : "dit veld";
}

function wording(p, box) {
  if (p.paden) {
    const names = p.paden.map((q) => container(q)).filter(Boolean).map(labelOf);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} of ${names[names.length - 1]}` : names.join("");
    return `Vul een van deze in: ${list.toLowerCase()}.`;
  }
  if (p.bericht) return p.bericht;
  const own = box && box.querySelector("[data-leeg]");
  return own ? own.getAttribute("data-leeg") : `Vul '${box ? labelOf(box) : "dit veld"}' in.`;
}

function clearErrors() {
  $$(".ww-veld--fout").forEach((box) => box.classList.remove("ww-veld--fout"));
  $$(".ww-veld__fout").forEach((p) => { p.hidden = true; p.textContent = ""; });
  $$("[aria-invalid]").forEach((el) => {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-fout"));
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  });
  $("#ww-fouten").hidden = true;
}

function target(box) {
  return box.matches("input, select, textarea") ? box : box.querySelector("input:not([type=hidden]), select, textarea");
}

// In the order of the fields on the page; errors without a field last.
function inPageOrder(list) {
  const placed = list.map((p) => ({ p, box: container(p.pad) }));
  return placed.sort((a, b) => {
    if (!a.box || !b.box) return (a.box ? 0 : 1) - (b.box ? 0 : 1);
    if (a.box === b.box) return 0;
    return a.box.compareDocumentPosition(b.box) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

function showErrors(list) {
  clearErrors();
  const items = [];
  const done = new Set();
  inPageOrder(list).forEach(({ p, box }) => {
    if (box && done.has(box)) return;
    const message = wording(p, box);
    if (box) {
      done.add(box);
      box.classList.add("ww-veld--fout");
      const fout = box.querySelector(".ww-veld__fout");
      if (fout) {
        fout.replaceChildren();
        const hidden = document.createElement("span");
        hidden.className = "ww-sr-only";
        hidden.textContent = "Fout: ";
        fout.append(hidden, message);
        fout.hidden = false;
      }
      $$("input, select, textarea", box).forEach((el) => {
        el.setAttribute("aria-invalid", "true");
        if (fout) {
          const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          el.setAttribute("aria-describedby", ids.concat([fout.id]).join(" "));
        }
      });
    }
    items.push({ message, field: box ? target(box) : null });
  });
  const summary = $("#ww-fouten");
  const ul = $("ul", summary);
  ul.replaceChildren();
  items.forEach(({ message, field }) => {
    const li = document.createElement("li");
    if (field && field.id) {
      const a = document.createElement("a");
      a.href = `#${field.id}`;
      a.textContent = message;
      a.addEventListener("click", (event) => {
        event.preventDefault();
        goTo(stepOf(field), false);
        field.focus();
      });
      li.appendChild(a);
    } else {
      li.textContent = message;
    }
    ul.appendChild(li);
  });
  summary.hidden = false;
  summary.focus();
}

// --- steps ------------------------------------------------------------------------------------------------

function stepOf(el) {
  const section = el.closest(".ww-stap");
  return section ? state.steps.indexOf(section.getAttribute("data-stap")) : state.step;
}

function goTo(index, focus = true) {
  state.step = Math.max(0, Math.min(index, state.steps.length - 1));
  const name = state.steps[state.step];
  $$(".ww-stap").forEach((s) => { s.hidden = s.getAttribute("data-stap") !== name; });
  $$("[data-voor]:not(.ww-stap)").forEach((el) => { el.hidden = !forThisKind(el); });
  showCostParts();
  if (state.soort === "aanbod" && name === "waar") showWhere();
  const shown = state.steps.length - (state.change ? 0 : 1);
  const number = state.step + (state.change ? 1 : 0);
  $("#ww-stapteller").textContent = name === "start" ? "" : `Stap ${number} van ${shown}`;
  $("[data-actie=terug]").hidden = state.step === 0;
  const next = $("[data-actie=verder]");
  next.hidden = name === "versturen";
  next.textContent = state.steps[state.step + 1] === "versturen" ? "Maak de tekst" : "Volgende";
  if (focus) $(`[data-stap="${name}"] h2`).focus();
}

function inStep(p) {
  const box = container(p.pad);
  return box && box.closest(".ww-stap") === $(`[data-stap="${state.steps[state.step]}"]`);
}

async function next() {
  const name = state.steps[state.step];
  if (name === "start") {
    const wat = choice("/wat");
    if (!wat) return showErrors([{ pad: "/wat", bericht: null }]);
    choose(wat);
    clearErrors();
    return goTo(1);
  }
  const found = await problems();
  const last = state.steps[state.step + 1] === "versturen";
  const here = last ? found : found.filter(inStep);
  if (here.length) return showErrors(here);
  clearErrors();
  if (last) makeText();
  goTo(state.step + 1);
}

function choose(soort) {
  state.soort = soort;
  state.steps = (state.change ? [] : ["start"]).concat(STEPS[soort]);
  $$(".ww-rijen").forEach((box) => { if (!forThisKind(box)) box.replaceChildren(); });
}

// --- the text and the hand-over --------------------------------------------------------------------------

function makeText() {
  const s = state.settings;
  const { entry, jij } = collect();
  if (!state.change) state.id = Y.slug(entry.naam) || state.soort;
  state.path = `${s.map[state.soort]}/${state.id}.yaml`;
  const header = [  // lines of at most 76 characters: mail programs do not wrap them
    `${state.change ? "Wijziging" : "Aangemeld"} met het formulier op de site (aanmelden/),`,
    `op ${today()}. Controleer alles. Klopt het?`,
    "Vul dan 'gecontroleerd_op' in en haal deze regels weg.",
  ];
  state.yaml = Y.toYaml(entry, s.volgorde[state.soort], header);
  state.text = Y.mailText({
    yaml: state.yaml, path: state.path, change: state.change, name: entry.naam || "",
    who: jij.organisatie ? `${jij.naam}, ${jij.organisatie}` : jij.naam, email: jij.email, begin: s.begin, end: s.einde,
  });
  $("#ww-tekst").value = state.text;
  const links = Y.links({
    repo: s.repo, branch: s.tak, path: state.path, yaml: state.yaml, change: state.change, email: s.email,
    subject: `${state.change ? "Wijziging" : "Aanmelding"} voor De Wegwijzer: ${entry.naam || ""}`,
    body: state.text, githubMax: s.github_max, mailMax: s.mailto_max,
    pasteHere: "Plak hier de tekst uit het formulier op de site.",
  });
  handOver(links);
}

function handOver(links) {
  const github = $("[data-link=github]");
  if (github) {
    github.href = links.github;
    github.target = "_blank";
    github.rel = "noopener external";
    github.textContent = state.change ? "Open het bestand op GitHub (nieuw tabblad)" : "Verstuur via GitHub (nieuw tabblad)";
    $("[data-uitleg=github]").textContent = state.change
      ? "Als je hierop drukt, kopieert de site de tekst. Vervang op GitHub de hele tekst door wat je kopieerde (plakken). Druk daarna op Propose changes."
      : (links.githubTooLong
        ? "De tekst is te lang om mee te sturen. Druk eerst op Kopieer de tekst. Plak hem daarna op GitHub en druk op Propose changes."
        : "GitHub opent met de tekst erin. Je hebt daar een account nodig. Druk op GitHub op Propose changes: dan krijgt de redactie je voorstel.");
    github.onclick = state.change || links.githubTooLong ? () => { copy(state.yaml); } : null;
  }
  const mail = $("[data-link=email]");
  if (mail) {
    mail.href = links.email;
    $("[data-uitleg=email]").textContent = links.mailTooLong
      ? `De tekst is te lang voor een e-mail-link. Druk eerst op Kopieer de tekst. Plak hem daarna in de e-mail aan ${state.settings.email}.`
      : `Je e-mailprogramma opent met de tekst erin. Je verstuurt de e-mail zelf, naar ${state.settings.email}.`;
  }
  $("[data-status]").textContent = "";
}

async function copy(value) {
  const status = $("[data-status]");
  try {
    await navigator.clipboard.writeText(value);
  } catch (err) {
    const area = $("#ww-tekst");
    const before = area.value;
    area.value = value;
    area.select();
    const ok = document.execCommand && document.execCommand("copy");
    area.value = before;
    if (!ok) {
      status.textContent = "Kopiëren lukte niet. Selecteer de tekst in het vak en kopieer hem zelf.";
      return;
    }
  }
  status.textContent = "De tekst is gekopieerd. Plak hem in je e-mail of op GitHub.";
}

// --- start -----------------------------------------------------------------------------------------------

function wire() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    form.setAttribute("aria-busy", "true"); // while the answers are checked (the schema may still be loading)
    next().catch(() => {
      showErrors([{ pad: "", bericht: "De controle van het formulier kon niet laden. Probeer het opnieuw." }]);
    }).finally(() => form.removeAttribute("aria-busy"));
  });
  $("[data-actie=terug]").addEventListener("click", () => { clearErrors(); goTo(state.step - 1); });
  $("[data-actie=erbij]").addEventListener("click", () => {
    const row = addRow(rowsBox());
    row.querySelector("select, input").focus();
  });
  $("[data-actie=kopieer]").addEventListener("click", () => copy(state.text));
  $$("[data-veld=\"/gemeente\"]").forEach((el) => el.addEventListener("change", showKernen));
  $("#v-woonkern").addEventListener("change", showWijken);
  $("#v-plek-kern").addEventListener("change", () => loadPlaces().then(showPlaces));
  $$("[name=v-waar]").forEach((el) => el.addEventListener("change", showWhere));
  $$("[name=v-kosten], [name=v-aanmelden]").forEach((el) => el.addEventListener("change", showCostParts));
}

async function startChange(soort, id) {
  state.change = true;
  try {
    const response = await fetch(new URL(`aanmelden/item/${soort}/${id}.json`, ROOT));
    if (!response.ok) throw new Error(String(response.status));
    state.base = await response.json();
  } catch (err) {
    state.change = false;
    $("#ww-niet-gevonden").hidden = false;
    return goTo(0, false);
  }
  state.id = id;
  choose(soort);
  fill(state.base);
  const banner = $("#ww-wijziging");
  $("[data-naam]", banner).textContent = state.base.naam || id;
  banner.hidden = false;
  goTo(0, false);
}

async function start() {
  state.settings = JSON.parse(form.getAttribute("data-ww-aanmelden"));
  wire();
  showKernen();
  form.hidden = false;
  const query = new URLSearchParams(window.location.search);
  const soort = ["aanbod", "plek"].find((k) => query.has(k));
  const id = soort ? query.get(soort) : "";
  if (soort && ID.test(id)) await startChange(soort, id);
  else goTo(0, false);
  form.setAttribute("data-klaar", "");
}

if (form && Y && F) start();
