from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HubConfig(AppConfig):
    """The site-wide core: settings, branding, shared blocks, images and template tags."""

    name = "hub"
    verbose_name = "SEND hub core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub.locales import create_configured_locales

        # Once per migrate run, after wagtailcore's own migrations have created the Locale table.
        post_migrate.connect(create_configured_locales, sender=self)

        from hub.page_cache import invalidation

        # Published, unpublished, moved, deleted or saved content moves the page cache on.
        invalidation.connect()
