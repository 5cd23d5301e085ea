"""WebSocket consumers of the participation app.

`WallConsumer` serves the live idea wall at ws/tracks/<track id>/wall/ (optionally
?workshop=<code>&lang=<nl|fr|en>). It is read-only and public: it joins the track's group, sends
the public ideas of now (a snapshot, also after every reconnect, so a screen that was offline
for a while catches up) and then forwards what `participation.live.idea_changed` broadcasts.
Nothing a client sends is acted upon.
"""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings

from . import live


@database_sync_to_async
def _load(track_id, code):
    """(track exists and is live, the workshop code normalised or "") or None when unknown."""
    from .models import TrackPage, Workshop, normalise_workshop_code

    if not TrackPage.objects.live().filter(pk=track_id).exists():
        return None
    if not code:
        return ""
    code = normalise_workshop_code(code)
    if not Workshop.objects.filter(track_id=track_id, code=code).exists():
        return None
    return code


class WallConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.track_id = int(self.scope["url_route"]["kwargs"]["track_id"])
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        language = (query.get("lang") or [""])[0]
        languages = live.site_languages()
        self.language = language if language in languages else settings.LANGUAGE_CODE
        workshop = await _load(self.track_id, (query.get("workshop") or [""])[0][:20])
        if workshop is None:
            await self.close(code=4404)
            return
        self.workshop = workshop
        self.group = live.group_name(self.track_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        ideas = await database_sync_to_async(live.wall_ideas)(self.track_id, self.workshop, self.language)
        await self.send_json({"type": "wall.snapshot", "ideas": ideas})

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """A wall only listens."""

    async def idea_show(self, event):
        if self.workshop and event.get("workshop") != self.workshop:
            return
        card = event["cards"].get(self.language) or next(iter(event["cards"].values()))
        await self.send_json({"type": "idea.show", "idea": card})

    async def idea_hide(self, event):
        await self.send_json({"type": "idea.hide", "id": event["id"]})
