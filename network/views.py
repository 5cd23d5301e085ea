"""Pages of learning networks. Every view inside a network starts with access.member_or_404:
outsiders (anonymous, other users, members of other networks) get a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from activities.ical import calendar_response
from village import ratelimit

from . import services
from .access import member_or_404, object_or_404
from .forms import InviteForm, MemberRoleForm, MinutesForm, ProfileForm, RsvpForm, SessionForm
from .models import Invitation, NetworkMember, Rsvp, Session, invitation_days


@login_required
def my_networks(request):
    memberships = (
        NetworkMember.objects.filter(user=request.user)
        .select_related("network")
        .annotate(member_count=Count("network__members", distinct=True))
        .order_by("network__name")
    )
    return render(
        request,
        "network/my_networks.html",
        {"memberships": memberships, "sessions": services.upcoming_sessions_for(request.user, limit=5)},
    )


def network_detail(request, slug):
    membership = member_or_404(request, slug)
    network = membership.network
    now = timezone.now()
    sessions = (
        Session.objects.for_network(network).filter(cancelled_at__isnull=True).select_related("network")
    )
    return render(
        request,
        "network/network_detail.html",
        {
            "network": network,
            "membership": membership,
            "members": services.members_of(network),
            "upcoming": sessions.upcoming(now).annotate(coming=Count("rsvps", filter=Q(rsvps__answer="yes")))[
                :5
            ],
            "past": sessions.past(now).filter(minutes_published_at__isnull=False)[:5],
            "pending_invitations": (
                Invitation.objects.pending(now).filter(network=network).count()
                if membership.is_facilitator
                else 0
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def profile_edit(request, slug):
    membership = member_or_404(request, slug)
    form = ProfileForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile in this network is saved."))
        return redirect(membership.network.get_absolute_url())
    return render(request, "network/profile_form.html", {"form": form, "network": membership.network})


@require_POST
def leave_network(request, slug):
    membership = member_or_404(request, slug)
    try:
        services.remove_member(actor=request.user, membership=membership)
    except services.NetworkError as error:
        messages.error(request, error.message)
        return redirect(membership.network.get_absolute_url())
    messages.success(request, _("You have left %(network)s.") % {"network": membership.network.name})
    return redirect("network:my_networks")


# --- invitations ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def invite(request, slug):
    membership = member_or_404(request, slug, facilitator=True)
    network = membership.network
    form = InviteForm(request.POST or None, initial={"language": translation.get_language()[:2]})
    if request.method == "POST" and form.is_valid():
        emails = form.cleaned_data["emails"]
        if not all(ratelimit.allow("network_invite", request.user.pk) for _email in emails):
            form.add_error(None, ratelimit.message())
        else:
            invitations, skipped = services.invite_people(
                actor=request.user,
                network=network,
                emails=emails,
                role=form.cleaned_data["role"],
                language=form.cleaned_data["language"],
            )
            if invitations:
                messages.success(
                    request,
                    ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", len(invitations))
                    % {"count": len(invitations)},
                )
            if skipped:
                messages.info(
                    request,
                    _("Already members, not invited again: %(emails)s") % {"emails": ", ".join(skipped)},
                )
            return redirect("network:invite", slug=network.slug)
    pending = Invitation.objects.pending().filter(network=network).select_related("invited_by")
    return render(
        request,
        "network/invite.html",
        {"form": form, "network": network, "pending": pending, "invitation_days": invitation_days()},
    )


@require_POST
def invitation_withdraw(request, slug, pk):
    membership = member_or_404(request, slug, facilitator=True)
    invitation = object_or_404(Invitation.objects.all(), membership.network, pk=pk)
    services.withdraw_invitation(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect("network:invite", slug=membership.network.slug)


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """The link in the invitation e-mail. Unknown tokens are a 404; used or expired ones say so."""
    invitation = Invitation.find(token)
    if invitation is None:
        raise Http404
    user = request.user if request.user.is_authenticated else None
    problem = services.invitation_problem(invitation, user)
    if user and invitation.accepted_by_id == user.pk:
        return redirect(invitation.network.get_absolute_url())
    if request.method == "POST" and user and not problem:
        try:
            services.accept_invitation(invitation=invitation, user=user)
        except services.NetworkError as error:
            problem = error.message
        else:
            messages.success(request, _("Welcome to %(network)s.") % {"network": invitation.network.name})
            return redirect("network:profile_edit", slug=invitation.network.slug)
    status = 200
    if problem and (invitation.accepted_at or invitation.revoked_at or invitation.is_expired):
        status = 410
    return render(
        request,
        "network/invitation_accept.html",
        {"invitation": invitation, "network": invitation.network, "problem": problem, "next": request.path},
        status=status,
    )


# --- members -------------------------------------------------------------------------------


def member_manage(request, slug):
    membership = member_or_404(request, slug, facilitator=True)
    return render(
        request,
        "network/member_manage.html",
        {
            "network": membership.network,
            "membership": membership,
            "members": services.members_of(membership.network),
        },
    )


@require_POST
def member_update(request, slug, pk):
    membership = member_or_404(request, slug, facilitator=True)
    network = membership.network
    member = object_or_404(NetworkMember.objects.select_related("user"), network, pk=pk)
    try:
        if request.POST.get("action") == "remove":
            services.remove_member(actor=request.user, membership=member)
            messages.success(
                request, _("%(name)s is no longer a member.") % {"name": member.user.display_name}
            )
        else:
            form = MemberRoleForm(request.POST)
            if not form.is_valid():
                raise services.NetworkError(_("Choose a role."))
            services.change_member_role(actor=request.user, membership=member, role=form.cleaned_data["role"])
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": member.user.display_name, "role": member.get_role_display().lower()},
            )
    except services.NetworkError as error:
        messages.error(request, error.message)
    if member.user_id == request.user.pk and request.POST.get("action") == "remove":
        return redirect("network:my_networks")
    return redirect("network:member_manage", slug=network.slug)


# --- sessions ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def session_create(request, slug):
    membership = member_or_404(request, slug, facilitator=True)
    network = membership.network
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = services.schedule_session(
            actor=request.user,
            network=network,
            title=data["title"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            agenda_titles=data["agenda"],
        )
        messages.success(request, _("The session is scheduled and the members are invited by e-mail."))
        return redirect(session.get_absolute_url())
    return render(request, "network/session_form.html", {"form": form, "network": network})


def _session(request, slug, pk, *, facilitator=False):
    membership = member_or_404(request, slug, facilitator=facilitator)
    session = object_or_404(
        Session.objects.select_related("network").prefetch_related("agenda_items"),
        membership.network,
        pk=pk,
    )
    return membership, session


def session_detail(request, slug, pk):
    membership, session = _session(request, slug, pk)
    own = Rsvp.objects.filter(session=session, user=request.user).first()
    return render(
        request,
        "network/session_detail.html",
        {
            "network": membership.network,
            "membership": membership,
            "session": session,
            "agenda": session.agenda_items.all(),
            "rsvps": services.rsvp_summary(session),
            "own_rsvp": own,
            "rsvp_form": RsvpForm(initial={"answer": own.answer if own else None}),
            "is_live": session.is_live(),
            "has_ended": session.has_ended(),
            "decisions": [line for line in session.decisions.splitlines() if line.strip()],
        },
    )


@require_POST
def session_cancel(request, slug, pk):
    membership, session = _session(request, slug, pk, facilitator=True)
    try:
        services.cancel_session(actor=request.user, session=session)
    except services.NetworkError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The session is cancelled; the members get an e-mail."))
    return redirect(session.get_absolute_url())


@require_POST
def session_rsvp(request, slug, pk):
    membership, session = _session(request, slug, pk)
    form = RsvpForm(request.POST)
    if session.has_ended() or session.cancelled_at:
        messages.error(request, _("This session is over or cancelled."))
    elif form.is_valid():
        rsvp = services.answer_rsvp(user=request.user, session=session, answer=form.cleaned_data["answer"])
        messages.success(
            request, _("Thank you. Your answer: %(answer)s") % {"answer": rsvp.get_answer_display()}
        )
    else:
        messages.error(request, _("Choose whether you will come."))
    return redirect(f"{session.get_absolute_url()}#rsvp")


def session_ical(request, slug, pk):
    _membership, session = _session(request, slug, pk)
    text = services.session_calendar_text(session, translation.get_language())
    return calendar_response(text, filename=f"session-{session.pk}.ics")


@require_http_methods(["GET", "POST"])
def session_minutes(request, slug, pk):
    membership, session = _session(request, slug, pk, facilitator=True)
    initial = {
        "minutes": session.minutes or services.minutes_draft(session),
        "decisions": session.decisions,
    }
    form = MinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        publish = bool(request.POST.get("publish"))
        session = services.save_minutes(
            actor=request.user,
            session=session,
            minutes=form.cleaned_data["minutes"],
            decisions=form.cleaned_data["decisions"],
            publish=publish,
        )
        if publish:
            messages.success(request, _("The minutes are published; the members get an e-mail."))
        else:
            messages.success(request, _("The minutes are saved. Members see them once you publish them."))
        return redirect(
            session.get_absolute_url()
            if publish
            else reverse("network:session_minutes", kwargs={"slug": slug, "pk": session.pk})
        )
    return render(
        request,
        "network/minutes_form.html",
        {
            "form": form,
            "network": membership.network,
            "session": session,
            "polls": services.poll_summaries(session),
        },
    )
