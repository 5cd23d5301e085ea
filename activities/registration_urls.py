from django.urls import path

from . import registration_views as views

urlpatterns = [
    path("activity/<int:pk>/join/", views.join, name="join"),
    path("registration/<int:pk>/cancel/", views.cancel_registration, name="cancel_registration"),
    path("me/activities/", views.my_activities, name="my_activities"),
    path("me/activities/calendar/reset/", views.reset_calendar_feed, name="reset_calendar_feed"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("me/searches/", views.saved_searches, name="saved_searches"),
    path("me/searches/save/", views.save_search, name="save_search"),
    path("me/searches/<int:pk>/delete/", views.delete_saved_search, name="delete_saved_search"),
]
