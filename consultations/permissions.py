"""Who may see what people wrote: consultation analysts (a group) and superusers."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied

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
