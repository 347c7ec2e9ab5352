from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One site search across pages, services, schools, consultations and updates."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from local_offer.models import Service
        from schools.models import CommunityOfSchools, School

        from . import spelling, synonyms
        from .models import SynonymSet

        # Staff edits to synonyms apply on the next search; the "did you mean" vocabulary is
        # rebuilt whenever something searchable is published, changed or removed (else daily).
        for signal in (post_save, post_delete):
            signal.connect(
                synonyms.invalidate, sender=SynonymSet, dispatch_uid=f"synonyms-{id(signal)}"
            )
            for model in (SynonymSet, Service, School, CommunityOfSchools):
                signal.connect(
                    spelling.invalidate,
                    sender=model,
                    dispatch_uid=f"vocab-{model.__name__}-{id(signal)}",
                )
        page_published.connect(spelling.invalidate, dispatch_uid="vocab-page-published")
        page_unpublished.connect(spelling.invalidate, dispatch_uid="vocab-page-unpublished")
