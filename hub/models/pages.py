"""The base class every public page type inherits from."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Adds a plain-English summary used in listings, search results and the meta description."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_(
            "One or two short sentences saying what this page is for. Shown in lists of pages, "
            "search results and search engines."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary", boost=2)]

    class Meta:
        abstract = True

    def get_easy_read_version(self):
        """The live easy-read counterpart of this page, if there is one."""
        if not hasattr(self, "_easy_read_version"):
            versions = getattr(self, "easy_read_versions", None)
            self._easy_read_version = (
                versions.live().public().first() if versions is not None else None
            )
        return self._easy_read_version
