"""Counting failed staff sign-ins and locking out the guessers.

Two counts, both in the cache (Redis in production, shared by every web process):

- one username from one address: after ADMIN_SIGN_IN_FAILURE_LIMIT failures within the cool-off
  period, that pair is locked for ADMIN_SIGN_IN_COOL_OFF_MINUTES, even with the right password.
  A successful sign-in starts the count again.
- one address across all usernames: a looser limit (ADMIN_SIGN_IN_ADDRESS_FAILURE_LIMIT) for
  credential stuffing. A success does not reset it, or a guesser holding one working account
  could wipe the count between guesses.

A lock is a separate cache entry that lives for the whole cool-off from the failure that set
it, so the wait is always the full cool-off, however the failures were spread out.

Usernames are not stored: keys hold a keyed hash of them (they are often email addresses).
"""

import logging
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from hub.client_address import address_group, client_address
from hub.ratelimit import over_limit_for, reset_limit_for

logger = logging.getLogger(__name__)


def cool_off_seconds() -> int:
    return settings.ADMIN_SIGN_IN_COOL_OFF_MINUTES * 60


def _username_digest(username: str) -> str:
    # Case and Unicode form folded, so "Admin" and "ADMIN" share one count.
    folded = unicodedata.normalize("NFKC", username.strip()).casefold()
    return salted_hmac("hub.sign_in.lockout", folded).hexdigest()[:32]


@dataclass(frozen=True)
class SignInAttempt:
    """One try at signing in: a username from the address the request came from."""

    request: HttpRequest
    username: str

    @property
    def _address(self) -> str:
        return address_group(client_address(self.request))

    @property
    def _pair(self) -> str:
        return f"sign-in:{self._address}:{_username_digest(self.username)}"

    @property
    def _address_only(self) -> str:
        return f"sign-in:{self._address}"

    def is_locked(self) -> bool:
        locks = cache.get_many([f"locked:{self._pair}", f"locked:{self._address_only}"])
        return bool(locks)

    def failed(self) -> None:
        """Counts a failure, and locks the pair or the address if it reached its limit."""
        window = cool_off_seconds()
        # over_limit_for says whether the count went over `limit`; one below the limit makes it
        # true from the limit-th failure itself.
        for name, limit, scope in (
            (self._pair, settings.ADMIN_SIGN_IN_FAILURE_LIMIT, "username and address"),
            (self._address_only, settings.ADMIN_SIGN_IN_ADDRESS_FAILURE_LIMIT, "address"),
        ):
            if over_limit_for(name, limit - 1, window):
                cache.set(f"locked:{name}", True, window)
                # No username or address in the log: the lock itself is what staff need to see.
                logger.warning(
                    "Staff sign-in locked for %s minutes after %s failed attempts (per %s)",
                    settings.ADMIN_SIGN_IN_COOL_OFF_MINUTES,
                    limit,
                    scope,
                )

    def succeeded(self) -> None:
        reset_limit_for(self._pair)


def password_reset_over_limit(request: HttpRequest, email: str) -> bool:
    """Counts one password reset request and says whether it is over either hourly limit."""
    hour = 60 * 60
    address = address_group(client_address(request))
    by_address = over_limit_for(
        f"password-reset:{address}", settings.ADMIN_PASSWORD_RESETS_PER_ADDRESS, hour
    )
    by_email = over_limit_for(
        f"password-reset:{_username_digest(email)}", settings.ADMIN_PASSWORD_RESETS_PER_EMAIL, hour
    )
    return by_address or by_email
