"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with its type and default,
and documented in docs/env-vars.md and .env.example. The dev, test and production modules only
change defaults that make sense for them.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    # An empty variable counts as unset (as in env_bool): `DATABASE_URL= make run` means SQLite.
    return os.environ.get(name, "").strip() or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment: the one place variables are read --------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env_str("REDIS_URL")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "sendhub_")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "SEND Information Hub")
# Comma-separated language codes; the first is the default. Names and text direction come from
# Django's own language table, so any language Django knows can be switched on here.
CONTENT_LANGUAGE_CODES = env_list("WAGTAIL_CONTENT_LANGUAGES", "en-gb,pl,ro,uk,ne,pa,ur,ar")
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SEND Information Hub <noreply@example.org>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# Only read by `manage.py ensure_admin` (used by `make run`) when it first creates the admin user.
ADMIN_PASSWORD = env_str("ADMIN_PASSWORD")
# Months after a consultation closes before respondents' personal data is erased.
CONSULTATION_RETENTION_MONTHS = env_int("CONSULTATION_RETENTION_MONTHS", 12)
# -----------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    # Project apps first so their templates and static files win.
    "hub",
    "home",
    "local_offer",
    "schools",
    "outcomes",
    "consultations",
    "you_said_we_did",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------------
LANGUAGE_CODE = CONTENT_LANGUAGE_CODES[0] if CONTENT_LANGUAGE_CODES else "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True


def _language_table(codes: list[str]) -> list[tuple[str, str]]:
    """(code, name) pairs, each language named in itself: "English", "Polski", "اردو"."""
    from django.conf.locale import LANG_INFO

    table = []
    for code in codes:
        info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0])
        if info is None:
            raise ImproperlyConfigured(
                f"WAGTAIL_CONTENT_LANGUAGES lists {code!r}, which Django does not know."
            )
        # A regional variant is named like its language ("English", not "British English")
        # unless another variant of the same language is switched on too.
        base = code.split("-")[0]
        variants = [other for other in codes if other.split("-")[0] == base]
        if len(variants) == 1 and base in LANG_INFO:
            info = LANG_INFO[base]
        table.append((code, LANGUAGE_NAME_FIXES.get(code, info["name_local"])))
    return table


# Django's table gives some languages only their English name.
LANGUAGE_NAME_FIXES = {"pa": "ਪੰਜਾਬੀ"}


LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = _language_table(CONTENT_LANGUAGE_CODES)
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files and media --------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# `make static` compiles static_src/ into static_compiled/; nothing built is committed.
STATICFILES_DIRS = [BASE_DIR / "static_compiled"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache, sessions and background tasks ------------------------------------------------------
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sendhub",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Questionnaire progress lives in the session, so sessions must survive a process restart.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CSRF_FAILURE_VIEW = "hub.views.csrf_failure"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Email -------------------------------------------------------------------------------------
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Search ------------------------------------------------------------------------------------
# Database full-text search unless a cluster is configured; search code never asks which.
# Synonyms and acronyms are expanded by search.synonyms at query time, not by the backend, so
# both behave the same. (Wagtail's database backend takes one text-search configuration for the
# whole index, not one per language: "english" stems the default-language content and is
# harmless for the rest. SQLite ignores it.)
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
            # update_index builds a new index and swaps the alias: search keeps working meanwhile.
            "ATOMIC_REBUILD": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
    }

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAILIMAGES_IMAGE_MODEL = "hub.AccessibleImage"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        # A short list keeps content consistent with the GOV.UK type scale.
        "OPTIONS": {"features": ["h2", "h3", "bold", "ol", "ul", "link", "document-link"]},
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Logging: one line per event, to stdout, for the platform to collect -----------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.request": {"level": "WARNING"}},
}
