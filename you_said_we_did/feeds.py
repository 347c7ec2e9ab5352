"""RSS and Atom feeds of updates, for everyone or for one ambition.

For people who follow the council's work in a feed reader, and for partner sites that show our
latest updates. Served by UpdateIndexPage's routes ``feed/<kind>/`` and
``ambition-<number>/feed/<kind>/`` in the index page's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from outcomes.models import Ambition

from .models import UpdateIndexPage, UpdatePage

FEED_LENGTH = 20
KINDS = ("rss", "atom")


@dataclass
class FeedSource:
    """What one feed is about: an index page, perhaps narrowed to one ambition."""

    index: UpdateIndexPage
    request: HttpRequest
    ambition: Ambition | None = None  # in the index page's language where translated

    @property
    def index_url(self) -> str:
        return self.index.get_full_url(self.request)


class UpdatesRssFeed(Feed):
    """The latest live updates under an index page, newest first."""

    feed_type = Rss201rev2Feed

    def __init__(self, language: str):
        super().__init__()
        self.language = language

    def get_object(self, request, source: FeedSource):
        return source

    def title(self, source: FeedSource) -> str:
        if source.ambition:
            return _("%(title)s: %(ambition)s") % {
                "title": source.index.title,
                "ambition": source.ambition.title,
            }
        return source.index.title

    def link(self, source: FeedSource) -> str:
        return source.index_url

    def feed_url(self, source: FeedSource) -> str:
        return source.request.build_absolute_uri()

    def description(self, source: FeedSource) -> str:
        return source.index.intro or _("What you told us, and what we did about it.")

    def subtitle(self, source: FeedSource) -> str:
        return self.description(source)

    def items(self, source: FeedSource) -> list[UpdatePage]:
        updates = UpdatePage.objects.live().public().child_of(source.index)
        if source.ambition:
            updates = updates.filter(
                ambitions__translation_key=source.ambition.translation_key
            ).distinct()
        updates = list(
            updates.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
            .prefetch_related("ambitions")
            .select_related("locale")[:FEED_LENGTH]
        )
        self._ambition_titles = _ambition_titles(updates, source.index.locale)
        self._request = source.request
        return updates

    def item_title(self, item: UpdatePage) -> str:
        return item.title

    def item_description(self, item: UpdatePage) -> str:
        parts = [item.summary] if item.summary else []
        parts.append(_("Status: %(status)s") % {"status": item.get_status_display()})
        parts.append(_("Progress: %(progress)s%% complete") % {"progress": item.progress})
        return "\n".join(parts)

    def item_link(self, item: UpdatePage) -> str:
        return item.get_full_url(self._request)

    def item_pubdate(self, item: UpdatePage):
        return item.first_published_at

    def item_updateddate(self, item: UpdatePage):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item: UpdatePage) -> list[str]:
        return [
            self._ambition_titles.get(ambition.translation_key, ambition.title)
            for ambition in sorted(item.ambitions.all(), key=lambda a: a.number)
        ]


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed


def _ambition_titles(updates: list[UpdatePage], locale: Locale) -> dict:
    """The ambitions' titles in the feed's language, by translation key."""
    keys = {a.translation_key for update in updates for a in update.ambitions.all()}
    return dict(
        Ambition.objects.filter(locale=locale, translation_key__in=keys).values_list(
            "translation_key", "title"
        )
    )


def ambition_for(number: int, locale: Locale) -> Ambition:
    """The ambition with this number (numbered in the default language), in `locale` where it
    has been translated. 404 if there is no such ambition."""
    original = Ambition.objects.filter(number=number, locale=Locale.get_default()).first()
    if original is None:
        raise Http404("No such ambition.")
    translated = Ambition.objects.filter(
        translation_key=original.translation_key, locale=locale
    ).first()
    return translated or original


def serve_feed(
    page: UpdateIndexPage, request: HttpRequest, kind: str, number: int | None = None
) -> HttpResponse:
    """The feed of `kind` ("rss" or "atom") for the index page, or one ambition's updates."""
    if kind not in KINDS:
        raise Http404("No such feed.")
    ambition = ambition_for(number, page.locale) if number is not None else None
    feed_class = UpdatesAtomFeed if kind == "atom" else UpdatesRssFeed
    feed = feed_class(page.locale.language_code)
    return feed(request, source=FeedSource(index=page, request=request, ambition=ambition))
