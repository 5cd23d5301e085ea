"""Demo content of case consultation and signals (called by network/demo.py); safe to run twice.

Two pseudonymous cases in the Brussel network (a 14-year-old in the second stage of vocational
secondary who skips school; a 10-year-old newcomer without French), with responses and an
outcome, and two signals to government with endorsements, additions and a bundle.
"""

import datetime

from django.utils import timezone

from accounts.models import User

from . import case_services, signals_services
from .models import (
    Case,
    CaseOutcome,
    CaseResponse,
    Network,
    Signal,
    SignalBundle,
    SignalEndorsement,
    SignalStatus,
)

CASES = [
    {
        "author": "coordinator@example.org",
        "days_ago": 12,
        "fields": {
            "age_band": "12-14",
            "school_level": "secondary_2",
            "school_type": "mainstream",
            "situation": (
                "Jongen, 14 jaar, 2de graad BSO. Spijbelt sinds de herfstvakantie, eerst enkele lesuren, nu "
                "hele dagen. Hangt overdag rond met oudere jongeren op een plein in de buurt. Thuis zijn er "
                "vier kinderen; moeder werkt in ploegen, vader is niet in beeld."
            ),
            "tried": (
                "De leerlingbegeleider belde moeder drie keer en had één gesprek op school. Het CLB zag de "
                "jongere twee keer; hij zegt dat hij 'niets leert' in zijn richting. Een straathoekwerker "
                "van de AMO kent hem van het plein en heeft een goede band met hem."
            ),
            "question": (
                "Wie heeft ervaring met een time-outtraject of een ronde tafel met jeugdhulp voor een jongere "
                "die de school niet meer ziet zitten? Is een andere richting halverwege het schooljaar haalbaar?"
            ),
        },
        "responses": [
            (
                "bram@example.org",
                "Wij kennen die groep op het plein. Ik kan samen met de leerlingbegeleider een eerste gesprek "
                "op neutrale grond voorstellen, zonder de school erbij.",
            ),
            (
                "nadia@example.org",
                "Onze huiswerkschool heeft een kleine groep voor 2de graad op woensdagnamiddag. Een vaste "
                "begeleider kan helpen om weer vat te krijgen op de vakken.",
            ),
            (
                "coordinator@example.org",
                "Dank jullie. We plannen een ronde tafel met jongere, moeder, CLB, school en AMO; het "
                "time-outproject komt daar als mogelijkheid op tafel.",
            ),
        ],
        "outcome": CaseOutcome.ROUND_TABLE_PLANNED,
    },
    {
        "author": "coordinator2@example.org",
        "days_ago": 5,
        "fields": {
            "age_band": "6-11",
            "school_level": "primary",
            "school_type": "reception",
            "situation": (
                "Fille de 10 ans, arrivée en Belgique il y a six mois avec sa mère et un petit frère. Elle ne "
                "parle pas encore français; à la maison, on parle arabe. Elle est en classe passerelle mais "
                "s'absente souvent le lundi et le vendredi."
            ),
            "tried": (
                "L'enseignante a invité la mère deux fois, sans interprète: la mère n'est pas venue. Le CPMS "
                "a fait un premier contact par téléphone avec l'aide d'une voisine qui traduisait."
            ),
            "question": (
                "Qui connaît un service d'interprétariat gratuit pour les entretiens école-parents? Et une "
                "école de devoirs qui accueille des enfants qui ne parlent pas encore français?"
            ),
        },
        "responses": [
            (
                "nadia@example.org",
                "Onze huiswerkschool heeft een vrijwilliger die Arabisch spreekt. Het kind is welkom op "
                "dinsdag en donderdag; ik stuur je de praktische info via het netwerk.",
            ),
        ],
        "outcome": CaseOutcome.ADVICE_GIVEN,
    },
]

SIGNALS = [
    {
        "author": "nadia@example.org",
        "kind": "barrier",
        "title": "Geen tolken beschikbaar voor oudergesprekken",
        "description": (
            "Scholen en huiswerkscholen vinden geen tolk voor gesprekken met ouders die geen Nederlands of "
            "Frans spreken. Sociaal tolken moet weken vooraf worden aangevraagd en is voor veel organisaties "
            "te duur. Gesprekken vallen weg of gebeuren met kinderen als tolk."
        ),
        "evidence": (
            "In 6 van de 10 organisaties van het netwerk viel het afgelopen schooljaar minstens één "
            "oudergesprek af bij gebrek aan een tolk."
        ),
        "endorsers": ["coordinator2@example.org", "bram@example.org"],
        "additions": [
            (
                "coordinator2@example.org",
                "case",
                "Meisje van 10, nieuwkomer: moeder kwam niet zonder tolk.",
                1,
            ),
            ("bram@example.org", "figure", "Wachttijd voor een sociaal tolk: gemiddeld 3 weken.", None),
        ],
        "bundle": True,
    },
    {
        "author": "bram@example.org",
        "kind": "gap",
        "title": "Wachtlijsten in de jeugdhulp voor jongeren die spijbelen",
        "description": (
            "Jongeren die structureel spijbelen wachten maanden op begeleiding. In die tijd haken ze "
            "helemaal af en wordt terugkeer naar school moeilijker."
        ),
        "evidence": "Gemiddelde wachttijd voor contextbegeleiding in de regio: 9 maanden.",
        "endorsers": ["nadia@example.org", "coordinator@example.org"],
        "additions": [
            ("coordinator@example.org", "case", "", 0),
        ],
        "bundle": False,
    },
]


def load():
    network = Network.objects.filter(slug="brussel").first()
    if network is None:
        return "no cases (no Brussel network)"
    emails = {c["author"] for c in CASES} | {e for c in CASES for e, _t in c["responses"]}
    emails |= {s["author"] for s in SIGNALS} | {e for s in SIGNALS for e in s["endorsers"]}
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    if len(users) < len(emails):
        return "no cases (demo people missing)"
    now = timezone.now()

    cases = []
    for spec in CASES:
        case = Case.objects.filter(network=network, situation=spec["fields"]["situation"]).first()
        if case is None:
            case = case_services.create_case(
                actor=users[spec["author"]], network=network, data=spec["fields"]
            )
            created = now - datetime.timedelta(days=spec["days_ago"])
            Case.objects.filter(pk=case.pk).update(created_at=created)
            for hours, (email, text) in enumerate(spec["responses"], start=1):
                response = case_services.respond_to_case(actor=users[email], case=case, text=text)
                CaseResponse.objects.filter(pk=response.pk).update(
                    created_at=created + datetime.timedelta(hours=5 * hours)
                )
            case_services.set_outcome(actor=users[spec["author"]], case=case, outcome=spec["outcome"])
        cases.append(case)

    bundle = SignalBundle.objects.filter(
        network=network, title="Signalen naar de stuurgroep – najaar"
    ).first()
    for spec in SIGNALS:
        signal = Signal.objects.filter(network=network, title=spec["title"]).first()
        if signal is not None:
            continue
        signal = signals_services.file_signal(
            actor=users[spec["author"]],
            network=network,
            data={k: spec[k] for k in ("kind", "title", "description", "evidence")},
        )
        for email in spec["endorsers"]:
            SignalEndorsement.objects.get_or_create(signal=signal, user=users[email])
        for email, kind, text, case_index in spec["additions"]:
            case = cases[case_index] if case_index is not None else None
            signals_services.add_to_signal(actor=users[email], signal=signal, kind=kind, text=text, case=case)
        if spec["bundle"]:
            if bundle is None:
                bundle = signals_services.create_bundle(
                    actor=users["coordinator@example.org"],
                    network=network,
                    title="Signalen naar de stuurgroep – najaar",
                    recipient="Stuurgroep lerende netwerken",
                )
            signal.bundle = bundle
            signal.save(update_fields=["bundle"])
            signals_services.update_bundle(
                actor=users["coordinator@example.org"],
                bundle=bundle,
                status=SignalStatus.SENT,
                recipient=bundle.recipient,
            )
    return (
        f"{Case.objects.filter(network=network).count()} cases, "
        f"{Signal.objects.filter(network=network).count()} signals"
    )
