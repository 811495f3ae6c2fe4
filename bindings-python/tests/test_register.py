"""The client register from Python: held, kept current, searched, exported, shared by threads."""

import datetime
import decimal
import io
import json
import pathlib
import threading
import zipfile

import pytest

import hospes

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOW = datetime.datetime(2026, 7, 14, 8, 0, tzinfo=datetime.timezone.utc)
CONFIG = {"currency": "EUR", "time_zone": "Europe/Paris"}


def client(i, last="Dupont", **more):
    return {"client": {"id": f"C-{i}", "last_name": last, "created_at": NOW, **more}}


def test_a_register_is_loaded_in_batches_and_searched():
    register = hospes.Register(CONFIG)
    for start in range(0, 3000, 1000):
        assert register.upsert([client(i, "Lefèvre" if i % 3 == 0 else "Martin") for i in range(start, start + 1000)]) == 1000
    assert len(register) == 3000
    page = register.search({"text": "LEFEV", "present_only": False, "page_size": 10}, NOW)
    assert page["total"] == 1000
    assert len(page["rows"]) == 10
    assert page["rows"][0]["created_on"] == datetime.date(2026, 7, 14)


def test_pages_by_name_follow_the_names_after_thousands_of_changes():
    folded = {"Zola": "zola", "Ábalos": "abalos", "Martin": "martin", "Marín": "marin", "Dupont": "dupont",
              "Dupond": "dupond", "Œuvray": "oeuvray", "Lefèvre": "lefevre"}
    names = list(folded)
    register = hospes.Register(CONFIG)
    for round_ in range(3):
        register.upsert([client(i, names[(i * 7 + round_) % len(names)]) for i in range(2500)])
    register.remove([f"C-{i}" for i in range(0, 2500, 5)])
    kept = sorted((folded[names[(i * 7 + 2) % len(names)]], f"C-{i}") for i in range(2500) if i % 5)
    for descending in (False, True):
        rows = []
        for page in range(1, 5):
            query = {"present_only": False, "page": page, "page_size": 500, "descending": descending}
            rows += [(folded[r["last_name"]], r["client_id"]) for r in register.search(query, NOW)["rows"]]
        # Names either way; ties always by id, ascending.
        assert rows == sorted(kept, key=lambda k: k[0], reverse=descending)


def test_present_only_is_the_default():
    register = hospes.Register(CONFIG, [
        {**client(1), "stays": [{"reference": "1", "arrival": datetime.date(2026, 7, 10),
                                 "departure": datetime.date(2026, 7, 20), "status": "cancelled"}]},
        client(2),
    ])
    assert [r["client_id"] for r in register.search({}, NOW)["rows"]] == ["C-1"]


def test_a_short_fragment_raises_a_register_error():
    register = hospes.Register(CONFIG)
    with pytest.raises(hospes.RegisterError) as err:
        register.search({"text": "du"}, NOW)
    assert err.value.code == "register.query_too_short"


def test_a_bad_entry_names_its_path_and_keeps_the_register():
    register = hospes.Register(CONFIG, [client(1)])
    with pytest.raises(hospes.InputError):
        register.upsert([{"client": "C-2"}])
    with pytest.raises(hospes.InputError):
        hospes.Register(CONFIG, [{"client": {"id": "C-1", "last_name": 3.5, "created_at": NOW}}])
    assert len(register) == 1


def test_remove_forgets_a_client():
    register = hospes.Register(CONFIG, [client(1), client(2)])
    assert register.remove(["C-1", "C-9"]) == 1
    with pytest.raises(hospes.RegisterError):
        register.row("C-1", NOW)
    with pytest.raises(hospes.InputError):
        register.remove([3])


def test_an_export_streams_to_a_path_or_a_file_object(tmp_path):
    register = hospes.Register(CONFIG, [client(i, "Núñez", notes="never exported") for i in range(50)])
    query, options = {"present_only": False}, {"format": "xlsx", "locale": "es"}
    path = tmp_path / "clientes.xlsx"
    assert register.export_to(query, NOW, ["last_name", "created_on"], options, path) == 50
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "never exported" not in sheet
    buffer = io.BytesIO()
    assert register.export_to(query, NOW, [], {"format": "csv", "locale": "fr"}, buffer) == 50
    text = buffer.getvalue().decode("utf-8-sig")
    assert text.startswith("N° client;Civilité;Nom;")
    assert text.count("Núñez") == 50
    assert register.export(query, NOW, ["last_name"], {"format": "csv"}).startswith(b"\xef\xbb\xbfNom")


def test_an_export_to_a_missing_folder_is_an_export_error(tmp_path):
    register = hospes.Register(CONFIG, [client(1)])
    with pytest.raises(hospes.ExportError) as err:
        register.export_to({}, NOW, [], {}, tmp_path / "missing" / "x.csv")
    assert err.value.code == "export.write_failed"


def test_labels_print_the_selection():
    register = hospes.Register(CONFIG, [client(1, address={"lines": ["1 rue"], "city": "Lyon", "country": "FR"})])
    pdf = register.labels({"present_only": False}, NOW, "a4_2x7", "FR", "fr", 0)
    assert pdf.startswith(b"%PDF")


def test_threads_search_while_another_loads():
    register = hospes.Register(CONFIG, [client(i) for i in range(500)])
    errors = []

    def search():
        try:
            for _ in range(50):
                assert register.search({"text": "dupont", "present_only": False}, NOW)["total"] >= 500
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for start in range(500, 2500, 500):
        register.upsert([client(i) for i in range(start, start + 500)])
    for thread in threads:
        thread.join()
    assert not errors
    assert len(register) == 2500


def test_a_client_who_was_invoiced_cannot_be_deleted_even_after_a_cancellation():
    data = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
    invoice, marie = data["deposit_invoice"], data["client"]
    with pytest.raises(hospes.ClientError) as err:
        hospes.client_deletion_check(marie, [invoice], [], [])
    assert err.value.code == "client.invoiced"
    assert invoice["number"] in str(err.value)
    cancelled = {**invoice, "status": "cancelled"}
    with pytest.raises(hospes.ClientError):
        hospes.client_deletion_check(marie, [cancelled], [], [])
    deletion = hospes.client_deletion_check(marie, [], [data["stay"]], [])
    assert deletion["stays"] == [data["stay"]["reference"]]
    assert deletion["link_version"] == marie.get("link_version", 0) + 1


def test_invoice_figures_feed_the_register_revenue():
    data = json.loads((ROOT / "core/tests/data/invoicing.json").read_text(encoding="utf-8"))
    figures = hospes.invoice_figures(data["deposit_invoice"], [])
    register = hospes.Register(CONFIG, [{"client": {**data["client"]}, "invoices": [figures]}])
    row = register.row(data["client"]["id"], NOW)
    assert row["revenue_excl_vat"]["amount"] == figures["revenue_excl_vat"]["amount"]
    assert isinstance(row["due"]["amount"], decimal.Decimal)
