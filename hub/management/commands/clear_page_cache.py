"""``manage.py clear_page_cache``: leave every cached page behind, so the next visitor to each
page gets it made afresh. The release phase runs it (Procfile): new templates and code must not
be hidden behind pages cached by the previous release. Content changes need no command: they
move the cache on by themselves (hub/page_cache/invalidation.py)."""

from django.core.management.base import BaseCommand

from hub.page_cache import store


class Command(BaseCommand):
    help = "Empty the anonymous page cache (moves it to a new generation)."

    def handle(self, *args, **options):
        store.next_generation()
        self.stdout.write(f"Page cache moved on to generation {store.current_generation()}.")
