"""URLs of the network app."""

app_name = "network"

urlpatterns = []
