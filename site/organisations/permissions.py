"""What the staff groups need in the admin for organisations (see accounts.roles.Grants)."""

from accounts.roles import EDITOR, ROLE_GROUPS, Grants

# Editors approve or reject the organisations that professionals register.
GROUP_PERMISSIONS = {
    ROLE_GROUPS[EDITOR]: Grants(
        permissions=(
            "organisations.view_organisation",
            "organisations.change_organisation",
            "organisations.approve_organisation",
        )
    ),
}
