"""Writes the vectors of mail templates and locale formatting: mail.json and i18n.json.

    PYTHONPATH=bindings-python/python python tests/vectors/make_mail_vectors.py

The outputs are computed by hospes and then frozen: review the diffs by eye.
"""

import copy
import json
from pathlib import Path

from vectorgen import Recorder

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
MAIL = json.loads((ROOT / "core/tests/data/mail.json").read_text(encoding="utf-8"))
TEMPLATE, CONTEXT = MAIL["template"], MAIL["context"]

#: The six link tags of HippoCamp's guest-portal mails, and their English aliases.
SEED_TAGS = {
    "LIEN_ESPACE_CLI": ("PORTAL_LINK", "portal"),
    "LIEN_CONTRAT": ("CONTRACT_LINK", "contract"),
    "LIEN_DEVIS": ("QUOTE_LINK", "quote"),
    "LIEN_FACTURE": ("INVOICE_LINK", "invoice"),
    "LIEN_PAIEMENT_ACOMPTE": ("DEPOSIT_PAYMENT_LINK", "deposit_payment"),
    "LIEN_PAIEMENT_SOLDE": ("BALANCE_PAYMENT_LINK", "balance_payment"),
}
WORDS = {"fr": ("Bonjour", "Votre lien"), "en": ("Hello", "Your link"), "es": ("Hola", "Su enlace")}
BASE = "https://portail.camping-des-pins.fr"


def context(locale, **changes):
    out = copy.deepcopy(CONTEXT)
    out["locale"] = locale
    out["links"] = {name: f"{BASE}/{name}?t=v4.local.{name}&x=1" for _, name in SEED_TAGS.values()}
    out.update(changes)
    return out


def mails(recorder):
    vec = recorder.vec
    for tag, (alias, _) in SEED_TAGS.items():
        versions = [
            {"locale": locale, "subject": f"{hello} [PRENOM] — [REF_SEJOUR]",
             "html": f"<p>{link} : <a href=\"[{tag}]\">[{alias}]</a></p>"}
            for locale, (hello, link) in WORDS.items()
        ]
        template = {"name": tag.lower(), "versions": versions}
        for locale in WORDS:
            vec(f"[{tag}] rendered in {locale}", "mail.render", {"template": template, "context": context(locale)})

    vec("the ten-tag booking confirmation in French", "mail.render",
        {"template": TEMPLATE, "context": context("fr")})
    vec("the ten-tag booking confirmation in English: dates and amount as English writes them", "mail.render",
        {"template": TEMPLATE, "context": context("en")})
    vec("the ten-tag booking confirmation in Spanish", "mail.render",
        {"template": TEMPLATE, "context": context("es")})
    vec("a client without a language gets the establishment's", "mail.render",
        {"template": TEMPLATE, "context": {**context("fr"), "locale": None}})
    vec("a language the template lacks falls back to the establishment's", "mail.render",
        {"template": {"name": "t", "versions": [TEMPLATE["versions"][0]]}, "context": context("es")})

    evil = copy.deepcopy(CONTEXT["client"])
    evil["first_name"] = "<script>alert(1)</script>"
    evil["last_name"] = "O'Hara & \"Sons\""
    vec("<script> in a guest's name is escaped in the HTML, kept as text in the text part", "mail.render",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "Bonjour [PRENOM]\r\nBcc: x@y",
                                                 "html": "<p>Bonjour [PRENOM] [NOM]</p>"}]},
         "context": {**context("fr"), "client": evil}})
    vec("a host tag takes the host's value", "mail.render",
        {"template": {"name": "t", "host_tags": ["PLAQUE"],
                      "versions": [{"locale": "fr", "subject": "s", "html": "<p>Plaque : [PLAQUE]</p>",
                                    "text": "Plaque : [PLAQUE]"}]},
         "context": {**context("fr"), "tags": [{"name": "PLAQUE", "value": "AB-123-CD"}]}})
    vec("a link tag without its link is refused rather than sent empty", "mail.render",
        {"template": TEMPLATE, "context": {**context("fr"), "links": {}}}, error="mail.value_missing")

    prospect = {k: v for k, v in CONTEXT["client"].items() if k not in ("civility", "first_name")}
    vec("a prospect without a civility or first name is greeted by name, with no gap", "mail.render",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "Bonjour [CIVILITE] [PRENOM] [NOM]",
                                                 "html": "<p>Bonjour [CIVILITE] [PRENOM] [NOM],</p>",
                                                 "text": "Bonjour [CIVILITE] [PRENOM] [NOM],\nÀ bientôt."}]},
         "context": {**context("fr"), "client": prospect}})
    vec("a javascript: link is refused, not merely escaped", "mail.render",
        {"template": TEMPLATE,
         "context": {**context("fr"), "links": {**context("fr")["links"], "portal": "javascript:alert(1)"}}},
        error="mail.link_invalid")
    vec("a plain http link to another host is refused: guests follow https only", "mail.render",
        {"template": TEMPLATE,
         "context": {**context("fr"), "links": {**context("fr")["links"], "portal": "http://portail.camping-des-pins.fr/"}}},
        error="mail.link_invalid")
    account_mails(recorder)

    vec("a template's tags and links are listed when it is saved", "mail.check", {"template": TEMPLATE})
    vec("a template with an unknown tag is refused when it is saved", "mail.check",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "s",
                                                 "html": "<p>Bonjour,\n[LIEN_INCONNU]</p>"}]}},
        error="mail.tag_unknown")
    vec("a misspelt variable is refused when it is saved", "mail.check",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "{{ client.frist_name }}",
                                                 "html": "x"}]}},
        error="mail.variable_unknown")
    vec("a syntax error is refused when it is saved", "mail.check",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "s", "html": "{% if stay %}x"}]}},
        error="mail.template_invalid")
    vec("a template cannot loop over a range", "mail.check",
        {"template": {"name": "t", "versions": [{"locale": "fr", "subject": "s",
                                                 "html": "{% for i in range(end=100000) %}x{% endfor %}"}]}},
        error="mail.template_invalid")


def account_mails(recorder):
    """The account mails' links are built-in tags, as the other links (friction 7)."""
    vec = recorder.vec
    account = {"name": "account", "versions": [
        {"locale": "fr", "subject": "Confirmez votre adresse, [PRENOM]",
         "html": "<p><a href=\"[LIEN_CONFIRMATION_COMPTE]\">Confirmer mon adresse</a></p>"},
        {"locale": "en", "subject": "Choose a new password, [FIRST_NAME]",
         "html": "<p><a href=\"[PASSWORD_RESET_LINK]\">New password</a></p>"}]}
    confirm = {"name": "account_verify", "versions": [account["versions"][0]]}
    reset = {"name": "password_reset", "versions": [account["versions"][1]]}

    def plain(locale, links):
        out = copy.deepcopy(CONTEXT)
        out["locale"] = locale
        out["links"] = links
        return out

    vec("the account confirmation mail carries its link in [LIEN_CONFIRMATION_COMPTE]", "mail.render",
        {"template": confirm, "context": plain("fr", {"account_verify": f"{BASE}/account/verify?t=v4.local.verify"})})
    vec("the password reset mail carries its link in [PASSWORD_RESET_LINK]", "mail.render",
        {"template": reset, "context": plain("en", {"password_reset": f"{BASE}/account/reset?t=v4.local.reset"})})
    vec("a password reset mail without its link is refused rather than sent empty", "mail.render",
        {"template": reset, "context": plain("en", {})}, error="mail.value_missing")
    vec("the account mails' links are listed when the template is saved", "mail.check", {"template": account})


def formats(recorder):
    vec = recorder.vec
    for locale in ("fr", "en", "es"):
        vec(f"1 234,56 € as {locale} writes it", "i18n.format_money",
            {"amount": {"amount": "1234.56", "currency": "EUR"}, "locale": locale})
        vec(f"12 345,67 € as {locale} writes it", "i18n.format_money",
            {"amount": {"amount": "12345.67", "currency": "EUR"}, "locale": locale})
        vec(f"an arrival date as {locale} writes it", "i18n.format_date", {"date": "2026-07-11", "locale": locale})
        vec(f"three days and a half left as {locale} writes it", "i18n.format_duration",
            {"seconds": 302400, "locale": locale})
        vec(f"a deadline at midnight in Paris as {locale} writes it", "i18n.format_deadline",
            {"instant": "2026-07-04T22:00:00Z", "time_zone": "Europe/Paris", "locale": locale})
        vec(f"the campsite's French number as {locale} dials it", "i18n.format_phone",
            {"e164": "+33558091234", "locale": locale})
        vec(f"a Spanish mobile as {locale} dials it", "i18n.format_phone", {"e164": "+34612345678", "locale": locale})
    vec("a phone number not in E.164 form is refused rather than guessed", "i18n.format_phone",
        {"e164": "05 58 09 12 34", "locale": "fr"}, error="input.phone_not_e164")
    for tag, locale in (("es-ES", "es"), ("EN_gb", "en"), ("fr", "fr")):
        vec(f"the tag {tag} reads as {locale}", "i18n.read_locale", {"tag": tag})
    vec("a language hospes does not speak is refused", "i18n.read_locale", {"tag": "de-DE"}, error="input.invalid")


def events(recorder):
    vec = recorder.vec
    changed = {"type": "participants_changed", "occurred_at": "2026-06-01T12:00:00Z", "client_id": "C-1042",
               "stay_reference": "312", "added": ["Léa Dupont", "Tom Dupont"], "removed": ["Paul Dupont"]}
    signed = {"type": "stay_cancelled", "occurred_at": "2026-06-01T12:00:00Z", "client_id": "C-1042",
              "stay_reference": "312", "penalty": {"amount": "300.00", "currency": "EUR"},
              "refund": {"amount": "1234.50", "currency": "EUR"}}
    for locale in ("fr", "en", "es"):
        vec(f"participants added and removed, described in {locale}", "event.describe",
            {"event": changed, "locale": locale})
        vec(f"a cancellation with its fee and refund, described in {locale}", "event.describe",
            {"event": signed, "locale": locale})


def main():
    mail = Recorder()
    mails(mail)
    mail.write(HERE / "mail.json")
    i18n = Recorder()
    formats(i18n)
    events(i18n)
    i18n.write(HERE / "i18n.json")


if __name__ == "__main__":
    main()
