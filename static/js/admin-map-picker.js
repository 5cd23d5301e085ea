/* Venue map picker in the Wagtail admin: a click on the map fills in latitude and longitude;
   typing coordinates moves the marker. The inputs work on their own without this script. */
(function () {
  "use strict";

  var DEFAULT_CENTRE = [50.8466, 4.3528]; // Brussels
  var DEFAULT_ZOOM = 11;
  var PLACE_ZOOM = 16;

  function readCoordinate(input, limit) {
    var value = parseFloat(String(input.value).replace(",", "."));
    if (isNaN(value) || Math.abs(value) > limit) {
      return null;
    }
    return value;
  }

  function setUp(container) {
    if (container.dataset.mapPickerReady || typeof L === "undefined") {
      return;
    }
    var latitudeInput = document.getElementById(container.dataset.latitudeInput);
    var longitudeInput = document.getElementById(container.dataset.longitudeInput);
    if (!latitudeInput || !longitudeInput) {
      return;
    }
    container.dataset.mapPickerReady = "1";
    container.hidden = false;

    var element = container.querySelector(".map-picker__map");
    element.style.height = "20rem";
    element.style.marginTop = "0.5rem";
    var map = L.map(element);
    L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    var marker = null;

    function showTypedPlace(zoom) {
      var latitude = readCoordinate(latitudeInput, 90);
      var longitude = readCoordinate(longitudeInput, 180);
      if (latitude === null || longitude === null) {
        return false;
      }
      var place = [latitude, longitude];
      if (marker) {
        marker.setLatLng(place);
      } else {
        marker = L.marker(place).addTo(map);
      }
      map.setView(place, zoom || map.getZoom());
      return true;
    }

    if (!showTypedPlace(PLACE_ZOOM)) {
      map.setView(DEFAULT_CENTRE, DEFAULT_ZOOM);
    }

    map.on("click", function (event) {
      latitudeInput.value = event.latlng.lat.toFixed(6);
      longitudeInput.value = event.latlng.lng.toFixed(6);
      // Let Wagtail notice the change (unsaved-changes warning).
      latitudeInput.dispatchEvent(new Event("change", { bubbles: true }));
      longitudeInput.dispatchEvent(new Event("change", { bubbles: true }));
      showTypedPlace();
    });
    latitudeInput.addEventListener("change", function () { showTypedPlace(); });
    longitudeInput.addEventListener("change", function () { showTypedPlace(); });
  }

  function setUpAll() {
    document.querySelectorAll("[data-map-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
