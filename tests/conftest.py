import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _pin_language():
    """The active language leaks between tests (LocaleMiddleware leaves it set), and ORM
    filters on translated fields follow it: every test starts in Dutch."""
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` loads it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.fixture
def site_root(db):
    """A home page as the default site's root, without the rest of the demo content."""
    from tests.factories import make_home_page

    return make_home_page()
