"""Services: the Local Offer's main record, with the details a parent needs to choose one."""

import datetime

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .organisations import Organisation
from .taxonomy import Taxonomy

MAX_AGE = 25
# A record not checked for this long gets a warning on its page and an escalation to staff.
REVIEW_OVERDUE_MONTHS = 12
REVIEW_DUE_MONTHS = 6


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month `months` earlier (clamped to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class ServiceStatus(models.TextChoices):
    # Values are ORUK 3.0's status enum, published as they are.
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Closed for good")


class ReferralRoute(models.TextChoices):
    SELF = "self", _("Families can contact the service themselves")
    PROFESSIONAL = "professional", _("A professional must refer the child or young person")
    BOTH = "both", _("Either: families can contact it, or a professional can refer")


# Statuses parents see in the directory; the others stay in the API for other systems.
LISTED_STATUSES = [ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED]


class ServiceQuerySet(models.QuerySet):
    def published(self):
        """Live records in the default language: what parents and the API see."""
        from wagtail.models import Locale

        return self.filter(live=True, locale_id=Locale.get_default().pk)


class Service(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """One service in the Local Offer.

    Providers keep their organisation's services current (edits go through approval); parents
    find them through the directory page; other systems read them from the ORUK API. The ORUK id
    is the translation key, so a service keeps its id in every language. The fields parents filter
    on (need types, ages, districts, delivery modes, referral route, cost) are required here even
    where ORUK makes them optional.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(
        _("what it is"),
        max_length=3000,
        help_text=_("What the service does, in plain English. Blank lines start new paragraphs."),
    )
    who_it_is_for = models.TextField(
        _("who it is for"),
        max_length=1500,
        help_text=_("Which children, young people or families it helps, and any conditions."),
    )
    how_to_access = models.TextField(
        _("how to get it"),
        max_length=1500,
        help_text=_("What a family does to get this help: who to contact, forms, waiting times."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    need_types = ParentalManyToManyField(
        "local_offer.TaxonomyTerm",
        verbose_name=_("needs it supports"),
        related_name="services_by_need",
        limit_choices_to={"taxonomy": Taxonomy.SEND_NEED, "parent__isnull": False},
        help_text=_("Every need type the service supports. Parents filter by these."),
    )
    categories = ParentalManyToManyField(
        "local_offer.TaxonomyTerm",
        verbose_name=_("kind of help"),
        related_name="services_by_category",
        limit_choices_to={"taxonomy": Taxonomy.SERVICE_CATEGORY},
    )
    districts = ParentalManyToManyField(
        "local_offer.TaxonomyTerm",
        verbose_name=_("districts"),
        related_name="services_by_district",
        limit_choices_to={"taxonomy": Taxonomy.DISTRICT},
        help_text=_("Every district where families can use the service."),
    )
    delivery_modes = ParentalManyToManyField(
        "local_offer.TaxonomyTerm",
        verbose_name=_("how it is delivered"),
        related_name="services_by_delivery_mode",
        limit_choices_to={"taxonomy": Taxonomy.DELIVERY_MODE},
    )
    accessibility_features = ParentalManyToManyField(
        "local_offer.TaxonomyTerm",
        verbose_name=_("accessibility features"),
        related_name="services_by_accessibility",
        limit_choices_to={"taxonomy": Taxonomy.ACCESSIBILITY},
        blank=True,
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("youngest age"), validators=[MaxValueValidator(MAX_AGE)], help_text=_("0 to 25.")
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("oldest age"), validators=[MaxValueValidator(MAX_AGE)], help_text=_("0 to 25.")
    )
    referral_route = models.CharField(
        _("how families are referred"), max_length=20, choices=ReferralRoute.choices
    )
    is_free = models.BooleanField(
        _("free to families"),
        default=True,
        help_text=_("Untick if families pay anything. Add the amounts under cost options."),
    )
    url = models.URLField(_("web page"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=300,
        blank=True,
        help_text=_("Languages staff speak, separated by commas, e.g. English, Polish, Nepali."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When someone last checked that everything on this record is right."),
    )
    last_modified = models.DateTimeField(_("last modified"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="service")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="service",
        for_concrete_model=False,
    )

    objects = ServiceQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("status"),
        FieldPanel("description"),
        FieldPanel("who_it_is_for"),
        FieldPanel("how_to_access"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("need_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("delivery_modes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("referral_route"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What parents filter on"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_free"), InlinePanel("cost_options", label=_("Cost options"))],
            heading=_("Cost"),
        ),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        InlinePanel("contacts", label=_("Named contacts")),
        InlinePanel("service_at_locations", label=_("Where")),
        InlinePanel("schedules", label=_("When")),
        FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.SearchField("who_it_is_for"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("status"),  # the site search finds listed services only
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("service")
        indexes = [models.Index(fields=["live", "locale", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def oruk_id(self):
        return self.translation_key

    def clean(self):
        super().clean()
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValidationError(
                {"maximum_age": _("The oldest age must be the same as or more than the youngest.")}
            )

    # --- For the public pages --------------------------------------------------------------------

    @property
    def review_overdue(self) -> bool:
        today = timezone.localdate()
        return self.last_reviewed < months_before(today, REVIEW_OVERDUE_MONTHS)

    @property
    def language_list(self) -> list[str]:
        return [name.strip() for name in self.languages.split(",") if name.strip()]

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.description.split("\n\n") if p.strip()]

    @property
    def age_range(self) -> str:
        from django.utils.translation import gettext

        if self.minimum_age == self.maximum_age:
            return gettext("%(age)s years") % {"age": self.minimum_age}
        return gettext("%(min)s to %(max)s years") % {
            "min": self.minimum_age,
            "max": self.maximum_age,
        }

    def get_preview_template(self, request, mode_name):
        return "local_offer/service_page.html"

    def get_preview_context(self, request, mode_name):
        from .pages import LocalOfferPage

        context = super().get_preview_context(request, mode_name)
        context["service"] = self
        context["page"] = LocalOfferPage.objects.live().filter(locale_id=self.locale_id).first()
        # The directory page is only the frame: Wagtail's user bar would take it for the page
        # being previewed and, in a workflow task's preview, look for a page revision of it.
        context["snippet_preview"] = True
        return context
