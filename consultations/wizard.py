"""The questionnaire wizard: django-formtools' NamedUrlSessionWizardView served through the
consultation page's routes, so every step has its own address (``<page>/answer/step-2/``).

Progress lives in the database-backed session under a key made from the page's translation key,
so it survives restarts and carries over when someone switches language part way through.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from formtools.wizard.views import NamedUrlSessionWizardView

from hub.ratelimit import over_limit

from .codes import hash_code, new_code
from .forms import HONEYPOT, StepForm, step_form_class
from .models import SavedProgress
from .questionnaire import Step

CHECK = "check"
EASY_READ = "easy-read"
UNANSWERED = object()


def storage_key(page) -> str:
    """The session key formtools keeps this page's answers under (its 'wizard_' + prefix)."""
    return f"wizard_{wizard_prefix(page)}"


def wizard_prefix(page) -> str:
    return f"consultation_{str(page.translation_key).replace('-', '')}"


def done_key(page) -> str:
    return f"consultation_done_{page.translation_key}"


def empty_storage(version: str = "standard") -> dict:
    return {
        "step": None,
        "step_data": {},
        "step_files": {},
        "extra_data": {"token": uuid.uuid4().hex, "version": version},
    }


def step_url(page, request, step: str) -> str:
    return page.get_url(request=request) + page.reverse_subpage("step", kwargs={"step": step})


class ConsultationWizard(NamedUrlSessionWizardView):
    """Runs one consultation's questionnaire for a parent or young person."""

    page = None
    template_name = "consultations/step.html"

    # --- Set-up --------------------------------------------------------------------------------

    def get_prefix(self, request, *args, **kwargs):
        return wizard_prefix(self.page)

    def get_step_url(self, step):
        return step_url(self.page, self.request, step)

    @property
    def easy_read(self) -> bool:
        return self.storage.extra_data.get("version") == EASY_READ

    @property
    def step_map(self) -> dict[str, Step]:
        return {step.name: step for step in self.page.steps}

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        form_class = step_form_class(self.step_map[step], self.easy_read)
        return form_class(
            data=data,
            files=files,
            prefix=self.get_form_prefix(step, form_class),
            initial=self.get_form_initial(step),
        )

    def get_form_step_data(self, form):
        """What is kept of a step (in the session, and in SavedProgress when someone saves part
        way): the step's own fields only, not whatever else was posted, and without NUL
        characters, which PostgreSQL cannot store in JSON. Saving part way keeps answers that
        are not valid yet, so NUL can reach here; nothing else is changed."""
        names = [form.add_prefix(name) for name in form.fields]
        return {
            key: [value.replace("\x00", "") for value in values]
            for key, values in form.data.lists()
            if any(key == name or key.startswith(f"{name}_") for name in names)
        }

    def answer_for(self, key: str):
        """An earlier question's cleaned answer, for skip logic; UNANSWERED if its step has not
        been completed yet (the step then counts in the progress until we know)."""
        for step in self.page.steps:
            if any(question.key == key for question in step.questions):
                data = self.get_cleaned_data_for_step(step.name)
                return UNANSWERED if data is None else data.get(key)
        return None

    # --- Requests ------------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        if not self.storage.extra_data.get("token"):
            # Nothing started (or already sent): begin at the start, which sets things up.
            return redirect(self.page.get_url(request=request) + self.page.reverse_subpage("start"))
        return super().get(request, *args, **kwargs)

    def post(self, *args, **kwargs):
        if kwargs.get("step") == CHECK:
            return self.submit()
        if not self.storage.extra_data.get("token"):
            return redirect(self.page.get_url(request=self.request))
        posted_step = self.request.POST.get(f"{self.prefix}-current_step")
        if posted_step not in self.get_form_list():
            # A tampered or stale form: go back to where this person really is.
            return redirect(self.get_step_url(self.steps.current or self.steps.first))
        if "save_and_return" in self.request.POST:
            self.storage.current_step = posted_step
            form = self.get_form(posted_step, data=self.request.POST)
            self.storage.set_step_data(posted_step, self.process_step(form))
            return self.save_progress()
        return super().post(*args, **kwargs)

    def render_done(self, form, **kwargs):
        if kwargs.get("step") != CHECK:
            return redirect(self.get_step_url(CHECK))
        final_forms, failed = self.revalidate()
        if failed:
            return self.render_revalidation_failure(failed, None)
        return self.render_check(final_forms)

    # --- Check your answers and submit ----------------------------------------------------------

    def revalidate(self):
        forms = {}
        for name in self.get_form_list():
            form = self.get_form(name, data=self.storage.get_step_data(name))
            if not form.is_valid():
                return forms, name
            forms[name] = form
        return forms, None

    def render_check(self, final_forms, subscribe_form=None):
        from .forms import SubscribeForm

        rows = []
        for name, form in final_forms.items():
            step = self.step_map[name]
            for question in step.questions:
                label, _hint = question.text(self.easy_read)
                rows.append(
                    {
                        "question": label,
                        "answer": question.display(
                            form.cleaned_data.get(question.key), self.easy_read
                        ),
                        "change_url": self.get_step_url(name),
                        "key": question.key,
                    }
                )
        context = {
            "page": self.page,
            "rows": rows,
            "easy_read": self.easy_read,
            "subscribe_form": subscribe_form or SubscribeForm(),
            "back_url": self.get_step_url(self.steps.last),
            "form": subscribe_form,
        }
        return TemplateResponse(self.request, "consultations/check_answers.html", context)

    def submit(self):
        from .forms import SubscribeForm
        from .saving import save_response

        page, request = self.page, self.request
        token = self.storage.extra_data.get("token")
        if not token or not self.storage.data.get("step_data"):
            if request.session.get(done_key(page)):
                return redirect(
                    page.get_url(request=request) + page.reverse_subpage("confirmation")
                )
            return redirect(page.get_url(request=request))
        final_forms, failed = self.revalidate()
        if failed:
            return self.render_revalidation_failure(failed, None)
        subscribe_form = SubscribeForm(request.POST)
        if not subscribe_form.is_valid():
            return self.render_check(final_forms, subscribe_form)
        if over_limit(
            request,
            f"consultations:submit:{page.pk}",
            settings.CONSULTATION_SUBMISSIONS_PER_HOUR,
            3600,
        ):
            # Nothing is lost: the answers stay in this browser's session, ready to send later.
            return TemplateResponse(
                request,
                "consultations/too_many.html",
                {"page": page, "check_url": self.get_step_url(CHECK)},
                status=429,
            )
        if any(form.cleaned_data.get(HONEYPOT) for form in final_forms.values()):
            # Almost certainly a robot: thank it, keep nothing.
            from .codes import new_reference

            reference = new_reference()
        else:
            response = save_response(
                page,
                list(final_forms.values()),
                channel="easy-read" if self.easy_read else "online",
                language=getattr(request, "LANGUAGE_CODE", "") or page.locale.language_code,
                token=token,
                email=subscribe_form.cleaned_data.get("email") or "",
            )
            reference = response.reference
            saved_id = self.storage.extra_data.get("saved_progress_id")
            if saved_id:
                SavedProgress.objects.filter(pk=saved_id).delete()
        self.storage.reset()
        request.session[done_key(page)] = reference
        return redirect(page.get_url(request=request) + page.reverse_subpage("confirmation"))

    # --- Save and come back later ------------------------------------------------------------------

    def save_progress(self):
        code = new_code()
        saved = SavedProgress.objects.create(
            consultation_id=self.page.canonical_page_id(),
            code_hash=hash_code(code),
            wizard_data=self.storage.data,
        )
        extra = dict(self.storage.extra_data)
        extra["saved_progress_id"] = saved.pk
        self.storage.extra_data = extra
        return TemplateResponse(
            self.request,
            "consultations/saved.html",
            {"page": self.page, "code": code, "expires_at": saved.expires_at},
        )

    # --- Rendering ---------------------------------------------------------------------------------

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        self.storage.current_step = failed_step
        return redirect(self.get_step_url(failed_step))

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.step_map[self.steps.current]
        active = [self.step_map[name] for name in self.get_form_list()]
        one_per_page = all(len(s.questions) == 1 for s in active)
        number, total = self.steps.step1, self.steps.count
        if one_per_page:
            progress = _("Question %(n)s of %(total)s") % {"n": number, "total": total}
        else:
            progress = _("Step %(n)s of %(total)s") % {"n": number, "total": total}
        prev = self.steps.prev
        context.update(
            {
                "page": self.page,
                "step": step,
                "heading": step.heading(self.easy_read),
                "easy_read": self.easy_read,
                "progress": progress,
                "back_url": self.get_step_url(prev) if prev else self.page.get_url(self.request),
                "is_last": self.steps.current == self.steps.last,
            }
        )
        return context


def serve_wizard(page, request, step: str):
    """The page route for ``answer/<step>/``."""
    if not page.is_open:
        from .views import render_closed

        return render_closed(page, request)
    steps = page.steps
    condition_dict = {
        s.name: _condition(s.condition_key, s.condition_value) for s in steps if s.condition_key
    }
    view = ConsultationWizard.as_view(
        form_list=[(s.name, StepForm) for s in steps],
        condition_dict=condition_dict,
        url_name="consultation-step",
        done_step_name=CHECK,
        page=page,
    )
    return view(request, step=step)


def _condition(key: str, expected: str):
    def condition(wizard) -> bool:
        value = wizard.answer_for(key)
        if value is UNANSWERED:
            return True
        if isinstance(value, list):
            return expected in value
        if value is True:
            return expected in {"yes", "agreed", "true"}
        return value is not None and str(value) == expected

    return condition
