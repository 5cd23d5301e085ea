"""Demo organisations from the field (see shared/seeds): Brussels, Mechelen, Leiden."""

from django.utils import timezone

from accounts.demo import demo_user

from . import services
from .models import Organisation, OrganisationKind, OrganisationStatus

# name, kind, street, postcode, municipality, phone, status, description nl / fr / en
DEMO_ORGANISATIONS = [
    (
        "Huiswerkschool De Brug",
        OrganisationKind.HOMEWORK_SCHOOL,
        "Dapperheidsplein 9",
        "1070",
        "Anderlecht",
        "+32 2 520 14 30",
        OrganisationStatus.APPROVED,
        "Huiswerkbegeleiding voor kinderen van de lagere school en jongeren van het secundair in Kuregem, in kleine groepen, vier dagen per week.",
        "École de devoirs pour les enfants du primaire et les jeunes du secondaire à Cureghem, en petits groupes, quatre jours par semaine.",
        "Homework club for primary pupils and secondary students in Kuregem, in small groups, four days a week.",
    ),
    (
        "Jeugdhuis Peterbos",
        OrganisationKind.YOUTH_WORK,
        "Peterbos 4",
        "1070",
        "Anderlecht",
        "+32 2 523 60 12",
        OrganisationStatus.APPROVED,
        "Jeugdwerk in de wijk Peterbos: vrije tijd, sport, muziek en een luisterend oor voor jongeren van 10 tot 18.",
        "Maison de jeunes au Peterbos : loisirs, sport, musique et une oreille attentive pour les jeunes de 10 à 18 ans.",
        "Youth centre in the Peterbos neighbourhood: leisure, sport, music and someone to listen to young people aged 10 to 18.",
    ),
    (
        "AMO Zwarte Vijvers",
        OrganisationKind.WELFARE,
        "Zwarte-Vijversstraat 48",
        "1080",
        "Sint-Jans-Molenbeek",
        "+32 2 410 72 01",
        OrganisationStatus.APPROVED,
        "Hulp in het open milieu: gratis en anoniem advies voor jongeren en gezinnen, ook over school en spijbelen.",
        "Aide en milieu ouvert : conseils gratuits et anonymes pour les jeunes et les familles, aussi sur l'école et le décrochage.",
        "Open-access youth support: free and anonymous advice for young people and families, including on school and truancy.",
    ),
    (
        "Stadsbibliotheek Mechelen",
        OrganisationKind.LIBRARY,
        "Zoutwerf 5",
        "2800",
        "Mechelen",
        "+32 15 29 48 00",
        OrganisationStatus.APPROVED,
        "De bibliotheek als leerplek na school: huiswerkhoek, voorleesmomenten en taalcafés voor ouders.",
        "La bibliothèque comme lieu d'apprentissage après l'école : coin devoirs, lectures et cafés-langues pour les parents.",
        "The library as a place to learn after school: homework corner, story times and language cafés for parents.",
    ),
    (
        "SOL Leiden",
        OrganisationKind.SCHOOL,
        "Rooseveltstraat 2",
        "2321 BM",
        "Leiden",
        "+31 71 516 60 00",
        OrganisationStatus.APPROVED,
        "Samen Ondernemend Leren: verlengde leertijd en een zomerprogramma met muziek, natuur, techniek en de wereld om je heen.",
        "Apprendre ensemble en entreprenant : temps d'apprentissage prolongé et programme d'été avec musique, nature, technique et le monde qui t'entoure.",
        "Learning together: extended learning time and a summer programme with music, nature, technology and the world around you.",
    ),
    (
        "Voetbalclub Brabantwijk",
        OrganisationKind.SPORT,
        "Brabantstraat 120",
        "1030",
        "Schaarbeek",
        "+32 2 215 33 40",
        OrganisationStatus.PENDING,
        "Voetbaltraining op woensdagnamiddag voor meisjes en jongens van 8 tot 14, met sociaal tarief.",
        "Entraînement de football le mercredi après-midi pour filles et garçons de 8 à 14 ans, avec tarif social.",
        "Football training on Wednesday afternoons for girls and boys aged 8 to 14, with a social tariff.",
    ),
]

PARTNER_ORGANISATION = "Huiswerkschool De Brug"


def load():
    created = 0
    editor = demo_user("editor@example.org")
    for name, kind, street, postcode, municipality, phone, status, nl, fr, en in DEMO_ORGANISATIONS:
        organisation, was_created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "street": street,
                "postcode": postcode,
                "municipality": municipality,
                "phone": phone,
                "status": status,
                "description_nl": nl,
                "description_fr": fr,
                "description_en": en,
                "decided_by": editor if status == OrganisationStatus.APPROVED else None,
                "decided_at": timezone.now() if status == OrganisationStatus.APPROVED else None,
            },
        )
        created += was_created
    services.add_member(
        organisation=Organisation.objects.get(name=PARTNER_ORGANISATION),
        user=demo_user("partner@example.org"),
        function="Coördinator huiswerkbegeleiding",
    )
    return f"{created} organisations created, {Organisation.objects.count()} in all"
