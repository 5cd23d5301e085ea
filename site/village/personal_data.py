"""Personal data in free text: the detectors the whole platform shares.

Each detector takes a text and returns `Finding`s: the kind of data, where it stands (`span`),
the text found and a translated `reason`. `find(text, detectors)` runs several in a row and
blanks out what one found before the next looks, so that an e-mail address is not found again
as a name, or a national register number as a phone number.

Which detectors apply and what happens is each app's policy:
- `participation.moderation` holds ideas and comments for a moderator (e-mail, national register
  number, phone, street address, full name; and its own blocklist);
- `network.identifiers` refuses case-consultation and signal texts next to the field (e-mail,
  national register number, date, phone, street address, school, any name).

The two name detectors answer two questions. `full_names` wants a first and a last name
together and lets "ik speel met Noah" pass: children name their friends, and an idea held for
days is a broken promise too. `names` finds a first name alone and leans towards finding: in a
case consultation a miss breaks professional secrecy, a false alarm costs one rephrasing. Both
stay careful with words that are first names and ordinary words at once ("Roos", "May",
"Pierre") and with the capitalised words of ordinary sentences (places, days, languages).

Detectors expect NFC text (`unicodedata.normalize("NFC", text)`); spans index that text.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EMAIL = "email"
PHONE = "phone"
NATIONAL_NUMBER = "national_number"
ADDRESS = "address"
BIRTH_DATE = "birth_date"
SCHOOL = "school"
NAME = "name"
FULL_NAME = "full_name"

REASONS = {
    EMAIL: _("Looks like an e-mail address"),
    PHONE: _("Looks like a phone number"),
    NATIONAL_NUMBER: _("Looks like a national register number"),
    ADDRESS: _("Looks like a street address"),
    BIRTH_DATE: _("Looks like a date of birth"),
    SCHOOL: _("Looks like the name of a school"),
    NAME: _("Looks like a person's name"),
    FULL_NAME: _("Looks like somebody's full name"),
}


class Finding(NamedTuple):
    kind: str
    span: tuple[int, int]
    text: str

    @property
    def reason(self):
        return REASONS[self.kind]


def _findings(kind, text, spans):
    """One finding per span, in the order of the text; a span inside an earlier one is left out."""
    found, end = [], -1
    for start, stop in sorted(set(spans), key=lambda span: (span[0], -span[1])):
        if stop <= end:
            continue
        found.append(Finding(kind, (start, stop), text[start:stop]))
        end = stop
    return found


def find(text, detectors):
    """The findings of the detectors, in their order. What a detector finds is blanked out
    before the next one looks; a tuple of detectors looks at the same text (a name inside a
    school's name is a name too)."""
    findings = []
    for step in detectors:
        found = [finding for detector in _as_tuple(step) for finding in detector(text)]
        findings += found
        for finding in found:
            start, end = finding.span
            text = text[:start] + " " * (end - start) + text[end:]
    return findings


def _as_tuple(step):
    return step if isinstance(step, tuple) else (step,)


def fold(text):
    """Lower case without accents: "Zoë" and "zoe" are the same name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text):
    return frozenset(fold(word) for word in text.split())


# --- words ---------------------------------------------------------------------------------

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def first_names():
    """The folded first names of the data files (nl, fr, en, Arabic, Turkish, others)."""
    names = set()
    for path in sorted(DATA_DIR.glob("first_names*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(fold(line))
    return frozenset(names)


# First names that are also ordinary Dutch, French or English words. Alone they are not taken
# for a name (a sentence may start with "Ben", mention "May" or "Pierre" the stone); followed by
# a surname, after a title or glued to another first name they are.
WORDS_ALSO_NAMES = _words(
    """
    an ann ben bas can cas will max mark may roos fleur amber grace ivy lily daisy poppy willow
    hope rose jade olivier pierre marine prince junior divine gloire merveille iris floor lieve
    lies els lore rim hind ion ama said jack lucky precious blessing merel jasper lander oscar
    henry nancy romain romane martin clement capucine valentine charlotte sultan jordan harper
    exauce maxime jean milan salah sofia victoria
    """
)

# Capitalised words that are not names. Parts of place names that are first names or surnames
# too ("Pierre", "Pieters", "Lambert") are not here: "Sint", "Saint" and "Woluwe" are enough
# for "Sint Pieters Woluwe".
PLACES = _words(
    """
    brussel bruxelles brussels anderlecht molenbeek schaarbeek schaerbeek etterbeek elsene ixelles
    evere ganshoren jette koekelberg laken laeken oudergem auderghem ukkel uccle vorst forest
    watermaal bosvoorde watermael boitsfort woluwe sint saint sainte st berchem agatha gillis gilles
    joost josse kuregem cureghem peterbos anneessens marollen marolles brabantwijk zwarte vijvers
    antwerpen anvers antwerp gent gand ghent mechelen malines leuven louvain brugge bruges hasselt
    limburg liège luik namur namen charleroi bergen mons vlaanderen flandre flanders wallonie
    wallonia belgië belgique belgium nederland netherlands leiden leyde haag amsterdam rotterdam
    utrecht wattrelos lille rijsel paris parijs london londen norfolk sussex france frankrijk
    marokko maroc morocco turkije turquie turkey syrie syria congo afghanistan roemenie roumanie
    romania polen pologne poland oekraine ukraine europa europe
    noord zuid oost west nord sud est ouest north south east
    """
)
CALENDAR = _words(
    """
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi
    samedi dimanche monday tuesday wednesday thursday friday saturday sunday
    januari februari maart april mei juni juli augustus september oktober november december
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    january february march may june july august october
    toussaint noël pâques carnaval pasen kerstmis kerst krokus herfst allerheiligen christmas easter
    halloween carnival ramadan eid
    """
)
LANGUAGES = _words(
    """
    nederlands frans engels arabisch turks duits spaans dutch french english arabic turkish german
    spanish polish romanian italian français néerlandais anglais arabe turc allemand berber
    tamazight moroccan belgian flemish vlaams vlaamse wiskunde maths math science history geography
    """
)
INSTITUTIONS = _words(
    """
    clb cpms pms ocmw cpas okan daspa bso tso aso kso buso vzw asbl amo jac
    school école college atheneum athénée lyceum lycée instituut institut academie academy
    huis maison house kind enfant child jeugdhulp jeugd jeunesse aide welzijn onderwijs
    enseignement gemeenschap communauté stad ville city gemeente commune centrum centre center
    """
)
# Games, apps, places in town and words people capitalise for emphasis.
THINGS = _words(
    """
    scratch minecraft fortnite roblox lego playstation xbox nintendo switch youtube tiktok
    instagram google chrome wifi ipad iphone android samsung netflix spotify
    park parc plein place square station gare street road avenue club festival museum musée
    library bibliotheek bibliothèque zoo village
    ok okay yes no ja nee oui non please thanks merci dank super top cool wow
    """
)
NOT_NAMES = PLACES | CALENDAR | LANGUAGES | INSTITUTIONS | THINGS
# The small words that start sentences, capitalised there ("Will the...", "May we...").
SENTENCE_WORDS = _words(
    """
    de het een en of la le les et ou un une des du the a an and or of in op te on at to for
    ik hij zij ze we wij je jij u il elle ils elles nous vous on he she they you i it this that
    is was has had have be will can may not no ne pas est zijn heeft kan wil moet dat dit die er
    ook maar but also so als if si mais
    """
)

# Words before a person's name: "mevrouw Peeters", "M. Dupont", "juf Annelies Peeters". "M"
# only in capitals.
_TITLE_WORDS = """
    mevrouw mevr meneer mijnheer dhr heer juffrouw juf meester dokter mr mrs ms miss mister sir
    teacher madame mme mademoiselle mlle monsieur m maîtresse maitresse maître maitre
"""
# ... and before a surname only: "la famille Yilmaz".
TITLES = _words(_TITLE_WORDS) | _words("familie gezin famille family")
# Lower-case words inside surnames: "Van der Heyden", "El Amrani", "de Smet", "Ben Ali".
PARTICLES = _words(
    """
    van von vande vanden vander der den de del della di da dos du le la ter ten el al ben bin
    ait ould abou bou
    """
)
# Capitalised in the middle of a sentence, these only start surnames.
SURNAME_STARTS = _words("van vanden vander el al ait aït ould")
# Hyphenated places and churches: "Sint-Pieters-Woluwe", "Sainte-Marie".
PLACE_PREFIXES = _words("sint sainte saint st onze")

# After a first name, a capitalised word is a surname unless it is one of these; things are
# surnames too ("Jade Park"). After a title, places are as well: "mevrouw Paris", "meneer Bergen".
NOT_SURNAMES = PLACES | CALENDAR | LANGUAGES | INSTITUTIONS | SENTENCE_WORDS
_NOT_SURNAMES_AFTER_TITLE = CALENDAR | LANGUAGES | INSTITUTIONS | SENTENCE_WORDS | PLACE_PREFIXES


# --- e-mail --------------------------------------------------------------------------------

_PLAIN_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Written out to get past filters: "tom at yahoo dot com", "jan(at)telenet(dot)be".
_DOT = r"(?:\.|\(dot\)|\[dot\]|\s(?:dot|punt|point)\s)"
_SPELLED_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\s(?:at|apenstaartje|arobase)\s)\s*[\w-]+"
    rf"(?:\s*{_DOT}\s*[\w-]+)*\s*{_DOT}\s*(?:com|be|nl|fr|org|net|eu|uk|info|io|me|co)\b",
    re.IGNORECASE,
)


def emails(text):
    spans = [m.span() for m in _PLAIN_EMAIL.finditer(text)]
    spans += [m.span() for m in _SPELLED_EMAIL.finditer(text)]
    return _findings(EMAIL, text, spans)


# --- national register number --------------------------------------------------------------

# YY.MM.DD-XXX.CC, separators optional.
_NATIONAL_NUMBER = re.compile(
    r"(?<![\d])(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[\s.\-]?(\d{3})[.\s]?(\d{2})(?![\d])"
)


def is_valid_national_number(digits):
    """The checksum of a Belgian national register (or BIS) number of 11 digits."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    base, check = int(digits[:9]), int(digits[9:])
    # Born before 2000: 97 - (first nine digits mod 97); from 2000 on: with a 2 in front.
    return check in (97 - base % 97, 97 - (2_000_000_000 + base) % 97)


def national_numbers(text):
    spans = [
        m.span() for m in _NATIONAL_NUMBER.finditer(text) if is_valid_national_number("".join(m.groups()))
    ]
    return _findings(NATIONAL_NUMBER, text, spans)


# --- phone ---------------------------------------------------------------------------------

# Digits with the separators people type in phone numbers: "0471 23 45 67", "+32 (0)2 123 45 67".
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d(?:[\s./()\-]{0,3}\d){7,13}(?!\w)")
# Belgium and its neighbours, and the countries many Brussels families call.
_COUNTRY_CODES = ("32", "31", "33", "44", "49", "90", "21", "40", "48")


def _is_phone_number(candidate):
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        return digits[:2] in _COUNTRY_CODES and 8 <= len(digits) - 2 <= 11
    return digits.startswith("0") and len(digits) in (9, 10)


def phones(text):
    spans = [m.span() for m in _PHONE.finditer(text) if _is_phone_number(m.group())]
    return _findings(PHONE, text, spans)


# --- dates ---------------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(
    r"(?<![\d.\-/])(?:(\d{1,2})([./\-])(\d{1,2})\2(\d{4}|\d{2})|(\d{4})-(\d{1,2})-(\d{1,2}))(?![\d/\-]|\.\d)"
)
MONTHS = {
    # nl
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # fr (folded; the regex accepts the accents too)
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "oct": 10, "novembre": 11, "decembre": 12,
    # en
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
}  # fmt: skip
_MONTH_WORDS = sorted([*MONTHS, "février", "févr", "fév", "août", "décembre"], key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join(_MONTH_WORDS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|e|ste|de|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\w){_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
# "° 12/03", "geboren op 12 maart", "née le 3 mai": a birth date even without a year.
_ANY_MONTH = "(?:" + "|".join(_MONTH_WORDS) + r")\.?"
_ANY_DAY = r"[0-3]?\d(?:er|e|ste|de|st|nd|rd|th)?"
_BIRTH_DAY_MONTH = re.compile(
    r"(?:°|\bgeboren(?:\s+op)?|\bgeb\.|\bn[ée]e?(?:\s+le)?|\bborn(?:\s+on)?|\bdate\s+of\s+birth|"
    r"\bgeboortedatum|\bdate\s+de\s+naissance)\s*:?\s*"
    rf"(?:{_ANY_DAY}\s+{_ANY_MONTH}|{_ANY_DAY}[./\-](?:0?[1-9]|1[0-2])(?!\d)|{_ANY_MONTH}\s+{_ANY_DAY}(?!\d))",
    re.IGNORECASE,
)


def _plausible_date(day, month, year):
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if year < 100:
        return True
    return 1900 <= year <= timezone.now().year + 1


def dates(text):
    """Dates that can be a birth date: full dates, and a day and month after "born"."""
    spans = []
    for match in _NUMERIC_DATE.finditer(text):
        if match.group(1):
            day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            # A year of two digits only with "/" or "-" ("12.03.14" is too often a version or time).
            if len(match.group(4)) == 2 and match.group(2) == ".":
                continue
        else:
            year, month, day = int(match.group(5)), int(match.group(6)), int(match.group(7))
        if _plausible_date(day, month, year):
            spans.append(match.span())
    for regex in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in regex.finditer(text):
            month = MONTHS[fold(match.group("month"))]
            if _plausible_date(int(match.group("day")), month, int(match.group("year"))):
                spans.append(match.span())
    spans.extend(m.span() for m in _BIRTH_DAY_MONTH.finditer(text))
    return _findings(BIRTH_DATE, text, spans)


# --- street addresses ----------------------------------------------------------------------

# A number followed by one of these is a quantity, not a house number: "Speelstraat 3 keer".
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


def addresses(text):
    """Street addresses in nl, fr and en: "Kerkstraat 12", "rue de la Loi 16", "221b Baker Street"."""
    spans = []
    for pattern in (_NL_STREET, _FR_STREET, _FR_STREET_NUMBER_FIRST, _EN_STREET, _EN_STREET_NUMBER_AFTER):
        spans += [m.span() for m in pattern.finditer(text)]
    return _findings(ADDRESS, text, spans)


# --- schools -------------------------------------------------------------------------------

# School names the writer may give without them being on the platform's lists:
# "Atheneum Anderlecht", "Basisschool De Regenboog", "KTA Brussel", "Sint-Jozefcollege".
_SCHOOL_WORDS = (
    r"basisschool|lagere\s+school|kleuterschool|middelbare\s+school|secundaire\s+school|atheneum|"
    r"lyceum|college|instituut|institut|[ée]cole(?:\s+(?:fondamentale|primaire|communale|secondaire))?|"
    r"ath[ée]n[ée]e|lyc[ée]e|coll[èe]ge|school|go!|ka|kta|vti|gbs|vbs|sbs"
)
_SCHOOL_NAME = re.compile(
    rf"(?<![\w!])(?i:{_SCHOOL_WORDS})\s+(?:(?i:de|het|den|la|le|les|l['’]|du|des)\s*)?[A-ZÀ-ÖØ-Þ][\w'’\-]+"
)
_SCHOOL_COMPOUND = re.compile(
    r"(?<!\w)([A-ZÀ-ÖØ-Þ][\w\-]*?)-?(college|school|instituut|lyceum|atheneum)(?!\w)"
)
# After "school", these do not make a school's name: "school Frans", "School Toussaint".
_NOT_SCHOOL_NAMES = CALENDAR | LANGUAGES | INSTITUTIONS | SENTENCE_WORDS
_GENERIC_SCHOOL_PREFIXES = _words(
    """
    basis kleuter huiswerk hoge muziek zomer brede lagere secundaire middelbare vak beroeps kunst
    taal avond buiten dag speel bijzondere nacht rij sport dans teken internaat
    """
)
# Venue names too general to point at a school.
_GENERIC_PLACE_NAMES = _words(
    """
    school sporthal gymzaal bibliotheek bib jeugdhuis buurthuis turnzaal speelplaats refter zaal
    ecole bibliotheque gymnase salle maison library gym hall park parc online
    """
)


def _folded(text):
    """`fold(text)`, and for each of its characters the index of the character of `text` it
    comes from (folding may turn one character into two: "ß", "ﬁ")."""
    chars, origins = [], []
    for index, char in enumerate(text):
        for folded in fold(char):
            chars.append(folded)
            origins.append(index)
    return "".join(chars), origins


def _listed(text, listed_names):
    """Where the names of a list stand in the text, whatever the case, accents and punctuation."""
    folded, origins = _folded(text)
    spans = []
    for name in listed_names:
        words = re.findall(r"\w+", fold(name))
        if len(" ".join(words)) < 5 or " ".join(words) in _GENERIC_PLACE_NAMES:
            continue
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(word) for word in words) + r"(?!\w)"
        spans += [(origins[m.start()], origins[m.end() - 1] + 1) for m in re.finditer(pattern, folded)]
    return spans


def schools(text, listed_names=()):
    """School names: those of `listed_names`, and the usual forms ("Atheneum Anderlecht")."""
    spans = _listed(text, listed_names)
    for match in _SCHOOL_NAME.finditer(text):
        if fold(match.group().split()[-1]) not in _NOT_SCHOOL_NAMES:
            spans.append(match.span())
    for match in _SCHOOL_COMPOUND.finditer(text):
        # Only a proper name in front: "Sint-Jozefcollege", not "Basisschool" or "Voetbalschool".
        prefix = fold(match.group(1).strip("-"))
        if prefix in _GENERIC_SCHOOL_PREFIXES:
            continue
        if "-" in prefix or prefix.startswith(tuple(PLACE_PREFIXES)) or prefix in first_names():
            spans.append(match.span())
    return _findings(SCHOOL, text, spans)


# --- any name ------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _at_sentence_start(text, start):
    before = text[:start].rstrip(" \t\"'“”‘’«»([")
    return not before or before[-1] in ".!?:;•*-–—\n\r" or text[:start].endswith(("\n", "\r"))


def _is_surname(word, not_surnames=NOT_SURNAMES):
    """A capitalised word that is not a place, a language, a month or an acronym."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper() and len(word) <= 5:  # CLB, BSO, OKAN
        return False
    return fold(word) not in not_surnames


def _surname_follows(text, tokens, index, not_surnames=NOT_SURNAMES):
    """Whether a surname follows the token (after "van der", "El", "de"...)."""
    previous_end = tokens[index].end()
    for token in tokens[index + 1 : index + 5]:
        gap = text[previous_end : token.start()]
        if gap.strip(" .") or len(gap) > 3:
            return False
        word = token.group()
        if fold(word) in PARTICLES:
            previous_end = token.end()
            continue
        return _is_surname(word, not_surnames)
    return False


def _first_name_of(word, names):
    """The folded first name the word is, or None; "Yasminas moeder" is Yasmina's mother."""
    folded = fold(word)
    if folded in names:
        return folded
    if folded.endswith("s") and len(folded) > 4 and folded[:-1] in names:
        return folded[:-1]
    return None


def _name_spans(text):
    names = first_names()
    tokens = list(_WORD.finditer(text))
    for index, token in enumerate(tokens):
        word = token.group()
        folded = fold(word)
        capitalised = word[0].isupper() and not (word.isupper() and len(word) <= 3)

        # "mevrouw Peeters", "la famille Yilmaz", "M. Dupont"
        if folded in TITLES and (folded != "m" or word == "M"):
            if _surname_follows(text, tokens, index, _NOT_SURNAMES_AFTER_TITLE):
                yield tokens[index + 1].span()
                continue

        parts = [fold(p) for p in re.split(r"[\-'’]", word) if p]
        if len(parts) > 1:
            if parts[0] in PLACE_PREFIXES:
                continue
            name_parts = [p for p in parts if p in names]
            if capitalised and (len(name_parts) >= 2 or any(p not in WORDS_ALSO_NAMES for p in name_parts)):
                yield token.span()
                continue

        name = _first_name_of(word, names) if capitalised else None
        if name:
            if _surname_follows(text, tokens, index) or (
                name not in WORDS_ALSO_NAMES and name not in NOT_SURNAMES
            ):
                yield token.span()
            continue

        if not capitalised and folded in names and len(folded) >= 5 and folded not in WORDS_ALSO_NAMES:
            # Typed in lower case on a phone: "yasmina spijbelt".
            yield token.span()
            continue

        # "Van Damme", "El Amrani" in the middle of a sentence.
        if word[0].isupper() and folded in SURNAME_STARTS and not _at_sentence_start(text, token.start()):
            if index + 1 < len(tokens) and _is_surname(tokens[index + 1].group()):
                if text[token.end() : tokens[index + 1].start()] in (" ", "-"):
                    yield token.start(), tokens[index + 1].end()


def names(text):
    """Any person's name: a first name of the lists (alone, unless it is an ordinary word too),
    a surname after a title, a surname starting with "Van" or "El"."""
    return _findings(NAME, text, list(_name_spans(text)))


# --- full names ----------------------------------------------------------------------------

_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]{1,}"
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
_PARTICLES = rf"(?:{_PARTICLE}\s+){{0,3}}"
_INTRO = re.compile(
    r"\b(?:ik\s+ben|ik\s+heet|mijn\s+naam\s+is|je\s+m['’]appelle|mon\s+nom\s+est|moi\s+c['’]est|je\s+suis|"
    rf"my\s+name\s+is|i\s+am|i['’]m|call\s+me|this\s+is)\s+({_NAME})\s+{_PARTICLES}({_NAME})\b"
)
# The title in any case. The name is two capitalised words, or starts with a known first name
# in any case ("juf sara peeters"; "de meester is boos" is no name).
_TITLE = "(?:" + "|".join(sorted(_TITLE_WORDS.split(), key=len, reverse=True)) + ")"
_TITLED = re.compile(
    rf"\b({_TITLE})\.?\s+({_NAME})\s+{_PARTICLES}({_NAME})\b",
    re.IGNORECASE,
)
# First name + surname with a particle, in the middle of a sentence: "ik speel met Sara van Dijk".
_WITH_PARTICLE = re.compile(rf"(?<=[a-zà-ÿ,;:]\s)({_NAME})\s+(?:{_PARTICLE}\s+){{1,3}}({_NAME})\b")
# Two capitalised words in the middle of a sentence: a name, unless one of them is a place or
# one of the capitalised words of ordinary sentences (days, months, languages, places).
_TWO_CAPITALS = re.compile(rf"(?<=[a-zà-ÿ0-9,;:]\s)({_NAME})\s+({_NAME})\b")


def _full_name_spans(text):
    for match in _INTRO.finditer(text):
        yield match.span(1)[0], match.span(2)[1]
    for match in _TITLED.finditer(text):
        title, first = match.group(1), match.group(2)
        if fold(title) == "m" and title != "M":
            continue
        last = match.group(3)
        if (first[0].isupper() and last[0].isupper()) or fold(first) in first_names():
            yield match.span(2)[0], match.span(3)[1]
    for match in _WITH_PARTICLE.finditer(text):
        yield match.span(1)[0], match.span(2)[1]
    for match in _TWO_CAPITALS.finditer(text):
        first, last = match.group(1), match.group(2)
        if not (first.isupper() or last.isupper()):  # "WOW SUPER" is shouting, not a name
            yield match.span(1)[0], match.span(2)[1]


def full_names(text):
    """A first and a last name together: after "ik ben", "je m'appelle", "my name is"; after a
    title ("juf", "madame", "Mr"); or two capitalised words in the middle of a sentence."""
    spans = []
    for start, end in _full_name_spans(text):
        words = _WORD.findall(text[start:end])
        if not ({fold(words[0]), fold(words[-1])} & NOT_NAMES):
            spans.append((start, end))
    return _findings(FULL_NAME, text, spans)
