"""``manage.py load_demo_content``: build or update the demo site from the seed documents.

Safe to run again at any time: pages are matched by slug under their parent and only republished
when their content has changed. `make run` passes --if-empty, so a site someone has started
editing is left exactly as they left it.

The editorial pages come from hub.demo_content. Each app may add its own demo data in a
``demo.py`` module with a ``load_demo(stdout)`` function; they run in INSTALLED_APPS order, after
the editorial pages exist, so the hub never has to import the apps.
"""

import logging
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from home.models import HomePage
from hub.demo_content import build
from hub.demo_content.translated_pages import TranslationFileError, translate_demo_pages
from hub.locales import synchronise_locale_trees


def app_demo_loaders():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if find_spec(module_name) is not None:
            yield app_config.label, import_module(module_name).load_demo


class Command(BaseCommand):
    help = "Create or update the demo site (Kent County Council) from the seed documents."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has a home page (keeps existing data).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("The site already has content; leaving it as it is.")
            return
        # Wagtail logs every page created and published; for 150 demo pages that is noise.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)
        try:
            with transaction.atomic():
                counts = build()
                done = "; ".join(f"{what}: {n}" for what, n in sorted(counts.items()))
                self.stdout.write(self.style.SUCCESS(f"Demo pages: {done}."))
                for label, load_demo in app_demo_loaders():
                    self.stdout.write(f"Demo data for {label}: {load_demo(self.stdout)}")
                # Once more, so the home page links to the pages the apps have just added.
                build()
                languages = synchronise_locale_trees()
                try:
                    translated = translate_demo_pages(
                        Site.objects.get(is_default_site=True).root_page
                    )
                except TranslationFileError as error:
                    raise CommandError(str(error)) from error
        finally:
            wagtail_log.setLevel(level)
        self.stdout.write(f"Page trees kept in step in {languages} other languages.")
        done = ", ".join(f"{language}: {n}" for language, n in translated.counts.items())
        self.stdout.write(
            f"Demo pages and council text translated from hub/demo_content/po/ ({done})."
        )
        for po_file, strings in translated.missing.items():
            listed = "\n".join(f"  {text}" for text in strings)
            self.stdout.write(
                self.style.WARNING(
                    f"{po_file} has no translation for {len(strings)} of the "
                    f"page's texts, shown in English on the translated page:\n{listed}"
                )
            )
        self.stdout.write(f"The site now has {Page.objects.filter(depth__gt=1).count()} pages.")
        # Saving a page queues its search index update as a background task, and `make run`
        # starts no task worker (only the Procfile's `worker` does), so a fresh demo site would
        # find nothing. Rebuilding the index here makes search work at once; the queued updates
        # are harmless if a worker runs them later.
        call_command("update_index", verbosity=0)
        self.stdout.write("Search index rebuilt (update_index).")
