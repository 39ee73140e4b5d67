/*
 * De Wegwijzer van de Kop: maps.
 *
 * Needs Leaflet (and Leaflet.markercluster for clustered maps), both vendored
 * from npm into assets/vendor/, and protomaps-leaflet when the site has its own tiles.
 *
 * Tiles: the map box (section.ww-kaart) says in data-ww-tegels where the background comes from.
 * - "osm": tiles from another host. That host sees the visitor's IP address, so nothing is drawn
 *   (and no tile is asked for) until the visitor presses "Kaart tonen". The choice is kept in
 *   localStorage ("wegwijzer-kaart" = "tonen") and can be undone with "Kaart uitzetten".
 * - "pmtiles": vector tiles from one file on the site itself: drawn at once, nothing leaves the site.
 *
 * Two ways in:
 * - folium renders the overview and area maps; the page wraps folium's script in
 *   WegwijzerKaart.later(mapId, draw), and draw() calls addRows / addGeoJSON / tiles.
 * - Entry pages have <div data-ww-kaart='{"rows": [...], ...}'>;
 *   this script draws those itself (folium per entry page is too slow for 10,000 pages).
 *
 * A row is [lat, lon, title, url]; url is relative to the site root (base).
 * Every marker gets its unique title, is reachable with Tab and opens its popup with Enter.
 * Leaflet's own English (zoom buttons, popup close button, attribution prefix) is set to Dutch here.
 */
(function () {
  "use strict";

  var K = {};
  var KEY = "wegwijzer-kaart";
  var waiting = [];  // [box, draw] pairs that wait for the visitor's choice

  /* Leaflet in Dutch. Set before any map is made. */
  if (window.L) {
    L.Control.Zoom.prototype.options.zoomInTitle = "Inzoomen";
    L.Control.Zoom.prototype.options.zoomOutTitle = "Uitzoomen";
    L.Control.Attribution.prototype.options.prefix = '<a href="https://leafletjs.com">Leaflet</a>';
    var initLayout = L.Popup.prototype._initLayout;
    L.Popup.prototype._initLayout = function () {
      initLayout.call(this);
      if (this._closeButton) {
        this._closeButton.setAttribute("aria-label", "Sluiten");
        this._closeButton.setAttribute("title", "Sluiten");
      }
    };
  }

  function container(el) {
    return el.closest ? el.closest(".ww-kaart") : null;
  }

  function settings(box) {
    try {
      return JSON.parse(box.getAttribute("data-ww-tegels")) || {};
    } catch (err) {
      return {};
    }
  }

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) === "tonen";
    } catch (err) {
      return false;  // storage blocked: ask again on every page
    }
  }

  function remember(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "tonen");
      else window.localStorage.removeItem(KEY);
    } catch (err) { /* the choice then holds for this page only */ }
  }

  /** True when this box may draw its map now: own tiles, or the visitor said yes before. */
  K.allowed = function (box) {
    return settings(box).soort === "pmtiles" || remembered();
  };

  function part(box, name) {
    return box.querySelector(".ww-kaart__" + name);
  }

  function draw(box, fn) {
    var choice = part(box, "keuze");
    if (choice) choice.hidden = true;
    part(box, "getoond").hidden = false;
    if (!box.getAttribute("data-ww-getekend")) {
      box.setAttribute("data-ww-getekend", "ja");
      fn();
    }
  }

  function drawAll() {
    var todo = waiting;
    waiting = [];
    todo.forEach(function (w) { draw(w[0], w[1]); });
  }

  function wire(box) {
    if (box.getAttribute("data-ww-bedraad")) return;
    box.setAttribute("data-ww-bedraad", "ja");
    var on = box.querySelector("[data-ww-kaart-aan]");
    var off = box.querySelector("[data-ww-kaart-uit]");
    if (on) {
      on.addEventListener("click", function () {
        remember(true);
        drawAll();
        var heading = box.querySelector("h2");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      });
    }
    if (off) {
      off.addEventListener("click", function () {
        remember(false);
        window.location.reload();  // the simplest way to drop every tile and map
      });
    }
  }

  /** Draw a map box now, or show the choice first (tiles from another host, no "yes" yet). */
  K.prepare = function (box, fn) {
    if (!box) return;
    box.hidden = false;
    wire(box);
    if (K.allowed(box)) {
      draw(box, fn);
    } else {
      part(box, "keuze").hidden = false;
      waiting.push([box, fn]);
    }
  };

  /** folium's map script, run when the map may be drawn. */
  K.later = function (mapId, fn) {
    var el = document.getElementById(mapId);
    K.prepare(el && container(el), fn);
  };

  /** The background layer of a map, from the box's settings. */
  K.tiles = function (map) {
    var box = container(map.getContainer());
    var cfg = box ? settings(box) : {};
    if (cfg.soort === "pmtiles" && window.protomapsL) {
      var url = new URL(cfg.url, window.location.href).href;
      protomapsL.leafletLayer({
        url: url, flavor: "light", lang: "nl", attribution: cfg.attribution, maxZoom: 19, maxDataZoom: cfg.maxzoom || 15
      }).addTo(map);
    } else if (cfg.soort === "osm" && cfg.url) {
      L.tileLayer(cfg.url, { attribution: cfg.attribution, maxZoom: 19 }).addTo(map);
    }
    return map;
  };

  function status(layer, text) {
    var map = layer._map || layer;
    var el = map && map.getContainer ? map.getContainer() : null;
    var box = el && container(el);
    var out = box && box.querySelector(".ww-kaart__status");
    if (out) out.textContent = text;
  }

  /** One marker: unique title, keyboard operable, popup with a link to the place. */
  K.marker = function (row, base) {
    var marker = L.marker([row[0], row[1]], { title: row[2], alt: row[2], keyboard: true, riseOnHover: true });
    var link = document.createElement("a");
    link.href = (base || "") + row[3];
    link.textContent = row[2];
    marker.bindPopup(link);
    return marker;
  };

  /** Add rows [lat, lon, title, url] to a map, layer group or cluster group. */
  K.addRows = function (layer, rows, base) {
    var markers = rows.map(function (row) { return K.marker(row, base); });
    if (layer.addLayers) {
      layer.addLayers(markers);
    } else {
      markers.forEach(function (m) { m.addTo(layer); });
    }
    return markers;
  };

  /** Fetch a GeoJSON file of points (same origin) and add its features as markers. */
  K.addGeoJSON = function (layer, url, base) {
    status(layer, "De plekken worden geladen…");
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var rows = data.features.map(function (f) {
          return [f.geometry.coordinates[1], f.geometry.coordinates[0], f.properties.titel, f.properties.url];
        });
        K.addRows(layer, rows, base);
        status(layer, rows.length + " plekken op de kaart.");
        return rows.length;
      })
      .catch(function () {
        status(layer, "De plekken konden niet op de kaart. Gebruik de lijst hieronder.");
      });
  };

  /** Give cluster icons a name for screen readers (they are buttons that zoom in). */
  K.nameClusters = function (map) {
    map.on("layeradd", function (e) {
      var layer = e.layer;
      if (layer && layer.getChildCount && layer._icon) {
        // Name the places inside, so every cluster has its own title (not just "4 plekken").
        var names = layer.getAllChildMarkers().map(function (m) { return m.options.title; }).sort();
        var label = layer.getChildCount() + " plekken: " + names.slice(0, 2).join(", ") +
          (names.length > 2 ? " en meer" : "") + ". Druk op Enter om in te zoomen.";
        layer._icon.setAttribute("aria-label", label);
        layer._icon.setAttribute("title", label);
      }
    });
  };

  /** Draw the map of an entry page from its data attribute. */
  K.init = function (el) {
    var data;
    try {
      data = JSON.parse(el.getAttribute("data-ww-kaart"));
    } catch (err) {
      return null;
    }
    var map = L.map(el, { scrollWheelZoom: false });
    K.tiles(map);
    var markers = K.addRows(map, data.rows, data.base);
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), data.zoom || 15);
    } else {
      map.fitBounds(L.featureGroup(markers).getBounds(), { maxZoom: data.zoom || 15, padding: [20, 20] });
    }
    return map;
  };

  /** Label the map area itself for screen readers. */
  K.maps = [];
  K.label = function (map, text) {
    map.getContainer().setAttribute("aria-label", text);
    if (K.maps.indexOf(map) < 0) K.maps.push(map);
    return map;
  };

  window.WegwijzerKaart = K;

  function start() {
    if (typeof L === "undefined") return;
    var boxes = document.querySelectorAll("[data-ww-kaart]");
    Array.prototype.forEach.call(boxes, function (el) {
      K.prepare(container(el), function () {
        var map = K.init(el);
        if (map) K.label(map, el.getAttribute("data-ww-label") || "Kaart");
      });
    });
  }

  start();
})();
