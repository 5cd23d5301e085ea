"""Keyword search over good practices, in Dutch, French and English.

A practice is written in one language (`Practice.language`). On PostgreSQL its text is
indexed with that language's text-search configuration (`village_nl`, `village_fr`,
`village_en`: the Snowball stemmer behind `unaccent`, created by migration
0002_practice_search), so "écoles" finds "ecole" and "ouders" finds "ouder". Every word of the
query is also matched as a prefix, and a crude stem of it is tried too, which catches what the
stemmers leave apart ("huiswerkklassen" -> "huiswerkklass", "huiswerkklas" -> "huiswerkklas").
Results are ranked with ts_rank (title weighs most, then goal, then the rest).

On SQLite (the embedded default and the default test database) there is no full-text
search: every word must occur in one of the fields, compared case- and accent-insensitively
through a small SQL function registered on the connection; the ranking counts in which
fields the words occur.
"""

import re
import unicodedata

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import BooleanField, Case, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Concat

# Fields of the case-study format, by weight: A counts most in the ranking.
WEIGHTED_FIELDS = {
    "A": ("title",),
    "B": ("goal", "region"),
    "C": ("audience", "vision", "activities_text", "method"),
    "D": ("partners", "funding", "success_factors", "obstacles", "contact"),
}
SEARCH_FIELDS = tuple(field for fields in WEIGHTED_FIELDS.values() for field in fields)
TEXT_SEARCH_CONFIGS = {"nl": "village_nl", "fr": "village_fr", "en": "village_en"}
FALLBACK_CONFIGS = {"nl": "dutch", "fr": "french", "en": "english"}
MAX_WORDS = 8
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Plural and feminine endings of the three languages, longest first.
SUFFIXES = ("iennes", "ennes", "euses", "ingen", "eaux", "ies", "es", "en", "s", "x", "e")


def fold(text):
    """Lower case without accents: 'École' -> 'ecole'."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_words(text):
    """The words of a query, folded, at most MAX_WORDS."""
    return [word for word in WORD_RE.findall(fold(text or "")) if word][:MAX_WORDS]


def crude_stem(word):
    """Strip one plural ending and undouble a final consonant: a language-blind stem that lets
    'huiswerkklassen' meet 'huiswerkklas' and 'activites' meet 'activite'."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "aeiouy":
        word = word[:-1]
    return word


# --- SQLite -----------------------------------------------------------------------------------


def _register_fold(sender=None, connection=None, **kwargs):
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_function("village_fold", 1, fold, deterministic=True)


connection_created.connect(_register_fold, dispatch_uid="network.practice_search.fold")


class Fold(Func):
    function = "village_fold"
    output_field = TextField()


def _sqlite_search(queryset, words):
    connection.ensure_connection()
    _register_fold(connection=connection)  # a connection opened before this module was imported
    folded = {field: Fold(Coalesce(F(field), Value(""), output_field=TextField())) for field in SEARCH_FIELDS}
    condition = Q()
    rank = Value(0.0, output_field=FloatField())
    weights = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
    for word in words:
        stem = crude_stem(word)
        word_condition = Q()
        for weight, fields in WEIGHTED_FIELDS.items():
            for field in fields:
                name = f"_fold_{field}"
                word_condition |= Q(**{f"{name}__contains": stem})
                rank = rank + Case(
                    When(**{f"{name}__contains": stem}, then=Value(weights[weight])),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
        condition &= word_condition
    queryset = queryset.alias(**{f"_fold_{field}": expression for field, expression in folded.items()})
    return queryset.filter(condition).annotate(rank=rank).order_by("-rank", "-updated_at", "pk")


# --- PostgreSQL -------------------------------------------------------------------------------


def _config_names():
    """The configurations with unaccent when migration 0002 made them, else PostgreSQL's own."""
    cached = getattr(connection, "_village_practice_configs", None)
    if cached is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'village_nl'")
            cached = TEXT_SEARCH_CONFIGS if cursor.fetchone() else FALLBACK_CONFIGS
        connection._village_practice_configs = cached
    return cached


def _language_config(configs):
    """The text-search configuration of each practice's own language, as an SQL expression."""
    return Case(
        *[When(language=language, then=Value(config)) for language, config in configs.items()],
        default=Value(configs["nl"]),
        output_field=TextField(),
    )


def _tsquery_text(words):
    """'(w:* | stem:*) & ...': every word, as a prefix, or its crude stem as a prefix."""
    terms = []
    for word in words:
        alternatives = {f"{word}:*", f"{crude_stem(word)}:*"}
        terms.append("(" + " | ".join(sorted(alternatives)) + ")")
    return " & ".join(terms)


class _Weighted(Func):
    """setweight(to_tsvector(config, text), 'A')"""

    template = "setweight(to_tsvector(%(expressions)s), '%(weight)s')"
    output_field = TextField()


def _postgres_search(queryset, words):
    configs = _config_names()
    config = Func(
        _language_config(configs), template="(%(expressions)s)::regconfig", output_field=TextField()
    )
    vectors = []
    for weight, fields in WEIGHTED_FIELDS.items():
        parts = []
        for field in fields:
            parts += [Coalesce(F(field), Value(""), output_field=TextField()), Value(" ")]
        vectors.append(_Weighted(config, Concat(*parts, output_field=TextField()), weight=weight))
    document = Func(*vectors, template="(%(expressions)s)", arg_joiner=" || ", output_field=TextField())
    query = Func(config, Value(_tsquery_text(words)), function="to_tsquery", output_field=TextField())
    matches = Func(
        document, query, template="(%(expressions)s)", arg_joiner=" @@ ", output_field=BooleanField()
    )
    rank = Func(document, query, function="ts_rank", output_field=FloatField())
    return (
        queryset.alias(_matches=matches)
        .filter(_matches=True)
        .annotate(rank=rank)
        .order_by("-rank", "-updated_at", "pk")
    )


def search_practices(queryset, text):
    """The practices of the queryset that match the words of `text`, best first, each with
    `rank`. An empty query returns the queryset unchanged (without `rank`)."""
    words = query_words(text)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        return _postgres_search(queryset, words)
    return _sqlite_search(queryset, words)
