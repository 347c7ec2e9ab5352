from django.apps import AppConfig


class YouSaidWeDidConfig(AppConfig):
    """'You said, we did' updates that close the loop with the people who gave feedback."""

    name = "you_said_we_did"
    verbose_name = "You said, we did"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (emails people when an update is published)
