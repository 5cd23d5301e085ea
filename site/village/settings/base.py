"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parents[2]  # site/
BASE_DIR = SITE_DIR.parent  # the repository root

INSTALLED_APPS = [
    "daphne",
    # Translation registration must see Wagtail's Page before our page types.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "accounts.users_app.VillageUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    # Ours. Our templates and translations win anyway: templates/ and locale/ come first.
    "village",
    "accounts",
    "organisations",
    "activities",
    "participation",
    "network",
    "notifications",
    "wagtail.contrib.routable_page",
]

MIDDLEWARE = [
    "village.middleware.AsyncFileStreamingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "village.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "village.middleware.VillageLocaleMiddleware",
    "village.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "activities.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "village.urls"
# Widgets render with the project's template settings, so templates/ can override them
# (Wagtail's date widgets without inline scripts, see village.security).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
ASGI_APPLICATION = "village.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "village.context_processors.site_context",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
LANGUAGE_COOKIE_NAME = "village_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "fr", "en")
# An empty translation falls back to Dutch, then French, then English, so a visitor always
# sees the text in some language rather than nothing.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("nl", "fr", "en"),
}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# --- Accounts (django-allauth) -----------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    # Off: failed logins slow down instead (VILLAGE_LOGIN_BACKOFF below), rather than allauth's
    # lock-out after 5 failures, which does not say for how long.
    "login_failed": None,
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Failed logins slow down, per account (e-mail address) and per client address: `free` failed
# attempts are answered at once, then each attempt waits `first_delay` seconds, doubling with
# every further failure up to `max_delay`; failures are forgotten `forget_after` seconds after
# the first. A successful login forgets the account's failures. (accounts.login_throttle)
VILLAGE_LOGIN_BACKOFF = {
    "account": {"free": 3, "first_delay": 2, "max_delay": 300, "forget_after": 3600},
    # Higher: a school or an office shares one address.
    "ip": {"free": 20, "first_delay": 2, "max_delay": 300, "forget_after": 3600},
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Village"
# Roles whose accounts must have two-factor login before they can use the site.
# Production turns this on; the embedded default leaves it available but optional.
VILLAGE_REQUIRE_2FA_ROLES = ()

# Youths make their own account from this age; younger children never need one.
VILLAGE_YOUTH_MIN_AGE = int(os.environ.get("VILLAGE_YOUTH_MIN_AGE", "12"))

# Co-creation: contributions of youths younger than this are reviewed before they are public.
VILLAGE_PREMODERATION_AGE = int(os.environ.get("VILLAGE_PREMODERATION_AGE", "16"))
# Uploaded photos (ideas, CMS images): at most this many bytes and pixels; re-encoded without metadata.
VILLAGE_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
VILLAGE_UPLOAD_MAX_PIXELS = 40_000_000

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Village"
WAGTAIL_I18N_ENABLED = False  # languages come from modeltranslation: one page tree, three columns
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USAGE_COUNT_ENABLED = False
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"  # failed logins slow down there too
# One password reset, the site's (allauth: rate-limited, in the person's language); the admin's
# login page links to it (templates/wagtailadmin/login.html).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILEMBEDS_FINDERS = []  # no calls to oEmbed providers from the server
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"  # collectstatic target (production)
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end libraries come from npm (package.json) at install time; no CDN, no copies.
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Tasks --------------------------------------------------------------------------------
# A real queue: tasks are stored in the database and run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Channels -----------------------------------------------------------------------------
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- E-mail -------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Village <noreply@village.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every e-mail goes through the task queue (village.mail); the worker delivers it with this.
EMAIL_BACKEND = "village.mail.QueuedEmailBackend"
VILLAGE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_SUBJECT_PREFIX = "[Village] "
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Village: "

# --- Security -----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie (forms carry the token; Wagtail reads it from the page).
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Maps ---------------------------------------------------------------------------------
# Tiles are the one thing a visitor's browser fetches from elsewhere; both are settings.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"village": {"level": "INFO"}},
}

# Demo content loaders, in order; each module has a load() that is safe to run twice.
VILLAGE_DEMO_LOADERS = [
    "accounts.demo",
    "organisations.demo",
    "village.demo",
    "activities.demo",
    "participation.demo",
    "participation.moderation_demo",
    "network.demo",
]
VILLAGE_DEMO_CONTENT_ALLOWED = False
DEMO_PASSWORD = "village-demo"

# Reduced-price schemes an activity can accept (code, label).
VILLAGE_REDUCED_PRICE_SCHEMES = [
    ("uitpas", "UiTPAS"),
    ("social_tariff", _("Social tariff")),
    ("article27", "Article 27"),
    ("ocmw_cpas", _("OCMW/CPAS support")),
]

# --- Learning networks (network app) ---------------------------------------------------------
# The video-call link of a session: "jitsi" (VILLAGE_JITSI_BASE_URL/<room>) or "bigbluebutton"
# (a Greenlight room under VILLAGE_BBB_BASE_URL). Room names are unguessable per session.
VILLAGE_VIDEO_PROVIDER = os.environ.get("VILLAGE_VIDEO_PROVIDER", "jitsi")
VILLAGE_JITSI_BASE_URL = os.environ.get("VILLAGE_JITSI_BASE_URL", "https://meet.jit.si")
VILLAGE_BBB_BASE_URL = os.environ.get("VILLAGE_BBB_BASE_URL", "")
VILLAGE_NETWORK_INVITATION_DAYS = 14
# A session's live room takes messages, hands and votes until this long after its planned end;
# then it is read-only.
VILLAGE_NETWORK_ROOM_GRACE_MINUTES = int(os.environ.get("VILLAGE_NETWORK_ROOM_GRACE_MINUTES", "30"))
VILLAGE_CASE_RETENTION_MONTHS = int(os.environ.get("VILLAGE_CASE_RETENTION_MONTHS", "12"))
# Cases whose outcome is "closed" are archived this many days later (`manage.py purge_cases`).
VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS = int(os.environ.get("VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS", "30"))
# School names (besides organisations of kind school and activity venues) refused in case texts.
VILLAGE_SCHOOL_NAMES = []

# --- Rate limits (village.ratelimit) --------------------------------------------------------
# name: (attempts, per seconds). Apps add their own names here.
VILLAGE_RATE_LIMITS = {
    # Joining activities, per person (a parent registering several children does it once).
    "activity_join": (20, 600),
    # Co-creation: a class of children on tablets cannot flood a track by accident.
    "participation_post_person": (10, 600),
    "participation_post_workshop": (60, 600),
    "participation_report": (20, 3600),
    # Joining a workshop, per address: a whole class shares one; codes cannot be guessed by trying.
    "participation_workshop_join": (300, 600),
    # Live rooms of learning networks: chat messages, and hands/votes, per person.
    "network_chat": (30, 60),
    "network_room": (60, 60),
    # Facilitators inviting people by e-mail (addresses per hour).
    "network_invite": (100, 3600),
}
# Behind a reverse proxy that sets X-Forwarded-For (production), the client's address is its last entry.
VILLAGE_TRUST_X_FORWARDED_FOR = False
