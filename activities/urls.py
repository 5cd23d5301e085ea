"""URLs of the activities app: public pages (public_urls) and joining (registration_urls)."""

from .public_urls import urlpatterns as public_urlpatterns
from .registration_urls import urlpatterns as registration_urlpatterns

app_name = "activities"

urlpatterns = public_urlpatterns + registration_urlpatterns
