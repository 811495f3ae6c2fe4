"""Every page renders in French, English and Spanish, for a guest and for the back office."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from conftest import post
from test_journeys import CAMPING, SALON, marie_link, open_link

GUEST_PAGES = ["/", "/stays", "/infos", "/stays/312", "/stays/318", "/stays/287", "/stays/312/booking",
               "/stays/312/cancel", "/quotes/D26-0318", "/contracts/28", "/contracts/A12-2027", "/invoices",
               "/residencies/R-2027-A12"]


@pytest.mark.parametrize("locale", ["fr", "en", "es"])
def test_every_guest_page(app: Flask, locale: str) -> None:
    marie = app.test_client()
    open_link(marie, marie_link(app))
    post(marie, f"{CAMPING}/language", {"locale": locale, "next": f"{CAMPING}/"}, f"{CAMPING}/")
    for page in GUEST_PAGES:
        answer = marie.get(CAMPING + page)
        assert answer.status_code == 200, page
        assert f'lang="{locale}"'.encode() in answer.data, page
    camille = app.test_client()
    post(camille, f"{SALON}/login", {"email": "camille.laurent@example.fr", "password": "Filou-au-parc-2026"})
    for page in ("/", "/pets", "/appointments", "/invoices", "/infos"):
        assert camille.get(SALON + page).status_code == 200, page
    for page in ("/login", "/register", "/forgot"):
        assert app.test_client().get(CAMPING + page).status_code == 200, page


def test_every_office_page(office: FlaskClient) -> None:
    for page in ("/office/", "/office/camping-des-pins/clients?text=dupont", "/office/camping-des-pins/clients/C-1042",
                 "/office/toilettage-du-parc/clients", "/office/camping-des-pins/mails/quote_sent",
                 "/office/camping-des-pins/booking-policy", "/office/outbox", "/office/outbox/1"):
        assert office.get(page).status_code == 200, page
    assert "Dupont" in office.get("/office/camping-des-pins/clients?text=dupont").data.decode()
    export = office.get("/office/camping-des-pins/clients/C-1042/gdpr")
    assert export.mimetype == "application/json" and b"marie.dupont@example.fr" in export.data
    assert office.get("/office/camping-des-pins/clients/C-1042/gdpr?format=xlsx").data[:2] == b"PK"


def test_a_template_with_a_typo_is_refused_at_its_line_and_column(office: FlaskClient) -> None:
    page = office.get("/office/camping-des-pins/mails/portal_link").data.decode()
    fields = dict(re.findall(r'name="(\w\w\.subject)" value="([^"]*)"', page))
    answer = post(office, "/office/camping-des-pins/mails/portal_link", {
        **fields, "fr.html": "<p>Bonjour,</p>\n<p><a href=\"[LIEN_ESPACE_CLIENT]\">ici</a></p>",
        "en.html": "<p>[PORTAL_LINK]</p>", "es.html": "<p>[LIEN_ESPACE_CLI]</p>"})
    assert answer.status_code == 400
    page = answer.data.decode()
    assert "ligne 2, colonne" in page  # hospes's message
    # …and the editor's own place for it, from the error's values: the part's field marked, the
    # line as typed, a caret under column 13.
    assert '<span class="error-at" id="error-at">fr.html, ligne 2, colonne 13</span>' in page
    assert 'name="fr.html" rows="8" class="code" aria-invalid="true"' in page
    assert html.unescape(page).count('<p><a href="[LIEN_ESPACE_CLIENT]">ici</a></p>\n' + " " * 12 + "^") == 1


def test_the_office_password_is_throttled(app: Flask) -> None:
    client = app.test_client()
    codes = [post(client, "/office/login", {"password": "nope"}).status_code for _ in range(7)]
    assert codes[:5] == [401] * 5 and 429 in codes[5:]


def test_a_nul_in_a_login_or_a_reference_is_a_bad_request_not_a_crash(app: Flask) -> None:
    client = app.test_client()
    answer = post(client, "/toilettage-du-parc/login", {"email": "camille\x00@example.fr", "password": "x"})
    assert answer.status_code in (400, 401, 200)
    signed = post(client, "/toilettage-du-parc/login",
                  {"email": "camille.laurent@example.fr", "password": "Filou-au-parc-2026"})
    assert signed.status_code == 303
    assert client.get("/toilettage-du-parc/stays/31%002").status_code in (400, 404)
