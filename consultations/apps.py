from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Questionnaires built in the CMS, their responses and analysis."""

    name = "consultations"
    default_auto_field = "django.db.models.BigAutoField"
