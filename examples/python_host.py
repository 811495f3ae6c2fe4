"""A PMS written in Python receives a guest's corrected details from its portal.

Run by `make test` (python-test) after the native module is built:
    PYTHONPATH=bindings-python/python python examples/python_host.py

Typed by the stubs shipped with the package: `mypy --strict` passes over it (python-test runs it).
The records' TypedDicts (`hospes.GuestDetails`, `hospes.Establishment` …) exist for the type
checker only, so they appear in annotations, which `from __future__ import annotations` leaves
unevaluated.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import hospes

NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)

# The record as the PMS stored it (its own database row, in the canonical shape).
stored = hospes.normalize_client(
    {
        "id": "C-1042",
        "civility": "mrs",
        "last_name": "Dupont",
        "first_name": "Marie",
        "address": {"lines": ["3 rue des Lilas"], "postcode": "69003", "city": "Lyon", "country": "FR"},
        "email": "marie.dupont@example.fr",
        "created_at": dt.datetime(2024, 5, 2, 14, 10, tzinfo=dt.timezone.utc),
    },
    "FR",
    NOW,
)

# The portal's form, as posted by the guest.
form: hospes.GuestDetails = {
    "civility": "mrs",
    "first_name": "Marie",
    "last_name": "Dupont",
    "address": {"lines": ["18 avenue Jean Jaurès"], "postcode": "69007", "city": "Lyon", "country": "FR"},
    "mobile": "06 12 34 56 78",
    "email": "marie.dupont@example.fr",
}
try:
    outcome = hospes.apply_guest_update(stored, form, {"locked": ["email"]}, "FR", NOW)
except hospes.HospesError as err:
    print("shown to the guest:", err.message_in("fr"))
    raise SystemExit(1)

for event in outcome["events"]:
    print(f"{event['type']} at {event['occurred_at']:%Y-%m-%d %H:%M} UTC")
    if event["type"] != "client_info_updated":
        continue
    for change in event["changes"]:
        print(f"  {change['field']:<10} {change['before']!r} -> {change['after']!r}")

totals = hospes.stay_totals(
    {
        "reference": "312",
        "client_id": "C-1042",
        "accommodation": "Emplacement grand confort",
        "arrival": dt.date(2026, 7, 11),
        "departure": dt.date(2026, 7, 25),
        "status": "confirmed",
        "currency": "EUR",
        "lines": [
            {"label": "Emplacement", "quantity": Decimal(14), "unit_price": {"amount": Decimal("38.50"), "currency": "EUR"}, "vat_rate": Decimal(10)},
            {"label": "Chien", "kind": "supplement", "quantity": Decimal(14), "unit_price": {"amount": Decimal("3.00"), "currency": "EUR"}, "vat_rate": Decimal(10)},
        ],
    }
)
print("stay 312 total:", totals["vat"]["total_incl_vat"]["amount"], "EUR")
print("stored as:", json.dumps(hospes.to_wire(outcome["client"]), ensure_ascii=False)[:80], "…")

# The host keeps one Keyring (keys from its secret store), puts a link in the e-mail, and
# verifies it when the guest clicks: inspect → load the client → its state now → verify.
camping: hospes.Establishment = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
           "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
ring = hospes.Keyring({"active_key": hospes.generate_link_key()})
link = ring.issue(camping, {"purpose": "portal", "client_id": "C-1042",
                            "state": {"kind": "link_version", "link_version": 0},
                            "expires_at": NOW + dt.timedelta(days=30)}, NOW)
print("[LIEN_ESPACE_CLI] ->", link["url"][:60], "…")
hint = hospes.inspect_link(link["token"])
claims = ring.verify(camping, link["token"], hint["purpose"], {"kind": "link_version", "link_version": 0}, NOW)
print("link opens the space of", claims["client_id"], "until", f"{claims['expires_at']:%Y-%m-%d}")

# The confirmation e-mail, as the business wrote it in its PMS: compiled once, rendered for the
# guest in her language with the link just issued, sent by the host's own mailer.
mailer = hospes.Mailer({"name": "confirmation", "versions": [
    {"locale": "fr", "subject": "[NOM_ETABLISSEMENT] — bienvenue [PRENOM]",
     "html": "<p>Bonjour [PRENOM],</p><p><a href=\"[LIEN_ESPACE_CLI]\">Votre espace client</a></p>"},
    {"locale": "es", "subject": "[NOM_ETABLISSEMENT] — bienvenida [PRENOM]",
     "html": "<p>Hola [PRENOM]:</p><p><a href=\"[LIEN_ESPACE_CLI]\">Su espacio cliente</a></p>"}]})
print("links to issue:", mailer.summary["links_needed"])
mail = mailer.render({"establishment": camping, "client": outcome["client"], "links": {"portal": link["url"]}})
print(f"[{mail['locale']}] {mail['subject']}\n{mail['text'][:90]} …")
try:
    hospes.check_mail({"name": "typo", "versions": [{"locale": "fr", "subject": "s", "html": "[LIEN_ESPACE_CLIENT]"}]})
except hospes.MailError as err:
    print("saving a typo:", err.messages["fr"])
