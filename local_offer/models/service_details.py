"""The parts of a service record that come in lists: where, when, what it costs, who to contact.

Each is a child of the service (ParentalKey), so a snippet revision holds the whole record and
staff comparing revisions see every change a provider made.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class ServiceDetail(Orderable):
    # Not unique: a translated copy of a service carries its children's ids across, and the API
    # only publishes the default language, where they are unique.
    oruk_id = models.UUIDField(
        _("Open Referral id"), default=uuid.uuid4, editable=False, db_index=True
    )

    class Meta(Orderable.Meta):
        abstract = True


class ServiceAtLocation(ServiceDetail):
    """A place where a service is offered (ORUK service_at_location)."""

    service = ParentalKey(
        "local_offer.Service", on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        "local_offer.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="service_at_locations",
    )

    panels = [FieldPanel("location")]

    class Meta(ServiceDetail.Meta):
        verbose_name = _("service location")


class Weekday(models.TextChoices):
    # iCalendar BYDAY codes, which ORUK schedules use.
    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


class RegularSchedule(ServiceDetail):
    """A weekly opening time (ORUK schedule, freq WEEKLY)."""

    service = ParentalKey("local_offer.Service", on_delete=models.CASCADE, related_name="schedules")
    weekday = models.CharField(_("day"), max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField(_("opens"))
    closes_at = models.TimeField(_("closes"))
    notes = models.CharField(
        _("notes"), max_length=200, blank=True, help_text=_("E.g. Term time only.")
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("notes"),
    ]

    class Meta(ServiceDetail.Meta):
        verbose_name = _("opening time")

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The closing time must be after the opening time.")}
            )


class CostOption(ServiceDetail):
    """What a service costs families, when it is not free (ORUK cost_option)."""

    service = ParentalKey(
        "local_offer.Service", on_delete=models.CASCADE, related_name="cost_options"
    )
    option = models.CharField(
        _("what is paid for"), max_length=200, help_text=_("E.g. Per session.")
    )
    amount = models.DecimalField(
        _("amount in pounds"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_description = models.CharField(
        _("more about the cost"),
        max_length=300,
        blank=True,
        help_text=_("E.g. Free for families on Universal Credit."),
    )

    panels = [
        FieldRowPanel([FieldPanel("option"), FieldPanel("amount")]),
        FieldPanel("amount_description"),
    ]

    class Meta(ServiceDetail.Meta):
        verbose_name = _("cost option")


class ServiceContact(ServiceDetail):
    """A named person or team to contact about a service (ORUK contact, with its phone)."""

    service = ParentalKey("local_offer.Service", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120, help_text=_("A person or a team."))
    title = models.CharField(_("job title"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(ServiceDetail.Meta):
        verbose_name = _("contact")

    @property
    def phone_oruk_id(self) -> uuid.UUID:
        return uuid.uuid5(self.oruk_id, "phone")
