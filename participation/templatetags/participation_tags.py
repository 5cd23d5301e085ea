from django import template
from django.utils.translation import gettext_lazy as _

from participation.models import LANGUAGE_CHOICES, IdeaStatus

register = template.Library()

STATUS_ICONS = {
    IdeaStatus.RECEIVED: "📥",
    IdeaStatus.UNDER_CONSIDERATION: "🤔",
    IdeaStatus.ACCEPTED: "👍",
    IdeaStatus.REALISED: "✅",
    IdeaStatus.NOT_POSSIBLE: "✋",
}


@register.filter
def status_icon(status):
    return STATUS_ICONS.get(status, "")


@register.filter
def language_name(code):
    """The name of a language the text is written in, in the reader's language."""
    return dict(LANGUAGE_CHOICES).get(code, code)


@register.simple_tag
def written_in(code):
    return _("Written in %(language)s") % {"language": dict(LANGUAGE_CHOICES).get(code, code)}


@register.filter
def phase_state(phase, today):
    if today < phase.start_date:
        return "upcoming"
    if today > phase.end_date:
        return "done"
    return "current"
