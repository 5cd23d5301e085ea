"""URLs of the participation app."""

app_name = "participation"

urlpatterns = []
