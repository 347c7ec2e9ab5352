"""Schools (from the DfE's Get Information About Schools), their Communities of Schools and the
history of checks on their SEND Information Report links."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from schools.text import compact_postcode, search_key

# Report links are opened by parents' browsers: only web addresses, never ftp: or similar.
WEB_ADDRESS = URLValidator(schemes=["http", "https"])


class LinkStatus(models.TextChoices):
    """What the last check of a SEND Information Report link found."""

    NOT_CHECKED = "not_checked", _("Not checked yet")
    WORKING = "working", _("Working")
    BROKEN = "broken", _("Broken")
    TIMED_OUT = "timed_out", _("Timed out")
    MISSING = "missing", _("No report link")


class CommunityOfSchools(index.Indexed, models.Model):
    """A group of local schools working together and with local services, linked to an NHS
    Primary Care Network. SEND staff edit them; parents and SENCos see them on school pages."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("The end of the community's web address. Made from the name if left empty."),
    )
    primary_care_network = models.CharField(
        _("NHS Primary Care Network"),
        max_length=150,
        blank=True,
        help_text=_("The group of local GP practices this community is linked to."),
    )
    area = models.CharField(
        _("area"),
        max_length=100,
        blank=True,
        help_text=_("The district or area the community covers, for example Ashford."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=2000,
        help_text=_("A few plain sentences for families: which part of the area it covers."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("primary_care_network"),
        FieldPanel("area"),
        FieldPanel("description"),
    ]
    # Found by the site search (search/), under its own "Communities of Schools" filter.
    search_fields = [
        index.SearchField("name", boost=3),
        # For the Community of Schools chooser on a school's edit page: Wagtail's snippet chooser
        # searches with the backend's autocomplete(), so "ash" finds "Ashford ...".
        index.AutocompleteField("name"),
        index.SearchField("area"),
        index.SearchField("primary_care_network"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Community of Schools")
        verbose_name_plural = _("Communities of Schools")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)


class SchoolQuerySet(models.QuerySet):
    def open(self) -> SchoolQuerySet:
        return self.filter(closed=False)

    def matching(self, words: list[str]) -> SchoolQuerySet:
        """Schools whose name, town or postcode contains every word (already folded)."""
        queryset = self
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class School(index.Indexed, models.Model):
    """A school as the DfE's Get Information About Schools (GIAS) describes it, plus what SEND
    staff add: its Community of Schools, its SEND Information Report and its SENCo.

    The GIAS fields are overwritten by every import (`manage.py import_gias`); the staff fields
    never are. Parents find schools through the school finder page; staff edit them as snippets.
    """

    # --- From GIAS: replaced on every import --------------------------------------------------
    urn = models.PositiveIntegerField(
        _("URN"), unique=True, help_text=_("The DfE's unique reference number.")
    )
    name = models.CharField(_("name"), max_length=200)
    la_code = models.CharField(_("local authority code"), max_length=10, db_index=True)
    la_name = models.CharField(_("local authority"), max_length=100, blank=True)
    establishment_type = models.CharField(_("type"), max_length=150, blank=True)
    phase = models.CharField(_("phase of education"), max_length=100, blank=True)
    gias_status = models.CharField(_("status in GIAS"), max_length=100, blank=True)
    closed = models.BooleanField(_("closed"), default=False, db_index=True)
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True, db_index=True)
    website = models.CharField(_("website"), max_length=300, blank=True)
    telephone = models.CharField(_("telephone"), max_length=30, blank=True)
    sen_provision = models.JSONField(
        _("types of SEN provision"), default=list, blank=True, help_text=_("GIAS SEN1 to SEN13.")
    )
    resourced_provision_type = models.CharField(
        _("type of resourced provision"), max_length=150, blank=True
    )
    resourced_provision_on_roll = models.PositiveIntegerField(null=True, blank=True)
    resourced_provision_capacity = models.PositiveIntegerField(null=True, blank=True)
    sen_unit_on_roll = models.PositiveIntegerField(null=True, blank=True)
    sen_unit_capacity = models.PositiveIntegerField(null=True, blank=True)
    # Folded name, town and postcode: what the finder matches against (see schools.text).
    search_text = models.CharField(max_length=400, blank=True, editable=False, db_index=True)
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True, editable=False)

    # --- Entered by staff: never touched by the import ----------------------------------------
    community = models.ForeignKey(
        CommunityOfSchools,
        verbose_name=_("Community of Schools"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schools",
    )
    report_url = models.URLField(
        _("SEND Information Report web address"),
        max_length=500,
        blank=True,
        validators=[WEB_ADDRESS],
        help_text=_("The page or document on the school's website, starting https://"),
    )
    senco_name = models.CharField(_("SENCo name"), max_length=150, blank=True)
    senco_email = models.EmailField(_("SENCo email address"), blank=True)
    senco_phone = models.CharField(_("SENCo phone number"), max_length=30, blank=True)
    senco_consent = models.BooleanField(
        _("the school agrees to show its SENCo's contact details"),
        default=False,
        help_text=_("Without this the SENCo's name and contact details are never shown publicly."),
    )

    # --- The latest link check, copied from LinkCheck so listings need no extra query ---------
    last_check_status = models.CharField(
        _("report link"),
        max_length=20,
        choices=LinkStatus.choices,
        default=LinkStatus.NOT_CHECKED,
        editable=False,
        db_index=True,
    )
    last_check_status_code = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    last_checked_at = models.DateTimeField(_("last checked"), null=True, blank=True, editable=False)

    objects = SchoolQuerySet.as_manager()

    GIAS_FIELDS = [
        "name",
        "la_code",
        "la_name",
        "establishment_type",
        "phase",
        "gias_status",
        "closed",
        "opened_on",
        "closed_on",
        "street",
        "locality",
        "town",
        "postcode",
        "district",
        "website",
        "telephone",
        "sen_provision",
        "resourced_provision_type",
        "resourced_provision_on_roll",
        "resourced_provision_capacity",
        "sen_unit_on_roll",
        "sen_unit_capacity",
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("community"),
                FieldPanel("report_url"),
            ],
            heading=_("Community and SEND Information Report"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("senco_consent"),
                FieldPanel("senco_name"),
                FieldRowPanel([FieldPanel("senco_email"), FieldPanel("senco_phone")]),
            ],
            heading=_("SENCo"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(name, read_only=True)
                for name in (
                    "urn",
                    "name",
                    "establishment_type",
                    "phase",
                    "gias_status",
                    "street",
                    "town",
                    "postcode",
                    "district",
                    "website",
                )
            ],
            heading=_("From Get Information About Schools (updated by each import)"),
        ),
    ]

    # Found by the site search (search/); only open schools are searched (the `closed` filter).
    # search_text adds the name and town without accents and the postcode without its space, so
    # "ct12bp" finds the school at CT1 2BP. (No AutocompleteField: nothing autocompletes schools
    # through the search backend; the finder and the site search box use search_text.)
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("town"),
        index.SearchField("postcode"),
        index.SearchField("search_text"),
        index.SearchField("district"),
        index.SearchField("phase"),
        index.SearchField("establishment_type"),
        index.SearchField("sen_provision_text"),
        index.RelatedFields("community", [index.SearchField("name")]),
        index.FilterField("closed"),
    ]

    class Meta:
        ordering = ["name", "urn"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.senco_consent and not (self.senco_name or self.senco_email or self.senco_phone):
            raise ValidationError(
                {"senco_name": _("Give the SENCo's name or contact details, or untick consent.")}
            )

    def build_search_text(self) -> str:
        return search_key(self.name, self.town, self.postcode, compact_postcode(self.postcode))[
            :400
        ]

    def sen_provision_text(self) -> str:
        """The GIAS SEN provision types as words ("ASD - Autistic Spectrum Disorder"), for search."""
        return ", ".join(str(item) for item in self.sen_provision or [])

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, self.locality, self.town, self.postcode) if line]

    @property
    def shows_senco(self) -> bool:
        return self.senco_consent and bool(self.senco_name or self.senco_email or self.senco_phone)

    @property
    def website_url(self) -> str:
        """GIAS websites often lack a scheme ("www.school.kent.sch.uk"); links need one."""
        if not self.website:
            return ""
        return self.website if "://" in self.website else f"https://{self.website}"


class LinkCheck(models.Model):
    """One check of one school's SEND Information Report link. Staff read the history on the
    report-link health dashboard; the latest result is copied onto the school."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="link_checks")
    url = models.URLField(max_length=500, blank=True)
    checked_at = models.DateTimeField(_("checked at"), db_index=True)
    status = models.CharField(_("result"), max_length=20, choices=LinkStatus.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("address after redirects"), max_length=500, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    elapsed_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-checked_at"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        indexes = [models.Index(fields=["school", "-checked_at"])]

    def __str__(self) -> str:
        return f"{self.school_id} {self.status} {self.checked_at:%Y-%m-%d %H:%M}"
