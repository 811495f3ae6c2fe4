"""Writes tests/vectors/pdf.json: documents printed as PDF, each vector carrying the SHA-256 of
the bytes, so every binding proves it returns the very same file.

    cd tests/vectors && PYTHONPATH=../../bindings-python/python python make_pdf_vectors.py

The outputs are computed by hospes and then frozen: a change of layout, font or catalogue
changes the hashes, and core/tests/pdf.rs shows what the documents say.
"""

import json
from pathlib import Path

from vectorgen import Recorder

HERE = Path(__file__).parent
DOCS = json.loads((HERE.parents[1] / "core/tests/data/documents.json").read_text(encoding="utf-8"))
OUT = HERE / "pdf.json"
# The client's permanent space link of link.json, as `link.url` writes it: printed as a QR code.
SPACE_LINK = ("https://portail.camping-des-pins.fr/?t=v4.local.S5tNCyf3PatMjOfxdzqhQKcJ7-aNqYWnCKDN9lOHFAExculODfSLo"
              "GwiZ7uspYBPsyU22KT-mMkYrzpY6MT3_DvsZeznt3NEAD197CtpcvoboiLc3RpRQx2oOZ1QF9rAFu8xpJzDzpkNS46S4dcHCuemDK"
              "Nl1c4xYG0ePbIeq0DiUjhjXPVhJ7rUnkPdThhBc3VzJ40.eyJraWQiOiJrNC5saWQuaVZ0WVFEanI1Z0VpakNTakpDM2ZRYUptN25"
              "DZVFTZWF0eTBKaXh5OGRic2siLCJjaWQiOiJDLTEwNDIiLCJwdXIiOiJwb3J0YWwifQ")


def main():
    recorder = Recorder()
    vec = recorder.vec
    invoice = DOCS["invoice"]
    vec("the 20-line invoice of Łukasz Żółć, 1 234,56 €, in French", "pdf.invoice", {"invoice": invoice}, sha256=True)
    vec("the same invoice in Spanish", "pdf.invoice", {"invoice": {**invoice, "locale": "es"}}, sha256=True)
    balance = {"invoice_number": invoice["number"], "total": invoice["totals"]["vat"]["total_incl_vat"],
               "paid": {"amount": "300.00", "currency": "EUR"}, "due": {"amount": "934.56", "currency": "EUR"},
               "status": "partly_paid"}
    vec("the invoice with 300 € already paid", "pdf.invoice", {"invoice": invoice, "balance": balance}, sha256=True)
    vec("the credit note that cancels it", "pdf.invoice", {"invoice": DOCS["credit_note"]}, sha256=True)
    vec("a logo that is not an image is refused", "pdf.invoice",
        {"invoice": invoice, "letterhead": {"logo": "R0lGODlhAQABAAAAACw="}}, error="pdf.image_invalid")
    vec("a font that is not a font is refused", "pdf.invoice",
        {"invoice": invoice, "letterhead": {"font": "bm90IGEgZm9udA=="}}, error="pdf.font_invalid")
    quote = {"quote": DOCS["quote"], "establishment": DOCS["establishment"], "client": DOCS["client"]}
    vec("the quote in English", "pdf.quote", {**quote, "locale": "en"}, sha256=True)
    vec("a quote printed for another client is refused", "pdf.quote",
        {**quote, "client": {**DOCS["client"], "id": "C-9999"}}, error="pdf.client_mismatch")
    vec("the signed contract with its evidence page", "pdf.contract", {"contract": DOCS["signed_contract"]},
        sha256=True)
    vec("the invoice with the client's space link as a QR code beside her address", "pdf.invoice",
        {"invoice": invoice, "space_link": SPACE_LINK}, sha256=True)
    vec("the quote in English with the client's space link", "pdf.quote",
        {**quote, "locale": "en", "space_link": SPACE_LINK}, sha256=True)
    vec("the signed contract with the client's space link", "pdf.contract",
        {"contract": DOCS["signed_contract"], "space_link": SPACE_LINK}, sha256=True)
    vec("a space link that is not an https URL is refused, never echoed", "pdf.invoice",
        {"invoice": invoice, "space_link": "javascript:alert(document.cookie)"}, error="link.qr_invalid")
    # Factur-X (docs/e-invoicing.md): the PDF/A-3b with its CII XML embedded; the hash of the
    # PDF covers the XML it carries. The XML alone and the rules that refuse an e-invoice.
    vec("the 20-line invoice as a Factur-X PDF/A-3b with its XML embedded", "pdf.invoice",
        {"invoice": invoice, "factur_x": {}}, sha256=True)
    vec("an invoice of a Factur-X series carries its options and prints as the same Factur-X file without the "
        "argument", "pdf.invoice", {"invoice": {**invoice, "factur_x": {}}}, sha256=True)
    vec("the Factur-X invoice of a business under the VAT franchise is refused while it charges VAT",
        "pdf.invoice", {"invoice": invoice, "factur_x": {"vat_regime": "franchise"}},
        error="invoice.einvoice_franchise_vat")
    vec("an e-invoice needs the seller's SIREN", "einvoice.check",
        {"invoice": {**invoice, "seller": {**invoice["seller"], "siret": None}}, "factur_x": {}},
        error="invoice.einvoice_siren_missing")
    vec("a credit note's e-invoice needs the date of the invoice it cancels", "einvoice.xml",
        {"invoice": DOCS["credit_note"], "factur_x": {}}, error="invoice.einvoice_credited_date_missing")
    vec("labels on an A4 sheet of 3 × 8, the first one used", "pdf.labels",
        {"request": {"clients": DOCS["label_clients"], "sheet": "a4_3x8", "sender_country": "FR", "locale": "fr",
                     "skip": 1}}, sha256=True)
    vec("labels with nobody to print are refused", "pdf.labels",
        {"request": {"clients": [], "sender_country": "FR"}}, error="pdf.labels_invalid")
    recorder.write(OUT)


main()
