"""What the staff groups need in the admin for co-creation tracks (see accounts.roles.Grants).

Coordinators create and edit tracks: pages under the tracks index, which editors create in
the admin. Everything else about tracks (workshops, statuses, statistics, exports) is on the
site and decided by participation/rules.py; the moderation queue is for moderators and editors
(participation.moderate_contributions), who reach the admin through their own groups.
"""

from accounts.roles import COORDINATOR, ROLE_GROUPS, Grants

GROUP_PERMISSIONS = {
    ROLE_GROUPS[COORDINATOR]: Grants(
        permissions=("wagtailadmin.access_admin",),
        # A track's picture: coordinators pick one or upload it, as partners do for activities.
        collection_permissions=("wagtailimages.add_image", "wagtailimages.choose_image"),
        pages_of_type={
            "participation.TrackIndexPage": (
                "wagtailcore.add_page",
                "wagtailcore.change_page",
                "wagtailcore.publish_page",
            )
        },
    ),
}
