"""The person's notifications: read them, mark them read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from village.redirects import local_url

from . import services
from .models import Notification

PER_PAGE = 30


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "notifications/notification_list.html",
        {"page_obj": page, "notifications": page.object_list, "has_unread": notifications.unread().exists()},
    )


@login_required
@require_POST
def mark_read(request, pk):
    """Marks one notification read; with `open`, goes on to what it is about."""
    services.mark_read(user=request.user, notification_id=pk)
    if request.POST.get("open"):
        notification = Notification.objects.for_user(request.user).filter(pk=pk).first()
        target = local_url(request, notification.url if notification else "")
        if target:
            return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    services.mark_all_read(user=request.user)
    return redirect("notifications:list")
