/* The activity finder's extras: "near me", the map beside (or instead of, on a phone) the list,
 * and short addresses. Everything works without it: the form and the list are plain HTML. */
(function () {
  "use strict";

  var form = document.getElementById("finder-form");
  var finder = document.getElementById("finder");
  var section = document.getElementById("finder-map-section");
  if (!form || !finder || !section) return;

  var mapElement = document.getElementById("finder-map");
  var toggle = document.querySelector("[data-map-toggle]");
  var nearButton = form.querySelector("[data-near-me]");
  var nearStatus = form.querySelector("[data-near-status]");
  var radiusGroup = form.querySelector("[data-radius]");
  var hint = section.querySelector("[data-map-hint]");
  var nearInput = form.elements.namedItem("near");
  var radiusInput = form.elements.namedItem("radius_km");
  var wide = window.matchMedia("(min-width: 60rem)");
  var mapReady = null;
  var pointLayer = null;

  /* Leave empty fields out of the address, so that shared links stay short. */
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value === "" && field.type !== "checkbox" && field.type !== "submit") {
        field.disabled = true;
      }
    });
  });
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name) field.disabled = false;
    });
    radiusInput.disabled = !nearInput.value;
  });

  function setNear(lat, lon) {
    nearInput.value = lat.toFixed(4) + "," + lon.toFixed(4);
    radiusInput.disabled = false;
    radiusGroup.hidden = false;
  }

  function submit() {
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  /* Near me: the browser's location fills the hidden `near` field. */
  if (nearButton && "geolocation" in navigator) {
    nearButton.hidden = false;
    nearButton.addEventListener("click", function () {
      nearStatus.textContent = nearButton.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          setNear(position.coords.latitude, position.coords.longitude);
          submit();
        },
        function () {
          nearStatus.textContent = nearButton.dataset.failed;
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  }

  function showPoint(L, map, lat, lon, radiusKm) {
    if (pointLayer) map.removeLayer(pointLayer);
    pointLayer = L.layerGroup([
      L.circle([lat, lon], { radius: radiusKm * 1000, color: "#b3361b", weight: 2, fillOpacity: 0.05, interactive: false }),
      L.marker([lat, lon], {
        icon: L.divIcon({ className: "map-point-marker", iconSize: [18, 18] }),
        title: mapElement.dataset.pointLabel,
        alt: mapElement.dataset.pointLabel,
        keyboard: false,
        interactive: false,
      }),
    ]).addTo(map);
  }

  /* The same activities as the list, from the open-data API (GeoJSON, id and title). */
  function fetchMarkers() {
    var template = mapElement.dataset.activityUrl; /* ends in /0/ */
    return fetch(mapElement.dataset.markersUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.ok ? response.json() : { features: [] }; })
      .then(function (collection) {
        return collection.features.filter(function (feature) { return feature.geometry; }).map(function (feature) {
          return {
            id: feature.properties.id,
            title: feature.properties.title,
            url: template.replace(/\/0\/$/, "/" + feature.properties.id + "/"),
            lon: feature.geometry.coordinates[0],
            lat: feature.geometry.coordinates[1],
          };
        });
      });
  }

  function ensureMap() {
    if (!mapReady) {
      var markers = [];
      mapReady = fetchMarkers().then(function (found) {
        markers = found;
        return window.VillageMap.create(mapElement, markers, { source: section, cluster: true });
      }).then(function (map) {
        var L = window.L;
        if (mapElement.dataset.near) {
          var point = mapElement.dataset.near.split(",").map(parseFloat);
          showPoint(L, map, point[0], point[1], parseFloat(mapElement.dataset.radiusKm) || 3);
          if (!markers.length) map.setView(point, 13);
        }
        /* A click on the map chooses a point; the hint offers to search around it. */
        map.on("click", function (event) {
          setNear(event.latlng.lat, event.latlng.lng);
          showPoint(L, map, event.latlng.lat, event.latlng.lng, parseFloat(radiusInput.value) || 3);
          hint.hidden = false;
        });
        return map;
      });
      mapReady.catch(function () {
        section.hidden = true;
        if (toggle) toggle.hidden = true;
        finder.classList.remove("finder--js");
      });
    }
    return mapReady;
  }

  function refresh() {
    ensureMap().then(function (map) { map.invalidateSize(); });
  }

  section.hidden = false;
  finder.classList.add("finder--js");

  if (toggle) {
    var label = toggle.querySelector("[data-toggle-label]");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var showMap = finder.classList.toggle("finder--show-map");
      toggle.setAttribute("aria-expanded", showMap ? "true" : "false");
      label.textContent = showMap ? toggle.dataset.labelList : toggle.dataset.labelMap;
      if (showMap) refresh();
    });
  }

  if (wide.matches) ensureMap();
  var onChange = function (event) { if (event.matches) refresh(); };
  if (wide.addEventListener) wide.addEventListener("change", onChange);
  else if (wide.addListener) wide.addListener(onChange);
})();
