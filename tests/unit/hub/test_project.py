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
