"""The base class every public page type inherits from."""

import functools

from django.core.exceptions import FieldDoesNotExist
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

    def get_context(self, request, *args, **kwargs):
        from hub.blocks.links import localize_links

        localize_links(
            self.locale_id,
            (getattr(self, name) for name in _link_stream_fields(type(self))),
            request,
        )
        return super().get_context(request, *args, **kwargs)

    def get_easy_read_version(self):
        """The live easy-read counterpart of this page in the same language, if there is one.

        Pairs are matched by translation key, so a translated (or not yet translated) copy of a
        page finds the easy-read page of its own language.
        """
        if not hasattr(self, "_easy_read_version"):
            self._easy_read_version = None
            try:
                # The relation is declared by the easy-read page type (home.EasyReadPage).
                easy_read_model = Page._meta.get_field("easy_read_versions").related_model
            except FieldDoesNotExist:
                return None
            self._easy_read_version = (
                easy_read_model.objects.live()
                .public()
                .filter(
                    locale_id=self.locale_id,
                    standard_page__translation_key=self.translation_key,
                )
                .first()
            )
        return self._easy_read_version


@functools.cache
def _link_stream_fields(page_class: type[Page]) -> tuple[str, ...]:
    """The names of the page type's StreamFields whose blocks can hold a LinkBlock.

    Worked out once per page type, so a page view loads (and walks) only the StreamFields that
    can have links to localize: a consultation's questionnaire, which has none, is left alone.
    """
    from wagtail.fields import StreamField

    from hub.blocks.links import can_contain_link

    return tuple(
        field.name
        for field in page_class._meta.concrete_fields
        if isinstance(field, StreamField) and can_contain_link(field.stream_block)
    )
