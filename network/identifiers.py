"""Finds data that can identify a child in a case consultation text.

Case consultation is pseudonymous by design (professional secrecy binds CLB/CPMS staff):
no names, no birth dates, no contact details, no national register numbers and no school
names. `find_identifying_data(text)` returns what it found as `(kind, message)` pairs, one
per kind, so a form can refuse to save and say why next to the field. The messages name the
kind of data and, for names and schools, a short hint to find it in the text ("“Mo…”")
rather than repeating the data itself.

The detector leans towards refusing: a false alarm costs the writer one rephrasing, a miss
breaks professional secrecy. It stays careful with words that are first names and ordinary
words at once ("Roos", "May", "Will", "Pierre") and with capitals at the start of a
sentence, so that ordinary pseudonymous texts such as "Jongen, 14 jaar, 2de graad BSO,
spijbelt sinds de herfstvakantie" pass.
"""

import re
import unicodedata
from collections import namedtuple
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

NAME = "name"
BIRTH_DATE = "birth_date"
EMAIL = "email"
PHONE = "phone"
NATIONAL_NUMBER = "national_number"
SCHOOL = "school"
KINDS = (NAME, BIRTH_DATE, EMAIL, PHONE, NATIONAL_NUMBER, SCHOOL)

Finding = namedtuple("Finding", ["kind", "message"])

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_HINTS = 3


def fold(text):
    """Lower case without accents: "Zoë" and "zoe" are the same name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
WORDS_ALSO_NAMES = frozenset(
    fold(w)
    for w in """
    an ann ben bas can cas will max mark may roos fleur amber grace ivy lily daisy poppy willow
    hope rose jade olivier pierre marine prince junior divine gloire merveille iris floor lieve
    lies els lore rim hind ion ama said jack lucky precious blessing merel jasper lander oscar
    henry nancy romain romane martin clement capucine valentine charlotte sultan jordan harper
    exauce maxime jean milan salah sofia victoria
    """.split()
)

# Places: capitalised, but neither surnames nor, after "Atheneum", harmless.
PLACES = frozenset(
    fold(w)
    for w in """
    brussel bruxelles brussels anderlecht molenbeek schaarbeek schaerbeek etterbeek elsene ixelles
    evere ganshoren jette koekelberg laken laeken oudergem auderghem ukkel uccle vorst forest
    watermaal bosvoorde watermael boitsfort woluwe sint saint sainte st berchem agatha gillis gilles
    joost josse kuregem peterbos anneessens marollen brabantwijk antwerpen anvers antwerp gent gand
    ghent mechelen malines leuven louvain brugge bruges hasselt limburg vlaanderen flandre flanders
    wallonie wallonia belgie belgique belgium nederland marokko maroc morocco turkije turquie turkey
    syrie syria congo afghanistan roemenie roumanie romania polen pologne poland oekraine ukraine
    europa europe leiden wattrelos liege luik namur namen charleroi bergen mons
    """.split()
)
# Other capitalised words that are not names: languages, months, days, institutions, and the
# small words that start sentences.
OTHER_CAPITALS = frozenset(
    fold(w)
    for w in """
    frans nederlands engels arabisch turks duits spaans french dutch english arabic turkish
    francais neerlandais anglais arabe turc allemand german spanish berber tamazight
    januari februari maart april mei juni juli augustus september oktober november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    january february march june july august october
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi
    samedi dimanche monday tuesday wednesday thursday friday saturday sunday
    clb cpms pms ocmw cpas okan daspa bso tso aso kso buso vzw asbl amo jac
    school ecole college atheneum athenee lyceum lycee instituut institut academie
    huis maison house kind enfant child jeugdhulp jeugd jeunesse aide welzijn onderwijs enseignement
    vlaamse vlaams flemish gemeenschap communaute stad ville city gemeente commune centrum centre
    de het een en of la le les et ou un une des du the a an and or of in op te on at to for
    ik hij zij ze we wij je jij u il elle ils elles nous vous on he she they you i it this that
    is was has had have be will can may not no ne pas est zijn heeft kan wil moet dat dit die er
    ook maar but also so als if si mais
    toussaint noel paques carnaval pasen kerstmis kerst krokus herfst allerheiligen christmas easter
    """.split()
)
NOT_SURNAMES = PLACES | OTHER_CAPITALS

# Words before a surname: "mevrouw Peeters", "M. Dupont", "Mrs Smith", "la famille Yilmaz".
TITLES = frozenset(
    fold(w)
    for w in """
    mevrouw mevr meneer mijnheer dhr heer juffrouw juf meester mr mrs ms miss mister madame mme
    mademoiselle mlle monsieur m familie gezin famille family
    """.split()
)
GENERIC_SCHOOL_PREFIXES = frozenset(
    fold(w)
    for w in """
    basis kleuter huiswerk hoge muziek zomer brede lagere secundaire middelbare vak beroeps kunst
    taal avond buiten dag speel bijzondere nacht rij sport dans teken internaat
    """.split()
)

# Lower-case words inside surnames: "Van der Heyden", "El Amrani", "de Smet", "Ben Ali".
PARTICLES = frozenset(
    fold(w)
    for w in "van vanden vander der den de del della di da dos du le la ter ten el al ben bin ait ould abou bou".split()
)
# Capitalised in the middle of a sentence, these only start surnames.
SURNAME_STARTS = frozenset(fold(w) for w in "van vanden vander el al ait aït ould".split())

# Hyphenated places and churches: "Sint-Pieters-Woluwe", "Sainte-Marie".
PLACE_PREFIXES = frozenset(fold(w) for w in "sint sainte saint st onze".split())

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}", re.UNICODE)
# A national register number: YY.MM.DD-XXX.CC, separators optional.
NATIONAL_NUMBER_RE = re.compile(
    r"(?<![\d])(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[\s.\-]?(\d{3})[.\s]?(\d{2})(?![\d])"
)
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.\-/])(?:(\d{1,2})([./\-])(\d{1,2})\2(\d{4}|\d{2})|(\d{4})-(\d{1,2})-(\d{1,2}))(?![\d/\-]|\.\d)"
)
PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\s./\-]?\(?\d\)?){7,13}(?!\w)")

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
DAY_MONTH_YEAR_RE = re.compile(rf"(?<!\w){_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}(?!\d)", re.IGNORECASE)
MONTH_DAY_YEAR_RE = re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
# "° 12/03", "geboren op 12 maart", "née le 3 mai": a birth date even without a year.
_ANY_MONTH = "(?:" + "|".join(_MONTH_WORDS) + r")\.?"
_ANY_DAY = r"[0-3]?\d(?:er|e|ste|de|st|nd|rd|th)?"
BIRTH_DAY_MONTH_RE = re.compile(
    r"(?:°|\bgeboren(?:\s+op)?|\bgeb\.|\bn[ée]e?(?:\s+le)?|\bborn(?:\s+on)?|\bdate\s+of\s+birth|"
    r"\bgeboortedatum|\bdate\s+de\s+naissance)\s*:?\s*"
    rf"(?:{_ANY_DAY}\s+{_ANY_MONTH}|{_ANY_DAY}[./\-](?:0?[1-9]|1[0-2])(?!\d)|{_ANY_MONTH}\s+{_ANY_DAY}(?!\d))",
    re.IGNORECASE,
)

# School names the writer may give without them being on the platform's lists:
# "Atheneum Anderlecht", "Basisschool De Regenboog", "KTA Brussel", "Sint-Jozefcollege".
SCHOOL_WORDS = (
    r"basisschool|lagere\s+school|kleuterschool|middelbare\s+school|secundaire\s+school|atheneum|"
    r"lyceum|college|instituut|institut|[ée]cole(?:\s+(?:fondamentale|primaire|communale|secondaire))?|"
    r"ath[ée]n[ée]e|lyc[ée]e|coll[èe]ge|school|go!|ka|kta|vti|gbs|vbs|sbs"
)
SCHOOL_NAME_RE = re.compile(
    rf"(?<![\w!])(?i:{SCHOOL_WORDS})\s+(?:(?i:de|het|den|la|le|les|l['’]|du|des)\s*)?[A-ZÀ-ÖØ-Þ][\w'’\-]+"
)
SCHOOL_COMPOUND_RE = re.compile(
    r"(?<!\w)([A-ZÀ-ÖØ-Þ][\w\-]*?)-?(college|school|instituut|lyceum|atheneum)(?!\w)"
)
# Venue names too general to point at a school.
GENERIC_PLACE_NAMES = frozenset(
    fold(w)
    for w in """
    school sporthal gymzaal bibliotheek bib jeugdhuis buurthuis turnzaal speelplaats refter zaal
    ecole bibliotheque gymnase salle maison library gym hall park parc online
    """.split()
)


def _mask(text, spans):
    """Blank the found spans out, so later detectors do not find them again."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _hint(word):
    """The first two letters: enough to find it in one's own text, not a repetition of it."""
    word = word.strip()
    return f"“{word[:2]}…”" if len(word) > 2 else "“…”"


def _hints(words):
    seen = []
    for word in words:
        if word not in seen:
            seen.append(word)
    return ", ".join(_hint(w) for w in seen[:MAX_HINTS])


# --- e-mail, national register number, dates, phone numbers --------------------------------


def _emails(text):
    return [m.span() for m in EMAIL_RE.finditer(text)]


def is_valid_national_number(digits):
    """The checksum of a Belgian national register (or BIS) number of 11 digits."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    base, check = int(digits[:9]), int(digits[9:])
    # Born before 2000: 97 - (first nine digits mod 97); from 2000 on: with a 2 in front.
    return check in (97 - base % 97, 97 - (2_000_000_000 + base) % 97)


def _national_numbers(text):
    spans = []
    for match in NATIONAL_NUMBER_RE.finditer(text):
        if is_valid_national_number("".join(match.groups())):
            spans.append(match.span())
    return spans


def _plausible_date(day, month, year):
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if year < 100:
        return True
    return 1900 <= year <= timezone.now().year + 1


def _dates(text):
    spans = []
    for match in NUMERIC_DATE_RE.finditer(text):
        if match.group(1):
            day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            # A year of two digits only with "/" or "-" ("12.03.14" is too often a version or time).
            if len(match.group(4)) == 2 and match.group(2) == ".":
                continue
        else:
            year, month, day = int(match.group(5)), int(match.group(6)), int(match.group(7))
        if _plausible_date(day, month, year):
            spans.append(match.span())
    for regex in (DAY_MONTH_YEAR_RE, MONTH_DAY_YEAR_RE):
        for match in regex.finditer(text):
            month = MONTHS[fold(match.group("month"))]
            if _plausible_date(int(match.group("day")), month, int(match.group("year"))):
                spans.append(match.span())
    spans.extend(m.span() for m in BIRTH_DAY_MONTH_RE.finditer(text))
    return spans


def _phones(text):
    spans = []
    for match in PHONE_RE.finditer(text):
        raw = match.group()
        digits = re.sub(r"\D", "", raw)
        if raw.startswith("+") or digits.startswith("00"):
            digits = digits[2:] if digits.startswith("00") else digits
            national = digits[2:]
            if digits[:2] == "32" and len(national) in (8, 9):
                spans.append(match.span())
            elif digits[:2] == "31" and len(national) == 9:
                spans.append(match.span())
        elif digits.startswith("0") and not digits.startswith("00") and len(digits) in (9, 10):
            spans.append(match.span())
    return spans


# --- schools -------------------------------------------------------------------------------


def _normalise_words(text):
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


def platform_school_names():
    """School names the platform knows: organisations of kind school, the venues of
    activities, and `settings.VILLAGE_SCHOOL_NAMES`."""
    from activities.models import Venue
    from organisations.models import Organisation, OrganisationKind

    names = list(getattr(settings, "VILLAGE_SCHOOL_NAMES", ()))
    names += Organisation.objects.filter(kind=OrganisationKind.SCHOOL).values_list("name", flat=True)
    names += Venue.objects.values_list("name", flat=True).distinct()
    return names


def _schools(text, school_names):
    found = []
    haystack = _normalise_words(text)
    for name in school_names:
        needle = _normalise_words(name)
        stripped = needle.strip()
        if len(stripped) < 5 or stripped in GENERIC_PLACE_NAMES:
            continue
        if needle in haystack:
            found.append(name)
    for match in SCHOOL_NAME_RE.finditer(text):
        last = match.group().split()[-1]
        if fold(last) not in OTHER_CAPITALS:
            found.append(match.group())
    for match in SCHOOL_COMPOUND_RE.finditer(text):
        # Only a proper name in front: "Sint-Jozefcollege", not "Basisschool" or "Voetbalschool".
        prefix = fold(match.group(1).strip("-"))
        if prefix in GENERIC_SCHOOL_PREFIXES:
            continue
        if "-" in prefix or prefix.startswith(tuple(PLACE_PREFIXES)) or prefix in first_names():
            found.append(match.group())
    return found


# --- names ---------------------------------------------------------------------------------


def _at_sentence_start(text, start):
    before = text[:start].rstrip(" \t\"'“”‘’«»([")
    return not before or before[-1] in ".!?:;•*-–—\n\r" or text[:start].endswith(("\n", "\r"))


def _is_surname(word):
    """A capitalised word that is not a place, a language, a month or an acronym."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper() and len(word) <= 5:  # CLB, BSO, OKAN
        return False
    return fold(word) not in NOT_SURNAMES


def _surname_follows(text, tokens, index):
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
        return _is_surname(word)
    return False


def _name_parts(word):
    return [fold(p) for p in re.split(r"[\-'’]", word) if p]


def _first_name_of(word, names):
    """The folded first name the word is, or None; "Yasminas moeder" is Yasmina's mother."""
    folded = fold(word)
    if folded in names:
        return folded
    if folded.endswith("s") and len(folded) > 4 and folded[:-1] in names:
        return folded[:-1]
    return None


def _names(text):
    names = first_names()
    tokens = list(WORD.finditer(text))
    found = []
    for index, token in enumerate(tokens):
        word = token.group()
        folded = fold(word)
        capitalised = word[0].isupper() and not (word.isupper() and len(word) <= 3)
        start = _at_sentence_start(text, token.start())
        parts = _name_parts(word)

        # "mevrouw Peeters", "la famille Yilmaz", "M. Dupont"
        if folded in TITLES and (folded != "m" or word == "M"):
            if _surname_follows(text, tokens, index):
                found.append(tokens[index + 1].group())
                continue

        if len(parts) > 1:
            if parts[0] in PLACE_PREFIXES:
                continue
            name_parts = [p for p in parts if p in names]
            if capitalised and (len(name_parts) >= 2 or any(p not in WORDS_ALSO_NAMES for p in name_parts)):
                found.append(word)
                continue

        name = _first_name_of(word, names) if capitalised else None
        if name:
            if _surname_follows(text, tokens, index):
                found.append(word)
            elif name not in WORDS_ALSO_NAMES and name not in NOT_SURNAMES:
                found.append(word)
            continue

        if not capitalised and folded in names and len(folded) >= 5 and folded not in WORDS_ALSO_NAMES:
            # Typed in lower case on a phone: "yasmina spijbelt".
            found.append(word)
            continue

        # "Van Damme", "El Amrani" in the middle of a sentence.
        if word[0].isupper() and folded in SURNAME_STARTS and not start:
            if index + 1 < len(tokens) and _is_surname(tokens[index + 1].group()):
                gap = text[token.end() : tokens[index + 1].start()]
                if gap in (" ", "-"):
                    found.append(f"{word} {tokens[index + 1].group()}")
    return found


# --- all of it -----------------------------------------------------------------------------


def find_identifying_data(text, *, school_names=None):
    """What in `text` can identify a person: a list of `Finding(kind, message)`, one per kind,
    in the order of KINDS; empty when the text is fine.

    `school_names` defaults to the platform's own lists (see `platform_school_names`).
    """
    if not text or not text.strip():
        return []
    text = unicodedata.normalize("NFC", str(text))
    if school_names is None:
        school_names = platform_school_names()

    found = {}
    spans = _emails(text)
    if spans:
        found[EMAIL] = gettext(
            "This contains an e-mail address. Leave contact details out: members reach each other "
            "through the network."
        )
    text = _mask(text, spans)

    spans = _national_numbers(text)
    if spans:
        found[NATIONAL_NUMBER] = gettext(
            "This contains a national register number. Never share it in a case consultation."
        )
    text = _mask(text, spans)

    spans = _dates(text)
    if spans:
        found[BIRTH_DATE] = gettext(
            "This contains a date that can be a birth date. Write an age or an age band instead, "
            "such as “14 years old”."
        )
    text = _mask(text, spans)

    spans = _phones(text)
    if spans:
        found[PHONE] = gettext("This contains a phone number. Leave contact details out.")
    text = _mask(text, spans)

    schools = _schools(text, school_names)
    if schools:
        found[SCHOOL] = gettext(
            "This names a school or a place that can identify the child (%(hints)s). Describe it "
            "by level and type instead, such as “a secondary school, vocational track”."
        ) % {"hints": _hints(schools)}

    names = _names(text)
    if names:
        found[NAME] = gettext(
            "This looks like a person's name (%(hints)s). Use a role or a pseudonym instead, such "
            "as “the boy”, “the mother” or “pupil A”."
        ) % {"hints": _hints(names)}

    return [Finding(kind, found[kind]) for kind in KINDS if kind in found]


def identifying_data_validator(value):
    """A form field validator: raises ValidationError with one message per kind found."""
    from django.core.exceptions import ValidationError

    findings = find_identifying_data(value)
    if findings:
        raise ValidationError([message for _kind, message in findings], code="identifying_data")
