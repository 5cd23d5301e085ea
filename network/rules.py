import rules

from .predicates import is_author, is_network_facilitator, is_network_member

# Members see and contribute to everything of their network; facilitators run it.
rules.add_perm("network.view", is_network_member)
rules.add_perm("network.contribute", is_network_member)
rules.add_perm("network.manage", is_network_facilitator)
rules.add_perm("network.invite", is_network_facilitator)
rules.add_perm("network.schedule_session", is_network_facilitator)
rules.add_perm("network.write_minutes", is_network_facilitator)
rules.add_perm("network.run_session", is_network_facilitator)


# Good practices: public ones are for everyone; the author and the facilitators edit them.
@rules.predicate
def is_public_practice(user, practice):
    return bool(getattr(practice, "is_public", False))


rules.add_perm("network.view_practice", is_public_practice | is_network_member)
rules.add_perm("network.edit_practice", is_network_member & (is_author | is_network_facilitator))

from . import case_rules  # noqa: E402, F401  (case consultation and signals)
