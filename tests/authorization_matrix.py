"""The table of tests/test_authorization_matrix.py: per URL, how to fill in its arguments from
the demo content and what each role must get.

Roles (see ROLES): anonymous; parent@example.org; youth@example.org; partner@example.org
(partner of organisation A, Huiswerkschool De Brug); partner-b@example.org (partner of
organisation B, Jeugdhuis Peterbos, created by the test); coordinator@example.org (coordinator,
facilitator of network A, Brussel); sofie@example.org (facilitator of network B, Antwerpen,
put in the coordinators' group by the test); moderator@example.org; editor@example.org.

Answers: an HTTP status (200, 403, 404, 405, 410…), LOGIN (a redirect to a login page: the
site's or the admin's), or REDIRECT (a redirect elsewhere, e.g. back to the page after a POST,
or to the canonical address).

`exp(default, **per_role)` builds the expected answers: `default` for every role not named;
the group names signed_in / partners / coordinators / staff may be used as keys too (a role's
own name wins over its group). `public()` is 200 for all, `signed_in()` sends anonymous
visitors to log in.

Adding a URL: add a `get(...)` row (and a `post(...)` row with an empty body when the view
changes something) with the URL's name as `reverse()` takes it, a label saying which object it
is called with, the expected answer per role, and `args=lambda o: {...}` filling in its
arguments from the objects that `build_objects()` in the test collects from the demo (add an
object there when none fits). Decide the answers from the rules (members-only pages are a 404
for outsiders, staff pages send others away…), not from what the view happens to answer.
"""

from dataclasses import dataclass, field

LOGIN = "login"
REDIRECT = "redirect"

ROLES = (
    "anonymous",
    "parent",
    "youth",
    "partner_a",
    "partner_b",
    "coordinator_a",
    "coordinator_b",
    "moderator",
    "editor",
)

GROUPS = {
    "signed_in": ROLES[1:],
    "partners": ("partner_a", "partner_b"),
    "coordinators": ("coordinator_a", "coordinator_b"),
    "staff": ("coordinator_a", "coordinator_b", "moderator", "editor"),
}


def exp(default, **answers):
    result = dict.fromkeys(ROLES, default)
    for group, roles in GROUPS.items():
        if group in answers:
            for role in roles:
                result[role] = answers[group]
    for role in ROLES:
        if role in answers:
            result[role] = answers[role]
    unknown = set(answers) - set(ROLES) - set(GROUPS)
    assert not unknown, unknown
    return result


def public(code=200):
    return exp(code)


def signed_in(code=200, **answers):
    """For signed-in people only: anonymous visitors are sent to log in."""
    return exp(code, anonymous=LOGIN, **answers)


@dataclass
class Row:
    key: str  # the URL's name as `reverse()` takes it ("network:case_detail"), or a page's label
    label: str  # which object(s): "a case of network A"
    method: str  # "get" or "post"
    expected: dict
    args: object = None  # function(objects) -> kwargs for reverse(), or None
    path: object = None  # function(objects) -> a path, instead of reverse(key, kwargs=args(o))
    data: dict = field(default_factory=dict)
    # A known wrong answer: {role: "what is wrong"}; the row is checked as "must still be
    # wrong" (strict), so the fix shows up as a failure telling to remove the mark.
    known_leaks: dict = field(default_factory=dict)
    # function(objects) -> a text (or list of texts) that must not be in the answer, except
    # for the roles in `secret_shown_to`, whose answer must show it (a held idea is shown to
    # its author only, "waiting for review"): that proves the text is a real one.
    secret: object = None
    secret_shown_to: tuple = ()
    # function(objects, role) -> a message when the request changed what it must not change
    # (checked before the request's transaction is rolled back).
    check: object = None


def get(key, label, expected, args=None, **kwargs):
    return Row(key, label, "get", expected, args, **kwargs)


def post(key, label, expected, args=None, **kwargs):
    return Row(key, label, "post", expected, args, **kwargs)


def unchanged_notification(objects, name):
    notification = objects[name]
    notification.refresh_from_db()
    if notification.read_at is not None:
        return f"marked the notification of {notification.user.email} as read"
    return None


def held_idea_text(objects):
    return objects["idea_held"].body[:60]


def no_support_on_held_idea(objects, role):
    idea = objects["idea_held"]
    if role != "youth" and idea.supports.exists():
        return "a held idea got a support from someone other than its author"
    return None


def still_active(objects, role):
    user = objects["users"][role]
    if user is not None:
        user.refresh_from_db()
        if not user.is_active:
            return "an empty form closed the account"
    return None


def unchanged(name, *fields, allowed=()):
    """A check: the object `name` still has the same `fields`, unless the role is `allowed`."""

    def check(objects, role):
        if role in allowed:
            return None
        obj = objects[name]
        now = type(obj)._base_manager.filter(pk=obj.pk).values(*fields).first()
        before = {field: getattr(obj, field) for field in fields}
        if now != before:
            return f"changed {name}: {before} -> {now}"
        return None

    return check


def pk(name):
    return lambda o: {"pk": o[name].pk}


def net(slug_name, obj=None):
    if obj is None:
        return lambda o: {"slug": o[slug_name].slug}
    return lambda o: {"slug": o[slug_name].slug, "pk": o[obj].pk}


def code(name):
    return lambda o: {"code": o[name].code}


def track(name):
    return lambda o: {"track_id": o[name].pk}


# Wagtail page types with a row below (the catch-all route "wagtail_serve"): a page type in the
# demo page tree that is not here fails the test.
PAGE_TYPES = {"HomePage", "StandardPage", "ActivityIndexPage", "TrackIndexPage", "TrackPage"}

TABLE = [
    # ---- village ------------------------------------------------------------------------------
    get("healthz", "", public(200)),
    get("sitemap", "", public(200), secret=lambda o: [o["draft_a"].slug, "/networks/"]),
    get("privacy", "", public(200)),
    # ---- Wagtail pages of our page types (the catch-all route) --------------------------------
    get("wagtail_serve", "home page", public(200), path=lambda o: "/nl/"),
    get("wagtail_serve", "standard page", public(200), path=lambda o: o["standard_page"].url),
    get(
        "wagtail_serve",
        "activity finder",
        public(200),
        path=lambda o: o["activity_index"].url,
        secret=lambda o: o["draft_a"].title,
    ),
    get("wagtail_serve", "tracks index", public(200), path=lambda o: o["track_index"].url),
    get(
        "wagtail_serve",
        "track page of organisation A",
        public(200),
        path=lambda o: o["track_a"].url,
        secret=held_idea_text,
        secret_shown_to=("youth",),
    ),
    get("wagtail_serve", "a page that does not exist", exp(404), path=lambda o: "/nl/bestaat-niet/"),
    # ---- accounts -----------------------------------------------------------------------------
    get("accounts:dashboard", "", signed_in()),
    get("accounts:profile", "", signed_in()),
    post("accounts:profile", "empty form", signed_in()),
    get("accounts:child_add", "", exp(403, anonymous=LOGIN, parent=200)),
    post("accounts:child_add", "empty form", exp(403, anonymous=LOGIN, parent=200)),
    get(
        "accounts:child_edit", "own child (parent's)", exp(404, anonymous=LOGIN, parent=200), pk("child_own")
    ),
    get("accounts:child_edit", "another parent's child", signed_in(404), pk("child_other")),
    post(
        "accounts:child_edit",
        "another parent's child",
        signed_in(404),
        pk("child_other"),
        check=unchanged("child_other", "first_name", "birth_year"),
    ),
    get(
        "accounts:child_delete",
        "own child (parent's)",
        exp(404, anonymous=LOGIN, parent=200),
        pk("child_own"),
    ),
    post(
        "accounts:child_delete",
        "another parent's child",
        signed_in(404),
        pk("child_other"),
        check=unchanged("child_other", "first_name"),
    ),
    get(
        "accounts:data_export",
        "",
        signed_in(),
        secret=lambda o: o["child_own"].first_name,
        secret_shown_to=("parent",),
    ),
    get("accounts:delete", "", signed_in()),
    post("accounts:delete", "empty form", signed_in(), check=lambda o, role: still_active(o, role)),
    # ---- organisations ------------------------------------------------------------------------
    get("organisations:request", "", signed_in()),
    post("organisations:request", "empty form", signed_in()),
    # ---- notifications ------------------------------------------------------------------------
    get("notifications:list", "", signed_in(), secret=lambda o: o["notification_other"].title),
    post(
        "notifications:mark_read",
        "the parent's notification",
        signed_in(REDIRECT),
        pk("notification_parent"),
        check=unchanged("notification_parent", "read_at", allowed=("parent",)),
    ),
    get("notifications:mark_read", "the parent's notification", signed_in(405), pk("notification_parent")),
    post(
        "notifications:mark_read",
        "another person's notification",
        signed_in(REDIRECT),
        pk("notification_other"),
        check=lambda o, role: unchanged_notification(o, "notification_other"),
    ),
    post(
        "notifications:mark_all_read",
        "",
        signed_in(REDIRECT),
        check=lambda o, role: unchanged_notification(o, "notification_other"),
    ),
    # ---- activities ---------------------------------------------------------------------------
    get(
        "activities:detail",
        "published activity of A",
        public(200),
        lambda o: {"pk": o["activity_a"].pk, "slug": o["activity_a"].slug},
    ),
    get(
        "activities:detail",
        "draft activity of A",
        exp(404),
        lambda o: {"pk": o["draft_a"].pk, "slug": o["draft_a"].slug},
    ),
    get("activities:short", "published activity of A", exp(REDIRECT), pk("activity_a")),
    get("activities:short", "draft activity of A", exp(404), pk("draft_a")),
    get("activities:ics", "published activity of A", public(200), pk("activity_a")),
    get("activities:ics", "draft activity of A", exp(404), pk("draft_a")),
    get(
        "activities:join",
        "published activity of A",
        exp(403, anonymous=LOGIN, parent=200, youth=200),
        pk("activity_a"),
    ),
    post(
        "activities:join",
        "published activity of A, empty form",
        exp(403, anonymous=LOGIN, parent=200, youth=200),
        pk("activity_a"),
    ),
    get("activities:join", "draft activity of A", exp(404), pk("draft_a")),
    get(
        "activities:cancel_registration",
        "the parent's registration",
        exp(404, anonymous=LOGIN, parent=200),
        pk("registration_parent"),
    ),
    post(
        "activities:cancel_registration",
        "another parent's registration",
        signed_in(404),
        pk("registration_other"),
        check=unchanged("registration_other", "status"),
    ),
    get(
        "activities:my_activities",
        "",
        signed_in(),
        secret=lambda o: o["registration_parent"].child.first_name,
        secret_shown_to=("parent",),
    ),
    post(
        "activities:reset_calendar_feed",
        "",
        signed_in(REDIRECT),
        check=unchanged("feed_parent", "token", allowed=("parent",)),
    ),
    get("activities:reset_calendar_feed", "", signed_in(405)),
    get(
        "activities:calendar_feed",
        "the parent's feed",
        public(200),
        lambda o: {"token": o["feed_parent"].token},
    ),
    get("activities:calendar_feed", "a wrong token", exp(404), lambda o: {"token": "not-a-token"}),
    get("activities:saved_searches", "", signed_in()),
    post("activities:save_search", "empty form", signed_in()),
    post(
        "activities:delete_saved_search",
        "the parent's saved search",
        exp(404, anonymous=LOGIN, parent=REDIRECT),
        pk("search_parent"),
        check=unchanged("search_parent", "name", allowed=("parent",)),
    ),
    # ---- participation ------------------------------------------------------------------------
    # The coordinators' group runs co-creation tracks platform-wide (participation/rules.py):
    # any coordinator may open and facilitate workshops and see statistics and exports of every
    # track; partners only for their organisation's tracks; moderators and editors answer ideas.
    get("participation:idea", "published idea", public(200), pk("idea_published")),
    # A held idea is for its author only on the public site; moderators see it in the admin
    # queue (participation_moderation_queue below checks that they do).
    get("participation:idea", "held idea of the youth", exp(404, youth=200), pk("idea_held")),
    post("participation:comment", "published idea, empty", signed_in(400), pk("idea_published")),
    post(
        "participation:comment",
        "held idea, empty",
        exp(404, anonymous=LOGIN, youth=REDIRECT),
        pk("idea_held"),
    ),
    post("participation:support", "published idea", signed_in(REDIRECT), pk("idea_published")),
    post(
        "participation:support",
        "held idea",
        exp(404, anonymous=LOGIN, youth=REDIRECT),
        pk("idea_held"),
        check=lambda o, role: no_support_on_held_idea(o, role),
    ),
    post("participation:vote", "published idea", signed_in(REDIRECT), pk("idea_published")),
    get(
        "participation:post_idea",
        "track of A",
        exp(200, anonymous=LOGIN, moderator=403, editor=403),
        track("track_a"),
    ),
    post(
        "participation:post_idea",
        "track of A, empty",
        exp(200, anonymous=LOGIN, moderator=403, editor=403),
        track("track_a"),
    ),
    get("participation:workshop_join", "", public(200)),
    get("participation:workshop_join_code", "open workshop of A", public(200), code("workshop_open")),
    get("participation:workshop_list", "", signed_in()),
    get(
        "participation:workshop_open",
        "track of A",
        exp(403, anonymous=LOGIN, partner_a=200, coordinator_a=200, coordinator_b=200),
        track("track_a"),
    ),
    post(
        "participation:workshop_open",
        "track of A, empty",
        exp(403, anonymous=LOGIN, partner_a=200, coordinator_a=200, coordinator_b=200),
        track("track_a"),
    ),
    get(
        "participation:workshop_open",
        "track of B",
        exp(403, anonymous=LOGIN, partner_b=200, coordinator_a=200, coordinator_b=200),
        track("track_b"),
    ),
    get("participation:track_wall", "track of A", public(200), track("track_a"), secret=held_idea_text),
    get("participation:workshop", "open workshop of A", exp(REDIRECT), code("workshop_open")),
    get("participation:workshop", "ended workshop of A", public(200), code("workshop_ended")),
    get("participation:workshop_my_ideas", "open workshop of A", exp(403), code("workshop_open")),
    get(
        "participation:workshop_wall",
        "open workshop of A",
        public(200),
        code("workshop_open"),
        secret=lambda o: o["idea_held_workshop"].body[:60],
    ),
    get(
        "participation:workshop_facilitate",
        "open workshop of A",
        exp(403, anonymous=LOGIN, partner_a=200, coordinator_a=200, coordinator_b=200),
        code("workshop_open"),
    ),
    post(
        "participation:workshop_facilitate",
        "open workshop of A, empty",
        exp(403, anonymous=LOGIN, partner_a=200, coordinator_a=200, coordinator_b=200),
        code("workshop_open"),
    ),
    get(
        "participation:workshop_sheet",
        "open workshop of A",
        exp(403, anonymous=LOGIN, partner_a=200, coordinator_a=200, coordinator_b=200),
        code("workshop_open"),
    ),
    post(
        "participation:workshop_close",
        "open workshop of A",
        exp(403, anonymous=LOGIN, partner_a=REDIRECT, coordinator_a=REDIRECT, coordinator_b=REDIRECT),
        code("workshop_open"),
        check=unchanged("workshop_open", "ends_at", allowed=("partner_a", "coordinator_a", "coordinator_b")),
    ),
    get("participation:workshop_results", "ended workshop of A", public(200), code("workshop_ended")),
    get("participation:report_idea", "published idea", public(200), pk("idea_published")),
    post("participation:report_idea", "published idea, empty", public(200), pk("idea_published")),
    get("participation:report_comment", "published comment", public(200), pk("comment_published")),
    get(
        "participation:idea_status",
        "published idea on track of A",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_b=403),
        pk("idea_published"),
    ),
    post(
        "participation:idea_status",
        "published idea on track of A, empty",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_b=403),
        pk("idea_published"),
        check=unchanged("idea_published", "status"),
    ),
    get(
        "participation:idea_status",
        "published idea on track of B",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_a=403),
        pk("idea_published_b"),
    ),
    get("participation:track_results", "track of A", public(200), track("track_a")),
    get(
        "participation:track_statistics",
        "track of B",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_a=403),
        track("track_b"),
    ),
    get(
        "participation:track_statistics",
        "track of A",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_b=403),
        track("track_a"),
    ),
    get(
        "participation:track_export",
        "track of A",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_b=403),
        track("track_a"),
    ),
    get(
        "participation:track_export",
        "track of B",
        exp(200, anonymous=LOGIN, parent=403, youth=403, partner_a=403),
        track("track_b"),
    ),
    # ---- network ------------------------------------------------------------------------------
    get(
        "network:my_networks",
        "",
        signed_in(),
        secret=lambda o: o["network_a"].name,
        secret_shown_to=("coordinator_a",),
    ),
    get(
        "network:invitation_accept",
        "invitation to A",
        public(200),
        lambda o: {"token": o["invitation_a"].token},
    ),
    get(
        "network:practice_library",
        "",
        public(200),
        secret=lambda o: o["practice_private_a"].title,
        secret_shown_to=("coordinator_a",),
    ),
    get("network:practice_detail", "public practice of A", public(200), pk("practice_public_a")),
    get(
        "network:practice_detail",
        "network-only practice of A",
        exp(404, coordinator_a=200),
        pk("practice_private_a"),
    ),
    get("network:network_detail", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:network_detail", "network B", exp(404, coordinator_b=200), net("network_b")),
    get("network:case_list", "network B", exp(404, coordinator_b=200), net("network_b")),
    get("network:profile_edit", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:leave", "network A", exp(405), net("network_a")),
    get("network:member_manage", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:member_update", "a member of A", exp(405), net("network_a", "membership_a")),
    post(
        "network:member_update",
        "a member of A, empty",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "membership_a"),
        check=unchanged("membership_a", "role"),
    ),
    get("network:invite", "network A", exp(404, coordinator_a=200), net("network_a")),
    post("network:invite", "network A, empty", exp(404, coordinator_a=200), net("network_a")),
    post(
        "network:invitation_withdraw",
        "invitation to A",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "invitation_a"),
        check=unchanged("invitation_a", "revoked_at", allowed=("coordinator_a",)),
    ),
    get("network:session_create", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:session_detail", "session of A", exp(404, coordinator_a=200), net("network_a", "session_a")),
    get("network:session_detail", "session of B", exp(404, coordinator_b=200), net("network_b", "session_b")),
    post(
        "network:session_rsvp",
        "session of A, empty",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "session_a"),
    ),
    post(
        "network:session_cancel",
        "session of A",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "session_a"),
        check=unchanged("session_a", "cancelled_at", allowed=("coordinator_a",)),
    ),
    get("network:session_ical", "session of A", exp(404, coordinator_a=200), net("network_a", "session_a")),
    get(
        "network:session_minutes", "session of A", exp(404, coordinator_a=200), net("network_a", "session_a")
    ),
    get("network:session_room", "session of A", exp(404, coordinator_a=200), net("network_a", "session_a")),
    get("network:practice_list", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:practice_create", "network A", exp(404, coordinator_a=200), net("network_a")),
    get(
        "network:practice_edit",
        "network-only practice of A",
        exp(404, coordinator_a=200),
        net("network_a", "practice_private_a"),
    ),
    get("network:overview", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:case_list", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:case_create", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:case_access_log", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:case_detail", "case of A", exp(404, coordinator_a=200), net("network_a", "case_a")),
    get("network:case_detail", "case of A under network B's address", exp(404), net("network_b", "case_a")),
    get("network:case_edit", "case of A", exp(404, coordinator_a=200), net("network_a", "case_a")),
    post("network:case_respond", "case of A, empty", exp(404, coordinator_a=400), net("network_a", "case_a")),
    get("network:case_outcome", "case of A", exp(404, coordinator_a=405), net("network_a", "case_a")),
    post(
        "network:case_archive",
        "case of A",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "case_a"),
        check=unchanged("case_a", "archived_at", allowed=("coordinator_a",)),
    ),
    get("network:case_log", "case of A", exp(404, coordinator_a=200), net("network_a", "case_a")),
    get("network:signal_list", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:signal_create", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:signal_export", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:signal_report", "network A", exp(404, coordinator_a=200), net("network_a")),
    get(
        "network:signal_detail", "open signal of A", exp(404, coordinator_a=200), net("network_a", "signal_a")
    ),
    get("network:signal_edit", "open signal of A", exp(404, coordinator_a=200), net("network_a", "signal_a")),
    post(
        "network:signal_endorse",
        "open signal of A",
        exp(404, coordinator_a=REDIRECT),
        net("network_a", "signal_a"),
    ),
    post(
        "network:signal_add",
        "open signal of A, empty",
        exp(404, coordinator_a=400),
        net("network_a", "signal_a"),
    ),
    post(
        "network:signal_status",
        "open signal of A, empty",
        exp(404, coordinator_a=400),
        net("network_a", "signal_a"),
        check=unchanged("signal_a", "status"),
    ),
    get("network:bundle_create", "network A", exp(404, coordinator_a=200), net("network_a")),
    get("network:bundle_detail", "bundle of A", exp(404, coordinator_a=200), net("network_a", "bundle_a")),
    # ---- open-data API ------------------------------------------------------------------------
    get("api:api-root", "", exp(404)),
    get("api:openapi-json", "", public(200)),
    get("api:list_activities", "", public(200), secret=lambda o: o["draft_a"].title),
    get(
        "api:get_activity",
        "published activity of A",
        public(200),
        lambda o: {"activity_id": o["activity_a"].pk},
    ),
    get("api:get_activity", "draft activity of A", exp(404), lambda o: {"activity_id": o["draft_a"].pk}),
    get("api:list_tracks", "", public(200)),
    get(
        "api:list_ideas",
        "track of A",
        public(200),
        lambda o: {"track_id": o["track_a"].pk},
        secret=held_idea_text,
    ),
    # ---- our Wagtail admin views ----------------------------------------------------------------
    # Signed-in people without admin access are sent to the admin's login page (Wagtail).
    # Registration lists (children's first names, parents' contacts): the activity's organisation
    # and editors only (activities.predicates.can_see_all_registrations); others get a 404.
    get(
        "organisations_decide",
        "pending organisation",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, editor=200),
        pk("organisation_pending"),
    ),
    get(
        "activities_registrations",
        "activity of A",
        exp(
            200,
            anonymous=LOGIN,
            parent=LOGIN,
            youth=LOGIN,
            partner_b=404,
            coordinator_a=404,
            coordinator_b=404,
            moderator=404,
        ),
        pk("activity_a"),
    ),
    get(
        "activities_registrations",
        "activity of B",
        exp(404, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_b=200, editor=200),
        pk("activity_b"),
    ),
    get(
        "activities_registrations_csv",
        "activity of A",
        exp(
            200,
            anonymous=LOGIN,
            parent=LOGIN,
            youth=LOGIN,
            partner_b=404,
            coordinator_a=404,
            coordinator_b=404,
            moderator=404,
        ),
        pk("activity_a"),
    ),
    post(
        "activities_registrations",
        "activity of A, empty attendance",
        exp(404, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_a=200, editor=200),
        pk("activity_a"),
    ),
    post(
        "organisations_decide",
        "pending organisation, empty",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, editor=200),
        pk("organisation_pending"),
        check=unchanged("organisation_pending", "status"),
    ),
    post(
        "activities_import",
        "empty form",
        exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, coordinator_a=REDIRECT, coordinator_b=REDIRECT),
    ),
    get(
        "activities_import",
        "",
        exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, coordinator_a=REDIRECT, coordinator_b=REDIRECT),
    ),
    get(
        "activities_import_template",
        "",
        exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, coordinator_a=REDIRECT, coordinator_b=REDIRECT),
    ),
    get(
        "participation_moderation_queue",
        "",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, moderator=200, editor=200),
        secret=held_idea_text,
        secret_shown_to=("moderator", "editor"),
    ),
    get(
        "participation_moderation_log",
        "",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, moderator=200, editor=200),
    ),
    get(
        "participation_moderation_decide",
        "held idea",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN),
        lambda o: {"kind": "idea", "pk": o["idea_held"].pk},
    ),
    post(
        "participation_moderation_decide",
        "held idea, empty",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, moderator=400, editor=400),
        lambda o: {"kind": "idea", "pk": o["idea_held"].pk},
        check=unchanged("idea_held", "moderation"),
    ),
    # ---- representative Wagtail admin and allauth URLs (not ours; a sample, see the test) --------
    get("wagtailadmin_home", "", exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN)),
    get(
        "wagtailadmin_pages:edit",
        "track page of A",
        exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_a=REDIRECT, partner_b=REDIRECT),
        lambda o: {"page_id": o["track_a"].pk},
    ),
    get(
        "wagtailsnippets_activities_activity:list",
        "",
        exp(200, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, coordinator_a=REDIRECT, coordinator_b=REDIRECT),
    ),
    get(
        "wagtailsnippets_activities_activity:edit",
        "activity of A",
        exp(
            200,
            anonymous=LOGIN,
            parent=LOGIN,
            youth=LOGIN,
            partner_b=404,
            coordinator_a=404,
            coordinator_b=404,
        ),
        pk("activity_a"),
    ),
    get(
        "wagtailsnippets_activities_activity:edit",
        "activity of B",
        exp(404, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_b=200, moderator=200, editor=200),
        pk("activity_b"),
    ),
    post(
        "wagtailsnippets_activities_activity:edit",
        "activity of A, empty",
        exp(404, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_a=200, moderator=200, editor=200),
        pk("activity_a"),
        check=unchanged("activity_a", "title_nl", "live"),
    ),
    get(
        "wagtailsnippets_activities_activity:delete",
        "activity of A",
        exp(404, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, partner_a=REDIRECT, moderator=200, editor=200),
        pk("activity_a"),
    ),
    get(
        "wagtailsnippets_organisations_organisation:list",
        "",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, editor=200),
    ),
    get(
        "wagtailsnippets_network_network:list", "", exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN)
    ),
    get(
        "wagtailsnippets_participation_blockedword:list",
        "",
        exp(REDIRECT, anonymous=LOGIN, parent=LOGIN, youth=LOGIN, moderator=200, editor=200),
    ),
    get("account_login", "", exp(REDIRECT, anonymous=200)),
    get("account_signup", "", exp(REDIRECT, anonymous=200)),
    get("account_reset_password", "", public(200)),
    get("account_email", "", signed_in()),
]
