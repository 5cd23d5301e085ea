from modeltranslation.translator import TranslationOptions, register

from .models import Network


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description", "region_label")
