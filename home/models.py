"""Editorial page types: the home page, information pages, easy-read pages and index pages."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.search import index

from hub.easy_read_checks import EasyReadChecksPanel, check_easy_read_page, report_in_preview
from hub.models import BasePage

from .blocks import EasyReadStreamBlock, HomeRoutesBlock, HomeStreamBlock, InformationStreamBlock


class HomePage(BasePage):
    """The front door: three clear routes for parents and carers, young people and professionals."""

    template = "pages/home_page.html"

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    routes = StreamField(HomeRoutesBlock(), blank=True, verbose_name=_("routes in"))
    body = StreamField(HomeStreamBlock(), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("routes"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("home page")


class InformationPage(BasePage):
    """A page of guidance for families or professionals, built from GOV.UK components."""

    template = "pages/information_page.html"

    body = StreamField(InformationStreamBlock(), verbose_name=_("body"))
    show_contents = models.BooleanField(
        _("show a contents list"),
        default=True,
        help_text=_("List the page's section headings at the top. Useful on long pages."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("show_contents")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("information page")

    def contents(self) -> list[dict]:
        """The page's h2 sections, for the contents list and their anchors."""
        return [
            {"text": block.value["text"], "anchor": slugify(block.value["text"])}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific()
        return context


class EasyReadPage(BasePage):
    """An easy-read version of a standard page: a picture and a few short sentences per row."""

    template = "pages/easy_read_page.html"

    standard_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("standard version"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="easy_read_versions",
        help_text=_("The full page this is the easy-read version of. Each links to the other."),
    )
    body = StreamField(EasyReadStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        PageChooserPanel("standard_page"),
        FieldPanel("body"),
        EasyReadChecksPanel(check_easy_read_page),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("easy read page")

    def get_standard_version(self):
        """The standard page in this page's language, or the original if it has no translation."""
        if self.standard_page is None:
            return None
        return self.standard_page.get_translation_or_none(self.locale) or self.standard_page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["easy_read_report"] = report_in_preview(request, check_easy_read_page, self)
        return context


class IndexPage(BasePage):
    """A section landing page listing the pages inside it."""

    template = "pages/index_page.html"

    intro = models.TextField(_("introduction"), blank=True, max_length=400)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific()
        return context
