from django.http import Http404


def finder_context(request):
    return {}


def activity_detail(request, pk, slug):
    raise Http404
