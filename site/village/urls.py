from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_media
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import health, views
from .api import api

handler404 = "village.views.page_not_found"
handler500 = "village.views.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v1/", api.urls),
]

if settings.VILLAGE_SERVE_MEDIA:
    # Embedded default only; in production the reverse proxy or object store serves media.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("organisations/", include("organisations.urls")),
    path("privacy/", views.privacy, name="privacy"),
    path("notifications/", include("notifications.urls")),
    path("participation/", include("participation.urls")),
    path("networks/", include("network.urls")),
    path("", include("activities.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
