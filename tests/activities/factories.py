"""Factories for activities. Published (live) unless told otherwise."""

import datetime

import factory
from django.utils import timezone

from activities.models import (
    Activity,
    JoinMode,
    Pillar,
    PriceUnit,
    ScheduleKind,
    SchoolSystem,
    SpokenLanguage,
    Theme,
    Venue,
)
from tests.factories import OrganisationFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_nl = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    name_fr = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title() + " (fr)")
    name_en = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title() + " (en)")


class SpokenLanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpokenLanguage
        django_get_or_create = ("code",)

    code = "nl"
    name_nl = "Nederlands"
    name_fr = "néerlandais"
    name_en = "Dutch"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Lokaal {n}")
    street = "Clemenceaulaan 20"
    postcode = "1070"
    municipality = "Anderlecht"
    latitude = 50.8390
    longitude = 4.3290
    wheelchair_accessible = True


def next_weekday(weekday, today=None):
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 or 7)


class ActivityFactory(factory.django.DjangoModelFactory):
    """A weekly Wednesday-afternoon homework club for 8–12-year-olds, free, drop-in, live."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    venue = factory.LazyAttribute(lambda o: VenueFactory(organisation=o.organisation))
    title_nl = factory.Sequence(lambda n: f"Huiswerkklas {n}")
    title_fr = factory.LazyAttribute(lambda o: o.title_nl.replace("Huiswerkklas", "École de devoirs"))
    title_en = factory.LazyAttribute(lambda o: o.title_nl.replace("Huiswerkklas", "Homework club"))
    summary_nl = "Samen huiswerk maken met begeleiding."
    summary_fr = "Faire ses devoirs ensemble, avec un accompagnement."
    summary_en = "Doing homework together, with support."
    pillar = Pillar.EXTENDED_LEARNING
    for_children = True
    min_age = 8
    max_age = 12
    primary = True
    school_system = SchoolSystem.DUTCH
    schedule_kind = ScheduleKind.WEEKLY
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=200))
    weekdays = 0b0000100  # Wednesday
    start_time = datetime.time(13, 30)
    end_time = datetime.time(16, 0)
    price_unit = PriceUnit.FREE
    join_mode = JoinMode.DROP_IN
    contact_phone = "+32 2 520 14 30"
    live = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes = extracted
            self.save()

    @factory.post_generation
    def spoken_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.spoken_languages = extracted
            self.save()


class RegistrationActivityFactory(ActivityFactory):
    """An activity with registration and a number of places."""

    join_mode = JoinMode.REGISTRATION
    capacity = 3
