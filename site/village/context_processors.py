from django.conf import settings


def site_context(request):
    return {
        "LANGUAGE_NAMES": {"nl": "Nederlands", "fr": "Français", "en": "English"},
        "YOUTH_MIN_AGE": settings.VILLAGE_YOUTH_MIN_AGE,
    }
