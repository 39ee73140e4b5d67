/*
 * De Wegwijzer van de Kop: the filters of the professionals page (/professionals/).
 *
 * The page is a plain HTML table per gemeente (site/professionals.py). This script shows the filter
 * form, reads the choices from the URL query (gemeente, kern, thema, voor, gratis, verwijzen: the same
 * names as the search page), hides the rows and sections that do not fit, and keeps the query in the
 * address bar, so a filtered view can be bookmarked or sent on.
 *
 * A row fits a woonplaats when one of its places is there (data-k), or when it has no fixed place and
 * serves that woonplaats's gemeente (its section). An offer for everyone fits every audience.
 * The sections "regio" and "onbekend" (not known where) fit every gemeente. With a gemeente chosen, an
 * offer there that falls back to the gemeenten shows only that gemeente's way to get in touch
 * (.ww-pro-weg[data-g]).
 */
(function () {
  "use strict";

  var form = document.getElementById("pro-filter");
  var status = document.getElementById("pro-status");
  if (!form || !status) return;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-g]"));
  var chips = document.querySelectorAll(".ww-pro-naar li[data-g]");
  var empty = document.getElementById("pro-leeg");
  var fields = {
    gemeente: form.elements.gemeente,
    kern: form.elements.kern,
    thema: form.elements.thema,
    voor: form.elements.voor,
    gratis: form.elements.gratis,
    verwijzen: form.elements.verwijzen,
  };
  var SELECTS = ["gemeente", "kern", "thema", "voor"];
  var CHECKS = ["gratis", "verwijzen"];

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  /* The query string into the form; values that are not a choice are ignored. */
  function fromQuery() {
    var query = new URLSearchParams(location.search);
    SELECTS.forEach(function (name) {
      var value = query.get(name) || "";
      fields[name].value = hasOption(fields[name], value) ? value : "";
    });
    CHECKS.forEach(function (name) { fields[name].checked = query.get(name) === "ja"; });
  }

  function choices() {
    var kern = fields.kern.selectedOptions[0];
    var gemeente = kern && kern.value ? kern.getAttribute("data-gemeente") : fields.gemeente.value;
    if (gemeente !== fields.gemeente.value) fields.gemeente.value = gemeente;
    return {
      gemeente: gemeente,
      kern: fields.kern.value,
      thema: fields.thema.value,
      voor: fields.voor.value,
      gratis: fields.gratis.checked,
      verwijzen: fields.verwijzen.checked,
    };
  }

  function words(row, name) {
    return (row.getAttribute(name) || "").split(" ");
  }

  function fits(row, c) {
    if (c.kern && row.getAttribute("data-k") && words(row, "data-k").indexOf(c.kern) < 0) return false;
    if (c.thema && words(row, "data-t").indexOf(c.thema) < 0) return false;
    if (c.voor) {
      var voor = words(row, "data-v");
      if (voor.indexOf(c.voor) < 0 && voor.indexOf("iedereen") < 0) return false;
    }
    if (c.gratis && !row.hasAttribute("data-gratis")) return false;
    if (c.verwijzen && !row.hasAttribute("data-pro")) return false;
    return true;
  }

  function toQuery(c) {
    var query = new URLSearchParams();
    SELECTS.forEach(function (name) { if (c[name]) query.set(name, c[name]); });
    CHECKS.forEach(function (name) { if (c[name]) query.set(name, "ja"); });
    var text = query.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
  }

  function apply() {
    var c = choices();
    var seen = {};
    var shown = 0;
    sections.forEach(function (section) {
      var key = section.getAttribute("data-g");
      var inArea = !c.gemeente || key === c.gemeente || key === "regio" || key === "onbekend";
      var rows = 0;
      section.querySelectorAll("tbody tr").forEach(function (row) {
        var ok = inArea && fits(row, c);
        row.hidden = !ok;
        if (ok) {
          rows += 1;
          var id = row.getAttribute("data-id");
          if (!seen[id]) { seen[id] = true; shown += 1; }
        }
      });
      section.hidden = rows === 0;
    });
    /* A regional offer without a route of its own shows the way of each gemeente: only the chosen one's. */
    document.querySelectorAll(".ww-pro-weg[data-g]").forEach(function (way) {
      way.hidden = Boolean(c.gemeente) && way.getAttribute("data-g") !== c.gemeente;
    });
    chips.forEach(function (chip) {
      var section = document.getElementById("pro-" + chip.getAttribute("data-g"));
      chip.hidden = !section || section.hidden;
    });
    if (empty) empty.hidden = shown > 0;
    var chosen = SELECTS.some(function (name) { return c[name]; }) || c.gratis || c.verwijzen;
    status.textContent = shown + " keer aanbod " + (chosen ? "past bij je keuzes." : "om naar te verwijzen.");
    toQuery(c);
  }

  form.addEventListener("change", function (event) {
    if (event.target === fields.gemeente && fields.kern.value) {
      var kern = fields.kern.selectedOptions[0];
      if (kern.getAttribute("data-gemeente") !== fields.gemeente.value) fields.kern.value = "";
    }
    apply();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);  /* after the browser has reset the fields */
  });

  form.hidden = false;
  fromQuery();
  apply();
})();
