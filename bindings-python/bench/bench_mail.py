"""Rendering a ten-tag mail from Python: hospes against Jinja2, side by side in one run.

The mail is core/tests/data/mail.json: a booking confirmation whose subject, HTML body and plain
text carry ten tags (names, dates, an amount, two links). hospes renders it from the records —
establishment, client, stay, amounts, links — formatting the dates and the amount in French
(ICU4X) and escaping every value: given the records on every call, and given them once as a
``PreparedMailContext`` (``mailer.prepare(context)``), as a host sending a guest several mails
would. Jinja2 renders the same three parts, autoescaped, two ways:

* "Jinja2 + Babel": from the same records, formatting the dates and the amount with Babel, as a
  Python host producing the same mail would;
* "Jinja2, values pre-formatted": from ten ready strings, the formatting left out of the timing
  (the most favourable case for Jinja2).

Goal: hospes at least 10× faster than Jinja2 + Babel rendering the same mail from the same records.
Run by `make bench` against a release build, from the repository root.
"""

import json
import re
import timeit

import jinja2
from babel.dates import format_date
from babel.numbers import format_currency

import hospes

DATA = json.loads(open("core/tests/data/mail.json", encoding="utf-8").read())
TEMPLATE = DATA["template"]
_MAIL_CONTEXT = next(t for t in hospes._wire.SCHEMA["operations"] if t["name"] == "mail.render")
CONTEXT = hospes._wire.from_wire({"context": DATA["context"]}, _MAIL_CONTEXT["args"])["context"]
FRENCH = next(v for v in TEMPLATE["versions"] if v["locale"] == "fr")

MAILER = hospes.Mailer(TEMPLATE)
HOSPES_MAIL = MAILER.render(CONTEXT)
# The context read once (a guest who gets several mails, or the same one again).
PREPARED = MAILER.prepare(CONTEXT)

# The same template for Jinja2: every [TAG] becomes the variable hospes rewrites it to.
VARIABLES = {
    "NOM_ETABLISSEMENT": "establishment.name", "REF_SEJOUR": "stay.reference",
    "CIVILITE": "client.civility", "NOM": "client.last_name", "HEBERGEMENT": "stay.accommodation",
    "DATE_ARRIVEE": "stay.arrival", "DATE_DEPART": "stay.departure",
    "MONTANT_ACOMPTE": "amounts.deposit", "LIEN_PAIEMENT_ACOMPTE": "links.deposit_payment",
    "LIEN_ESPACE_CLI": "links.portal",
}


def jinja(text: str) -> str:
    return re.sub(r"\[([A-Z_]+)\]", lambda m: "{{ " + VARIABLES[m.group(1)] + " }}", text)


ENV = jinja2.Environment(autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False))
SUBJECT = ENV.from_string(jinja(FRENCH["subject"]))
HTML = jinja2.Environment(autoescape=True).from_string(jinja(FRENCH["html"]))
TEXT = ENV.from_string(jinja("Bonjour [CIVILITE] [NOM],\n\nVotre séjour en [HEBERGEMENT] du [DATE_ARRIVEE] au "
                            "[DATE_DEPART] est confirmé.\n\nAcompte à régler : [MONTANT_ACOMPTE] — payer "
                            "l’acompte ([LIEN_PAIEMENT_ACOMPTE]).\n\nRetrouvez votre contrat et vos factures "
                            "dans votre espace client ([LIEN_ESPACE_CLI])."))
CIVILITIES = {"mrs": "Madame", "mr": "Monsieur"}


def jinja_with_babel(context):
    stay, client = context["stay"], context["client"]
    values = {
        "establishment": {"name": context["establishment"]["name"]},
        "client": {"civility": CIVILITIES[client["civility"]], "last_name": client["last_name"]},
        "stay": {
            "reference": stay["reference"], "accommodation": stay["accommodation"],
            "arrival": format_date(stay["arrival"], format="long", locale="fr"),
            "departure": format_date(stay["departure"], format="long", locale="fr"),
        },
        "amounts": {"deposit": format_currency(context["amounts"]["deposit"]["amount"], "EUR", locale="fr")},
        "links": context["links"],
    }
    return SUBJECT.render(values), HTML.render(values), TEXT.render(values)


PREFORMATTED = {
    "establishment": {"name": "Camping des Pins"},
    "client": {"civility": "Madame", "last_name": "Dupont"},
    "stay": {"reference": "312", "accommodation": "Mobil-home 3 chambres",
             "arrival": "11 juillet 2026", "departure": "18 juillet 2026"},
    "amounts": {"deposit": "300,00\u00a0€"},
    "links": CONTEXT["links"],
}


def jinja_preformatted():
    return SUBJECT.render(PREFORMATTED), HTML.render(PREFORMATTED), TEXT.render(PREFORMATTED)


def per_call(fn, number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def main() -> None:
    subject, html, text = jinja_with_babel(CONTEXT)
    assert subject == HOSPES_MAIL["subject"], (subject, HOSPES_MAIL["subject"])
    assert text == HOSPES_MAIL["text"], (text, HOSPES_MAIL["text"])
    assert MAILER.render(PREPARED) == HOSPES_MAIL
    n = 2000
    ours = per_call(lambda: MAILER.render(CONTEXT), n)
    prepared = per_call(lambda: MAILER.render(PREPARED), n)
    babel = per_call(lambda: jinja_with_babel(CONTEXT), n)
    bare = per_call(jinja_preformatted, n)
    print("ten-tag mail (subject, HTML, text), µs per mail")
    print(f"  hospes Mailer.render (the records)          {ours:8.1f}")
    print(f"  hospes Mailer.render (a prepared context)   {prepared:8.1f}")
    print(f"  Jinja2 + Babel (same records)               {babel:8.1f}   hospes {babel / ours:4.1f}× faster, "
          f"{babel / prepared:4.1f}× with a prepared context (goal ≥ 10×)")
    print(f"  Jinja2, values pre-formatted                {bare:8.1f}   hospes {bare / ours:4.1f}× faster, "
          f"{bare / prepared:4.1f}× with a prepared context")


if __name__ == "__main__":
    main()
