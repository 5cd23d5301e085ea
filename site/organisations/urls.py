from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("register/", views.organisation_request, name="request"),
]
