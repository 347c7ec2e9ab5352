"""The visitor's address, as the rate limits and the staff sign-in lockout see it.

Behind a PaaS router every request arrives from the router, so REMOTE_ADDR names the router,
not the visitor: counting by it would put every visitor in one bucket. The router appends the
address it saw to X-Forwarded-For. Anything to the left of that was written by the visitor
and can be forged, so we count exactly TRUSTED_PROXY_COUNT entries from the right and never
look further left. With no trusted proxies (the default outside production) the header is
ignored altogether.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address of whoever connected to our outermost trusted proxy (or to us)."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxies:
        # The request did not pass through every proxy we expect (or a proxy did not add its
        # entry): the header cannot be trusted, but the connection itself can.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def address_group(address: str) -> str:
    """The unit a limit counts: one IPv4 address, or one IPv6 /64 network.

    An IPv6 home or office connection is normally given a whole /64, so a single attacker can
    change address within it at will; counting the network stops that.
    """
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is the IPv4 address
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
