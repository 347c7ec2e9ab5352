from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    """Schools, Communities of Schools and their SEND Information Reports."""

    name = "schools"
    default_auto_field = "django.db.models.BigAutoField"
