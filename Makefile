# Village: the two commands are `make run` and `make test` (see README.md).
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test setup install lint format messages makemessages lock clean

run: setup ## Set everything up and serve the site with demo content on http://127.0.0.1:8000
	@echo "Village runs on http://$(HOST):$(PORT)/ (demo accounts and password: see README.md). Ctrl+C stops it."
	@trap 'kill 0' INT TERM EXIT; \
	  DJANGO_SETTINGS_MODULE=village.settings.dev $(PY) manage.py db_worker --queue-name '*' --verbosity 0 & \
	  DJANGO_SETTINGS_MODULE=village.settings.dev $(VENV)/bin/uvicorn village.asgi:application \
	    --app-dir site --host $(HOST) --port $(PORT) --lifespan off

test: install messages ## Run the whole test suite (browser tests need Chromium: installed when possible)
	@scripts/ensure-chromium.sh || true
	$(VENV)/bin/pytest

setup: install messages
	DJANGO_SETTINGS_MODULE=village.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=village.settings.dev $(PY) manage.py load_demo

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements/base.lock requirements/dev.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.installed ## Compile the translations in locale/
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	$(PY) manage.py compilemessages --ignore '.venv' --ignore 'node_modules' --locale nl --locale fr --locale en -v 0

makemessages: $(VENV)/.installed ## Extract translatable strings into locale/*/LC_MESSAGES/django.po
	$(PY) manage.py makemessages --locale nl --locale fr --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --ignore 'tests/*' --no-obsolete --add-location file
	@# The source strings are English: the English catalog is the identity.
	msgfilter --keep-header -i locale/en/LC_MESSAGES/django.po sh -c 'cat > /dev/null' | msgen - -o locale/en/LC_MESSAGES/django.po

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

lock: ## Re-pin requirements/*.lock after changing pyproject.toml
	requirements/lock.sh

clean:
	rm -rf var/*.sqlite3* var/static
