"""The questionnaire builder: steps of questions, built by comms staff in the CMS.

Every question shares `BaseQuestionBlock` (a stable key, label, hint, required flag, easy-read
label and hint, optional picture and ambition tags). The key is what answers are stored under, so
it is kept out of translation (wagtail-localize ignores blocks that are not text blocks) and
answers from every language land on the same keys.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

KEY_HELP = _(
    "A short name for this question in the results, such as 'agree-ambition-1'. Lower-case "
    "letters, numbers and hyphens. It cannot be changed once people have answered."
)


class KeyBlock(blocks.FieldBlock):
    """A slug that is never offered for translation (it is not a CharBlock)."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            max_length=50,
            help_text=help_text,
            validators=[validate_slug],
        )
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        return []


class ChoiceOptionBlock(blocks.StructBlock):
    """One option of a single or multiple choice question."""

    label = blocks.CharBlock(label=_("option"), max_length=200)
    easy_read_label = blocks.CharBlock(
        label=_("easy read option"), required=False, default="", max_length=200
    )
    value = KeyBlock(
        required=False,
        label=_("value in the results"),
        help_text=_("Left blank, it is made from the option's words when you save."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("value"):
            value["value"] = slugify(value["label"])[:50] or "option"
        return value

    class Meta:
        icon = "radio-full"


class BaseQuestionBlock(blocks.StructBlock):
    """What every question has. Subclasses add what their type needs."""

    key = KeyBlock(label=_("key"), help_text=KEY_HELP)
    label = blocks.CharBlock(label=_("question"), max_length=300)
    hint = blocks.TextBlock(label=_("hint"), required=False, default="", max_length=500)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False, default=True)
    easy_read_label = blocks.CharBlock(
        label=_("easy read question"),
        required=False,
        default="",
        max_length=300,
        help_text=_("Short everyday words. Used in the easy read version."),
    )
    easy_read_hint = blocks.TextBlock(
        label=_("easy read hint"), required=False, default="", max_length=500
    )
    picture = ImageChooserBlock(
        label=_("picture"),
        required=False,
        help_text=_("Shown beside the question in the easy read version."),
    )
    ambitions = blocks.ListBlock(
        SnippetChooserBlock("outcomes.Ambition"),
        label=_("ambitions"),
        default=[],
        help_text=_("Answers to this question count as evidence for these ambitions."),
    )
    outcomes = blocks.ListBlock(
        SnippetChooserBlock("outcomes.Outcome"),
        label=_("outcomes"),
        default=[],
        help_text=_("Answers to this question count as evidence for these outcomes."),
    )

    question_type = "short_text"

    class Meta:
        icon = "help"
        form_classname = "struct-block"


class ShortTextBlock(BaseQuestionBlock):
    class Meta:
        label = _("Short text")


class LongTextBlock(BaseQuestionBlock):
    max_length = blocks.IntegerBlock(
        label=_("most characters"), default=2000, min_value=50, max_value=5000
    )
    question_type = "long_text"

    class Meta:
        label = _("Long text")
        icon = "pilcrow"


class SingleChoiceBlock(BaseQuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("options"), min_num=2)
    question_type = "single_choice"

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceBlock(BaseQuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), label=_("options"), min_num=2)
    none_option = blocks.CharBlock(
        label=_("'none of these' option"),
        required=False,
        default="",
        max_length=200,
        help_text=_("An option that cannot be ticked with any other, such as 'None of these'."),
    )
    question_type = "multiple_choice"

    class Meta:
        label = _("Multiple choice")
        icon = "tasks"


class YesNoBlock(BaseQuestionBlock):
    question_type = "yes_no"

    class Meta:
        label = _("Yes or no")
        icon = "tick"


class RatingBlock(BaseQuestionBlock):
    points = blocks.ChoiceBlock(
        choices=[("3", _("3 points")), ("5", _("5 points"))], default="5", label=_("points")
    )
    faces = blocks.BooleanBlock(
        label=_("show faces"),
        required=False,
        help_text=_("Faces are always shown with their words, never on their own."),
    )
    satisfaction_measure = blocks.BooleanBlock(
        label=_("this measures satisfaction"),
        required=False,
        help_text=_(
            "Answers are drawn as the satisfaction trend on the pages of this question's "
            "ambitions. Ask it the same way each time so the trend means something."
        ),
    )
    question_type = "rating"

    class Meta:
        label = _("Rating scale")
        icon = "pick"


class AgreeScaleBlock(BaseQuestionBlock):
    question_type = "agree_scale"

    class Meta:
        label = _("Agree or disagree scale")
        icon = "list-ul"


class NumberBlock(BaseQuestionBlock):
    min_value = blocks.IntegerBlock(label=_("smallest number"), required=False)
    max_value = blocks.IntegerBlock(label=_("largest number"), required=False)
    question_type = "number"

    class Meta:
        label = _("Number")
        icon = "order"


class DateQuestionBlock(BaseQuestionBlock):
    question_type = "date"

    class Meta:
        label = _("Date")
        icon = "date"


class EmailQuestionBlock(BaseQuestionBlock):
    question_type = "email"

    class Meta:
        label = _("Email address")
        icon = "mail"


class RespondentTypeBlock(BaseQuestionBlock):
    """Who is answering: kept on the response as its respondent type."""

    question_type = "respondent_type"

    class Meta:
        label = _("Who is answering")
        icon = "user"


class DistrictBlock(BaseQuestionBlock):
    options = blocks.ListBlock(
        ChoiceOptionBlock(),
        label=_("districts"),
        min_num=1,
        help_text=_("The council's districts or areas, as people know them."),
    )
    question_type = "district"

    class Meta:
        label = _("District")
        icon = "site"


class AgeBandBlock(BaseQuestionBlock):
    question_type = "age_band"

    class Meta:
        label = _("Age band")
        icon = "time"


class ConsentBlock(BaseQuestionBlock):
    question_type = "consent"

    class Meta:
        label = _("Consent")
        icon = "lock"


class QuestionStreamBlock(blocks.StreamBlock):
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    rating = RatingBlock()
    agree_scale = AgreeScaleBlock()
    number = NumberBlock()
    date = DateQuestionBlock()
    email = EmailQuestionBlock()
    respondent_type = RespondentTypeBlock()
    district = DistrictBlock()
    age_band = AgeBandBlock()
    consent = ConsentBlock()

    class Meta:
        min_num = 1


class ConditionBlock(blocks.StructBlock):
    """Skip logic: show the step only if an earlier question was answered a certain way."""

    question_key = KeyBlock(required=False, label=_("earlier question's key"))
    # Not called "value": wagtail-localize reads a child of that name as the block's raw value
    # and fails to extract the page's strings for translation.
    answer = KeyBlock(
        required=False,
        label=_("answer"),
        help_text=_("The answer's value in the results, such as 'yes' or 'parent-carer'."),
    )

    class Meta:
        label = _("Show this step only if")
        collapsed = True


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    easy_read_title = blocks.CharBlock(
        label=_("easy read title"), required=False, default="", max_length=200
    )
    condition = ConditionBlock(required=False)
    questions = QuestionStreamBlock(label=_("questions"))

    def clean(self, value):
        value = super().clean(value)
        condition = value.get("condition") or {}
        if bool(condition.get("question_key")) != bool(condition.get("answer")):
            raise StructBlockValidationError(
                block_errors={
                    "condition": ValidationError(
                        _("Give both the earlier question's key and the answer, or neither.")
                    )
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Step")


class QuestionnaireBlock(blocks.StreamBlock):
    step = StepBlock()

    def clean(self, value):
        value = super().clean(value)
        seen: set[str] = set()
        duplicates: set[str] = set()
        for step in value:
            condition = step.value.get("condition") or {}
            if condition.get("question_key") and condition["question_key"] not in seen:
                raise blocks.StreamBlockValidationError(
                    non_block_errors=[
                        ValidationError(
                            _(
                                "The step '%(step)s' depends on '%(key)s', which is not a "
                                "question in an earlier step."
                            )
                            % {"step": step.value["title"], "key": condition["question_key"]}
                        )
                    ]
                )
            for question in step.value["questions"]:
                key = question.value["key"]
                (duplicates if key in seen else seen).add(key)
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        _("Each question needs its own key. Used more than once: %(keys)s")
                        % {"keys": ", ".join(sorted(duplicates))}
                    )
                ]
            )
        return value

    class Meta:
        block_counts = {"step": {"min_num": 1}}
