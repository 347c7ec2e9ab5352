"""Per-site council settings: brand, contact details and the pages the footer links to, with the
council's translatable words (name, service name, opening hours) in a CouncilText snippet.

Nothing in the templates names Kent: a second council changes these settings, not the code.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from hub.colour import contrast_ratio

from .council_text import CouncilText

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as a # followed by six hexadecimal digits.")
)


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    """Who runs this site and how it looks. Edited by the council's web team."""

    class Phase(models.TextChoices):
        ALPHA = "alpha", _("Alpha")
        BETA = "beta", _("Beta")
        LIVE = "live", _("Live (no phase banner)")

    text = models.ForeignKey(
        CouncilText,
        verbose_name=_("council text"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The council's name, the service name and opening hours, in the site's default "
            "language. Translate them from Settings › Council text."
        ),
    )
    logo = models.ForeignKey(
        "hub.AccessibleImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A logo that reads well on the brand colour. Its alt text should be the council's name."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#1d4f6e",
        validators=[hex_colour],
        help_text=_("Header background. White text must be readable on it (contrast 4.5:1)."),
    )
    link_colour = models.CharField(
        _("link colour"),
        max_length=7,
        default="#1d70b8",
        validators=[hex_colour],
        help_text=_("Links on white backgrounds. Must have a contrast of 4.5:1 with white."),
    )
    phase = models.CharField(_("phase"), max_length=10, choices=Phase, default=Phase.BETA)
    feedback_url = models.URLField(
        _("feedback link"),
        blank=True,
        help_text=_("Where the phase banner's 'give your feedback' link goes."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Used wherever people can post a paper form to the council."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cookies page"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )

    select_related = [
        "text__locale",
        "logo",
        "accessibility_page",
        "privacy_page",
        "cookies_page",
        "contact_page",
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("text"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("brand_colour"),
                FieldPanel("link_colour"),
                FieldPanel("phase"),
                FieldPanel("feedback_url"),
            ],
            heading=_("Brand"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        verbose_name = _("council settings")

    # --- The council's words in the visitor's language ------------------------------------------

    def text_for(self, language_code: str) -> CouncilText:
        """The council text in `language_code` when it is translated, else in the default
        language (or the built-in defaults on a site that has none yet). One query for a
        translated language, none for the default one; remembered for the request."""
        found = self.__dict__.setdefault("_text_by_language", {})
        if language_code not in found:
            text = self.text or CouncilText()
            if text.pk and text.locale.language_code != language_code:
                text = (
                    CouncilText.objects.select_related("locale")
                    .filter(translation_key=text.translation_key)
                    .filter(locale__language_code=language_code)
                    .first()
                ) or text
            found[language_code] = text
        return found[language_code]

    @property
    def current_text(self) -> CouncilText:
        return self.text_for(get_language())

    @property
    def council_name(self) -> str:
        return self.current_text.council_name

    @property
    def service_name(self) -> str:
        return self.current_text.service_name

    @property
    def opening_hours(self) -> str:
        return self.current_text.opening_hours

    @property
    def text_language(self) -> str:
        """The language the council text is shown in, for a `lang` attribute when it is not the
        page's language (an untranslated language shows the default-language words)."""
        text = self.current_text
        return text.locale.language_code if text.pk else settings.LANGUAGE_CODE

    def clean(self):
        super().clean()
        errors = {}
        for field in ("brand_colour", "link_colour"):
            value = getattr(self, field)
            try:
                ratio = contrast_ratio(value, "#ffffff")
            except ValueError:
                continue  # the field validator already reports the bad format
            if ratio < 4.5:
                errors[field] = _(
                    "This colour has a contrast of %(ratio).1f:1 with white. Choose a darker "
                    "colour with a contrast of at least 4.5:1."
                ) % {"ratio": ratio}
        if errors:
            raise ValidationError(errors)
