"""Staff sign-in to the CMS: the lockout after repeated failed sign-ins, the limit on password
reset emails, and optional two-factor authentication (decision 0013)."""
