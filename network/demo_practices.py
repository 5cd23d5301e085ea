"""Demo good practices, drawn from the seeds: a homework school (école des devoirs), a family
class (gezinsklas / classe famille), a time-out project (naadloos flexibel traject) and a
parent café. Each is written in one language, as partners write them; some are public.

Called by network/demo.py after the networks and members exist; safe to run twice (a practice
is found by its network and title).
"""

from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from activities.models import Activity

from .models import Network, Practice, PracticeVisibility

PRACTICES = [
    {
        "network": "brussel",
        "author": "nadia@example.org",
        "language": "nl",
        "visibility": PracticeVisibility.PUBLIC,
        "title": "Huiswerkschool bij de voetbalclub",
        "age": "both",
        "strategy_level": "selective",
        "region": "Anderlecht",
        "tags": ["huiswerk", "sport", "vrijwilligers"],
        "activity_words": ["huiswerk"],
        "goal": (
            "Jongeren die voetballen in de club ook op school laten slagen: drie keer per week huiswerkbegeleiding "
            "in de lokalen van de school om de hoek, voor de spelers, hun broers en zussen en alle leerlingen van "
            "die school."
        ),
        "audience": (
            "Twee afdelingen: leerlingen van de lagere school en jongeren van het secundair. Gemiddeld 23 jongeren "
            "uit het secundair en 12 kinderen uit het lager per sessie."
        ),
        "vision": (
            "Sport en school versterken elkaar. Wie moeilijkheden heeft op school, krijgt hulp op maat: sommigen "
            "komen één keer voor een wiskundeonderwerp, anderen tientallen keren per jaar."
        ),
        "activities_text": (
            "Huiswerk maken en lessen herhalen in kleine groepen; een zomerklas eind augustus voor wie een tweede "
            "zit heeft; opvolging van de rapporten van de spelers."
        ),
        "method": (
            "Twee medewerkers van de vzw en een dertigtal vrijwilligers (vooral leerkrachten) omkaderen elke sessie: "
            "ongeveer acht volwassenen per groep. Afspraken met jongeren en ouders staan in een contract."
        ),
        "partners": "De voetbalclub, de school (lokalen en leerkrachten), het CLB.",
        "funding": "Erkend en gesubsidieerd als école de devoirs; onkostenvergoeding voor vrijwilligers.",
        "success_factors": (
            "De band met de club: de trainer vraagt naar het rapport. Laagdrempelig: ook wie niet voetbalt is welkom."
        ),
        "obstacles": "Lange wachtlijsten; vrijwilligers vinden voor wiskunde en wetenschappen in het secundair.",
        "contact": "Huiswerkschool Kuregem, +32 2 555 03 03 (woensdag- en zaterdagnamiddag).",
    },
    {
        "network": "brussel",
        "author": "coordinator@example.org",
        "language": "nl",
        "visibility": PracticeVisibility.NETWORK,
        "title": "Gezinsklas: ouders mee in de klas",
        "age": "-12",
        "strategy_level": "indicated",
        "region": "Schaarbeek",
        "tags": ["ouders", "gedrag", "opvoedingsondersteuning"],
        "activity_words": ["ouder"],
        "goal": (
            "Kinderen van de lagere school die vastlopen door hun gedrag, werken samen met hun ouder aan hun "
            "leerdoelen, in een aparte klas binnen de school."
        ),
        "audience": "Kinderen van 6 tot 11 jaar en een ouder of opvoeder; zes tot acht gezinnen per reeks.",
        "vision": (
            "Ouders hebben veel expertise in de omgang met hun kind. Opvoedingsondersteuning hoort in de school, "
            "niet alleen in een hulpverleningscentrum."
        ),
        "activities_text": "Eén voormiddag per week, tien weken lang: samen aan doelen werken, daarna een oudergroep.",
        "method": (
            "Elk kind kiest met de ouder en de klasleerkracht drie doelen. Een begeleider van de gezinsklas en "
            "de zorgcoördinator volgen de doelen op met een kaart die heen en weer gaat tussen klas en thuis."
        ),
        "partners": "Basisschool, CLB, opvoedingswinkel, brugfiguur van de school.",
        "funding": "Werkingsmiddelen van de school en projectmiddelen van de gemeente.",
        "success_factors": "Ouders als partner, niet als probleem; een vaste begeleider; korte lijnen met de leerkracht.",
        "obstacles": "Ouders die werken kunnen moeilijk een voormiddag vrijmaken; taal (tolken nodig).",
        "contact": "Via de facilitator van het lerend netwerk Brussel.",
    },
    {
        "network": "brussel",
        "author": "coordinator2@example.org",
        "language": "fr",
        "visibility": PracticeVisibility.PUBLIC,
        "title": "Classe famille à l'école",
        "age": "-12",
        "strategy_level": "indicated",
        "region": "Schaerbeek",
        "tags": ["parents", "comportement"],
        "activity_words": ["parent"],
        "goal": (
            "Accompagner les enfants du primaire qui décrochent à cause de leur comportement, avec leurs parents, "
            "dans une classe à part au sein de l'école."
        ),
        "audience": "Enfants de 6 à 11 ans et un parent; six à huit familles par groupe.",
        "vision": "Les parents sont experts de leur enfant : le soutien à la parentalité a sa place à l'école.",
        "activities_text": "Une matinée par semaine pendant dix semaines, puis un groupe de parents.",
        "method": "Trois objectifs choisis avec l'enfant, le parent et l'enseignant, suivis avec une carte école-maison.",
        "partners": "École primaire, CPMS, service d'aide en milieu ouvert (AMO).",
        "funding": "Fonds de l'école et subsides communaux.",
        "success_factors": "Le parent est un partenaire; un accompagnateur fixe.",
        "obstacles": "Horaires de travail des parents; langue (interprètes nécessaires).",
        "contact": "CLB Brussel – Ensemble contre le décrochage, +32 2 555 01 02.",
    },
    {
        "network": "antwerpen",
        "author": "sofie@example.org",
        "language": "nl",
        "visibility": PracticeVisibility.PUBLIC,
        "title": "Time-out: een naadloos flexibel traject",
        "age": "+12",
        "strategy_level": "intervention",
        "region": "Provincie Antwerpen",
        "tags": ["time-out", "spijbelen", "herstel"],
        "activity_words": ["time-out"],
        "goal": (
            "Jongeren tussen 12 en 18 jaar die vastlopen op school en bij wie een breuk met de school dreigt, "
            "tijdelijk buiten de klas op adem laten komen en weer laten aansluiten."
        ),
        "audience": "Leerlingen van het secundair; uitzonderlijk tot 21 jaar als het diploma binnen bereik is.",
        "vision": (
            "Als school even geen optie is, wat dan wel? Time-out werkt niet als je enkel de leerling uit de klas "
            "haalt: ondersteuning van leerkrachten en school hoort erbij."
        ),
        "activities_text": (
            "Groepsgerichte vormingen, individuele begeleiding, herstelgerichte activiteiten, leerplekken "
            "(meewerken in een winkel, dagbesteding in de zorg)."
        ),
        "method": (
            "Verkennen en doen wisselen elkaar af: gesprekken met alle betrokkenen, een traject op maat met "
            "afspraken in een overeenkomst, en een terugkeer naar de klas of een positieve oriëntering."
        ),
        "partners": "School, CLB, leerkrachten, ouders of voogd, hulpverleners.",
        "funding": "Departement Onderwijs en Vorming, in cofinanciering met het Departement Welzijn.",
        "success_factors": (
            "Aanmelden vóór de tuchtprocedure; de motivatie van de jongere toetsen; een vertrouwenspersoon; "
            "betrokken blijven tijdens het traject."
        ),
        "obstacles": "Wachttijden; scholen die de jongere liever niet terugnemen.",
        "contact": "Lerend netwerk Antwerpen, +32 3 555 02 01.",
    },
    {
        "network": "antwerpen",
        "author": "youssef@example.org",
        "language": "en",
        "visibility": PracticeVisibility.NETWORK,
        "title": "Parent café at the school gate",
        "age": "-12",
        "strategy_level": "universal",
        "region": "Mechelen",
        "tags": ["parents", "language"],
        "activity_words": ["café"],
        "goal": "Parents who speak little Dutch meet teachers and each other informally, once a week after drop-off.",
        "audience": "Parents of pre-school and primary pupils, many of them newcomers.",
        "vision": "Trust first: nobody is asked about their situation; interpreters and children's care are there.",
        "activities_text": "Coffee, a short talk on a school topic (reports, homework, holidays), questions.",
        "method": "Run by the bridge worker with a youth worker; themes chosen by the parents the week before.",
        "partners": "Primary school, youth centre, city integration service.",
        "funding": "City budget for parental involvement.",
        "success_factors": "Same day, same place, every week; a warm welcome at the gate.",
        "obstacles": "Fathers rarely come; the room is small.",
        "contact": "Youth centre Mechelen, via the network.",
    },
]


def _linked_activities(spec, network):
    """A few published activities of the demo in the network's region, found by a word."""
    activities = Activity.objects.published().filter(network.postcode_q("venue__postcode"))
    found = []
    for word in spec["activity_words"]:
        found += list(activities.filter(title_nl__icontains=word).order_by("pk")[:2])
    return found


def load():
    networks = {
        network.slug: network for network in Network.objects.filter(slug__in={"brussel", "antwerpen"})
    }
    users = {
        user.email: user for user in User.objects.filter(email__in={spec["author"] for spec in PRACTICES})
    }
    created = 0
    for spec in PRACTICES:
        network = networks.get(spec["network"])
        if network is None or Practice.objects.filter(network=network, title=spec["title"]).exists():
            continue
        values = {
            key: value
            for key, value in spec.items()
            if key not in {"network", "author", "tags", "activity_words"}
        }
        practice = Practice.objects.create(
            network=network,
            author=users.get(spec["author"]),
            slug=slugify(spec["title"])[:190],
            published_at=timezone.now() if spec["visibility"] == PracticeVisibility.PUBLIC else None,
            **values,
        )
        practice.tags.add(*spec["tags"])
        practice.activities.set(_linked_activities(spec, network))
        created += 1
    public = Practice.objects.public().count()
    return f"{created} good practices created ({Practice.objects.count()} in all, {public} public)"
