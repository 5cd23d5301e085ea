"""Factories for the network app: tests build what they need, nothing more.

network = make_network()                        # Brussel-like region network
facilitator = make_member(network, role="facilitator")   # returns the User
member = make_member(network)
session = make_session(network, agenda=["Welcome", "Cases"])
case = make_case(network, author=member)
practice = make_practice(network, author=member, visibility="public")
signal = make_signal(network, author=member)
invitation = make_invitation(network, email="x@example.org")   # invitation.token is set
"""

import datetime
import itertools

from django.utils import timezone

from network.models import (
    AgendaItem,
    Case,
    Invitation,
    MemberRole,
    Network,
    NetworkMember,
    Poll,
    PollOption,
    Practice,
    Session,
    Signal,
    SignalBundle,
)
from tests.factories import ProfessionalFactory

_counter = itertools.count(1)


def make_network(name="Lerend netwerk Brussel", slug=None, postcode_ranges="1000-1299", **kwargs):
    number = next(_counter)
    defaults = {
        "name_nl": name,
        "name_fr": kwargs.pop("name_fr", "Réseau apprenant Bruxelles"),
        "name_en": kwargs.pop("name_en", "Learning network Brussels"),
        "description_nl": "Samen tegen schooluitval.",
        "description_fr": "Ensemble contre le décrochage scolaire.",
        "description_en": "Together against early school leaving.",
        "region_label_nl": "Brussel",
        "region_label_fr": "Bruxelles",
        "region_label_en": "Brussels",
    }
    defaults.update(kwargs)
    return Network.objects.create(
        slug=slug or f"network-{number}", postcode_ranges=postcode_ranges, **defaults
    )


def make_member(network, user=None, role=MemberRole.MEMBER, **profile):
    """Adds a (new professional) user to the network; returns the user."""
    user = user or ProfessionalFactory()
    profile.setdefault("organisation", "CLB Brussel")
    profile.setdefault("function", "Coördinator")
    NetworkMember.objects.create(network=network, user=user, role=role, **profile)
    return user


def make_facilitator(network, user=None, **profile):
    return make_member(network, user=user, role=MemberRole.FACILITATOR, **profile)


def make_session(
    network, *, title="Netwerkmoment", starts_at=None, hours=2, agenda=(), created_by=None, **kwargs
):
    starts_at = starts_at or (timezone.now() + datetime.timedelta(days=7))
    session = Session.objects.create(
        network=network,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        created_by=created_by,
        **kwargs,
    )
    for order, item in enumerate(agenda):
        AgendaItem.objects.create(session=session, order=order, title=item)
    return session


def make_poll(session, question="Volgende keer online?", options=("Ja", "Nee"), is_open=True):
    poll = Poll.objects.create(session=session, question=question, is_open=is_open)
    for order, text in enumerate(options):
        PollOption.objects.create(poll=poll, order=order, text=text)
    return poll


def make_case(network, author=None, **kwargs):
    defaults = {
        "age_band": "12-14",
        "school_level": "secondary_1",
        "school_type": "mainstream",
        "situation": "Een jongere komt sinds de herfstvakantie nog zelden naar school.",
        "tried": "De leerlingbegeleider en het CLB hadden gesprekken met het gezin.",
        "question": "Wie kan het gezin thuis ondersteunen?",
    }
    defaults.update(kwargs)
    return Case.objects.create(network=network, author=author, **defaults)


def make_practice(network, author=None, visibility="network", **kwargs):
    defaults = {
        "title": "Huiswerkschool in de buurt",
        "goal": "Kinderen helpen met huiswerk.",
        "language": "nl",
    }
    defaults.update(kwargs)
    return Practice.objects.create(network=network, author=author, visibility=visibility, **defaults)


def make_signal(network, author=None, **kwargs):
    defaults = {
        "kind": "gap",
        "title": "Te weinig huiswerkbegeleiding in het secundair",
        "description": "Wachtlijsten van honderden jongeren.",
        "evidence": "Eén huiswerkschool heeft 1.000 jongeren op de wachtlijst.",
    }
    defaults.update(kwargs)
    return Signal.objects.create(network=network, author=author, **defaults)


def make_bundle(network, title="Signalen voorjaar", **kwargs):
    return SignalBundle.objects.create(network=network, title=title, **kwargs)


def make_invitation(
    network, email="new.member@example.org", role=MemberRole.MEMBER, invited_by=None, **kwargs
):
    return Invitation.issue(network=network, email=email, role=role, invited_by=invited_by, **kwargs)
