"""Small (user, obj) predicates about people. Combined into permissions in rules.py."""

import rules

from . import roles


def has_role(role):
    @rules.predicate(name=f"is_{role}")
    def predicate(user):
        return user.is_authenticated and role in user.roles

    return predicate


is_parent = has_role(roles.PARENT)
is_youth = has_role(roles.YOUTH)
is_partner = has_role(roles.PARTNER)
is_coordinator = has_role(roles.COORDINATOR)
is_moderator = has_role(roles.MODERATOR)
is_editor = has_role(roles.EDITOR)


@rules.predicate
def is_own_child(user, child):
    return child is not None and child.parent_id == user.pk
