from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def my_network_memberships(context):
    """The request user's network memberships with their networks (one query, cached per request)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(request, "_village_my_network_memberships", None)
    if cached is None:
        cached = list(user.network_memberships.select_related("network").order_by("network__name"))
        request._village_my_network_memberships = cached
    return cached
