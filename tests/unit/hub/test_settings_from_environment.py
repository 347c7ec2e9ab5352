"""Settings that depend on environment variables, read in a fresh process with that environment
(settings are read once, at import): the log format and object storage for media."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]

# The variables these tests set, cleared first so the machine's own environment cannot leak in.
CONTROLLED = (
    "LOG_FORMAT",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_PROFILE",
)


def settings_in_fresh_process(module: str, env: dict[str, str], code: str) -> dict:
    """Runs `code` (which must print JSON) after configuring Django with `module` and `env`.

    boto3 is kept away from any real AWS configuration and from the network: nothing here
    connects anywhere, building a storage and its URLs is local work.
    """
    environment = {key: value for key, value in os.environ.items() if key not in CONTROLLED}
    environment |= {
        "DJANGO_SETTINGS_MODULE": f"hub.settings.{module}",
        "SECRET_KEY": "test-only-secret-key-" + "x" * 40,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
    } | env
    script = "import json\nfrom django.conf import settings\n" + code
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


FORMATTER = 'print(json.dumps({"formatter": settings.LOGGING["handlers"]["console"]["formatter"]}))'


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        ("production", {}, "json"),
        ("dev", {}, "line"),
        ("production", {"LOG_FORMAT": "line"}, "line"),
        ("dev", {"LOG_FORMAT": "json"}, "json"),
    ],
)
def test_log_format_defaults_to_json_in_production_and_line_elsewhere(module, env, expected):
    assert settings_in_fresh_process(module, env, FORMATTER)["formatter"] == expected


STORAGE = 'print(json.dumps(settings.STORAGES["default"]))'


def test_media_stays_on_disk_without_a_bucket():
    default = settings_in_fresh_process("production", {}, STORAGE)
    assert default["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_naming_a_bucket_moves_media_to_object_storage():
    env = {
        "AWS_STORAGE_BUCKET_NAME": "council-send-media",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_S3_ENDPOINT_URL": "https://s3.example-provider.net",
        "AWS_S3_CUSTOM_DOMAIN": "media.send.example.org",
    }
    default = settings_in_fresh_process("production", env, STORAGE)
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "council-send-media"
    assert options["region_name"] == "eu-west-2"
    assert options["endpoint_url"] == "https://s3.example-provider.net"
    assert options["custom_domain"] == "media.send.example.org"
    # Same-named uploads must not replace each other; URLs must not expire in cached pages.
    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is False


STORED_URLS = """
import django
django.setup()
from django.core.files.storage import storages
media = storages["default"]
print(json.dumps({
    "class": type(media).__name__,
    "url": media.url("original_images/ehcp-guide.jpg"),
}))
"""


def test_media_urls_point_at_the_bucket_without_expiring_signatures():
    env = {
        "AWS_STORAGE_BUCKET_NAME": "council-send-media",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "AKIAEXAMPLEEXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "example-secret",
    }
    stored = settings_in_fresh_process("production", env, STORED_URLS)
    assert stored["class"] == "S3Storage"
    assert stored["url"].startswith("https://council-send-media.s3")
    assert stored["url"].endswith("/original_images/ehcp-guide.jpg")
    assert "Signature" not in stored["url"] and "?" not in stored["url"]


def test_a_custom_domain_serves_the_media():
    env = {
        "AWS_STORAGE_BUCKET_NAME": "council-send-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.send.example.org",
    }
    stored = settings_in_fresh_process("production", env, STORED_URLS)
    assert stored["url"] == "https://media.send.example.org/original_images/ehcp-guide.jpg"
