"""The public forms of the Local Offer: the directory filters and "report a problem"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hub.forms import GovukForm

from .models import MAX_AGE, ProblemKind, ReferralRoute

ANY = ""


def _with_count(label, count: int | None) -> str:
    if count is None:
        return str(label)
    return ngettext("%(label)s (%(count)s service)", "%(label)s (%(count)s services)", count) % {
        "label": label,
        "count": count,
    }


class DirectoryFilterForm(GovukForm):
    """The directory's filters: a plain GET form, so every search is a link a parent can share
    and it works without JavaScript. Choices are term codes, so addresses stay readable."""

    input_widths = {"q": 20, "age": 2}

    q = forms.CharField(
        label=_("Search by keyword"),
        required=False,
        max_length=100,
        help_text=_("For example, autism, speech, or a place name."),
    )
    age = forms.IntegerField(
        label=_("Child or young person's age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        help_text=_("In years, from 0 to 25."),
        error_messages={
            "invalid": _("Enter the age as a whole number, like 7."),
            "min_value": _("The age must be 0 or more."),
            "max_value": _("The Local Offer covers ages 0 to 25. Enter an age from 0 to 25."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
    area = forms.ChoiceField(label=_("Area of need"), required=False, widget=forms.RadioSelect)
    need = forms.ChoiceField(label=_("Specific need"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    delivery = forms.ChoiceField(
        label=_("How it is delivered"), required=False, widget=forms.RadioSelect
    )
    referral = forms.ChoiceField(label=_("How to get it"), required=False, widget=forms.RadioSelect)
    free = forms.BooleanField(label=_("Only show free services"), required=False)

    INVALID_CHOICE = _("Choose one of the options shown.")

    def __init__(self, data=None, *, options, **kwargs):
        super().__init__(data, **kwargs)
        self.options = options
        self._terms = {
            "area": {t.code: t for t in options.areas},
            "need": {t.code: t for t in options.needs},
            "district": {t.code: t for t in options.districts},
            "delivery": {t.code: t for t in options.delivery_modes},
        }
        for name in ("area", "need", "district", "delivery", "referral"):
            self.fields[name].error_messages["invalid_choice"] = self.INVALID_CHOICE
        self.set_counts({})

    def set_counts(self, counts: dict[str, dict]) -> None:
        """Label every option with the number of services it would give."""

        def labelled(name, terms, empty_label):
            found = counts.get(name)
            return [(ANY, empty_label)] + [
                (t.code, _with_count(t, found.get(t.pk, 0) if found is not None else None))
                for t in terms
            ]

        self.fields["area"].choices = labelled("area", self.options.areas, _("Any area of need"))
        self.fields["need"].choices = labelled("need", self.options.needs, _("Any need"))
        self.fields["district"].choices = labelled(
            "district", self.options.districts, _("Anywhere in the county")
        )
        self.fields["delivery"].choices = labelled(
            "delivery", self.options.delivery_modes, _("Any way")
        )
        referral = counts.get("referral")
        self.fields["referral"].choices = [
            (ANY, _("Either")),
            (
                ReferralRoute.SELF,
                _with_count(
                    _("I can contact the service myself"), referral and referral[ReferralRoute.SELF]
                ),
            ),
            (
                ReferralRoute.PROFESSIONAL,
                _with_count(
                    _("A professional can refer my child"),
                    referral and referral[ReferralRoute.PROFESSIONAL],
                ),
            ),
        ]
        free = counts.get("free")
        if free is not None:
            self.fields["free"].label = _with_count(_("Only show free services"), free[True])
            # A bound field copies its label when first used (validation did that already).
            self._bound_fields_cache.pop("free", None)

    def filter_values(self) -> dict:
        """The valid choices as objects for directory.apply_filters; a bad value is ignored
        (and reported in the error summary) rather than breaking the search."""
        if not self.is_bound:
            return {}
        self.is_valid()
        values = dict(getattr(self, "cleaned_data", {}))
        for name, terms in self._terms.items():
            values[name] = terms.get(values.get(name) or "")
        return values


class ProblemReportForm(GovukForm):
    """ "Report a problem with this page" on a service page. `website` is a honeypot: hidden from
    people, filled in by bots; a report with it filled in is thanked and thrown away."""

    kind = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=ProblemKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what the problem is."),
            "invalid_choice": _("Select what the problem is."),
        },
    )
    details = forms.CharField(
        label=_("Tell us more"),
        max_length=1200,
        widget=forms.Textarea,
        help_text=_("Do not include personal or financial information, like your child's name."),
        error_messages={
            "required": _("Tell us what is wrong, in a few words."),
            "max_length": _("Tell us in 1,200 characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_("Only if you would like a reply."),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    # Drawn by hand in the template, off screen and out of the tab order.
    website = forms.CharField(required=False, max_length=200)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
