from django.conf import settings


def site_context(request):
    return {
        "YOUTH_MIN_AGE": settings.VILLAGE_YOUTH_MIN_AGE,
    }
