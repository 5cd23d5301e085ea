"""Refuses data that can identify a child in case consultation and signal texts.

Case consultation is pseudonymous by design (professional secrecy binds CLB/CPMS staff):
no names, no birth dates, no contact details, no national register numbers and no school
names. The detectors are those of village.personal_data; this module is the network's policy:
which of them apply (all but `full_names`, since `names` finds more) and what the writer is
told. `find_identifying_data(text)` returns what it found as `(kind, message)` pairs, one per
kind, so a form can refuse to save and say why next to the field. The messages name the kind
of data and, for names and schools, where it stands with a short hint ("“Mo…”") rather than
repeating the data itself.

The policy leans towards refusing: a false alarm costs the writer one rephrasing, a miss
breaks professional secrecy. Ordinary pseudonymous texts such as "Jongen, 14 jaar, 2de graad
BSO, spijbelt sinds de herfstvakantie" pass.
"""

import unicodedata
from collections import namedtuple
from functools import partial

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from village import personal_data
from village.personal_data import ADDRESS, BIRTH_DATE, EMAIL, NAME, NATIONAL_NUMBER, PHONE, SCHOOL

KINDS = (NAME, BIRTH_DATE, EMAIL, PHONE, ADDRESS, NATIONAL_NUMBER, SCHOOL)

Refusal = namedtuple("Refusal", ["kind", "message"])

MAX_HINTS = 3

MESSAGES = {
    NAME: _(
        "This looks like a person's name (%(hints)s). Use a role or a pseudonym instead, such "
        "as “the boy”, “the mother” or “pupil A”."
    ),
    BIRTH_DATE: _(
        "This contains a date that can be a birth date. Write an age or an age band instead, "
        "such as “14 years old”."
    ),
    EMAIL: _(
        "This contains an e-mail address. Leave contact details out: members reach each other "
        "through the network."
    ),
    PHONE: _("This contains a phone number. Leave contact details out."),
    ADDRESS: _("This contains a street address. Leave contact details out."),
    NATIONAL_NUMBER: _("This contains a national register number. Never share it in a case consultation."),
    SCHOOL: _(
        "This names a school or a place that can identify the child (%(hints)s). Describe it "
        "by level and type instead, such as “a secondary school, vocational track”."
    ),
}


def _hint(word):
    """The first two letters: enough to find it in one's own text, not a repetition of it."""
    word = word.strip()
    return f"“{word[:2]}…”" if len(word) > 2 else "“…”"


def _hints(words):
    return ", ".join(_hint(word) for word in list(dict.fromkeys(words))[:MAX_HINTS])


def platform_school_names():
    """School names the platform knows: organisations of kind school, the venues of
    activities, and `settings.VILLAGE_SCHOOL_NAMES`."""
    from activities.models import Venue
    from organisations.models import Organisation, OrganisationKind

    names = list(getattr(settings, "VILLAGE_SCHOOL_NAMES", ()))
    names += Organisation.objects.filter(kind=OrganisationKind.SCHOOL).values_list("name", flat=True)
    names += Venue.objects.values_list("name", flat=True).distinct()
    return names


def find_identifying_data(text, *, school_names=None):
    """What in `text` can identify a person: a list of `Refusal(kind, message)`, one per kind,
    in the order of KINDS; empty when the text is fine.

    `school_names` defaults to the platform's own lists (see `platform_school_names`).
    """
    if not text or not text.strip():
        return []
    text = unicodedata.normalize("NFC", str(text))
    if school_names is None:
        school_names = platform_school_names()

    detectors = (
        personal_data.emails,
        personal_data.national_numbers,
        personal_data.dates,
        personal_data.phones,
        (
            personal_data.addresses,
            partial(personal_data.schools, listed_names=school_names),
            personal_data.names,
        ),
    )
    found = {}
    for finding in personal_data.find(text, detectors):
        found.setdefault(finding.kind, []).append(finding.text)
    # Only the messages about names and schools have hints; the others leave the data unsaid.
    return [Refusal(kind, MESSAGES[kind] % {"hints": _hints(found[kind])}) for kind in KINDS if kind in found]
