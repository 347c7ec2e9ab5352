"""Site-wide views: robots.txt, the brand stylesheet and the branded error pages."""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.http import require_GET
from wagtail.models import Site

from hub.database_unavailable import answer_database_outage, is_database_unavailable
from hub.models import CouncilSettings


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def brand_css(request):
    """The council's colours as CSS custom properties.

    Served as a stylesheet, not an inline <style>, so the Content Security Policy can forbid
    inline styles. The compiled GOV.UK styles read these variables.
    """
    site = Site.find_for_request(request)
    brand = CouncilSettings.for_site(site) if site else CouncilSettings()
    css = (
        f":root{{--hub-brand-colour:{brand.brand_colour};--hub-link-colour:{brand.link_colour};}}\n"
    )
    return HttpResponse(css, content_type="text/css")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception):
    # Django reports a session it could not save as SessionInterrupted (a 400); when that was
    # the database going away, say so with the 503 page (see hub/database_unavailable.py).
    if is_database_unavailable(exception):
        return answer_database_outage(request, exception)
    return defaults.bad_request(request, exception)


def server_error(request):
    # A database outage met outside a view (a new session saved after it, say) comes here, not
    # to DatabaseUnavailableMiddleware: give it the same 503 page. Django calls this handler
    # while handling the exception, so sys.exc_info() holds it.
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return answer_database_outage(request, error)
    # Rendered without a request context: the failure may be in the database or a context
    # processor, so this page must need neither.
    html = loader.get_template("500.html").render({"service_name": settings.WAGTAIL_SITE_NAME})
    return HttpResponse(html, status=500)


def csrf_failure(request, reason=""):
    """A form arrived without its security token: usually a page left open for hours, or cookies
    switched off. Explain in plain words instead of Django's technical 403 page."""
    return render(request, "403_csrf.html", status=403)
