"""Background tasks, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task

from schools.link_checks import check_schools
from schools.models import School


@task()
def check_report_links(urns: list[int] | None = None) -> dict[str, int]:
    """Check the SEND Information Report links of open schools (all, or those with `urns`).

    Queued from the link-health dashboard and by `manage.py check_report_links --enqueue`.
    """
    schools = School.objects.open().only("pk", "report_url")
    if urns:
        schools = schools.filter(urn__in=urns)
    return check_schools(schools)
