"""Signing what the guest reads, from Python: the PDF shown is the PDF signed and kept."""

import json
import pathlib

import pytest

import hospes

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = json.loads((ROOT / "core/tests/data/documents.json").read_text(encoding="utf-8"))
CLIENT, CONTRACT = DOCS["client"], DOCS["contract"]
ACCESS = {"client_id": CLIENT["id"], "purpose": None, "subject": None}
NOW = "2026-03-02T18:00:00Z"


def request(sha256, **more):
    return {"document_sha256": sha256, "signer_name": "Łukasz Żółć", "consent_text": "J’ai lu et j’accepte le contrat.",
            "ip": "203.0.113.7", **more}


def test_the_signed_pdf_is_the_pdf_shown_byte_for_byte_and_verifies():
    shown = hospes.portal_contract_document(ACCESS, CLIENT, CONTRACT, None, None)
    assert isinstance(shown["pdf"], bytes) and shown["pdf"].startswith(b"%PDF")
    signed = hospes.portal_sign_contract(ACCESS, CLIENT, CONTRACT, request(shown["sha256"]), None, NOW)
    copy = signed["copy"]
    assert copy["document"] == shown["pdf"]
    assert copy["evidence"].startswith(b"%PDF") and copy["evidence"] != copy["document"]
    signature = signed["signed"]["contract"]["signature"]
    assert signature["document_sha256"] == shown["sha256"]
    assert signature["locale"] == "fr"
    hospes.verify_signature(signature, copy["document"])


def test_one_byte_changed_in_the_kept_pdf_fails_verification():
    shown = hospes.portal_contract_document(ACCESS, CLIENT, CONTRACT, None, None)
    signed = hospes.portal_sign_contract(ACCESS, CLIENT, CONTRACT, request(shown["sha256"]), None, NOW)
    altered = bytearray(signed["copy"]["document"])
    altered[-100] ^= 0x20
    with pytest.raises(hospes.EvidenceError) as err:
        hospes.verify_signature(signed["signed"]["contract"]["signature"], bytes(altered))
    assert err.value.code == "evidence.document_altered"


def test_the_english_pdf_is_signed_with_the_english_hash_only():
    english = hospes.portal_contract_document(ACCESS, CLIENT, CONTRACT, "en", None)
    french = hospes.portal_contract_document(ACCESS, CLIENT, CONTRACT, None, None)
    assert english["locale"] == "en" and english["sha256"] != french["sha256"]
    with pytest.raises(hospes.EvidenceError) as err:
        hospes.portal_sign_contract(ACCESS, CLIENT, CONTRACT, request(french["sha256"], locale="en"), None, NOW)
    assert err.value.code == "evidence.document_changed"
    signed = hospes.portal_sign_contract(ACCESS, CLIENT, CONTRACT, request(english["sha256"], locale="en"), None, NOW)
    assert signed["copy"]["document"] == english["pdf"]


def test_another_clients_contract_pdf_is_not_found():
    other = {**ACCESS, "client_id": "C-9999"}
    with pytest.raises(hospes.PortalError) as err:
        hospes.portal_contract_document(other, {**CLIENT, "id": "C-9999"}, CONTRACT, None, None)
    assert err.value.code == "portal.not_found"
