"""A step's skip-logic condition names its expected answer "answer", not "value".

wagtail-localize reads a struct child called "value" as the block's raw value and cannot extract
the page's strings for translation, so no questionnaire with a step condition could be translated.
Existing questionnaires and their revisions are rewritten; nothing else changes.

The page's column is JSON and holds the list of steps itself, so the list is written back as it is
(a string would be stored as a JSON string). A revision's content keeps the field as a JSON string,
as Wagtail writes it there.
"""

import json

import wagtail.fields
from django.db import migrations


def _rename(steps, old: str, new: str) -> bool:
    changed = False
    for step in steps or []:
        condition = (step.get("value") or {}).get("condition") if isinstance(step, dict) else None
        if isinstance(condition, dict) and old in condition and new not in condition:
            condition[new] = condition.pop(old)
            changed = True
    return changed


def _raw(value):
    if isinstance(value, str):
        return json.loads(value)
    return getattr(value, "raw_data", value)


def rename_condition_answer(apps, schema_editor, old="value", new="answer"):
    ConsultationPage = apps.get_model("consultations", "ConsultationPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for page in ConsultationPage.objects.all():
        steps = list(_raw(page.questionnaire))
        if _rename(steps, old, new):
            ConsultationPage.objects.filter(pk=page.pk).update(questionnaire=steps)

    content_type = ContentType.objects.filter(
        app_label="consultations", model="consultationpage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        steps = _raw(content.get("questionnaire") or "[]")
        if _rename(steps, old, new):
            content["questionnaire"] = json.dumps(steps)
            Revision.objects.filter(pk=revision.pk).update(content=content)


def rename_condition_value(apps, schema_editor):
    rename_condition_answer(apps, schema_editor, old="answer", new="value")


class Migration(migrations.Migration):

    dependencies = [
        ('consultations', '0005_alter_consultationpage_questionnaire'),
    ]

    operations = [
        migrations.RunPython(rename_condition_answer, rename_condition_value),
        migrations.AlterField(
            model_name='consultationpage',
            name='questionnaire',
            field=wagtail.fields.StreamField([('step', 37)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 200}), 1: ('wagtail.blocks.CharBlock', (), {'default': '', 'label': 'easy read title', 'max_length': 200, 'required': False}), 2: ('consultations.blocks.KeyBlock', (), {'label': "earlier question's key", 'required': False}), 3: ('consultations.blocks.KeyBlock', (), {'help_text': "The answer's value in the results, such as 'yes' or 'parent-carer'.", 'label': 'answer', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('question_key', 2), ('answer', 3)]], {'required': False}), 5: ('consultations.blocks.KeyBlock', (), {'help_text': "A short name for this question in the results, such as 'agree-ambition-1'. Lower-case letters, numbers and hyphens. It cannot be changed once people have answered.", 'label': 'key'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'question', 'max_length': 300}), 7: ('wagtail.blocks.TextBlock', (), {'default': '', 'label': 'hint', 'max_length': 500, 'required': False}), 8: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'an answer is required', 'required': False}), 9: ('wagtail.blocks.CharBlock', (), {'default': '', 'help_text': 'Short everyday words. Used in the easy read version.', 'label': 'easy read question', 'max_length': 300, 'required': False}), 10: ('wagtail.blocks.TextBlock', (), {'default': '', 'label': 'easy read hint', 'max_length': 500, 'required': False}), 11: ('wagtail.images.blocks.ImageChooserBlock', (), {'help_text': 'Shown beside the question in the easy read version.', 'label': 'picture', 'required': False}), 12: ('wagtail.snippets.blocks.SnippetChooserBlock', ('outcomes.Ambition',), {}), 13: ('wagtail.blocks.ListBlock', (12,), {'default': [], 'help_text': 'Answers to this question count as evidence for these ambitions.', 'label': 'ambitions'}), 14: ('wagtail.snippets.blocks.SnippetChooserBlock', ('outcomes.Outcome',), {}), 15: ('wagtail.blocks.ListBlock', (14,), {'default': [], 'help_text': 'Answers to this question count as evidence for these outcomes.', 'label': 'outcomes'}), 16: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15)]], {}), 17: ('wagtail.blocks.IntegerBlock', (), {'default': 2000, 'label': 'most characters', 'max_value': 5000, 'min_value': 50}), 18: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('max_length', 17)]], {}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'option', 'max_length': 200}), 20: ('wagtail.blocks.CharBlock', (), {'default': '', 'label': 'easy read option', 'max_length': 200, 'required': False}), 21: ('consultations.blocks.KeyBlock', (), {'help_text': "Left blank, it is made from the option's words when you save.", 'label': 'value in the results', 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('label', 19), ('easy_read_label', 20), ('value', 21)]], {}), 23: ('wagtail.blocks.ListBlock', (22,), {'label': 'options', 'min_num': 2}), 24: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('options', 23)]], {}), 25: ('wagtail.blocks.CharBlock', (), {'default': '', 'help_text': "An option that cannot be ticked with any other, such as 'None of these'.", 'label': "'none of these' option", 'max_length': 200, 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('options', 23), ('none_option', 25)]], {}), 27: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('3', '3 points'), ('5', '5 points')], 'label': 'points'}), 28: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Faces are always shown with their words, never on their own.', 'label': 'show faces', 'required': False}), 29: ('wagtail.blocks.BooleanBlock', (), {'help_text': "Answers are drawn as the satisfaction trend on the pages of this question's ambitions. Ask it the same way each time so the trend means something.", 'label': 'this measures satisfaction', 'required': False}), 30: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('points', 27), ('faces', 28), ('satisfaction_measure', 29)]], {}), 31: ('wagtail.blocks.IntegerBlock', (), {'label': 'smallest number', 'required': False}), 32: ('wagtail.blocks.IntegerBlock', (), {'label': 'largest number', 'required': False}), 33: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('min_value', 31), ('max_value', 32)]], {}), 34: ('wagtail.blocks.ListBlock', (22,), {'help_text': "The council's districts or areas, as people know them.", 'label': 'districts', 'min_num': 1}), 35: ('wagtail.blocks.StructBlock', [[('key', 5), ('label', 6), ('hint', 7), ('required', 8), ('easy_read_label', 9), ('easy_read_hint', 10), ('picture', 11), ('ambitions', 13), ('outcomes', 15), ('options', 34)]], {}), 36: ('wagtail.blocks.StreamBlock', [[('short_text', 16), ('long_text', 18), ('single_choice', 24), ('multiple_choice', 26), ('yes_no', 16), ('rating', 30), ('agree_scale', 16), ('number', 33), ('date', 16), ('email', 16), ('respondent_type', 16), ('district', 35), ('age_band', 16), ('consent', 16)]], {'label': 'questions'}), 37: ('wagtail.blocks.StructBlock', [[('title', 0), ('easy_read_title', 1), ('condition', 4), ('questions', 36)]], {})}, verbose_name='questionnaire'),
        ),
    ]
