from django import template

from notifications.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The number of unread notifications of the person viewing the page (one query, cached
    on the request so that the header and the dashboard ask only once)."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if request is not None and hasattr(request, "_unread_notifications"):
        return request._unread_notifications
    count = Notification.objects.for_user(user).unread().count()
    if request is not None:
        request._unread_notifications = count
    return count
