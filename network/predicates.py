"""(user, obj) predicates about learning networks, combined into permissions in rules.py.

`obj` is a Network or anything with a `network` (or `network_id`): a session, a case, a
signal... so `user.has_perm("network.view", case)` works for every object of a network.
"""

import rules

from . import access


def network_of(obj):
    if obj is None:
        return None
    from .models import Network

    if isinstance(obj, Network):
        return obj
    network_id = getattr(obj, "network_id", None)
    if network_id is not None:
        return network_id
    session = getattr(obj, "session", None)
    if session is not None:
        return session.network_id
    case = getattr(obj, "case", None)
    if case is not None:
        return case.network_id
    signal = getattr(obj, "signal", None)
    if signal is not None:
        return signal.network_id
    return None


@rules.predicate
def is_network_member(user, obj):
    return access.is_member(user, network_of(obj))


@rules.predicate
def is_network_facilitator(user, obj):
    return access.is_facilitator(user, network_of(obj))


@rules.predicate
def is_author(user, obj):
    return obj is not None and user.is_authenticated and getattr(obj, "author_id", None) == user.pk
