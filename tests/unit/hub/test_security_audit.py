"""`make audit` (scripts/security_audit.py): reading pip-audit's and npm audit's reports, and
never calling "could not ask" a pass. No network: the reports are the tools' own JSON shapes."""

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "security_audit.py"


@pytest.fixture(scope="module")
def security_audit():
    spec = importlib.util.spec_from_file_location("security_audit", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pip_report(*dependencies: dict) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
VULNERABLE = {
    "name": "jinja2",
    "version": "3.1.2",
    "vulns": [
        {
            "id": "PYSEC-2024-1",
            "aliases": ["GHSA-h5c8-rqwp-cp95", "CVE-2024-22195"],
            "fix_versions": ["3.1.3"],
            "description": "...",
        }
    ],
}
EDITABLE = {"name": "send-hub", "skip_reason": "distribution marked as editable"}
NOT_FOUND = {
    "name": "wagtail",
    "skip_reason": "Dependency not found on PyPI and could not be audited: wagtail (7.4.4)",
}


def test_a_clean_environment_passes(security_audit, capsys):
    audit = security_audit.read_pip_audit(pip_report(CLEAN, EDITABLE), 0)
    assert (audit.reached, audit.audited, audit.findings) == (True, 1, [])
    assert security_audit.report([audit], allow_unreachable=False) == 0


def test_a_vulnerable_package_fails_and_names_the_fix(security_audit, capsys):
    audit = security_audit.read_pip_audit(pip_report(CLEAN, VULNERABLE), 1)
    assert audit.findings == ["jinja2 3.1.2: PYSEC-2024-1 (fixed in: 3.1.3)"]
    assert security_audit.report([audit], allow_unreachable=True) == 1
    assert "VULNERABLE: jinja2" in capsys.readouterr().out


def test_an_ignored_advisory_is_reported_but_does_not_fail(security_audit, monkeypatch):
    monkeypatch.setattr(security_audit, "IGNORED", {"CVE-2024-22195": "no fix; not reachable"})
    audit = security_audit.read_pip_audit(pip_report(VULNERABLE), 0)
    assert audit.findings == []
    assert len(audit.ignored) == 1
    assert security_audit.report([audit], allow_unreachable=False) == 0


def test_nothing_audited_is_not_a_pass(security_audit, capsys):
    """What a mirror without PyPI's per-release JSON looks like: every package 'not found'."""
    audit = security_audit.read_pip_audit(pip_report(NOT_FOUND, EDITABLE), 0)
    assert audit.reached is False
    assert security_audit.report([audit], allow_unreachable=False) == 1
    assert security_audit.report([audit], allow_unreachable=True) == 0
    assert "NOT AUDITED" in capsys.readouterr().out


def test_a_crashed_pip_audit_is_not_a_pass(security_audit):
    audit = security_audit.read_pip_audit("", 1, "Traceback...\nConnectionError: no route")
    assert audit.reached is False
    assert "ConnectionError" in audit.notes[0]
    assert security_audit.report([audit], allow_unreachable=False) == 1


def test_some_packages_missing_from_pypi_are_listed(security_audit):
    audit = security_audit.read_pip_audit(pip_report(CLEAN, NOT_FOUND), 0)
    assert audit.reached is True
    assert "wagtail" in audit.notes[0]


def npm_report(vulnerabilities: dict) -> str:
    return json.dumps(
        {
            "auditReportVersion": 2,
            "vulnerabilities": vulnerabilities,
            "metadata": {"dependencies": {"prod": 2, "dev": 40, "total": 42}},
        }
    )


def npm_vulnerability(severity: str, advisory: str = "GHSA-aaaa-bbbb-cccc") -> dict:
    return {
        "name": "govuk-frontend",
        "severity": severity,
        "range": "<6.6.1",
        "via": [{"url": f"https://github.com/advisories/{advisory}", "severity": severity}],
    }


def test_npm_high_and_critical_fail_moderate_does_not(security_audit):
    high = security_audit.read_npm_audit(npm_report({"govuk-frontend": npm_vulnerability("high")}))
    assert high.findings == ["govuk-frontend <6.6.1: high GHSA-aaaa-bbbb-cccc"]
    moderate = security_audit.read_npm_audit(
        npm_report({"govuk-frontend": npm_vulnerability("moderate")})
    )
    assert moderate.findings == []
    assert moderate.audited == 2


def test_npm_registry_refusing_the_audit_is_not_a_pass(security_audit):
    refused = json.dumps({"message": "405 Method Not Allowed - POST .../advisories/bulk"})
    audit = security_audit.read_npm_audit(refused)
    assert audit.reached is False
    assert "405" in audit.notes[0]
