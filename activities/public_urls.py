from django.urls import path

from . import views

urlpatterns = [
    path("activity/<int:pk>-<slug:slug>/", views.activity_detail, name="detail"),
    path("activity/<int:pk>.ics", views.activity_ics, name="ics"),
]
