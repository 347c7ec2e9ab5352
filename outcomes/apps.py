from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    """The outcomes framework: the strategy's five ambitions and their public pages."""

    name = "outcomes"
    default_auto_field = "django.db.models.BigAutoField"
