"""Link tokens from Python: hospes against pyseto and itsdangerous, same claims.

pyseto is the same primitive as hospes's links: PASETO v4.local (XChaCha20 and BLAKE2b-MAC), here
with the same claims, a footer naming the key, the client, the purpose and the subject, and the
same implicit assertion binding the establishment and the document's state; decoding parses and
checks the claims (the expiry). itsdangerous only signs (HMAC, the claims readable by anyone), kept
beside them as the lightest thing a host might use instead. Goal: hospes's Keyring.verify at
least 8× faster than pyseto's decode (≤ 7 µs).

Run by `make bench` against a release build (pyseto and itsdangerous from requirements-bench.txt).
"""

import datetime as dt
import json
import secrets
import timeit

import pyseto
from itsdangerous import URLSafeTimedSerializer
from pyseto import Key

import hospes

NOW = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
CAMPING = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
           "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
KEYRING = {"active_key": hospes.generate_link_key()}
STATE = {"kind": "document", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "status": "sent"}
REQUEST = {"purpose": "quote", "client_id": "C-1042", "subject": "Q-2026-0312", "state": STATE,
           "expires_at": NOW + dt.timedelta(days=14)}
TOKEN = hospes.issue_link(KEYRING, CAMPING, REQUEST, NOW)["token"]
RING = hospes.Keyring(KEYRING)

# pyseto: the same claims, footer and implicit assertion as a hospes link. Its decode checks the
# expiry against the wall clock: the claims expire in 2099.
PASETO_KEY = Key.new(version=4, purpose="local", key=secrets.token_bytes(32))
PASETO_CLAIMS = {"iat": "2026-06-01T10:00:00+00:00", "exp": "2099-06-15T10:00:00+00:00",
                 "jti": "5d8e435ae1637f7747d88b5379e97f4e"}
PASETO_FOOTER = {"kid": RING.active_key_id, "cid": "C-1042", "pur": "quote", "sub": "Q-2026-0312"}
ASSERTION = json.dumps(["hospes-link-v1", "quote", CAMPING["id"], "C-1042", "Q-2026-0312", STATE],
                       separators=(",", ":")).encode()
PASETO_TOKEN = pyseto.encode(PASETO_KEY, PASETO_CLAIMS, PASETO_FOOTER, implicit_assertion=ASSERTION)


def paseto_decode():
    claims = pyseto.decode(PASETO_KEY, PASETO_TOKEN, implicit_assertion=ASSERTION, deserializer=json)
    assert claims.footer["cid"] == "C-1042"
    return claims


SERIALIZER = URLSafeTimedSerializer("a secret key of the same strength as the link key", salt="quote")
CLAIMS = {"cid": "C-1042", "pur": "quote", "sub": "Q-2026-0312", "jti": "5d8e435ae1637f7747d88b5379e97f4e"}
SIGNED = SERIALIZER.dumps(CLAIMS)

CASES = {
    "hospes issue_link": lambda: hospes.issue_link(KEYRING, CAMPING, REQUEST, NOW),
    "hospes verify_link": lambda: hospes.verify_link(KEYRING, CAMPING, TOKEN, "quote", STATE, NOW),
    "hospes Keyring.issue": lambda: RING.issue(CAMPING, REQUEST, NOW),
    "hospes Keyring.verify": lambda: RING.verify(CAMPING, TOKEN, "quote", STATE, NOW),
    "pyseto encode": lambda: pyseto.encode(PASETO_KEY, PASETO_CLAIMS, PASETO_FOOTER, implicit_assertion=ASSERTION),
    "pyseto decode": paseto_decode,
    "itsdangerous dumps": lambda: SERIALIZER.dumps(CLAIMS),
    "itsdangerous loads": lambda: SERIALIZER.loads(SIGNED, max_age=14 * 86400),
}


def best(call, number=5000):
    return min(timeit.repeat(call, number=number, repeat=5)) / number * 1e6


results = {name: best(call) for name, call in CASES.items()}
for name, micros in results.items():
    print(f"python {name:<22} {micros:8.2f} µs/call")
verify = results["hospes Keyring.verify"]
print(f"python verify: hospes Keyring {verify:.2f} µs (goal ≤ 7 µs) is {results['pyseto decode'] / verify:.1f}× pyseto "
      f"(goal ≥ 8×, the same PASETO v4.local) and {results['itsdangerous loads'] / verify:.1f}× itsdangerous "
      "(which only signs: hospes also encrypts and binds the state)")
