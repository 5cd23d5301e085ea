"""What each app keeps about a person, so that it can be exported and erased in one place.

Apps register two functions in their AppConfig.ready():
- an exporter `(user) -> dict`, merged into the person's JSON download under the app's key;
- an eraser `(user) -> None`, called inside the deletion transaction before the account goes:
  it cancels what must be cancelled and anonymises public contributions instead of losing them.
"""

_exporters = {}
_erasers = {}


def register(key, *, exporter=None, eraser=None):
    if exporter is not None:
        _exporters[key] = exporter
    if eraser is not None:
        _erasers[key] = eraser


def exporters():
    return dict(_exporters)


def erasers():
    return dict(_erasers)
