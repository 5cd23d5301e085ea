"""URLs of the participation app."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("ideas/<int:pk>/", views.idea_detail, name="idea"),
    path("ideas/<int:pk>/comment/", views.comment, name="comment"),
    path("ideas/<int:pk>/support/", views.support, name="support"),
    path("ideas/<int:pk>/vote/", views.vote, name="vote"),
    path("tracks/<int:track_id>/ideas/new/", views.post_idea, name="post_idea"),
]

# Workshops and the live idea wall (participation/workshops.py).
from .workshops import urlpatterns as workshop_urlpatterns  # noqa: E402

urlpatterns += workshop_urlpatterns

# Reports, statuses, results and exports (participation/moderation_views.py).
from .moderation_views import urlpatterns as moderation_urlpatterns  # noqa: E402

urlpatterns += moderation_urlpatterns
