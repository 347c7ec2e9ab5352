"""The public face of the Local Offer: one routable page holding the directory, every service's
page and its "report a problem" form."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from hub.models import BasePage


class LocalOfferPage(RoutablePageMixin, BasePage):
    """The directory parents and professionals search and filter ("Find support"). Services are
    snippets, not pages; each one is shown by a route on this page (service/<id>/)."""

    template = "local_offer/directory_page.html"
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Local Offer directory page")

    @re_path(r"^$")
    def directory(self, request):
        from local_offer.views import directory

        return directory(self, request)

    @path("service/<uuid:service_id>/")
    def service(self, request, service_id):
        from local_offer.views import service_detail

        return service_detail(self, request, service_id)

    @path("service/<uuid:service_id>/report-a-problem/")
    def report_problem(self, request, service_id):
        from local_offer.views import report_problem

        return report_problem(self, request, service_id)

    @path("service/<uuid:service_id>/report-a-problem/sent/")
    def report_problem_sent(self, request, service_id):
        from local_offer.views import report_problem_sent

        return report_problem_sent(self, request, service_id)
