"""Keeping the youngest safe: what is held for review before it is public, and why.

Two kinds of holds:
- by who wrote it (`needs_premoderation`): workshop participants (children without accounts),
  youths younger than settings.VILLAGE_PREMODERATION_AGE, and everybody in a track where a
  moderator switched pre-moderation on for all;
- by what it says (`screen`): text that looks like it holds personal data (an e-mail address,
  a phone number, a street address, a full name) or a word of the editable blocklist
  (BlockedWord). Each reason is stored on the contribution ({"code", "detail"}) and shown to
  the moderator.

The detectors are written to miss a little rather than hold ordinary ideas ("Meer voetbal op
woensdag", "Une place de jeux près de l'école"): a held idea of a child that waits for days
is a broken promise too. Reports (anybody can flag a contribution) catch what slips through.

The moderators' decisions (approve / hide / remove) are in participation.moderation_services.
"""

import re
import unicodedata

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

EMAIL = "email"
PHONE = "phone"
ADDRESS = "address"
FULL_NAME = "full_name"
BLOCKED_WORD = "blocked_word"
AUTHOR = "author"
TRACK = "track"

REASON_LABELS = {
    EMAIL: _("Looks like an e-mail address"),
    PHONE: _("Looks like a phone number"),
    ADDRESS: _("Looks like a street address"),
    FULL_NAME: _("Looks like somebody's full name"),
    BLOCKED_WORD: _("Contains a word of the blocklist"),
    AUTHOR: _("Written by a child or a young person: always reviewed"),
    TRACK: _("This track reviews every contribution"),
}


def reason_label(code):
    return REASON_LABELS.get(code, code)


# --- plain text ------------------------------------------------------------------------------

_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def plain_text(value):
    """What people typed, as plain text: NFC, no HTML tags, no control or direction-override
    characters (they can hide or reverse text), ordinary line ends, trimmed.

    Templates escape on output anyway; this is so that no HTML is ever stored either. A lone
    "<" as in "3 < 5" stays (it is not a tag)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if _TAG.search(text):
        text = strip_tags(text)
        text = _TAG.sub("", text)
    # Left-over angle brackets of broken tags are harmless once escaped, but never stored as markup.
    text = text.replace("<", "‹").replace(">", "›") if _TAG.search(text) else text
    return text.strip()


# --- detectors ---------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\s(?:at|apenstaartje|arobase)\s)\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\s(?:dot|punt|point)\s)\s*[\w-]+)*"
    r"\s*(?:\.|\(dot\)|\[dot\]|\s(?:dot|punt|point)\s)\s*(?:com|be|nl|fr|org|net|eu|uk|info|io|me|co)\b",
    re.IGNORECASE,
)
_PLAIN_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

# A run of digits with the separators people type in phone numbers.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s./()\-]{6,18}\d(?!\w)")

_QUANTITY_AFTER = (
    r"(?:keer|x|uur|u|min|minuten|kinderen|kids|jongeren|ouders|euro|eur|€|%|jaar|jaren|dagen|weken|maanden|"
    r"meter|m|km|personen|mensen|plaatsen|stoelen|tafels|ballen|bomen|fois|heures|h|enfants|jeunes|parents|ans|"
    r"jours|semaines|mois|mètres|personnes|places|times|hours|children|years|days|weeks|months|metres|meters|"
    r"people|places|seats|trees|minutes)\b"
)
_NL_STREET = re.compile(
    r"\b[^\W\d_]{2,}(?:straat|laan|plein|steenweg|weg|dreef|lei|kaai|gracht|singel|dijk|markt|hof|pad|baan|kade)"
    r"\s+\d{1,4}(?:\s?[a-z]\b|\s?bus\s?\d+)?(?!\s*" + _QUANTITY_AFTER + r")(?![\d:.,]\d)",
    re.IGNORECASE,
)
_STREET_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:[A-ZÀ-Ý][\w'’-]+|de|du|des|la|le|l'|d'|van|der|den)){0,4}"
_FR_STREET = re.compile(
    r"\b(?:rue|avenue|av\.|chaussée|chaussee|boulevard|bd|place|quai|impasse|allée|allee|chemin|square|drève|clos)"
    r"\s+(?:(?:de\s+la|de\s+l'|de\s+l’|du|des|de|d'|d’|l'|l’)\s*)?"
    + _STREET_NAME
    + r",?\s+\d{1,4}(?:\s?(?:bis|ter|[a-z]))?\b"
    r"(?!\s*" + _QUANTITY_AFTER + r")",
    re.IGNORECASE,
)
_FR_STREET_NUMBER_FIRST = re.compile(
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|chaussée|chaussee|boulevard|place|quai|impasse|allée|chemin)"
    r"\s+(?:(?:de\s+la|de\s+l'|du|des|de|d'|l')\s*)?[A-ZÀ-Ý]",
)
_EN_STREET_WORDS = r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Terrace|Gardens|Grove|Court|Place|Square)"
_EN_STREET = re.compile(r"\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]+\s+){1,3}" + _EN_STREET_WORDS + r"\b")
_EN_STREET_NUMBER_AFTER = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+){1,3}(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|Terrace)\s+\d{1,4}\b"
)

_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]{1,}"
_PARTICLES = r"(?:(?:van|von|de|der|den|del|della|di|da|du|le|la|el|al|ben|bin|ter|ten|vande|vanden)\s+){0,3}"
_INTRO = re.compile(
    r"\b(?:ik\s+ben|ik\s+heet|mijn\s+naam\s+is|je\s+m['’]appelle|mon\s+nom\s+est|moi\s+c['’]est|je\s+suis|"
    r"my\s+name\s+is|i\s+am|i['’]m|call\s+me|this\s+is)\s+("
    + _NAME
    + r")\s+"
    + _PARTICLES
    + "("
    + _NAME
    + r")\b"
)
_TITLED = re.compile(
    r"\b(?:juf|juffrouw|meester|meneer|mevrouw|dokter|madame|monsieur|mademoiselle|mme|mlle|mr|mrs|ms|miss|sir|"
    r"teacher|maîtresse|maitresse|maître|maitre)\.?\s+("
    + _NAME
    + r")\s+"
    + _PARTICLES
    + "("
    + _NAME
    + r")\b",
    re.IGNORECASE,
)
# First name + surname with a particle, in the middle of a sentence: "ik speel met Sara van Dijk".
_WITH_PARTICLE = re.compile(
    r"(?<=[a-zà-ÿ,;:]\s)("
    + _NAME
    + r")\s+(?:van\s+der|van\s+den|van\s+de|van|de|der|den|el|al|ben|le|la|du|ter)\s+("
    + _NAME
    + r")\b"
)
# Two capitalised words in the middle of a sentence: a name, unless they are a known place or
# one of the capitalised words of ordinary sentences (days, months, languages, places).
_TWO_CAPITALS = re.compile(r"(?<=[a-zà-ÿ0-9,;:]\s)(" + _NAME + r")\s+(" + _NAME + r")\b")
_NOT_NAMES = {
    word.lower()
    for word in (
        # days and months (capitalised in English)
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
        "August September October November December Easter Christmas Halloween Ramadan Eid Carnival "
        # languages, peoples, school words
        "Dutch French English Arabic Turkish Spanish Polish Romanian German Italian Moroccan Belgian Flemish "
        "Nederlands Frans Engels Arabisch Turks Duits Wiskunde Maths Math Science History Geography "
        "Scratch Minecraft Fortnite Roblox Lego Playstation Xbox Nintendo Switch Youtube Tiktok Instagram "
        "Google Chrome Wifi Ipad Iphone Android Samsung Netflix Spotify "
        # places of the programme
        "Brussel Brussels Bruxelles Anderlecht Molenbeek Schaerbeek Schaarbeek Ukkel Uccle Elsene Ixelles "
        "Etterbeek Evere Ganshoren Jette Koekelberg Oudergem Auderghem Vorst Forest Watermaal Bosvoorde "
        "Watermael Boitsfort Sint Saint Gillis Gilles Joost Josse Lambrechts Lambert Pieters Pierre Woluwe "
        "Jans Jean Agatha Berchem Agathe Kuregem Cureghem Peterbos Zwarte Vijvers Anneessens Marollen Marolles "
        "Brabantwijk Mechelen Malines Leiden Leyde Wattrelos Antwerpen Anvers Antwerp Gent Gand Ghent Brugge "
        "Bruges Leuven Louvain Liège Luik Namur Namen Charleroi Mons Bergen Lille Rijsel Paris Parijs London "
        "Londen Norfolk Sussex East West North South Noord Zuid Oost Nord Sud Est Ouest Den Haag Amsterdam "
        "Rotterdam Utrecht Europe Europa Belgium België Belgique Nederland Netherlands France Frankrijk "
        "Park Parc Plein Place Square Centre Center Centrum Station Gare Street Road Avenue School Ecole École "
        "Club Festival Academy Academie Museum Musée Library Bibliotheek Bibliothèque Zoo "
        # words people capitalise for emphasis
        "Village Wifi Ok Okay Yes No Ja Nee Oui Non Please Thanks Merci Dank Super Top Cool Wow"
    ).split()
}


def _digits(text):
    return re.sub(r"\D", "", text)


def _find_phones(text):
    found = []
    for match in _PHONE_CANDIDATE.finditer(text):
        candidate = match.group(0).strip()
        digits = _digits(candidate)
        international = candidate.startswith("+") or candidate.startswith("00")
        if international:
            digits = digits[2:] if candidate.startswith("00") else digits
            if (
                digits[:2] in ("32", "31", "33", "44", "49", "90", "21", "40", "48")
                and 8 <= len(digits) - 2 <= 11
            ):
                found.append(candidate)
        elif (
            digits.startswith("0")
            and len(digits) in (9, 10)
            and not re.fullmatch(r"[\d]{1,2}[./-]\d{1,2}[./-]\d{2,4}", candidate)
        ):
            found.append(candidate)
    return found


def _find_names(text):
    found = []
    for pattern in (_INTRO, _TITLED, _WITH_PARTICLE):
        for match in pattern.finditer(text):
            first, last = match.group(1), match.group(2)
            if first.lower() in _NOT_NAMES or last.lower() in _NOT_NAMES:
                continue
            found.append(f"{first} {last}")
    for match in _TWO_CAPITALS.finditer(text):
        first, last = match.group(1), match.group(2)
        if first.lower() in _NOT_NAMES or last.lower() in _NOT_NAMES:
            continue
        if first.isupper() or last.isupper():  # "WOW SUPER" is shouting, not a name
            continue
        found.append(f"{first} {last}")
    return found


def _normalise(text):
    """Lower case without accents and with look-alike digits read as letters, for the blocklist."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(
        str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
    )


def _blocked_words(language=None):
    from .models import BlockedWord

    words = BlockedWord.objects.all()
    if language:
        words = words.filter(language__in=["", language])
    return list(words.values_list("word", flat=True))


def find_blocked_words(text, words):
    normalised = _normalise(text)
    found = []
    for word in words:
        needle = _normalise(word.strip())
        if not needle:
            continue
        if re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", normalised):
            found.append(word.strip())
    return found


def detect(text, *, blocked_words=()):
    """The reasons to hold a text, as [{"code": ..., "detail": ...}], in a fixed order."""
    text = text or ""
    reasons = []

    def add(code, details):
        details = [detail.strip() for detail in details if detail and detail.strip()]
        if details:
            reasons.append({"code": code, "detail": ", ".join(dict.fromkeys(details))[:200]})

    emails = [m.group(0) for m in _PLAIN_EMAIL.finditer(text)] + [m.group(0) for m in _EMAIL.finditer(text)]
    add(EMAIL, emails)
    without_emails = _PLAIN_EMAIL.sub(" ", text)
    add(PHONE, _find_phones(without_emails))
    addresses = []
    for pattern in (_NL_STREET, _FR_STREET, _FR_STREET_NUMBER_FIRST, _EN_STREET, _EN_STREET_NUMBER_AFTER):
        addresses += [m.group(0) for m in pattern.finditer(without_emails)]
    add(ADDRESS, addresses)
    add(FULL_NAME, _find_names(without_emails))
    add(BLOCKED_WORD, find_blocked_words(text, blocked_words))
    return reasons


def contribution_text(contribution):
    parts = [getattr(contribution, "title", ""), contribution.body, getattr(contribution, "image_alt", "")]
    return "\n".join(part for part in parts if part)


def screen(contribution):
    """The automatic hold reasons for a contribution's text (empty: nothing found)."""
    return detect(contribution_text(contribution), blocked_words=_blocked_words())


def needs_premoderation(*, track, author=None, participant=None):
    """Held before it is public because of who wrote it, or the track's rule: a reason code or ""."""
    if participant is not None:
        return AUTHOR
    if author is not None and author.is_authenticated:
        from accounts.models import AccountType

        if author.account_type == AccountType.YOUTH:
            age = author.age
            if age is None or age < settings.VILLAGE_PREMODERATION_AGE:
                return AUTHOR
    if track is not None and track.premoderate_all:
        return TRACK
    return ""


def hold_reasons_for(contribution, *, track, author=None, participant=None):
    """Everything that holds a contribution: who wrote it, the track's rule, what it says."""
    reasons = []
    who = needs_premoderation(track=track, author=author, participant=participant)
    if who:
        reasons.append({"code": who, "detail": ""})
    return reasons + screen(contribution)


def describe(reasons):
    """[(label, detail)] of stored hold reasons, for moderators."""
    return [(reason_label(reason.get("code", "")), reason.get("detail", "")) for reason in reasons or []]
