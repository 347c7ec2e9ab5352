"""The vocabularies services are described with: areas of need and need types, service
categories, districts, accessibility features and delivery modes.

Parents filter the directory by these terms; API consumers receive them as Open Referral UK
taxonomies. Staff keep them in the CMS (Local Offer > Taxonomy terms).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# Stable ids for the taxonomies themselves: they are fixed vocabularies defined here, so their
# ORUK ids are derived from their keys and never change between installs.
TAXONOMY_NAMESPACE = uuid.UUID("6f0c1a52-6a55-4d5e-9d0c-3b8d1f1f6a01")


class Taxonomy(models.TextChoices):
    SEND_NEED = "send_need", _("Areas of need and need types")
    SERVICE_CATEGORY = "service_category", _("Service categories")
    DISTRICT = "district", _("Districts")
    ACCESSIBILITY = "accessibility", _("Accessibility features")
    DELIVERY_MODE = "delivery_mode", _("Delivery modes")


TAXONOMY_DESCRIPTIONS = {
    Taxonomy.SEND_NEED: _(
        "The four broad areas of need in the SEND Code of Practice (2015, section 6.28), with the "
        "Department for Education's primary need types from the school census under them."
    ),
    Taxonomy.SERVICE_CATEGORY: _("What kind of help a service gives."),
    Taxonomy.DISTRICT: _("The local government districts a service is available in."),
    Taxonomy.ACCESSIBILITY: _("Features that make a service easier to use for disabled people."),
    Taxonomy.DELIVERY_MODE: _("How a service is delivered: in person, online or by phone."),
}


def taxonomy_id(taxonomy: str) -> uuid.UUID:
    return uuid.uuid5(TAXONOMY_NAMESPACE, str(taxonomy))


class TaxonomyTermQuerySet(models.QuerySet):
    def of(self, taxonomy: str):
        return self.filter(taxonomy=taxonomy)

    def areas_of_need(self):
        return self.filter(taxonomy=Taxonomy.SEND_NEED, parent__isnull=True)

    def need_types(self):
        return self.filter(taxonomy=Taxonomy.SEND_NEED, parent__isnull=False)


class TaxonomyTerm(index.Indexed, models.Model):
    """One term of one vocabulary. Staff maintain them; providers pick from them; parents filter
    by them; the API publishes them as ORUK taxonomy terms."""

    oruk_id = models.UUIDField(
        _("Open Referral id"), default=uuid.uuid4, unique=True, editable=False
    )
    taxonomy = models.CharField(_("vocabulary"), max_length=32, choices=Taxonomy.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader term"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Only for need types: the area of need they belong to."),
    )
    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(
        _("code"),
        max_length=40,
        help_text=_("A short stable code, e.g. SLCN or ashford. Used in web addresses."),
    )
    description = models.TextField(_("description"), max_length=600)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.FilterField("taxonomy"),
    ]

    class Meta:
        ordering = ["taxonomy", "sort_order", "name"]
        verbose_name = _("taxonomy term")
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code"),
        ]

    def __str__(self) -> str:
        if self.taxonomy == Taxonomy.SEND_NEED and self.parent_id:
            return f"{self.name} ({self.code})"
        return self.name

    def clean(self):
        if self.parent_id and self.taxonomy != Taxonomy.SEND_NEED:
            raise ValidationError({"parent": _("Only need types have a broader term.")})
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("Choose an area of need, not another need type.")})

    @property
    def taxonomy_id(self) -> uuid.UUID:
        return taxonomy_id(self.taxonomy)
