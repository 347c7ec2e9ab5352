from .feedback import ProblemKind, ProblemReport, ReminderThreshold, ReviewReminder
from .organisations import Location, Organisation, OrganisationMembership, normalise_postcode
from .pages import LocalOfferPage
from .service_details import CostOption, RegularSchedule, ServiceAtLocation, ServiceContact, Weekday
from .services import (
    LISTED_STATUSES,
    MAX_AGE,
    REVIEW_DUE_MONTHS,
    REVIEW_OVERDUE_MONTHS,
    ReferralRoute,
    Service,
    ServiceStatus,
    months_before,
)
from .taxonomy import TAXONOMY_DESCRIPTIONS, Taxonomy, TaxonomyTerm, taxonomy_id

__all__ = [
    "LISTED_STATUSES",
    "MAX_AGE",
    "REVIEW_DUE_MONTHS",
    "REVIEW_OVERDUE_MONTHS",
    "TAXONOMY_DESCRIPTIONS",
    "CostOption",
    "LocalOfferPage",
    "Location",
    "Organisation",
    "OrganisationMembership",
    "ProblemKind",
    "ProblemReport",
    "ReferralRoute",
    "RegularSchedule",
    "ReminderThreshold",
    "ReviewReminder",
    "Service",
    "ServiceAtLocation",
    "ServiceContact",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
    "Weekday",
    "months_before",
    "normalise_postcode",
    "taxonomy_id",
]
