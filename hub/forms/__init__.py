"""GOV.UK markup for the public site's Django forms.

Public forms subclass `GovukForm`; its renderer draws every field with the Design System's
markup (label, hint, error message, input, fieldsets for radios and checkboxes), so templates
never hand-write form HTML. The CMS keeps Django's and Wagtail's own rendering.
"""

from .base import GovukForm, GovukFormRenderer

__all__ = ["GovukForm", "GovukFormRenderer"]
