from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and the editorial page types: information, easy read and index pages."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"
