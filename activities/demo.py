"""Demo content for activities: themes, languages, school holidays, the finder page and the
offer of some twenty partners in Brussels, Mechelen and Leiden, in three languages.

The wording comes from the field: homework clubs, Wednesday-afternoon and Saturday classes,
parent cafés, a time-out project, holiday camps, SOL Leiden's summer programme. Dates are
relative to today, so the demo never ends: weekly activities run through the current school
year, camps take place next July, one-off sessions in the coming weeks.

Safe to run twice: everything is found by a stable key (a theme's slug, an organisation's
name, an activity's Dutch title within its organisation) and what exists is left alone.
"""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.demo import demo_user
from accounts.models import AccountType, ChildProfile, User, current_year
from organisations.models import Organisation, OrganisationKind, OrganisationStatus
from village.models import HomePage

from .models import (
    Activity,
    ActivityCancellation,
    ActivityIndexPage,
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
from .schedule import weekday_mask

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# slug, nl, fr, en (the field's taxonomy, in this order)
THEMES = [
    ("homework", "Huiswerk en studie", "Devoirs et étude", "Homework and study"),
    ("language", "Taal", "Langue", "Language"),
    (
        "stem-ict",
        "Wetenschap, techniek en ICT",
        "Sciences, technique et numérique",
        "Science, technology and ICT",
    ),
    ("music", "Muziek", "Musique", "Music"),
    ("arts-crafts", "Beeldende kunst en knutselen", "Arts plastiques et bricolage", "Arts and crafts"),
    ("theatre", "Theater", "Théâtre", "Theatre"),
    ("sport", "Sport en bewegen", "Sport et mouvement", "Sport and exercise"),
    ("games-play", "Spel en spelen", "Jeux et jeu libre", "Games and play"),
    ("nature", "Natuur", "Nature", "Nature"),
    (
        "world-neighbourhood",
        "De wereld en je buurt",
        "Le monde et ton quartier",
        "The world and your neighbourhood",
    ),
    (
        "wellbeing",
        "Welzijn en psychosociale steun",
        "Bien-être et soutien psychosocial",
        "Wellbeing and psychosocial support",
    ),
    (
        "orientation",
        "Oriëntatie en studiekeuze",
        "Orientation et choix d'études",
        "Orientation and study choice",
    ),
    ("parent-meetings", "Ontmoeting voor ouders", "Rencontres de parents", "Parent meetings"),
]

# code, nl, fr, en
SPOKEN_LANGUAGES = [
    ("nl", "Nederlands", "néerlandais", "Dutch"),
    ("fr", "Frans", "français", "French"),
    ("en", "Engels", "anglais", "English"),
    ("ar", "Arabisch", "arabe", "Arabic"),
    ("tr", "Turks", "turc", "Turkish"),
    ("ber", "Berbers (Tamazight)", "berbère (tamazight)", "Berber (Tamazight)"),
    ("ro", "Roemeens", "roumain", "Romanian"),
    ("pl", "Pools", "polonais", "Polish"),
    ("es", "Spaans", "espagnol", "Spanish"),
    ("so", "Somalisch", "somali", "Somali"),
]

FINDER = {
    "title": {"nl": "Activiteiten", "fr": "Activités", "en": "Activities"},
    "slug": {"nl": "activiteiten", "fr": "activites", "en": "activities"},
    "intro": {
        "nl": "Huiswerkklas, muziek, sport, natuur, een ouderkoffie of een vakantiekamp: zoek wat er in je buurt is, voor de leeftijd van je kind en in jouw taal. Veel is gratis of heeft een sociaal tarief.",
        "fr": "École de devoirs, musique, sport, nature, café des parents ou stage de vacances : cherchez ce qui existe près de chez vous, pour l'âge de votre enfant et dans votre langue. Beaucoup d'activités sont gratuites ou ont un tarif social.",
        "en": "Homework club, music, sport, nature, a parent café or a holiday camp: find what is near you, for your child's age and in your language. Much of it is free or has a social tariff.",
    },
}

# The field needs more partners than organisations.demo creates: name, kind, street,
# postcode, municipality, phone, description nl / fr / en. All approved.
EXTRA_ORGANISATIONS = [
    (
        "École de devoirs Les Marolles",
        OrganisationKind.HOMEWORK_SCHOOL,
        "Rue Haute 150",
        "1000",
        "Brussel",
        "+32 2 512 40 77",
        "Huiswerkschool in de Marollen voor kinderen van Franstalige lagere scholen, met spel, uitstappen en vakantiekampen.",
        "École de devoirs dans les Marolles pour les enfants des écoles primaires francophones, avec des jeux, des sorties et des stages.",
        "Homework school in the Marolles for children at French-language primary schools, with games, outings and holiday camps.",
    ),
    (
        "Muziekatelier Anneessens",
        OrganisationKind.CULTURE,
        "Anneessensplein 13",
        "1000",
        "Brussel",
        "+32 2 513 88 20",
        "Gratis orkestklassen en zangateliers voor kinderen en jongeren in het centrum van Brussel.",
        "Classes d'orchestre gratuites et ateliers de chant pour les enfants et les jeunes du centre de Bruxelles.",
        "Free orchestra classes and singing workshops for children and young people in the centre of Brussels.",
    ),
    (
        "Bibliotheek Sint-Gillis",
        OrganisationKind.LIBRARY,
        "Fortstraat 37",
        "1060",
        "Sint-Gillis",
        "+32 2 538 40 12",
        "Nederlandstalige bibliotheek met een huiswerkhoek en voorleesmomenten in veel talen.",
        "Bibliothèque néerlandophone avec un coin devoirs et des lectures en plusieurs langues.",
        "Dutch-language library with a homework corner and story times in many languages.",
    ),
    (
        "Sportclub Vorst Jeugd",
        OrganisationKind.SPORT,
        "Victor Rousseaulaan 75",
        "1190",
        "Vorst",
        "+32 2 332 15 60",
        "Voetbal en zaalvoetbal voor kinderen en jongeren, met een sociaal tarief voor wie het nodig heeft.",
        "Football et futsal pour les enfants et les jeunes, avec un tarif social pour ceux qui en ont besoin.",
        "Football and indoor football for children and young people, with a social tariff for those who need it.",
    ),
    (
        "Jeugdtheater Laken",
        OrganisationKind.CULTURE,
        "Bockstaelplein 10",
        "1020",
        "Laken",
        "+32 2 421 70 30",
        "Theaterworkshops en improvisatie voor kinderen en tieners in Laken.",
        "Ateliers de théâtre et d'improvisation pour les enfants et les ados à Laeken.",
        "Theatre and improv workshops for children and teenagers in Laeken.",
    ),
    (
        "Codeclub Sint-Joost",
        OrganisationKind.OTHER,
        "Gillonstraat 30",
        "1210",
        "Sint-Joost-ten-Node",
        "+32 2 217 45 90",
        "Vrijwilligers leren kinderen en jongeren programmeren, robots bouwen en digitaal creatief zijn.",
        "Des bénévoles apprennent aux enfants et aux jeunes à programmer, construire des robots et créer avec le numérique.",
        "Volunteers teach children and young people to code, build robots and be creative with technology.",
    ),
    (
        "Ouderpunt Evere",
        OrganisationKind.WELFARE,
        "Hoedemaekerssquare 10",
        "1140",
        "Evere",
        "+32 2 245 30 18",
        "Ontmoetingsplek voor ouders: ouderkoffie, gezinsklas en informatie over school en opvoeding.",
        "Lieu de rencontre pour les parents : café des parents, classe des familles et information sur l'école et l'éducation.",
        "A meeting place for parents: parent coffee, family class and information about school and parenting.",
    ),
    (
        "CLB Brussel – antenne Elsene",
        OrganisationKind.PUPIL_GUIDANCE,
        "Kroonlaan 120",
        "1050",
        "Elsene",
        "+32 2 640 20 11",
        "Centrum voor leerlingenbegeleiding: gratis en vertrouwelijke hulp bij studiekeuze, leren en welzijn.",
        "Centre d'accompagnement des élèves (CLB) : aide gratuite et confidentielle pour l'orientation, l'apprentissage et le bien-être.",
        "Pupil guidance centre: free and confidential help with study choice, learning and wellbeing.",
    ),
    (
        "Natuurwerkgroep Neerpede",
        OrganisationKind.OTHER,
        "Vogelenzangweg 2",
        "1070",
        "Anderlecht",
        "+32 2 521 09 44",
        "Natuurclub, gezinswandelingen en natuurkampen in het groene Neerpede.",
        "Club nature, balades en famille et stages nature dans le Neerpede verdoyant.",
        "Nature club, family walks and nature camps in green Neerpede.",
    ),
    (
        "Maison de quartier Brabant",
        OrganisationKind.WELFARE,
        "Rue de la Poste 111",
        "1030",
        "Schaarbeek",
        "+32 2 218 62 70",
        "Buurthuis in de Brabantwijk: ouderkoffie, praattafels en activiteiten voor gezinnen.",
        "Maison de quartier dans le quartier Brabant : café des parents, tables de conversation et activités pour les familles.",
        "Neighbourhood centre in the Brabant area: parent café, conversation tables and activities for families.",
    ),
    (
        "Buurtsport Mechelen",
        OrganisationKind.SPORT,
        "Nekkerspoel-Borcht 19",
        "2800",
        "Mechelen",
        "+32 15 29 79 10",
        "Gratis sport op pleinen en in sporthallen, en sportkampen in de vakanties.",
        "Sport gratuit sur les places et dans les salles, et des stages sportifs pendant les vacances.",
        "Free sport on squares and in sports halls, and sports camps in the holidays.",
    ),
]

# organisation, venue name, street, postcode, municipality, latitude, longitude,
# wheelchair accessible, directions nl / fr / en. The first venue of an organisation is
# where its activities happen unless an activity names another.
VENUES = [
    (
        "Huiswerkschool De Brug",
        "De Brug",
        "Dapperheidsplein 9",
        "1070",
        "Anderlecht",
        "50.836200",
        "4.319800",
        False,
        (
            "Tram 81, halte Dapperheid. Het lokaal is op de eerste verdieping, zonder lift.",
            "Tram 81, arrêt Résistance. Le local est au premier étage, sans ascenseur.",
            "Tram 81, Résistance stop. The room is on the first floor, no lift.",
        ),
    ),
    (
        "Huiswerkschool De Brug",
        "Zaal Clemenceau",
        "Clemenceaulaan 20",
        "1070",
        "Anderlecht",
        "50.838900",
        "4.329400",
        True,
        (
            "Metro 2 of 6, halte Clemenceau. Ingang gelijkvloers.",
            "Métro 2 ou 6, station Clemenceau. Entrée de plain-pied.",
            "Metro 2 or 6, Clemenceau station. Step-free entrance.",
        ),
    ),
    (
        "Jeugdhuis Peterbos",
        "Jeugdhuis Peterbos",
        "Peterbos 4",
        "1070",
        "Anderlecht",
        "50.835800",
        "4.289700",
        True,
        (
            "Bus 46, halte Peterbos. Het jeugdhuis is naast blok 4.",
            "Bus 46, arrêt Peterbos. La maison de jeunes est à côté du bloc 4.",
            "Bus 46, Peterbos stop. The youth centre is next to block 4.",
        ),
    ),
    (
        "AMO Zwarte Vijvers",
        "AMO Zwarte Vijvers",
        "Zwarte-Vijversstraat 48",
        "1080",
        "Sint-Jans-Molenbeek",
        "50.855800",
        "4.332200",
        False,
        (
            "Metro 1 of 5, halte Zwarte Vijvers. Bel aan bij de groene deur.",
            "Métro 1 ou 5, station Étangs Noirs. Sonnez à la porte verte.",
            "Metro 1 or 5, Étangs Noirs station. Ring at the green door.",
        ),
    ),
    (
        "Stadsbibliotheek Mechelen",
        "Bibliotheek Het Predikheren",
        "Goswin de Stassartstraat 17",
        "2800",
        "Mechelen",
        "51.029600",
        "4.476600",
        True,
        (
            "Tien minuten wandelen van de Grote Markt. Lift naar alle verdiepingen.",
            "À dix minutes à pied de la Grand-Place. Ascenseur vers tous les étages.",
            "Ten minutes' walk from the Grote Markt. Lift to every floor.",
        ),
    ),
    (
        "Stadsbibliotheek Mechelen",
        "Filiaal Nekkerspoel",
        "Nekkerspoelstraat 365",
        "2800",
        "Mechelen",
        "51.031000",
        "4.492000",
        True,
        (
            "Naast station Mechelen-Nekkerspoel.",
            "À côté de la gare de Malines-Nekkerspoel.",
            "Next to Mechelen-Nekkerspoel station.",
        ),
    ),
    (
        "SOL Leiden",
        "Brede School Leiden Noord",
        "Rooseveltstraat 2",
        "2321 BM",
        "Leiden",
        "52.170500",
        "4.485500",
        True,
        (
            "Bus 3 of 4, halte Rooseveltstraat.",
            "Bus 3 ou 4, arrêt Rooseveltstraat.",
            "Bus 3 or 4, Rooseveltstraat stop.",
        ),
    ),
    (
        "SOL Leiden",
        "Brede School Merenwijk",
        "Gooimeer 2",
        "2333 AV",
        "Leiden",
        "52.179000",
        "4.501000",
        True,
        (
            "Ingang aan de kant van het speelplein.",
            "Entrée du côté de la plaine de jeux.",
            "Entrance on the playground side.",
        ),
    ),
    (
        "SOL Leiden",
        "Leidse Hout, bij de kinderboerderij",
        "Houtlaan 2",
        "2334 CK",
        "Leiden",
        "52.171500",
        "4.473500",
        False,
        (
            "We verzamelen bij de ingang van de kinderboerderij.",
            "Rendez-vous à l'entrée de la ferme pour enfants.",
            "We meet at the entrance of the children's farm.",
        ),
    ),
    (
        "École de devoirs Les Marolles",
        "Les Marolles",
        "Rue Haute 150",
        "1000",
        "Brussel",
        "50.838500",
        "4.347000",
        False,
        (
            "Bus 27 of 48, halte Vossenplein.",
            "Bus 27 ou 48, arrêt Jeu de Balle.",
            "Bus 27 or 48, Jeu de Balle stop.",
        ),
    ),
    (
        "Muziekatelier Anneessens",
        "Muziekatelier Anneessens",
        "Anneessensplein 13",
        "1000",
        "Brussel",
        "50.845900",
        "4.344600",
        True,
        (
            "Premetro 3 of 4, halte Anneessens.",
            "Prémétro 3 ou 4, station Anneessens.",
            "Premetro 3 or 4, Anneessens station.",
        ),
    ),
    (
        "Bibliotheek Sint-Gillis",
        "Bibliotheek Sint-Gillis",
        "Fortstraat 37",
        "1060",
        "Sint-Gillis",
        "50.829000",
        "4.343000",
        True,
        (
            "Tram 81 of 97, halte Voorplein van Sint-Gillis.",
            "Tram 81 ou 97, arrêt Parvis de Saint-Gilles.",
            "Tram 81 or 97, Parvis de Saint-Gilles stop.",
        ),
    ),
    (
        "Sportclub Vorst Jeugd",
        "Sporthal Bempt",
        "Victor Rousseaulaan 75",
        "1190",
        "Vorst",
        "50.810500",
        "4.316500",
        True,
        ("Tram 82 of 97, halte Bempt.", "Tram 82 ou 97, arrêt Bempt.", "Tram 82 or 97, Bempt stop."),
    ),
    (
        "Jeugdtheater Laken",
        "Jeugdtheater Laken",
        "Bockstaelplein 10",
        "1020",
        "Laken",
        "50.878000",
        "4.348500",
        False,
        (
            "Metro 6, halte Bockstael. De zaal is op de eerste verdieping.",
            "Métro 6, station Bockstael. La salle est au premier étage.",
            "Metro 6, Bockstael station. The hall is on the first floor.",
        ),
    ),
    (
        "Codeclub Sint-Joost",
        "Codeclub Sint-Joost",
        "Gillonstraat 30",
        "1210",
        "Sint-Joost-ten-Node",
        "50.853600",
        "4.372000",
        True,
        (
            "Metro 2 of 6, halte Madou of Botanique.",
            "Métro 2 ou 6, station Madou ou Botanique.",
            "Metro 2 or 6, Madou or Botanique station.",
        ),
    ),
    (
        "Ouderpunt Evere",
        "Ouderpunt Evere",
        "Hoedemaekerssquare 10",
        "1140",
        "Evere",
        "50.868600",
        "4.402900",
        True,
        ("Tram 55, halte Hoedemaekers.", "Tram 55, arrêt Hoedemaekers.", "Tram 55, Hoedemaekers stop."),
    ),
    (
        "CLB Brussel – antenne Elsene",
        "CLB Elsene",
        "Kroonlaan 120",
        "1050",
        "Elsene",
        "50.828000",
        "4.380000",
        True,
        (
            "Tram 25, halte Kroon. Het CLB is op het gelijkvloers.",
            "Tram 25, arrêt Couronne. Le centre est au rez-de-chaussée.",
            "Tram 25, Couronne stop. The centre is on the ground floor.",
        ),
    ),
    (
        "Natuurwerkgroep Neerpede",
        "Vertrekpunt Vogelenzang",
        "Vogelenzangweg 2",
        "1070",
        "Anderlecht",
        "50.820500",
        "4.264000",
        False,
        (
            "Tien minuten wandelen van metrohalte Erasmus. Veldwegen, niet geschikt voor rolstoelen.",
            "À dix minutes à pied de la station de métro Érasme. Chemins de campagne, pas adaptés aux fauteuils roulants.",
            "Ten minutes' walk from Erasme metro station. Field paths, not suitable for wheelchairs.",
        ),
    ),
    (
        "Maison de quartier Brabant",
        "Maison de quartier Brabant",
        "Rue de la Poste 111",
        "1030",
        "Schaarbeek",
        "50.862000",
        "4.364000",
        True,
        ("Tram 25 of 55, halte Brabant.", "Tram 25 ou 55, arrêt Brabant.", "Tram 25 or 55, Brabant stop."),
    ),
    (
        "Buurtsport Mechelen",
        "Sportpark De Nekker",
        "Nekkerspoel-Borcht 19",
        "2800",
        "Mechelen",
        "51.034000",
        "4.501000",
        True,
        (
            "Bus 1, halte Nekker. Fietsenstalling aan de ingang.",
            "Bus 1, arrêt Nekker. Parking vélos à l'entrée.",
            "Bus 1, Nekker stop. Bike parking at the entrance.",
        ),
    ),
]

# e-mail, display name, preferred language, children (first name, age). With the demo
# parent's Yasmine and Adam and the demo youth Jonas, they fill places and waiting lists.
EXTRA_PARENTS = [
    ("parent2@example.org", "Fatima", "fr", [("Amina", 8), ("Bilal", 11)]),
    ("parent3@example.org", "Mehmet", "nl", [("Elif", 10), ("Emre", 13)]),
    ("parent4@example.org", "Ioana", "en", [("Andrei", 9), ("Maria", 12)]),
    ("parent5@example.org", "Nadia", "fr", [("Sami", 11), ("Lina", 14)]),
    ("parent6@example.org", "Sofie", "nl", [("Lucas", 10), ("Noor", 12)]),
    ("parent7@example.org", "Hamza", "fr", [("Rayan", 12), ("Ines", 9)]),
    ("parent8@example.org", "Agnieszka", "en", [("Kuba", 11), ("Zofia", 13)]),
]
DEMO_YOUTH = "youth@example.org"
YOUTH = "Jonas"  # the demo youth, in the lists of participants below

CANCELLATION_REASONS = {
    "study_day": (
        "Pedagogische studiedag van de school",
        "Journée pédagogique de l'école",
        "School staff training day",
    ),
    "training": ("Begeleiders op vorming", "Animateurs en formation", "Staff in training"),
    "closed": ("Bibliotheek gesloten", "Bibliothèque fermée", "Library closed"),
    "hall": ("Sporthal niet beschikbaar", "Salle de sport pas disponible", "Sports hall not available"),
}


# --- schedules, resolved against today's date -------------------------------------------------
def weekly(days, start, end, skip_holidays=True):
    """Every week on these days through the current school year."""
    return {"kind": "weekly", "days": days, "times": (start, end), "skip": skip_holidays}


def series(days, start, end, in_weeks, weeks):
    """A run of weekly sessions that starts in a few weeks (a workshop, a course)."""
    return {"kind": "series", "days": days, "times": (start, end), "in_weeks": in_weeks, "weeks": weeks}


def once(in_days, weekday, start, end):
    """One date: the first given weekday at least in_days from today."""
    return {"kind": "once", "in_days": in_days, "weekday": weekday, "times": (start, end)}


def july_camp(week, start, end):
    """Monday to Friday of the given week of next July."""
    return {"kind": "july_camp", "week": week, "times": (start, end)}


def winter_camp(start, end):
    """Monday to Thursday of the second week of the coming winter holidays."""
    return {"kind": "winter_camp", "times": (start, end)}


def school_year_of(today):
    """The first calendar year of the school year the demo shows. From July on, that is the
    coming school year, so that weekly activities never end in the summer."""
    return today.year if today.month >= 7 else today.year - 1


def _monday(day):
    return day - datetime.timedelta(days=day.weekday())


def _on_or_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _resolve(spec, today):
    start_time, end_time = (datetime.time.fromisoformat(value) for value in spec["times"])
    fields = {"start_time": start_time, "end_time": end_time, "weekdays": 0, "end_date": None}
    year = school_year_of(today)
    kind = spec["kind"]
    if kind == "weekly":
        fields.update(
            schedule_kind=ScheduleKind.WEEKLY,
            start_date=datetime.date(year, 9, 1),
            end_date=datetime.date(year + 1, 6, 30),
            weekdays=weekday_mask(spec["days"]),
            skip_school_holidays=spec["skip"],
        )
    elif kind == "series":
        first = _on_or_after(today + datetime.timedelta(weeks=spec["in_weeks"]), min(spec["days"]))
        fields.update(
            schedule_kind=ScheduleKind.WEEKLY,
            start_date=first,
            end_date=first + datetime.timedelta(weeks=spec["weeks"] - 1, days=6),
            weekdays=weekday_mask(spec["days"]),
            skip_school_holidays=True,
        )
    elif kind == "once":
        fields.update(
            schedule_kind=ScheduleKind.ONE_OFF,
            start_date=_on_or_after(today + datetime.timedelta(days=spec["in_days"]), spec["weekday"]),
        )
    elif kind == "july_camp":
        first_monday = _on_or_after(datetime.date(year + 1, 7, 1), MON)
        first = first_monday + datetime.timedelta(weeks=spec["week"] - 1)
        fields.update(
            schedule_kind=ScheduleKind.CAMP, start_date=first, end_date=first + datetime.timedelta(days=4)
        )
    elif kind == "winter_camp":
        holidays_start, _end = christmas_break(today.year)
        if holidays_start + datetime.timedelta(days=7) < today:
            holidays_start, _end = christmas_break(today.year + 1)
        first = holidays_start + datetime.timedelta(days=7)
        fields.update(
            schedule_kind=ScheduleKind.CAMP, start_date=first, end_date=first + datetime.timedelta(days=3)
        )
    else:
        raise ValueError(kind)
    return fields


# --- school holidays ------------------------------------------------------------------------------
def easter(year):
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def christmas_break(year):
    """Two weeks from the Monday of Christmas week, or the Monday after a weekend Christmas
    (the rule of both communities)."""
    christmas = datetime.date(year, 12, 25)
    start = _monday(christmas) if christmas.weekday() < SAT else _on_or_after(christmas, MON)
    return start, start + datetime.timedelta(days=13)


def flemish_holidays(year):
    """The Flemish community's holidays of school year year–year+1, by its rules."""
    day = datetime.timedelta(days=1)
    all_saints = datetime.date(year, 11, 1)
    autumn = _monday(all_saints) if all_saints.weekday() != SUN else all_saints + day
    easter_day = easter(year + 1)
    if easter_day.month == 3:
        spring = easter_day + day
    elif easter_day.day > 15:
        spring = easter_day - 13 * day
    else:
        spring = _on_or_after(datetime.date(year + 1, 4, 1), MON)
    carnival = easter_day - 48 * day
    return [
        ("autumn", autumn, autumn + 6 * day),
        ("christmas", *christmas_break(year)),
        ("carnival", carnival, carnival + 6 * day),
        ("spring", spring, max(spring + 13 * day, easter_day + day)),
        ("summer", datetime.date(year + 1, 7, 1), datetime.date(year + 1, 8, 31)),
    ]


def french_community_holidays(year):
    """The French-speaking community's holidays since the 2022 reform: two weeks at All
    Saints', Christmas, carnival (seven weeks after the January restart) and spring (the
    week of 1 May and the next), summer from the first Saturday of July to the Sunday before
    the last Monday of August. The community publishes the exact dates each year."""
    day = datetime.timedelta(days=1)
    autumn = _monday(datetime.date(year, 11, 1)) - 7 * day
    christmas_start, christmas_end = christmas_break(year)
    carnival = christmas_end + day + 7 * 7 * day
    spring = _monday(datetime.date(year + 1, 5, 1))
    summer = _on_or_after(datetime.date(year + 1, 7, 1), FRI) + day
    next_start = _monday(datetime.date(year + 1, 8, 31))
    return [
        ("autumn", autumn, autumn + 13 * day),
        ("christmas", christmas_start, christmas_end),
        ("carnival", carnival, carnival + 13 * day),
        ("spring", spring, spring + 13 * day),
        ("summer", summer, next_start - day),
    ]


HOLIDAY_NAMES = {
    SchoolSystem.DUTCH: {
        "autumn": (
            "Herfstvakantie",
            "Vacances d'automne (enseignement néerlandophone)",
            "Autumn break (Dutch-language schools)",
        ),
        "christmas": (
            "Kerstvakantie",
            "Vacances de Noël (enseignement néerlandophone)",
            "Christmas holidays (Dutch-language schools)",
        ),
        "carnival": (
            "Krokusvakantie",
            "Congé de carnaval (enseignement néerlandophone)",
            "Carnival break (Dutch-language schools)",
        ),
        "spring": (
            "Paasvakantie",
            "Vacances de Pâques (enseignement néerlandophone)",
            "Easter holidays (Dutch-language schools)",
        ),
        "summer": (
            "Zomervakantie",
            "Vacances d'été (enseignement néerlandophone)",
            "Summer holidays (Dutch-language schools)",
        ),
    },
    SchoolSystem.FRENCH: {
        "autumn": (
            "Herfstvakantie (Franstalig onderwijs)",
            "Congé d'automne (Toussaint)",
            "Autumn break (French-language schools)",
        ),
        "christmas": (
            "Wintervakantie (Franstalig onderwijs)",
            "Vacances d'hiver",
            "Winter holidays (French-language schools)",
        ),
        "carnival": (
            "Krokusvakantie (Franstalig onderwijs)",
            "Congé de détente (carnaval)",
            "Carnival break (French-language schools)",
        ),
        "spring": (
            "Lentevakantie (Franstalig onderwijs)",
            "Vacances de printemps",
            "Spring holidays (French-language schools)",
        ),
        "summer": (
            "Zomervakantie (Franstalig onderwijs)",
            "Vacances d'été",
            "Summer holidays (French-language schools)",
        ),
    },
}


def _load_holidays(today):
    created = 0
    year = school_year_of(today)
    for school_year in (year, year + 1):
        for system, periods in (
            (SchoolSystem.DUTCH, flemish_holidays(school_year)),
            (SchoolSystem.FRENCH, french_community_holidays(school_year)),
        ):
            for key, start, end in periods:
                nl, fr, en = HOLIDAY_NAMES[system][key]
                _holiday, was_created = SchoolHoliday.objects.get_or_create(
                    school_system=system,
                    start_date=start,
                    defaults={"end_date": end, "name_nl": nl, "name_fr": fr, "name_en": en},
                )
                created += was_created
    return created


# --- the offer ------------------------------------------------------------------------------------
def activity(organisation, title, summary, description, **options):
    """One demo activity: texts as (nl, fr, en) and the options below, with plain defaults."""
    spec = {
        "organisation": organisation,
        "title": title,
        "summary": summary,
        "description": description,
        "pillar": Pillar.EXTENDED_LEARNING,
        "themes": [],
        "audience": ["children"],
        "ages": (None, None),
        "levels": [],
        "system": SchoolSystem.NOT_APPLICABLE,
        "price": None,  # free, or (unit, price, reduced price, schemes)
        "join": JoinMode.DROP_IN,
        "capacity": None,
        "languages": ["nl"],
        "interpreter": False,
        "venue": None,  # the organisation's first venue
        "online": False,
        "email": "",
        "cancelled": False,
        "live": True,
        "written_in": "nl",
        "cancel": [],  # (index of an upcoming session, reason key)
        "confirmed": [],  # children's first names, or YOUTH
        "waiting": [],
    }
    unknown = set(options) - set(spec) - {"when"}
    if unknown:
        raise TypeError(f"unknown options: {unknown}")
    spec.update(options)
    return spec


DE_BRUG = "Huiswerkschool De Brug"
PETERBOS = "Jeugdhuis Peterbos"
AMO = "AMO Zwarte Vijvers"
BIB_MECHELEN = "Stadsbibliotheek Mechelen"
SOL = "SOL Leiden"
MAROLLES = "École de devoirs Les Marolles"
ANNEESSENS = "Muziekatelier Anneessens"
BIB_SINT_GILLIS = "Bibliotheek Sint-Gillis"
VORST = "Sportclub Vorst Jeugd"
LAKEN = "Jeugdtheater Laken"
CODECLUB = "Codeclub Sint-Joost"
EVERE = "Ouderpunt Evere"
CLB = "CLB Brussel – antenne Elsene"
NEERPEDE = "Natuurwerkgroep Neerpede"
BRABANT = "Maison de quartier Brabant"
BUURTSPORT = "Buurtsport Mechelen"

SESSION, TERM, YEAR, WHOLE = PriceUnit.SESSION, PriceUnit.TERM, PriceUnit.YEAR, PriceUnit.ACTIVITY
REGISTRATION, CONTACT = JoinMode.REGISTRATION, JoinMode.CONTACT
WELLBEING, PARENT_SUPPORT = Pillar.WELLBEING, Pillar.PARENT_SUPPORT
NL, FR, BOTH = SchoolSystem.DUTCH, SchoolSystem.FRENCH, SchoolSystem.BOTH

ACTIVITIES = [
    # --- Huiswerkschool De Brug (the demo partner's organisation) ---------------------------
    activity(
        DE_BRUG,
        (
            "Huiswerkklas voor de lagere school",
            "École de devoirs pour le primaire",
            "Homework club for primary school",
        ),
        (
            "Drie keer per week samen huiswerk maken in kleine groepen, met een vaste begeleider. Met een vieruurtje.",
            "Trois fois par semaine, faire ses devoirs en petit groupe avec un accompagnateur fixe. Avec un goûter.",
            "Three times a week, do homework in small groups with the same helper each time. A snack is included.",
        ),
        (
            "Op maandag, dinsdag en donderdag na school maken kinderen van het eerste tot het zesde leerjaar hun huiswerk bij ons. Een vaste begeleider helpt met lezen, rekenen en plannen. Breng je boekentas en je agenda mee. Wie klaar is, leest of speelt een gezelschapsspel. Ouders zijn altijd welkom voor een babbel bij het ophalen.",
            "Le lundi, le mardi et le jeudi après l'école, les enfants de la 1re à la 6e primaire font leurs devoirs chez nous. Un accompagnateur fixe aide pour la lecture, le calcul et l'organisation. Apporte ton cartable et ton journal de classe. Quand tu as fini, tu lis ou tu joues à un jeu de société. Les parents sont toujours les bienvenus pour discuter en venant chercher leur enfant.",
            "On Monday, Tuesday and Thursday after school, children from year 1 to year 6 do their homework with us. The same helper supports reading, maths and planning. Bring your school bag and your school diary. When you are done, you read or play a board game. Parents are always welcome for a chat at pick-up time.",
        ),
        themes=["homework"],
        ages=(6, 12),
        levels=["primary"],
        system=NL,
        when=weekly([MON, TUE, THU], "15:30", "17:30"),
        join=REGISTRATION,
        capacity=20,
        languages=["nl", "fr", "ar"],
        email="huiswerk@debrug.example.org",
        cancel=[(1, "study_day")],
        confirmed=["Yasmine", "Amina", "Ines", "Andrei"],
    ),
    activity(
        DE_BRUG,
        (
            "Studiebegeleiding voor het secundair",
            "Soutien scolaire pour le secondaire",
            "Study support for secondary school",
        ),
        (
            "Leren studeren, plannen voor toetsen en hulp bij wiskunde en Frans. Op maandag en donderdag, in groepjes van vier.",
            "Apprendre à étudier, planifier les contrôles et de l'aide en maths et en français. Le lundi et le jeudi, en groupes de quatre.",
            "Learn how to study, plan for tests and get help with maths and French. On Monday and Thursday, in groups of four.",
        ),
        (
            "Voor leerlingen van het eerste tot het vierde jaar secundair. Je werkt aan je eigen taken en toetsen, met een student als coach. We oefenen ook hoe je een planning maakt en hoe je een les samenvat. Een trimester kost 40 euro; met een sociaal tarief betaal je 10 euro. Niemand blijft weg omdat het te duur is: vraag het ons gerust.",
            "Pour les élèves de la 1re à la 4e secondaire. Tu travailles sur tes propres devoirs et contrôles, avec un étudiant comme coach. On s'entraîne aussi à faire un planning et à résumer une leçon. Un trimestre coûte 40 euros ; avec le tarif social, tu paies 10 euros. Personne ne doit rester à la maison parce que c'est trop cher : n'hésite pas à nous en parler.",
            "For students in years 1 to 4 of secondary school. You work on your own assignments and tests, with a university student as your coach. We also practise making a study plan and summarising a lesson. A term costs 40 euros; with the social tariff you pay 10 euros. Nobody should stay away because it costs too much: just ask us.",
        ),
        themes=["homework"],
        audience=["youths"],
        ages=(12, 16),
        levels=["secondary"],
        system=NL,
        when=weekly([MON, THU], "16:00", "18:00"),
        price=(TERM, "40", "10", ["social_tariff"]),
        join=REGISTRATION,
        capacity=12,
        languages=["nl", "fr", "en"],
        confirmed=["Adam", "Jonas", "Lina", "Zofia", "Emre"],
    ),
    activity(
        DE_BRUG,
        (
            "Woensdagnamiddag: lezen en spelen",
            "Mercredi après-midi : lire et jouer",
            "Wednesday afternoon: reading and games",
        ),
        (
            "Op woensdagnamiddag lezen we samen voor, spelen we taalspelletjes en gaan we naar de bibliotheek. Gewoon binnenlopen.",
            "Le mercredi après-midi, on lit ensemble des histoires, on joue à des jeux de langue et on va à la bibliothèque. Entrée libre.",
            "On Wednesday afternoons we read stories together, play word games and visit the library. Just drop in.",
        ),
        (
            "Voor kinderen van 6 tot 10 jaar die meer Nederlands willen horen en spreken, op een leuke manier. We lezen prentenboeken, spelen memory en kwartet, en één keer per maand gaan we samen naar de bibliotheek van Kuregem. Je hoeft niet in te schrijven.",
            "Pour les enfants de 6 à 10 ans qui veulent entendre et parler plus de néerlandais, de façon ludique. On lit des albums, on joue au memory et au jeu des familles, et une fois par mois on va ensemble à la bibliothèque de Cureghem. Pas besoin de s'inscrire.",
            "For children aged 6 to 10 who want to hear and speak more Dutch in a fun way. We read picture books, play memory and card games, and once a month we go to the Kuregem library together. No need to register.",
        ),
        themes=["language", "games-play"],
        ages=(6, 10),
        levels=["primary"],
        system=NL,
        when=weekly([WED], "13:30", "16:00"),
        languages=["nl", "fr", "ar"],
        venue="Zaal Clemenceau",
    ),
    activity(
        DE_BRUG,
        ("Ouderkoffie bij De Brug", "Café des parents à De Brug", "Parent café at De Brug"),
        (
            "Elke vrijdagochtend na het brengen naar school: koffie, thee en een babbel over school, huiswerk en opvoeding.",
            "Chaque vendredi matin après avoir déposé les enfants : café, thé et discussion sur l'école, les devoirs et l'éducation.",
            "Every Friday morning after the school run: coffee, tea and a chat about school, homework and raising children.",
        ),
        (
            "Je hoeft geen Nederlands te kennen: we praten ook Frans, Arabisch en Tamazight, en we helpen elkaar vertalen. Soms komt er een gast, bijvoorbeeld iemand van het CLB of van de school. Je stelt vragen over brieven van de school, de agenda of Smartschool. Jonge kinderen mogen mee.",
            "Pas besoin de parler néerlandais : on parle aussi français, arabe et tamazight, et on s'aide à traduire. Parfois, un invité vient, par exemple quelqu'un du CLB ou de l'école. Vous pouvez poser vos questions sur les lettres de l'école, le journal de classe ou Smartschool. Les petits enfants sont les bienvenus.",
            "You don't need to speak Dutch: we also speak French, Arabic and Tamazight, and we help each other translate. Sometimes a guest joins, for example someone from the pupil guidance centre or the school. Ask your questions about letters from school, the school diary or Smartschool. Young children are welcome too.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings"],
        audience=["parents"],
        system=NL,
        when=weekly([FRI], "08:45", "10:00"),
        languages=["nl", "fr", "ar", "ber"],
        interpreter=True,
    ),
    activity(
        DE_BRUG,
        ("Zaterdagklas rekenen", "Classe du samedi : calcul", "Saturday class: maths"),
        (
            "Op zaterdagochtend rekenen oefenen met spelletjes en uitdagingen, voor het vijfde en zesde leerjaar.",
            "Le samedi matin, s'entraîner au calcul avec des jeux et des défis, pour la 5e et la 6e primaire.",
            "On Saturday mornings, practise maths with games and challenges, for years 5 and 6.",
        ),
        (
            "We werken in kleine groepen aan breuken, procenten en vraagstukken. Elke les eindigt met een rekenspel. Dit aanbod is nog in voorbereiding.",
            "On travaille en petits groupes sur les fractions, les pourcentages et les problèmes. Chaque cours se termine par un jeu de calcul. Cette offre est encore en préparation.",
            "We work in small groups on fractions, percentages and word problems. Every class ends with a maths game. This offer is still being prepared.",
        ),
        themes=["homework", "stem-ict"],
        ages=(10, 12),
        levels=["primary"],
        system=NL,
        when=series([SAT], "10:00", "12:00", in_weeks=4, weeks=12),
        join=REGISTRATION,
        capacity=15,
        languages=["nl", "fr"],
        live=False,
    ),
    # --- Jeugdhuis Peterbos ---------------------------------------------------------------------
    activity(
        PETERBOS,
        ("Muziekstudio: rap en beats", "Studio de musique : rap et beats", "Music studio: rap and beats"),
        (
            "Schrijf je eigen tekst, maak een beat en neem op in onze studio. Elke woensdag, gewoon binnenlopen.",
            "Écris ton propre texte, crée un beat et enregistre dans notre studio. Chaque mercredi, entrée libre.",
            "Write your own lyrics, make a beat and record in our studio. Every Wednesday, just drop in.",
        ),
        (
            "Twee muzikanten uit de wijk leren je werken met een microfoon, een laptop en een keyboard. Je schrijft over wat jij belangrijk vindt. Aan het einde van het schooljaar is er een optreden in het jeugdhuis. Je hebt geen ervaring nodig.",
            "Deux musiciens du quartier t'apprennent à utiliser un micro, un ordinateur portable et un clavier. Tu écris sur ce qui compte pour toi. À la fin de l'année scolaire, il y a un concert à la maison de jeunes. Pas besoin d'expérience.",
            "Two musicians from the neighbourhood show you how to use a microphone, a laptop and a keyboard. You write about what matters to you. At the end of the school year there is a show at the youth centre. No experience needed.",
        ),
        themes=["music"],
        audience=["youths"],
        ages=(12, 18),
        levels=["secondary"],
        system=BOTH,
        when=weekly([WED], "14:00", "17:00", skip_holidays=False),
        languages=["nl", "fr", "ar"],
    ),
    activity(
        PETERBOS,
        ("Minivoetbal op het pleintje", "Mini-foot sur la placette", "Mini football on the square"),
        (
            "Elke vrijdag na school voetballen op het pleintje van Peterbos, met jeugdwerkers. Meisjes en jongens welkom.",
            "Chaque vendredi après l'école, foot sur la placette du Peterbos, avec des animateurs. Filles et garçons bienvenus.",
            "Every Friday after school, football on the Peterbos square with youth workers. Girls and boys welcome.",
        ),
        (
            "We spelen korte wedstrijden in gemengde ploegen. Fair play is de belangrijkste regel. Draag sportschoenen en breng een drinkbus mee. Bij regen gaan we naar de sporthal naast de school.",
            "On joue de courts matchs en équipes mixtes. Le fair-play est la règle la plus importante. Mets des baskets et apporte une gourde. S'il pleut, on va dans la salle de sport à côté de l'école.",
            "We play short matches in mixed teams. Fair play is the most important rule. Wear trainers and bring a water bottle. When it rains, we move to the sports hall next to the school.",
        ),
        themes=["sport"],
        audience=["children", "youths"],
        ages=(10, 16),
        levels=["primary", "secondary"],
        system=BOTH,
        when=weekly([FRI], "16:30", "18:30", skip_holidays=False),
        languages=["nl", "fr", "ar"],
        cancel=[(1, "training")],
    ),
    activity(
        PETERBOS,
        ("Theaterworkshop: Mijn stem", "Atelier théâtre : Ma voix", "Theatre workshop: My voice"),
        (
            "Tien zaterdagen theater maken over je eigen verhaal, met een echte regisseur. Met een voorstelling voor familie en vrienden.",
            "Dix samedis pour créer du théâtre sur ta propre histoire, avec un vrai metteur en scène. Avec un spectacle pour la famille et les amis.",
            "Ten Saturdays of making theatre about your own story, with a real director. With a show for family and friends.",
        ),
        (
            "Je leert spreken voor een groep, improviseren en samenwerken. Samen maken we een korte voorstelling over de wijk en over jullie dromen. Je speelt in je eigen taal, in het Nederlands of in het Frans: alles mag. Inschrijven is nodig, want de groep is klein.",
            "Tu apprends à parler devant un groupe, à improviser et à travailler en équipe. Ensemble, on crée un court spectacle sur le quartier et sur vos rêves. Tu joues dans ta langue, en néerlandais ou en français : tout est permis. Il faut s'inscrire, car le groupe est petit.",
            "You learn to speak in front of a group, to improvise and to work as a team. Together we make a short show about the neighbourhood and about your dreams. You can act in your own language, in Dutch or in French: anything goes. Registration is needed because the group is small.",
        ),
        themes=["theatre"],
        audience=["youths"],
        ages=(12, 16),
        levels=["secondary"],
        system=BOTH,
        when=series([SAT], "14:00", "16:30", in_weeks=2, weeks=10),
        join=REGISTRATION,
        capacity=14,
        languages=["nl", "fr"],
        confirmed=["Jonas", "Lina"],
    ),
    activity(
        PETERBOS,
        (
            "Zomerkamp Peterbos: sport en muziek",
            "Stage d'été au Peterbos : sport et musique",
            "Peterbos summer camp: sport and music",
        ),
        (
            "Vijf dagen in juli vol sport, muziek en een uitstap naar zee. Middagmaal inbegrepen.",
            "Cinq jours en juillet pleins de sport, de musique et une excursion à la mer. Repas de midi compris.",
            "Five days in July full of sport, music and a trip to the seaside. Lunch included.",
        ),
        (
            "Van maandag tot vrijdag, van 9 tot 16 uur. Elke ochtend sport, elke namiddag een muziekworkshop, en op donderdag gaan we met de trein naar zee. Het kamp kost 40 euro; met een sociaal tarief of via het OCMW 10 euro. Schrijf je tijdig in: er zijn maar acht plaatsen.",
            "Du lundi au vendredi, de 9 h à 16 h. Chaque matin du sport, chaque après-midi un atelier de musique, et le jeudi on prend le train pour la mer. Le stage coûte 40 euros ; avec le tarif social ou via le CPAS, 10 euros. Inscris-toi à temps : il n'y a que huit places.",
            "Monday to Friday, 9:00 to 16:00. Sport every morning, a music workshop every afternoon, and on Thursday we take the train to the seaside. The camp costs 40 euros; with the social tariff or through the OCMW/CPAS, 10 euros. Register in time: there are only eight places.",
        ),
        themes=["sport", "music"],
        audience=["children", "youths"],
        ages=(10, 14),
        levels=["primary", "secondary"],
        system=BOTH,
        when=july_camp(1, "09:00", "16:00"),
        price=(WHOLE, "40", "10", ["social_tariff", "ocmw_cpas"]),
        join=REGISTRATION,
        capacity=8,
        languages=["nl", "fr", "ar"],
        confirmed=["Jonas", "Bilal", "Emre", "Lina", "Noor", "Rayan", "Kuba", "Zofia"],
        waiting=["Adam", "Maria", "Sami"],
    ),
    # --- AMO Zwarte Vijvers -------------------------------------------------------------------------
    activity(
        AMO,
        ("Inloop: even praten met iemand", "Permanence : parler à quelqu'un", "Drop-in: talk to someone"),
        (
            "Zit je ergens mee, thuis, op school of met vrienden? Loop binnen voor een gesprek. Gratis, anoniem en zonder afspraak.",
            "Quelque chose te pèse, à la maison, à l'école ou avec tes amis ? Passe pour en parler. Gratuit, anonyme et sans rendez-vous.",
            "Is something bothering you, at home, at school or with friends? Drop in for a talk. Free, anonymous and without an appointment.",
        ),
        (
            "Op dinsdag en vrijdag staat onze deur open voor jongeren van 12 tot 22 jaar. Een hulpverlener luistert en zoekt samen met jou wat je kan doen. Ook over spijbelen, of als je niet meer naar school wilt. We vertellen niets aan je ouders of je school zonder jouw toestemming.",
            "Le mardi et le vendredi, notre porte est ouverte aux jeunes de 12 à 22 ans. Un travailleur social t'écoute et cherche avec toi ce que tu peux faire. Aussi si tu sèches les cours, ou si tu ne veux plus aller à l'école. Nous ne disons rien à tes parents ni à ton école sans ton accord.",
            "On Tuesday and Friday our door is open to young people aged 12 to 22. A support worker listens and looks with you at what you can do. Also about skipping school, or if you don't want to go to school any more. We tell nothing to your parents or your school without your permission.",
        ),
        pillar=WELLBEING,
        themes=["wellbeing"],
        audience=["youths"],
        ages=(12, 22),
        levels=["secondary"],
        when=weekly([TUE, FRI], "16:00", "19:00", skip_holidays=False),
        languages=["nl", "fr", "ar", "ber"],
    ),
    activity(
        AMO,
        (
            "Time-out: even op adem komen",
            "Time-out : reprendre son souffle",
            "Time-out: catching your breath",
        ),
        (
            "Een begeleid traject van enkele weken voor jongeren die vastlopen op school. In overleg met de school en de ouders.",
            "Un accompagnement de quelques semaines pour les jeunes qui décrochent à l'école. En accord avec l'école et les parents.",
            "A supported programme of a few weeks for young people who are stuck at school. Agreed with the school and the parents.",
        ),
        (
            "Soms gaat het even niet meer op school. In het time-outproject werk je een paar weken in een kleine groep aan wat er misloopt: motivatie, conflicten, zelfvertrouwen. Je hebt elke week een gesprek met je begeleider, en samen bereiden we de terugkeer naar school voor. Bel ons, of vraag je school of je CLB om contact op te nemen.",
            "Parfois, ça ne va plus à l'école. Dans le projet time-out, tu travailles quelques semaines en petit groupe sur ce qui ne va pas : motivation, conflits, confiance en soi. Chaque semaine, tu as un entretien avec ton accompagnateur, et ensemble nous préparons le retour à l'école. Appelle-nous, ou demande à ton école ou à ton centre PMS de nous contacter.",
            "Sometimes school just isn't working. In the time-out project you spend a few weeks in a small group working on what is going wrong: motivation, conflicts, self-confidence. Every week you talk with your support worker, and together we prepare your return to school. Call us, or ask your school or pupil guidance centre to get in touch.",
        ),
        pillar=WELLBEING,
        themes=["wellbeing", "orientation"],
        audience=["youths"],
        ages=(12, 18),
        levels=["secondary"],
        system=BOTH,
        when=weekly([MON, TUE, THU], "09:00", "15:00"),
        join=CONTACT,
        languages=["nl", "fr", "ar"],
        email="timeout@amo-zwartevijvers.example.org",
    ),
    activity(
        AMO,
        (
            "Ouderavond: als je kind niet naar school wil",
            "Soirée des parents : quand votre enfant ne veut pas aller à l'école",
            "Parent evening: when your child doesn't want to go to school",
        ),
        (
            "Een avond over spijbelen en schoolmoeheid: wat zijn de signalen, wat kan je doen, en wie kan helpen? Met tolken.",
            "Une soirée sur l'absentéisme et le décrochage : quels sont les signaux, que pouvez-vous faire et qui peut vous aider ? Avec des interprètes.",
            "An evening about truancy and school fatigue: what are the signs, what can you do, and who can help? With interpreters.",
        ),
        (
            "Een hulpverlener van de AMO en een medewerker van het CLB vertellen wat je als ouder kan doen als je kind vaak afwezig is of niet meer naar school wil. Daarna is er tijd voor vragen, ook in kleine groepjes per taal. Er zijn tolken Arabisch en Turks. Koffie, thee en koekjes staan klaar.",
            "Un travailleur de l'AMO et un collaborateur du centre PMS expliquent ce que vous pouvez faire comme parent quand votre enfant est souvent absent ou ne veut plus aller à l'école. Ensuite, il y a du temps pour les questions, aussi en petits groupes par langue. Il y a des interprètes en arabe et en turc. Café, thé et biscuits vous attendent.",
            "A support worker from the AMO and someone from the pupil guidance centre explain what you can do as a parent when your child is often absent or no longer wants to go to school. Then there is time for questions, also in small groups by language. There are Arabic and Turkish interpreters. Coffee, tea and biscuits are ready.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings", "wellbeing"],
        audience=["parents"],
        when=once(10, TUE, "18:30", "20:30"),
        languages=["nl", "fr", "ar", "tr"],
        interpreter=True,
    ),
    activity(
        AMO,
        ("Praatgroep voor meisjes", "Groupe de parole pour filles", "Talk group for girls"),
        (
            "Elke woensdagnamiddag praten meisjes van 12 tot 16 over school, vriendschap, hun lichaam en hun toekomst. In een groep waar je je veilig voelt.",
            "Chaque mercredi après-midi, des filles de 12 à 16 ans parlent d'école, d'amitié, de leur corps et de leur avenir. Dans un groupe où on se sent en sécurité.",
            "Every Wednesday afternoon, girls aged 12 to 16 talk about school, friendship, their bodies and their future. In a group where you feel safe.",
        ),
        (
            "Twee begeleidsters van de AMO leiden de groep. We kiezen samen de onderwerpen, soms met een gast, soms met een uitstap. Wat in de groep gezegd wordt, blijft in de groep. Kom eens kijken, je hoeft niet in te schrijven.",
            "Deux animatrices de l'AMO mènent le groupe. On choisit les sujets ensemble, parfois avec une invitée, parfois avec une sortie. Ce qui se dit dans le groupe reste dans le groupe. Viens voir, pas besoin de t'inscrire.",
            "Two support workers from the AMO lead the group. We choose the topics together, sometimes with a guest, sometimes with an outing. What is said in the group stays in the group. Come and see, no need to register.",
        ),
        pillar=WELLBEING,
        themes=["wellbeing"],
        audience=["youths"],
        ages=(12, 16),
        levels=["secondary"],
        system=BOTH,
        when=weekly([WED], "14:00", "16:00"),
        languages=["nl", "fr", "ar"],
    ),
    # --- Stadsbibliotheek Mechelen -------------------------------------------------------------
    activity(
        BIB_MECHELEN,
        ("Huiswerkhoek in de bib", "Coin devoirs à la bibliothèque", "Homework corner at the library"),
        (
            "Van maandag tot donderdag na school: een rustige plek, computers, een printer en vrijwilligers die helpen met je huiswerk.",
            "Du lundi au jeudi après l'école : un endroit calme, des ordinateurs, une imprimante et des bénévoles qui t'aident pour tes devoirs.",
            "Monday to Thursday after school: a quiet place, computers, a printer and volunteers who help with your homework.",
        ),
        (
            "Je hoeft niet in te schrijven en je hoeft geen lid te zijn van de bib. Vrijwilligers helpen met taal, rekenen en werken op de computer. Printen voor school is gratis tot tien pagina's per week. Heb je thuis geen rustige plek? Dan ben je hier altijd welkom.",
            "Pas besoin de t'inscrire ni d'être membre de la bibliothèque. Des bénévoles aident en langue, en calcul et pour travailler sur l'ordinateur. Imprimer pour l'école est gratuit jusqu'à dix pages par semaine. Pas d'endroit calme à la maison ? Ici, tu es toujours le bienvenu.",
            "No need to register or to be a library member. Volunteers help with language, maths and computer work. Printing for school is free up to ten pages a week. No quiet place at home? You are always welcome here.",
        ),
        themes=["homework"],
        audience=["children", "youths"],
        ages=(8, 14),
        levels=["primary", "secondary"],
        system=NL,
        when=weekly([MON, TUE, WED, THU], "15:30", "18:00"),
        languages=["nl", "en"],
        cancel=[(2, "closed")],
    ),
    activity(
        BIB_MECHELEN,
        ("Taalcafé voor ouders", "Café-langue pour les parents", "Language café for parents"),
        (
            "Nederlands oefenen in een gezellige groep, over dingen van elke dag: de school, de dokter, de winkel. Elke dinsdagochtend.",
            "Pratiquer le néerlandais dans un groupe convivial, sur les choses de tous les jours : l'école, le médecin, le magasin. Chaque mardi matin.",
            "Practise Dutch in a friendly group, about everyday things: school, the doctor, the shop. Every Tuesday morning.",
        ),
        (
            "Je spreekt al een beetje Nederlands en je wilt meer durven. Vrijwilligers praten met je aan tafels van vier of vijf mensen. We oefenen ook een gesprek met de juf of meester, of het lezen van een brief van de school. Terwijl je oefent, spelen de kleinsten in de kinderhoek.",
            "Vous parlez déjà un peu néerlandais et vous voulez oser davantage. Des bénévoles discutent avec vous à des tables de quatre ou cinq personnes. On s'entraîne aussi à parler avec l'institutrice ou l'instituteur, ou à lire une lettre de l'école. Pendant que vous pratiquez, les plus petits jouent dans le coin enfants.",
            "You already speak a little Dutch and want to gain confidence. Volunteers talk with you at tables of four or five people. We also practise talking with the teacher, or reading a letter from school. While you practise, the little ones play in the children's corner.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["language", "parent-meetings"],
        audience=["parents"],
        when=weekly([TUE], "09:30", "11:00"),
        languages=["nl", "ar", "ro", "pl", "so"],
    ),
    activity(
        BIB_MECHELEN,
        ("Voorleesuurtje voor kleuters", "Heure du conte pour les petits", "Story time for toddlers"),
        (
            "Elke woensdag een verhaal, een liedje en een knutselwerkje voor kinderen van 3 tot 6 jaar en hun ouders.",
            "Chaque mercredi une histoire, une chanson et un bricolage pour les enfants de 3 à 6 ans et leurs parents.",
            "Every Wednesday a story, a song and a craft for children aged 3 to 6 and their parents.",
        ),
        (
            "We lezen voor in het Nederlands, en één keer per maand ook in een andere taal, met een ouder die voorleest in het Arabisch, Roemeens of Pools. Ouders blijven erbij. Achteraf kan je boeken lenen met je gratis bibliotheekkaart.",
            "On lit en néerlandais, et une fois par mois aussi dans une autre langue, avec un parent qui lit en arabe, en roumain ou en polonais. Les parents restent avec leur enfant. Ensuite, vous pouvez emprunter des livres avec votre carte de bibliothèque gratuite.",
            "We read aloud in Dutch, and once a month in another language too, with a parent reading in Arabic, Romanian or Polish. Parents stay with their child. Afterwards you can borrow books with your free library card.",
        ),
        themes=["language", "arts-crafts"],
        audience=["children", "families"],
        ages=(3, 6),
        levels=["preschool"],
        system=NL,
        when=weekly([WED], "14:00", "15:00", skip_holidays=False),
        languages=["nl", "ar", "ro", "pl"],
        venue="Filiaal Nekkerspoel",
    ),
    activity(
        BIB_MECHELEN,
        (
            "Vorming: huiswerk begeleiden in een meertalige groep",
            "Formation : accompagner les devoirs dans un groupe multilingue",
            "Training: supporting homework in a multilingual group",
        ),
        (
            "Een avond voor vrijwilligers en professionals die kinderen helpen met huiswerk. Met praktische tips en materiaal.",
            "Une soirée pour les bénévoles et les professionnels qui aident les enfants à faire leurs devoirs. Avec des conseils pratiques et du matériel.",
            "An evening for volunteers and professionals who help children with homework. With practical tips and materials.",
        ),
        (
            "Hoe help je een kind dat de opdracht niet begrijpt? Hoe gebruik je de thuistaal van een kind als hulp, en niet als probleem? Een lerares Nederlands als tweede taal deelt haar ervaring en oefeningen. Laat ons weten dat je komt.",
            "Comment aider un enfant qui ne comprend pas la consigne ? Comment utiliser la langue de la maison comme une aide et pas comme un problème ? Une enseignante de néerlandais langue seconde partage son expérience et des exercices. Prévenez-nous de votre venue.",
            "How do you help a child who doesn't understand the task? How do you use a child's home language as a help rather than a problem? A teacher of Dutch as a second language shares her experience and exercises. Let us know you are coming.",
        ),
        themes=["homework", "language"],
        audience=["professionals"],
        when=once(24, THU, "19:00", "21:30"),
        join=CONTACT,
        email="bibliotheek@mechelen.example.org",
    ),
    activity(
        BIB_MECHELEN,
        ("Online huiswerkhulp", "Aide aux devoirs en ligne", "Online homework help"),
        (
            "Van maandag tot donderdag 's avonds hulp bij je huiswerk via een videogesprek, van thuis uit. Je hebt een computer of tablet nodig.",
            "Du lundi au jeudi soir, de l'aide pour tes devoirs par appel vidéo, depuis chez toi. Il te faut un ordinateur ou une tablette.",
            "Monday to Thursday evenings, help with your homework through a video call, from home. You need a computer or a tablet.",
        ),
        (
            "Een student helpt je een half uur met je vraag: een oefening wiskunde, een tekst voor Frans of een taak voor geschiedenis. Je kiest een moment en je krijgt een link. Heb je thuis geen computer? Je kan er een lenen in de bibliotheek.",
            "Un étudiant t'aide pendant une demi-heure avec ta question : un exercice de maths, un texte de français ou un travail d'histoire. Tu choisis un moment et tu reçois un lien. Pas d'ordinateur à la maison ? Tu peux en emprunter un à la bibliothèque.",
            "A university student helps you for half an hour with your question: a maths exercise, a French text or a history assignment. You choose a time and get a link. No computer at home? You can borrow one from the library.",
        ),
        themes=["homework", "stem-ict"],
        audience=["children", "youths"],
        ages=(10, 15),
        levels=["primary", "secondary"],
        system=NL,
        when=weekly([MON, TUE, WED, THU], "18:30", "20:00"),
        join=CONTACT,
        languages=["nl", "fr", "en"],
        online=True,
        email="huiswerkhulp@mechelen.example.org",
    ),
    # --- SOL Leiden ---------------------------------------------------------------------------------
    activity(
        SOL,
        ("Leerlab na school", "Labo d'apprentissage après l'école", "After-school learning lab"),
        (
            "Twee middagen per week extra leertijd: lezen, rekenen en projecten waarin je zelf onderzoekt en bouwt.",
            "Deux après-midi par semaine de temps d'apprentissage en plus : lecture, calcul et projets où tu cherches et construis toi-même.",
            "Two afternoons a week of extra learning time: reading, maths and projects in which you explore and build things yourself.",
        ),
        (
            "In het leerlab werken kinderen van groep 5 tot 8 in kleine groepen met leerkrachten en pabostudenten. Elke periode kiezen we een thema, zoals water in Leiden of hoe een brug werkt. De kinderen presenteren hun werk aan hun ouders. Ouders kunnen ook één keer per maand meedoen.",
            "Au labo, les enfants de 8 à 12 ans travaillent en petits groupes avec des enseignants et de futurs enseignants. Chaque période, on choisit un thème, comme l'eau à Leyde ou comment fonctionne un pont. Les enfants présentent leur travail à leurs parents. Les parents peuvent aussi participer une fois par mois.",
            "In the lab, children aged 8 to 12 work in small groups with teachers and student teachers. Each period we choose a theme, such as water in Leiden or how a bridge works. The children present their work to their parents. Parents can join once a month too.",
        ),
        themes=["homework", "stem-ict", "world-neighbourhood"],
        ages=(8, 12),
        levels=["primary"],
        when=weekly([TUE, THU], "15:00", "17:00", skip_holidays=False),
        join=REGISTRATION,
        capacity=24,
        languages=["nl", "tr", "ar", "en"],
    ),
    activity(
        SOL,
        (
            "Zomerschool: muziek, natuur, techniek en de wereld om je heen",
            "École d'été : musique, nature, technique et le monde qui t'entoure",
            "Summer school: music, nature, technology and the world around you",
        ),
        (
            "Een week in de zomervakantie met elke dag iets anders: muziek maken, de natuur in, bouwen en ontdekken hoe Leiden werkt.",
            "Une semaine pendant les vacances d'été avec chaque jour autre chose : faire de la musique, aller dans la nature, construire et découvrir comment fonctionne Leyde.",
            "A week in the summer holidays with something different every day: making music, going into nature, building things and discovering how Leiden works.",
        ),
        (
            "Op maandag maken we muziek met een echte band. Dinsdag gaan we de natuur in bij de Kagerplassen. Woensdag en donderdag bouwen we met techniek: een waterrad, een robotje. Vrijdag bezoeken we de brandweer, de markt of het stadhuis: de wereld om je heen. De zomerschool is gratis, lunch inbegrepen.",
            "Le lundi, on fait de la musique avec un vrai groupe. Le mardi, on va dans la nature près des lacs de Kaag. Le mercredi et le jeudi, on construit : une roue à eau, un petit robot. Le vendredi, on visite les pompiers, le marché ou l'hôtel de ville : le monde qui t'entoure. L'école d'été est gratuite, repas de midi compris.",
            "On Monday we make music with a real band. On Tuesday we go into nature at the Kaag lakes. On Wednesday and Thursday we build things: a water wheel, a small robot. On Friday we visit the fire station, the market or the town hall: the world around you. The summer school is free, lunch included.",
        ),
        themes=["music", "nature", "stem-ict", "world-neighbourhood"],
        ages=(8, 12),
        levels=["primary"],
        when=july_camp(2, "09:00", "15:30"),
        join=REGISTRATION,
        capacity=40,
        languages=["nl", "en", "ar", "tr"],
    ),
    activity(
        SOL,
        (
            "Natuurwandeling in de Leidse Hout",
            "Balade nature au Leidse Hout",
            "Nature walk in the Leidse Hout park",
        ),
        (
            "Samen met je kinderen het bos ontdekken: vogels herkennen, bladeren zoeken en een speurtocht. Voor het hele gezin.",
            "Découvrir le bois avec vos enfants : reconnaître les oiseaux, chercher des feuilles et un jeu de piste. Pour toute la famille.",
            "Discover the woods with your children: spotting birds, looking for leaves and a treasure hunt. For the whole family.",
        ),
        (
            "Een natuurgids wandelt twee uur met ons door de Leidse Hout. Trek stevige schoenen aan; de wandeling kan ook met een kinderwagen. We eindigen bij de kinderboerderij met warme chocolademelk. Gratis, gewoon komen.",
            "Un guide nature marche avec nous pendant deux heures au Leidse Hout. Mettez de bonnes chaussures ; la balade convient aussi aux poussettes. On termine à la ferme pour enfants avec un chocolat chaud. Gratuit, venez simplement.",
            "A nature guide walks with us for two hours through the Leidse Hout. Wear sturdy shoes; the walk is also fine with a pushchair. We finish at the children's farm with hot chocolate. Free, just come along.",
        ),
        themes=["nature"],
        audience=["children", "families"],
        ages=(4, 12),
        levels=["preschool", "primary"],
        when=once(13, SAT, "10:00", "12:00"),
        languages=["nl", "en"],
        venue="Leidse Hout, bij de kinderboerderij",
    ),
    activity(
        SOL,
        ("Koffieochtend voor ouders", "Matinée café pour les parents", "Coffee morning for parents"),
        (
            "Elke vrijdag na het brengen: koffie met andere ouders en de ouderconsulent van de school. Over leren, thuis en de buurt.",
            "Chaque vendredi après avoir déposé les enfants : un café avec d'autres parents et la personne de contact pour les parents. Sur l'apprentissage, la maison et le quartier.",
            "Every Friday after the school run: coffee with other parents and the school's parent liaison. About learning, home and the neighbourhood.",
        ),
        (
            "De ouderconsulent vertelt wat er op school gebeurt en helpt bij vragen over formulieren, toeslagen of de overstap naar de middelbare school. Soms proberen we samen spelletjes die je thuis met je kind kan doen. Iedereen is welkom, ook als je weinig Nederlands spreekt.",
            "La personne de contact raconte ce qui se passe à l'école et aide pour les questions sur les formulaires, les allocations ou le passage au secondaire. Parfois, on essaie ensemble des jeux à faire à la maison avec votre enfant. Tout le monde est bienvenu, même si vous parlez peu néerlandais.",
            "The parent liaison tells you what is happening at school and helps with questions about forms, benefits or the move to secondary school. Sometimes we try out games you can play with your child at home. Everyone is welcome, even if you speak little Dutch.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings"],
        audience=["parents"],
        when=weekly([FRI], "08:30", "09:30", skip_holidays=False),
        languages=["nl", "tr", "ar", "en"],
        venue="Brede School Merenwijk",
    ),
    # --- École de devoirs Les Marolles --------------------------------------------------------------
    activity(
        MAROLLES,
        ("Huiswerkschool in de Marollen", "École de devoirs des Marolles", "Marolles homework club"),
        (
            "Drie keer per week huiswerkbegeleiding voor kinderen van Franstalige lagere scholen, met een vieruurtje en spelletjes.",
            "Trois fois par semaine, aide aux devoirs pour les enfants des écoles primaires francophones, avec un goûter et des jeux.",
            "Homework support three times a week for children at French-language primary schools, with a snack and games.",
        ),
        (
            "Op maandag, dinsdag en donderdag helpen onze begeleiders kinderen van het eerste tot het zesde leerjaar met hun huiswerk en lessen. Na het huiswerk spelen we, en één keer per maand gaan we naar een museum. Inschrijven kost 10 euro voor het hele jaar; het OCMW kan dat betalen. We zien de ouders twee keer per jaar.",
            "Le lundi, le mardi et le jeudi, nos animateurs aident les enfants de la 1re à la 6e primaire à faire leurs devoirs et à revoir leurs leçons. Après les devoirs, il y a des jeux et, une fois par mois, une sortie au musée. L'inscription coûte 10 euros pour toute l'année ; le CPAS peut la prendre en charge. Nous rencontrons les parents deux fois par an.",
            "On Monday, Tuesday and Thursday our staff help children from year 1 to year 6 with homework and revising lessons. After homework there are games and, once a month, a museum trip. Registration costs 10 euros for the whole year; the OCMW/CPAS can cover it. We meet the parents twice a year.",
        ),
        themes=["homework", "games-play"],
        ages=(6, 12),
        levels=["primary"],
        system=FR,
        when=weekly([MON, TUE, THU], "15:30", "17:30"),
        price=(YEAR, "10", "0", ["ocmw_cpas"]),
        join=REGISTRATION,
        capacity=25,
        languages=["fr", "nl", "ar", "es"],
        written_in="fr",
    ),
    activity(
        MAROLLES,
        (
            "Creatieve woensdag: schilderen en knutselen",
            "Mercredi créatif : peinture et bricolage",
            "Creative Wednesday: painting and crafts",
        ),
        (
            "Elke woensdagnamiddag schilderen, collages maken en knutselen met afvalmateriaal. 5 euro per keer, 1 euro met sociaal tarief.",
            "Chaque mercredi après-midi, peinture, collage et objets en matériaux de récupération. 5 euros la séance, 1 euro avec le tarif social.",
            "Every Wednesday afternoon: painting, collage and making things from recycled materials. 5 euros per session, 1 euro with the social tariff.",
        ),
        (
            "Een kunstenares uit de buurt brengt elke week een nieuwe techniek. In de lente stellen we het werk van de kinderen tentoon op het Vossenplein. Trek kleren aan die vuil mogen worden. Inschrijven is niet nodig.",
            "Une artiste du quartier propose chaque semaine une nouvelle technique. Les œuvres des enfants sont exposées au printemps à la place du Jeu de Balle. Mets des vêtements qui peuvent être salis. Pas besoin de s'inscrire.",
            "An artist from the neighbourhood brings a new technique every week. In spring the children's work is shown on the Place du Jeu de Balle. Wear clothes that can get dirty. No need to register.",
        ),
        themes=["arts-crafts"],
        ages=(6, 12),
        levels=["primary"],
        system=FR,
        when=weekly([WED], "13:30", "16:00"),
        price=(SESSION, "5", "1", ["social_tariff", "article27"]),
        languages=["fr", "nl", "es"],
        written_in="fr",
    ),
    activity(
        MAROLLES,
        ("Winterkamp: koken en spelen", "Stage d'hiver : cuisine et jeux", "Winter camp: cooking and games"),
        (
            "Vier dagen in de wintervakantie om samen te koken, te spelen en te bewegen. Voor kinderen van 6 tot 12 jaar.",
            "Quatre jours pendant les vacances d'hiver pour cuisiner ensemble, jouer et se dépenser. Pour les enfants de 6 à 12 ans.",
            "Four days in the winter holidays to cook together, play and run around. For children aged 6 to 12.",
        ),
        (
            "Elke ochtend koken we het middagmaal met een kokkin uit de buurt: soep, brood en desserts uit verschillende landen. In de namiddag gezelschapsspelen, buitenspelen en op de laatste dag een film. Het kamp kost 40 euro, 10 euro met sociaal tarief of steun van het OCMW.",
            "Chaque matin, on prépare le repas de midi avec une cuisinière du quartier : soupe, pain et desserts de différents pays. L'après-midi, jeux de société, jeux en plein air et un film le dernier jour. Le stage coûte 40 euros, 10 euros avec le tarif social ou l'aide du CPAS.",
            "Every morning we cook lunch with a cook from the neighbourhood: soup, bread and desserts from different countries. In the afternoon: board games, outdoor games and a film on the last day. The camp costs 40 euros, 10 euros with the social tariff or OCMW/CPAS support.",
        ),
        themes=["games-play", "world-neighbourhood"],
        ages=(6, 12),
        levels=["primary"],
        system=FR,
        when=winter_camp("09:00", "16:00"),
        price=(WHOLE, "40", "10", ["social_tariff", "ocmw_cpas"]),
        join=REGISTRATION,
        capacity=16,
        languages=["fr", "nl", "ar"],
        written_in="fr",
    ),
    # --- Muziekatelier Anneessens -------------------------------------------------------------------
    activity(
        ANNEESSENS,
        (
            "Orkestklas: samen muziek maken",
            "Classe d'orchestre : faire de la musique ensemble",
            "Orchestra class: making music together",
        ),
        (
            "Leer viool, cello of trompet spelen in een orkest met kinderen uit de buurt. Gratis, en het instrument mag mee naar huis.",
            "Apprends le violon, le violoncelle ou la trompette dans un orchestre avec des enfants du quartier. Gratuit, et tu peux emporter l'instrument à la maison.",
            "Learn violin, cello or trumpet in an orchestra with children from the neighbourhood. Free, and you can take the instrument home.",
        ),
        (
            "Op woensdag- en zaterdagnamiddag oefenen we in groepjes en met het hele orkest. Je hoeft geen noten te kunnen lezen: dat leer je hier. Twee keer per jaar geven we een concert voor de ouders. Omdat we instrumenten uitlenen, is inschrijven nodig.",
            "Le mercredi et le samedi après-midi, on répète en petits groupes et avec tout l'orchestre. Pas besoin de savoir lire les notes : tu l'apprends ici. Deux fois par an, on donne un concert pour les parents. Comme nous prêtons les instruments, il faut s'inscrire.",
            "On Wednesday and Saturday afternoons we practise in small groups and with the whole orchestra. You don't need to read music: you learn that here. Twice a year we give a concert for the parents. Because we lend instruments, registration is needed.",
        ),
        themes=["music"],
        ages=(7, 13),
        levels=["primary"],
        system=BOTH,
        when=weekly([WED, SAT], "14:00", "16:30"),
        join=REGISTRATION,
        capacity=30,
        languages=["nl", "fr", "en", "ar"],
        confirmed=["Yasmine", "Amina"],
    ),
    activity(
        ANNEESSENS,
        ("Zang en beatbox voor tieners", "Chant et beatbox pour ados", "Singing and beatbox for teenagers"),
        (
            "Elke vrijdagavond zingen, beatboxen en samen nummers maken. 15 euro voor het hele jaar, 5 euro met sociaal tarief.",
            "Chaque vendredi soir, chanter, faire du beatbox et créer des morceaux ensemble. 15 euros pour toute l'année, 5 euros avec le tarif social.",
            "Every Friday evening: singing, beatboxing and making songs together. 15 euros for the whole year, 5 euros with the social tariff.",
        ),
        (
            "Een zangeres en een beatboxer leren je je stem gebruiken: ademhaling, ritme, durven zingen voor anderen. Je mag je eigen muziek meebrengen. Kom eerst een keer gratis proberen.",
            "Une chanteuse et un beatboxer t'apprennent à utiliser ta voix : respiration, rythme, oser chanter devant les autres. Tu peux apporter ta propre musique. Viens d'abord essayer une fois gratuitement.",
            "A singer and a beatboxer teach you how to use your voice: breathing, rhythm, daring to sing in front of others. You can bring your own music. Come and try it once for free first.",
        ),
        themes=["music"],
        audience=["youths"],
        ages=(12, 18),
        levels=["secondary"],
        system=BOTH,
        when=weekly([FRI], "17:30", "19:30"),
        price=(YEAR, "15", "5", ["social_tariff"]),
        languages=["fr", "nl", "en"],
        written_in="fr",
    ),
    # --- Bibliotheek Sint-Gillis -----------------------------------------------------------------
    activity(
        BIB_SINT_GILLIS,
        (
            "Huiswerkhoek in de bibliotheek van Sint-Gillis",
            "Coin devoirs à la bibliothèque de Saint-Gilles",
            "Homework corner at the Saint-Gilles library",
        ),
        (
            "Op dinsdag en donderdag na school: hulp bij je huiswerk, computers en een stille leeszaal. Gratis en zonder inschrijving.",
            "Le mardi et le jeudi après l'école : de l'aide pour tes devoirs, des ordinateurs et une salle de lecture calme. Gratuit et sans inscription.",
            "On Tuesday and Thursday after school: help with your homework, computers and a quiet reading room. Free and no need to register.",
        ),
        (
            "Bibliotheekmedewerkers en vrijwilligers helpen je met opzoekwerk, een spreekbeurt of een taak op de computer. Voor leerlingen van Nederlandstalige en Franstalige scholen. Breng je oortjes mee als je met de computer werkt.",
            "Les bibliothécaires et des bénévoles t'aident pour une recherche, un exposé ou un travail sur ordinateur. Pour les élèves des écoles néerlandophones et francophones. Apporte tes écouteurs si tu travailles sur l'ordinateur.",
            "Library staff and volunteers help you with research, a presentation or an assignment on the computer. For pupils at Dutch-language and French-language schools. Bring your earphones if you work on a computer.",
        ),
        themes=["homework", "stem-ict"],
        audience=["children", "youths"],
        ages=(9, 14),
        levels=["primary", "secondary"],
        system=BOTH,
        when=weekly([TUE, THU], "16:00", "18:00"),
        languages=["nl", "fr"],
    ),
    activity(
        BIB_SINT_GILLIS,
        ("Voorlezen in veel talen", "Lectures en plusieurs langues", "Stories in many languages"),
        (
            "Op zaterdagochtend lezen ouders en bibliotheekmedewerkers voor in het Nederlands, Frans, Arabisch, Turks, Roemeens en Spaans.",
            "Le samedi matin, des parents et des bibliothécaires lisent des histoires en néerlandais, français, arabe, turc, roumain et espagnol.",
            "On Saturday mornings, parents and library staff read stories in Dutch, French, Arabic, Turkish, Romanian and Spanish.",
        ),
        (
            "Kinderen horen hun thuistaal en ontdekken andere talen. Elk verhaal lezen we in twee talen. Wil je zelf eens voorlezen in jouw taal? Spreek ons aan. Voor kinderen van 3 tot 8 jaar, samen met een ouder.",
            "Les enfants entendent leur langue maternelle et découvrent d'autres langues. Chaque histoire est lue en deux langues. Vous aimeriez lire dans votre langue ? Parlez-nous-en. Pour les enfants de 3 à 8 ans, avec un parent.",
            "Children hear their home language and discover other languages. We read every story in two languages. Would you like to read in your language? Talk to us. For children aged 3 to 8, with a parent.",
        ),
        themes=["language"],
        audience=["children", "families"],
        ages=(3, 8),
        levels=["preschool", "primary"],
        system=BOTH,
        when=weekly([SAT], "10:30", "11:30", skip_holidays=False),
        languages=["nl", "fr", "ar", "tr", "ro", "es"],
    ),
    # --- Sportclub Vorst Jeugd -------------------------------------------------------------------
    activity(
        VORST,
        ("Voetbal voor meisjes en jongens", "Football pour filles et garçons", "Football for girls and boys"),
        (
            "Training op woensdag en zaterdag voor kinderen van 7 tot 12. Met sociaal tarief: 15 euro in plaats van 60 euro per jaar.",
            "Entraînement le mercredi et le samedi pour les enfants de 7 à 12 ans. Avec le tarif social : 15 euros au lieu de 60 euros par an.",
            "Training on Wednesday and Saturday for children aged 7 to 12. With the social tariff: 15 euros instead of 60 euros a year.",
        ),
        (
            "Je traint in een ploeg van je eigen leeftijd, met gediplomeerde trainers. Meisjes trainen samen met jongens, en er is ook een meisjesploeg. Het lidgeld omvat verzekering, shirt en kousen. Voetbalschoenen kunnen we uitlenen. Vraag het sociaal tarief discreet aan bij de trainer of via het OCMW.",
            "Tu t'entraînes dans une équipe de ton âge, avec des entraîneurs diplômés. Les filles s'entraînent avec les garçons, et il y a aussi une équipe de filles. La cotisation comprend l'assurance, le maillot et les chaussettes. Nous pouvons prêter des chaussures de foot. Demandez le tarif social discrètement à l'entraîneur ou via le CPAS.",
            "You train in a team of your own age, with qualified coaches. Girls train together with boys, and there is also a girls' team. The fee covers insurance, a shirt and socks. We can lend football boots. Ask for the social tariff discreetly from the coach or through the OCMW/CPAS.",
        ),
        themes=["sport"],
        ages=(7, 12),
        levels=["primary"],
        system=BOTH,
        when=weekly([WED, SAT], "14:00", "15:30"),
        price=(YEAR, "60", "15", ["social_tariff", "ocmw_cpas"]),
        join=REGISTRATION,
        capacity=30,
        languages=["fr", "nl", "ar", "ro"],
        written_in="fr",
        cancel=[(1, "hall")],
        confirmed=["Bilal", "Sami", "Rayan"],
    ),
    activity(
        VORST,
        ("Zaalvoetbal voor tieners", "Futsal pour ados", "Indoor football for teenagers"),
        (
            "Elke vrijdagavond zaalvoetbal voor jongeren van 13 tot 17, in de sporthal van het Bempt. De eerste keer is gratis.",
            "Chaque vendredi soir, futsal pour les jeunes de 13 à 17 ans, à la salle de sport du Bempt. La première fois est gratuite.",
            "Indoor football every Friday evening for young people aged 13 to 17, in the Bempt sports hall. Your first time is free.",
        ),
        (
            "We spelen in gemengde ploegen en wisselen vaak, zodat iedereen speelt. Een jeugdwerker is er elke week bij om te praten, ook over school of werk. Lidgeld 60 euro per jaar, 15 euro met sociaal tarief.",
            "On joue en équipes mixtes et on change souvent, pour que tout le monde joue. Un animateur est présent chaque semaine pour discuter, aussi de l'école ou du travail. Cotisation de 60 euros par an, 15 euros avec le tarif social.",
            "We play in mixed teams and swap often so everyone plays. A youth worker is there every week to talk, also about school or work. Membership is 60 euros a year, 15 euros with the social tariff.",
        ),
        themes=["sport", "wellbeing"],
        audience=["youths"],
        ages=(13, 17),
        levels=["secondary"],
        system=BOTH,
        when=weekly([FRI], "18:00", "20:00", skip_holidays=False),
        price=(YEAR, "60", "15", ["social_tariff"]),
        languages=["fr", "nl", "ar"],
        written_in="fr",
    ),
    # --- Jeugdtheater Laken ------------------------------------------------------------------------
    activity(
        LAKEN,
        (
            "Theaterworkshop: speel je verhaal",
            "Atelier théâtre : joue ton histoire",
            "Theatre workshop: play your story",
        ),
        (
            "Op zaterdagnamiddag theater spelen, verhalen verzinnen en durven spreken voor een groep. 40 euro per trimester, met UiTPAS minder.",
            "Le samedi après-midi, faire du théâtre, inventer des histoires et oser parler devant un groupe. 40 euros par trimestre, moins avec l'UiTPAS.",
            "On Saturday afternoons: acting, making up stories and daring to speak in front of a group. 40 euros a term, less with UiTPAS.",
        ),
        (
            "We spelen spelletjes met stem en lichaam, maken korte scènes en werken naar een voorstelling in juni. Alle kinderen doen mee, ook wie nog niet goed Nederlands spreekt: theater gaat ook zonder woorden. Met een UiTPAS met kansentarief of een sociaal tarief betaal je 10 euro per trimester.",
            "On joue avec la voix et le corps, on crée de courtes scènes et on prépare un spectacle en juin. Tous les enfants participent, même ceux qui ne parlent pas encore bien néerlandais : le théâtre fonctionne aussi sans mots. Avec une UiTPAS à tarif réduit ou le tarif social, tu paies 10 euros par trimestre.",
            "We play games with voice and body, make short scenes and work towards a show in June. All children take part, including those who don't speak much Dutch yet: theatre works without words too. With a reduced-rate UiTPAS or the social tariff you pay 10 euros a term.",
        ),
        themes=["theatre"],
        ages=(9, 13),
        levels=["primary"],
        system=NL,
        when=weekly([SAT], "14:00", "16:00"),
        price=(TERM, "40", "10", ["uitpas", "social_tariff"]),
        join=REGISTRATION,
        capacity=16,
        languages=["nl", "fr"],
        confirmed=["Yasmine", "Elif"],
    ),
    activity(
        LAKEN,
        ("Improvisatietheater voor tieners", "Théâtre d'impro pour ados", "Improv theatre for teenagers"),
        (
            "Elke woensdagnamiddag improviseren: snel reageren, samen spelen en veel lachen. Gratis, gewoon binnenlopen.",
            "Chaque mercredi après-midi, de l'impro : réagir vite, jouer ensemble et beaucoup rire. Gratuit, entrée libre.",
            "Every Wednesday afternoon: improv. Think fast, play together and laugh a lot. Free, just drop in.",
        ),
        (
            "Improvisatie helpt je om zelfzekerder te spreken, ook op school bij een spreekbeurt of een mondeling examen. Een acteur leidt de sessies. We spelen in het Nederlands en het Frans door elkaar.",
            "L'impro t'aide à parler avec plus d'assurance, aussi à l'école pour un exposé ou un examen oral. Un comédien anime les séances. On joue en néerlandais et en français, mélangés.",
            "Improv helps you speak with more confidence, also at school for a presentation or an oral exam. An actor leads the sessions. We play in Dutch and French, mixed.",
        ),
        themes=["theatre", "wellbeing"],
        audience=["youths"],
        ages=(13, 18),
        levels=["secondary"],
        system=BOTH,
        when=weekly([WED], "15:00", "17:00"),
        languages=["nl", "fr"],
    ),
    # --- Codeclub Sint-Joost ---------------------------------------------------------------------
    activity(
        CODECLUB,
        (
            "Codeerclub: Scratch en robots",
            "Club de code : Scratch et robots",
            "Coding club: Scratch and robots",
        ),
        (
            "Op zaterdagochtend leer je programmeren met Scratch en laat je robotjes rijden. Gratis, laptops zijn er.",
            "Le samedi matin, tu apprends à programmer avec Scratch et tu fais rouler des petits robots. Gratuit, les ordinateurs sont fournis.",
            "On Saturday mornings you learn to code with Scratch and make little robots drive. Free, laptops provided.",
        ),
        (
            "Vrijwilligers uit de IT-sector helpen je je eigen spel te maken. Later bouwen en programmeren we robots met sensoren. Je werkt op je eigen tempo, alleen of met een vriend. De plaatsen zijn beperkt: schrijf je in.",
            "Des bénévoles du secteur informatique t'aident à créer ton propre jeu. Ensuite, on construit et on programme des robots avec des capteurs. Tu avances à ton rythme, seul ou avec un ami. Les places sont limitées : inscris-toi.",
            "Volunteers from the IT sector help you make your own game. Later we build and program robots with sensors. You work at your own pace, alone or with a friend. Places are limited: register.",
        ),
        themes=["stem-ict"],
        ages=(9, 13),
        levels=["primary", "secondary"],
        system=BOTH,
        when=weekly([SAT], "10:00", "12:30"),
        join=REGISTRATION,
        capacity=12,
        languages=["nl", "fr", "en"],
        confirmed=["Adam", "Bilal", "Elif", "Emre", "Maria", "Sami", "Lucas", "Noor", "Rayan", "Kuba"],
    ),
    activity(
        CODECLUB,
        ("Meisjes en techniek", "Filles et technologie", "Girls and technology"),
        (
            "Een club voor meisjes van 11 tot 15: apps ontwerpen, 3D-printen en vrouwen ontmoeten die in de techniek werken.",
            "Un club pour les filles de 11 à 15 ans : créer des applis, imprimer en 3D et rencontrer des femmes qui travaillent dans la tech.",
            "A club for girls aged 11 to 15: designing apps, 3D printing and meeting women who work in tech.",
        ),
        (
            "Elke woensdagnamiddag werk je aan een project dat je zelf kiest. Eén keer per maand komt een ingenieur, programmeur of technicus vertellen over haar werk. Handig als je twijfelt over een studierichting in het secundair.",
            "Chaque mercredi après-midi, tu travailles sur un projet que tu choisis. Une fois par mois, une ingénieure, une programmeuse ou une technicienne vient parler de son métier. Utile si tu hésites sur ton orientation en secondaire.",
            "Every Wednesday afternoon you work on a project you choose yourself. Once a month an engineer, programmer or technician comes to talk about her work. Useful if you are unsure which track to choose in secondary school.",
        ),
        themes=["stem-ict", "orientation"],
        audience=["children", "youths"],
        ages=(11, 15),
        levels=["primary", "secondary"],
        system=BOTH,
        when=weekly([WED], "14:00", "16:30"),
        join=REGISTRATION,
        capacity=10,
        languages=["nl", "fr", "en"],
        confirmed=["Zofia", "Noor"],
    ),
    activity(
        CODECLUB,
        (
            "Programmeren online: Python voor beginners",
            "Programmer en ligne : Python pour débutants",
            "Online programming: Python for beginners",
        ),
        (
            "Elke dinsdagavond een online les van een uur. Je leert stap voor stap programmeren in Python, van thuis uit.",
            "Chaque mardi soir, un cours en ligne d'une heure. Tu apprends pas à pas à programmer en Python, depuis chez toi.",
            "A one-hour online class every Tuesday evening. You learn to program in Python step by step, from home.",
        ),
        (
            "Je krijgt een link voor de videoles en oefeningen voor de week erna. Je hebt een computer nodig; een tablet is niet genoeg. Heb je er geen? Vraag naar onze uitleenlaptops. Neem contact op om te starten.",
            "Tu reçois un lien pour le cours vidéo et des exercices pour la semaine suivante. Il te faut un ordinateur ; une tablette ne suffit pas. Tu n'en as pas ? Demande nos ordinateurs en prêt. Contacte-nous pour commencer.",
            "You get a link to the video class and exercises for the following week. You need a computer; a tablet is not enough. Don't have one? Ask about our loan laptops. Get in touch to start.",
        ),
        themes=["stem-ict"],
        audience=["youths"],
        ages=(12, 16),
        levels=["secondary"],
        when=weekly([TUE], "18:00", "19:00"),
        join=CONTACT,
        languages=["nl", "fr", "en"],
        online=True,
        email="info@codeclub-sintjoost.example.org",
    ),
    # --- Ouderpunt Evere ---------------------------------------------------------------------------
    activity(
        EVERE,
        (
            "Gezinsklas: samen leren met je kind",
            "Classe des familles : apprendre avec votre enfant",
            "Family class: learning together with your child",
        ),
        (
            "Op zaterdagochtend leren ouders en kinderen samen: spelletjes, lezen en rekenen, zodat je thuis kan helpen met school.",
            "Le samedi matin, parents et enfants apprennent ensemble : jeux, lecture et calcul, pour pouvoir aider à la maison pour l'école.",
            "On Saturday mornings parents and children learn together: games, reading and maths, so you can help with school at home.",
        ),
        (
            "In de gezinsklas zit je samen met je kind aan tafel. Een leerkracht toont hoe de school werkt en hoe je kan helpen, ook als je de schooltaal zelf niet goed spreekt. Je krijgt spelletjes mee naar huis. Schrijf je kind in; de ouder komt mee.",
            "Dans la classe des familles, vous êtes à table avec votre enfant. Une enseignante montre comment fonctionne l'école et comment vous pouvez aider, même si vous ne parlez pas bien la langue de l'école. Vous recevez des jeux à emporter à la maison. Inscrivez votre enfant ; le parent l'accompagne.",
            "In the family class you sit at the table with your child. A teacher shows how school works and how you can help, even if you don't speak the school language well yourself. You take games home. Register your child; the parent comes along.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings", "language", "homework"],
        audience=["families", "parents", "children"],
        ages=(4, 10),
        levels=["preschool", "primary"],
        system=BOTH,
        when=weekly([SAT], "10:00", "12:00"),
        join=REGISTRATION,
        capacity=12,
        languages=["nl", "fr", "ar", "tr", "ro"],
        interpreter=True,
        confirmed=["Ines"],
    ),
    activity(
        EVERE,
        (
            "Ouderkoffie: praten over school",
            "Café des parents : parler de l'école",
            "Parent coffee: talking about school",
        ),
        (
            "Elke maandag na het brengen: een koffie met andere ouders en een medewerker van het Ouderpunt. Over school, huiswerk en rapporten.",
            "Chaque lundi après avoir déposé les enfants : un café avec d'autres parents et un collaborateur du Point parents. Sur l'école, les devoirs et les bulletins.",
            "Every Monday after the school run: coffee with other parents and someone from the Parent Point. About school, homework and school reports.",
        ),
        (
            "Hoe lees je een rapport? Wat doe je als je kind gepest wordt? Waar vind je hulp bij het huiswerk? We zoeken samen antwoorden. Je mag kleine kinderen meebrengen.",
            "Comment lire un bulletin ? Que faire si votre enfant est harcelé ? Où trouver de l'aide pour les devoirs ? Nous cherchons les réponses ensemble. Vous pouvez venir avec vos petits.",
            "How do you read a school report? What do you do if your child is bullied? Where can you find homework help? We look for answers together. You can bring young children.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings"],
        audience=["parents"],
        when=weekly([MON], "08:45", "10:00"),
        languages=["nl", "fr", "ar", "tr"],
    ),
    activity(
        EVERE,
        (
            "Infoavond: hoe werkt de school in Brussel?",
            "Soirée d'info : comment fonctionne l'école à Bruxelles ?",
            "Information evening: how does school work in Brussels?",
        ),
        (
            "Nederlandstalig of Franstalig onderwijs, inschrijven, kosten en steun: alles over de school in Brussel, met tolken.",
            "Enseignement néerlandophone ou francophone, inscription, frais et aides : tout sur l'école à Bruxelles, avec des interprètes.",
            "Dutch-language or French-language education, enrolling, costs and support: all about school in Brussels, with interpreters.",
        ),
        (
            "Voor ouders die nieuw zijn in Brussel of die een school zoeken voor hun kind. We leggen uit hoe de twee onderwijssystemen werken, wanneer je moet inschrijven en welke schooltoelagen er zijn. Er zijn tolken Arabisch, Turks en Roemeens. Er is kinderopvang.",
            "Pour les parents qui sont nouveaux à Bruxelles ou qui cherchent une école pour leur enfant. Nous expliquons comment fonctionnent les deux systèmes scolaires, quand il faut inscrire votre enfant et quelles allocations scolaires existent. Il y a des interprètes en arabe, en turc et en roumain. Une garderie est prévue.",
            "For parents who are new to Brussels or looking for a school for their child. We explain how the two school systems work, when to enrol and which school allowances exist. There are Arabic, Turkish and Romanian interpreters. Childcare is provided.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings", "orientation"],
        audience=["parents"],
        when=once(17, THU, "19:00", "21:00"),
        languages=["nl", "fr", "ar", "tr", "ro"],
        interpreter=True,
    ),
    # --- CLB Brussel – antenne Elsene -----------------------------------------------------------------
    activity(
        CLB,
        (
            "Welke richting kies ik? Infonamiddag studiekeuze",
            "Quelle option choisir ? Après-midi d'orientation",
            "Which track do I choose? Study choice afternoon",
        ),
        (
            "Voor leerlingen van het tweede jaar secundair: ontdek de richtingen van de tweede graad, doe een test en stel je vragen.",
            "Pour les élèves de 2e secondaire : découvre les options du 2e degré, fais un test et pose tes questions.",
            "For students in year 2 of secondary school: discover the tracks of the next stage, take a short test and ask your questions.",
        ),
        (
            "Medewerkers van het CLB en leerlingen van verschillende richtingen vertellen wat je leert en waar het naartoe leidt. Je doet een korte interessetest en krijgt een persoonlijk gesprek als je dat wilt. Ouders zijn welkom. Schrijf je in, dan weten we hoeveel mensen er komen.",
            "Des collaborateurs du CLB et des élèves de différentes options expliquent ce que tu y apprends et où cela mène. Tu fais un court test d'intérêts et tu peux avoir un entretien personnel si tu le souhaites. Les parents sont les bienvenus. Inscris-toi pour que nous sachions combien de personnes viennent.",
            "Pupil guidance staff and students from different tracks tell you what you learn and where it leads. You take a short interest test and can have a personal talk if you want. Parents are welcome. Register so we know how many people are coming.",
        ),
        pillar=WELLBEING,
        themes=["orientation"],
        audience=["youths", "parents"],
        ages=(13, 15),
        levels=["secondary"],
        system=NL,
        when=once(9, WED, "14:00", "16:30"),
        join=REGISTRATION,
        capacity=25,
        languages=["nl", "fr"],
        confirmed=["Jonas", "Zofia"],
    ),
    activity(
        CLB,
        (
            "Online infosessie: van de lagere school naar het secundair",
            "Séance d'info en ligne : du primaire au secondaire",
            "Online information session: from primary to secondary school",
        ),
        (
            "Een online avond voor ouders van kinderen in het vijfde en zesde leerjaar: hoe kies je een school en hoe schrijf je in voor het secundair?",
            "Une soirée en ligne pour les parents d'enfants en 5e et 6e primaire : comment choisir une école secondaire et comment inscrire votre enfant ?",
            "An online evening for parents of children in years 5 and 6: how to choose a secondary school and how to enrol?",
        ),
        (
            "Je volgt de uitleg van thuis uit, op je computer of smartphone. We leggen uit hoe het aanmelden in Brussel werkt, welke data belangrijk zijn en hoe je een school kiest die bij je kind past. Je kan vragen stellen in de chat. Na de sessie sturen we de slides in eenvoudig Nederlands, Frans en Engels.",
            "Vous suivez la présentation depuis chez vous, sur votre ordinateur ou votre smartphone. Nous expliquons comment fonctionne l'inscription à Bruxelles, quelles dates sont importantes et comment choisir une école qui convient à votre enfant. Vous pouvez poser vos questions dans le chat. Après la séance, nous envoyons la présentation en néerlandais, en français et en anglais simples.",
            "You follow the talk from home, on your computer or smartphone. We explain how applying for a school works in Brussels, which dates matter and how to choose a school that suits your child. You can ask questions in the chat. After the session we send the slides in plain Dutch, French and English.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["orientation", "parent-meetings"],
        audience=["parents"],
        system=NL,
        when=once(20, TUE, "20:00", "21:00"),
        join=CONTACT,
        languages=["nl", "fr", "en"],
        online=True,
        email="clb@clb-brussel.example.org",
    ),
    activity(
        CLB,
        (
            "Spreekuur: vragen over je schoolloopbaan",
            "Permanence : questions sur ton parcours scolaire",
            "Walk-in hours: questions about your school career",
        ),
        (
            "Elke woensdagnamiddag zonder afspraak langskomen met vragen over studiekeuze, zittenblijven, een attest of van school veranderen.",
            "Chaque mercredi après-midi, passe sans rendez-vous avec tes questions sur l'orientation, le redoublement, une attestation ou un changement d'école.",
            "Every Wednesday afternoon, drop in without an appointment with questions about choosing a track, repeating a year, a certificate or changing school.",
        ),
        (
            "Een CLB-medewerker luistert naar jouw vraag, of die van je ouders, en zoekt mee naar een oplossing. Het gesprek is gratis en vertrouwelijk. Voor leerlingen van Nederlandstalige scholen in Brussel.",
            "Un collaborateur du CLB écoute ta question, ou celle de tes parents, et cherche une solution avec toi. L'entretien est gratuit et confidentiel. Pour les élèves des écoles néerlandophones à Bruxelles.",
            "A pupil guidance worker listens to your question, or your parents' question, and looks for a solution with you. The talk is free and confidential. For pupils at Dutch-language schools in Brussels.",
        ),
        pillar=WELLBEING,
        themes=["orientation", "wellbeing"],
        audience=["youths", "parents"],
        ages=(12, 18),
        levels=["secondary"],
        system=NL,
        when=weekly([WED], "13:00", "16:00"),
        languages=["nl", "fr", "en"],
    ),
    # --- Natuurwerkgroep Neerpede -----------------------------------------------------------------
    activity(
        NEERPEDE,
        ("Gezinswandeling in Neerpede", "Balade en famille à Neerpede", "Family walk in Neerpede"),
        (
            "Een wandeling van twee uur langs velden, vijvers en boerderijen in Neerpede, met een natuurgids. Gratis, voor het hele gezin.",
            "Une balade de deux heures le long des champs, des étangs et des fermes de Neerpede, avec un guide nature. Gratuit, pour toute la famille.",
            "A two-hour walk past fields, ponds and farms in Neerpede, with a nature guide. Free, for the whole family.",
        ),
        (
            "We vertrekken aan de Vogelenzangweg, tien minuten wandelen van metrohalte Erasmus. Onderweg zoeken we sporen van dieren en proeven we van de zelfoogstboerderij. Trek stevige schoenen aan. Bij storm gaat de wandeling niet door.",
            "Départ au chemin du Vogelenzang, à dix minutes à pied de la station de métro Érasme. En chemin, on cherche des traces d'animaux et on goûte les légumes de la ferme en autocueillette. Mettez de bonnes chaussures. En cas de tempête, la balade est annulée.",
            "We start at the Vogelenzangweg, a ten-minute walk from Erasme metro station. On the way we look for animal tracks and taste vegetables from the pick-your-own farm. Wear sturdy shoes. The walk is cancelled in case of a storm.",
        ),
        themes=["nature", "world-neighbourhood"],
        audience=["families", "children", "parents"],
        when=once(14, SUN, "10:00", "12:00"),
        languages=["nl", "fr"],
    ),
    activity(
        NEERPEDE,
        (
            "Natuurclub: bos, beestjes en moestuin",
            "Club nature : bois, petites bêtes et potager",
            "Nature club: woods, bugs and vegetable garden",
        ),
        (
            "Elke woensdagnamiddag buiten: beestjes zoeken, hutten bouwen en groenten kweken in onze moestuin. 5 euro per keer.",
            "Chaque mercredi après-midi dehors : chercher des petites bêtes, construire des cabanes et faire pousser des légumes au potager. 5 euros par séance.",
            "Outdoors every Wednesday afternoon: looking for bugs, building dens and growing vegetables in our garden. 5 euros per session.",
        ),
        (
            "Met een natuurgids ontdek je wat er in elk seizoen leeft in Neerpede. In de lente zaaien we, in de zomer oogsten we en in de herfst maken we soep. Met een sociaal tarief of een Article 27-ticket betaal je 1,50 euro. Draag kleren die vuil mogen worden, en laarzen als het regent.",
            "Avec un guide nature, tu découvres ce qui vit à Neerpede à chaque saison. Au printemps on sème, en été on récolte et en automne on fait de la soupe. Avec le tarif social ou un ticket Article 27, tu paies 1,50 euro. Mets des vêtements qui peuvent être salis, et des bottes s'il pleut.",
            "With a nature guide you discover what lives in Neerpede in every season. In spring we sow, in summer we harvest and in autumn we make soup. With the social tariff or an Article 27 ticket you pay 1.50 euros. Wear clothes that can get dirty, and boots when it rains.",
        ),
        themes=["nature"],
        ages=(7, 12),
        levels=["primary"],
        system=BOTH,
        when=weekly([WED], "13:30", "16:30", skip_holidays=False),
        price=(SESSION, "5", "1.50", ["social_tariff", "article27"]),
        join=REGISTRATION,
        capacity=15,
        languages=["nl", "fr"],
        confirmed=["Lucas"],
    ),
    activity(
        NEERPEDE,
        (
            "Zomerkamp: op ontdekking in de natuur",
            "Stage d'été : à la découverte de la nature",
            "Summer camp: exploring nature",
        ),
        (
            "Vijf dagen buiten in juli: wandelen, kamperen in de tuin, beekjes onderzoeken en koken op een vuur. 90 euro, met UiTPAS of sociaal tarief 25 euro.",
            "Cinq jours dehors en juillet : balades, camping au jardin, exploration des ruisseaux et cuisine au feu de bois. 90 euros, 25 euros avec l'UiTPAS ou le tarif social.",
            "Five days outdoors in July: walks, camping in the garden, exploring streams and cooking over a fire. 90 euros, 25 euros with UiTPAS or the social tariff.",
        ),
        (
            "Het kamp loopt van maandag tot vrijdag, van 9 tot 16 uur, met één overnachting in tenten op donderdag. Je leert kaartlezen, vuur maken en dieren herkennen. Lunch en vieruurtje zijn inbegrepen. Laat ons weten als je kind een allergie heeft of iets niet mag eten.",
            "Le stage a lieu du lundi au vendredi, de 9 h à 16 h, avec une nuit sous tente le jeudi. Tu apprends à lire une carte, à faire du feu et à reconnaître les animaux. Le repas de midi et le goûter sont compris. Dites-nous si votre enfant a une allergie ou un régime alimentaire.",
            "The camp runs Monday to Friday, 9:00 to 16:00, with one night in tents on Thursday. You learn to read a map, light a fire and recognise animals. Lunch and an afternoon snack are included. Let us know if your child has an allergy or a special diet.",
        ),
        themes=["nature"],
        ages=(8, 12),
        levels=["primary"],
        system=BOTH,
        when=july_camp(3, "09:00", "16:00"),
        price=(WHOLE, "90", "25", ["uitpas", "social_tariff"]),
        join=REGISTRATION,
        capacity=20,
        languages=["nl", "fr"],
        confirmed=["Amina", "Lucas", "Ines", "Andrei", "Yasmine"],
    ),
    # --- Maison de quartier Brabant -----------------------------------------------------------------
    activity(
        BRABANT,
        (
            "Ouderkoffie in de Brabantwijk",
            "Café des parents du quartier Brabant",
            "Parent café in the Brabant neighbourhood",
        ),
        (
            "Elke donderdagochtend een moment voor ouders om elkaar te ontmoeten en te praten over school en kinderen, in verschillende talen.",
            "Chaque jeudi matin, un moment pour se retrouver entre parents, parler de l'école et des enfants, en plusieurs langues.",
            "Every Thursday morning, a moment for parents to meet and talk about school and children, in several languages.",
        ),
        (
            "Bij een muntthee of koffie delen we vragen van elke dag: huiswerk, schermen, slapen, het contact met de school. Een begeleidster spreekt Frans, Arabisch en Turks, en een vrijwilliger vertaalt naar het Roemeens. Soms komt een juf van de buurtschool erbij.",
            "Autour d'un thé à la menthe ou d'un café, on partage les questions de tous les jours : les devoirs, les écrans, le sommeil, la relation avec l'école. Une animatrice parle français, arabe et turc, et une bénévole traduit en roumain. Parfois, une institutrice de l'école du quartier nous rejoint.",
            "Over mint tea or coffee we share everyday questions: homework, screens, sleep, getting on with the school. One host speaks French, Arabic and Turkish, and a volunteer translates into Romanian. Sometimes a teacher from the local school joins us.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["parent-meetings", "wellbeing"],
        audience=["parents"],
        when=weekly([THU], "09:00", "11:00", skip_holidays=False),
        languages=["fr", "ar", "tr", "ber", "ro"],
        written_in="fr",
    ),
    activity(
        BRABANT,
        (
            "Praattafel Frans voor ouders",
            "Table de conversation en français pour parents",
            "French conversation table for parents",
        ),
        (
            "Elke dinsdagnamiddag Frans oefenen om met de school en de leerkrachten te praten. Met opvang voor de kleinsten.",
            "Chaque mardi après-midi, pratiquer le français pour parler avec l'école et les enseignants. Garderie pour les petits.",
            "Every Tuesday afternoon, practise French to talk with the school and the teachers. With childcare for little ones.",
        ),
        (
            "Voor ouders die Frans leren. We oefenen echte situaties: een oudercontact, een telefoontje van de school, een briefje in de schoolagenda. De groep is klein en iedereen spreekt op zijn eigen tempo.",
            "Pour les parents qui apprennent le français. On s'entraîne à des situations réelles : une réunion de parents, un appel de l'école, un mot dans le journal de classe. Le groupe est petit et chacun parle à son rythme.",
            "For parents learning French. We practise real situations: a parents' evening, a phone call from the school, a note in the school diary. The group is small and everyone speaks at their own pace.",
        ),
        pillar=PARENT_SUPPORT,
        themes=["language"],
        audience=["parents"],
        system=FR,
        when=weekly([TUE], "13:30", "15:30"),
        languages=["fr", "ar", "tr", "ro"],
        written_in="fr",
    ),
    activity(
        BRABANT,
        (
            "Spelotheek op zaterdag voor gezinnen",
            "Ludothèque du samedi en famille",
            "Saturday toy library for families",
        ),
        (
            "Gezelschapsspelen en bouwspelen voor klein en groot, om ter plaatse te spelen of te lenen.",
            "Jeux de société et jeux de construction pour petits et grands, à jouer sur place ou à emprunter.",
            "Board games and construction toys for young and old, to play on the spot or to borrow.",
        ),
        (
            "Deze activiteit gaat dit jaar niet door: de zaal wordt verbouwd. We hopen volgend jaar opnieuw te openen.",
            "Cette activité est annulée cette année : la salle est en travaux. Nous espérons rouvrir l'année prochaine.",
            "This activity is cancelled this year: the hall is being renovated. We hope to reopen next year.",
        ),
        themes=["games-play"],
        audience=["families", "children"],
        ages=(3, 12),
        when=weekly([SAT], "14:00", "17:00", skip_holidays=False),
        languages=["fr", "nl", "ar"],
        written_in="fr",
        cancelled=True,
    ),
    # --- Buurtsport Mechelen -----------------------------------------------------------------------
    activity(
        BUURTSPORT,
        ("Pleinsport na school", "Sport sur la place après l'école", "Sport on the square after school"),
        (
            "Op maandag, woensdag en vrijdag sporten op het plein met sportbegeleiders: voetbal, basket, dans en spelletjes. Gratis.",
            "Le lundi, le mercredi et le vendredi, du sport sur la place avec des animateurs sportifs : football, basket, danse et jeux. Gratuit.",
            "On Monday, Wednesday and Friday: sport on the square with sports coaches. Football, basketball, dance and games. Free.",
        ),
        (
            "Je hoeft niet in te schrijven en je hoeft geen lid te zijn van een club. Elke keer is er een andere sport. Wil je meer? De begeleiders helpen je een club te vinden die bij je past, met een UiTPAS met kansentarief.",
            "Pas besoin de s'inscrire ni d'être membre d'un club. Chaque fois, il y a un autre sport. Tu en veux plus ? Les animateurs t'aident à trouver un club qui te convient, avec une UiTPAS à tarif réduit.",
            "No need to register or to be a member of a club. There is a different sport every time. Want more? The coaches help you find a club that suits you, with a reduced-rate UiTPAS.",
        ),
        themes=["sport", "games-play"],
        audience=["children", "youths"],
        ages=(8, 14),
        levels=["primary", "secondary"],
        system=NL,
        when=weekly([MON, WED, FRI], "16:00", "18:00", skip_holidays=False),
        languages=["nl", "ar", "ber"],
    ),
    activity(
        BUURTSPORT,
        ("Sportkamp in juli", "Stage sportif en juillet", "Sports camp in July"),
        (
            "Vijf dagen sporten en spelen in De Nekker: zwemmen, klimmen, voetbal en kajak. 60 euro, met UiTPAS kansentarief 12 euro.",
            "Cinq jours de sport et de jeux au Nekker : natation, escalade, football et kayak. 60 euros, 12 euros avec l'UiTPAS à tarif réduit.",
            "Five days of sport and games at De Nekker: swimming, climbing, football and kayaking. 60 euros, 12 euros with a reduced-rate UiTPAS.",
        ),
        (
            "Het kamp loopt van maandag tot vrijdag, van 9 tot 16 uur, met opvang vanaf 8 uur. Sportmonitoren zorgen voor een veilig en afwisselend programma voor kinderen van 6 tot 12 jaar. Breng een lunchpakket, zwemgerief en een drinkbus mee.",
            "Le stage a lieu du lundi au vendredi, de 9 h à 16 h, avec garderie dès 8 h. Des moniteurs sportifs proposent un programme sûr et varié pour les enfants de 6 à 12 ans. Apporte un pique-nique, un maillot et une gourde.",
            "The camp runs Monday to Friday, 9:00 to 16:00, with childcare from 8:00. Sports instructors run a safe and varied programme for children aged 6 to 12. Bring a packed lunch, swimming gear and a water bottle.",
        ),
        themes=["sport"],
        ages=(6, 12),
        levels=["primary"],
        system=NL,
        when=july_camp(2, "09:00", "16:00"),
        price=(WHOLE, "60", "12", ["uitpas"]),
        join=REGISTRATION,
        capacity=30,
        languages=["nl"],
    ),
]


# --- loading ----------------------------------------------------------------------------------------
def _translated(prefix, values):
    return {f"{prefix}_{code}": value for code, value in zip(("nl", "fr", "en"), values, strict=True)}


def _load_taxonomy():
    created = 0
    for order, (slug, nl, fr, en) in enumerate(THEMES):
        _theme, was_created = Theme.objects.get_or_create(
            slug=slug, defaults={"sort_order": order, **_translated("name", (nl, fr, en))}
        )
        created += was_created
    for code, nl, fr, en in SPOKEN_LANGUAGES:
        _language, was_created = SpokenLanguage.objects.get_or_create(
            code=code, defaults=_translated("name", (nl, fr, en))
        )
        created += was_created
    return created


def _load_finder_page():
    """The finder page under the home page, and the home page's activities section linking to it."""
    home = HomePage.objects.first()
    finder = ActivityIndexPage.objects.first()
    if finder is None:
        finder = ActivityIndexPage(
            show_in_menus=True,
            **{f"title_{code}": value for code, value in FINDER["title"].items()},
            **{f"slug_{code}": value for code, value in FINDER["slug"].items()},
            **{f"intro_{code}": value for code, value in FINDER["intro"].items()},
        )
        home.add_child(instance=finder)
        finder.save_revision().publish()
    changed = False
    for code in ("nl", "fr", "en"):
        blocks = getattr(home, f"sections_{code}").raw_data
        updated = []
        for block in blocks:
            value = dict(block["value"])
            if (
                block["type"] == "section"
                and value.get("icon_name") == "activities"
                and value.get("link_page") != finder.pk
            ):
                value["link_page"] = finder.pk
                changed = True
            updated.append({**block, "value": value})
        setattr(home, f"sections_{code}", updated)
    if changed:
        home.save_revision().publish()
    return finder


def _load_organisations():
    editor = demo_user("editor@example.org")
    created = 0
    for name, kind, street, postcode, municipality, phone, nl, fr, en in EXTRA_ORGANISATIONS:
        _organisation, was_created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "street": street,
                "postcode": postcode,
                "municipality": municipality,
                "phone": phone,
                "status": OrganisationStatus.APPROVED,
                "decided_by": editor,
                "decided_at": timezone.now(),
                **_translated("description", (nl, fr, en)),
            },
        )
        created += was_created
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    venues = {}
    for org_name, name, street, postcode, municipality, lat, lon, wheelchair, directions in VENUES:
        organisation = organisations[org_name]
        venue, _created = Venue.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={
                "street": street,
                "postcode": postcode,
                "municipality": municipality,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "wheelchair_accessible": wheelchair,
                **_translated("directions", directions),
            },
        )
        venues[org_name, name] = venue
        venues.setdefault((org_name, None), venue)
    return organisations, venues, created


def _load_participants():
    """The children (by first name) and the demo youth who fill the demo's places."""
    year = current_year()
    missing = {email for email, *_rest in EXTRA_PARENTS} - set(
        User.objects.filter(email__in=[email for email, *_rest in EXTRA_PARENTS]).values_list(
            "email", flat=True
        )
    )
    # Hashed once, and only when needed: hashing is slow on purpose.
    password = make_password(settings.DEMO_PASSWORD) if missing else None
    for email, name, language, children in EXTRA_PARENTS:
        parent, _created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "account_type": AccountType.PARENT,
                "preferred_language": language,
                "password": password,
            },
        )
        EmailAddress.objects.get_or_create(
            user=parent, email=email, defaults={"verified": True, "primary": True}
        )
        for first_name, age in children:
            ChildProfile.objects.get_or_create(
                parent=parent,
                first_name=first_name,
                defaults={"birth_year": year - age, "consent_given_at": timezone.now()},
            )
    emails = [email for email, *_rest in EXTRA_PARENTS] + ["parent@example.org"]
    children = {
        child.first_name: child
        for child in ChildProfile.objects.filter(parent__email__in=emails).select_related("parent")
    }
    return children, demo_user(DEMO_YOUTH)


def _register(activity_obj, spec, children, youth, now):
    """Registrations as the services would have left them: the first come confirmed, then
    the waiting list in order of arrival."""
    registrations = []
    moment = now - datetime.timedelta(days=21)
    for status, names in (
        (RegistrationStatus.CONFIRMED, spec["confirmed"]),
        (RegistrationStatus.WAITING, spec["waiting"]),
    ):
        for name in names:
            moment += datetime.timedelta(hours=5)
            if name == YOUTH:
                who = {"participant": youth, "registered_by": youth}
            else:
                child = children[name]
                who = {"child": child, "registered_by": child.parent}
            registrations.append(
                Registration(
                    activity=activity_obj, status=status, created_at=moment, status_changed_at=moment, **who
                )
            )
    Registration.objects.bulk_create(registrations)


def _create_activity(spec, organisations, venues, themes, languages, children, youth, today, now):
    organisation = organisations[spec["organisation"]]
    price = spec["price"]
    live = spec["live"]
    activity_obj = Activity(
        organisation=organisation,
        original_language=spec["written_in"],
        pillar=spec["pillar"],
        min_age=spec["ages"][0],
        max_age=spec["ages"][1],
        school_system=spec["system"],
        venue=None if spec["online"] else venues[spec["organisation"], spec["venue"]],
        is_online=spec["online"],
        price_unit=price[0] if price else PriceUnit.FREE,
        price=Decimal(price[1]) if price else None,
        reduced_price=Decimal(price[2]) if price and price[2] is not None else None,
        reduced_schemes=list(price[3]) if price else [],
        join_mode=spec["join"],
        capacity=spec["capacity"],
        # Set with the registrations below, in the same transaction.
        confirmed_count=len(spec["confirmed"]),
        interpreter_available=spec["interpreter"],
        contact_phone=organisation.phone,
        contact_email=spec["email"],
        cancelled=spec["cancelled"],
        live=live,
        first_published_at=now if live else None,
        last_published_at=now if live else None,
        **{f"for_{audience}": True for audience in spec["audience"]},
        **{level: True for level in spec["levels"]},
        **_resolve(spec["when"], today),
        **_translated("title", spec["title"]),
        **_translated("summary", spec["summary"]),
        **_translated("description", spec["description"]),
    )
    if spec["cancel"]:
        upcoming = activity_obj.schedule().sessions(start=today, limit=5)
        activity_obj.cancellations = [
            ActivityCancellation(
                date=upcoming[index].date, **_translated("reason", CANCELLATION_REASONS[reason])
            )
            for index, reason in spec["cancel"]
        ]
    activity_obj.themes = [themes[slug] for slug in spec["themes"]]
    activity_obj.spoken_languages = [languages[code] for code in spec["languages"]]
    # One save: live activities are published as an import would publish them, without a
    # revision (the admin makes one at the first edit); every extra save re-indexes.
    activity_obj.save()
    if spec["confirmed"] or spec["waiting"]:
        _register(activity_obj, spec, children, youth, now)
    if not live:
        activity_obj.save_revision()  # a draft, as a partner leaves it in the admin
    return activity_obj


def load():
    today = timezone.localdate()
    now = timezone.now()
    created_taxonomy = _load_taxonomy()
    created_holidays = _load_holidays(today)
    _load_finder_page()
    organisations, venues, created_organisations = _load_organisations()
    children, youth = _load_participants()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    existing = set(
        Activity.objects.filter(
            organisation__name__in={spec["organisation"] for spec in ACTIVITIES}
        ).values_list("organisation__name", "title_nl")
    )
    created = 0
    for spec in ACTIVITIES:
        if (spec["organisation"], spec["title"][0]) in existing:
            continue
        _create_activity(spec, organisations, venues, themes, languages, children, youth, today, now)
        created += 1
    return (
        f"{created} activities created ({Activity.objects.count()} in all), "
        f"{created_organisations} organisations, {created_taxonomy} themes and languages, "
        f"{created_holidays} school holidays"
    )
