"""Page-weight budgets, measured in Chromium: what a phone downloads for the home page and the
activity finder (map tiles excluded), and nothing render-blocking from another site.

Sizes are counted uncompressed (the test server does not compress), so the budgets hold with room
to spare in production, where WhiteNoise serves compressed files.
"""

import re

import pytest

from tests.e2e.conftest import visit

BUDGETS = {"home": 150_000, "activities": 400_000}
TILES = re.compile(r"tile", re.IGNORECASE)


def weigh(page, base, path):
    """Bytes of every response the page loads, by URL; requests to other sites, by URL."""
    sizes, elsewhere = {}, []

    def count(response):
        url = response.url
        if not url.startswith(base):
            elsewhere.append(url)
            return
        try:
            sizes[url] = len(response.body())
        except Exception:  # noqa: BLE001 - a redirect has no body
            sizes[url] = 0

    page.on("response", count)
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    visit(page, path)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", count)
    return sizes, elsewhere


@pytest.mark.parametrize("browser_locale", ["nl-BE"])
def test_the_home_page_and_the_finder_stay_within_their_budgets(page, live_server_url, demo):
    from activities.models import ActivityIndexPage

    finder = ActivityIndexPage.objects.live().first()
    for name, path in [("home", "/nl/"), ("activities", finder.get_url())]:
        sizes, elsewhere = weigh(page, live_server_url, path)
        total = sum(sizes.values())
        largest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
        assert total < BUDGETS[name], f"{name}: {total} bytes; largest: {largest}"
        # Nothing from other sites but map tiles, and nothing render-blocking from them.
        assert all(TILES.search(url) for url in elsewhere), elsewhere
