"""The site's addresses plus one test page that shows flash messages (no public page shows any
today, but a future one must not leave a visitor's message in the page cache)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from hub.urls import urlpatterns as site_urlpatterns

FLASH_PAGE = "/page-cache-flash/"
_template = engines["django"].from_string(
    "<p>Page</p>{% for message in messages %}<p class='flash'>{{ message }}</p>{% endfor %}"
)


def flash_page(request):
    """?show=now adds a message and shows it at once; ?show=next adds one and redirects, so it is
    shown on the next visit (the usual post-redirect-get); no parameter just shows the page."""
    show = request.GET.get("show")
    if show:
        messages.info(request, "Your answers were saved.")
    if show == "next":
        return redirect(FLASH_PAGE)
    return HttpResponse(_template.render({"messages": messages.get_messages(request)}, request))


urlpatterns = [path(FLASH_PAGE.strip("/") + "/", flash_page), *site_urlpatterns]
