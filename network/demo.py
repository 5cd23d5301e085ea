"""Demo content of the network app; safe to run twice.

Two learning networks (Brussel, Antwerpen) with coordinators as members, a session happening
now (its live room is open), one next week and one in the past with published minutes. Then
the other parts' demo modules (cases, practices, signals), when they exist.
"""

import datetime
import importlib
import importlib.util

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import AccountType, User
from accounts.roles import COORDINATOR, ROLE_GROUPS

from .models import (
    AgendaItem,
    MemberRole,
    Network,
    NetworkMember,
    Poll,
    PollOption,
    PollVote,
    Rsvp,
    Session,
)

NETWORKS = [
    {
        "slug": "brussel",
        "name_nl": "Lerend netwerk Brussel",
        "name_fr": "Réseau apprenant Bruxelles",
        "name_en": "Learning network Brussels",
        "region_label_nl": "Brussel (19 gemeenten)",
        "region_label_fr": "Bruxelles (19 communes)",
        "region_label_en": "Brussels (19 municipalities)",
        "postcode_ranges": "1000-1299",
        "description_nl": (
            "Coördinatoren jeugdhulp–onderwijs en Samen tegen Schooluitval uit de Brusselse scholen, CLB's, "
            "huiswerkscholen, AMO's en jeugdhuizen. We brengen goede praktijken in kaart, bespreken vastgelopen "
            "casussen en signaleren wat ontbreekt aan de overheden."
        ),
        "description_fr": (
            "Coordinateurs aide à la jeunesse–enseignement et « Ensemble contre le décrochage » des écoles, CPMS, "
            "écoles de devoirs, AMO et maisons de jeunes de Bruxelles. Nous recensons les bonnes pratiques, "
            "discutons des situations bloquées et signalons les manques aux pouvoirs publics."
        ),
        "description_en": (
            "Youth care–education coordinators and 'Together against early school leaving' coordinators from "
            "Brussels schools, pupil guidance centres, homework schools, youth services and youth centres. We map "
            "good practices, consult on stuck cases and signal gaps to government."
        ),
    },
    {
        "slug": "antwerpen",
        "name_nl": "Lerend netwerk Antwerpen",
        "name_fr": "Réseau apprenant Anvers",
        "name_en": "Learning network Antwerp",
        "region_label_nl": "Provincie Antwerpen",
        "region_label_fr": "Province d'Anvers",
        "region_label_en": "Province of Antwerp",
        "postcode_ranges": "2000-2999",
        "description_nl": (
            "Het netwerk van de provincie Antwerpen: scholen, CLB's, jeugdhulp en vrije tijd samen rond kinderen "
            "en jongeren die dreigen uit te vallen. Extra aandacht voor -12-jarigen en hun ouders."
        ),
        "description_fr": (
            "Le réseau de la province d'Anvers : écoles, CLB, aide à la jeunesse et loisirs ensemble autour des "
            "enfants et des jeunes qui risquent de décrocher. Attention particulière aux moins de 12 ans et à "
            "leurs parents."
        ),
        "description_en": (
            "The network of the province of Antwerp: schools, pupil guidance centres, youth care and leisure "
            "together around children and young people at risk of dropping out. Special attention to under-12s "
            "and their parents."
        ),
    },
]

# email, display name, language
PEOPLE = [
    ("coordinator2@example.org", "Eva", "fr"),
    ("nadia@example.org", "Nadia", "nl"),
    ("bram@example.org", "Bram", "nl"),
    ("sofie@example.org", "Sofie", "nl"),
    ("karel@example.org", "Karel", "en"),
]

# Welfare–education coordinators (the Coordinators group), besides accounts.demo's Karim.
COORDINATORS = {"coordinator2@example.org", "sofie@example.org"}

# network slug, email, role, organisation, function, region, phone
MEMBERS = [
    (
        "brussel",
        "coordinator@example.org",
        MemberRole.FACILITATOR,
        "Opgroeien",
        "Coördinator jeugdhulp–onderwijs",
        "Brussel",
        "+32 2 555 01 01",
    ),
    (
        "brussel",
        "coordinator2@example.org",
        MemberRole.MEMBER,
        "CLB Brussel",
        "Coordinatrice Ensemble contre le décrochage",
        "Anderlecht, Molenbeek",
        "+32 2 555 01 02",
    ),
    (
        "brussel",
        "nadia@example.org",
        MemberRole.MEMBER,
        "Huiswerkschool Kuregem",
        "Coördinator",
        "Kuregem",
        "",
    ),
    (
        "brussel",
        "bram@example.org",
        MemberRole.MEMBER,
        "AMO Brabantwijk",
        "Straathoekwerker",
        "Schaarbeek",
        "",
    ),
    (
        "antwerpen",
        "sofie@example.org",
        MemberRole.FACILITATOR,
        "Opgroeien",
        "Coördinator jeugdhulp–onderwijs",
        "Provincie Antwerpen",
        "+32 3 555 02 01",
    ),
    (
        "antwerpen",
        "coordinator2@example.org",
        MemberRole.MEMBER,
        "CLB Brussel",
        "Coordinatrice Ensemble contre le décrochage",
        "",
        "",
    ),
    (
        "antwerpen",
        "karel@example.org",
        MemberRole.MEMBER,
        "Jeugdhuis Mechelen",
        "Youth worker",
        "Mechelen",
        "",
    ),
]


def _person(email, name, language):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "display_name": name,
            "account_type": AccountType.PROFESSIONAL,
            "preferred_language": language,
        },
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _session(network, title, starts_at, hours, agenda, created_by):
    session, _created = Session.objects.get_or_create(
        network=network,
        title=title,
        defaults={
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=hours),
            "created_by": created_by,
        },
    )
    # Relative times move with the day the demo is loaded: "today" stays today.
    session.starts_at = starts_at
    session.ends_at = starts_at + datetime.timedelta(hours=hours)
    session.save(update_fields=["starts_at", "ends_at"])
    if not session.agenda_items.exists():
        AgendaItem.objects.bulk_create(
            [
                AgendaItem(session=session, order=order, title=title, notes=notes)
                for order, (title, notes) in enumerate(agenda)
            ]
        )
    return session


def load():
    for values in NETWORKS:
        values = dict(values)
        slug = values.pop("slug")
        Network.objects.update_or_create(slug=slug, defaults=values)
    coordinators = Group.objects.get(name=ROLE_GROUPS[COORDINATOR])
    for email, name, language in PEOPLE:
        person = _person(email, name, language)
        if email in COORDINATORS:
            coordinators.user_set.add(person)
    users = {user.email: user for user in User.objects.filter(email__in={row[1] for row in MEMBERS})}
    networks = {
        network.slug: network for network in Network.objects.filter(slug__in=["brussel", "antwerpen"])
    }
    for slug, email, role, organisation, function, region, phone in MEMBERS:
        if email not in users:  # accounts.demo not loaded
            continue
        NetworkMember.objects.get_or_create(
            network=networks[slug],
            user=users[email],
            defaults={
                "role": role,
                "organisation": organisation,
                "function": function,
                "region": region,
                "phone": phone,
            },
        )

    brussel, antwerpen = networks["brussel"], networks["antwerpen"]
    facilitator = users.get("coordinator@example.org")
    now = timezone.now().replace(second=0, microsecond=0)
    live = _session(
        brussel,
        "Netwerkmoment: spijbelen in het eerste jaar secundair",
        now - datetime.timedelta(hours=1),
        3,
        [
            ("Welkom en kennismaking", ""),
            ("Casus: twaalfjarige die na de overstap niet meer naar school komt", ""),
            ("Aanbod huiswerkbegeleiding in Kuregem en Peterbos", ""),
            ("Signaal: wachtlijsten huiswerkscholen", ""),
            ("Afspraken en volgende stappen", ""),
        ],
        facilitator,
    )
    past = _session(
        brussel,
        "Netwerkmoment: brug tussen school en vrije tijd",
        now - datetime.timedelta(days=21),
        2,
        [
            (
                "Voorstelling: huiswerkschool en ouderwerking",
                "Twee huiswerkscholen stelden hun ouderwerking voor.",
            ),
            ("Kernkwadrant: leemtes voor -12-jarigen", "Weinig aanbod op woensdagnamiddag in Anderlecht."),
            ("Afspraken", ""),
        ],
        facilitator,
    )
    if not past.minutes_published_at:
        past.minutes = (
            "1. Voorstelling: huiswerkschool en ouderwerking\n"
            "Twee huiswerkscholen stelden hun ouderwerking voor: ouders komen vaker als de uitnodiging mondeling "
            "en in hun taal gebeurt.\n\n"
            "2. Kernkwadrant: leemtes voor -12-jarigen\n"
            "Weinig aanbod op woensdagnamiddag in Anderlecht en Molenbeek; veel aanbod in het centrum.\n\n"
            "Peiling: 'Volgende keer in een school?' Ja: 3 (75%), Nee: 1 (25%)\n"
        )
        past.decisions = (
            "Nadia bezorgt de lijst met huiswerkscholen met wachtlijst, tegen het volgende netwerkmoment.\n"
            "Het netwerk bundelt een signaal over het woensdagaanbod voor -12-jarigen."
        )
        past.minutes_published_at = past.ends_at + datetime.timedelta(days=1)
        past.save(update_fields=["minutes", "decisions", "minutes_published_at"])
    if not past.polls.exists():
        poll = Poll.objects.create(
            session=past, question="Volgende keer in een school?", is_open=False, created_by=facilitator
        )
        yes = PollOption.objects.create(poll=poll, text="Ja", order=0)
        no = PollOption.objects.create(poll=poll, text="Nee", order=1)
        voters = NetworkMember.objects.filter(network=brussel).select_related("user")
        for index, membership in enumerate(voters):
            PollVote.objects.get_or_create(
                poll=poll, user=membership.user, defaults={"option": no if index == 3 else yes}
            )
    upcoming = _session(
        antwerpen,
        "Netwerkmoment: ouders betrekken bij de overstap naar het secundair",
        (now + datetime.timedelta(days=7)).replace(hour=13, minute=30),
        2,
        [("Welkom", ""), ("Goede praktijk: familieklas", ""), ("Casusoverleg", ""), ("Afspraken", "")],
        users.get("sofie@example.org"),
    )
    for session in (live, upcoming):
        for membership in NetworkMember.objects.filter(network=session.network):
            Rsvp.objects.get_or_create(
                session=session, user_id=membership.user_id, defaults={"answer": "yes"}
            )

    summary = [
        f"{Network.objects.count()} networks, {NetworkMember.objects.count()} members, {Session.objects.count()} sessions"
    ]
    for module_name in ("network.demo_cases", "network.demo_practices", "network.demo_signals"):
        if importlib.util.find_spec(module_name) is not None:
            summary.append(str(importlib.import_module(module_name).load()))
    return "; ".join(summary)
