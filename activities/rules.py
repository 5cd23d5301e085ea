import rules

from accounts.predicates import is_parent, is_youth

from .predicates import (
    accepts_registrations,
    can_see_all_registrations,
    is_member_of_activity_organisation,
    is_member_of_registration_organisation,
    is_registration_owner,
)

# Parents register their children, youths themselves; the services check ages and places.
rules.add_perm("activities.register_for_activity", (is_parent | is_youth) & accepts_registrations)
rules.add_perm(
    "activities.cancel_registration", is_registration_owner | is_member_of_registration_organisation
)
rules.add_perm(
    "activities.view_registrations", is_member_of_activity_organisation | can_see_all_registrations
)
rules.add_perm("activities.save_search", rules.is_authenticated)
