/*
 * De Wegwijzer van de Kop: maps.
 *
 * Needs Leaflet (and Leaflet.markercluster for clustered maps), both vendored
 * from npm into assets/vendor/. Nothing here loads from another host; only the
 * tile layer does, and a page stays usable when tiles fail.
 *
 * Two ways in:
 * - folium renders the overview and area maps and calls
 *   WegwijzerKaart.addRows(layer, rows, base) or WegwijzerKaart.addGeoJSON(layer, url, base).
 * - Entry pages have <div data-ww-kaart='{"rows": [...], "tiles": "...", ...}'>;
 *   this script draws those itself (folium per entry page is too slow for 10,000 pages).
 *
 * A row is [lat, lon, title, url]; url is relative to the site root (base).
 * Every marker gets its unique title, is reachable with Tab and opens its popup with Enter.
 */
(function () {
  "use strict";

  var K = {};

  function container(el) {
    return el.closest ? el.closest(".ww-kaart") : null;
  }

  /** Make the map box visible (it is hidden for visitors without JavaScript). */
  K.show = function (mapId) {
    var el = document.getElementById(mapId);
    var box = el && container(el);
    if (box) box.hidden = false;
    return el;
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
    var box = container(el);
    if (box) box.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
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
    for (var i = 0; i < boxes.length; i++) {
      var map = K.init(boxes[i]);
      if (map) K.label(map, boxes[i].getAttribute("data-ww-label") || "Kaart");
    }
  }

  start();
})();
