"""Fixed answer sets for question types whose options are not written by editors.

Values are stable codes stored with the answers; the labels are translated with gettext.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RespondentType(models.TextChoices):
    YOUNG_PERSON = "young-person", _("A young person")
    YOUNG_PERSON_HELPED = "young-person-helped", _("A young person with someone helping")
    PARENT_CARER = "parent-carer", _("A parent or carer")
    PROFESSIONAL = "professional", _("A professional")


EASY_READ_RESPONDENT_LABELS = {
    RespondentType.YOUNG_PERSON: _("Me, a young person"),
    RespondentType.YOUNG_PERSON_HELPED: _("Me, with someone helping me"),
    RespondentType.PARENT_CARER: _("A parent or carer"),
    RespondentType.PROFESSIONAL: _("Someone who works with children"),
}

YES_NO = [("yes", _("Yes")), ("no", _("No"))]

AGREE_SCALE = [
    ("5", _("Strongly agree")),
    ("4", _("Agree")),
    ("3", _("Neither agree nor disagree")),
    ("2", _("Disagree")),
    ("1", _("Strongly disagree")),
]

RATING_5 = [
    ("5", _("Very happy")),
    ("4", _("Happy")),
    ("3", _("Not sure")),
    ("2", _("Unhappy")),
    ("1", _("Very unhappy")),
]
RATING_3 = [("3", _("Happy")), ("2", _("Not sure")), ("1", _("Unhappy"))]

# Faces drawn beside each rating label; decorative (aria-hidden), the words carry the meaning.
FACES = {"5": "😁", "4": "🙂", "3": "😐", "2": "🙁", "1": "😢"}
FACES_3 = {"3": "🙂", "2": "😐", "1": "🙁"}

AGE_BANDS = [
    ("0-4", _("0 to 4")),
    ("5-10", _("5 to 10")),
    ("11-15", _("11 to 15")),
    ("16-18", _("16 to 18")),
    ("19-25", _("19 to 25")),
    ("over-25", _("Over 25")),
    ("prefer-not-to-say", _("Prefer not to say")),
]

CONSENT_VALUE = "agreed"
