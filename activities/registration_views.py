from django.http import Http404


def _not_yet(*args, **kwargs):
    raise Http404


join = cancel_registration = my_activities = calendar_feed = saved_searches = save_search = _not_yet
delete_saved_search = _not_yet
