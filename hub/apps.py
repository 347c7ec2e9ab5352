from django.apps import AppConfig


class HubConfig(AppConfig):
    """The site-wide core: settings, branding, shared blocks, images and templates tags."""

    name = "hub"
    verbose_name = "SEND hub core"
    default_auto_field = "django.db.models.BigAutoField"
