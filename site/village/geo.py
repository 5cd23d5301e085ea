"""Points on the map: latitude and longitude in decimal degrees (WGS 84), stored with 6 decimals
(about 10 cm), as venues, tracks and ideas keep them."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LATITUDE = (-90, 90)
LONGITUDE = (-180, 180)
MAX_DIGITS = 9
DECIMAL_PLACES = 6


def latitude_field(**options):
    """A model's latitude; `options` as for DecimalField (null=True, blank=True: optional)."""
    return _model_field(_("latitude"), LATITUDE, options)


def longitude_field(**options):
    return _model_field(_("longitude"), LONGITUDE, options)


def _model_field(verbose_name, limits, options):
    low, high = limits
    return models.DecimalField(
        verbose_name,
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        validators=[MinValueValidator(low), MaxValueValidator(high)],
        **options,
    )


def latitude_formfield(**options):
    """A form's latitude; `options` as for forms.DecimalField (label, required)."""
    return _form_field(LATITUDE, options)


def longitude_formfield(**options):
    return _form_field(LONGITUDE, options)


def _form_field(limits, options):
    low, high = limits
    return forms.DecimalField(
        max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, min_value=low, max_value=high, **options
    )


def is_point(latitude, longitude):
    """Whether the numbers are a point on Earth (NaN and infinity are not)."""
    return LATITUDE[0] <= latitude <= LATITUDE[1] and LONGITUDE[0] <= longitude <= LONGITUDE[1]
