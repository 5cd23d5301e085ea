"""Demo content of the participation app; safe to run twice."""


def load():
    return "nothing yet"
