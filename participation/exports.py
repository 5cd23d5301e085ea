"""Exports for reports: CSV of a track's ideas, comments, reactions and statuses, and the
track's statistics (participants by role and age band, ideas per theme and per status).

Nothing here names a person beyond what the public pages show: the name shown (nickname,
group or first name), the role and the age band. No e-mail addresses, no accounts.
"""

from collections import Counter

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    AgeBand,
    AuthorKind,
    Comment,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    Moderation,
    Support,
    Vote,
)

KINDS = ("ideas", "comments", "reactions", "statuses")
# Spreadsheet programs run cells that start with these as formulas; the texts come from the public.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _ideas(track):
    return (
        Idea.objects.filter(track=track)
        .exclude(moderation=Moderation.REMOVED)
        .select_related("theme", "author", "participant", "workshop", "activity")
        .order_by("created_at", "pk")
    )


def rows_ideas(track):
    yield [
        _("Idea"),
        _("Title"),
        _("Text"),
        _("Language"),
        _("Theme"),
        _("Posted by"),
        _("Name shown"),
        _("Age"),
        _("Group size"),
        _("Workshop"),
        _("Posted at"),
        _("Moderation"),
        _("Status"),
        _("Supporters"),
        _("Votes"),
        _("Comments"),
        _("Became activity"),
    ]
    for idea in _ideas(track):
        yield [
            idea.pk,
            idea.title,
            idea.body,
            idea.language,
            idea.theme.name if idea.theme_id else "",
            _label(AuthorKind, idea.author_kind),
            idea.author_name,
            _label(AgeBand, idea.age_band),
            idea.group_size or "",
            idea.workshop.code if idea.workshop_id else "",
            _when(idea.created_at),
            _label(Moderation, idea.moderation),
            _label(IdeaStatus, idea.status),
            idea.support_count,
            idea.vote_count,
            idea.comment_count,
            idea.activity.title if idea.activity_id else "",
        ]


def rows_comments(track):
    yield [
        _("Comment"),
        _("Idea"),
        _("Reply to"),
        _("Text"),
        _("Language"),
        _("Posted by"),
        _("Name shown"),
        _("Age"),
        _("Posted at"),
        _("Moderation"),
    ]
    comments = (
        Comment.objects.filter(idea__track=track)
        .exclude(moderation=Moderation.REMOVED)
        .select_related("author", "participant")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        yield [
            comment.pk,
            comment.idea_id,
            comment.parent_id or "",
            comment.body,
            comment.language,
            _label(AuthorKind, comment.author_kind),
            comment.author_name,
            _label(AgeBand, comment.age_band),
            _when(comment.created_at),
            _label(Moderation, comment.moderation),
        ]


def rows_reactions(track):
    """Supports and votes, without who gave them (only whether it was a child in a workshop)."""
    yield [_("Idea"), _("Reaction"), _("Number"), _("From"), _("At")]
    supports = Support.objects.filter(idea__track=track).order_by("created_at", "pk")
    for support in supports.only("idea_id", "participant_id", "created_at"):
        who = _("Child in a workshop") if support.participant_id else _("Person with an account")
        yield [support.idea_id, _("Support"), 1, who, _when(support.created_at)]
    votes = Vote.objects.filter(idea__track=track).order_by("created_at", "pk")
    for vote in votes.only("idea_id", "participant_id", "count", "created_at"):
        who = _("Child in a workshop") if vote.participant_id else _("Person with an account")
        yield [vote.idea_id, _("Votes"), vote.count, who, _when(vote.created_at)]


def rows_statuses(track):
    yield [
        _("Idea"),
        _("Idea title"),
        _("Status"),
        _("Explanation (nl)"),
        _("Explanation (fr)"),
        _("Explanation (en)"),
        _("Changed at"),
    ]
    changes = (
        IdeaStatusChange.objects.filter(idea__track=track)
        .select_related("idea")
        .order_by("idea_id", "changed_at", "pk")
    )
    for change in changes:
        yield [
            change.idea_id,
            change.idea.title,
            _label(IdeaStatus, change.status),
            change.explanation_nl,
            change.explanation_fr,
            change.explanation_en,
            _when(change.changed_at),
        ]


ROWS = {
    "ideas": rows_ideas,
    "comments": rows_comments,
    "reactions": rows_reactions,
    "statuses": rows_statuses,
}


def write_track_csv(writer, track, kind="ideas"):
    for row in ROWS[kind](track):
        writer.writerow([cell(value) for value in row])


# --- statistics ------------------------------------------------------------------------------------


def _bars(counter, labels):
    """[(label, count, percentage of the largest)] in the order of `labels`, for a CSS bar chart."""
    largest = max(counter.values(), default=0) or 1
    return [
        {"label": label, "count": counter.get(key, 0), "percent": round(100 * counter.get(key, 0) / largest)}
        for key, label in labels
    ]


def track_statistics(track):
    """Participants by role and age band (each person, child or group counted once; a group by
    its size), and ideas per theme and per status. Removed contributions do not count."""
    people = {}  # who -> (role, age band, weight)
    contributions = [
        *Idea.objects.filter(track=track)
        .exclude(moderation=Moderation.REMOVED)
        .values(
            "author_id", "participant_id", "author_kind", "age_band", "on_behalf_group", "group_size", "pk"
        ),
        *Comment.objects.filter(idea__track=track)
        .exclude(moderation=Moderation.REMOVED)
        .values(
            "author_id", "participant_id", "author_kind", "age_band", "on_behalf_group", "group_size", "pk"
        ),
    ]
    for item in contributions:
        if item["on_behalf_group"]:
            key = ("group", item["pk"], item["on_behalf_group"])
            weight = item["group_size"] or 1
        elif item["participant_id"]:
            key, weight = ("participant", item["participant_id"]), 1
        elif item["author_id"]:
            key, weight = ("user", item["author_id"]), 1
        else:
            continue
        people.setdefault(key, (item["author_kind"], item["age_band"] or "", weight))

    by_role, by_age = Counter(), Counter()
    for role, age_band, weight in people.values():
        by_role[role] += weight
        by_age[age_band] += weight

    ideas = Idea.objects.filter(track=track).exclude(moderation=Moderation.REMOVED)
    per_status = Counter(
        dict(
            ideas.filter(moderation=Moderation.PUBLISHED)
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
    )
    per_theme_rows = list(
        ideas.filter(moderation=Moderation.PUBLISHED)
        .values("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    )
    from activities.models import Theme

    theme_names = {
        theme.pk: theme.name for theme in Theme.objects.filter(pk__in=[pk for pk, _n in per_theme_rows if pk])
    }
    per_theme = Counter({pk or 0: n for pk, n in per_theme_rows})
    theme_labels = sorted(((pk, theme_names[pk]) for pk in per_theme if pk), key=lambda item: str(item[1]))
    if per_theme.get(0):
        theme_labels.append((0, _("No theme")))
    age_labels = list(AgeBand.choices) + ([("", _("Age not known"))] if by_age.get("") else [])
    return {
        "participants": sum(by_role.values()),
        "ideas": ideas.count(),
        "held": ideas.filter(moderation=Moderation.PENDING).count(),
        "by_role": _bars(by_role, AuthorKind.choices),
        "by_age": _bars(by_age, age_labels),
        "per_status": _bars(per_status, IdeaStatus.choices),
        "per_theme": _bars(per_theme, theme_labels),
    }
