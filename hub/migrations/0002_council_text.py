# The council's name, service name and opening hours move from CouncilSettings (one row per site,
# which wagtail-localize cannot translate) into the translatable CouncilText snippet. Each
# site's words are copied into a CouncilText in the default language before the old columns go.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("council_name", "service_name", "opening_hours")


def copy_into_council_text(apps, schema_editor):
    CouncilSettings = apps.get_model("hub", "CouncilSettings")
    CouncilText = apps.get_model("hub", "CouncilText")
    Locale = apps.get_model("wagtailcore", "Locale")
    rows = CouncilSettings.objects.all()
    if not rows.exists():
        return
    locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    for row in rows:
        row.text = CouncilText.objects.create(
            locale=locale, **{name: getattr(row, name) for name in MOVED}
        )
        row.save(update_fields=["text"])


def copy_back(apps, schema_editor):
    CouncilSettings = apps.get_model("hub", "CouncilSettings")
    for row in CouncilSettings.objects.exclude(text=None).select_related("text"):
        for name in MOVED:
            setattr(row, name, getattr(row.text, name))
        row.save(update_fields=list(MOVED))


class Migration(migrations.Migration):

    dependencies = [
        ('hub', '0001_initial'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='CouncilText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('council_name', models.CharField(default='Your council', max_length=100, verbose_name='council name')),
                ('service_name', models.CharField(default='SEND Information Hub', help_text='Shown in the header next to the logo and in browser tab titles.', max_length=100, verbose_name='service name')),
                ('opening_hours', models.CharField(blank=True, max_length=120, verbose_name='opening hours')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'council text',
                'verbose_name_plural': 'council text',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.AddField(
            model_name='councilsettings',
            name='text',
            field=models.ForeignKey(blank=True, help_text="The council's name, the service name and opening hours, in the site's default language. Translate them from Settings › Council text.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='hub.counciltext', verbose_name='council text'),
        ),
        migrations.RunPython(copy_into_council_text, copy_back),
        migrations.RemoveField(model_name='councilsettings', name='council_name'),
        migrations.RemoveField(model_name='councilsettings', name='opening_hours'),
        migrations.RemoveField(model_name='councilsettings', name='service_name'),
    ]
