from django.urls import path

from . import views

urlpatterns = [
    path("activity/<int:pk>-<slug:slug>/", views.activity_detail, name="detail"),
    # Short address (map markers, shared links): redirects to the one with the title in it.
    path("activity/<int:pk>/", views.activity_detail, {"slug": ""}, name="short"),
    path("activity/<int:pk>.ics", views.activity_ics, name="ics"),
]
