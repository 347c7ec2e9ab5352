"""CMS screens where consultation analysts code written answers with ambitions, outcomes and the
consultation's own themes, one answer at a time or many at once, and keep the list of themes.

The logic lives in consultations/tagging.py; these views only read the request and answer it.
"""

from __future__ import annotations

from dataclasses import asdict

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages

from .models import Theme
from .permissions import analysts_only, consultation_or_404
from .tagging import (
    ADD,
    BulkCodingForm,
    CodingFilterForm,
    TagsForm,
    ThemeForm,
    Vocabulary,
    current_choice,
    free_text_answers,
    free_text_questions,
    replace_tags,
    tag_counts,
    themes_with_counts,
)

ANSWERS_PER_PAGE = 50


def _with_query(url: str, request: HttpRequest) -> str:
    """`url` with the list's filters (the current query string) kept."""
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def _bulk_message(action: str, changed: int, selected: int) -> str:
    """What a bulk change did, in words. Plurals follow the number of answers ticked."""
    if action == ADD:
        if changed == selected:
            text = ngettext(
                "Added tags to the %(selected)s answer you ticked.",
                "Added tags to the %(selected)s answers you ticked.",
                selected,
            )
        elif not changed:
            text = ngettext(
                "The %(selected)s answer you ticked already had these tags.",
                "The %(selected)s answers you ticked already had these tags.",
                selected,
            )
        else:
            text = ngettext(
                "Added tags to %(changed)s of the %(selected)s answer you ticked. The others "
                "already had them.",
                "Added tags to %(changed)s of the %(selected)s answers you ticked. The others "
                "already had them.",
                selected,
            )
    elif changed == selected:
        text = ngettext(
            "Removed tags from the %(selected)s answer you ticked.",
            "Removed tags from the %(selected)s answers you ticked.",
            selected,
        )
    elif not changed:
        text = ngettext(
            "The %(selected)s answer you ticked did not have these tags.",
            "The %(selected)s answers you ticked did not have these tags.",
            selected,
        )
    else:
        text = ngettext(
            "Removed tags from %(changed)s of the %(selected)s answer you ticked. The others "
            "did not have them.",
            "Removed tags from %(changed)s of the %(selected)s answers you ticked. The others "
            "did not have them.",
            selected,
        )
    return text % {"changed": changed, "selected": selected}


@analysts_only
def coding(request: HttpRequest, page_id: int) -> HttpResponse:
    """The written answers to one consultation, to filter and code in bulk; with the counts of
    answers and responses per tag. For consultation analysts."""
    page = consultation_or_404(page_id)
    vocabulary = Vocabulary.for_consultation(page)
    answers = free_text_answers(page)
    bulk_form = BulkCodingForm(vocabulary, answers, request.POST or None)
    if request.method == "POST":
        if bulk_form.is_valid():
            changed = bulk_form.save(request.user)
            selected = len(bulk_form.cleaned_data["answers"])
            messages.success(
                request, _bulk_message(bulk_form.cleaned_data["action"], changed, selected)
            )
            # Back to the same filters and page of answers.
            return redirect(request.get_full_path())
        messages.error(request, _("No tags were changed. Check the form below."))

    questions = free_text_questions(page)
    filter_form = CodingFilterForm(questions, vocabulary, request.GET or None)
    listing = filter_form.filter(answers).select_related("response", "coded_by")
    listing = listing.prefetch_related("ambitions", "outcomes", "themes")
    results = Paginator(listing, ANSWERS_PER_PAGE).get_page(request.GET.get("p"))
    labels = dict(questions)
    for answer in results:
        answer.question_label = labels.get(answer.question_key, answer.question_key)
    params = request.GET.copy()
    params.pop("p", None)
    return render(
        request,
        "consultations/admin/coding.html",
        {
            "page": page,
            "filter_form": filter_form,
            "bulk_form": bulk_form,
            "answers": results,
            "selected": set(request.POST.getlist("answers")),
            "filter_query": params.urlencode(),
            "list_query": request.GET.urlencode(),
            "counts": tag_counts(page, vocabulary),
        },
    )


@analysts_only
def code_answer(request: HttpRequest, page_id: int, answer_id: int) -> HttpResponse:
    """One written answer with a checkbox for every tag, to code it on its own. For
    consultation analysts."""
    page = consultation_or_404(page_id)
    answer = get_object_or_404(
        free_text_answers(page).select_related("response", "coded_by"), pk=answer_id
    )
    vocabulary = Vocabulary.for_consultation(page)
    form = TagsForm(vocabulary, request.POST or None, initial=asdict(current_choice(answer)))
    if request.method == "POST" and form.is_valid():
        replace_tags(answer, form.choice(), request.user)
        messages.success(
            request, _("Answer from %(ref)s coded.") % {"ref": answer.response.reference}
        )
        if "next" in request.POST:
            return _next_uncoded(request, page, vocabulary)
        return redirect(_with_query(reverse("consultations_coding", args=[page.pk]), request))
    questions = dict(free_text_questions(page))
    return render(
        request,
        "consultations/admin/coding_answer.html",
        {
            "page": page,
            "answer": answer,
            "question_label": questions.get(answer.question_key, answer.question_key),
            "form": form,
            "list_query": request.GET.urlencode(),
        },
    )


def _next_uncoded(request: HttpRequest, page, vocabulary: Vocabulary) -> HttpResponse:
    """The next answer nobody has coded yet, within the list's filters."""
    questions = free_text_questions(page)
    filter_form = CodingFilterForm(questions, vocabulary, request.GET or None)
    following = filter_form.filter(free_text_answers(page)).filter(coded_at__isnull=True).first()
    if following is None:
        messages.success(request, _("There are no answers left to code in this list."))
        return redirect(_with_query(reverse("consultations_coding", args=[page.pk]), request))
    url = reverse("consultations_code_answer", args=[page.pk, following.pk])
    return redirect(_with_query(url, request))


@analysts_only
def themes(request: HttpRequest, page_id: int) -> HttpResponse:
    """A consultation's themes with how many answers carry each, and a form to add one. For
    consultation analysts."""
    page = consultation_or_404(page_id)
    form = ThemeForm(request.POST or None, consultation=page)
    if request.method == "POST" and form.is_valid():
        theme = form.save()
        messages.success(request, _("Theme “%(name)s” added.") % {"name": theme.name})
        return redirect("consultations_themes", page_id=page.pk)
    return render(
        request,
        "consultations/admin/themes.html",
        {"page": page, "themes": themes_with_counts(page), "form": form},
    )


def _theme_or_404(page, theme_id: int) -> Theme:
    return get_object_or_404(Theme, pk=theme_id, consultation_id=page.pk)


@analysts_only
def edit_theme(request: HttpRequest, page_id: int, theme_id: int) -> HttpResponse:
    """Rename a theme or change its description. For consultation analysts."""
    page = consultation_or_404(page_id)
    theme = _theme_or_404(page, theme_id)
    # Kept for the heading: an invalid form may already have changed the instance.
    original_name = theme.name
    form = ThemeForm(request.POST or None, instance=theme, consultation=page)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Theme “%(name)s” saved.") % {"name": theme.name})
        return redirect("consultations_themes", page_id=page.pk)
    return render(
        request,
        "consultations/admin/themes_edit.html",
        {"page": page, "theme": theme, "original_name": original_name, "form": form},
    )


@analysts_only
def delete_theme(request: HttpRequest, page_id: int, theme_id: int) -> HttpResponse:
    """Ask, then delete a theme. The answers stay; they just no longer carry the theme. For
    consultation analysts."""
    page = consultation_or_404(page_id)
    theme = _theme_or_404(page, theme_id)
    answer_count = theme.answers.count()
    if request.method == "POST":
        name = theme.name
        theme.delete()
        messages.success(
            request,
            ngettext(
                "Theme “%(name)s” deleted. %(count)d answer no longer carries it.",
                "Theme “%(name)s” deleted. %(count)d answers no longer carry it.",
                answer_count,
            )
            % {"name": name, "count": answer_count},
        )
        return redirect("consultations_themes", page_id=page.pk)
    return render(
        request,
        "consultations/admin/themes_delete.html",
        {"page": page, "theme": theme, "answer_count": answer_count},
    )
