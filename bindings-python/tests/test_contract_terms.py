"""Contract terms with merge fields from Python: checked when the business saves them, filled with
the stay's values when a contract is drawn up (« un modèle-type de contrat … un contrat sur-mesure »)."""

import json
from pathlib import Path

import pytest

import hospes

DATA = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/invoicing.json").read_text("utf-8"))
TERMS, SCHEDULE = DATA["merge_terms"], DATA["merge_schedule"]
NOW = "2026-03-01T10:00:00Z"


def request(terms=TERMS, client=None, locale=None):
    return {"number": "C-2026-028", "establishment": DATA["establishment"], "client": client or DATA["client"],
            "stay": DATA["stay"], "terms": terms, "schedule": SCHEDULE, "cancellation": DATA["cancellation"],
            "locale": locale}


def with_text(text):
    return {**TERMS, "clauses": [{"heading": "Article 1", "text": text}]}


def test_a_contract_templates_merge_fields_are_filled_with_the_stays_dates_unit_guests_and_amounts():
    summary = hospes.check_contract_terms(TERMS)
    assert summary["tags"][:3] == ["[NUM_CONTRAT]", "[NOM_ETABLISSEMENT]", "[ADRESSE_ETABLISSEMENT]"]
    contract = hospes.create_contract(request(), NOW)
    clauses = contract["terms"]["clauses"]
    assert contract["terms"]["title"] == "Contrat de location saisonnière n° C-2026-028"
    assert contract["terms"]["version"] == "2026-2"
    assert clauses[1]["text"] == (
        "Location de l’hébergement « Mobil-home 3 chambres » du 11 juillet 2026 au 18 juillet 2026, "
        "soit 7 nuits, pour 2 personnes : Marie Dupont, Léa Dupont.")
    assert "acompte de 300,00\u00a0€" in clauses[2]["text"]
    english = hospes.create_contract(request(locale="en"), NOW)
    assert "€1,000.00" in english["terms"]["clauses"][2]["text"]


def test_an_unknown_merge_field_is_refused_when_the_template_is_saved():
    with pytest.raises(hospes.ContractError) as refused:
        hospes.check_contract_terms(with_text("Du [DATE_ARRIVEE] au [DATE_DEPAR]."))
    assert refused.value.code == "contract.tag_unknown"
    assert "[DATE_DEPAR]" in str(refused.value) and "[DATE_DEPART]" in str(refused.value)
    with pytest.raises(hospes.ContractError) as refused:
        hospes.check_contract_terms(with_text("Arrivée le [DATE_ARRIVEE à 16 h."))
    assert refused.value.code == "contract.tag_unclosed"
    with pytest.raises(hospes.ContractError) as refused:
        hospes.create_contract(request(terms=with_text("[LIEN_CONTRAT]")), NOW)
    assert refused.value.code == "contract.tag_unknown"


def test_a_guests_name_is_never_read_as_a_merge_field():
    client = {**DATA["client"], "first_name": "[DATE_ARRIVEE]"}
    contract = hospes.create_contract(request(terms=with_text("Locataire : [PRENOM] [NOM]."), client=client), NOW)
    assert contract["terms"]["clauses"][0]["text"] == "Locataire : [DATE_ARRIVEE] Dupont."
