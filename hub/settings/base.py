"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with its type and default,
and documented in docs/env-vars.md and .env.example. The dev, test and production modules only
change defaults that make sense for them.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from wagtail.embeds import oembed_providers

from hub.logs import logging_config


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
# Seconds an anonymous visitor's page is kept in the page cache (hub/page_cache); 0 switches the
# page cache off. Off unless set, except in production (300).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# Seconds costly counts are kept (hub/page_cache/remember.py): the ambition dashboards' figures
# and the directory's filter counts. 0 counts them on every view. Off unless set, except in
# production (300).
COUNTS_CACHE_SECONDS = env_int("COUNTS_CACHE_SECONDS", 0)
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
# "json" (one object per line) or "line"; empty means json in production, line elsewhere.
LOG_FORMAT = env_str("LOG_FORMAT")
# Media (images, documents) in S3-compatible object storage when a bucket is named; the
# credentials are read by boto3 itself from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
# Only read by `manage.py ensure_admin` (used by `make run`) when it first creates the admin user.
ADMIN_PASSWORD = env_str("ADMIN_PASSWORD")
# Months after a consultation closes before respondents' personal data is erased.
CONSULTATION_RETENTION_MONTHS = env_int("CONSULTATION_RETENTION_MONTHS", 12)
# Proxies in front of the site that each add one X-Forwarded-For entry (a PaaS router: 1). The
# rate limits and the staff sign-in lockout count visitors by the address the outermost one saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# When true, every member of staff must set up two-factor authentication before using the CMS.
ADMIN_REQUIRE_TWO_FACTOR = env_bool("ADMIN_REQUIRE_TWO_FACTOR", False)
# Questionnaire responses one visitor address may send to one consultation in an hour.
# Responses one visitor address may send to one consultation in an hour (consultations.wizard).
# Generous, because one address can stand for many families: a school's or a council event's
# network, and mobile networks, which share one public address among many phones just when a
# consultation is announced by text message. It slows a script stuffing responses; it must never
# turn parents away.
CONSULTATION_SUBMISSIONS_PER_HOUR = env_int("CONSULTATION_SUBMISSIONS_PER_HOUR", 600)
# PostgreSQL connections per process, pooled (0: one persistent connection per thread instead),
# and how long a request waits for one when all are busy.
DATABASE_POOL_SIZE = env_int("DATABASE_POOL_SIZE", 20)
DATABASE_POOL_TIMEOUT = env_int("DATABASE_POOL_TIMEOUT", 10)
# -----------------------------------------------------------------------------------------------

# The project's own apps, one per domain (also read by the page cache and the permission tests).
PROJECT_APPS = [
    "hub",
    "home",
    "local_offer",
    "schools",
    "outcomes",
    "consultations",
    "you_said_we_did",
    "search",
]
INSTALLED_APPS = [
    # Project apps first so their templates and static files win.
    *PROJECT_APPS,
    "hub.sign_in",
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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
]

DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    if DATABASE_POOL_SIZE:
        # One pool of at most DATABASE_POOL_SIZE connections per process (psycopg_pool), instead
        # of one connection per thread: a threaded server (runserver, gunicorn's gthread) met
        # by a crowd would otherwise open a connection per request in flight and be refused by
        # PostgreSQL ("too many clients", 100 by default), turning parents away with 503 pages.
        # Requests beyond the pool wait up to DATABASE_POOL_TIMEOUT seconds for a connection;
        # each is checked before use (CONN_HEALTH_CHECKS), so after a database restart no
        # request is handed a dead connection.
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections instead
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DATABASE_POOL_SIZE,
            "timeout": DATABASE_POOL_TIMEOUT,
        }

MIDDLEWARE = [
    # First: the request id and access log cover everything below, and /healthz is answered
    # before the HTTPS redirect and host check, which a platform's internal probe would fail.
    "hub.request_log.RequestLogMiddleware",
    "hub.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (one policy for the public site, one for the admin) and
    # Permissions-Policy, on every response Django makes. See hub/security_headers.py.
    "hub.security_headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the cache: before sessions, authentication and languages,
    # so a hit costs no query; the security headers above are added to hits as to any response.
    "hub.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks staff who have given a two-factor code this session, then sends those who have not
    # (or, when it is compulsory, who have not set it up) to the code or set-up page.
    "django_otp.middleware.OTPMiddleware",
    "hub.sign_in.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # SAMEORIGIN instead of DENY on the admin, for its preview panel.
    "hub.security_headers.AdminFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so its process_exception is asked first: a database outage becomes a 503 page.
    "hub.database_unavailable.DatabaseUnavailableMiddleware",
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
if AWS_STORAGE_BUCKET_NAME:
    # Web processes share no disk, so uploads must go where every process (and the next
    # deploy) can read them. See docs/deployment.md.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": AWS_S3_REGION_NAME or None,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            # Two uploads called "report.pdf" must not overwrite each other (django-storages
            # overwrites by default; Wagtail expects a new name).
            "file_overwrite": False,
            # Plain, lasting URLs: signed ones expire, and would break cached pages that show
            # images. Media on this site is public; the bucket's policy grants public read.
            "querystring_auth": False,
            "default_acl": None,
        },
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
# all behave the same. On PostgreSQL, search.backends.postgres (Wagtail's backend, subclassed)
# stems each page in its own language's text-search configuration and each query in the
# visitor's and the default language's (search/text_search_configs.py, decision 0009); run
# update_index after changing that table. SQLite has no stemming and ignores SEARCH_CONFIG.
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
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}
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

# --- Staff sign-in: lockout and two-factor authentication (hub/sign_in, decision 0013) -------
# Failed sign-ins for one username from one address before that pair is locked out, and the
# looser limit for one address across all usernames (credential stuffing).
ADMIN_SIGN_IN_FAILURE_LIMIT = 5
ADMIN_SIGN_IN_ADDRESS_FAILURE_LIMIT = 30
ADMIN_SIGN_IN_COOL_OFF_MINUTES = 15
# Password reset emails in an hour, per address asking and per email address asked about.
ADMIN_PASSWORD_RESETS_PER_ADDRESS = 5
ADMIN_PASSWORD_RESETS_PER_EMAIL = 3
WAGTAILADMIN_USER_LOGIN_FORM = "hub.sign_in.forms.WagtailSignInForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "hub.sign_in.forms.LimitedPasswordResetForm"
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Keep secret keys out of the Django admin's device screens.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Security headers (hub/security_headers.py, docs/decisions/0012-security-headers.md) -------
# Headers that are right over HTTP as well as HTTPS; the HTTPS-only ones are in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # the admin's own pages get SAMEORIGIN, for its preview panel
# No script on the site reads these cookies, so scripts may not (CSRF tokens come from forms).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# The video block embeds YouTube and Vimeo players, and only those (WAGTAILEMBEDS_FINDERS).
VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
# The public site: nothing inline, nothing from elsewhere but the video players. When media is
# in object storage its address is added to img-src by the middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Staff avatars are uploaded, never fetched from Gravatar: that would tell a third party who
# works on the CMS, and need it in img-src.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's admin and Django's admin: what they need and nothing more (decision 0012).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Inline panels, date pickers and choosers write inline scripts; jQuery runs the ones
        # in HTML it inserts (StreamField, modals). No eval: the admin does not need it.
        "script-src": [SELF, UNSAFE_INLINE],
        # The editor's bundled scripts (Draftail, React widgets) insert <style> elements, and
        # wagtail-localize's translation editor writes style attributes.
        "style-src": [SELF, UNSAFE_INLINE],
        # Thumbnails of images being uploaded are blob: addresses. (data: was never needed.)
        "img-src": [SELF, "blob:"],
        # The preview panel frames the page being edited; the video block previews players.
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
    }
}
# Powerful browser features the site never uses, switched off for it and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Logging: one line per event, to stdout, for the platform to collect -----------------------
# Plain lines to read in a terminal; production.py switches the default to JSON (hub/logs.py).
LOGGING = logging_config(LOG_FORMAT or "line", LOG_LEVEL)
