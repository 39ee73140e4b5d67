/*
 * De Wegwijzer van de Kop: "Mijn lijst" on every page.
 *
 * The list is an array of entry ids in localStorage ("wegwijzer-lijst"). Nothing leaves the browser.
 * This script
 * - puts a button "Zet op mijn lijst" on every card (li.ww-card with a link to an offer or a place;
 *   also cards that another script adds later, such as search results) and in every placeholder
 *   [data-ww-lijst="<id>"] (entry pages, the professionals table; the name is data-ww-naam, else the
 *   text of the first link next to it);
 * - says what happened in a live region, and links to the list page;
 * - fills in the page's own address for printing ([data-ww-printadres] without data-vast: the site
 *   address is not configured, so the address the browser sees is the best there is);
 * - shares its rules with the list page as window.WegwijzerLijst.
 *
 * The rules (longest list, id pattern) come from the build, as data attributes of this script's tag.
 * Every id is checked against the id pattern, also ids read back from storage.
 */
(function () {
  "use strict";

  var tag = document.currentScript;
  var cfg = (tag && tag.dataset) || {};
  var KEY = "wegwijzer-lijst";
  var MAX = parseInt(cfg.max, 10) || 20;
  var ID_MAX = parseInt(cfg.idMax, 10) || 60;
  var ID_RE = new RegExp(cfg.id || "^[a-z0-9]+(?:-[a-z0-9]+)*$");
  var PAGE = cfg.lijst ? new URL(cfg.lijst, location.href).href : "";
  var ENTRY_PATH = /\/(?:aanbod|plek)\/([a-z0-9-]+)\/(?:index\.html)?$/;

  function valid(id) {
    return typeof id === "string" && id.length > 0 && id.length <= ID_MAX && ID_RE.test(id);
  }

  /* Valid ids, each once, at most MAX. Returns {ids, invalid, over}. */
  function clean(values) {
    var ids = [], invalid = 0, over = 0;
    values.forEach(function (value) {
      if (!valid(value)) invalid += 1;
      else if (ids.indexOf(value) >= 0) return;
      else if (ids.length >= MAX) over += 1;
      else ids.push(value);
    });
    return {ids: ids, invalid: invalid, over: over};
  }

  function read() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? clean(stored).ids : [];
    } catch (err) {
      return [];
    }
  }

  function write(ids) {
    var list = clean(ids).ids;
    try {
      if (list.length) window.localStorage.setItem(KEY, JSON.stringify(list));
      else window.localStorage.removeItem(KEY);
    } catch (err) {
      /* storage is off (private mode): the list lives only as long as the page */
    }
    refreshAll();
    return list;
  }

  /* --- telling what happened ------------------------------------------------------------ */

  var live = null;
  function say(text) {
    if (!live) {
      live = document.createElement("p");
      live.className = "ww-sr-only";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 60);
  }

  function count(n) {
    return n === 1 ? "1 ding" : n + " dingen";
  }

  /* --- the buttons ------------------------------------------------------------------------ */

  function label(button, on) {
    button.firstChild.textContent = on ? "Haal van mijn lijst" : "Zet op mijn lijst";
    button.classList.toggle("ww-bewaar__knop--op", on);
  }

  function refresh(box) {
    var on = read().indexOf(box.getAttribute("data-ww-id")) >= 0;
    label(box.querySelector("button"), on);
    var link = box.querySelector("a");
    if (link) link.hidden = !on;
  }

  function refreshAll() {
    document.querySelectorAll(".ww-bewaar").forEach(refresh);
  }

  function toggle(id, name) {
    var ids = read();
    var at = ids.indexOf(id);
    if (at >= 0) {
      ids.splice(at, 1);
      ids = write(ids);
      say(name + " staat niet meer op je lijst. Er staan nu " + count(ids.length) + " op je lijst.");
    } else if (ids.length >= MAX) {
      say("Je lijst is vol: er passen " + MAX + " dingen op. Haal eerst iets van je lijst.");
    } else {
      ids.push(id);
      ids = write(ids);
      say(name + " staat op je lijst. Er staan nu " + count(ids.length) + " op je lijst.");
    }
  }

  function box(id, name) {
    var p = document.createElement("p");
    p.className = "ww-bewaar ww-noprint";
    p.setAttribute("data-ww-id", id);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ww-bewaar__knop";
    button.appendChild(document.createTextNode(""));
    var hidden = document.createElement("span");
    hidden.className = "ww-sr-only";
    hidden.textContent = ": " + name;
    button.appendChild(hidden);
    button.addEventListener("click", function () { toggle(id, name); });
    p.appendChild(button);
    if (PAGE) {
      var link = document.createElement("a");
      link.className = "ww-bewaar__link";
      link.href = PAGE;
      link.textContent = "Bekijk mijn lijst";
      p.appendChild(document.createTextNode(" "));
      p.appendChild(link);
    }
    refresh(p);
    return p;
  }

  function idOfLink(link) {
    try {
      var match = ENTRY_PATH.exec(new URL(link.getAttribute("href"), location.href).pathname);
      return match && valid(match[1]) ? match[1] : "";
    } catch (err) {
      return "";
    }
  }

  function enhance(root) {
    if (!root.querySelectorAll) return;
    var cards = root.matches && root.matches("li.ww-card") ? [root] : root.querySelectorAll("li.ww-card");
    Array.prototype.forEach.call(cards, function (card) {
      if (card.querySelector(".ww-bewaar")) return;
      var link = card.querySelector(".ww-card__title a");
      var id = link ? idOfLink(link) : "";
      if (id) card.appendChild(box(id, link.textContent.trim()));
    });
    root.querySelectorAll("[data-ww-lijst]").forEach(function (spot) {
      var id = spot.getAttribute("data-ww-lijst");
      if (spot.querySelector(".ww-bewaar") || !valid(id)) return;
      var named = spot.parentElement && spot.parentElement.querySelector("a");
      spot.appendChild(box(id, spot.getAttribute("data-ww-naam") || (named ? named.textContent.trim() : id)));
      spot.hidden = false;
    });
  }

  /* --- the address on paper --------------------------------------------------------------- */

  document.querySelectorAll("[data-ww-printadres]:not([data-vast])").forEach(function (el) {
    el.textContent = location.origin + location.pathname;
  });

  enhance(document);
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && !node.classList.contains("ww-bewaar")) enhance(node);
        });
      });
    }).observe(document.body, {childList: true, subtree: true});
  }
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) refreshAll();
  });

  window.WegwijzerLijst = {KEY: KEY, MAX: MAX, valid: valid, clean: clean, read: read, write: write, say: say};
})();
