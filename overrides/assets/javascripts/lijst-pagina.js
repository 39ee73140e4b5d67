/*
 * De Wegwijzer van de Kop: the page "Mijn lijst" (/lijst/).
 *
 * Which list: the ids in the link's fragment (/lijst/#id,id: a shared list), else the list this browser
 * keeps (lijst.js, localStorage). Ids are checked with the site's id pattern, each kept once, at most
 * WegwijzerLijst.MAX; what is left out is said in Dutch.
 * The data of each entry comes from a small shard file, lijst/<n>.json, with n = FNV-1a(id) % shards
 * (site/lijst.py computes the same), so a phone loads only the files of the ids on the list.
 * Everything from the data is put on the page as text (textContent) or as a checked link, never as HTML.
 *
 * Buttons: "Deel" (the phone's share sheet, else the link is copied), "Kopieer als tekst", "Print
 * verwijskaart" (the print stylesheet lijst.css makes one A4), "Maak de lijst leeg". The QR code on the
 * card (qrcode-generator, vendored) holds the same link as "Deel".
 */
(function () {
  "use strict";

  var root = document.getElementById("ww-lijst");
  var L = window.WegwijzerLijst;
  if (!root || !L) return;

  function byId(id) { return document.getElementById(id); }

  var SHARDS = Math.max(1, parseInt(root.getAttribute("data-shards"), 10) || 1);
  var HERE = new URL(root.getAttribute("data-root") || "/", location.href);  // the site this page came from
  var SITE = root.getAttribute("data-site") || "";  // the public address of the site, when the build knows it
  var PUBLIC = SITE ? new URL(SITE) : HERE;
  var PAD = root.getAttribute("data-pad") || "lijst/";
  var SAFE_LINK = /^(?:tel:|mailto:|https?:\/\/)/i;
  var ENTRY_URL = /^(?:aanbod|plek)\/[a-z0-9-]+\/$/;
  var SVG = "http://www.w3.org/2000/svg";

  var items = byId("lijst-items");
  var status = byId("lijst-status");
  var message = byId("lijst-melding");
  var linkField = byId("lijst-link");
  var textRow = byId("lijst-tekstvak");
  var textField = byId("lijst-tekstveld");
  var shards = {};
  var state = {ids: [], cards: {}, own: true, notes: []};

  /* --- which list -------------------------------------------------------------------------- */

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash;
  }

  function fromLink() {
    var raw = location.hash.replace(/^#/, "");
    if (!raw) return null;
    try {
      raw = decodeURIComponent(raw);
    } catch (err) {
      return ["?"];  // not a list: counted as one wrong part
    }
    return raw.split(",").map(function (part) { return part.trim(); }).filter(Boolean);
  }

  function same(a, b) {
    return a.length === b.length && a.every(function (id, i) { return id === b[i]; });
  }

  function listLink(ids) {
    var base = SITE ? new URL(PAD, PUBLIC).href : location.origin + location.pathname;
    return base + (ids.length ? "#" + ids.join(",") : "");
  }

  function entryLink(path, base) {
    return ENTRY_URL.test(path) ? new URL(path, base).href : "";
  }

  function loadShard(n) {
    if (!shards[n]) {
      shards[n] = fetch(new URL("lijst/" + n + ".json", HERE).href).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }
    return shards[n];
  }

  function start() {
    var link = fromLink();
    var stored = L.read();
    var notes = [];
    if (!link) {
      show(stored, true, notes);
      return;
    }
    var checked = L.clean(link);
    if (checked.invalid === 1) notes.push("Eén deel van de link klopt niet. Dat staat niet op de lijst.");
    if (checked.invalid > 1) notes.push(checked.invalid + " delen van de link kloppen niet. Die staan niet op de lijst.");
    if (checked.over) notes.push("De link is te lang. Alleen de eerste " + L.MAX + " dingen staan op de lijst.");
    show(checked.ids, same(checked.ids, stored), notes);
  }

  function show(ids, own, notes) {
    var numbers = [];
    ids.forEach(function (id) {
      var n = fnv1a(id) % SHARDS;
      if (numbers.indexOf(n) < 0) numbers.push(n);
    });
    if (ids.length) status.textContent = "De lijst wordt geladen.";
    Promise.all(numbers.map(loadShard)).then(function (loaded) {
      var data = {};
      numbers.forEach(function (n, i) { data[n] = loaded[i]; });
      var cards = {};
      var known = ids.filter(function (id) {
        var shard = data[fnv1a(id) % SHARDS];
        if (!shard || !Object.prototype.hasOwnProperty.call(shard, id)) return false;
        cards[id] = shard[id];
        return true;
      });
      var gone = ids.length - known.length;
      if (gone === 1) notes.push("Eén ding van de lijst staat niet (meer) in de Wegwijzer.");
      if (gone > 1) notes.push(gone + " dingen van de lijst staan niet (meer) in de Wegwijzer.");
      if (own && gone) L.write(known);
      state = {ids: known, cards: cards, own: own, notes: notes};
      render();
    }, function () {
      status.textContent = "De lijst kon niet worden geladen. Controleer je internet en laad de pagina opnieuw.";
    });
  }

  /* --- drawing ------------------------------------------------------------------------------ */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function lines(values) {
    var box = el("span", "ww-lijst__regels");
    values.forEach(function (value) { box.appendChild(el("span", "ww-lijst__regel", value)); });
    return box;
  }

  function contactLink(link) {
    var kind = link[0], text = link[1], href = link[2];
    var words = {telefoon: "Bel ", email: "Mail ", website: ""}[kind] || "";
    if (!SAFE_LINK.test(href)) return el("span", "", words + text);
    var a = el("a", "ww-lijst__link", words + text);
    a.href = href;
    if (kind === "website") a.rel = "external";
    return a;
  }

  function contactNode(route) {
    var box = el("div", "ww-lijst__contact");
    if (route.note) box.appendChild(el("p", "ww-lijst__noot", route.note));
    (route.ways || []).forEach(function (way) {
      var p = el("p", "ww-lijst__weg");
      if (way.naam) {
        p.appendChild(el("strong", "", way.naam));
        p.appendChild(document.createTextNode(": "));
      }
      way.links.forEach(function (link, i) {
        if (i) p.appendChild(document.createTextNode(" · "));
        p.appendChild(contactLink(link));
      });
      if (way.bereikbaar) p.appendChild(el("span", "ww-lijst__uren", " Bereikbaar: " + way.bereikbaar));
      box.appendChild(p);
    });
    if (route.hint) box.appendChild(el("p", "ww-lijst__noot", route.hint));
    if (route.inloop) box.appendChild(el("p", "", "Zonder afspraak langskomen: " + route.inloop.join("; ")));
    return box;
  }

  function fact(list, question, answer, unknown) {
    var className = unknown ? "ww-lijst__onbekend" : "";
    list.appendChild(el("dt", className, question));
    var dd = el("dd", className);
    if (typeof answer === "string") dd.textContent = answer;
    else dd.appendChild(answer);
    list.appendChild(dd);
  }

  function remove(id) {
    var ids = L.read().filter(function (other) { return other !== id; });
    L.write(ids);
    var name = state.cards[id] ? state.cards[id].naam : id;
    state.ids = state.ids.filter(function (other) { return other !== id; });
    render();
    message.textContent = name + " staat niet meer op je lijst.";
    status.focus();
  }

  function itemOf(id, card) {
    var li = el("li", "ww-lijst__item");
    var title = el("h2", "ww-lijst__naam");
    var href = entryLink(card.url, HERE);
    var name = href ? el("a", "", card.naam) : el("span", "", card.naam);
    if (href) name.href = href;
    title.appendChild(name);
    if (card.voorbeeld) {
      title.appendChild(document.createTextNode(" "));
      title.appendChild(el("span", "ww-tag", "voorbeeld"));
    }
    li.appendChild(title);
    if (card.afgelopen) li.appendChild(el("p", "ww-label ww-label--oud", "Afgelopen. Dit aanbod is voorbij."));
    li.appendChild(el("p", "ww-lijst__wat", card.wat));
    var facts = el("dl", "ww-lijst__feiten");
    fact(facts, "Contact", contactNode(card.contact || {}));
    fact(facts, card.soort === "plek" ? "Open" : "Wanneer", lines(card.wanneer || []));
    fact(facts, "Waar", lines(card.waar || []));
    var unknown = card.onbekend || [];
    if (card.kosten) fact(facts, "Kosten", card.kosten, unknown.indexOf("kosten") >= 0);
    if (card.aanmelden) fact(facts, "Aanmelden", card.aanmelden, unknown.indexOf("aanmelden") >= 0);
    if (card.verwijzen) fact(facts, "Verwijzen", card.verwijzen, unknown.indexOf("verwijzen") >= 0);
    li.appendChild(facts);
    if (state.own) {
      var row = el("p", "ww-noprint");
      var button = el("button", "md-button ww-lijst__weg-knop", "Haal van de lijst");
      button.type = "button";
      button.appendChild(el("span", "ww-sr-only", ": " + card.naam));
      button.addEventListener("click", function () { remove(id); });
      row.appendChild(button);
      li.appendChild(row);
    }
    return li;
  }

  function today() {
    try {
      return new Date().toLocaleDateString("nl-NL", {day: "numeric", month: "long", year: "numeric"});
    } catch (err) {
      return byId("lijst-datum").textContent;
    }
  }

  function drawQr(link) {
    var box = byId("lijst-qr");
    box.textContent = "";
    if (typeof window.qrcode !== "function") return;
    var code = window.qrcode(0, "M");
    code.addData(link);
    code.make();
    var count = code.getModuleCount(), quiet = 4, size = count + 2 * quiet, path = "";
    for (var row = 0; row < count; row++) {
      for (var col = 0; col < count; col++) {
        if (code.isDark(row, col)) path += "M" + (col + quiet) + " " + (row + quiet) + "h1v1h-1z";
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR-code met de link naar deze lijst");
    svg.setAttribute("class", "ww-lijst__qr-code");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#fff");
    var dots = document.createElementNS(SVG, "path");
    dots.setAttribute("d", path);
    dots.setAttribute("fill", "#000");
    dots.setAttribute("shape-rendering", "crispEdges");
    svg.appendChild(back);
    svg.appendChild(dots);
    box.appendChild(svg);
  }

  function summary() {
    var n = state.ids.length;
    var what = n === 1 ? "1 ding" : n + " dingen";
    var text;
    if (!n) text = state.own ? "Je lijst is leeg. Druk bij aanbod of een plek op Zet op mijn lijst." : "Op deze lijst staat niets.";
    else text = state.own ? "Op je lijst staan " + what + "." : "Op deze gedeelde lijst staan " + what + ".";
    return [text].concat(state.notes).join(" ");
  }

  function render() {
    var n = state.ids.length;
    items.textContent = "";
    state.ids.forEach(function (id) { items.appendChild(itemOf(id, state.cards[id])); });
    status.textContent = summary();
    byId("lijst-acties").hidden = n === 0;
    byId("lijst-kaart").hidden = n === 0;
    byId("lijst-gedeeld").hidden = state.own || n === 0;
    byId("lijst-eigen").hidden = state.own || L.read().length === 0;
    byId("lijst-leeg-rij").hidden = !state.own;
    textRow.hidden = true;
    var link = listLink(state.ids);
    linkField.value = link;
    if (state.own) history.replaceState(null, "", location.pathname + location.search + (n ? "#" + state.ids.join(",") : ""));
    byId("lijst-adres").textContent = link;
    byId("lijst-datum").textContent = today();
    drawQr(link);
  }

  /* --- as text --------------------------------------------------------------------------------- */

  function contactText(route) {
    var ways = (route.ways || []).map(function (way) {
      var links = way.links.map(function (link) { return link[1]; }).join(", ");
      var hours = way.bereikbaar ? " (bereikbaar: " + way.bereikbaar.replace(/\.$/, "") + ")" : "";
      return (way.naam ? way.naam + ": " : "") + links + hours;
    });
    var text = ways.join("; ") || route.note || "Niet bekend.";
    if (route.inloop) text += ". Zonder afspraak: " + route.inloop.join("; ");
    return text;
  }

  function asText() {
    var out = ["Mijn lijst van De Wegwijzer van de Kop (" + today() + ")", ""];
    state.ids.forEach(function (id, i) {
      var card = state.cards[id];
      out.push((i + 1) + ". " + card.naam);
      if (card.wat) out.push(card.wat);
      out.push("Contact: " + contactText(card.contact || {}));
      if (card.wanneer && card.wanneer.length) out.push((card.soort === "plek" ? "Open: " : "Wanneer: ") + card.wanneer.join("; "));
      if (card.waar && card.waar.length) out.push("Waar: " + card.waar.join("; "));
      var page = entryLink(card.url, PUBLIC);
      if (page) out.push(page);
      out.push("");
    });
    out.push("De hele lijst: " + listLink(state.ids));
    return out.join("\n");
  }

  /* --- buttons --------------------------------------------------------------------------------- */

  function copy(text, field) {
    var done = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text).then(function () { return true; }, function () { return false; })
      : Promise.resolve(false);
    return done.then(function (ok) {
      if (!ok) {
        field.focus();
        field.select();
      }
      return ok;
    });
  }

  function copyLink(link) {
    copy(link, linkField).then(function (ok) {
      message.textContent = ok
        ? "De link naar de lijst staat op het klembord. Plak hem in een bericht of een e-mail."
        : "Kopieer de link hieronder. Hij is al geselecteerd.";
    });
  }

  byId("lijst-deel").addEventListener("click", function () {
    var link = listLink(state.ids);
    if (typeof navigator.share !== "function") {
      copyLink(link);
      return;
    }
    navigator.share({title: "Mijn lijst: De Wegwijzer van de Kop", url: link}).then(function () {
      message.textContent = "De lijst is gedeeld.";
    }, function (err) {
      if (!err || err.name !== "AbortError") copyLink(link);
    });
  });

  byId("lijst-tekst").addEventListener("click", function () {
    var text = asText();
    textField.value = text;
    textRow.hidden = false;
    copy(text, textField).then(function (ok) {
      message.textContent = ok
        ? "De lijst staat als tekst op het klembord. Plak hem in een e-mail, WhatsApp of een dossier."
        : "Kopieer de tekst hieronder. Hij is al geselecteerd.";
    });
  });

  byId("lijst-print").addEventListener("click", function () { window.print(); });

  byId("lijst-leeg").addEventListener("click", function () {
    if (!window.confirm("Wil je alles van je lijst halen?")) return;
    L.write([]);
    state = {ids: [], cards: {}, own: true, notes: []};
    render();
    message.textContent = "Je lijst is leeg.";
    status.focus();
  });

  byId("lijst-bewaar").addEventListener("click", function () {
    var merged = L.clean(L.read().concat(state.ids));
    L.write(merged.ids);
    var notes = merged.over ? ["Je lijst was vol. Niet alles past erop."] : [];
    show(merged.ids, true, notes);
    message.textContent = "De lijst staat nu op je eigen lijst.";
  });

  window.addEventListener("hashchange", start);
  window.addEventListener("beforeprint", function () { byId("lijst-datum").textContent = today(); });
  status.setAttribute("tabindex", "-1");
  start();
})();
