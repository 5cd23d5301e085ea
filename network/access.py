"""The members-only rule of learning networks, in one place.

Everything inside a network is visible to its members only. Outsiders (anonymous visitors,
other users, members of another network, even staff) get a 404 that does not confirm the
network exists — never a 403. Views, the API and the WebSocket consumers all go through here:

    membership = member_or_404(request, slug)             # NetworkMember, .network loaded
    membership = member_or_404(request, slug, facilitator=True)  # 404 for outsiders, 403 for members
    session = object_or_404(Session.objects.all(), membership.network, pk=pk)

    membership_for_session(user, session_id)   # for WebSocket consumers (sync; wrap it)
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import MemberRole, NetworkMember, Session

_CACHE_ATTRIBUTE = "_village_network_memberships"


def get_membership(user, network):
    """The user's NetworkMember in a network (or network id), or None. Cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False) or network is None:
        return None
    network_id = getattr(network, "pk", network)
    cache = user.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
    if network_id not in cache:
        cache[network_id] = (
            NetworkMember.objects.select_related("network").filter(network_id=network_id, user=user).first()
        )
    return cache[network_id]


def forget_memberships(user):
    """Drop the cached memberships (after adding or removing a member within one request)."""
    user.__dict__.pop(_CACHE_ATTRIBUTE, None)


def is_member(user, network):
    return get_membership(user, network) is not None


def is_facilitator(user, network):
    membership = get_membership(user, network)
    return membership is not None and membership.role == MemberRole.FACILITATOR


def member_or_404(request, slug, *, facilitator=False):
    """The request user's membership of the network with this slug, else Http404.

    With facilitator=True a member who is not a facilitator gets PermissionDenied (they know
    the network exists); outsiders still get a 404.
    """
    user = request.user
    if not user.is_authenticated or not isinstance(slug, str):
        raise Http404
    membership = (
        NetworkMember.objects.select_related("network", "user").filter(network__slug=slug, user=user).first()
    )
    if membership is None:
        raise Http404
    user.__dict__.setdefault(_CACHE_ATTRIBUTE, {})[membership.network_id] = membership
    if facilitator and membership.role != MemberRole.FACILITATOR:
        raise PermissionDenied
    return membership


def get_network_for_member(request, slug):
    """The network with this slug, for one of its members; Http404 for everyone else.
    The membership is at `network.membership`."""
    membership = member_or_404(request, slug)
    network = membership.network
    network.membership = membership
    return network


def object_or_404(queryset, network, **lookup):
    """An object of the network (queryset of a model with a `network` FK), else Http404."""
    obj = queryset.filter(network=network, **lookup).first()
    if obj is None:
        raise Http404
    return obj


def membership_for_session(user, session_id):
    """(session, membership) when the user is a member of the session's network, else (None, None).

    For WebSocket consumers: call through channels.db.database_sync_to_async.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return None, None
    try:
        session_id = int(session_id)
    except (TypeError, ValueError):
        return None, None
    session = Session.objects.select_related("network").filter(pk=session_id).first()
    if session is None:
        return None, None
    membership = NetworkMember.objects.filter(network_id=session.network_id, user=user).first()
    if membership is None:
        return None, None
    return session, membership
