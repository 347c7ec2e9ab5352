from .pages import SchoolFinderPage
from .schools import CommunityOfSchools, LinkCheck, LinkStatus, School

__all__ = ["CommunityOfSchools", "LinkCheck", "LinkStatus", "School", "SchoolFinderPage"]
