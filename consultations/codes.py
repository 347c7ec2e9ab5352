"""Return codes and reference numbers: short, easy to read aloud, hard to guess.

The alphabet leaves out letters and digits that are easily confused (0/O, 1/I/L, 5/S, 2/Z, 8/B,
U/V), so a code can be read over the phone or copied from paper.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "ACDEFGHJKMNPQRTWXY34679"
GROUPS, GROUP_SIZE = 3, 4


def new_code() -> str:
    """A return code such as 'ACDE 3479 FGHJ' (12 characters, about 54 bits)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return format_code(raw)


def format_code(raw: str) -> str:
    return " ".join(raw[i : i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def normalise_code(typed: str) -> str:
    """What someone typed, without spaces or dashes, in capitals; common mix-ups mapped back."""
    mapped = typed.upper().translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "".join(ch for ch in mapped if ch.isalnum())


def hash_code(code: str) -> str:
    """Codes are stored hashed (keyed with the secret key), never as typed."""
    normalised = normalise_code(code)
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def new_reference() -> str:
    """A response reference such as 'KC-7HQ4-N3XA'."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"R-{raw[:4]}-{raw[4:]}"
