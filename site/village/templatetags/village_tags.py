from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()

LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in the other languages (a CMS page's translated URL, or the
    same view under another language prefix)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = _url_in_language(request, page, code)
        links.append({"code": code, "name": LANGUAGE_NAMES[code], "url": url, "current": code == current})
    return {"languages": links}


def _url_in_language(request, page, code):
    if request is None:
        return f"/{code}/"
    if isinstance(page, Page):
        with translation.override(code):
            url = page.get_url(request=request)
        if url:
            query = request.GET.urlencode()
            return f"{url}?{query}" if query else url
    url = translate_url(request.get_full_path(), code)
    if url == request.get_full_path() and code != translation.get_language():
        return f"/{code}/"
    return url


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Pages shown in the main navigation: the home page's live children marked 'show in menus'."""
    site_root = _site_root(context)
    if site_root is None:
        return []
    return list(site_root.get_children().live().in_menu().specific())


@register.simple_tag(takes_context=True)
def site_root(context):
    return _site_root(context)


def _site_root(context):
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_village_site_root", None)
    if cached is None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        cached = site.root_page.specific if site else None
        request._village_site_root = cached
    return cached
