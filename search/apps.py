from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One site search across pages, services, schools, consultations and updates."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"
