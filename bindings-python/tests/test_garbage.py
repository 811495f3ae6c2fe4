"""Garbage from Python raises Python's ordinary errors, never a crash or a PanicException."""

import datetime as dt
import json
from decimal import Decimal

import pytest

import hospes

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def client(**fields):
    return {"id": "C-1", "last_name": "Martin", "created_at": CREATED, **fields}


@pytest.mark.parametrize(
    "args",
    [
        (42, "FR", NOW),
        ("not a client", "FR", NOW),
        ([client()], "FR", NOW),
        (client(companions="everyone"), "FR", NOW),
        (client(link_version=-1), "FR", NOW),
        (client(), 33, NOW),
        (client(), "FR", "yesterday"),
        (client(created_at="2026-13-45T00:00:00Z"), "FR", NOW),
    ],
)
def test_wrong_types_raise_an_input_error(args):
    with pytest.raises(hospes.InputError) as caught:
        hospes.normalize_client(*args)
    # A value of another type is `input.wrong_type`; a string that does not read (a negative
    # version, a date that does not exist) is `input.invalid`.
    assert caught.value.code in {"input.wrong_type", "input.invalid"}
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "args, field, received",
    [
        ((42, "FR", NOW), "$.client", "int"),
        (("not a client", "FR", NOW), "$.client", "str"),
        (([client()], "FR", NOW), "$.client", "list"),
        ((client(companions="everyone"), "FR", NOW), "$.client.companions", "str"),
        ((client(), 33, NOW), "$.default_country", "int"),
        ((client(last_name=b"Dupont"), "FR", NOW), "$.client.last_name", "bytes"),
        ((client(id=Decimal("12")), "FR", NOW), "$.client.id", "Decimal"),
        ((client(), dt.date(2026, 1, 1), NOW), "$.default_country", "date"),
        ((client(), "FR", dt.date(2026, 1, 1)), "$.now", "date"),
    ],
)
def test_a_value_of_another_type_is_refused_naming_the_field_and_the_type(args, field, received):
    with pytest.raises(hospes.InputError) as caught:
        hospes.normalize_client(*args)
    assert caught.value.code == "input.wrong_type"
    assert str(caught.value).startswith(f"{field}: expected ")
    assert str(caught.value).endswith(f"received {received}.")


def test_a_float_for_money_is_refused_with_the_path_to_it():
    with pytest.raises(hospes.InputError) as caught:
        hospes.round_money({"amount": 2.345, "currency": "EUR"})
    assert caught.value.code == "input.wrong_type"
    assert str(caught.value).startswith("$.money.amount: expected a decimal")
    assert str(caught.value).endswith("never a float, received float 2.345.")


def test_a_nan_is_refused_with_its_place():
    with pytest.raises(hospes.InputError, match=r"\$\.money\.amount: .* received float nan"):
        hospes.round_money({"amount": float("nan"), "currency": "EUR"})


def test_a_set_is_not_a_list():
    with pytest.raises(hospes.InputError, match="set is not accepted"):
        hospes.normalize_client(client(licence_plates={"AB-123-CD"}), "FR", NOW)


def test_a_naive_datetime_is_refused():
    with pytest.raises(hospes.InputError, match="naive datetime"):
        hospes.normalize_client(client(), "FR", dt.datetime(2026, 6, 1))


def test_a_ten_megabyte_name_is_refused_quickly():
    with pytest.raises(hospes.InputError) as caught:
        hospes.normalize_client(client(last_name="x" * 10_000_000), "FR", NOW)
    assert caught.value.code == "input.too_large"


def test_a_long_name_under_the_call_limit_is_a_field_error():
    with pytest.raises(hospes.FieldError) as caught:
        hospes.normalize_client(client(last_name="x" * 5000), "FR", NOW)
    assert caught.value.code == "field.too_long"


def test_absurd_dates_are_refused_with_their_code():
    with pytest.raises(hospes.ClientError) as caught:
        hospes.normalize_client(
            client(companions=[{"first_name": "A", "last_name": "B", "birth_date": dt.date(2027, 1, 1)}]), "FR", NOW
        )
    assert caught.value.code == "client.birth_date_invalid"


@pytest.mark.parametrize("written", ["26-07-11", "0001-01-01", "3000-01-01", "+2026-07-11", "2026-7-11"])
def test_a_calendar_date_is_four_digits_from_1900_to_2999(written):
    with pytest.raises(hospes.InputError) as caught:
        hospes.next_invoice_number("FA{yy}{seq:04}", written, None)
    assert caught.value.code == "input.invalid"
    assert written in str(caught.value)


def test_a_date_too_old_to_be_written_is_refused_not_moved_to_the_year_1():
    with pytest.raises(hospes.InputError):
        hospes.next_invoice_number("FA{yy}{seq:04}", dt.date(26, 7, 11), None)


@pytest.mark.parametrize("name", ["\udcff", "Zo\u200be", "Ｍａｒｔｉｎ", "\x00"])
def test_odd_unicode_is_answered_not_crashed(name):
    try:
        out = hospes.normalize_client(client(last_name=name), "FR", NOW)
        assert out["last_name"] == name
    except hospes.HospesError as err:
        assert err.code in {"input.invalid"}


def test_wrong_arity_is_a_type_error():
    with pytest.raises(TypeError):
        hospes.round_money()
    with pytest.raises(TypeError):
        hospes.round_money({"amount": Decimal(1), "currency": "EUR"}, "extra")


def test_an_infinite_decimal_is_refused():
    with pytest.raises(hospes.InputError):
        hospes.round_money({"amount": Decimal("Infinity"), "currency": "EUR"})


def nested(levels):
    value = {}
    inner = value
    for _ in range(levels):
        inner["a"] = {}
        inner = inner["a"]
    return value


def test_a_dict_containing_itself_is_refused_not_a_crash():
    looped = {"amount": "1", "currency": "EUR"}
    looped["self"] = looped
    with pytest.raises(hospes.InputError) as caught:
        hospes.round_money(looped)
    assert caught.value.code == "input.cyclic"
    assert "$.money.self" in str(caught.value)


def test_ten_thousand_levels_are_refused_at_the_thirty_third():
    with pytest.raises(hospes.InputError) as caught:
        hospes.round_money(nested(10_000))
    assert caught.value.code == "input.too_deep"
    assert str(caught.value).count(".a") == 31


def test_nesting_is_refused_the_same_on_a_thread_with_a_small_stack():
    import threading

    caught = []

    def work():
        for value in (nested(10_000), json.loads("[" * 900 + "]" * 900)):
            try:
                hospes.round_money(value)
            except hospes.HospesError as refused:
                caught.append(refused.code)

    threading.stack_size(256 * 1024)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
    finally:
        threading.stack_size(0)
    assert caught == ["input.too_deep", "input.wrong_type"]


def test_a_decimal_with_a_huge_exponent_is_refused_before_it_is_written_out():
    for huge in ("1E+999999999", "-1E+999999999", "1E-999999999"):
        with pytest.raises(hospes.InputError) as caught:
            hospes.round_money({"amount": Decimal(huge), "currency": "EUR"})
        assert caught.value.code == "input.invalid"
        assert "beyond the decimals hospes reads" in str(caught.value)


@pytest.mark.parametrize("value, received", [(b"Dupont", "bytes"), (dt.date(2026, 2, 28), "date"),
                                             (Decimal("12"), "Decimal"), (["Dupont"], "list")])
def test_a_password_is_text_and_nothing_else(value, received):
    with pytest.raises(hospes.InputError) as caught:
        hospes.register_account(None, None, "marie@example.fr", value, NOW)
    assert caught.value.code == "input.wrong_type"
    assert str(caught.value) == f"$.password: expected text, received {received}."
