"""`make audit`: known vulnerabilities in the packages the site runs on.

- Python: pip-audit over the installed environment (the project's dependencies, pinned by what
  is actually installed, and the development tools CI runs), against PyPI's advisory data.
- Front end: `npm audit --omit=dev --audit-level=high` over package-lock.json (the build tools,
  Sass, never reach a browser; GOV.UK Frontend does).

Fails when either finds a vulnerability that is not ignored below. It also fails when an
advisory service could not be asked at all, because "no findings" would then be a lie; pass
--allow-unreachable to turn that into a loud warning instead, for a machine that can install
packages but cannot reach the advisory services (this project's own CI sandbox is one).

To ignore a finding (only when no fixed release exists, or it cannot affect this site), add its
advisory id with the reason to IGNORED, and remove it once a fix ships.

Security lint is not here: ruff's S rules (flake8-bandit) run with every `make lint`.
"""

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

# Advisory id (PYSEC-..., GHSA-..., CVE-...) -> why it is ignored. Keep it short and dated.
IGNORED: dict[str, str] = {}

NPM_FAILING_SEVERITIES = ("high", "critical")


@dataclass
class Audit:
    """What one tool found."""

    tool: str
    reached: bool = True
    audited: int = 0
    findings: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_pip_audit(stdout: str, returncode: int, stderr: str = "") -> Audit:
    """pip-audit's JSON report -> Audit. A network failure shows as no JSON and a traceback;
    PyPI answering "not found" for every package shows as nothing audited."""
    audit = Audit("pip-audit")
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        audit.reached = False
        last_line = (stderr.strip().splitlines() or ["no output"])[-1]
        audit.notes.append(f"pip-audit failed (exit {returncode}): {last_line[:300]}")
        return audit
    skipped = []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            if "editable" not in dependency["skip_reason"]:
                skipped.append(dependency["name"])
            continue
        audit.audited += 1
        for vulnerability in dependency.get("vulns", []):
            ids = {vulnerability["id"], *vulnerability.get("aliases", [])}
            fixed_in = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed release yet"
            line = (
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in: {fixed_in})"
            )
            (audit.ignored if ids & IGNORED.keys() else audit.findings).append(line)
    if skipped and not audit.audited:
        audit.reached = False
        audit.notes.append(
            f"PyPI's advisory data could not be read for any of the {len(skipped)} packages."
        )
    elif skipped:
        audit.notes.append(f"Not audited (not found on PyPI): {', '.join(sorted(skipped))}")
    return audit


def read_npm_audit(stdout: str) -> Audit:
    """`npm audit --json` -> Audit, counting only high and critical findings."""
    audit = Audit("npm audit")
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError:
        report = {}
    if "metadata" not in report:
        audit.reached = False
        audit.notes.append(
            f"npm audit got no report: {str(report.get('message', 'no output'))[:300]}"
        )
        return audit
    audit.audited = report["metadata"].get("dependencies", {}).get("prod", 0)
    for name, vulnerability in report.get("vulnerabilities", {}).items():
        if vulnerability.get("severity") not in NPM_FAILING_SEVERITIES:
            continue
        # "via" lists advisories (dicts) and, for a package that is only vulnerable through
        # another, that package's name (a string).
        advisories = {
            entry["url"].rsplit("/", 1)[-1]
            for entry in vulnerability.get("via", [])
            if isinstance(entry, dict) and entry.get("url")
        }
        line = f"{name} {vulnerability.get('range', '')}: {vulnerability['severity']} " + (
            ", ".join(sorted(advisories)) or f"through {', '.join(map(str, vulnerability['via']))}"
        )
        ignored = advisories and advisories <= IGNORED.keys()
        (audit.ignored if ignored else audit.findings).append(line)
    return audit


def run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (fixed commands, no shell)
        command, cwd=PROJECT, capture_output=True, text=True, timeout=600, check=False
    )


def audit_python() -> Audit:
    command = [
        str(VENV_BIN / "pip-audit"),
        "--skip-editable",  # the project itself, which is not on PyPI
        "--format=json",
        "--progress-spinner=off",
        *(f"--ignore-vuln={advisory}" for advisory in IGNORED),
    ]
    result = run(command)
    return read_pip_audit(result.stdout, result.returncode, result.stderr)


def audit_npm() -> Audit:
    result = run(["npm", "audit", "--omit=dev", "--audit-level=high", "--json"])
    return read_npm_audit(result.stdout)


def report(audits: list[Audit], allow_unreachable: bool) -> int:
    """Prints what was found; returns the exit status."""
    status = 0
    for audit in audits:
        print(f"== {audit.tool}: {audit.audited} packages audited")
        for note in audit.notes:
            print(f"   {note}")
        for line in audit.ignored:
            print(f"   ignored (see IGNORED in scripts/security_audit.py): {line}")
        for line in audit.findings:
            print(f"   VULNERABLE: {line}")
        if audit.findings:
            status = 1
        if not audit.reached:
            print(
                f"   NOT AUDITED: {audit.tool} could not reach its advisory service, so this is "
                "no evidence of safety."
            )
            if not allow_unreachable:
                status = 1
    print("make audit: " + ("FAILED" if status else "passed"))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--allow-unreachable",
        action="store_true",
        help="warn, instead of failing, when an advisory service cannot be reached",
    )
    arguments = parser.parse_args(argv)
    return report([audit_python(), audit_npm()], arguments.allow_unreachable)


if __name__ == "__main__":
    sys.exit(main())
