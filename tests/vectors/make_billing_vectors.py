"""Writes the vectors of invoices, payments, contracts, the event log, cancellation and residents:
invoice.json (numbering and the series the business makes Factur-X included), payment.json
(e-reporting included), contract.json, event.json, cancellation.json, residency.json.

    PYTHONPATH=bindings-python/python python tests/vectors/make_billing_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import base64
import json
from pathlib import Path

from vectorgen import Recorder, call

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
DATA = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
E, MARIE, STAY = DATA["establishment"], DATA["client"], DATA["stay"]
POLICY, TERMS, RESIDENCY = DATA["cancellation"], DATA["terms"], DATA["residency"]
MERGE_TERMS, MERGE_SCHEDULE = DATA["merge_terms"], DATA["merge_schedule"]
DEPOSIT, DEPOSIT_PAYMENT = DATA["deposit_invoice"], DATA["deposit_payment"]
FA = "FA{yy}{mm}{seq:04}"
AV = "AV{yy}{mm}{seq:04}"
WHOLE = {"client_id": "C-1042", "purpose": None, "subject": None}
PARIS = "Europe/Paris"
# A series the business made Factur-X (docs/e-invoicing.md, « Per series »): guests pay by card.
CARD = {"payment_means": {"code": "card"}}
FA_FX = {"pattern": "FA{yy}{mm}-{seq:04}", "factur_x": CARD}
AV_FX = {"pattern": "AV{yy}{mm}-{seq:04}", "factur_x": CARD}


def ok(op, args):
    out = call(op, args)
    assert "ok" in out, (op, out)
    return out["ok"]


def request(kind, **extra):
    return {"kind": kind, "establishment": E, "client": MARIE, "stay": STAY,
            "amount": {"amount": "300.00", "currency": "EUR"} if kind == "deposit" else None,
            "due_date": "2026-06-11", **extra}


def invoices(recorder):
    vec = recorder.vec

    def nxt(name, date, last, pattern=FA, error=None):
        vec(name, "invoice.next_number", {"pattern": pattern, "date": date, "last": last}, error=error)

    nxt("the first invoice of a series", "2026-02-03", None)
    nxt("the next invoice in the same month", "2026-02-27", "FA26020041")
    nxt("the first invoice of March starts the sequence again", "2026-03-01", "FA26020042")
    nxt("a yearly series goes on across months", "2026-03-01", "AV2026-00042", pattern="AV{yyyy}-{seq:05}")
    nxt("an invoice dated before the last one's month is refused", "2026-01-31", "FA26020001",
        error="invoice.date_before_last")
    nxt("a last number of another series is refused", "2026-02-03", "AV26020001", error="invoice.number_invalid")
    nxt("a full sequence is refused rather than wrapped", "2026-02-03", "FA26029999",
        error="invoice.sequence_exhausted")
    vec("the CheckinDog pattern is valid", "invoice.check_number_pattern", {"pattern": FA})
    vec("a pattern without a sequence is refused", "invoice.check_number_pattern", {"pattern": "FA{yy}{mm}"},
        error="invoice.number_pattern_invalid")

    vec("a deposit of 300 € splits over the stay's 10 % and 20 % lines", "invoice.draft",
        {"request": request("deposit")})
    draft = ok("invoice.draft", {"request": request("deposit")})
    vec("the deposit invoice is issued with the next number of March", "invoice.issue",
        {"invoice": draft, "series": {"pattern": FA, "last": "FA26030041"}, "date": "2026-03-01",
         "now": "2026-03-01T10:00:00Z"})
    vec("an issued invoice cannot be issued again", "invoice.issue",
        {"invoice": DEPOSIT, "series": {"pattern": FA, "last": "FA26030042"}, "date": "2026-03-02",
         "now": "2026-03-02T10:00:00Z"}, error="invoice.not_draft")
    no_siret = {**E, "legal": {**E["legal"], "siret": None}}
    vec("an invoice without the seller's SIRET is not issued", "invoice.issue",
        {"invoice": ok("invoice.draft", {"request": request("deposit", establishment=no_siret)}),
         "series": {"pattern": FA}, "date": "2026-03-01", "now": "2026-03-01T10:00:00Z"},
        error="invoice.mention_missing")
    vec("an invoice due before the day it is issued is refused naming both dates", "invoice.issue",
        {"invoice": draft, "series": {"pattern": FA, "last": "FA26030041"}, "date": "2026-06-12",
         "now": "2026-06-12T10:00:00Z"}, error="invoice.due_before_issue")
    vec("the balance lists the stay and deducts the deposit rate by rate", "invoice.draft",
        {"request": request("balance", previous=[DEPOSIT])})
    balance = issue(request("balance", previous=[DEPOSIT]), "2026-06-01")
    vec("a second balance invoice for the stay is refused", "invoice.draft",
        {"request": request("final", previous=[DEPOSIT, balance])}, error="invoice.already_invoiced")
    business = {**MARIE, "company": "Voyages Soleil SARL"}
    vec("a business customer gets the late-payment mentions", "invoice.draft",
        {"request": request("deposit", client=business, late_payment_rate_percent="12.15")})
    side = {"kind": "side_sale", "establishment": E, "client": MARIE, "due_date": "2026-07-12",
            "lines": [{"label": "Pain et croissants", "kind": "side_sale", "quantity": "3",
                       "unit_price": {"amount": "4.20", "currency": "EUR"}, "vat_rate": "5.5"}]}
    vec("a side sale at the bakery counter", "invoice.draft", {"request": side})
    vec("a side sale without lines is refused", "invoice.draft", {"request": {**side, "lines": []}},
        error="invoice.request_invalid")
    vec("a credit note cancels the deposit invoice", "invoice.credit_note",
        {"invoice": DEPOSIT, "series": {"pattern": AV}, "date": "2026-03-05", "now": "2026-03-05T10:00:00Z"})
    vec("a draft cannot be credited", "invoice.credit_note",
        {"invoice": draft, "series": {"pattern": AV}, "date": "2026-03-05", "now": "2026-03-05T10:00:00Z"},
        error="invoice.not_issued")
    vec("an invoice link is bound to the invoice's hash and status", "invoice.link_state", {"invoice": DEPOSIT})
    return balance


def issue(req, date, series=None):
    draft = ok("invoice.draft", {"request": req})
    return ok("invoice.issue", {"invoice": draft, "series": series or {"pattern": FA, "last": "FA26030042"},
                                "date": date, "now": date + "T10:00:00Z"})["invoice"]


def einvoices(recorder):
    """Series the business made Factur-X: what they refuse before taking a number, what their
    invoices and credit notes carry, and the CII XML of every kind of invoice, frozen by the hash
    of its UTF-8 (`einvoice.xml` with the options the invoice carries)."""
    vec = recorder.vec
    deposit_draft = ok("invoice.draft", {"request": request("deposit")})
    first = {"series": {**FA_FX, "last": "FA2603-0041"}, "date": "2026-03-01", "now": "2026-03-01T10:00:00Z"}
    vec("in a Factur-X series the deposit invoice is issued as an e-invoice carrying the series' options",
        "invoice.issue", {"invoice": deposit_draft, **first})
    waiting = {**E, "legal": {**E["legal"], "siret": "en cours d’immatriculation"}}
    vec("a Factur-X series refuses an invoice without the seller's SIREN, before it takes a number", "invoice.issue",
        {"invoice": ok("invoice.draft", {"request": request("deposit", establishment=waiting)}), **first},
        error="invoice.einvoice_siren_missing")
    vec("the same invoice in a series that is not Factur-X is issued on paper", "invoice.issue",
        {"invoice": ok("invoice.draft", {"request": request("deposit", establishment=waiting)}),
         **first, "series": {"pattern": FA_FX["pattern"], "last": "FA2603-0041"}})
    business = {**MARIE, "company": "Voyages Soleil SARL"}
    agency = ok("invoice.draft", {"request": request("deposit", client=business, late_payment_rate_percent="12.15")})
    vec("a business customer in France is not e-invoiced without her SIREN", "invoice.issue",
        {"invoice": agency, **first}, error="invoice.einvoice_buyer_siren_missing")
    vec("an IBAN whose check digits are wrong is refused before any number is taken", "invoice.issue",
        {"invoice": deposit_draft, **first, "series": {**first["series"], "factur_x": {
            "payment_means": {"code": "sepa_credit_transfer", "iban": "FR76 3000 6000 0112 3456 7890 188"}}}},
        error="invoice.einvoice_identifier_invalid")
    vec("a SIREN of other than nine digits is refused, even for a guest", "invoice.issue",
        {"invoice": {**deposit_draft, "factur_x": {"buyer": {"siren": "55210055"}}}, **first},
        error="invoice.einvoice_identifier_invalid")
    vec("her SIREN on the draft completes the series' options", "invoice.issue",
        {"invoice": {**agency, "factur_x": {"buyer": {"siren": "552100554", "vat_number": "FR64552100554"}}},
         **first})

    deposit = ok("invoice.issue", {"invoice": deposit_draft, **first})["invoice"]
    paid = {**DEPOSIT_PAYMENT, "invoice_number": deposit["number"]}
    vec("the credit note of an e-invoice is an e-invoice dated to the invoice it cancels, in any series",
        "invoice.credit_note",
        {"invoice": deposit, "series": {"pattern": AV}, "date": "2026-03-05", "now": "2026-03-05T10:00:00Z"})
    credit_note = ok("invoice.credit_note", {"invoice": deposit, "series": {"pattern": AV}, "date": "2026-03-05",
                                             "now": "2026-03-05T10:00:00Z"})["invoice"]
    cancel = {"stay": STAY, "policy": POLICY, "invoices": [deposit], "payments": [paid],
              "confirmation": {"shown_refund": {"amount": "0.00", "currency": "EUR"},
                               "invoice_series": {**FA_FX, "last": "FA2605-0007"}, "credit_note_series": AV_FX},
              "time_zone": PARIS, "now": "2026-06-01T10:00:00Z"}
    vec("cancelling a stay of e-invoices: the credit note and the fee invoice are e-invoices, the fee already paid",
        "cancellation.confirm", cancel)
    fee = ok("cancellation.confirm", cancel)["fee_invoice"]

    balance = issue(request("balance", previous=[deposit]), "2026-06-01", FA_FX)
    final = issue(request("final", due_date="2026-07-18"), "2026-07-18", FA_FX)
    side = issue({"kind": "side_sale", "establishment": E, "client": MARIE, "due_date": "2026-07-12",
                  "lines": [{"label": "Pain et croissants", "kind": "side_sale", "quantity": "3",
                             "unit_price": {"amount": "4.20", "currency": "EUR"}, "vat_rate": "5.5"}]},
                 "2026-07-12", FA_FX)
    rent_draft = ok("residency.rent_invoice", {"residency": RESIDENCY, "establishment": E, "client": MARIE,
                                               "index": 3})
    rent = ok("invoice.issue", {"invoice": rent_draft, "series": FA_FX, "date": rent_draft["due_date"],
                                "now": rent_draft["due_date"] + "T10:00:00Z"})["invoice"]
    to_agency = ok("invoice.issue", {"invoice": {**agency, "factur_x": {"buyer": {"siren": "552100554"}}},
                                     **first})["invoice"]
    for kind, invoice in [("deposit", deposit), ("balance after the deposit", balance), ("final", final),
                          ("side sale", side), ("rent", rent), ("cancellation fee", fee),
                          ("credit note", credit_note), ("business customer's deposit", to_agency)]:
        vec(f"the e-invoice XML of a {kind}, with the options it carries", "einvoice.xml", {"invoice": invoice},
            text_sha256=True)
    vec("options given explicitly win over those the invoice carries", "einvoice.xml",
        {"invoice": deposit, "factur_x": {"vat_regime": "franchise"}}, error="invoice.einvoice_franchise_vat")
    vec("an e-invoice of a Factur-X series passes the rules with the options it carries", "einvoice.check",
        {"invoice": balance})


def payments(recorder, balance):
    vec = recorder.vec
    now = "2026-03-02T09:00:00Z"
    vec("the deposit is paid by card", "payment.record",
        {"invoice": DEPOSIT, "payments": [], "payment": DEPOSIT_PAYMENT, "now": now})
    vec("the same payment twice counts once", "payment.record",
        {"invoice": {**DEPOSIT, "status": "paid"}, "payments": [DEPOSIT_PAYMENT], "payment": DEPOSIT_PAYMENT,
         "now": now})
    vec("a key reused for another amount is refused", "payment.record",
        {"invoice": balance, "payments": [DEPOSIT_PAYMENT],
         "payment": {**DEPOSIT_PAYMENT, "invoice_number": balance["number"],
                     "amount": {"amount": "100.00", "currency": "EUR"}}, "now": now},
        error="payment.key_reused")
    part = {"key": "vir-0612", "invoice_number": balance["number"], "amount": {"amount": "200.00", "currency": "EUR"},
            "method": "bank_transfer", "received_at": "2026-06-02T09:00:00Z"}
    vec("a transfer pays part of the balance", "payment.record",
        {"invoice": balance, "payments": [], "payment": part, "now": "2026-06-02T09:00:00Z"})
    vec("paying more than is due is refused", "payment.record",
        {"invoice": balance, "payments": [], "payment": {**part, "amount": {"amount": "700.01", "currency": "EUR"}},
         "now": "2026-06-02T09:00:00Z"}, error="payment.amount_invalid")
    vec("what is paid and due on the balance invoice", "payment.balance", {"invoice": balance, "payments": [part]})
    bakery = {**DEPOSIT, "number": "FA26030050", "stay_reference": None, "due_date": "2026-03-20"}
    theirs = {**DEPOSIT, "number": "FA26030051", "customer": {**DEPOSIT["customer"], "client_id": "C-2077"}}
    owed = [balance, DEPOSIT, bakery, theirs]
    vec("« Solder le client »: her open items across stays and side sales, oldest first, only hers",
        "payment.open_items", {"client_id": "C-1042", "currency": "EUR", "invoices": owed, "payments": [DEPOSIT_PAYMENT]})
    cash = {"key": "solde-0620", "client_id": "C-1042", "amount": {"amount": "500.00", "currency": "EUR"},
            "method": "cash", "received_at": "2026-06-20T09:00:00Z"}
    vec("one payment settles several of her items, oldest first", "payment.settle",
        {"invoices": owed, "payments": [DEPOSIT_PAYMENT], "settlement": cash, "now": "2026-06-20T09:00:00Z"})
    vec("a settlement of more than she owes is refused", "payment.settle",
        {"invoices": owed, "payments": [DEPOSIT_PAYMENT],
         "settlement": {**cash, "amount": {"amount": "1000.01", "currency": "EUR"}}, "now": "2026-06-20T09:00:00Z"},
        error="payment.amount_invalid")
    bounced = {"key": "rev-0612", "payment_key": "vir-0612", "reason": "Virement rejeté par la banque",
               "reversed_at": "2026-06-05T09:00:00Z"}
    vec("a transfer rejected by the bank is reversed with its reason: the balance is due again", "payment.reverse",
        {"invoice": balance, "payments": [part], "reversal": bounced, "now": "2026-06-05T09:00:00Z"})
    vec("a payment unknown on the invoice cannot be reversed", "payment.reverse",
        {"invoice": balance, "payments": [part], "reversal": {**bounced, "payment_key": "nope"},
         "now": "2026-06-05T09:00:00Z"}, error="payment.not_reversible")
    credit = ok("invoice.credit_note", {"invoice": {**DEPOSIT, "status": "paid"}, "series": {"pattern": AV},
                                        "date": "2026-05-02", "now": "2026-05-02T10:00:00Z"})["invoice"]
    back = {"key": "rb-0502", "credit_note_number": credit["number"], "amount": {"amount": "300.00", "currency": "EUR"},
            "method": "bank_transfer", "refunded_at": "2026-05-03T10:00:00Z", "reason": "Annulation du séjour 312"}
    vec("the deposit of a cancelled stay is refunded on its credit note", "payment.refund",
        {"documents": [credit], "payments": [DEPOSIT_PAYMENT], "refund": back, "now": "2026-05-03T10:00:00Z"})
    vec("a refund larger than what the credit note owes is refused", "payment.refund",
        {"documents": [credit], "payments": [DEPOSIT_PAYMENT],
         "refund": {**back, "amount": {"amount": "300.01", "currency": "EUR"}}, "now": "2026-05-03T10:00:00Z"},
        error="payment.not_refundable")
    vec("deposit then balance: the stay's balance", "payment.stay_balance",
        {"currency": "EUR", "invoices": [DEPOSIT, balance], "payments": [DEPOSIT_PAYMENT, part]})
    schedule = [{"kind": "deposit", "due_on": "2026-03-01", "amount": {"amount": "300.00", "currency": "EUR"}},
                {"kind": "balance", "due_on": "2026-06-11", "amount": {"amount": "700.00", "currency": "EUR"}}]
    late = "2026-06-20T08:00:00Z"
    vec("the balance is late nine days after its date", "payment.schedule_state",
        {"schedule": schedule, "paid": {"amount": "300.00", "currency": "EUR"}, "time_zone": PARIS, "now": late})
    states = ok("payment.schedule_state", {"schedule": schedule, "paid": {"amount": "300.00", "currency": "EUR"},
                                           "time_zone": PARIS, "now": late})
    policy = {"days_before": [7], "days_after": [1, 7]}
    vec("one reminder is due after a missed week, not a burst", "payment.reminders_due",
        {"stay_reference": "312", "states": states, "policy": policy, "sent": [], "time_zone": PARIS, "now": late})
    vec("a reminder sent already is not due again", "payment.reminders_due",
        {"stay_reference": "312", "states": states, "policy": policy, "sent": ["312:balance:+7"],
         "time_zone": PARIS, "now": late})
    vec("the payment request for the balance, with its return links", "payment.request",
        {"establishment": E, "invoice": balance, "payments": []})
    vec("nothing to pay on a paid invoice", "payment.request",
        {"establishment": E, "invoice": {**DEPOSIT, "status": "paid"}, "payments": [DEPOSIT_PAYMENT]},
        error="payment.not_payable")
    req = ok("payment.request", {"establishment": E, "invoice": balance, "payments": []})
    result = {"reference": req["reference"], "status": "succeeded", "amount": req["amount"], "provider": "payplug",
              "transaction_id": "pay_9Zz", "at": "2026-06-02T08:00:00Z"}
    vec("the provider says it is paid: the payment is recorded", "payment.accept_result",
        {"invoice": balance, "payments": [], "request": req, "result": result, "now": "2026-06-02T08:00:01Z"})
    vec("the guest gave up on the provider's page: nothing is recorded", "payment.accept_result",
        {"invoice": balance, "payments": [], "request": req, "result": {**result, "status": "cancelled"},
         "now": "2026-06-02T08:00:01Z"})
    vec("a provider result for another amount is refused", "payment.accept_result",
        {"invoice": balance, "payments": [], "request": req,
         "result": {**result, "amount": {"amount": "7.00", "currency": "EUR"}}, "now": "2026-06-02T08:00:01Z"},
        error="payment.result_mismatch")
    vec("her invoices in her space, « Payer » on the balance only", "portal.invoices",
        {"access": WHOLE, "client": MARIE, "invoices": [{**DEPOSIT, "status": "paid"}, balance],
         "payments": [DEPOSIT_PAYMENT], "online_payment": True})
    vec("no « Payer » when the establishment has no payment provider", "portal.invoices",
        {"access": WHOLE, "client": MARIE, "invoices": [balance], "payments": [], "online_payment": False})


def ereporting(recorder, balance):
    """B2C e-reporting (docs/e-invoicing.md): stay 312's invoices and payments as the platform reads them."""
    vec = recorder.vec
    march = {"establishment": E, "invoices": [DEPOSIT], "payments": [DEPOSIT_PAYMENT],
             "first_day": "2026-03-01", "last_day": "2026-03-10"}
    vec("the first decade of March: the deposit as a sale of services per rate, its payment split over its rates",
        "ereporting.report", march)
    transfer = {"key": "vir-0612", "invoice_number": balance["number"], "amount": {"amount": "123.45", "currency": "EUR"},
                "method": "bank_transfer", "received_at": "2026-06-01T22:30:00Z"}
    vec("June: the balance issued, a transfer received late on 1 June UTC reported on 2 June in Mimizan, to the cent",
        "ereporting.report", {"establishment": E, "invoices": [DEPOSIT, balance], "payments": [DEPOSIT_PAYMENT, transfer],
                              "first_day": "2026-06-01", "last_day": "2026-06-30"})
    vec("a business that opted for VAT on the debits reports no payments", "ereporting.report",
        {**march, "options": {"vat_on_debits": True}})
    vec("a payment whose invoice is not given is refused", "ereporting.report", {**march, "invoices": []},
        error="invoice.ereporting_invoice_unknown")
    vec("a period ending before it starts is refused", "ereporting.report",
        {**march, "first_day": "2026-03-10", "last_day": "2026-03-01"}, error="invoice.ereporting_period_reversed")
    vec("a period longer than a month is refused", "ereporting.report",
        {**march, "last_day": "2026-04-01"}, error="invoice.ereporting_period_too_long")
    vec("an invoice in another currency than the euro is refused", "ereporting.report",
        {**march, "invoices": [{**DEPOSIT, "currency": "CHF"}]}, error="invoice.ereporting_currency_unsupported")


SIGNATURE = {"signer_name": "Marie Dupont", "signer_email": "marie.dupont@example.fr",
             "consent_text": "J’ai lu et j’accepte le contrat et ses conditions.", "ip": "203.0.113.7",
             "user_agent": "Mozilla/5.0",
             "image": {"format": "svg_path", "d": "M10 40 C 30 10, 50 70, 90 30", "width": 300, "height": 100}}


def contracts(recorder):
    vec = recorder.vec
    create = {"request": {"number": "C-2026-028", "establishment": E, "client": MARIE, "stay": STAY, "terms": TERMS,
                          "cancellation": POLICY}, "now": "2026-03-01T10:00:00Z"}
    vec("the rental contract is drawn up from the terms 2026-1", "contract.create", create)
    vec("terms without a clause are refused", "contract.create",
        {**create, "request": {**create["request"], "terms": {**TERMS, "clauses": []}}},
        error="contract.request_invalid")
    merge_terms(recorder, create)
    contract = ok("contract.create", create)
    vec("a contract link is bound to the contract's hash and status", "contract.link_state", {"contract": contract})
    vec("she reads her contract", "portal.contract", {"access": WHOLE, "client": MARIE, "contract": contract})
    vec("another contract's link does not open it", "portal.contract",
        {"access": {"client_id": "C-1042", "purpose": "contract", "subject": "C-2026-001"}, "client": MARIE,
         "contract": contract}, error="portal.not_found")
    document = {"access": WHOLE, "client": MARIE, "contract": contract, "locale": None, "letterhead": None}
    vec("she reads her contract as a PDF, with the hash of its bytes that she will sign", "portal.contract_document",
        document)
    vec("another contract's link does not show its PDF", "portal.contract_document",
        {**document, "access": {"client_id": "C-1042", "purpose": "contract", "subject": "C-2026-001"}},
        error="portal.not_found")
    sha = ok("portal.contract_document", document)["sha256"]
    sign = {"access": WHOLE, "client": MARIE, "contract": contract, "signature": {**SIGNATURE, "document_sha256": sha},
            "letterhead": None, "now": "2026-03-02T18:00:00Z"}
    vec("she signs the PDF she read, by drawing: the evidence names its hash, the consent and the drawing; the PDF "
        "and the evidence document come back", "portal.sign_contract", sign)
    vec("a script in the drawing is refused", "portal.sign_contract",
        {**sign, "signature": {**sign["signature"], "image": {"format": "svg_path", "d": "M0 0\"/><script>x</script>",
                                                              "width": 300, "height": 100}}},
        error="evidence.signature_image_invalid")
    vec("signing a document other than the one shown is refused", "portal.sign_contract",
        {**sign, "signature": {**sign["signature"], "document_sha256": "0" * 64}}, error="evidence.document_changed")
    copy = ok("portal.sign_contract", sign)
    signed = copy["signed"]
    vec("a signed contract cannot be signed again", "portal.sign_contract",
        {**sign, "contract": signed["contract"]}, error="contract.already_signed")
    signature = signed["contract"]["signature"]
    vec("the PDF kept verifies against its signature", "signature.verify",
        {"signature": signature, "document": copy["copy"]["document"]})
    pdf = bytearray(base64.b64decode(copy["copy"]["document"]))
    pdf[len(pdf) // 2] ^= 1
    vec("one byte changed in the PDF kept fails verification", "signature.verify",
        {"signature": signature, "document": base64.b64encode(bytes(pdf)).decode()}, error="evidence.document_altered")
    vec("the evidence document can be printed again from the signature", "pdf.signature_evidence",
        {"number": "C-2026-028", "seller": signed["contract"]["seller"], "signature": signature, "locale": "fr",
         "letterhead": None}, sha256=True)
    return signed


def merge_terms(recorder, create):
    """Terms with merge fields: checked when the business saves them, filled for each stay."""
    vec = recorder.vec

    def clause(text):
        return {**MERGE_TERMS, "clauses": [*MERGE_TERMS["clauses"][:1], {"heading": "Article 2", "text": text}]}

    vec("contract terms with merge fields are checked when the business saves them, and list the tags they use",
        "contract.check_terms", {"terms": MERGE_TERMS})
    vec("an unknown merge field is refused when the terms are saved (the tag meant is suggested)",
        "contract.check_terms", {"terms": clause("Du [DATE_ARRIVEE] au [DATE_DEPAR].")}, error="contract.tag_unknown")
    vec("a link tag belongs in a mail, not in contract terms", "contract.check_terms",
        {"terms": clause("Signez ici : [LIEN_CONTRAT]")}, error="contract.tag_unknown")
    vec("a merge field left open is refused", "contract.check_terms",
        {"terms": clause("Arrivée le [DATE_ARRIVEE à 16 h.")}, error="contract.tag_unclosed")
    merged = {**create["request"], "terms": MERGE_TERMS, "schedule": MERGE_SCHEDULE}
    vec("the contract's merge fields are filled with the stay's dates, accommodation, guests and amounts, "
        "in her language", "contract.create", {**create, "request": merged})
    vec("a guest's name is never read as a merge field", "contract.create",
        {**create, "request": {**merged, "client": {**MARIE, "first_name": "[DATE_ARRIVEE]"}}})
    vec("a contract is not drawn up from terms with an unknown merge field", "contract.create",
        {**create, "request": {**merged, "terms": clause("[NB_NUIT] nuits")}}, error="contract.tag_unknown")


def event_log(recorder, signed):
    vec = recorder.vec
    paid = ok("payment.record", {"invoice": DEPOSIT, "payments": [], "payment": DEPOSIT_PAYMENT,
                                 "now": "2026-03-02T09:00:00Z"})
    vec("a new log starts after 64 zeros", "event.append_log", {"last": None, "events": paid["events"]})
    log = ok("event.append_log", {"last": None, "events": paid["events"]})
    vec("the contract's signature is chained after the payment", "event.append_log",
        {"last": log[-1], "events": signed["events"]})
    whole = log + ok("event.append_log", {"last": log[-1], "events": signed["events"]})
    vec("the stay's log verifies", "event.verify_log", {"entries": whole})
    tampered = json.loads(json.dumps(whole))
    tampered[0]["event"]["amount"]["amount"] = "3.00"
    vec("a changed amount breaks the log", "event.verify_log", {"entries": tampered}, error="evidence.log_broken")
    vec("a removed entry breaks the log", "event.verify_log",
        {"entries": [whole[0], {**whole[1], "sequence": 3}]}, error="evidence.log_broken")


def cancellations(recorder, balance):
    vec = recorder.vec
    d40 = "2026-06-01T10:00:00Z"
    vec("cancelling at D-40 after the deposit: the deposit is kept", "cancellation.preview",
        {"stay": STAY, "policy": POLICY, "invoices": [DEPOSIT], "payments": [DEPOSIT_PAYMENT], "time_zone": PARIS,
         "now": d40})
    vec("confirmed at D-40: a credit note, the fee invoice, nothing to refund", "cancellation.confirm",
        {"stay": STAY, "policy": POLICY, "invoices": [DEPOSIT], "payments": [DEPOSIT_PAYMENT],
         "confirmation": {"shown_refund": {"amount": "0.00", "currency": "EUR"},
                          "invoice_series": {"pattern": FA, "last": "FA26050007"},
                          "credit_note_series": {"pattern": AV}}, "time_zone": PARIS, "now": d40})
    paid_all = [DEPOSIT_PAYMENT, {"key": "vir-0612", "invoice_number": balance["number"],
                                  "amount": {"amount": "700.00", "currency": "EUR"}, "method": "bank_transfer",
                                  "received_at": "2026-06-02T09:00:00Z"}]
    d5 = "2026-07-06T10:00:00Z"
    vec("cancelling at D-5 after paying everything: nothing is refunded", "cancellation.preview",
        {"stay": STAY, "policy": POLICY, "invoices": [DEPOSIT, balance], "payments": paid_all, "time_zone": PARIS,
         "now": d5})
    vec("cancelling at D-35 after paying everything: 30 % kept, 700 € refunded", "cancellation.preview",
        {"stay": STAY, "policy": POLICY, "invoices": [DEPOSIT, balance], "payments": paid_all, "time_zone": PARIS,
         "now": "2026-06-06T10:00:00Z"})
    vec("a cancellation whose refund moved since it was shown is refused", "cancellation.confirm",
        {"stay": STAY, "policy": POLICY, "invoices": [DEPOSIT, balance], "payments": paid_all,
         "confirmation": {"shown_refund": {"amount": "700.00", "currency": "EUR"},
                          "invoice_series": {"pattern": FA}, "credit_note_series": {"pattern": AV}},
         "time_zone": PARIS, "now": "2026-06-12T10:00:00Z"}, error="stay.cancellation_changed")
    vec("a cancelled stay cannot be cancelled again", "cancellation.preview",
        {"stay": {**STAY, "status": "cancelled"}, "policy": POLICY, "invoices": [], "payments": [],
         "time_zone": PARIS, "now": d40}, error="stay.not_cancellable")
    # The deposit paid, the balance invoiced and never paid: what her space shows after the
    # cancellation adds up to the stay's balance.
    for name, policy, refund in [("free", {"tiers": []}, "300.00"), ("keeping the deposit", POLICY, "0.00")]:
        before = [DEPOSIT, balance]
        done = ok("cancellation.confirm", {
            "stay": STAY, "policy": policy, "invoices": before, "payments": [DEPOSIT_PAYMENT],
            "confirmation": {"shown_refund": {"amount": refund, "currency": "EUR"},
                             "invoice_series": {"pattern": FA, "last": "FA26060001"},
                             "credit_note_series": {"pattern": AV}}, "time_zone": PARIS, "now": d40})
        documents = done["cancelled_invoices"] + done["credit_notes"] + ([done["fee_invoice"]] if done["fee_invoice"] else [])
        paid = [DEPOSIT_PAYMENT] + ([done["carried_payment"]] if done["carried_payment"] else [])
        if name == "free":
            vec("after a free cancellation her space shows the deposit to refund and the unpaid balance simply "
                "cancelled", "portal.invoices",
                {"access": WHOLE, "client": MARIE, "invoices": documents, "payments": paid, "online_payment": True})
            vec("after a free cancellation the stay's balance is the deposit to refund", "payment.stay_balance",
                {"currency": "EUR", "invoices": documents, "payments": paid})
        else:
            vec("after a cancellation keeping the deposit her space shows nothing due on any document",
                "portal.invoices",
                {"access": WHOLE, "client": MARIE, "invoices": documents, "payments": paid, "online_payment": True})


def residents(recorder):
    vec = recorder.vec
    vec("a resident pays the year's rent in four installments", "residency.rent_schedule", {"residency": RESIDENCY})
    vec("the rent invoice of the fourth installment", "residency.rent_invoice",
        {"residency": RESIDENCY, "establishment": E, "client": MARIE, "index": 3})
    vec("there is no fifth installment", "residency.rent_invoice",
        {"residency": RESIDENCY, "establishment": E, "client": MARIE, "index": 4}, error="stay.residency_invalid")
    vec("the resident names who may stay on the pitch", "residency.set_authorised",
        {"residency": RESIDENCY, "persons": [{"first_name": "Paul", "last_name": "Dupont"},
                                             {"first_name": "Jeanne", "last_name": "Martin"}],
         "now": "2027-01-05T10:00:00Z"})
    vec("more people than the pitch allows are refused", "residency.set_authorised",
        {"residency": RESIDENCY, "persons": [{"first_name": f"P{i}", "last_name": "X"} for i in range(4)],
         "now": "2027-01-05T10:00:00Z"}, error="stay.too_many_occupants")
    vec("the residency as a stay, for the yearly contract", "residency.stay", {"residency": RESIDENCY})


def main():
    inv = Recorder()
    balance = invoices(inv)
    einvoices(inv)
    inv.write(HERE / "invoice.json")
    pay = Recorder()
    payments(pay, balance)
    ereporting(pay, balance)
    pay.write(HERE / "payment.json")
    con = Recorder()
    signed = contracts(con)
    con.write(HERE / "contract.json")
    log = Recorder()
    event_log(log, signed)
    log.write(HERE / "event.json")
    can = Recorder()
    cancellations(can, balance)
    can.write(HERE / "cancellation.json")
    res = Recorder()
    residents(res)
    res.write(HERE / "residency.json")


if __name__ == "__main__":
    main()
