import pytest

from .stack import Stack, missing_tools


@pytest.fixture(scope="module")
def stack():
    """A private production deployment for the tests of one module (see stack.py)."""
    reason = missing_tools()
    if reason:
        pytest.skip(reason)
    stack = Stack()
    try:
        stack.start_services()
        stack.shell("from tests.factories import make_home_page; make_home_page()")
        yield stack
    finally:
        stack.destroy()
