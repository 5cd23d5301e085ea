"""Synthetic activities, organisations and registrations at scale, for benchmarks.

    manage.py generate_activities --activities 10000 --organisations 500 --registrations 50000
    manage.py generate_activities --clear            # remove what earlier runs generated

Everything is inserted with bulk_create in batches, so neither save() nor the signals run: the
command computes what Activity.save() would (the last session, the weekdays of the sessions)
with the same Schedule, and keeps every confirmed_count equal to its confirmed registrations.
The generated activities are not in the admin's search index (`manage.py update_index` adds
them); the finder and the API filter with the ORM and do not need it.

Generated organisations are named "Synthetic …" and generated people have addresses
@synthetic.example.org: --clear removes those and everything that hangs off them, nothing else.
"""

import datetime
import random
import time
from collections import Counter
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connections, transaction
from django.db.models import Q
from django.utils import timezone, translation

from accounts.models import AccountType, ChildProfile, User
from activities import demo, page_cache
from activities.models import (
    Activity,
    ActivityCancellation,
    Attendance,
    JoinMode,
    Pillar,
    PriceUnit,
    Registration,
    RegistrationStatus,
    ScheduleKind,
    SchoolHoliday,
    SchoolSystem,
    SpokenLanguage,
    Theme,
    Venue,
)
from activities.schedule import Schedule, weekday_mask
from organisations.models import Membership, Organisation, OrganisationKind, OrganisationStatus

PREFIX = "Synthetic "
EMAIL_DOMAIN = "synthetic.example.org"
BATCH_SIZE = 1000
DEFAULTS = {"activities": 10_000, "organisations": 500, "registrations": 50_000}

# name, postcode, latitude and longitude of the centre, weight (about the number of inhabitants,
# in ten thousands): generated places gather around the centres, as the offer does.
BRUSSELS = [
    ("Anderlecht", "1070", 50.8365, 4.3070, 12),
    ("Brussel", "1000", 50.8467, 4.3525, 9),
    ("Laken", "1020", 50.8800, 4.3500, 5),
    ("Neder-Over-Heembeek", "1120", 50.8950, 4.3900, 2),
    ("Haren", "1130", 50.8890, 4.4200, 1),
    ("Elsene", "1050", 50.8275, 4.3720, 9),
    ("Etterbeek", "1040", 50.8360, 4.3890, 5),
    ("Evere", "1140", 50.8700, 4.4020, 4),
    ("Ganshoren", "1083", 50.8710, 4.3120, 3),
    ("Jette", "1090", 50.8790, 4.3250, 5),
    ("Koekelberg", "1081", 50.8620, 4.3290, 2),
    ("Oudergem", "1160", 50.8170, 4.4270, 3),
    ("Schaarbeek", "1030", 50.8670, 4.3780, 13),
    ("Sint-Agatha-Berchem", "1082", 50.8650, 4.2930, 2),
    ("Sint-Gillis", "1060", 50.8280, 4.3460, 5),
    ("Sint-Jans-Molenbeek", "1080", 50.8550, 4.3230, 10),
    ("Sint-Joost-ten-Node", "1210", 50.8540, 4.3730, 3),
    ("Sint-Lambrechts-Woluwe", "1200", 50.8470, 4.4250, 6),
    ("Sint-Pieters-Woluwe", "1150", 50.8300, 4.4330, 4),
    ("Ukkel", "1180", 50.8000, 4.3370, 8),
    ("Vorst", "1190", 50.8110, 4.3180, 6),
    ("Watermaal-Bosvoorde", "1170", 50.7960, 4.4120, 2),
]
BRUSSELS_BOX = (50.76, 50.92, 4.24, 4.48)  # min lat, max lat, min lon, max lon
BRUSSELS_WEIGHTS = [municipality[4] for municipality in BRUSSELS]
MECHELEN_BOX = (51.015, 51.045, 4.455, 4.505)
LEIDEN_BOX = (52.145, 52.175, 4.465, 4.515)
STREETS = [
    "Stationsstraat",
    "Kerkstraat",
    "Schoolstraat",
    "Marktplein",
    "Parklaan",
    "Molenstraat",
    "Rue de la Station",
    "Rue de l'École",
    "Avenue du Parc",
    "Chaussée de Gand",
    "Rue Haute",
    "Nieuwstraat",
    "Kapelstraat",
    "Rue du Moulin",
    "Dorpsplein",
    "Laan van de Vrede",
]
FIRST_NAMES = [
    "Yasmine",
    "Adam",
    "Amina",
    "Bilal",
    "Elif",
    "Emre",
    "Noor",
    "Lucas",
    "Ines",
    "Rayan",
    "Sara",
    "Mohamed",
    "Lina",
    "Louis",
    "Aya",
    "Nora",
    "Youssef",
    "Maria",
    "Andrei",
    "Zofia",
    "Kuba",
    "Emma",
    "Hamza",
    "Salma",
    "Milan",
    "Fatou",
    "Ibrahim",
    "Olivia",
    "Mehdi",
    "Lea",
    "Daria",
    "Omar",
]
ORGANISATION_WORDS = [
    (OrganisationKind.HOMEWORK_SCHOOL, "huiswerkschool"),
    (OrganisationKind.YOUTH_WORK, "jeugdhuis"),
    (OrganisationKind.WELFARE, "buurtwerking"),
    (OrganisationKind.SPORT, "sportclub"),
    (OrganisationKind.CULTURE, "cultuurcentrum"),
    (OrganisationKind.LIBRARY, "bibliotheek"),
    (OrganisationKind.SCHOOL, "school"),
    (OrganisationKind.PUPIL_GUIDANCE, "leerlingenbegeleiding"),
]
# What an activity on a theme is called, nl / fr / en.
NOUNS = {
    "homework": ("Huiswerkklas", "École de devoirs", "Homework club"),
    "language": ("Taalatelier", "Atelier de langue", "Language workshop"),
    "stem-ict": ("Techniekclub", "Club des sciences", "Science club"),
    "music": ("Muziekatelier", "Atelier musique", "Music workshop"),
    "arts-crafts": ("Knutselatelier", "Atelier bricolage", "Craft workshop"),
    "theatre": ("Theaterklas", "Atelier théâtre", "Theatre class"),
    "sport": ("Sportuur", "Heure de sport", "Sports hour"),
    "games-play": ("Speelnamiddag", "Après-midi jeux", "Games afternoon"),
    "nature": ("Natuurclub", "Club nature", "Nature club"),
    "world-neighbourhood": ("Buurtontdekkers", "Explorateurs du quartier", "Neighbourhood explorers"),
    "wellbeing": ("Praatgroep", "Groupe de parole", "Talk group"),
    "orientation": ("Studiekeuzesessie", "Séance d'orientation", "Study choice session"),
    "parent-meetings": ("Ouderkoffie", "Café des parents", "Parent café"),
}
FOR_WHOM = {
    "children": ("voor kinderen", "pour enfants", "for children"),
    "youths": ("voor jongeren", "pour jeunes", "for young people"),
    "parents": ("voor ouders", "pour parents", "for parents"),
}
DAY_NAMES = (
    ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)
WEEKDAY_PATTERNS = [[2], [2], [0, 1, 3], [5], [1, 3], [0, 1, 2, 3], [4], [2, 5], [0, 2, 4], [6], [0], [3]]
TIMES = [
    ("15:30", "17:30"),
    ("13:30", "16:00"),
    ("10:00", "12:00"),
    ("16:00", "18:00"),
    ("18:30", "20:00"),
    ("09:00", "11:00"),
    ("12:00", "13:00"),
    ("14:00", "16:30"),
    ("19:00", "21:00"),
]
SCHEMES = [code for code, _label in settings.VILLAGE_REDUCED_PRICE_SCHEMES]


def _time(value):
    return datetime.time.fromisoformat(value)


def _listed(words, conjunction):
    """'monday, tuesday and thursday'"""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _batched(objects, size=BATCH_SIZE):
    for start in range(0, len(objects), size):
        yield objects[start : start + size]


class Command(BaseCommand):
    help = "Generate synthetic activities, organisations and registrations at scale (benchmarks only)."

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, help=f"default {DEFAULTS['activities']}")
        parser.add_argument("--organisations", type=int, help=f"default {DEFAULTS['organisations']}")
        parser.add_argument("--registrations", type=int, help=f"default {DEFAULTS['registrations']}")
        parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same data")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="first remove what earlier runs generated; without numbers, only that",
        )

    def handle(self, *args, **options):
        if not settings.VILLAGE_DEMO_CONTENT_ALLOWED:
            raise CommandError("Synthetic data is not allowed with these settings (production).")
        numbers = {key: options[key] for key in DEFAULTS}
        if options["clear"] and all(value is None for value in numbers.values()):
            numbers = dict.fromkeys(DEFAULTS, 0)
        numbers = {key: DEFAULTS[key] if value is None else value for key, value in numbers.items()}
        if any(value < 0 for value in numbers.values()):
            raise CommandError("The numbers cannot be negative.")
        if numbers["activities"] and not numbers["organisations"]:
            raise CommandError("Activities need at least one organisation.")
        with translation.override(settings.LANGUAGE_CODE):
            if options["clear"]:
                started = time.perf_counter()
                with transaction.atomic():
                    removed = clear()
                self.stdout.write(
                    "Removed {organisations} synthetic organisations with {activities} activities, "
                    "{people} people and {registrations} registrations in {seconds:.1f} s.".format(
                        **removed, seconds=time.perf_counter() - started
                    )
                )
            if any(numbers.values()):
                started = time.perf_counter()
                with transaction.atomic():
                    generator = Generator(
                        seed=options["seed"], log=self._phase if options["verbosity"] > 1 else None
                    )
                    made = generator.run(**numbers)
                seconds = time.perf_counter() - started
            if options["clear"] or any(numbers.values()):
                # Inserted and removed in bulk, past the signals: cached pages are out of date.
                page_cache.bump()
            if any(numbers.values()):
                self.stdout.write(
                    self.style.SUCCESS(
                        "Created {organisations} organisations, {venues} venues, {activities} activities "
                        "({published} published), {parents} parents with {children} children, {youths} young "
                        "people and {registrations} registrations ({confirmed} confirmed, {waiting} waiting, "
                        "{cancelled} cancelled) in {seconds:.1f} s.".format(**made, seconds=seconds)
                    )
                )

    def _phase(self, message, seconds):
        self.stdout.write(f"  {message}: {seconds:.1f} s")


def clear():
    """Remove the synthetic organisations and people and everything that hangs off them."""
    organisations = Organisation.objects.filter(name__startswith=PREFIX)
    activities = Activity.objects.filter(organisation__in=organisations)
    people = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
    registrations = Registration.objects.filter(
        Q(activity__in=activities) | Q(child__parent__in=people) | Q(participant__in=people)
    )
    counts = {
        "organisations": organisations.count(),
        "activities": activities.count(),
        "people": people.count(),
        "registrations": registrations.count(),
    }
    try:
        with transaction.atomic():
            _clear_in_bulk(organisations, activities, people, registrations)
            # Something else may point at a synthetic row (a person edited in the admin...):
            # then the database refuses, and the slow path below removes it properly.
            connections[Activity.objects.db].check_constraints()
    except IntegrityError:
        _clear_one_by_one(organisations, activities, people, registrations)
    return counts


def _raw_delete(queryset):
    return queryset._raw_delete(queryset.db)


def _clear_in_bulk(organisations, activities, people, registrations):
    """Plain DELETEs, without loading objects or sending signals. Right for what this command
    made with bulk_create: nothing indexed it or logged it. Activities that were edited since
    (they have a revision) go through the ORM, which also removes their revisions and index."""
    _raw_delete(Attendance.objects.filter(registration__in=registrations))
    _raw_delete(registrations)
    _raw_delete(Activity.themes.through.objects.filter(activity__in=activities))
    _raw_delete(Activity.spoken_languages.through.objects.filter(activity__in=activities))
    _raw_delete(ActivityCancellation.objects.filter(activity__in=activities))
    activities.filter(latest_revision__isnull=False).delete()
    _raw_delete(activities)
    _raw_delete(Venue.objects.filter(organisation__in=organisations))
    Membership.objects.filter(organisation__in=organisations).delete()
    _raw_delete(organisations)
    _raw_delete(ChildProfile.objects.filter(parent__in=people))
    _raw_delete(people)


def _clear_one_by_one(organisations, activities, people, registrations):
    # Registrations first: deleting a child or a person releases their places to the
    # waiting list (a signal per object), which is pointless here.
    Attendance.objects.filter(registration__in=registrations).delete()
    registrations.delete()
    activities.delete()
    organisations.delete()
    people.delete()


class Generator:
    def __init__(self, seed, log=None):
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.log = log
        self.clock = time.perf_counter()
        self.school_year = demo.school_year_of(self.today)

    def _lap(self, message):
        if self.log:
            now = time.perf_counter()
            self.log(message, now - self.clock)
            self.clock = now

    def run(self, *, activities, organisations, registrations):
        demo._load_taxonomy()  # themes and languages to pick from, when the demo was not loaded
        self.themes = list(Theme.objects.all())
        self.languages = {language.code: language for language in SpokenLanguage.objects.all()}
        self.holidays = {
            system: tuple((h.start_date, h.end_date) for h in SchoolHoliday.objects.for_system(system))
            for system in SchoolSystem.values
        }
        orgs, venues = self.organisations(organisations)
        self._lap("organisations and venues")
        made_activities, links = self.build_activities(activities, orgs, venues)
        demand = self._spread_registrations(made_activities, registrations)
        people = self.people(
            registrations,
            min_children=max((children for _index, _youths, children in demand), default=0),
            min_youths=max((youths for _index, youths, _children in demand), default=0),
        )
        self._lap("parents, children and young people")
        plan = self._plan_registrations(made_activities, demand, people)
        self.insert_activities(made_activities, *links)
        self._lap("activities, themes and languages")
        statuses = self.registrations(made_activities, plan)
        self._lap("registrations")
        return {
            "organisations": len(orgs),
            "venues": sum(len(v) for v in venues),
            "activities": len(made_activities),
            "published": sum(1 for a in made_activities if a.live and a.last_session_date >= self.today),
            "parents": people["parents"],
            "children": len(people["children"]),
            "youths": len(people["youths"]),
            "registrations": sum(statuses.values()),
            "confirmed": statuses[RegistrationStatus.CONFIRMED],
            "waiting": statuses[RegistrationStatus.WAITING],
            "cancelled": statuses[RegistrationStatus.CANCELLED],
        }

    # --- places ----------------------------------------------------------------------------------
    def _point(self):
        """A place: mostly the Brussels region, a few in Mechelen and Leiden."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.03:
            return self._in_box(MECHELEN_BOX), "2800", "Mechelen"
        if draw < 0.06:
            postcode = f"{rng.randint(2311, 2334)} {rng.choice('ABCEGHJKLMNPRSTVWX')}{rng.choice('ABCEGHJKLMNPRSTVWX')}"
            return self._in_box(LEIDEN_BOX), postcode, "Leiden"
        name, postcode, lat, lon, _weight = rng.choices(BRUSSELS, weights=BRUSSELS_WEIGHTS)[0]
        min_lat, max_lat, min_lon, max_lon = BRUSSELS_BOX
        lat = min(max(rng.gauss(lat, 0.008), min_lat), max_lat)
        lon = min(max(rng.gauss(lon, 0.012), min_lon), max_lon)
        return (round(lat, 6), round(lon, 6)), postcode, name

    def _in_box(self, box):
        min_lat, max_lat, min_lon, max_lon = box
        return round(self.rng.uniform(min_lat, max_lat), 6), round(self.rng.uniform(min_lon, max_lon), 6)

    def _street(self):
        return f"{self.rng.choice(STREETS)} {self.rng.randint(1, 250)}"

    def organisations(self, count):
        rng = self.rng
        taken = set(Organisation.objects.filter(name__startswith=PREFIX).values_list("name", flat=True))
        organisations, places, number = [], [], 0
        while len(organisations) < count:
            number += 1
            kind, word = ORGANISATION_WORDS[number % len(ORGANISATION_WORDS)]
            name = f"{PREFIX}{word} {number:05d}"
            if name in taken:
                continue
            (lat, lon), postcode, municipality = self._point()
            places.append(((lat, lon), postcode, municipality))
            organisations.append(
                Organisation(
                    name=name,
                    kind=kind,
                    phone=f"+32 2 {rng.randint(200, 799)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    street=self._street(),
                    postcode=postcode,
                    municipality=municipality,
                    status=OrganisationStatus.APPROVED,
                    decided_at=self.now,
                    description_nl=f"Gegenereerde organisatie ({word}) in {municipality}.",
                    description_fr=f"Organisation générée ({word}) à {municipality}.",
                    description_en=f"Generated organisation ({word}) in {municipality}.",
                )
            )
        for batch in _batched(organisations):
            Organisation.objects.bulk_create(batch)
        venues, by_organisation = [], []
        for organisation, first_place in zip(organisations, places, strict=True):
            own = []
            # About one and a half venues per organisation: the main address, half of them a second.
            for index in range(2 if rng.random() < 0.5 else 1):
                (lat, lon), postcode, municipality = first_place if index == 0 else self._point()
                own.append(
                    Venue(
                        organisation=organisation,
                        name=f"{organisation.name[len(PREFIX) :]} – {municipality}"
                        + (f" {index + 1}" if index else ""),
                        street=organisation.street if index == 0 else self._street(),
                        postcode=postcode,
                        municipality=municipality,
                        latitude=Decimal(str(lat)),
                        longitude=Decimal(str(lon)),
                        wheelchair_accessible=rng.random() < 0.6,
                    )
                )
            venues.extend(own)
            by_organisation.append(own)
        for batch in _batched(venues):
            Venue.objects.bulk_create(batch)
        return organisations, by_organisation

    # --- people ----------------------------------------------------------------------------------
    def people(self, registrations, min_children, min_youths):
        """Enough children and young people for the registrations: a child joins about three
        activities, a parent has one to three children; at least as many as the most popular
        activity needs."""
        if not registrations:
            return {"parents": 0, "children": [], "youths": []}
        rng = self.rng
        # One hash for all: nobody logs in with these accounts, and hashing is the slow part.
        password = make_password(None)
        run = self.now.strftime("%Y%m%d%H%M%S%f")
        n_children = max(20, registrations // 3, min_children)
        n_youths = max(5, registrations // 25, min_youths)
        year = self.today.year
        parents, parent_of_child = [], []
        while len(parent_of_child) < n_children:
            index = len(parents)
            parents.append(
                User(
                    email=f"parent-{run}-{index}@{EMAIL_DOMAIN}",
                    display_name=rng.choice(FIRST_NAMES),
                    account_type=AccountType.PARENT,
                    preferred_language=rng.choice(("nl", "fr", "en")),
                    password=password,
                )
            )
            # Sisters and brothers have different names (one child per name and birth year).
            parent_of_child.extend(
                (index, name) for name in rng.sample(FIRST_NAMES, rng.choice((1, 1, 2, 2, 3)))
            )
        parent_of_child = parent_of_child[:n_children]
        youths = [
            User(
                email=f"youth-{run}-{index}@{EMAIL_DOMAIN}",
                display_name=rng.choice(FIRST_NAMES),
                account_type=AccountType.YOUTH,
                birth_year=year - rng.randint(12, 17),
                preferred_language=rng.choice(("nl", "fr", "en")),
                password=password,
            )
            for index in range(n_youths)
        ]
        for batch in _batched(parents + youths):
            User.objects.bulk_create(batch)
        children = [
            ChildProfile(
                parent_id=parents[parent].pk,
                first_name=name,
                birth_year=year - rng.randint(4, 14),
                consent_given_at=self.now,
            )
            for parent, name in parent_of_child
        ]
        for batch in _batched(children):
            ChildProfile.objects.bulk_create(batch)
        return {
            "parents": len(parents),
            # (is a young person, id, who registers)
            "children": [(False, child.pk, child.parent_id) for child in children],
            "youths": [(True, youth.pk, youth.pk) for youth in youths],
        }

    # --- activities --------------------------------------------------------------------------------
    @staticmethod
    @cache
    def _derived(kind, start, end, weekdays, holidays, today):
        """What Activity.save() computes, for a schedule; many activities share one."""
        schedule = Schedule(
            kind=kind,
            start_date=start,
            end_date=end,
            weekdays=weekdays,
            start_time=datetime.time(0),
            end_time=datetime.time(1),
            holidays=list(holidays),
        )
        return schedule.last_date(), schedule.weekday_mask(), tuple(schedule.dates(start=today, limit=3))

    def _holiday_periods(self):
        periods = []
        for year in (self.school_year, self.school_year + 1):
            periods += demo.flemish_holidays(year) + demo.french_community_holidays(year)
        return [(start, end) for _key, start, end in periods if start > self.today]

    def _schedule(self):
        rng = self.rng
        year = self.school_year
        draw = rng.random()
        if draw < 0.72:
            if rng.random() < 0.1:  # ended last school year: the history a real database has
                start, end = datetime.date(year - 1, 9, 1), datetime.date(year, 6, 30)
            else:
                start = rng.choice(
                    [datetime.date(year, 9, 1)] * 3
                    + [datetime.date(year, 10, 1), datetime.date(year + 1, 1, 11)]
                )
                end = rng.choice([datetime.date(year + 1, 6, 30)] * 3 + [datetime.date(year + 1, 3, 26)])
                end = max(end, start + datetime.timedelta(weeks=8))
            return ScheduleKind.WEEKLY, start, end, weekday_mask(rng.choice(WEEKDAY_PATTERNS))
        if draw < 0.88:
            return ScheduleKind.ONE_OFF, self.today + datetime.timedelta(days=rng.randint(-30, 120)), None, 0
        periods = self.holiday_periods
        if rng.random() < 0.6 or not periods:
            first_monday = demo._on_or_after(datetime.date(year + 1, 7, 1), 0)
            start = first_monday + datetime.timedelta(weeks=rng.randint(0, 5))
        else:
            start = demo._on_or_after(rng.choice(periods)[0], 0)
        return ScheduleKind.CAMP, start, start + datetime.timedelta(days=4), 0

    def _texts(self, theme, audience, municipality, organisation, kind, weekdays, start, ages):
        noun = NOUNS.get(theme.slug) or (
            theme.name_nl,
            theme.name_fr or theme.name_nl,
            theme.name_en or theme.name_nl,
        )
        whom = FOR_WHOM[audience]
        if kind == ScheduleKind.WEEKLY:
            days = [d for d in range(7) if weekdays & (1 << d)]
            when = (
                "Elke " + _listed([DAY_NAMES[0][d] for d in days], "en"),
                "Chaque " + _listed([DAY_NAMES[1][d] for d in days], "et"),
                "Every " + _listed([DAY_NAMES[2][d] for d in days], "and"),
            )
        elif kind == ScheduleKind.ONE_OFF:
            when = (f"Op {start:%d/%m/%Y}", f"Le {start:%d/%m/%Y}", f"On {start:%d/%m/%Y}")
        else:
            when = (
                f"Kamp vanaf {start:%d/%m}",
                f"Stage à partir du {start:%d/%m}",
                f"Camp from {start:%d/%m}",
            )
        age = ""
        if ages[0] is not None:
            age = f" ({ages[0]}–{ages[1]})"
        name = organisation.name[len(PREFIX) :]
        return {
            "title_nl": f"{noun[0]} {whom[0]} in {municipality}{age}",
            "title_fr": f"{noun[1]} {whom[1]} à {municipality}{age}",
            "title_en": f"{noun[2]} {whom[2]} in {municipality}{age}",
            "summary_nl": f"{when[0]}: {noun[0].lower()} {whom[0]}, georganiseerd door {name}.",
            "summary_fr": f"{when[1]} : {noun[1].lower()} {whom[1]}, organisé par {name}.",
            "summary_en": f"{when[2]}: {noun[2].lower()} {whom[2]}, run by {name}.",
            "description_nl": f"Gegenereerde activiteit om te testen. {noun[0]} {whom[0]} in {municipality}.",
            "description_fr": f"Activité générée pour les tests. {noun[1]} {whom[1]} à {municipality}.",
            "description_en": f"Generated activity for testing. {noun[2]} {whom[2]} in {municipality}.",
        }

    def _price(self, kind):
        rng = self.rng
        draw = rng.random()
        if draw < 0.55:
            return {"price_unit": PriceUnit.FREE}
        if kind == ScheduleKind.CAMP:
            unit, amount = PriceUnit.ACTIVITY, rng.choice([30, 40, 60, 90, 120])
        elif draw < 0.7:
            unit, amount = PriceUnit.SESSION, rng.choice([2, 3, 5, 8])
        elif draw < 0.85:
            unit, amount = PriceUnit.TERM, rng.choice([20, 40, 60])
        else:
            unit, amount = PriceUnit.YEAR, rng.choice([10, 15, 30, 60, 90])
        fields = {"price_unit": unit, "price": Decimal(amount)}
        if rng.random() < 0.5:
            fields["reduced_price"] = (Decimal(amount) / 4).quantize(Decimal("0.01"))
            fields["reduced_schemes"] = rng.sample(SCHEMES, rng.randint(1, 2))
        return fields

    def build_activities(self, count, organisations, venues):
        rng = self.rng
        self.holiday_periods = self._holiday_periods()
        theme_weights = [
            3 if theme.slug in ("homework", "sport", "parent-meetings") else 1 for theme in self.themes
        ]
        extra_languages = [code for code in self.languages if code not in ("nl", "fr")]
        made, theme_links, language_links, cancellations = [], [], [], []
        for _index in range(count):
            organisation_index = rng.randrange(len(organisations))
            organisation = organisations[organisation_index]
            online = rng.random() < 0.03
            venue = None if online else rng.choice(venues[organisation_index])
            pillar = rng.choices(Pillar.values, weights=[6, 2, 2])[0]
            themes = rng.choices(self.themes, weights=theme_weights, k=rng.randint(1, 3))
            themes = list(dict.fromkeys(themes))
            if pillar == Pillar.PARENT_SUPPORT:
                audience, ages = "parents", (None, None)
            else:
                low = rng.choice([3, 6, 6, 8, 8, 10, 12, 12, 14])
                ages = (low, min(low + rng.randint(2, 6), 99)) if rng.random() < 0.9 else (None, None)
                audience = "youths" if low >= 12 else "children"
            kind, start, end, weekdays = self._schedule()
            system = rng.choice(SchoolSystem.values)
            skip = kind == ScheduleKind.WEEKLY and rng.random() < 0.5
            last, mask, upcoming = self._derived(
                kind, start, end, weekdays, self.holidays[system] if skip else (), self.today
            )
            registration = rng.random() < 0.4 and audience != "parents"
            join = (
                JoinMode.REGISTRATION
                if registration
                else rng.choice([JoinMode.DROP_IN] * 3 + [JoinMode.CONTACT])
            )
            time_slot = rng.choice(TIMES)
            live = rng.random() < 0.97
            low, high = ages
            activity = Activity(
                organisation=organisation,
                venue=venue,
                is_online=online,
                original_language=rng.choice(("nl", "nl", "fr", "en")),
                pillar=pillar,
                for_children=audience == "children",
                for_youths=audience == "youths" or (high is not None and high >= 12),
                for_parents=audience == "parents",
                for_families=audience == "parents" and rng.random() < 0.3,
                min_age=low,
                max_age=high,
                preschool=low is not None and low < 6,
                primary=low is not None and low <= 12 and high >= 6,
                secondary=high is not None and high >= 12,
                school_system=system,
                schedule_kind=kind,
                start_date=start,
                end_date=end,
                weekdays=weekdays,
                start_time=_time(time_slot[0]),
                end_time=_time(time_slot[1]),
                skip_school_holidays=skip,
                last_session_date=last,
                session_weekdays=mask,
                join_mode=join,
                capacity=rng.choice([8, 10, 12, 15, 20, 25, 30, 40]) if registration else None,
                contact_phone=organisation.phone,
                cancelled=rng.random() < 0.01,
                live=live,
                first_published_at=self.now if live else None,
                last_published_at=self.now if live else None,
                **self._price(kind),
                **self._texts(
                    themes[0],
                    audience,
                    venue.municipality if venue else "online",
                    organisation,
                    kind,
                    weekdays,
                    start,
                    ages,
                ),
            )
            made.append(activity)
            theme_links.append(themes)
            languages = [self.languages[rng.choice(("nl", "fr"))]]
            if rng.random() < 0.5:
                languages.append(self.languages["fr" if languages[0].code == "nl" else "nl"])
            if extra_languages and rng.random() < 0.4:
                languages.append(self.languages[rng.choice(extra_languages)])
            language_links.append(languages)
            if kind == ScheduleKind.WEEKLY and len(upcoming) == 3 and rng.random() < 0.05:
                cancellations.append((len(made) - 1, upcoming[1]))
        return made, (theme_links, language_links, cancellations)

    def insert_activities(self, made, theme_links, language_links, cancellations):
        for batch in _batched(made):
            Activity.objects.bulk_create(batch)
        through = Activity.themes.through
        links = [
            through(activity_id=a.pk, theme_id=t.pk)
            for a, ts in zip(made, theme_links, strict=True)
            for t in ts
        ]
        for batch in _batched(links, 5000):
            through.objects.bulk_create(batch)
        through = Activity.spoken_languages.through
        links = [
            through(activity_id=a.pk, spokenlanguage_id=language.pk)
            for a, languages in zip(made, language_links, strict=True)
            for language in languages
        ]
        for batch in _batched(links, 5000):
            through.objects.bulk_create(batch)
        reason = demo.CANCELLATION_REASONS["training"]
        ActivityCancellation.objects.bulk_create(
            [
                ActivityCancellation(
                    activity_id=made[index].pk,
                    date=day,
                    sort_order=0,
                    reason_nl=reason[0],
                    reason_fr=reason[1],
                    reason_en=reason[2],
                )
                for index, day in cancellations
            ],
            batch_size=BATCH_SIZE,
        )

    # --- registrations -------------------------------------------------------------------------------
    def _spread_registrations(self, activities, count):
        """How many registrations each activity with registration gets, popular ones more, and
        how many of them are young people: [(activity index, young people, children)]."""
        rng = self.rng
        targets = [index for index, a in enumerate(activities) if a.join_mode == JoinMode.REGISTRATION]
        if not targets or not count:
            return []
        weights = [activities[index].capacity * rng.uniform(0.2, 1.8) for index in targets]
        demand = []
        for index, wanted in sorted(Counter(rng.choices(targets, weights=weights, k=count)).items()):
            activity = activities[index]
            if activity.for_youths and not activity.for_children:
                youths = wanted
            else:
                youths = int(wanted * 0.2) if activity.for_youths else 0
            demand.append((index, youths, wanted - youths))
        return demand

    def _plan_registrations(self, activities, demand, people):
        """Who registers where: the first to come get a place, later ones wait, a few cancelled.
        Sets confirmed_count."""
        rng = self.rng
        plan = []
        for index, wanted_youths, wanted_children in demand:
            activity = activities[index]
            chosen = rng.sample(people["youths"], wanted_youths) + rng.sample(
                people["children"], wanted_children
            )
            moments = sorted(
                self.now - datetime.timedelta(seconds=rng.randint(0, 60 * 86400)) for _ in chosen
            )
            confirmed = 0
            for (is_youth, person, registered_by), moment in zip(chosen, moments, strict=True):
                if rng.random() < 0.04:
                    status = RegistrationStatus.CANCELLED
                elif confirmed < activity.capacity:
                    status, confirmed = RegistrationStatus.CONFIRMED, confirmed + 1
                else:
                    status = RegistrationStatus.WAITING
                plan.append(
                    (
                        index,
                        None if is_youth else person,
                        person if is_youth else None,
                        registered_by,
                        status,
                        moment,
                    )
                )
            activity.confirmed_count = confirmed
        return plan

    def registrations(self, activities, plan):
        rows = [
            Registration(
                activity_id=activities[index].pk,
                child_id=child,
                participant_id=participant,
                registered_by_id=registered_by,
                status=status,
                created_at=moment,
                status_changed_at=moment,
            )
            for index, child, participant, registered_by, status, moment in plan
        ]
        for batch in _batched(rows, 5000):
            Registration.objects.bulk_create(batch)
        return Counter(row.status for row in rows)
