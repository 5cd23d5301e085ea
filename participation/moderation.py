"""Keeping the youngest safe: what is held for review before it is public, and why.

Two kinds of holds:
- by who wrote it (`needs_premoderation`): workshop participants (children without accounts),
  youths younger than settings.VILLAGE_PREMODERATION_AGE, and everybody in a track where a
  moderator switched pre-moderation on for all;
- by what it says (`screen`): text that looks like it holds personal data (an e-mail address,
  a national register number, a phone number, a street address, a full name: the detectors of
  village.personal_data) or a word of the editable blocklist (BlockedWord). Each reason is
  stored on the contribution ({"code", "detail"}) and shown to the moderator.

The detectors chosen here miss a little rather than hold ordinary ideas ("Meer voetbal op
woensdag", "Une place de jeux près de l'école"): a held idea of a child that waits for days
is a broken promise too. That is why a first name alone passes (`full_names`, not `names`), and
dates and school names too. Reports (anybody can flag a contribution) catch what slips through.

The moderators' decisions (approve / hide / remove) are in participation.moderation_services.
"""

import re
import unicodedata

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from village import personal_data
from village.personal_data import ADDRESS, EMAIL, FULL_NAME, NATIONAL_NUMBER, PHONE

BLOCKED_WORD = "blocked_word"
AUTHOR = "author"
TRACK = "track"

# What the text is screened for (see personal_data.find); SCREENED is the order moderators see
# the reasons in.
DETECTORS = (
    personal_data.emails,
    personal_data.national_numbers,
    (personal_data.phones, personal_data.addresses, personal_data.full_names),
)
SCREENED = (EMAIL, NATIONAL_NUMBER, PHONE, ADDRESS, FULL_NAME, BLOCKED_WORD)

REASON_LABELS = {
    **personal_data.REASONS,
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


# --- what the text says ------------------------------------------------------------------------


def blocklist():
    """The words of the editable blocklist (all languages)."""
    from .models import BlockedWord

    return list(BlockedWord.objects.values_list("word", flat=True))


def _normalise(text):
    """Lower case without accents and with look-alike digits read as letters, for the blocklist."""
    return personal_data.fold(text).translate(
        str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
    )


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
    """The reasons to hold a text, as [{"code": ..., "detail": ...}], in the order of SCREENED;
    the detail is what was found, for the moderator."""
    text = text or ""
    found = {}
    for finding in personal_data.find(text, DETECTORS):
        found.setdefault(finding.kind, []).append(finding.text)
    found[BLOCKED_WORD] = find_blocked_words(text, blocked_words)
    reasons = []
    for code in SCREENED:
        details = [detail.strip() for detail in found.get(code, ()) if detail.strip()]
        if details:
            reasons.append({"code": code, "detail": ", ".join(dict.fromkeys(details))[:200]})
    return reasons


def contribution_text(contribution):
    parts = [getattr(contribution, "title", ""), contribution.body, getattr(contribution, "image_alt", "")]
    return "\n".join(part for part in parts if part)


def screen(contribution):
    """The automatic hold reasons for a contribution's text (empty: nothing found)."""
    return detect(contribution_text(contribution), blocked_words=blocklist())


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
