"""The live idea wall: telling the screens of a track that an idea became public or stopped being so.

Whoever changes an idea's moderation state (posting, approving, hiding, removing, restoring)
calls `idea_changed(idea)` inside their transaction. After the commit, and only then, one
message goes to the channel group of the idea's track (`group_name(track_id)`):

- `idea.show` with the idea's public card when the idea is public now;
- `idea.hide` with only its id otherwise (held, hidden, removed): a screen that shows it drops it.

Only what the public idea page shows anyway is ever sent: title, text, the name shown
(nickname, group or first name), theme, picture and its description, language and workshop
code. Never an e-mail, an account, hold reasons or anything about a held idea. The card is
given in each site language (the theme's name is translated), and each connection picks its own.

A broken channel layer (Redis down) must not break the request that approved the idea: the
wall then misses one update and catches up on its next reconnect (which sends a snapshot).
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import translation

logger = logging.getLogger("village")

# A projector shows at most this many cards (the newest); older ones drop off the end.
WALL_LIMIT = 60


def group_name(track_id):
    return f"track-{int(track_id)}-wall"


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def public_card(idea, language):
    """The card of a public idea as the wall shows it, in `language` (theme names are translated)."""
    with translation.override(language):
        theme = idea.theme.name if idea.theme_id and idea.theme else ""
        return {
            "id": idea.pk,
            "title": idea.title,
            "text": idea.body,
            "author": idea.author_name,
            "theme": theme,
            "image_url": idea.image.url if idea.image else "",
            "image_alt": idea.image_alt if idea.image else "",
            "language": idea.language,
            "workshop": idea.workshop.code if idea.workshop_id and idea.workshop else "",
        }


def message_for(idea):
    """The group message for an idea's current state (see the module's docstring)."""
    if idea.is_public:
        return {
            "type": "idea.show",
            "id": idea.pk,
            "workshop": idea.workshop.code if idea.workshop_id and idea.workshop else "",
            "cards": {language: public_card(idea, language) for language in site_languages()},
        }
    return {"type": "idea.hide", "id": idea.pk}


def wall_ideas(track_id, workshop_code="", language=None, limit=WALL_LIMIT):
    """The public ideas a wall shows now, newest first, as cards in `language`."""
    from .models import Idea

    ideas = (
        Idea.objects.public()
        .filter(track_id=track_id)
        .select_related("theme", "author", "participant", "workshop")
        .order_by("-created_at", "-pk")
    )
    if workshop_code:
        ideas = ideas.filter(workshop__code=workshop_code)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return [public_card(idea, language) for idea in ideas[:limit]]


def send(track_id, message):
    try:
        async_to_sync(get_channel_layer().group_send)(group_name(track_id), message)
    except Exception:
        logger.warning("The idea wall of track %s was not told about an idea", track_id, exc_info=True)


def idea_changed(idea):
    """Tell the track's walls about the idea's state once the current transaction commits.

    The idea is read again after the commit, so the wall gets what was really stored (and
    nothing when the idea was deleted meanwhile)."""
    idea_id, track_id = idea.pk, idea.track_id

    def after_commit():
        from .models import Idea

        current = (
            Idea.objects.select_related("theme", "author", "participant", "workshop")
            .filter(pk=idea_id)
            .first()
        )
        send(track_id, message_for(current) if current else {"type": "idea.hide", "id": idea_id})

    transaction.on_commit(after_commit)
