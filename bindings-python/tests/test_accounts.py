"""Portal accounts from Python: register, confirm by link, log in, reset — no enumeration."""

import datetime as dt

import pytest

import hospes

NOW = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
CAMPING = {"id": "checkindog-paris", "name": "Toilettage du Canal", "currency": "EUR",
           "time_zone": "Europe/Paris", "portal_base_url": "https://portail.toilettage-du-canal.fr/"}
CLIENT = {"id": "C-7", "last_name": "Martin", "email": "paul.martin@example.fr",
          "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)}
PASSWORD = "my dog is called Filou"


def test_the_first_visit_creates_an_account_confirmed_by_e_mail():
    keyring = {"active_key": hospes.generate_link_key()}
    registration = hospes.register_account(CLIENT, None, CLIENT["email"], PASSWORD, NOW)
    account = registration["account"]
    assert account["verified"] is False
    assert registration["events"][0]["type"] == "account_registered"
    with pytest.raises(hospes.AccountError) as caught:
        hospes.login(account, CLIENT["email"], PASSWORD, {}, NOW)
    assert caught.value.code == "account.not_verified"

    state = {"kind": "email", "email": account["email"]}
    link = hospes.issue_link(keyring, CAMPING, {"purpose": "account_verify", "client_id": "C-7", "state": state,
                                                "expires_at": NOW + dt.timedelta(hours=48)}, NOW)
    claims = hospes.verify_link(keyring, CAMPING, link["token"], "account_verify", state, NOW)
    confirmed = hospes.confirm_account(account, claims, NOW)["account"]
    assert hospes.login(confirmed, "Paul.Martin@example.fr", PASSWORD, {}, NOW) == {"client_id": "C-7", "upgraded_hash": None}


def test_an_unknown_address_and_a_wrong_password_look_the_same():
    registration = hospes.register_account(None, None, "nobody@example.fr", PASSWORD, NOW)
    assert registration == {"account": None, "events": []}
    account = {**hospes.register_account(CLIENT, None, CLIENT["email"], PASSWORD, NOW)["account"], "verified": True}
    with pytest.raises(hospes.AccountError) as unknown:
        hospes.login(None, "nobody@example.fr", PASSWORD, {}, NOW)
    with pytest.raises(hospes.AccountError) as wrong:
        hospes.login(account, CLIENT["email"], "not the password", {}, NOW)
    assert (unknown.value.code, unknown.value.messages) == (wrong.value.code, wrong.value.messages)


def test_a_reset_link_works_once():
    keyring = {"active_key": hospes.generate_link_key()}
    account = {**hospes.register_account(CLIENT, None, CLIENT["email"], PASSWORD, NOW)["account"], "verified": True}
    state = {"kind": "password", "password_hash": account["password_hash"]}
    link = hospes.issue_link(keyring, CAMPING, {"purpose": "password_reset", "client_id": "C-7", "state": state,
                                                "expires_at": NOW + dt.timedelta(hours=1)}, NOW)
    claims = hospes.verify_link(keyring, CAMPING, link["token"], "password_reset", state, NOW)
    updated = hospes.reset_password(account, claims, "a brand new passphrase", NOW)["account"]
    new_state = {"kind": "password", "password_hash": updated["password_hash"]}
    with pytest.raises(hospes.LinkError):
        hospes.verify_link(keyring, CAMPING, link["token"], "password_reset", new_state, NOW)


def test_the_throttle_tells_how_long_to_wait():
    throttle = {}
    for _ in range(7):
        throttle = hospes.record_login_failure(throttle, NOW)
    assert throttle == {"failures": 7, "last_failure_at": NOW}
    assert hospes.login_wait_seconds(throttle, NOW) == 8
    with pytest.raises(hospes.AccountError) as caught:
        hospes.login(None, CLIENT["email"], PASSWORD, throttle, NOW)
    assert caught.value.code == "account.throttled"
    assert "8" in caught.value.message_in("fr")
