"""Form widgets of the activities admin."""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class MapPickerWidget(forms.NumberInput):
    """The longitude input, followed by a map: a click on the map fills in both coordinates.

    The latitude and longitude stay ordinary inputs that work without JavaScript; the map is
    a convenience on top (admin-map-picker.js). No geocoding: nothing leaves the browser but
    the map tiles (settings.MAP_TILE_URL).
    """

    def __init__(self, latitude_field="latitude", attrs=None):
        self.latitude_field = latitude_field
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        # Rendered here rather than from a template: Django's default form renderer does not
        # look in the project's templates folder.
        field = super().render(name, value, attrs, renderer)
        prefix = name[: -len("longitude")] if name.endswith("longitude") else ""
        longitude_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        return format_html(
            '{field}<div class="map-picker" data-map-picker data-latitude-input="{latitude}" '
            'data-longitude-input="{longitude}" data-tile-url="{tiles}" data-attribution="{attribution}" '
            'role="region" aria-label="{label}" hidden><p class="help">{help}</p>'
            '<div class="map-picker__map"></div></div>',
            field=field,
            latitude=f"id_{prefix}{self.latitude_field}",
            longitude=longitude_id,
            tiles=settings.MAP_TILE_URL,
            attribution=settings.MAP_TILE_ATTRIBUTION,
            label=_("Map of the venue's place"),
            help=_(
                "Click on the map to place the venue, or type the coordinates. "
                "Any map application shows them (right-click on the place)."
            ),
        )

    class Media:
        css = {"all": ["vendor/leaflet/leaflet.css"]}
        js = ["vendor/leaflet/leaflet.js", "js/admin-map-picker.js"]
