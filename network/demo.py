"""Demo content of the network app; safe to run twice."""


def load():
    return "nothing yet"
