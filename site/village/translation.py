from modeltranslation.translator import TranslationOptions, register

from .models import FooterSettings, HomePage, StandardPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "sections")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(FooterSettings)
class FooterSettingsTranslation(TranslationOptions):
    fields = ("about", "opening_hours")
