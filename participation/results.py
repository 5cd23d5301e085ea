"""Closing the loop: what was done with each idea, told to the people who care.

`set_idea_status` records a status with an explanation in plain words (in the author's
language, and optionally the others), keeps the history ("you said → we did"), can link the
activity the idea became, and notifies the author and the supporters who have an account,
in-site and by e-mail, each in their own language.

The public results pages read `track_results` and `workshop_results`.
"""

from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils import translation

from .models import Idea, IdeaStatus, IdeaStatusChange, Moderation, Support

LANGUAGES = ("nl", "fr", "en")

# The order of the results page: what was done first, what could not be done last.
RESULT_ORDER = [
    IdeaStatus.REALISED,
    IdeaStatus.ACCEPTED,
    IdeaStatus.UNDER_CONSIDERATION,
    IdeaStatus.RECEIVED,
    IdeaStatus.NOT_POSSIBLE,
]


def _people_to_tell(idea, actor):
    """The author (with an account) and the supporters with an account, once each, not the actor."""
    people = {}
    if idea.author_id and not idea.participant_id:
        people[idea.author_id] = (idea.author, True)
    for support in Support.objects.filter(idea=idea, user__isnull=False).select_related("user"):
        people.setdefault(support.user_id, (support.user, False))
    if actor is not None:
        people.pop(actor.pk, None)
    return list(people.values())


def set_idea_status(*, idea, actor, status, explanations, activity=None, notify_people=True):
    """Give an idea a status with an explanation; `explanations` is {language: text}.

    Returns the IdeaStatusChange. The explanation in the idea's own language is what the
    form asks first; the others are optional and fall back (nl → fr → en) when missing."""
    from notifications.services import notify

    from . import services

    with transaction.atomic():
        change = services.record_status(
            idea,
            status,
            explanations={code: explanations.get(code, "") for code in LANGUAGES},
            changed_by=actor,
        )
        if activity is not None or idea.activity_id:
            idea.activity = activity
            idea.save(update_fields=["activity", "updated_at"])
        if notify_people and idea.is_public:
            status_label = IdeaStatus(status).label
            for person, is_author in _people_to_tell(idea, actor):
                language = (person.preferred_language or "nl")[:2]
                with translation.override(language):
                    explanation = change.explanation  # the person's language, with fallback
                notify(
                    person,
                    template_prefix="participation/email/status_changed",
                    context={
                        "is_author": is_author,
                        "idea": idea,
                        "track": idea.track,
                        "status_label": status_label,
                        "explanation": explanation,
                        "activity": activity,
                    },
                    url=idea.get_absolute_url,
                )
    return change


def status_history(idea):
    """The idea's status changes, oldest first ("you said → we did")."""
    return list(idea.status_changes.select_related("changed_by").order_by("changed_at", "pk"))


def _results_queryset(ideas):
    history = Prefetch(
        "status_changes", queryset=IdeaStatusChange.objects.order_by("changed_at", "pk"), to_attr="history"
    )
    return (
        ideas.public()
        .select_related("theme", "author", "participant", "activity", "workshop")
        .prefetch_related(history)
        .order_by("-support_count", "-vote_count", "created_at", "pk")
    )


def group_by_status(ideas):
    groups = {status: [] for status in RESULT_ORDER}
    for idea in ideas:
        idea.latest_change = idea.history[-1] if getattr(idea, "history", None) else None
        groups.setdefault(idea.status, []).append(idea)
    return [(IdeaStatus(status), groups[status]) for status in RESULT_ORDER if groups.get(status)]


def track_results(track):
    """What was proposed, decided and why, and realised, for a track's results page."""
    ideas = list(_results_queryset(Idea.objects.filter(track=track)))
    counts = dict(
        Idea.objects.filter(track=track, moderation=Moderation.PUBLISHED)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "groups": group_by_status(ideas),
        "total": len(ideas),
        "counts": [(IdeaStatus(status), counts.get(status, 0)) for status in RESULT_ORDER],
    }


def workshop_results(workshop):
    ideas = list(_results_queryset(Idea.objects.filter(workshop=workshop)))
    return {"groups": group_by_status(ideas), "total": len(ideas)}
