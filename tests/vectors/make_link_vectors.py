"""Writes tests/vectors/link.json: golden link tokens and what every binding must say of them.

Tokens are random (a fresh nonce each time), so they are issued once with the published PASETO
test key below and frozen in the file; every suite then verifies the same bytes. A run keeps the
tokens link.json already has (a vector added issues only its own token, and tokens issued before
a change keep proving that they still verify); pass `--reissue` to issue them all again, only when
the token format changes on purpose (it is versioned: `hospes/v1` in the implicit assertion):

    PYTHONPATH=bindings-python/python python tests/vectors/make_link_vectors.py [--reissue]
"""

import base64
import json
import sys
from pathlib import Path

from vectorgen import Recorder, call

OUT = Path(__file__).with_name("link.json")


def paserk(raw: bytes) -> str:
    return "k4.local." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


KEY = paserk(bytes.fromhex("707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f"))
OLD = paserk(bytes(range(32)))
OTHER = paserk(bytes(range(100, 132)))
EST = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
       "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
RING = {"active_key": KEY}
NOW = "2026-06-01T10:00:00Z"



def version(n):
    return {"kind": "link_version", "link_version": n}


def quote_state(status):
    return {"kind": "document", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "status": status}


PORTAL = {"purpose": "portal", "client_id": "C-1042", "state": version(3), "expires_at": "2026-07-01T10:00:00Z"}
QUOTE = {"purpose": "quote", "client_id": "C-1042", "subject": "Q-2026-0312", "state": quote_state("sent"),
         "expires_at": "2026-06-15T10:00:00Z"}


# The client's permanent space link (« Mon espace client »): no expiry, portal only.
PERMANENT = {"purpose": "portal", "client_id": "C-1042", "state": version(3), "permanent": True}
YEARS_LATER = "2036-06-01T10:00:00Z"


def amount_due(amount):
    return {"kind": "amount_due", "invoice_number": "FA26070012", "amount_due": {"amount": amount, "currency": "EUR"}}


# Issued with the amount written as a host's database may give it back: 417.920.
BALANCE = {"purpose": "balance_payment", "client_id": "C-1042", "subject": "FA26070012",
           "state": amount_due("417.920"), "expires_at": "2026-07-01T10:00:00Z"}
FROZEN = ({v["name"]: v["input"]["token"] for v in json.loads(OUT.read_text(encoding="utf-8"))["vectors"]
           if "token" in v["input"]}
          if OUT.exists() and "--reissue" not in sys.argv else {})


def issue(request, keyring=RING):
    return call("link.issue", {"keyring": keyring, "establishment": EST, "request": request, "now": NOW})["ok"]["token"]


def token(name, request, keyring=RING):
    """The token vector `name` verifies first: as link.json has it, else issued now."""
    return FROZEN.get(name) or issue(request, keyring)


def main():
    portal = token("a portal link opens its client's space", PORTAL)
    quote = token("a quote link opens its quote while it is unsigned", QUOTE)
    old = token("a link made with a key still in rotation is accepted", PORTAL, {"active_key": OLD})
    payment = token("a payment link issued for 417.920 € opens for the 417.92 € its balance says", BALANCE)
    forever = token("a permanent space link opens its client's space years later", PERMANENT)
    forever_old = token("a permanent space link made with a key still in rotation opens years later", PERMANENT,
                        {"active_key": OLD})
    i = len("v4.local.") + 40
    tampered = portal[:i] + ("A" if portal[i] != "A" else "B") + portal[i + 1:]
    recorder = Recorder()
    vec = recorder.vec

    def verify(token, purpose, state, at=NOW, keyring=RING, establishment=EST):
        return {"keyring": keyring, "establishment": establishment, "token": token, "purpose": purpose,
                "state": state, "now": at}

    vec("a portal link opens its client's space", "link.verify", verify(portal, "portal", version(3)))
    vec("a portal link still works one second before it expires", "link.verify",
        verify(portal, "portal", version(3), "2026-07-01T09:59:59Z"))
    vec("a portal link is expired at its expiry instant", "link.verify",
        verify(portal, "portal", version(3), "2026-07-01T10:00:00Z"), error="link.expired")
    vec("bumping the client's link version revokes the link", "link.verify",
        verify(portal, "portal", version(4)), error="link.invalid")
    vec("a portal link does not open a booking edit", "link.verify",
        verify(portal, "booking_edit", version(3)), error="link.invalid")
    vec("a link of one establishment does not open another's portal", "link.verify",
        verify(portal, "portal", version(3), establishment={**EST, "id": "camping-des-dunes"}), error="link.invalid")
    vec("one changed character makes a link invalid", "link.verify",
        verify(tampered, "portal", version(3)), error="link.invalid")
    vec("a link made with a key still in rotation is accepted", "link.verify",
        verify(old, "portal", version(3), keyring={"active_key": KEY, "verify_only_keys": [OLD]}))
    vec("a link made with a removed key is refused", "link.verify", verify(old, "portal", version(3)), error="link.invalid")
    vec("a link is refused under a ring that never had its key", "link.verify",
        verify(portal, "portal", version(3), keyring={"active_key": OTHER}), error="link.invalid")
    vec("a quote link opens its quote while it is unsigned", "link.verify", verify(quote, "quote", quote_state("sent")))
    vec("a quote link dies once the quote is signed", "link.verify",
        verify(quote, "quote", quote_state("signed")), error="link.invalid")
    # A link whose record the host no longer has (friction 5): no state, the answer of a forgery.
    vec("a quote link whose quote the host no longer has is refused as invalid", "link.verify",
        verify(quote, "quote", None), error="link.invalid")
    vec("a portal link whose client the host no longer has is refused as invalid", "link.verify",
        verify(portal, "portal", None), error="link.invalid")
    vec("an expired quote link whose quote is gone is invalid, as nothing proves it genuine", "link.verify",
        verify(quote, "quote", None, "2026-06-20T10:00:00Z"), error="link.invalid")
    vec("an expired quote link is expired while its quote is still there", "link.verify",
        verify(quote, "quote", quote_state("sent"), "2026-06-20T10:00:00Z"), error="link.expired")
    vec("a payment link issued for 417.920 € opens for the 417.92 € its balance says", "link.verify",
        verify(payment, "balance_payment", amount_due("417.92")))
    vec("a payment link opens for its amount due however many zeros follow it", "link.verify",
        verify(payment, "balance_payment", amount_due("417.9200")))
    vec("a payment link dies when the amount due moves by a cent", "link.verify",
        verify(payment, "balance_payment", amount_due("417.93")), error="link.invalid")
    vec("a quote link opens with its hash in capitals and its status written another way", "link.verify",
        verify(quote, "quote", {**quote_state(" Sent "), "sha256": quote_state("sent")["sha256"].upper()}))
    vec("a document state whose hash is not a SHA-256 is the host's mistake", "link.verify",
        verify(quote, "quote", {**quote_state("sent"), "sha256": "9f86d081"}), error="link.request_invalid")
    vec("a padded token is not canonical", "link.verify", verify(portal + "=", "portal", version(3)), error="link.invalid")
    vec("a truncated token is refused", "link.verify", verify(portal[:60], "portal", version(3)), error="link.invalid")
    vec("a zero-width space inside a token is refused", "link.verify",
        verify(portal[:20] + "\u200b" + portal[20:], "portal", version(3)), error="link.invalid")
    vec("a malformed key is refused without echoing it", "link.verify",
        verify(portal, "portal", version(3), keyring={"active_key": "k4.local.c2hvcnQ"}), error="link.key_invalid")
    vec("inspecting a link names the records to load", "link.inspect", {"token": quote})
    vec("inspecting garbage is refused", "link.inspect", {"token": "v4.local.not-a-token"}, error="link.invalid")
    vec("a deposit payment link points at the payment page", "link.url",
        {"establishment": EST, "purpose": "deposit_payment", "token": portal})
    vec("a link URL refuses what is not a token rather than paste it in", "link.url",
        {"establishment": EST, "purpose": "portal", "token": "v4.local.x&admin=1#"}, error="link.invalid")
    vec("a link URL needs an https portal", "link.url",
        {"establishment": {**EST, "portal_base_url": "javascript:alert(1)//"}, "purpose": "portal", "token": portal},
        error="establishment.url_invalid")
    vec("a quote link needs the quote it opens", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW, "request": {**QUOTE, "subject": None}}, error="link.request_invalid")
    vec("a link cannot expire before it is issued", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW, "request": {**PORTAL, "expires_at": "2026-06-01T09:59:59Z"}},
        error="link.request_invalid")
    vec("a portal link cannot be bound to a document's state", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW, "request": {**PORTAL, "state": quote_state("sent")}},
        error="link.request_invalid")
    vec("a permanent space link opens its client's space years later", "link.verify",
        verify(forever, "portal", version(3), YEARS_LATER))
    vec("a permanent space link dies when the client's links are revoked", "link.verify",
        verify(forever, "portal", version(4), YEARS_LATER), error="link.invalid")
    vec("a permanent space link made with a key still in rotation opens years later", "link.verify",
        verify(forever_old, "portal", version(3), YEARS_LATER, keyring={"active_key": KEY, "verify_only_keys": [OLD]}))
    vec("a permanent space link dies when its key is retired", "link.verify",
        verify(forever_old, "portal", version(3), YEARS_LATER), error="link.invalid")
    vec("a permanent space link never opens a document", "link.verify",
        verify(forever, "quote", quote_state("sent")), error="link.invalid")
    vec("only a portal link may be permanent", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW,
         "request": {**{k: v for k, v in QUOTE.items() if k != "expires_at"}, "permanent": True}},
        error="link.request_invalid")
    vec("a permanent space link has no expiry date", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW, "request": {**PERMANENT, "expires_at": "2026-07-01T10:00:00Z"}},
        error="link.request_invalid")
    vec("a link without an expiry date must be a permanent space link", "link.issue",
        {"keyring": RING, "establishment": EST, "now": NOW, "request": {**PERMANENT, "permanent": False}},
        error="link.request_invalid")
    vec("a new link key is a k4.local PASERK", "link.generate_key", {}, expect_prefix="k4.local.")
    # The QR code of a link (issue 20 §4): level M, byte mode, the smallest version; one SVG path.
    vec("the QR code of the portal's address is one SVG path of its dark modules", "link.qr_svg",
        {"text": "https://portail.camping-des-pins.fr/"})
    vec("a QR code carries accented letters as their UTF-8 bytes", "link.qr_svg",
        {"text": "https://portail.camping-des-pins.fr/?nom=Zoë%20Ñúñez&prix=12€"})
    vec("the QR code of the permanent space link", "link.qr_svg",
        {"text": "https://portail.camping-des-pins.fr/?t=" + forever},
        expect_prefix='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 85 85" shape-rendering="crispEdges">')
    vec("an empty text has no QR code", "link.qr_svg", {"text": ""}, error="link.qr_invalid")
    vec("a line break in the text of a QR code is refused", "link.qr_svg",
        {"text": "https://portail.camping-des-pins.fr/\nhttps://evil.example/"}, error="link.qr_invalid")
    vec("a text longer than a QR code holds is refused", "link.qr_svg", {"text": "a" * 2332}, error="link.qr_too_long")
    recorder.write(OUT)


if __name__ == "__main__":
    main()
