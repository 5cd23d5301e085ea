"""URLs of the network app (under /<lang>/networks/).

Convention: `slug` is the network's slug, `pk` the id of an object of that network. Every
pattern here is walked by tests/network/test_outsider_walk.py: add yours to its table.
"""

from django.urls import path

from . import overview, practices, room_views, views

app_name = "network"

urlpatterns = [
    path("", views.my_networks, name="my_networks"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # Good practices (network/practices.py): the library is public, before "<slug>/" so that
    # "practices" is never read as a network's slug.
    path("practices/", practices.practice_list, name="practice_library"),
    path("practices/<int:pk>/", practices.practice_detail, name="practice_detail"),
    path("<slug:slug>/", views.network_detail, name="network_detail"),
    path("<slug:slug>/profile/", views.profile_edit, name="profile_edit"),
    path("<slug:slug>/leave/", views.leave_network, name="leave"),
    path("<slug:slug>/members/", views.member_manage, name="member_manage"),
    path("<slug:slug>/members/<int:pk>/", views.member_update, name="member_update"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/invitations/<int:pk>/withdraw/", views.invitation_withdraw, name="invitation_withdraw"),
    path("<slug:slug>/sessions/new/", views.session_create, name="session_create"),
    path("<slug:slug>/sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("<slug:slug>/sessions/<int:pk>/rsvp/", views.session_rsvp, name="session_rsvp"),
    path("<slug:slug>/sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("<slug:slug>/sessions/<int:pk>/calendar.ics", views.session_ical, name="session_ical"),
    path("<slug:slug>/sessions/<int:pk>/minutes/", views.session_minutes, name="session_minutes"),
    path("<slug:slug>/sessions/<int:pk>/room/", room_views.session_room, name="session_room"),
    path("<slug:slug>/practices/", practices.practice_list, name="practice_list"),
    path("<slug:slug>/practices/new/", practices.practice_create, name="practice_create"),
    path("<slug:slug>/practices/<int:pk>/edit/", practices.practice_edit, name="practice_edit"),
    path("<slug:slug>/overview/", overview.overview, name="overview"),
]

# Case consultation and signals to government (network/case_views.py, network/signals_views.py).
from . import case_views, signals_views  # noqa: E402

urlpatterns += [
    path("<slug:slug>/cases/", case_views.case_list, name="case_list"),
    path("<slug:slug>/cases/new/", case_views.case_create, name="case_create"),
    path("<slug:slug>/cases/log/", case_views.case_access_log, name="case_access_log"),
    path("<slug:slug>/cases/<int:pk>/", case_views.case_detail, name="case_detail"),
    path("<slug:slug>/cases/<int:pk>/edit/", case_views.case_edit, name="case_edit"),
    path("<slug:slug>/cases/<int:pk>/respond/", case_views.case_respond, name="case_respond"),
    path("<slug:slug>/cases/<int:pk>/outcome/", case_views.case_outcome, name="case_outcome"),
    path("<slug:slug>/cases/<int:pk>/archive/", case_views.case_archive, name="case_archive"),
    path("<slug:slug>/cases/<int:pk>/log/", case_views.case_log, name="case_log"),
    path("<slug:slug>/signals/", signals_views.signal_list, name="signal_list"),
    path("<slug:slug>/signals/new/", signals_views.signal_create, name="signal_create"),
    path("<slug:slug>/signals/export.csv", signals_views.signal_export, name="signal_export"),
    path("<slug:slug>/signals/report/", signals_views.signal_report, name="signal_report"),
    path("<slug:slug>/signals/<int:pk>/", signals_views.signal_detail, name="signal_detail"),
    path("<slug:slug>/signals/<int:pk>/edit/", signals_views.signal_edit, name="signal_edit"),
    path("<slug:slug>/signals/<int:pk>/endorse/", signals_views.signal_endorse, name="signal_endorse"),
    path("<slug:slug>/signals/<int:pk>/add/", signals_views.signal_add, name="signal_add"),
    path("<slug:slug>/signals/<int:pk>/status/", signals_views.signal_status, name="signal_status"),
    path("<slug:slug>/bundles/new/", signals_views.bundle_create, name="bundle_create"),
    path("<slug:slug>/bundles/<int:pk>/", signals_views.bundle_detail, name="bundle_detail"),
]
