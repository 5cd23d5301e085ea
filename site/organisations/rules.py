import rules

from accounts.predicates import is_editor

from .predicates import is_member

rules.add_perm("organisations.request_organisation", rules.is_authenticated)
rules.add_perm("organisations.approve_organisation", is_editor)
rules.add_perm("organisations.view_organisation_private", is_editor | is_member)
rules.add_perm("organisations.change_organisation", is_editor | is_member)
