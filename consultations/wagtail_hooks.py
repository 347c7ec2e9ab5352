"""CMS screens for consultations: the list, the analysis (analysts only), exports, and typing in
paper responses."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.forms.renderers import DjangoTemplates
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from hub.admin_access import GuardedSnippetViewSet

from . import (
    coding,
    dashboard,  # noqa: F401  (registers the ambition dashboard charts)
)
from .analysis import (
    export_csv,
    export_xlsx,
    free_text_answers,
    may_see_personal_data,
    responses_over_time,
    summarise,
)
from .choosers import tagged_answer_chooser_viewset
from .forms import paper_form_class
from .models import ConsultationPage, OutcomeSubscription
from .permissions import analysts_only, consultation_or_404, is_analyst
from .saving import save_response


@analysts_only
def index(request):
    pages = (
        ConsultationPage.objects.filter(locale=Locale.get_default())
        .order_by("-opens_at")
        .annotate(response_count=Count("responses"))
    )
    return render(request, "consultations/admin/index.html", {"pages": pages})


@analysts_only
def analysis(request, page_id: int):
    page = consultation_or_404(page_id)
    total, summaries = summarise(page)
    filter_form, free_texts = free_text_answers(page, request.GET, request.GET.get("p"))
    params = request.GET.copy()
    params.pop("p", None)
    return render(
        request,
        "consultations/admin/analysis.html",
        {
            "page": page,
            "total": total,
            "summaries": summaries,
            "over_time": responses_over_time(page),
            "filter_form": filter_form,
            "free_texts": free_texts,
            "filter_query": params.urlencode(),
        },
    )


@analysts_only
def export(request, page_id: int, file_format: str):
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    page = consultation_or_404(page_id)
    personal = may_see_personal_data(request.user)
    name = f"{page.slug}-responses"
    if file_format == "xlsx":
        response = HttpResponse(
            export_xlsx(page, personal),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(export_csv(page, personal), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


def paper_entry(request, page_id: int):
    """Staff type in a response that came by post; it is saved with the channel 'paper'."""
    page = consultation_or_404(page_id)
    if not (is_analyst(request.user) or page.permissions_for_user(request.user).can_edit()):
        raise PermissionDenied
    form_class = paper_form_class(page.steps)
    form = form_class(request.POST or None, renderer=DjangoTemplates())
    if request.method == "POST" and form.is_valid():
        response = save_response(
            page,
            [form],
            channel="paper",
            language=page.locale.language_code,
            entered_by=request.user,
        )
        messages.success(
            request, _("Paper response saved with reference %(ref)s.") % {"ref": response.reference}
        )
        return redirect("consultations_paper", page_id=page.pk)
    return render(request, "consultations/admin/paper_entry.html", {"page": page, "form": form})


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("consultations/", index, name="consultations_index"),
        path("consultations/<int:page_id>/analysis/", analysis, name="consultations_analysis"),
        path(
            "consultations/<int:page_id>/export.<str:file_format>",
            export,
            name="consultations_export",
        ),
        path("consultations/<int:page_id>/paper/", paper_entry, name="consultations_paper"),
        path("consultations/<int:page_id>/coding/", coding.coding, name="consultations_coding"),
        path(
            "consultations/<int:page_id>/coding/<int:answer_id>/",
            coding.code_answer,
            name="consultations_code_answer",
        ),
        path("consultations/<int:page_id>/themes/", coding.themes, name="consultations_themes"),
        path(
            "consultations/<int:page_id>/themes/<int:theme_id>/",
            coding.edit_theme,
            name="consultations_theme_edit",
        ),
        path(
            "consultations/<int:page_id>/themes/<int:theme_id>/delete/",
            coding.delete_theme,
            name="consultations_theme_delete",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_tagged_answer_chooser():
    return tagged_answer_chooser_viewset


class AnalystsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_analyst(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return AnalystsMenuItem(
        gettext_lazy("Consultation results"),
        reverse("consultations_index"),
        icon_name="list-ul",
        order=450,
    )


class OutcomeSubscriptionViewSet(GuardedSnippetViewSet):
    """Emails people gave to hear about outcomes, for staff answering a request to delete one.

    Kept apart from the answers, so deleting an email never touches what the person said.
    Only people with the model's permissions (not analysts by default) see these, chooser
    included.
    """

    model = OutcomeSubscription
    chooser_needs_permission = True
    icon = "mail"
    menu_label = gettext_lazy("Outcome emails")
    add_to_admin_menu = False
    list_display = ["email", "response", "created_at"]
    search_fields = ["email", "response__reference"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return OutcomeSubscription.objects.select_related("response")


register_snippet(OutcomeSubscriptionViewSet)
