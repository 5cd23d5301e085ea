"""Every string a person sees exists in nl, fr and en, translated, with nothing fuzzy.

The catalogs in locale/ are compared with a fresh extraction from the source, so a string
marked for translation but never added to the catalogs fails here too.
"""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["nl", "fr", "en"]
DOMAINS = ["django"]


def read_catalog(path):
    """{(msgctxt, msgid): [msgstr, ...]} and the set of fuzzy keys, from a .po file."""
    entries, fuzzy = {}, set()
    current, field, flags = {}, None, ""

    def flush():
        if "msgid" in current and current["msgid"]:
            key = (current.get("msgctxt"), current["msgid"])
            entries[key] = [value for name, value in current.items() if name.startswith("msgstr")]
            if "fuzzy" in flags:
                fuzzy.add(key)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,"):
            flags = line
        elif line.startswith("#") or not line.strip():
            if current and field:
                flush()
                current, field = {}, None
                if not line.startswith("#,"):
                    flags = "" if not line.strip() else flags
        elif line.startswith('"'):
            current[field] += ast.literal_eval(line)
        else:
            name, _, value = line.partition(" ")
            if (
                name == "msgctxt"
                and current.get("msgid") is not None
                and field
                and field.startswith("msgstr")
            ):
                flush()
                current, flags = {}, ""
            field = name
            current[field] = ast.literal_eval(value)
    if current:
        flush()
    return entries, fuzzy


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """msgids a fresh `makemessages` finds in the source (run on a copy of it)."""
    work = tmp_path_factory.mktemp("extract")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ["site", "templates", "static", "activities", "participation", "network"]:
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    shutil.copy(ROOT / "manage.py", work / "manage.py")
    (work / "locale" / "nl" / "LC_MESSAGES").mkdir(parents=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "village.settings.dev"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "-v", "0"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    entries, _fuzzy = read_catalog(work / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    return set(entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    entries, fuzzy = read_catalog(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    untranslated = [key[1] for key, values in entries.items() if not all(values)]
    assert not untranslated, f"{language}: untranslated: {untranslated[:20]}"
    assert not fuzzy, f"{language}: fuzzy: {[key[1] for key in fuzzy][:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_hold_every_string_in_the_source(extracted, language):
    entries, _fuzzy = read_catalog(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    missing = sorted(msgid for _ctx, msgid in extracted - set(entries))
    assert not missing, f"{language}: run `make makemessages` and translate: {missing[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_compile_cleanly(language):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (gettext) is not installed")
    result = subprocess.run(
        [
            "msgfmt",
            "--check",
            "-o",
            os.devnull,
            str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
