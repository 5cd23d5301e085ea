from modeltranslation.translator import TranslationOptions, register

from .models import (
    Activity,
    ActivityCancellation,
    ActivityIndexPage,
    SchoolHoliday,
    SpokenLanguage,
    Theme,
    Venue,
)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(SpokenLanguage)
class SpokenLanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(SchoolHoliday)
class SchoolHolidayTranslation(TranslationOptions):
    fields = ("name",)


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("directions",)


@register(ActivityCancellation)
class ActivityCancellationTranslation(TranslationOptions):
    fields = ("reason",)


@register(ActivityIndexPage)
class ActivityIndexPageTranslation(TranslationOptions):
    fields = ("intro",)
