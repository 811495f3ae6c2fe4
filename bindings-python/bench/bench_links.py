"""Link tokens from Python: hospes against itsdangerous's URLSafeTimedSerializer, same claims.

Run by `make bench` against a release build (itsdangerous from requirements-bench.txt).
"""

import datetime as dt
import timeit

import hospes
from itsdangerous import URLSafeTimedSerializer

NOW = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
CAMPING = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
           "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
KEYRING = {"active_key": hospes.generate_link_key()}
STATE = {"kind": "document", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "status": "sent"}
REQUEST = {"purpose": "quote", "client_id": "C-1042", "subject": "Q-2026-0312", "state": STATE,
           "expires_at": NOW + dt.timedelta(days=14)}
TOKEN = hospes.issue_link(KEYRING, CAMPING, REQUEST, NOW)["token"]
RING = hospes.Keyring(KEYRING)

SERIALIZER = URLSafeTimedSerializer("a secret key of the same strength as the link key", salt="quote")
CLAIMS = {"cid": "C-1042", "pur": "quote", "sub": "Q-2026-0312", "jti": "5d8e435ae1637f7747d88b5379e97f4e"}
SIGNED = SERIALIZER.dumps(CLAIMS)

CASES = {
    "hospes issue_link": lambda: hospes.issue_link(KEYRING, CAMPING, REQUEST, NOW),
    "hospes verify_link": lambda: hospes.verify_link(KEYRING, CAMPING, TOKEN, "quote", STATE, NOW),
    "hospes Keyring.issue": lambda: RING.issue(CAMPING, REQUEST, NOW),
    "hospes Keyring.verify": lambda: RING.verify(CAMPING, TOKEN, "quote", STATE, NOW),
    "itsdangerous dumps": lambda: SERIALIZER.dumps(CLAIMS),
    "itsdangerous loads": lambda: SERIALIZER.loads(SIGNED, max_age=14 * 86400),
}


def best(call, number=5000):
    return min(timeit.repeat(call, number=number, repeat=5)) / number * 1e6


results = {name: best(call) for name, call in CASES.items()}
for name, micros in results.items():
    print(f"python {name:<22} {micros:8.2f} µs/call")
print(f"python verify: hospes Keyring is {results['itsdangerous loads'] / results['hospes Keyring.verify']:.2f}× itsdangerous "
      "(goal ≥ 10×; hospes also encrypts and binds the state)")
