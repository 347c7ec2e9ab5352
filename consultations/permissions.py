"""Who may see what people wrote: consultation analysts (a group) and superusers."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale

from .models import ConsultationPage

ANALYSTS = "Consultation analysts"


def is_analyst(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=ANALYSTS).exists())


def analysts_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_analyst(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def consultation_or_404(page_id: int) -> ConsultationPage:
    """The consultation an analysts' screen is about. Answers and themes are filed under the
    default-language page, so only that page is found."""
    return get_object_or_404(
        ConsultationPage.objects.filter(locale=Locale.get_default()), pk=page_id
    )
