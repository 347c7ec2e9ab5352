"""The CMS form for services: providers may only choose their own organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .permissions import is_provider, provider_organisation_keys


class ServiceAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and is_provider(user) and "organisation" in self.fields:
            field = self.fields["organisation"]
            field.queryset = field.queryset.filter(
                translation_key__in=provider_organisation_keys(user)
            )
            field.help_text = _("You can add services for your own organisation only.")

    def clean(self):
        cleaned = super().clean()
        for name in ("need_types", "districts", "delivery_modes"):
            if name in self.fields and not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("Choose at least one: parents filter on this."))
        return cleaned
