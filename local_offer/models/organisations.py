"""The organisations that run services, the places services happen, and which CMS users belong
to which organisation (providers)."""

import re
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

# The Royal Mail format (outward code, space, inward code), including the GIR 0AA special case.
UK_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_postcode(value: str) -> str:
    """'tn248ux ' -> 'TN24 8UX'."""
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def validate_uk_postcode(value: str) -> None:
    if not UK_POSTCODE.match(normalise_postcode(value)):
        raise ValidationError(
            _("Enter a real UK postcode, like TN24 8UX."), code="invalid_postcode"
        )


class Organisation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A council team, NHS trust, charity or business that runs Local Offer services.

    Staff create organisations; providers linked to one (OrganisationMembership) keep its
    services current. The ORUK id is the translation key, so it is the same in every language.
    """

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("description"),
        max_length=2000,
        help_text=_("What the organisation is, in plain English."),
    )
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Review reminders for this organisation's services are sent here."),
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organisation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organisation",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("phone"),
    ]
    search_fields = [index.SearchField("name", boost=2), index.SearchField("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def oruk_id(self) -> uuid.UUID:
        return self.translation_key


class Location(index.Indexed, models.Model):
    """A place where services happen: an address with a validated UK postcode and, optionally,
    coordinates. Staff and providers pick locations for services; the API publishes them."""

    oruk_id = models.UUIDField(
        _("Open Referral id"), default=uuid.uuid4, unique=True, editable=False
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="locations",
        null=True,
        blank=True,
        help_text=_("The organisation that runs this place, if any."),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. Ashford Family Hub."))
    description = models.TextField(_("description"), blank=True, max_length=1000)
    address_1 = models.CharField(_("address line 1"), max_length=200)
    address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("town or city"), max_length=100)
    county = models.CharField(_("county"), max_length=100, default="Kent")
    postcode = models.CharField(_("postcode"), max_length=10, validators=[validate_uk_postcode])
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(49), MaxValueValidator(61)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-9), MaxValueValidator(2)],
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldPanel("address_2"),
                FieldPanel("city"),
                FieldPanel("county"),
                FieldPanel("postcode"),
            ],
            heading=_("Address"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map position")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("postcode"),
        index.SearchField("city"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")

    def __str__(self) -> str:
        return f"{self.name}, {self.postcode}"

    def clean(self):
        if self.postcode:
            self.postcode = normalise_postcode(self.postcode)
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))

    @property
    def address_lines(self) -> list[str]:
        return [
            line
            for line in (self.address_1, self.address_2, self.city, self.county, self.postcode)
            if line
        ]


class OrganisationMembership(models.Model):
    """Links a CMS user to an organisation, making them its provider: they see and edit only
    that organisation's services, and their changes wait for staff approval."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="local_offer_memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    panels = [FieldPanel("user"), FieldPanel("organisation")]

    class Meta:
        verbose_name = _("provider membership")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
