"""Demo content of moderation: a few mild words on the blocklist (moderators add their own in
the admin under "Blocked words"). Safe to run twice; runs after participation.demo."""

from .models import BlockedWord

WORDS = [("stommerd", "nl"), ("sukkel", "nl"), ("crétin", "fr"), ("débile", "fr"), ("idiot", "")]


def load():
    created = 0
    for word, language in WORDS:
        created += BlockedWord.objects.get_or_create(word=word, language=language)[1]
    return f"{len(WORDS)} blocked words ({created} new)"
