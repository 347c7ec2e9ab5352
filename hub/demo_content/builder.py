"""Idempotent create-or-update helpers for the demo site.

Pages are found by slug under their parent, so running the build again updates the same pages
instead of adding copies. A new revision is published only when something the demo sets has
changed, so a second run leaves the revision history (and editors' publish dates) alone.

The build runs in two passes: first every page is found or created as an unpublished draft, then
every page's content is written and published. Pages link to each other (the EHC guide and the
Communities of Schools page point at each other, the home page points at everything), and a
link needs the target's id, which only exists once the first pass is done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from home.factories import (
    EasyReadPageFactory,
    HomePageFactory,
    IndexPageFactory,
    InformationPageFactory,
)
from home.models import EasyReadPage, HomePage, IndexPage, InformationPage
from hub.models import CouncilSettings, CouncilText
from outcomes.factories import AmbitionFactory, AmbitionPageFactory
from outcomes.models import Ambition, AmbitionPage

HOME = "home"

FACTORIES = {
    HomePage: HomePageFactory,
    InformationPage: InformationPageFactory,
    EasyReadPage: EasyReadPageFactory,
    IndexPage: IndexPageFactory,
    AmbitionPage: AmbitionPageFactory,
}


class Ref:
    """Looks up demo pages and ambitions by key while content is being written.

    In the first pass (``strict=False``) pages may not exist yet: links to them come out as plain
    text and ids as None. Nothing written then is published; the second pass rewrites it.
    """

    def __init__(self, pages: dict[str, Page], ambitions: dict[int, Ambition], strict: bool):
        self.pages = pages
        self.ambitions = ambitions
        self.strict = strict

    def page(self, key: str) -> Page | None:
        if key not in self.pages and not self.strict:
            return None
        return self.pages[key]

    def id(self, key: str) -> int | None:
        page = self.page(key)
        return page.pk if page else None

    def a(self, key: str, text: str) -> str:
        """A rich-text link to a demo page, in Wagtail's stored form."""
        page_id = self.id(key)
        if page_id is None:
            return text
        return f'<a linktype="page" id="{page_id}">{text}</a>'

    def under_home(self, slug: str) -> int | None:
        """The id of a live page directly under the home page, such as one an app's demo adds.

        Apps add their own pages (the Local Offer, the school finder, consultations) after the
        editorial pages are built, so on a first build these links are left out and the command
        builds once more to add them.
        """
        home = self.pages.get(HOME)
        if home is None or home.pk is None:
            return None
        page = home.get_children().live().filter(slug=slug, locale_id=home.locale_id).first()
        return page.pk if page else None

    def ambition(self, number: int) -> Ambition:
        return self.ambitions[number]


@dataclass(frozen=True)
class PageSpec:
    """One demo page: where it goes, what it is called and how to write its content."""

    key: str
    model: type[Page]
    parent: str | None  # the parent's key; None only for the home page
    title: str
    slug: str
    summary: str
    fields: Callable[[Ref], dict[str, Any]] = field(default=lambda ref: {})
    show_in_menus: bool = False


@dataclass(frozen=True)
class AmbitionSpec:
    number: int
    title: str
    summary: str
    easy_read_summary: str


def _strip_ids(data: Any) -> Any:
    """Raw stream data without the block ids Wagtail generates, for comparing content.

    ListBlock items are stored as ``{"type": "item", "value": ..., "id": ...}`` but written here
    as plain values, so the wrapper is removed too.
    """
    if isinstance(data, dict):
        if data.get("type") == "item" and set(data) <= {"type", "value", "id"}:
            return _strip_ids(data.get("value"))
        return {k: _strip_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_strip_ids(item) for item in data]
    return data


def _comparable(model_field: models.Field, value: Any) -> Any:
    if isinstance(model_field, StreamField):
        block = model_field.stream_block
        return _strip_ids(block.get_prep_value(block.to_python(value)))
    if isinstance(value, models.Model):
        return value.pk
    return value


def _validated_stream(model_field: StreamField, raw: list[dict]) -> Any:
    """Turn raw stream data into a value, failing loudly on anything an editor could not save.

    ``full_clean`` does not run block validation, and ``to_python`` silently drops unknown block
    types, so both checks are made here.
    """
    block = model_field.stream_block
    unknown = {item["type"] for item in raw} - set(block.child_blocks)
    if unknown:
        raise ValidationError(f"{model_field.name}: unknown block types {sorted(unknown)}")
    return block.clean(block.to_python(raw))


class DemoBuilder:
    """Builds or updates the demo site. Counts what it did for the command's summary."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.ambitions: dict[int, Ambition] = {}
        self.counts: Counter[str] = Counter()
        self.created: set[str] = set()
        self.locale = Locale.get_default()

    # --- Ambitions --------------------------------------------------------------------------

    def ensure_ambitions(self, specs: list[AmbitionSpec]) -> None:
        for spec in specs:
            values = {
                "title": spec.title,
                "summary": spec.summary,
                "easy_read_summary": spec.easy_read_summary,
            }
            ambition = Ambition.objects.filter(number=spec.number, locale=self.locale).first()
            if ambition is None:
                ambition = AmbitionFactory(number=spec.number, locale=self.locale, **values)
                self.counts["ambitions created"] += 1
            elif any(getattr(ambition, k) != v for k, v in values.items()):
                for name, value in values.items():
                    setattr(ambition, name, value)
                ambition.full_clean()
                ambition.save()
                self.counts["ambitions updated"] += 1
            self.ambitions[spec.number] = ambition

    # --- Pages, first pass: find or create ---------------------------------------------------

    def ensure_home(self, spec: PageSpec) -> Site:
        """Put the demo home page at the top of the default site, replacing Wagtail's welcome page."""
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(locale=self.locale).first()
        if home is None:
            # Wagtail's own migration leaves a "Welcome" page with the slug we want; move it aside.
            for clash in root.get_children().filter(slug=spec.slug):
                clash.slug = f"{spec.slug}-replaced-{clash.pk}"
                clash.save(update_fields=["slug", "url_path"])
            home = self._create(spec, root)
        self.pages[spec.key] = home

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="SEND Information Hub",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()

        # Wagtail's welcome page is a plain Page with nothing under it and no site of its own.
        leftovers = (
            root.get_children()
            .exclude(pk=home.pk)
            .filter(
                content_type__app_label="wagtailcore",
                content_type__model="page",
                numchild=0,
                sites_rooted_here__isnull=True,
            )
        )
        for page in leftovers:
            page.delete()
            self.counts["welcome pages removed"] += 1
        return site

    def ensure_page(self, spec: PageSpec) -> None:
        parent = self.pages[spec.parent]
        page = parent.get_children().filter(slug=spec.slug).specific().first()
        if page is None:
            page = self._create(spec, parent)
        elif not isinstance(page, spec.model):
            raise TypeError(
                f"{page.url_path} is a {type(page).__name__}, expected {spec.model.__name__}."
            )
        self.pages[spec.key] = page

    def _create(self, spec: PageSpec, parent: Page) -> Page:
        """A new unpublished draft; the second pass fills it in and publishes it."""
        ref = Ref(self.pages, self.ambitions, strict=False)
        page = FACTORIES[spec.model](
            parent=parent,
            title=spec.title,
            slug=spec.slug,
            summary=spec.summary,
            live=False,
            locale=self.locale,
            **spec.fields(ref),
        )
        self.counts["pages created"] += 1
        self.created.add(spec.key)
        return page

    # --- Pages, second pass: write and publish ------------------------------------------------

    def write_page(self, spec: PageSpec) -> None:
        page = self.pages[spec.key]
        ref = Ref(self.pages, self.ambitions, strict=True)
        values = {
            "title": spec.title,
            "summary": spec.summary,
            "show_in_menus": spec.show_in_menus,
            **spec.fields(ref),
        }
        fields = {name: page._meta.get_field(name) for name in values}
        changed = [
            name
            for name, value in values.items()
            if _comparable(fields[name], getattr(page, name)) != _comparable(fields[name], value)
        ]
        if not changed and page.live and not page.has_unpublished_changes:
            self.counts["pages unchanged"] += 1
            return

        for name, value in values.items():
            if isinstance(fields[name], StreamField):
                value = _validated_stream(fields[name], value)
            setattr(page, name, value)
        page.full_clean()
        page.save_revision().publish()
        if spec.key not in self.created:
            self.counts["pages updated"] += 1
        self.pages[spec.key] = page

    # --- Settings -----------------------------------------------------------------------------

    def configure_settings(self, site: Site, values: dict[str, Any]) -> None:
        settings = CouncilSettings.for_site(site)
        text_fields = {f.name for f in CouncilText._meta.get_fields() if f.concrete}
        text_values = {k: v for k, v in values.items() if k in text_fields}
        resolved = {
            name: self.pages[value] if name.endswith("_page") else value
            for name, value in values.items()
            if name not in text_values
        }
        text = settings.text or CouncilText(locale=Locale.get_default())
        if self._differs(text, text_values):
            for name, value in text_values.items():
                setattr(text, name, value)
            text.full_clean()
            text.save()
            self.counts["settings updated"] += 1
        if settings.text_id != text.pk or self._differs(settings, resolved):
            settings.text = text
            for name, value in resolved.items():
                setattr(settings, name, value)
            settings.full_clean()
            settings.save()
            self.counts["settings updated"] += 1

    @staticmethod
    def _differs(instance: models.Model, values: dict[str, Any]) -> bool:
        return any(
            _comparable(instance._meta.get_field(k), getattr(instance, k))
            != _comparable(instance._meta.get_field(k), v)
            for k, v in values.items()
        )

    # --- Everything ---------------------------------------------------------------------------

    def build(
        self,
        pages: list[PageSpec],
        ambitions: list[AmbitionSpec],
        settings: dict[str, Any],
    ) -> Counter[str]:
        home_spec, *rest = pages
        assert home_spec.parent is None, "The home page comes first."
        self.ensure_ambitions(ambitions)
        site = self.ensure_home(home_spec)
        for spec in rest:
            self.ensure_page(spec)
        for spec in pages:
            self.write_page(spec)
        self.configure_settings(site, settings)
        return self.counts
