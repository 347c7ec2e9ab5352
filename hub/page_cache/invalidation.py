"""Moving the page cache on when content visitors can see changes.

Any change to content moves the cache to a new generation (store.next_generation), which
leaves every cached page behind at once: simple, and never stale, at the price of re-making the
other pages too (decision 0011 weighs this). What counts as a change:

- a page or draftable snippet published, unpublished, moved or deleted (Wagtail's signals;
  wagtail-localize publishes translations through the same ones);
- any other save or delete of a model in the project's apps, images, documents, sites, locales
  and tags: non-draftable snippets (schools, communities, ambitions, council text), site
  settings, the rows imported from GIAS;
- content_changed(), called by code that writes with QuerySet.update() or bulk_create(), which
  send no signals.

Saves that visitors cannot see are left out, so editors' drafts and the public's own
submissions do not empty the cache: revision bookkeeping on a live object, objects that are not
live, renditions made while a page renders, and visitors' answers, subscriptions and searches
(IGNORED_MODELS). A model missing from that list only costs extra misses, never a stale page.
"""

from __future__ import annotations

import logging
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import DraftStateMixin
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import store

logger = logging.getLogger(__name__)

# Apps whose every model is content (the project's own, and tags), and single models from the
# frameworks that shape pages.
CONTENT_APPS = {*settings.PROJECT_APPS, "taggit"}
CONTENT_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtaildocs.document",
}
# Written by visitors or by the site's own housekeeping, many times a minute under load: no
# cached page shows them as they are (dashboards count answers, and may lag by
# PAGE_CACHE_SECONDS).
IGNORED_MODELS = {
    "hub.accessiblerendition",
    "local_offer.problemreport",
    "local_offer.reviewreminder",
    "schools.linkcheck",
    "consultations.savedprogress",
    "consultations.response",
    "consultations.answer",
    "consultations.outcomesubscription",
    "you_said_we_did.subscription",
    "you_said_we_did.delivery",
    "search.searchlog",
}
# Fields Wagtail saves on a live object when a draft is saved, locked or scheduled: the live
# content does not change.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "wagtail_admin_comments",
}


def _move_on() -> None:
    try:
        store.next_generation()
    except Exception:  # the cache being down must never undo an editor's publish
        logger.exception("Could not move the page cache on after a content change")


def content_changed() -> None:
    """Something visitors can see has changed. The cache moves on once the current transaction
    commits: before that, a request could still read the old rows and store them as new."""
    transaction.on_commit(_move_on)


@cache
def is_content(model) -> bool:
    owner = model._meta.auto_created  # a many-to-many table Django made: judged by its model
    if owner:
        return is_content(owner)
    label = model._meta.label_lower
    if label in IGNORED_MODELS:
        return False
    return (
        model._meta.app_label in CONTENT_APPS
        or label in CONTENT_MODELS
        or any(
            parent._meta.label_lower in CONTENT_MODELS for parent in model._meta.get_parent_list()
        )
    )


def _visible(instance) -> bool:
    """False for a draft nobody can see yet (publishing it sends its own signal)."""
    return not isinstance(instance, DraftStateMixin) or instance.live


def _saved(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw:  # loaddata, not an edit
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if _visible(instance):
        content_changed()


def _deleted(sender, instance, **kwargs) -> None:
    content_changed()


def _relations_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and is_content(type(instance)) and _visible(instance):
        content_changed()


def _published(sender, **kwargs) -> None:
    content_changed()


def connect() -> None:
    """Called once from HubConfig.ready().

    Save and delete receivers are connected model by model, never to every model: a receiver
    on a model stops Django deleting its rows in one query (QuerySet.delete() must then load
    them to send the signal), which visitors' records, deleted in bulk, must keep."""
    for model in apps.get_models(include_auto_created=True):
        if is_content(model):
            label = model._meta.label_lower
            post_save.connect(_saved, sender=model, dispatch_uid=f"page-cache-saved-{label}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"page-cache-deleted-{label}")
    m2m_changed.connect(_relations_changed, dispatch_uid="page-cache-relations")
    page_published.connect(_published, dispatch_uid="page-cache-page-published")
    page_unpublished.connect(_published, dispatch_uid="page-cache-page-unpublished")
    published.connect(_published, dispatch_uid="page-cache-published")
    unpublished.connect(_published, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_published, dispatch_uid="page-cache-page-moved")
