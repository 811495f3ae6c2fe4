"""The shared conformance vectors, run through the idiomatic Python API.

Each vector's JSON input is first turned into Python values (Decimal, date, aware datetime)
following the operation's schema, then passed by name to the public function; the result is
written back to the wire form and compared with the expected output exactly.
"""

import hashlib

import pytest

import hospes
from hospes import _wire

from conftest import load_vectors

VECTORS = list(load_vectors())
SCHEMAS = {op["name"]: op for op in _wire.SCHEMA["operations"]}


@pytest.mark.parametrize("vector", [v for _, v in VECTORS], ids=[i for i, _ in VECTORS])
def test_vector(vector):
    op = SCHEMAS[vector["op"]]
    args = _wire.from_wire(vector["input"], op["args"])
    function = hospes.OPERATIONS[vector["op"]]
    if "error" in vector:
        with pytest.raises(hospes.HospesError) as caught:
            function(**args)
        assert caught.value.code == vector["error"]
    elif "expect_prefix" in vector:
        assert function(**args).startswith(vector["expect_prefix"])
    elif "expect_sha256" in vector:
        document = function(**args)
        # A file (PDF, XLSX, CSV, FEC) comes as bytes; its hash is the check.
        assert isinstance(document, bytes) and document
        assert hashlib.sha256(document).hexdigest() == vector["expect_sha256"]
    elif "expect_text_sha256" in vector:
        # A text document (the e-invoice XML) comes as str; the hash of its UTF-8 is the check.
        text = function(**args)
        assert isinstance(text, str) and text
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == vector["expect_text_sha256"]
    else:
        assert _wire.to_wire(function(**args)) == vector["expect"]


def test_every_operation_has_a_vector():
    covered = {v["op"] for _, v in VECTORS}
    assert set(hospes.OPERATIONS) <= covered


KEYED = [(i, v) for i, v in VECTORS if v["op"] in ("link.issue", "link.verify")]


@pytest.mark.parametrize("vector", [v for _, v in KEYED], ids=[i for i, _ in KEYED])
def test_link_vector_through_a_keyring_object(vector):
    """hospes.Keyring answers every link vector exactly as issue_link/verify_link do."""
    args = _wire.from_wire(vector["input"], SCHEMAS[vector["op"]]["args"])
    config = args.pop("keyring")
    if "error" in vector:
        with pytest.raises(hospes.HospesError) as caught:
            ring = hospes.Keyring(config)
            (ring.issue if vector["op"] == "link.issue" else ring.verify)(**args)
        assert caught.value.code == vector["error"]
    else:
        ring = hospes.Keyring(config)
        assert _wire.to_wire(ring.verify(**args)) == vector["expect"]


HELD_BY_PRICER = {"pricing.price": "price", "pricing.grid": "grid", "quote.create": "create_quote"}
PRICED = [(i, v) for i, v in VECTORS if v["op"] in HELD_BY_PRICER]


@pytest.mark.parametrize("vector", [v for _, v in PRICED], ids=[i for i, _ in PRICED])
def test_pricing_vector_through_a_pricer_object(vector):
    """hospes.Pricer answers every pricing, grid and quote-making vector as price_stay/price_grid/
    create_quote do."""
    args = _wire.from_wire(vector["input"], SCHEMAS[vector["op"]]["args"])
    pricer = hospes.Pricer(args.pop("catalogue"))
    run = getattr(pricer, HELD_BY_PRICER[vector["op"]])
    if "error" in vector:
        with pytest.raises(hospes.HospesError) as caught:
            run(**args)
        assert caught.value.code == vector["error"]
    else:
        assert _wire.to_wire(run(**args)) == vector["expect"]
