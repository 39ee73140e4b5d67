/*
 * De Wegwijzer van de Kop: "Dichtbij mij".
 *
 * Sorts places or results by distance from where the visitor is. The browser asks
 * for the position only after the visitor presses the button, and the position
 * never leaves the browser: no request carries it, nothing stores it.
 *
 * For other pages (the search page can use this too):
 *
 *   WegwijzerDichtbij.ask()                      -> Promise<{lat, lon}>  (rejects with a Dutch message)
 *   WegwijzerDichtbij.distanceKm(a, b)           -> number   (a, b: {lat, lon}; great circle, like geopy)
 *   WegwijzerDichtbij.sortByDistance(items, here, pointOf)
 *        -> [{item, km}]   nearest first; items whose pointOf(item) is null come last (km = null)
 *   WegwijzerDichtbij.formatKm(km)               -> "1,2 km" / "350 m"
 *   WegwijzerDichtbij.button(el, onPosition)     -> wires a <button> and a status line (aria-live)
 */
(function () {
  "use strict";

  var EARTH_KM = 6371.0088; // mean radius, the value geopy uses

  function rad(deg) { return deg * Math.PI / 180; }

  var D = {};

  D.distanceKm = function (a, b) {
    var dLat = rad(b.lat - a.lat);
    var dLon = rad(b.lon - a.lon);
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  };

  D.sortByDistance = function (items, here, pointOf) {
    var out = items.map(function (item, i) {
      var p = pointOf(item);
      return { item: item, km: p ? D.distanceKm(here, p) : null, i: i };
    });
    out.sort(function (x, y) {
      if (x.km === null || y.km === null) return (x.km === null) - (y.km === null) || x.i - y.i;
      return x.km - y.km || x.i - y.i;
    });
    return out.map(function (x) { return { item: x.item, km: x.km }; });
  };

  /* The same rule as describe.distance_text in Python: steps of 50 m below 1 km, else tenths of a km. */
  D.formatKm = function (km) {
    var metres = Math.max(50, Math.floor(km * 20 + 0.5) * 50);
    if (metres < 1000) return metres + " m";
    var tenths = Math.floor(km * 10 + 0.5);
    return Math.floor(tenths / 10) + "," + (tenths % 10) + " km";
  };

  D.ask = function () {
    return new Promise(function (resolve, reject) {
      if (!navigator.geolocation) {
        reject(new Error("Je browser kan je plek niet doorgeven. Kies je woonplaats in de lijst."));
        return;
      }
      navigator.geolocation.getCurrentPosition(
        function (pos) { resolve({ lat: pos.coords.latitude, lon: pos.coords.longitude }); },
        function (err) {
          var text = err && err.code === 1
            ? "Je gaf geen toestemming om je plek te gebruiken. Dat is goed. Kies je woonplaats in de lijst."
            : "Je plek kon niet worden bepaald. Probeer het nog eens, of kies je woonplaats in de lijst.";
          reject(new Error(text));
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
      );
    });
  };

  /** Wire a button: on click ask the position, then call onPosition(here). Status goes to [data-dichtbij-status]. */
  D.button = function (button, onPosition) {
    var scope = button.closest("[data-dichtbij]") || document;
    var status = scope.querySelector("[data-dichtbij-status]");
    function say(text) { if (status) status.textContent = text; }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      say("Je plek wordt bepaald…");
      D.ask().then(function (here) {
        say("");
        return onPosition(here);
      }).catch(function (err) {
        say(err.message);
      }).then(function () {
        button.disabled = false;
      });
    });
  };

  if (typeof window !== "undefined") { window.WegwijzerDichtbij = D; }
  if (typeof module === "object" && module.exports) { module.exports = D; }  // node: the tests in tests/js/
})();
