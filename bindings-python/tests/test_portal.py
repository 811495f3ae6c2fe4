"""The client space from Python: a guest sees only her own records."""

import datetime as dt

import pytest

import hospes

TODAY = dt.date(2026, 6, 1)
MARIE = {"id": "C-1", "last_name": "Dupont", "first_name": "Marie", "notes": "VIP",
         "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)}


def stay(reference, client_id):
    return {"reference": reference, "client_id": client_id, "accommodation": "Chalet",
            "arrival": dt.date(2026, 7, 1), "departure": dt.date(2026, 7, 8), "status": "confirmed", "currency": "EUR"}


def test_a_guest_sees_her_stays_and_never_anothers():
    access = hospes.portal_access_from_login({"client_id": "C-1", "upgraded_hash": None})
    stays = [stay("1", "C-1"), stay("2", "C-2")]
    history = hospes.portal_history(access, MARIE, stays, TODAY)
    assert [s["reference"] for s in history["upcoming"]] == ["1"]
    assert history["upcoming"][0]["arrival"] == dt.date(2026, 7, 1)
    with pytest.raises(hospes.PortalError) as caught:
        hospes.portal_stay(access, MARIE, stays, "2")
    assert caught.value.code == "portal.not_found"
    assert isinstance(caught.value, ValueError)


def test_the_details_form_has_no_notes():
    access = {"client_id": "C-1", "purpose": None, "subject": None}
    assert "notes" not in hospes.portal_personal_info(access, MARIE)
