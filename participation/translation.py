from modeltranslation.translator import TranslationOptions, register

from .models import IdeaStatusChange, Phase, TrackIndexPage, TrackPage


@register(TrackIndexPage)
class TrackIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(TrackPage)
class TrackPageTranslation(TranslationOptions):
    fields = ("intro", "goal", "audience", "image_alt", "place_name")


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("title", "description")


@register(IdeaStatusChange)
class IdeaStatusChangeTranslation(TranslationOptions):
    fields = ("explanation",)
