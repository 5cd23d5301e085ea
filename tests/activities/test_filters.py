import datetime

import pytest
from django.http import QueryDict

from activities.filters import ActivityFilterForm
from activities.models import Activity, JoinMode, PriceUnit, ScheduleKind
from tests.activities.factories import ActivityFactory, SpokenLanguageFactory, ThemeFactory, VenueFactory

pytestmark = pytest.mark.django_db


def found(query):
    form = ActivityFilterForm(QueryDict(query))
    assert form.is_valid(), form.errors
    return set(form.filter(Activity.objects.published()).values_list("title_nl", flat=True))


def titled(title, **kwargs):
    return ActivityFactory(title_nl=title, **kwargs)


def test_search_words_in_any_language_and_organisation_name():
    titled("Huiswerkklas", title_fr="École de devoirs", title_en="Homework club")
    titled(
        "Voetbal",
        title_fr="Football",
        title_en="Football",
        summary_nl="Sport",
        summary_fr="Sport",
        summary_en="Sport",
    )
    assert found("q=devoirs") == {"Huiswerkklas"}
    assert found("q=homework") == {"Huiswerkklas"}
    assert found("q=voetbal") == {"Voetbal"}


def test_theme_and_age():
    music = ThemeFactory(slug="music")
    titled("Muziek", themes=[music], min_age=6, max_age=10)
    titled("Studie", min_age=12, max_age=18)
    titled("Voor iedereen", min_age=None, max_age=None)
    assert found("theme=music") == {"Muziek"}
    assert found("age=9") == {"Muziek", "Voor iedereen"}
    assert found("age=15") == {"Studie", "Voor iedereen"}


def test_day_and_time_of_day():
    titled("Woensdag", weekdays=0b0000100, start_time=datetime.time(13, 30), end_time=datetime.time(16, 0))
    titled("Zaterdag", weekdays=0b0100000, start_time=datetime.time(10, 0), end_time=datetime.time(12, 0))
    titled("Avond", weekdays=0b0000001, start_time=datetime.time(19, 0), end_time=datetime.time(21, 0))
    titled("Middag", weekdays=0b0000010, start_time=datetime.time(12, 10), end_time=datetime.time(13, 0))
    assert found("day=wed") == {"Woensdag"}
    assert found("time=wednesday_afternoon") == {"Woensdag"}
    assert found("time=weekend") == {"Zaterdag"}
    assert found("time=evening") == {"Avond"}
    assert found("time=lunch") == {"Middag"}
    assert found("time=after_school") == {"Woensdag"}


def test_holiday_camps():
    today = datetime.date.today()
    titled(
        "Zomerkamp",
        schedule_kind=ScheduleKind.CAMP,
        start_date=today + datetime.timedelta(days=200),
        end_date=today + datetime.timedelta(days=204),
    )
    titled("Wekelijks")
    assert found("time=holidays") == {"Zomerkamp"}


def test_free_reduced_language_wheelchair_places():
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch")
    titled("Gratis", price_unit=PriceUnit.FREE, spoken_languages=[arabic])
    titled("Betalend", price_unit=PriceUnit.TERM, price=40, reduced_schemes=["uitpas"])
    titled("Duur", price_unit=PriceUnit.YEAR, price=15)
    assert found("free=on") == {"Gratis"}
    assert found("reduced=on") == {"Betalend"}
    assert found("language=ar") == {"Gratis"}
    full = titled("Volzet", join_mode=JoinMode.REGISTRATION, capacity=2)
    Activity.objects.filter(pk=full.pk).update(confirmed_count=2)
    titled("Nog plaats", join_mode=JoinMode.REGISTRATION, capacity=2)
    assert found("places=on") == {"Nog plaats"}


def test_municipality_postcode_wheelchair_and_map_area():
    kuregem = ActivityFactory(title_nl="Kuregem")
    mechelen = ActivityFactory(title_nl="Mechelen")
    mechelen.venue = VenueFactory(
        organisation=mechelen.organisation,
        municipality="Mechelen",
        postcode="2800",
        latitude=51.0259,
        longitude=4.4777,
        wheelchair_accessible=False,
    )
    mechelen.save()
    assert found("municipality=2800") == {"Mechelen"}
    assert found("municipality=anderlecht") == {"Kuregem"}
    assert found("wheelchair=on") == {"Kuregem"}
    assert found("bbox=4.2,50.7,4.5,50.95") == {"Kuregem"}
    assert kuregem.pk


def test_near_a_point_nearest_first():
    near_one = ActivityFactory(title_nl="Dichtbij")
    far_one = ActivityFactory(title_nl="Verder")
    far_one.venue = VenueFactory(organisation=far_one.organisation, latitude=50.8466, longitude=4.3528)
    far_one.save()
    form = ActivityFilterForm(QueryDict("near=50.8390,4.3290&radius_km=5"))
    assert form.is_valid()
    results = list(form.filter(Activity.objects.published()))
    assert [a.title_nl for a in results] == ["Dichtbij", "Verder"]
    assert results[0].distance_km < 0.01 < results[1].distance_km < 5
    assert found("near=50.8390,4.3290&radius_km=1") == {"Dichtbij"}
    assert near_one.pk


@pytest.mark.parametrize(
    "query, field",
    [
        ("age=-3", "age"),
        ("age=abc", "age"),
        ("near=abc", "near"),
        ("near=200,5", "near"),
        ("near=nan,nan", "near"),
        ("near=50.8,inf", "near"),
        ("bbox=1,2", "bbox"),
        ("bbox=5,50,4,51", "bbox"),
        ("bbox=4,50,5,91", "bbox"),
        ("bbox=4,nan,5,51", "bbox"),
        ("radius_km=0", "radius_km"),
        ("radius_km=1000", "radius_km"),
        ("day=funday", "day"),
        ("time=midnight", "time"),
        ("pillar=cooking", "pillar"),
        ("theme=nonexistent", "theme"),
        ("q=" + "x" * 500, "q"),
    ],
)
def test_bad_values_name_the_field(query, field):
    form = ActivityFilterForm(QueryDict(query))
    assert not form.is_valid()
    assert field in form.errors


def test_brussels_municipalities_in_either_language():
    activity = ActivityFactory(title_nl="Elsene")
    activity.venue = VenueFactory(organisation=activity.organisation, municipality="Elsene", postcode="1050")
    activity.save()
    assert found("municipality=Ixelles") == {"Elsene"}
    assert found("municipality=elsene") == {"Elsene"}


def test_flags_read_zero_and_false_as_off():
    titled("Gratis", price_unit=PriceUnit.FREE)
    titled("Duur", price_unit=PriceUnit.YEAR, price=15)
    assert found("free=0") == {"Gratis", "Duur"}
    assert found("free=false") == {"Gratis", "Duur"}
    assert found("free=1") == {"Gratis"}


def test_several_themes_give_each_activity_once():
    music, sport = ThemeFactory(slug="music"), ThemeFactory(slug="sport")
    titled("Beide", themes=[music, sport])
    form = ActivityFilterForm(QueryDict("theme=music&theme=sport"))
    assert form.is_valid()
    assert [a.title_nl for a in form.filter(Activity.objects.published())] == ["Beide"]
