"""Import many activities at once from a CSV file (the partner's spreadsheet).

All or nothing: every row is checked first, with the model's own rules (Activity.full_clean),
and every problem is reported with its line number; only a file without problems creates
activities, in one transaction. Imported activities are drafts of the chosen organisation;
they can be sent for review straight away.

The columns are described by columns() (the admin page shows them and offers a template).
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    LANGUAGE_CHOICES,
    Activity,
    JoinMode,
    Pillar,
    PriceUnit,
    ScheduleKind,
    SchoolSystem,
    SpokenLanguage,
    Theme,
    Venue,
)
from .schedule import weekday_mask

# One request does it all: 500 rows take about 10 s as drafts and 30 s when each is sent for
# review (Wagtail e-mails the reviewers for every submission), within a proxy's time-out.
MAX_ROWS = 500
LIST_SEPARATOR = "|"
WEEKDAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TRANSLATED = ("title", "summary", "description")
TRUE_WORDS = {"yes", "y", "ja", "j", "oui", "o", "true", "1", "x"}
FALSE_WORDS = {"no", "n", "nee", "non", "false", "0", ""}


def _codes(choices):
    return " | ".join(value for value, _label in choices)


def columns():
    """[(column, required, explanation)] in the active language, for the admin page."""
    return [
        *[
            (
                f"title_{code}",
                False,
                _("Title in %(language)s (at most 120 characters).") % {"language": label},
            )
            for code, label in LANGUAGE_CHOICES
        ],
        *[
            (f"summary_{code}", False, _("One or two sentences in %(language)s.") % {"language": label})
            for code, label in LANGUAGE_CHOICES
        ],
        *[
            (f"description_{code}", False, _("Longer text in %(language)s (optional).") % {"language": label})
            for code, label in LANGUAGE_CHOICES
        ],
        (
            "original_language",
            False,
            _("The language you write in: nl, fr or en (default nl). Title and summary are needed in it."),
        ),
        ("pillar", True, _("One of: %(codes)s.") % {"codes": _codes(Pillar.choices)}),
        ("themes", True, _("Theme codes (slugs), separated by |.")),
        ("for_children", False, _("yes or no.")),
        ("for_youths", False, _("yes or no.")),
        ("for_parents", False, _("yes or no.")),
        ("for_families", False, _("yes or no.")),
        ("for_professionals", False, _("yes or no.")),
        ("min_age", False, _("A whole number, or empty.")),
        ("max_age", False, _("A whole number, or empty.")),
        ("preschool", False, _("yes or no.")),
        ("primary", False, _("yes or no.")),
        ("secondary", False, _("yes or no.")),
        (
            "school_system",
            False,
            _("One of: %(codes)s (default na).") % {"codes": _codes(SchoolSystem.choices)},
        ),
        ("schedule_kind", True, _("One of: %(codes)s.") % {"codes": _codes(ScheduleKind.choices)}),
        ("start_date", True, _("First day, as YYYY-MM-DD (31/12/2025 works too).")),
        ("end_date", False, _("Last day, as YYYY-MM-DD; empty for a single date.")),
        (
            "weekdays",
            False,
            _("For weekly activities: days separated by |, from mon tue wed thu fri sat sun."),
        ),
        ("start_time", True, _("Starts at, as HH:MM.")),
        ("end_time", True, _("Ends at, as HH:MM.")),
        ("skip_school_holidays", False, _("yes or no: no sessions during school holidays.")),
        ("venue", False, _("The name of one of your organisation's venues (add it in the admin first).")),
        ("is_online", False, _("yes or no. An activity without a venue must be online.")),
        ("price_unit", False, _("One of: %(codes)s (default free).") % {"codes": _codes(PriceUnit.choices)}),
        ("price", False, _("Amount in euro, such as 12.50 or 12,50.")),
        ("reduced_price", False, _("Reduced amount in euro, or empty.")),
        (
            "reduced_schemes",
            False,
            _("Schemes accepted, separated by |: %(codes)s.")
            % {"codes": _codes(settings.VILLAGE_REDUCED_PRICE_SCHEMES)},
        ),
        ("join_mode", False, _("One of: %(codes)s (default drop_in).") % {"codes": _codes(JoinMode.choices)}),
        ("capacity", False, _("Number of places (needed with registration).")),
        ("languages", False, _("Codes of the languages spoken, separated by |, such as nl|fr|ar.")),
        ("interpreter_available", False, _("yes or no.")),
        ("contact_phone", False, _("Phone number for questions.")),
        ("contact_email", False, _("E-mail address for questions.")),
    ]


COLUMN_NAMES = [
    *[f"{name}_{code}" for name in ("title", "summary", "description") for code, _label in LANGUAGE_CHOICES],
    "original_language",
    "pillar",
    "themes",
    "for_children",
    "for_youths",
    "for_parents",
    "for_families",
    "for_professionals",
    "min_age",
    "max_age",
    "preschool",
    "primary",
    "secondary",
    "school_system",
    "schedule_kind",
    "start_date",
    "end_date",
    "weekdays",
    "start_time",
    "end_time",
    "skip_school_holidays",
    "venue",
    "is_online",
    "price_unit",
    "price",
    "reduced_price",
    "reduced_schemes",
    "join_mode",
    "capacity",
    "languages",
    "interpreter_available",
    "contact_phone",
    "contact_email",
]
REQUIRED_COLUMNS = ["pillar", "themes", "schedule_kind", "start_date", "start_time", "end_time"]


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is translated."""


@dataclass
class ImportResult:
    activities: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # [(line number, message)]
    submitted: bool = False

    @property
    def ok(self):
        return not self.errors


# --- reading the file ------------------------------------------------------------------------


def decode(data):
    """Text from bytes: UTF-8 (with or without BOM, as Excel's "CSV UTF-8"), else Windows-1252
    (Excel's plain "CSV" on Belgian and Dutch computers)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ImportFileError(
        _("This file cannot be read as text. In Excel, choose 'Save as' and the type 'CSV UTF-8'.")
    )


def read_rows(data):
    """[(line number, {column: value})] from the file's bytes; ImportFileError if unreadable."""
    text = decode(data)
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    first_line = text.lstrip().splitlines()[0]
    # Excel writes ; where the decimal separator is a comma (Belgium), , elsewhere.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text.lstrip()), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
        unknown = [name for name in header if name and name not in COLUMN_NAMES]
        if unknown:
            raise ImportFileError(
                _("Line 1: unknown column(s): %(columns)s. Use the column names of the template.")
                % {"columns": ", ".join(unknown)}
            )
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise ImportFileError(
                _("Line 1: missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}
            )
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # spreadsheets leave empty lines at the end
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(
                    _("The file has more than %(count)s activities. Split it into smaller files.")
                    % {"count": MAX_ROWS}
                )
            values = {
                name: (cells[index].strip() if index < len(cells) else "")
                for index, name in enumerate(header)
            }
            rows.append((reader.line_num, values))
    except csv.Error as error:
        raise ImportFileError(
            _("Line %(line)s: the file is not valid CSV (%(error)s).")
            % {"line": reader.line_num, "error": error}
        ) from error
    if not rows:
        raise ImportFileError(_("The file has column names but no activities."))
    return rows


# --- one row ---------------------------------------------------------------------------------------


class CellError(Exception):
    pass


def parse_bool(value):
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("write yes or no"))


def parse_int(value):
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise CellError(_("write a whole number")) from None


def parse_decimal(value):
    if not value:
        return None
    try:
        return Decimal(value.replace("€", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise CellError(_("write an amount such as 12.50")) from None


def parse_date(value):
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CellError(_("write a date as YYYY-MM-DD"))


def parse_time(value):
    if not value:
        return None
    for pattern in ("%H:%M", "%H:%M:%S", "%H.%M"):
        try:
            return datetime.datetime.strptime(value, pattern).time()
        except ValueError:
            continue
    raise CellError(_("write a time as HH:MM"))


def parse_choice(choices, default=None):
    codes = {value for value, _label in choices}

    def parse(value):
        code = value.strip().lower()
        if not code:
            return default
        if code not in codes:
            raise CellError(_("choose one of: %(codes)s") % {"codes": ", ".join(sorted(codes))})
        return code

    return parse


def split_list(value):
    return [item.strip() for item in value.replace(",", LIST_SEPARATOR).split(LIST_SEPARATOR) if item.strip()]


def parse_weekdays(value):
    days = [day.lower()[:3] for day in split_list(value.replace(" ", LIST_SEPARATOR))]
    wrong = [day for day in days if day not in WEEKDAY_CODES]
    if wrong:
        raise CellError(_("use the days mon tue wed thu fri sat sun, separated by |"))
    return weekday_mask(WEEKDAY_CODES.index(day) for day in days)


FIELD_PARSERS = {
    "original_language": parse_choice(LANGUAGE_CHOICES, default=settings.LANGUAGE_CODE),
    "pillar": parse_choice(Pillar.choices),
    "school_system": parse_choice(SchoolSystem.choices, default=SchoolSystem.NOT_APPLICABLE),
    "schedule_kind": parse_choice(ScheduleKind.choices),
    "price_unit": parse_choice(PriceUnit.choices, default=PriceUnit.FREE),
    "join_mode": parse_choice(JoinMode.choices, default=JoinMode.DROP_IN),
    "min_age": parse_int,
    "max_age": parse_int,
    "capacity": parse_int,
    "start_date": parse_date,
    "end_date": parse_date,
    "start_time": parse_time,
    "end_time": parse_time,
    "weekdays": parse_weekdays,
    "price": parse_decimal,
    "reduced_price": parse_decimal,
    **{
        name: parse_bool
        for name in (
            "for_children",
            "for_youths",
            "for_parents",
            "for_families",
            "for_professionals",
            "preschool",
            "primary",
            "secondary",
            "skip_school_holidays",
            "is_online",
            "interpreter_available",
        )
    },
}
TEXT_FIELDS = [f"{name}_{code}" for name in TRANSLATED for code, _label in LANGUAGE_CHOICES] + [
    "contact_phone",
    "contact_email",
]
# A model field whose error belongs to another column.
ERROR_COLUMNS = {"spoken_languages": "languages"}


class Lookups:
    """Themes, languages and the organisation's venues, loaded once for the whole file."""

    def __init__(self, organisation):
        self.themes = {theme.slug.lower(): theme for theme in Theme.objects.all()}
        self.languages = {language.code.lower(): language for language in SpokenLanguage.objects.all()}
        self.venues = {}
        for venue in Venue.objects.filter(organisation=organisation):
            self.venues.setdefault(venue.name.strip().lower(), venue)


def build_activity(values, *, organisation, lookups):
    """(Activity not saved, themes, spoken languages, [error messages]) for one row."""
    errors = []
    fields = {"organisation": organisation}

    def fail(column, message):
        errors.append(_("%(column)s: %(message)s") % {"column": column, "message": message})

    for name in TEXT_FIELDS:
        fields[name] = values.get(name, "")
    for name, parse in FIELD_PARSERS.items():
        try:
            parsed = parse(values.get(name, ""))
        except CellError as error:
            fail(name, error)
            continue
        if parsed is not None:
            fields[name] = parsed
    for name in REQUIRED_COLUMNS:
        if name in FIELD_PARSERS and not values.get(name):
            fail(name, _("this column is required"))

    themes = []
    for slug in split_list(values.get("themes", "")):
        if slug.lower() in lookups.themes:
            themes.append(lookups.themes[slug.lower()])
        else:
            fail("themes", _("unknown theme '%(slug)s'") % {"slug": slug})
    if not values.get("themes"):
        fail("themes", _("give at least one theme"))

    languages = []
    for code in split_list(values.get("languages", "")):
        if code.lower() in lookups.languages:
            languages.append(lookups.languages[code.lower()])
        else:
            fail("languages", _("unknown language code '%(code)s'") % {"code": code})

    schemes = [code.lower() for code in split_list(values.get("reduced_schemes", ""))]
    fields["reduced_schemes"] = schemes

    venue_name = values.get("venue", "").strip()
    if venue_name:
        venue = lookups.venues.get(venue_name.lower())
        if venue is None:
            fail("venue", _("your organisation has no venue called '%(name)s'") % {"name": venue_name})
        else:
            fields["venue"] = venue

    language = fields.get("original_language", settings.LANGUAGE_CODE)
    for name in ("title", "summary"):
        if not fields.get(f"{name}_{language}"):
            fail(f"{name}_{language}", _("fill this in, in the language the activity is written in"))

    activity = Activity(live=False, has_unpublished_changes=True, **fields)
    if errors:
        # Only report the model's rules once the cells themselves are readable.
        return activity, themes, languages, errors
    try:
        # The untranslated columns mirror the language columns, which are checked themselves;
        # organisation and venue come from the lookups above, so need no query to check.
        activity.full_clean(exclude=[*TRANSLATED, "organisation", "venue"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = ERROR_COLUMNS.get(name, name)
            for message in messages:
                if name == "__all__":
                    errors.append(message)
                else:
                    fail(column, message)
    return activity, themes, languages, errors


# --- the whole file ----------------------------------------------------------------------------------


def import_activities(*, actor, organisation, data, submit_for_review=True):
    """Check every row of a CSV file (bytes) and, when all are correct, create the activities.

    Returns an ImportResult: its errors list [(line, message)] is empty when the activities
    were created (as drafts of `organisation`, sent for review if asked). Raises nothing for
    bad input: unreadable files give one error on line 1 or the line concerned.
    """
    result = ImportResult()
    try:
        rows = read_rows(data)
    except ImportFileError as error:
        result.errors.append((None, str(error)))
        return result

    lookups = Lookups(organisation)
    built = []
    for line, values in rows:
        activity, themes, languages, errors = build_activity(
            values, organisation=organisation, lookups=lookups
        )
        result.errors.extend((line, message) for message in errors)
        built.append((activity, themes, languages))
    if result.errors:
        return result

    workflow = Activity.get_default_workflow() if submit_for_review else None
    with transaction.atomic():
        for activity, themes, languages in built:
            activity.themes = themes
            activity.spoken_languages = languages
            activity.save()
            # Checked with full_clean() above; checking again would double the queries.
            activity.save_revision(user=actor, log_action=True, clean=False)
            result.activities.append(activity)
        if workflow is not None:
            for activity in result.activities:
                workflow.start(activity, actor)
            result.submitted = True
    return result


def template_rows(*, organisation=None):
    """The template's header and one example row, with real theme and venue names if any."""
    theme = Theme.objects.first()
    venue = Venue.objects.filter(organisation=organisation).first() if organisation else None
    today = timezone.localdate()
    next_monday = today + datetime.timedelta(days=7 - today.weekday())
    codes = sorted(
        SpokenLanguage.objects.filter(code__in=["nl", "fr"]).values_list("code", flat=True), reverse=True
    )
    codes = codes or list(SpokenLanguage.objects.values_list("code", flat=True)[:1])
    example = {
        "title_nl": "Huiswerkklas",
        "title_fr": "École de devoirs",
        "title_en": "Homework club",
        "summary_nl": "Samen huiswerk maken met begeleiding.",
        "summary_fr": "Faire ses devoirs ensemble, avec un accompagnement.",
        "summary_en": "Doing homework together, with support.",
        "original_language": "nl",
        "pillar": Pillar.EXTENDED_LEARNING,
        "themes": theme.slug if theme else "",
        "for_children": "yes",
        "min_age": "8",
        "max_age": "12",
        "primary": "yes",
        "school_system": SchoolSystem.DUTCH,
        "schedule_kind": ScheduleKind.WEEKLY,
        "start_date": next_monday.isoformat(),
        "end_date": (next_monday + datetime.timedelta(days=120)).isoformat(),
        "weekdays": "mon|wed",
        "start_time": "16:00",
        "end_time": "17:30",
        "skip_school_holidays": "yes",
        "venue": venue.name if venue else "",
        "is_online": "no" if venue else "yes",
        "price_unit": PriceUnit.FREE,
        "join_mode": JoinMode.REGISTRATION,
        "capacity": "12",
        "languages": LIST_SEPARATOR.join(codes),
        "contact_phone": "+32 2 123 45 67",
    }
    return [COLUMN_NAMES, [example.get(name, "") for name in COLUMN_NAMES]]
