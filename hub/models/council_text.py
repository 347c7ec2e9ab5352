"""The council's words that families read on every page: its name, the service's name and the
opening hours.

They live in a translatable snippet rather than in CouncilSettings because site settings are one
row per site, which wagtail-localize cannot translate. Translators translate this snippet like
any other (its "Translate" action, or a PO file), and the settings point at the default-language
copy. The postal address stays in the settings: letters are addressed in English whatever the
language of the page that shows it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class CouncilText(TranslatableMixin, models.Model):
    council_name = models.CharField(_("council name"), max_length=100, default="Your council")
    service_name = models.CharField(
        _("service name"),
        max_length=100,
        default="SEND Information Hub",
        help_text=_("Shown in the header next to the logo and in browser tab titles."),
    )
    opening_hours = models.CharField(_("opening hours"), max_length=120, blank=True)

    panels = [FieldPanel("council_name"), FieldPanel("service_name"), FieldPanel("opening_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("council text")
        verbose_name_plural = _("council text")

    def __str__(self):
        return f"{self.council_name} – {self.service_name}"
