"""Background tasks for the Local Offer, run by the django-tasks worker."""

from django_tasks import task


@task()
def send_review_reminders_task() -> str:
    """Daily: review reminders to providers (6 months) and escalations to staff (12 months)."""
    from .reminders import send_review_reminders

    return str(send_review_reminders())
