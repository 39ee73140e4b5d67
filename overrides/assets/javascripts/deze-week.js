/*
 * De Wegwijzer van de Kop: "Deze week" on the page of a gemeente, kern or wijk.
 *
 * The page has <section data-ww-schema='[{"naam", "url", "schema": [...]}]' data-ww-namen='{"dagen", "maanden"}'>
 * with the schedules of the offers there (made by site/pages.py, schedule_data). This script works out,
 * with the visitor's own date, what happens today and in the six days after it:
 * - weekly ("h" missing or "wekelijks"): every week on "dag";
 * - every two weeks ("tweewekelijks"): on "dag" in the weeks counted from "start"; without a start date
 *   we cannot know which week, so those offers are listed apart ("Om de week, vraag welke week");
 * - monthly ("maandelijks"): the "week"-th "dag" of the month (-1 = the last one);
 * - one date ("datum").
 * "start" and "eind" limit every rule. Without JavaScript the section stays hidden and the
 * lists per rule on the page are the fallback.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-ww-schema]");
  if (!box) return;
  var offers, names;
  try {
    offers = JSON.parse(box.getAttribute("data-ww-schema"));
    names = JSON.parse(box.getAttribute("data-ww-namen"));
  } catch (err) {
    return;
  }
  var base = (document.querySelector("script[src$='deze-week.js']").getAttribute("src") || "")
    .replace(/assets\/javascripts\/deze-week\.js$/, "");
  var DAY_MS = 86400000;

  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }

  function dayName(d) {
    return names.dagen[(d.getDay() + 6) % 7];  // the list starts on maandag
  }

  function fromIso(text) {
    var p = text.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]);
  }

  /** Does schedule item s happen on date d? true, false, or null (every two weeks, unknown which). */
  function happens(s, d) {
    var day = iso(d);
    if (s.datum) return s.datum === day;
    if (s.dag !== dayName(d)) return false;
    if ((s.start && day < s.start) || (s.eind && day > s.eind)) return false;
    if (s.h === "maandelijks") {
      if (s.week === -1) return new Date(d.getTime() + 7 * DAY_MS).getMonth() !== d.getMonth();
      return Math.floor((d.getDate() - 1) / 7) + 1 === s.week;
    }
    if (s.h === "tweewekelijks") {
      if (!s.start) return null;
      var weeks = Math.round((d - fromIso(s.start)) / (7 * DAY_MS));
      return weeks % 2 === 0;
    }
    return true;
  }

  function link(offer) {
    var a = document.createElement("a");
    a.href = base + offer.url;
    a.textContent = offer.naam;
    return a;
  }

  function item(offer, s, extra) {
    var li = document.createElement("li");
    li.appendChild(link(offer));
    var when = document.createElement("span");
    when.className = "ww-muted";
    when.textContent = " " + s.van + " tot " + s.tot + " uur" + (extra || "");
    li.appendChild(when);
    return li;
  }

  function list(heading, rows) {
    var h = document.createElement("h3");
    h.textContent = heading;
    var ul = document.createElement("ul");
    ul.className = "ww-links";
    rows.forEach(function (r) { ul.appendChild(r); });
    return [h, ul];
  }

  var out = box.querySelector("[data-ww-deze-week-lijst]");
  var today = new Date();
  today = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  var unsure = [];
  var found = 0;
  for (var i = 0; i < 7; i++) {
    var d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
    var rows = [];
    offers.forEach(function (offer) {
      offer.schema.forEach(function (s) {
        var yes = happens(s, d);
        if (yes) rows.push([s.van, item(offer, s)]);
        else if (yes === null && i === 0) unsure.push(item(offer, s, ", om de week op " + s.dag + ": vraag welke week"));
      });
    });
    if (!rows.length) continue;
    found += rows.length;
    rows.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    var label = (i === 0 ? "Vandaag, " : i === 1 ? "Morgen, " : "") + dayName(d) + " " + d.getDate() + " " +
      names.maanden[d.getMonth()];
    list(label.charAt(0).toUpperCase() + label.slice(1), rows.map(function (r) { return r[1]; }))
      .forEach(function (el) { out.appendChild(el); });
  }
  if (unsure.length) {
    list("Om de week, maar niet bekend welke week", unsure).forEach(function (el) { out.appendChild(el); });
  }
  if (!found && !unsure.length) {
    var p = document.createElement("p");
    p.textContent = "De komende zeven dagen staat hier niets op een vaste tijd. Kijk hieronder wat er elke maand is.";
    out.appendChild(p);
  }
  box.hidden = false;
})();
