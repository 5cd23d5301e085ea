#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

# The site-wide layer lives in site/; a package named `site` cannot be imported (the
# standard library owns the name), so site/ is a source folder on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "village.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
