"""The public "Find a school's SEND Information Report" page and its routes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from hub.models import BasePage

EXPLANATION_FEATURES = ["h3", "bold", "ol", "ul", "link"]


class SchoolFinderPage(RoutablePageMixin, BasePage):
    """Parents, carers and SENCos search Kent's schools here by name, town or postcode, and open a
    school's page (its SEND Information Report, SENCo and Community of Schools) or a Community of
    Schools' page. Schools themselves are data, not pages: they live under routes of this page,
    so 600 schools do not become 600 pages for editors and translators to look after.
    """

    template = "schools/finder_page.html"

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=EXPLANATION_FEATURES,
        help_text=_("Shown above the search box: what a SEND Information Report is."),
    )
    communities_explanation = RichTextField(
        _("what Communities of Schools do"),
        blank=True,
        features=EXPLANATION_FEATURES,
        help_text=_("Shown on every Community of Schools page and the list of communities."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("communities_explanation"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("school finder page")

    # The views live in schools/views.py; the routes only hand over to them.

    @path("")
    def search(self, request):
        from schools import views

        return views.search(self, request)

    @path("suggest/")
    def suggest(self, request):
        from schools import views

        return views.suggest(self, request)

    @path("school/<int:urn>/")
    def school(self, request, urn: int):
        from schools import views

        return views.school(self, request, urn)

    @path("communities/")
    def communities(self, request):
        from schools import views

        return views.communities(self, request)

    @path("communities/<slug:slug>/")
    def community(self, request, slug: str):
        from schools import views

        return views.community(self, request, slug)
