"""A chooser for tagged written answers: what an update's quote is taken from.

Registered in wagtail_hooks.py; `TaggedAnswerChooserWidget` is the form widget for a foreign key
to `consultations.Answer` (`FieldPanel("answer", widget=TaggedAnswerChooserWidget)`).
Like the analysis, it shows what people wrote, so it is for consultation analysts only.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from .models import Answer
from .permissions import is_analyst
from .tagging import tagged_free_text_answers

EXCERPT_WORDS = 20


def answer_title(answer: Answer) -> str:
    """How a chosen answer is shown: the start of what was written, and the response reference."""
    excerpt = Truncator(answer.value).words(EXCERPT_WORDS)
    return f"“{excerpt}” ({answer.response.reference})"


def chooser_answers():
    return tagged_free_text_answers().select_related("response__consultation")


class AnswerSearchForm(BaseFilterForm):
    """Answers are not in the search index (what people wrote stays out of site search), so the
    chooser looks in the text itself, or for a response reference."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Words or a reference")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(
                Q(value__icontains=query) | Q(response__reference__iexact=query)
            )
            self.is_searching = True
            self.search_query = query
        return objects


class AnalystsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_analyst(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TaggedAnswerListingMixin(AnalystsOnlyMixin):
    filter_form_class = AnswerSearchForm
    ordering = ["-response__submitted_at", "pk"]
    per_page = 20
    page_subtitle = _("Tagged written answers")

    def get_object_list(self):
        return chooser_answers()

    def can_create(self):
        # Answers come from people, never from this modal.
        return False

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Answer")
        column.accessor = lambda answer: Truncator(answer.value).words(EXCERPT_WORDS)
        return column

    @property
    def columns(self):
        return [
            self.title_column,
            Column("consultation", label=_("Consultation"), accessor="response.consultation.title"),
            Column("reference", label=_("Reference"), accessor="response.reference"),
        ]


class TaggedAnswerChooseView(TaggedAnswerListingMixin, chooser_views.ChooseView):
    pass


class TaggedAnswerChooseResultsView(TaggedAnswerListingMixin, chooser_views.ChooseResultsView):
    pass


class TaggedAnswerChosenResponseMixin(AnalystsOnlyMixin):
    def get_display_title(self, instance):
        return answer_title(instance)

    def get_edit_item_url(self, instance):
        return None


class TaggedAnswerChosenView(TaggedAnswerChosenResponseMixin, chooser_views.ChosenView):
    def get_object(self, pk):
        return chooser_answers().get(pk=pk)


class TaggedAnswerChosenMultipleView(
    TaggedAnswerChosenResponseMixin, chooser_views.ChosenMultipleView
):
    def get_objects(self, pks):
        return chooser_answers().filter(pk__in=pks)


class TaggedAnswerCreateView(AnalystsOnlyMixin, chooser_views.CreateView):
    def can_create(self):
        return False


class TaggedAnswerChooser(BaseChooser):
    """The widget: shows the chosen answer's words rather than its database name."""

    def get_instance(self, value):
        if value is None or isinstance(value, Answer):
            return value
        return Answer.objects.select_related("response").filter(pk=value).first()

    def get_display_title(self, instance):
        return answer_title(instance)

    def get_value_data_from_instance(self, instance):
        data = super().get_value_data_from_instance(instance)
        data["edit_url"] = None
        return data


class TaggedAnswerChooserViewSet(ChooserViewSet):
    """Choose a written answer that staff have tagged (or that took tags from its question)."""

    model = Answer
    icon = "openquote"
    choose_one_text = _("Choose a tagged answer")
    choose_another_text = _("Choose another answer")
    edit_item_text = _("Edit")
    base_widget_class = TaggedAnswerChooser
    # Wired explicitly where wanted, rather than taking over every foreign key to an answer.
    register_widget = False
    choose_view_class = TaggedAnswerChooseView
    choose_results_view_class = TaggedAnswerChooseResultsView
    chosen_view_class = TaggedAnswerChosenView
    chosen_multiple_view_class = TaggedAnswerChosenMultipleView
    create_view_class = TaggedAnswerCreateView


tagged_answer_chooser_viewset = TaggedAnswerChooserViewSet("tagged_answer_chooser")
TaggedAnswerChooserWidget = tagged_answer_chooser_viewset.widget_class
