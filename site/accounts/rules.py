import rules

from .predicates import is_own_child, is_parent

rules.add_perm("accounts.manage_children", is_parent)
rules.add_perm("accounts.change_childprofile", is_parent & is_own_child)
rules.add_perm("accounts.delete_childprofile", is_parent & is_own_child)
