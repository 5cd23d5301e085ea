"""Who may do what with activities and venues in the Wagtail admin.

Model permissions (add, change, publish...) come from the staff role groups, as everywhere in
Wagtail. On top of that, an activity or venue belongs to an organisation: partners only ever
see and touch the items of the approved organisations they are members of, while moderators
and editors work on all of them. Partners have no "publish" permission, so whatever they
write goes through the "Activity review" workflow (see ensure_review_workflow).
"""

from django.apps import apps as global_apps
from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from accounts.predicates import is_editor, is_moderator
from accounts.roles import EDITOR, MODERATOR, PARTNER, ROLE_GROUPS, Grants

REVIEW_WORKFLOW_NAME = "Activity review"
REVIEW_TASK_NAME = "Activity review by moderators or editors"

# Moderators and editors write, publish and delete the activities of every organisation.
STAFF_ACTIVITY_PERMISSIONS = (
    "activities.add_activity",
    "activities.change_activity",
    "activities.delete_activity",
    "activities.publish_activity",
    "activities.lock_activity",
    "activities.unlock_activity",
    "activities.add_venue",
    "activities.change_venue",
    "activities.delete_venue",
)
# Wagtail's image permissions are per collection: whoever writes activities must be able to
# pick (and upload) a picture for them.
PICK_IMAGES = ("wagtailimages.add_image", "wagtailimages.choose_image")
# What the staff groups need for the activities admin (granted by accounts.roles).
GROUP_PERMISSIONS = {
    ROLE_GROUPS[PARTNER]: Grants(
        permissions=(
            "activities.add_activity",
            "activities.change_activity",
            "activities.add_venue",
            "activities.change_venue",
        ),
        collection_permissions=PICK_IMAGES,
    ),
    ROLE_GROUPS[MODERATOR]: Grants(
        permissions=STAFF_ACTIVITY_PERMISSIONS, collection_permissions=PICK_IMAGES
    ),
    ROLE_GROUPS[EDITOR]: Grants(
        permissions=STAFF_ACTIVITY_PERMISSIONS
        + (
            "activities.add_theme",
            "activities.change_theme",
            "activities.delete_theme",
            "activities.add_spokenlanguage",
            "activities.change_spokenlanguage",
            "activities.delete_spokenlanguage",
            "activities.add_schoolholiday",
            "activities.change_schoolholiday",
            "activities.delete_schoolholiday",
        ),
        collection_permissions=PICK_IMAGES + ("wagtailimages.change_image",),
    ),
}
REVIEWER_GROUPS = [ROLE_GROUPS[MODERATOR], ROLE_GROUPS[EDITOR]]


def sees_all_organisations(user):
    """Moderators and editors (and superusers) work on every organisation's activities."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or is_editor(user) or is_moderator(user))
    )


def partner_organisation_ids(user):
    """Ids of the approved organisations the person is a member of (cached per user object)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_village_partner_organisation_ids"):
        from organisations.models import Organisation

        user._village_partner_organisation_ids = frozenset(
            Organisation.objects.approved().of_member(user).values_list("pk", flat=True)
        )
    return user._village_partner_organisation_ids


def organisations_for(user):
    """The organisations a person may create activities and venues for."""
    from organisations.models import Organisation

    if sees_all_organisations(user):
        return Organisation.objects.approved()
    return Organisation.objects.filter(pk__in=partner_organisation_ids(user))


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups, narrowed to the person's own organisations.

    For a model with an `organisation` foreign key (Activity, Venue).
    """

    organisation_field = "organisation"

    def _allowed_for_instance(self, user, instance):
        if sees_all_organisations(user):
            return True
        organisation_id = getattr(instance, f"{self.organisation_field}_id", None)
        # An item being created has no organisation yet; the form limits the choice.
        return organisation_id is None or organisation_id in partner_organisation_ids(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._allowed_for_instance(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and self._allowed_for_instance(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        queryset = self.model._default_manager.all()
        if sees_all_organisations(user):
            return queryset
        return queryset.filter(**{f"{self.organisation_field}__in": partner_organisation_ids(user)})

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        organisation_id = getattr(instance, f"{self.organisation_field}_id", None)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__name__in=REVIEWER_GROUPS)
            | Q(
                organisation_memberships__organisation_id=organisation_id,
                organisation_memberships__organisation__status="approved",
            )
        ).distinct()


def scoped_queryset(user, model):
    """The items of `model` the person may work on in the admin (404 for everything else)."""
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["add", "change", "delete", "publish"]
    )


def can_view_registrations(user, activity):
    """Members of the activity's organisation, moderators and editors see who registered.

    The rule "activities.view_registrations" (activities/rules.py) decides when it exists;
    until then the admin rule applies: whoever may edit the activity.
    """
    import rules

    if not user.is_authenticated:
        return False
    if rules.perm_exists("activities.view_registrations"):
        return user.has_perm("activities.view_registrations", activity)
    return sees_all_organisations(user) or activity.organisation_id in partner_organisation_ids(user)


def ensure_review_workflow(using="default", apps=global_apps):
    """The "Activity review" workflow, assigned to activities: one group approval task for
    Moderators and Editors. Idempotent.

    Called by the data migration (with historical models) and, after every migrate or flush,
    by accounts.roles.ensure_role_groups once the groups have their permissions.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def content_type(app_label, model):
        return ContentType.objects.using(using).get_or_create(app_label=app_label, model=model)[0]

    activity_type = content_type("activities", "activity")
    if WorkflowContentType.objects.using(using).filter(content_type=activity_type).exists():
        return
    workflow = Workflow.objects.using(using).filter(name=REVIEW_WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.using(using).create(name=REVIEW_WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.using(using).create(
            name=REVIEW_TASK_NAME, active=True, content_type=content_type("wagtailcore", "groupapprovaltask")
        )
        task.groups.set([Group.objects.using(using).get_or_create(name=name)[0] for name in REVIEWER_GROUPS])
        WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.using(using).create(workflow=workflow, content_type=activity_type)
