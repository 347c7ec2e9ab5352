"""Project-level guards: migrations are complete, production settings refuse unsafe starts."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Missing migrations:\n{out.getvalue()}")


def _production_check(**env):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="hub.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _production_check()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_check_deploy_is_clean_with_the_documented_variables():
    result = _production_check(
        SECRET_KEY="x7Qp-2vLm9Zr4tKw8NcYb3HfJd6GsA1eRuPoIiUyTq0WzXvBnMlKjHgFdSaQwErTy",
        ALLOWED_HOSTS="send.example.org",
        BASE_URL="https://send.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_ensure_admin_creates_the_admin_once_and_never_changes_it(settings):
    settings.ADMIN_PASSWORD = "a-long-demo-password"
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-long-demo-password")

    settings.ADMIN_PASSWORD = "something-else"
    call_command("ensure_admin", stdout=out)
    admin.refresh_from_db()
    assert admin.check_password("a-long-demo-password")
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_ensure_admin_generates_and_prints_a_password_when_none_is_given(settings):
    settings.ADMIN_PASSWORD = ""
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    printed = out.getvalue().split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(printed)


def _settings_value(expression: str, **env) -> str:
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(env, DJANGO_SETTINGS_MODULE="hub.settings.dev")
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_search_uses_the_database_unless_a_cluster_is_configured():
    assert _settings_value("settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']") == (
        "wagtail.search.backends.database"
    )
    backend = _settings_value(
        "settings.WAGTAILSEARCH_BACKENDS['default']",
        ELASTICSEARCH_URL="https://search.example.org:9200",
    )
    assert "wagtail.search.backends.elasticsearch8" in backend
    assert "https://search.example.org:9200" in backend


def test_cache_uses_redis_when_configured_and_memory_otherwise():
    assert "LocMemCache" in _settings_value("settings.CACHES['default']['BACKEND']")
    assert "RedisCache" in _settings_value(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/1"
    )


def test_database_comes_from_database_url():
    engine = _settings_value(
        "settings.DATABASES['default']['ENGINE']",
        DATABASE_URL="postgres://user:secret@db.example.org:5432/sendhub",
    )
    assert engine == "django.db.backends.postgresql"


def test_an_unknown_language_code_is_refused_clearly():
    with pytest.raises(subprocess.CalledProcessError) as error:
        _settings_value("settings.LANGUAGES", WAGTAIL_CONTENT_LANGUAGES="en-gb,xx")
    assert "WAGTAIL_CONTENT_LANGUAGES lists 'xx'" in error.value.stderr


def test_right_to_left_languages_are_known_as_such():
    assert (
        _settings_value(
            "[c for c, _ in settings.LANGUAGES if __import__('django.utils.translation', "
            "fromlist=['x']).get_language_info(c)['bidi']]"
        )
        == "['ur', 'ar']"
    )
