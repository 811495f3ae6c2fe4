"""hospes's exceptions are the ones docs/python.md promises: one class per family, every one a
``ValueError`` (bad input, in the broad sense) except ``InternalError``, a ``RuntimeError``."""

import inspect

import pytest

import hospes
from hospes import errors
from hospes.errors import FAMILIES

REFUSALS = sorted((family, cls) for family, cls in FAMILIES.items() if family != "internal")


def test_every_error_class_of_the_package_is_the_class_of_one_family():
    defined = {cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, hospes.HospesError)}
    assert defined - {hospes.HospesError} == set(FAMILIES.values())
    assert all(getattr(hospes, cls.__name__) is cls for cls in FAMILIES.values())


@pytest.mark.parametrize("family, cls", REFUSALS, ids=[family for family, _ in REFUSALS])
def test_every_family_but_internal_is_a_value_error(family, cls):
    assert issubclass(cls, hospes.HospesError)
    assert issubclass(cls, ValueError)
    assert not issubclass(cls, LookupError), "a refusal, not a missing key"
    raised = errors.from_envelope({"code": f"{family}.example", "message": "refused"})
    assert type(raised) is cls and isinstance(raised, ValueError)


def test_an_internal_error_is_a_runtime_error_and_not_a_value_error():
    assert issubclass(hospes.InternalError, RuntimeError)
    assert not issubclass(hospes.InternalError, ValueError)


def test_a_stay_that_is_not_the_guests_is_caught_by_except_value_error():
    access = hospes.portal_access_from_login({"client_id": "C-1", "upgraded_hash": None})
    marie = {"id": "C-1", "last_name": "Martin", "created_at": "2026-01-01T00:00:00Z"}
    theirs = {"reference": "2", "client_id": "C-2", "accommodation": "Chalet", "arrival": "2026-07-01",
              "departure": "2026-07-08", "status": "confirmed", "currency": "EUR"}
    with pytest.raises(ValueError) as caught:
        hospes.portal_stay(access, marie, [theirs], "2")
    assert isinstance(caught.value, hospes.PortalError)
    assert caught.value.code == "portal.not_found"


def test_a_mail_tag_unknown_names_its_part_line_and_column_in_fields():
    template = {"name": "t", "versions": [{"locale": "fr", "subject": "s", "html": "Bonjour\n  [DATE_ARIVEE]"}]}
    with pytest.raises(hospes.MailError) as caught:
        hospes.check_mail(template)
    assert caught.value.code == "mail.tag_unknown"
    assert caught.value.fields["line"] == 2 and caught.value.fields["column"] == 3
    assert caught.value.fields["tag"] == "[DATE_ARIVEE]"


def test_an_expired_link_names_its_client_in_fields_and_a_link_whose_record_is_gone_is_invalid():
    import datetime as dt

    now = dt.datetime(2026, 6, 1, 10, tzinfo=dt.timezone.utc)
    camping = {"id": "camping-des-pins", "name": "Camping des Pins", "currency": "EUR",
               "time_zone": "Europe/Paris", "portal_base_url": "https://portail.camping-des-pins.fr/"}
    ring = hospes.Keyring({"active_key": hospes.generate_link_key()})
    state = {"kind": "link_version", "link_version": 0}
    link = ring.issue(camping, {"purpose": "portal", "client_id": "C-1042", "state": state,
                                "expires_at": now + dt.timedelta(days=1)}, now)
    with pytest.raises(hospes.LinkError) as gone:
        ring.verify(camping, link["token"], "portal", None, now)
    assert (gone.value.code, gone.value.fields) == ("link.invalid", {})
    with pytest.raises(hospes.LinkError) as expired:
        ring.verify(camping, link["token"], "portal", state, now + dt.timedelta(days=2))
    assert expired.value.code == "link.expired"
    assert expired.value.fields["client_id"] == "C-1042"
    assert (expired.value.fields["purpose"], expired.value.fields["subject"]) == ("portal", None)
