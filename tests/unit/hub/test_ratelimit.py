"""hub.ratelimit: visitors' limits count an IPv4 address, or an IPv6 /64 network."""

from django.test import RequestFactory

from hub.ratelimit import over_limit


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_addresses_in_one_ipv6_network_share_a_limit():
    # A script moving around its /64 is still one visitor.
    assert not over_limit(request_from("2001:db8:1:2::1"), "test", 2, 60)
    assert not over_limit(request_from("2001:db8:1:2::2"), "test", 2, 60)
    assert over_limit(request_from("2001:db8:1:2:ffff::3"), "test", 2, 60)
    # Another network has its own count.
    assert not over_limit(request_from("2001:db8:1:3::1"), "test", 2, 60)


def test_ipv4_addresses_each_have_their_own_limit():
    assert not over_limit(request_from("192.0.2.1"), "test", 1, 60)
    assert not over_limit(request_from("192.0.2.2"), "test", 1, 60)
    assert over_limit(request_from("192.0.2.1"), "test", 1, 60)
