"""Secret links from Python: issued, verified, revoked — and garbage refused, never crashed."""

import datetime as dt

import pytest

import hospes

NOW = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
CAMPING = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
           "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}


@pytest.fixture(scope="module")
def keyring():
    return {"active_key": hospes.generate_link_key()}


def portal_link(keyring, version=0):
    request = {"purpose": "portal", "client_id": "C-1042",
               "state": {"kind": "link_version", "link_version": version},
               "expires_at": NOW + dt.timedelta(days=30)}
    return hospes.issue_link(keyring, CAMPING, request, NOW)


def test_a_portal_link_round_trips_with_python_dates(keyring):
    link = portal_link(keyring)
    assert link["url"].startswith("https://portail.camping-des-pins.fr/?t=v4.local.")
    assert hospes.inspect_link(link["token"]) == {"client_id": "C-1042", "purpose": "portal", "subject": None}
    claims = hospes.verify_link(keyring, CAMPING, link["token"], "portal", {"kind": "link_version", "link_version": 0}, NOW)
    assert claims["expires_at"] == NOW + dt.timedelta(days=30)
    assert claims["token_id"] == link["token_id"]


def test_bumping_the_link_version_revokes_the_link(keyring):
    link = portal_link(keyring)
    with pytest.raises(hospes.LinkError) as caught:
        hospes.verify_link(keyring, CAMPING, link["token"], "portal", {"kind": "link_version", "link_version": 1}, NOW)
    assert caught.value.code == "link.invalid"


def test_an_expired_link_says_so_in_the_guests_language(keyring):
    link = portal_link(keyring)
    with pytest.raises(hospes.LinkError) as caught:
        hospes.verify_link(keyring, CAMPING, link["token"], "portal", {"kind": "link_version", "link_version": 0},
                           NOW + dt.timedelta(days=31))
    assert caught.value.code == "link.expired"
    assert caught.value.message_in("es").startswith("Este enlace caducó")


@pytest.mark.parametrize("mangle", [
    lambda t: t[:30] + "\u200b" + t[30:],       # zero-width space
    lambda t: t.replace("v4", "ｖ4", 1),          # full-width letter
    lambda t: t[:30] + "\udcff" + t[30:],         # lone surrogate: not valid UTF-8
    lambda t: t + "=",                            # padding
    lambda t: t * 10_000,                         # megabytes
    lambda t: "",
])
def test_odd_tokens_are_refused_with_an_ordinary_error(keyring, mangle):
    token = mangle(portal_link(keyring)["token"])
    with pytest.raises(hospes.HospesError) as caught:
        hospes.verify_link(keyring, CAMPING, token, "portal", {"kind": "link_version", "link_version": 0}, NOW)
    assert caught.value.code in {"link.invalid", "input.invalid", "input.too_large"}


def test_a_bad_key_is_refused_without_being_echoed():
    secret = "k4.local.c2VjcmV0LXRoYXQtaXMtdG9vLXNob3J0"
    with pytest.raises(hospes.LinkError) as caught:
        hospes.generate_link_key() and hospes.issue_link({"active_key": secret}, CAMPING, {
            "purpose": "portal", "client_id": "C-1", "state": {"kind": "link_version", "link_version": 0},
            "expires_at": NOW + dt.timedelta(days=1)}, NOW)
    assert caught.value.code == "link.key_invalid"
    assert "c2VjcmV0" not in str(caught.value) and all("c2VjcmV0" not in m for m in caught.value.messages.values())


def test_a_keyring_object_issues_links_that_verify_link_accepts_and_back(keyring):
    ring = hospes.Keyring(keyring)
    state = {"kind": "link_version", "link_version": 0}
    request = {"purpose": "portal", "client_id": "C-1042", "state": state, "expires_at": NOW + dt.timedelta(days=30)}
    link = ring.issue(CAMPING, request, NOW)
    assert hospes.verify_link(keyring, CAMPING, link["token"], "portal", state, NOW)["token_id"] == link["token_id"]
    claims = ring.verify(CAMPING, portal_link(keyring)["token"], "portal", state, NOW)
    assert claims["client_id"] == "C-1042" and claims["issued_at"] == NOW


def test_a_keyring_object_never_shows_its_keys(keyring):
    ring = hospes.Keyring(keyring)
    assert keyring["active_key"] not in repr(ring)
    assert repr(ring) == f"Keyring(active_key_id={ring.active_key_id!r})"
    with pytest.raises(hospes.LinkError) as caught:
        hospes.Keyring({"active_key": "k4.local.c2VjcmV0"})
    assert caught.value.code == "link.key_invalid" and "c2VjcmV0" not in str(caught.value)


def test_a_keyring_config_that_cannot_be_encoded_names_the_bad_value():
    with pytest.raises(hospes.InputError) as caught:
        hospes.Keyring({"active_key": object()})
    assert caught.value.code == "input.invalid"


def dark_modules(svg):
    """The dark modules an SVG of ``link_qr_svg`` paints: each ``M{x} {y}h{w}v1h-{w}z`` a run."""
    path = svg.split('<path d="', 1)[1].split('"', 1)[0]
    painted = set()
    for run in filter(None, path.split("z")):
        x, rest = run[1:].split(" ", 1)
        y, rest = rest.split("h", 1)
        width = int(rest.split("v1h-", 1)[0])
        painted.update((int(x) + i, int(y)) for i in range(width))
    return painted


def test_the_qr_code_of_a_space_link_is_a_compact_svg(keyring):
    url = hospes.issue_link(keyring, CAMPING, {"purpose": "portal", "client_id": "C-1042", "permanent": True,
                                               "state": {"kind": "link_version", "link_version": 0}}, NOW)["url"]
    svg = hospes.link_qr_svg(url)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    assert 'shape-rendering="crispEdges"' in svg and svg.count("<path") == 1 and svg.endswith('"/></svg>')
    assert svg == hospes.link_qr_svg(url)
    size = int(svg.split('viewBox="0 0 ', 1)[1].split(" ", 1)[0])
    painted = dark_modules(svg)
    # The quiet zone, four modules on each side, stays light; the three finders are dark.
    assert all(4 <= x < size - 4 and 4 <= y < size - 4 for x, y in painted)
    assert {(4, 4), (size - 5, 4), (4, size - 5)} <= painted


@pytest.mark.parametrize("text, code", [
    ("", "link.qr_invalid"),
    ("https://x.fr/\nhttps://evil.example/", "link.qr_invalid"),
    ("https://x.fr/?t=" + "a" * 2400, "link.qr_too_long"),
    ("https://x.fr/\x1b[2J", "input.invalid"),
])
def test_a_text_no_qr_code_holds_is_refused(text, code):
    with pytest.raises(hospes.HospesError) as caught:
        hospes.link_qr_svg(text)
    assert caught.value.code == code
    if code == "link.qr_too_long":
        assert isinstance(caught.value, hospes.LinkError)
        assert "2416" in str(caught.value) and "2331" in str(caught.value)


def test_an_invoice_prints_the_space_link_only_when_given():
    import json
    from pathlib import Path

    invoice = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/invoice.json").read_text("utf-8"))
    url = "https://portail.camping-des-pins.fr/?t=v4.local.abc"
    with_link = hospes.invoice_pdf(invoice, space_link=url)
    assert with_link == hospes.invoice_pdf(invoice, space_link=url)
    assert with_link != hospes.invoice_pdf(invoice) == hospes.invoice_pdf(invoice, space_link=None)
    with pytest.raises(hospes.LinkError) as caught:
        hospes.invoice_pdf(invoice, space_link="http://portail.camping-des-pins.fr/?t=secret")
    assert caught.value.code == "link.qr_invalid" and "secret" not in str(caught.value)
