"""The journeys of the seeds (000, 003, 004) at HTTP level, as a guest's browser runs them."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from typing import List

import hospes
from flask import Flask
from flask.testing import FlaskClient

from hospes_portal import services
from conftest import Clock, Notifications, csrf, found, path_of, post, search, store

CAMPING = "/camping-des-pins"
SALON = "/toilettage-du-parc"
EST = "camping-des-pins"


def outbox_links(office: FlaskClient, subject_part: str) -> List[str]:
    """The links of the newest mail whose subject contains `subject_part`, as the outbox shows them."""
    listing = office.get("/office/outbox").data.decode()
    found = re.findall(r'href="(/office/outbox/\d+)">([^<]*)</a>', listing)
    target = next(href for href, subject in found if subject_part in html.unescape(subject))
    mail = office.get(target).data.decode()
    return [html.unescape(u) for u in re.findall(r'class="mail-link" href="[^"]*"|href="([^"]+)" class="mail-link"', mail) if u]


def open_link(client: FlaskClient, url: str) -> str:
    """Follows a mail's link: the token is exchanged for a session, the answer a redirect to a
    page without it."""
    answer = client.get(path_of(url))
    assert answer.status_code == 303, answer.data[:300]
    assert "t=" not in answer.headers["Location"]
    return answer.headers["Location"]


def link_for(app: Flask, client_id: str, purpose: hospes.LinkPurpose = "portal", est_id: str = EST) -> str:
    """A link as the business sends it, issued now."""
    with store(app) as tx:
        est = found(tx.establishment(est_id))
        return services().links.issue(tx, est.record, found(tx.client(client_id)), purpose, None, services().clock())


def marie_link(app: Flask) -> str:
    return link_for(app, "C-1042")


def test_marie_signs_her_quote_pays_the_deposit_and_reads_spanish(app: Flask, office: FlaskClient,
                                                                    notifications: Notifications) -> None:
    marie = app.test_client()
    links = outbox_links(office, "votre devis D26-0318")
    portal = next(u for u in links if "/quote?" not in u)
    home = open_link(marie, portal)
    page = marie.get(home)
    assert "Camping des Pins" in page.data.decode() and "Marie Dupont" in page.data.decode()
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]

    # « Mes infos »: she corrects her mobile; her e-mail stays locked.
    answer = post(marie, f"{CAMPING}/infos", {"civility": "mrs", "first_name": "Marie", "last_name": "Dupont",
                                               "address_line1": "3 rue des Lilas", "postcode": "69003", "city": "Lyon",
                                               "country": "FR", "mobile": "06 12 34 56 78",
                                               "email": "someone.else@example.fr"})
    assert answer.status_code == 303
    with store(app) as tx:
        client = found(tx.client("C-1042"))
    assert client.get("mobile") == "+33612345678" and client.get("email") == "marie.dupont@example.fr"

    # The quote: she adds Léa (10), the quote is priced again for three.
    before = search(r'id="quote-total">([^<]+)<', marie.get(f"{CAMPING}/quotes/D26-0318").data.decode()).group(1)
    answer = post(marie, f"{CAMPING}/stays/318/participants", {"first_name": "Léa", "last_name": "Dupont",
                                                               "birth_date": "2016-05-02", "next": "quote",
                                                               "quote": "D26-0318"}, f"{CAMPING}/quotes/D26-0318")
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/quotes/D26-0318")
    quote_page = marie.get(f"{CAMPING}/quotes/D26-0318").data.decode()
    assert "Léa Dupont" in quote_page
    assert search(r'id="quote-total">([^<]+)<', quote_page).group(1) != before
    pdf = marie.get(f"{CAMPING}/quotes/D26-0318/pdf")
    assert pdf.mimetype == "application/pdf"

    # She signs by drawing on the pad (the strokes as the canvas posts them).
    sha256 = search(r'name="document_sha256" value="([0-9a-f]{64})"', quote_page).group(1)
    answer = marie.post(f"{CAMPING}/quotes/D26-0318/sign", data={
        "csrf": csrf(quote_page.encode()), "document_sha256": sha256, "locale": "fr", "signer_name": "Marie Dupont",
        "consent": "yes", "signature_d": "M40 120 L80 60 L120 140 L160 50 L200 110",
        "signature_width": "600", "signature_height": "200"})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/stays/318")
    stay_page = marie.get(f"{CAMPING}/stays/318").data.decode()
    assert "Confirmé" in stay_page
    with store(app) as tx:  # hospes's first invoice: the deposit due at booking, so on the signature day
        deposit = tx.invoices_of(EST, "C-1042", "318")
    assert [(i["kind"], i["due_date"], i.get("issue_date")) for i in deposit] == [
        ("deposit", dt.date(2026, 6, 1), dt.date(2026, 6, 1))]
    assert marie.get(f"{CAMPING}/quotes/D26-0318/pdf").data == _signed_copy(app, "D26-0318")
    assert "votre séjour n° 318" in office.get("/office/outbox").data.decode()

    # « Payer »: the deposit, through the demo provider.
    pay_action = search(r'action="([^"]+/invoices/[^"]+/pay)"', stay_page).group(1)
    answer = marie.post(pay_action, data={"csrf": csrf(stay_page.encode())})
    assert answer.status_code == 303 and "/demo-pay/" in answer.headers["Location"]
    checkout = path_of(answer.headers["Location"])
    answer = marie.post(checkout, data={"csrf": csrf(marie.get(checkout).data), "action": "pay"})
    back_to = path_of(answer.headers["Location"])
    assert back_to.startswith(f"{CAMPING}/pay/return?ref=")

    # The notification arrives twice, before she comes back: one payment.
    (url, body, headers), = notifications.sent
    for _ in range(2):
        assert marie.post(path_of(url), data=body, headers=headers).status_code == 200
    tampered = body.replace(b"succeeded", b"failed")
    assert marie.post(path_of(url), data=tampered, headers=headers).status_code == 400
    assert "Paiement reçu" in marie.get(back_to).data.decode()
    number = search(r"/invoices/([^/]+)/pay", pay_action).group(1)
    with store(app) as tx:
        assert len(tx.payments_on(EST, [number])) == 1
        assert found(tx.invoice(EST, number))["status"] == "paid"

    # Her invoices: paid badge, the PDF downloaded.
    invoices = marie.get(f"{CAMPING}/invoices").data.decode()
    assert number in invoices and "Payée" in invoices
    pdf = marie.get(f"{CAMPING}/invoices/{number}/pdf")
    assert pdf.mimetype == "application/pdf" and "attachment" in pdf.headers["Content-Disposition"]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf.data, capture_output=True, check=True).stdout.decode()
        assert number in text and "Marie Dupont" in text
    # The campsite's series is Factur-X: what she downloads is the e-invoice, its XML inside.
    assert b"/AFRelationship" in pdf.data and b"factur-x.xml" in pdf.data

    # ¡En español!
    answer = post(marie, f"{CAMPING}/language", {"locale": "es", "next": f"{CAMPING}/"}, f"{CAMPING}/")
    assert answer.headers["Location"].endswith(f"{CAMPING}/")
    spanish = marie.get(f"{CAMPING}/").data.decode()
    assert "Próximas estancias" in spanish and 'lang="es"' in spanish
    assert "Mis facturas" in marie.get(f"{CAMPING}/invoices").data.decode()


def _signed_copy(app: Flask, number: str) -> bytes:
    with store(app) as tx:
        return found(tx.signed_copy("quotes", EST, number))


def test_another_guest_never_sees_marie(app: Flask) -> None:
    jean = app.test_client()
    link = link_for(app, "C-2077")
    with store(app) as tx:
        marie_invoice = found(tx.invoices_of(EST, "C-1042")[0].get("number"))
    open_link(jean, link)
    assert "Jean Martin" in jean.get(f"{CAMPING}/").data.decode()
    for url in (f"{CAMPING}/stays/312", f"{CAMPING}/stays/318", f"{CAMPING}/quotes/D26-0318",
                f"{CAMPING}/quotes/D26-0318/pdf", f"{CAMPING}/contracts/28", f"{CAMPING}/contracts/28/pdf",
                f"{CAMPING}/invoices/{marie_invoice}/pdf", f"{CAMPING}/invoices/{marie_invoice}/pay",
                f"{CAMPING}/residencies/R-2027-A12", f"{CAMPING}/stays/312/booking", f"{CAMPING}/stays/312/cancel"):
        answer = jean.get(url)
        assert answer.status_code == 404, url
        assert b"Dupont" not in answer.data, url
    for page in (f"{CAMPING}/", f"{CAMPING}/stays", f"{CAMPING}/invoices", f"{CAMPING}/infos"):
        assert b"Dupont" not in jean.get(page).data, page
    token = csrf(jean.get(f"{CAMPING}/").data)
    for url in (f"{CAMPING}/stays/312/participants/0/remove", f"{CAMPING}/quotes/D26-0318/promo",
                f"{CAMPING}/invoices/{marie_invoice}/pay", f"{CAMPING}/stays/312/cancel"):
        assert jean.post(url, data={"csrf": token, "promo_code": "ETE10"}).status_code in (303, 404), url
    with store(app) as tx:
        stay = found(tx.stay(EST, "312"))
    assert len(stay.get("participants", [])) == 1 and stay["status"] == "confirmed"
    # A salon's page does not open with a campsite session either.
    assert jean.get(f"{SALON}/").status_code == 303


def test_an_expired_link_offers_a_new_one_and_a_tampered_one_is_refused(app: Flask, office: FlaskClient,
                                                                          clock: Clock) -> None:
    link = marie_link(app)
    guest = app.test_client()
    tampered = path_of(link)[:-6] + ("A" if path_of(link)[-6] != "A" else "B") + path_of(link)[-5:]
    answer = guest.get(tampered)
    assert answer.status_code == 400 and "pas valide" in answer.data.decode()
    clock.now += dt.timedelta(days=31)
    answer = guest.get(path_of(link))
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/link-expired")
    page = guest.get(f"{CAMPING}/link-expired").data.decode()
    assert "expiré" in page
    mails_before = office.get("/office/outbox").data.decode().count("votre espace client")
    assert guest.post(f"{CAMPING}/link-expired", data={"csrf": csrf(page.encode())}).status_code == 303
    assert office.get("/office/outbox").data.decode().count("votre espace client") == mails_before + 1
    new = outbox_links(office, "votre espace client")[0]
    assert open_link(guest, new).endswith(f"{CAMPING}/")


def test_the_salon_guest_logs_in_and_asks_for_an_appointment_for_filou(app: Flask) -> None:
    camille = app.test_client()
    answer = post(camille, f"{SALON}/login", {"email": "camille.laurent@example.fr", "password": "wrong password!"})
    assert answer.status_code == 401
    answer = post(camille, f"{SALON}/login", {"email": "camille.laurent@example.fr", "password": "Filou-au-parc-2026"})
    assert answer.status_code == 303
    pets = camille.get(f"{SALON}/pets").data.decode()
    assert "Filou" in pets and "Caniche nain" in pets and "Rex" not in pets
    answer = post(camille, f"{SALON}/appointments", {"pet": "Filou", "start": "2026-06-03T10:00",
                                                     "comment": "Coupe courte, merci."})
    assert answer.status_code == 303
    listing = camille.get(f"{SALON}/appointments").data.decode()
    assert "Coupe courte, merci." in listing and "Rex" not in listing
    answer = post(camille, f"{SALON}/appointments", {"pet": "Filou", "start": "2026-06-03T12:30"})
    assert answer.status_code == 200 and "09:00" in answer.data.decode()  # outside hours: hospes says when it opens
    assert "Facture" in camille.get(f"{SALON}/invoices").data.decode()


def test_a_booking_field_one_minute_before_and_one_minute_after_its_deadline(app: Flask, clock: Clock) -> None:
    marie = app.test_client()
    open_link(marie, marie_link(app))
    # The plate: D-2 before the 11 July arrival, through 9 July in Paris (22:00 UTC).
    clock.now = dt.datetime(2026, 7, 9, 21, 59, tzinfo=dt.timezone.utc)
    page = marie.get(f"{CAMPING}/stays/312/booking").data.decode()
    assert "1 min" in page
    answer = post(marie, f"{CAMPING}/stays/312/booking", {"plate": "ab-123-cd", "arrival_time": "", "notes": ""})
    assert answer.status_code == 303
    assert "Votre réservation est modifiée" in marie.get(answer.headers["Location"]).data.decode()
    clock.now = dt.datetime(2026, 7, 9, 22, 1, tzinfo=dt.timezone.utc)
    answer = post(marie, f"{CAMPING}/stays/312/booking", {"plate": "EF-456-GH", "arrival_time": "", "notes": ""})
    assert "transmise" in marie.get(answer.headers["Location"]).data.decode()
    with store(app) as tx:
        stay = found(tx.stay(EST, "312"))
        requests = tx.change_requests_of(EST, "C-1042")
    assert stay.get("custom_fields") == [{"key": "plate", "value": "AB-123-CD"}]
    assert [r["request"]["changes"][0].get("after") for r in requests] == ["EF-456-GH"]


def test_a_companion_added_past_its_deadline_becomes_a_request_shown_on_the_stay_page(
        app: Flask, office: FlaskClient, clock: Clock) -> None:
    marie = app.test_client()
    open_link(marie, marie_link(app))
    # The participants, as the booking page's rule says: D-2 before the 11 July arrival,
    # through 9 July in Paris (22:00 UTC); a minute later, a change is a request.
    clock.now = dt.datetime(2026, 7, 9, 22, 1, tzinfo=dt.timezone.utc)
    assert "délai passé" in marie.get(f"{CAMPING}/stays/312").data.decode()
    answer = post(marie, f"{CAMPING}/stays/312/participants", {"first_name": "Zoé", "last_name": "Dupont",
                                                               "birth_date": "2012-03-04"}, f"{CAMPING}/stays/312")
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/stays/312")
    page = marie.get(answer.headers["Location"]).data.decode()
    assert "transmise" in page and "Vos demandes" in page and "en attente" in page
    with store(app) as tx:
        stay = found(tx.stay(EST, "312"))
        requests = tx.change_requests_of(EST, "C-1042", "312")
    assert [p["first_name"] for p in stay.get("participants", [])] == ["Paul"]  # unchanged until approved
    assert [(r["status"], [c["field"] for c in r["request"]["changes"]]) for r in requests] == [
        ("pending", ["participants"])]
    # The business approves it: Zoé is on the stay, her page says so.
    request_id = requests[0]["request"]["id"]
    answer = post(office, "/office/camping-des-pins/clients/C-1042", {"action": "approve", "request_id": request_id})
    assert answer.status_code == 200
    with store(app) as tx:
        assert [p["first_name"] for p in found(tx.stay(EST, "312")).get("participants", [])] == ["Paul", "Zoé"]
    assert "acceptée" in marie.get(f"{CAMPING}/stays/312").data.decode()


def test_a_link_naming_a_record_the_host_does_not_have_is_invalid_even_expired(app: Flask, clock: Clock) -> None:
    """hospes verifies it against no state (`state=None`): `link.invalid`, as a forged token."""
    with store(app) as tx:
        est = found(tx.establishment(EST))
    state: hospes.LinkState = {"kind": "document", "sha256": "0" * 64, "status": "sent"}
    for client_id, subject in (("C-1042", "D26-9999"), ("C-9999", "D26-0318")):
        issued = app.extensions["hospes_portal"].links.keyring.issue(est.record, {
            "purpose": "quote", "client_id": client_id, "subject": subject, "state": state,
            "expires_at": clock.now + dt.timedelta(days=1)}, clock.now)
        for later in (dt.timedelta(0), dt.timedelta(days=2)):
            clock.now += later
            answer = app.test_client().get(path_of(issued["url"]))
            clock.now -= later
            assert answer.status_code == 400 and "pas valide" in answer.data.decode(), (client_id, later)


def test_an_expired_reset_link_sends_a_new_one_to_its_account(app: Flask, office: FlaskClient, clock: Clock) -> None:
    """The new link is of the expired one's purpose, named by hospes (`err.fields`), not the token."""
    link = link_for(app, "T-0501", "password_reset", "toilettage-du-parc")
    clock.now += dt.timedelta(hours=2)
    camille = app.test_client()
    answer = camille.get(path_of(link))
    assert answer.status_code == 303 and answer.headers["Location"].endswith(f"{SALON}/link-expired")
    before = office.get("/office/outbox").data.decode().count("nouveau mot de passe")
    page = camille.get(f"{SALON}/link-expired").data
    assert camille.post(f"{SALON}/link-expired", data={"csrf": csrf(page)}).status_code == 303
    assert office.get("/office/outbox").data.decode().count("nouveau mot de passe") == before + 1
    new = outbox_links(office, "nouveau mot de passe")
    assert [path_of(u).split("?")[0] for u in new] == [f"{SALON}/account/reset"]
    assert open_link(camille, new[0]).endswith(f"{SALON}/account/new-password")


def test_a_new_account_is_confirmed_by_the_link_of_its_built_in_tag(app: Flask, office: FlaskClient) -> None:
    hugo = app.test_client()
    answer = post(hugo, f"{SALON}/register", {"email": "hugo.petit@example.fr", "password": "Praline-au-parc-2026"})
    assert answer.status_code == 303
    links = outbox_links(office, "confirmez votre compte")
    assert [path_of(u).split("?")[0] for u in links] == [f"{SALON}/account/verify"]
    assert open_link(hugo, links[0]).endswith(f"{SALON}/login")
    answer = post(hugo, f"{SALON}/login", {"email": "hugo.petit@example.fr", "password": "Praline-au-parc-2026"})
    assert answer.status_code == 303 and answer.headers["Location"].endswith(f"{SALON}/")


def test_the_establishment_phone_is_written_as_its_reader_dials_it(app: Flask) -> None:
    marie = app.test_client()
    open_link(marie, marie_link(app))
    page = marie.get(f"{CAMPING}/").data.decode()
    assert '<a class="phone" href="tel:+33558091234">05 58 09 12 34</a>' in page
    post(marie, f"{CAMPING}/language", {"locale": "en", "next": f"{CAMPING}/"}, f"{CAMPING}/")
    assert '<a class="phone" href="tel:+33558091234">+33 5 58 09 12 34</a>' in marie.get(f"{CAMPING}/").data.decode()
