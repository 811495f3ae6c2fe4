"""The journeys of the seeds (000, 003, 004) in a real browser: Chromium clicks, types, draws the
signature with the mouse and a finger, pays on the provider's page, downloads the invoice."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Optional, Union

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.select import Select

from .chromium import Browser
from .harness import CAMPING, SALON, LiveServer, browser_log, fetch, found, pdf_text, wait_for, wait_for_path

#: What finds elements: the page, or an element of it.
Within = Union[Browser, WebElement]


# -- what a person does -----------------------------------------------------------------------

def css(driver: Within, selector: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, selector)


def main_text(driver: Browser) -> str:
    return css(driver, "main").text


def click_and_load(driver: Browser, element: WebElement) -> None:
    """Clicks what navigates (a link, a submit button) and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    wait_for(lambda: _stale(old), 15, "the next page")
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete", 15, "the page to load")


def _stale(element: WebElement) -> bool:
    try:
        element.is_enabled()
        return False
    except Exception:  # noqa: BLE001 - StaleElementReferenceException: the page was replaced
        return True


def link(driver: Browser, text: str) -> WebElement:
    """The link whose text is `text` (the menu's, a button-like link)."""
    return driver.find_element(By.XPATH, f"//a[normalize-space()={_xpath_string(text)}]")


def button(driver: Browser, text: str, within: Optional[WebElement] = None) -> WebElement:
    """The button whose text starts with `text`."""
    return (within or driver).find_element(By.XPATH, f".//button[starts-with(normalize-space(), {_xpath_string(text)})]")


def _xpath_string(text: str) -> str:
    return f'"{text}"' if '"' not in text else f"'{text}'"


def fill(element: WebElement, value: str) -> None:
    element.clear()
    element.send_keys(value)


def set_value(driver: Browser, element: WebElement, value: str) -> None:
    """Sets a date or time input (typing into them depends on the browser's locale)."""
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                          element, value)


def sign_in_office(driver: Browser, live: LiveServer) -> None:
    driver.get(live("/office/login"))
    fill(css(driver, "input[name=password]"), live.office_password())
    click_and_load(driver, button(driver, "Se connecter"))
    wait_for_path(driver, "/office/")


def attribute(element: WebElement, name: str) -> str:
    """An attribute the element has."""
    return found(element.get_attribute(name))


def outbox_links(office: Browser, live: LiveServer, subject_part: str) -> List[str]:
    """The links of the newest mail whose subject contains `subject_part`, read in the outbox."""
    office.get(live("/office/outbox"))
    mails = [a for a in office.find_elements(By.CSS_SELECTOR, "main table a") if subject_part in a.text]
    assert mails, f"no mail « {subject_part} » in the outbox"
    newest = max(mails, key=lambda a: int(attribute(a, "href").rsplit("/", 1)[1]))
    click_and_load(office, newest)
    return [attribute(a, "href") for a in office.find_elements(By.CSS_SELECTOR, "a.mail-link")]


def outbox_count(office: Browser, live: LiveServer, subject_part: str) -> int:
    office.get(live("/office/outbox"))
    return sum(subject_part in a.text for a in office.find_elements(By.CSS_SELECTOR, "main table a"))


def draw_with_mouse(driver: Browser, pad: WebElement) -> None:
    """A stroke drawn with the mouse, as a person signs."""
    width = pad.size["width"]
    chain = ActionChains(driver, duration=20)
    chain.move_to_element_with_offset(pad, -width // 3, 10).click_and_hold()
    for dx, dy in ((25, -30), (25, 45), (25, -50), (25, 35), (30, -20), (30, 10)):
        chain.move_by_offset(dx, dy)
    chain.release().perform()


def draw_with_finger(driver: Browser, pad: WebElement) -> None:
    """A stroke drawn with a finger (touch pointer events): the W3C actions of a touch pointer,
    as Selenium's `PointerInput` encodes them (written out: its helpers are not annotated)."""
    moves = [{"type": "pointerMove", "duration": 20, "origin": "pointer", "x": dx, "y": dy}
             for dx, dy in ((20, 20), (20, -25), (20, 15), (20, -10))]
    driver.execute(Command.W3C_ACTIONS, {"actions": [{
        "type": "pointer", "id": "finger", "parameters": {"pointerType": "touch"}, "actions": [
            {"type": "pointerMove", "duration": 20, "origin": pad, "x": pad.size["width"] // 4, "y": 0},
            {"type": "pointerDown", "duration": 0, "button": 0}, *moves,
            {"type": "pointerUp", "duration": 0, "button": 0}]}]})


def console_errors(driver: Browser) -> List[str]:
    """The errors the browser's console got since last asked: a script error, a resource that
    failed to load, anything the Content-Security-Policy refused (inline script or style)."""
    return [str(e["message"]) for e in browser_log(driver) if e["level"] == "SEVERE"]


# -- the journeys -----------------------------------------------------------------------------

def test_marie_signs_by_drawing_pays_downloads_her_invoice_and_reads_spanish(
        live: LiveServer, browser: Browser, second_browser: Browser) -> None:
    marie, office = browser, second_browser
    console_errors(marie)
    # The back office reads the mail of quote D26-0318 in its outbox; Marie opens her link.
    sign_in_office(office, live)
    links = outbox_links(office, live, "votre devis D26-0318")
    portal = next(u for u in links if "/quote?" not in u)
    marie.get(portal)
    home = wait_for_path(marie, f"{CAMPING}/")
    assert "t=" not in home, "the token stays out of the address bar"
    assert "Marie Dupont" in main_text(marie) and marie.title == "Camping des Pins"
    assert css(marie, "html").get_attribute("lang") == "fr"

    # « Mes infos »: she corrects her mobile.
    click_and_load(marie, link(marie, "Marie Dupont"))
    wait_for_path(marie, f"{CAMPING}/infos")
    fill(css(marie, "input[name=mobile]"), "06 12 34 56 78")
    assert css(marie, "input[name=email]").get_attribute("readonly") is not None
    click_and_load(marie, button(marie, "Enregistrer"))
    assert "Vos informations sont enregistrées." in main_text(marie)
    with live.tx() as tx:
        assert found(tx.client("C-1042")).get("mobile") == "+33612345678"

    # The quote, from her home page: she adds Léa, the quote is priced for three.
    click_and_load(marie, link(marie, "Accueil"))
    click_and_load(marie, link(marie, "Voir le devis"))
    wait_for_path(marie, f"{CAMPING}/quotes/D26-0318")
    before = css(marie, "#quote-total").text
    companions = css(marie, "form.grid")
    fill(companions.find_element(By.NAME, "first_name"), "Léa")
    fill(companions.find_element(By.NAME, "last_name"), "Dupont")
    set_value(marie, companions.find_element(By.NAME, "birth_date"), "2016-05-02")
    click_and_load(marie, button(marie, "Ajouter un accompagnant", companions))
    wait_for_path(marie, f"{CAMPING}/quotes/D26-0318")
    assert "Léa Dupont" in main_text(marie)
    assert css(marie, "#quote-total").text != before

    # She signs by drawing: a stroke with the mouse, one with a finger.
    pad = css(marie, "#signature-pad")
    marie.execute_script("arguments[0].scrollIntoView({block: 'center'})", pad)
    draw_with_mouse(marie, pad)
    drawn = attribute(css(marie, "#signature-d"), "value")
    assert re.fullmatch(r"M\d+ \d+( L\d+ \d+){3,}", drawn), drawn
    draw_with_finger(marie, pad)
    drawn = attribute(css(marie, "#signature-d"), "value")
    assert drawn.count("M") == 2 and drawn.count("L") >= 8, drawn
    assert marie.execute_script(  # ink on the canvas where the strokes went
        "var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
        "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;", pad) > 200
    css(marie, "input[name=consent]").click()
    click_and_load(marie, button(marie, "Signer et valider"))
    wait_for_path(marie, f"{CAMPING}/stays/318")
    assert "Confirmé" in main_text(marie)
    with live.tx() as tx:
        quote = found(tx.quote("camping-des-pins", "D26-0318"))
    assert quote["status"] == "accepted"

    # « Payer »: the deposit, on the demo provider's page.
    pay = css(marie, ".figures form button.primary")
    assert pay.text.startswith("Payer")
    paid = re.search(r"/invoices/([^/]+)/pay$", attribute(css(marie, ".figures form"), "action"))
    assert paid, "« Payer » pays an invoice"
    number = paid.group(1)
    click_and_load(marie, pay)
    wait_for(lambda: "/demo-pay/" in marie.current_url, 10, "the provider's page")
    assert css(marie, "h1").text == "Demo Pay"
    click_and_load(marie, css(marie, "button[value=pay]"))
    wait_for_path(marie, f"{CAMPING}/pay/return")
    assert "Paiement reçu" in main_text(marie)
    # The provider's notification arrives too, twice: still one payment.
    assert live.notifications.flush(times=2) == [200, 200]
    assert number in css(marie, "main .row strong").text
    with live.tx() as tx:
        assert len(tx.payments_on("camping-des-pins", [number])) == 1
        assert found(tx.invoice("camping-des-pins", number))["status"] == "paid"

    # Her invoices: paid, the PDF downloaded by the browser.
    click_and_load(marie, link(marie, "Mes factures"))
    row = marie.find_element(By.XPATH, f"//li[contains(@class, 'row')][.//strong[contains(., '{number}')]]")
    assert "Payée" in row.text
    row.find_element(By.LINK_TEXT, "PDF").click()
    folder = Path(marie.download_dir)
    pdf = wait_for(lambda: next((p for p in folder.glob("*.pdf")), None), 15, "the invoice's download")
    assert pdf.name == f"facture-{number}.pdf"
    text = pdf_text(pdf.read_bytes())
    assert number in text and "Marie Dupont" in text

    # ¡En español!, and remembered on the next page.
    click_and_load(marie, button(marie, "ES"))
    wait_for_path(marie, f"{CAMPING}/invoices")
    assert css(marie, "html").get_attribute("lang") == "es"
    assert css(marie, "h1").text == "Mis facturas" and "Pagada" in main_text(marie)
    click_and_load(marie, link(marie, "Inicio"))
    assert css(marie, "html").get_attribute("lang") == "es"
    assert "Próximas estancias" in main_text(marie)
    assert not console_errors(marie)


def test_jean_in_another_browser_never_sees_marie(live: LiveServer, browser: Browser, second_browser: Browser) -> None:
    marie, jean = browser, second_browser
    # Marie's real addresses, read in her own browser.
    marie.get(live.issue_link("C-1042"))
    wait_for_path(marie, f"{CAMPING}/")
    marie.get(live(f"{CAMPING}/invoices"))
    invoice_links = [attribute(a, "href") for a in marie.find_elements(By.LINK_TEXT, "PDF")]
    assert invoice_links
    invoice = invoice_links[0].rsplit("/", 2)[1]
    urls = [live(CAMPING + p) for p in (
        "/stays/312", "/stays/318", "/stays/287", "/quotes/D26-0318", "/quotes/D26-0318/pdf", "/contracts/28",
        "/contracts/28/pdf", "/contracts/A12-2027", f"/invoices/{invoice}/pay", f"/invoices/{invoice}/pdf",
        "/residencies/R-2027-A12", "/stays/312/booking", "/stays/312/cancel")]
    for url in urls[:1] + urls[3:4]:
        marie.get(url)
        assert "Dupont" in marie.page_source, url  # they are hers: she sees them

    jean.get(live.issue_link("C-2077"))
    wait_for_path(jean, f"{CAMPING}/")
    assert "Jean Martin" in main_text(jean)
    hers = ("Dupont", "Marie", "marie.dupont", "C-1042")
    for page in ("/", "/stays", "/invoices", "/infos"):
        jean.get(live(CAMPING + page))
        assert not [w for w in hers if w in jean.page_source], page
    for url in urls:
        jean.get(url)  # he edits the address bar
        assert css(jean, "h1").text == "Désolé", url
        assert "n’existe pas" in main_text(jean) or "existe" in main_text(jean), url
        assert not [w for w in hers if w in jean.page_source], url
        assert not re.search(r"D26-0318|A12|312|318|287|" + re.escape(invoice), main_text(jean)), url
    assert not list(Path(jean.download_dir).glob("*.pdf")), "no PDF of hers was downloaded"
    for url in (u for u in urls if u.endswith("/pdf")):  # nor fetched with his session's cookies
        status, headers, body = fetch(jean, url)
        assert status == 404 and not body.startswith(b"%PDF") and b"Dupont" not in body, url
    status, headers, body = fetch(marie, urls[4])  # her own session gets it
    assert status == 200 and body.startswith(b"%PDF") and headers["Content-Type"] == "application/pdf"
    # A salon's page does not open with his campsite session either.
    jean.get(live(f"{SALON}/"))
    wait_for_path(jean, f"{SALON}/login")


def test_an_expired_link_offers_a_new_one_by_mail(live: LiveServer, browser: Browser, second_browser: Browser) -> None:
    guest, office = browser, second_browser
    sign_in_office(office, live)
    first = outbox_links(office, live, "votre devis D26-0318")
    portal = next(u for u in first if "/quote?" not in u)
    before = outbox_count(office, live, "votre espace client")

    live.clock.now += dt.timedelta(days=31)
    guest.get(portal)
    wait_for_path(guest, f"{CAMPING}/link-expired")
    assert css(guest, "h1").text == "Ce lien a expiré"
    click_and_load(guest, button(guest, "M’envoyer un nouveau lien"))
    assert "Un nouveau lien vient d’être envoyé" in main_text(guest)

    assert outbox_count(office, live, "votre espace client") == before + 1
    new = outbox_links(office, live, "votre espace client")
    assert "marie.dupont@example.fr" in main_text(office)
    guest.get(new[0])
    wait_for_path(guest, f"{CAMPING}/")
    assert "Marie Dupont" in main_text(guest)


def test_the_salon_guest_logs_in_and_asks_for_an_appointment_for_filou(live: LiveServer, browser: Browser) -> None:
    camille = browser
    camille.get(live(f"{SALON}/login"))
    fill(css(camille, "input[name=email]"), "camille.laurent@example.fr")
    fill(css(camille, "input[name=password]"), "Filou-au-parc-2026")
    click_and_load(camille, css(camille, "main button.primary"))
    wait_for_path(camille, f"{SALON}/")
    assert "Camille" in main_text(camille)

    click_and_load(camille, link(camille, "Mes animaux"))
    pets = main_text(camille)
    assert "Filou" in pets and "Caniche nain" in pets and "Rex" not in pets

    click_and_load(camille, link(camille, "Mes rendez-vous"))
    form = css(camille, "main form.grid")
    Select(form.find_element(By.NAME, "pet")).select_by_visible_text("Filou")
    set_value(camille, form.find_element(By.NAME, "start"), "2026-06-03T10:00")
    fill(form.find_element(By.NAME, "comment"), "Coupe courte, merci.")
    click_and_load(camille, button(camille, "Envoyer", form))
    wait_for_path(camille, f"{SALON}/appointments")
    assert "Demande envoyée" in css(camille, ".flash").text
    row = camille.find_element(By.XPATH, "//li[contains(@class, 'row')][contains(., 'Coupe courte, merci.')]")
    assert "Filou" in row.text and "3 juin 2026 10:00" in row.text
    assert row.find_element(By.CSS_SELECTOR, ".badge").text == "Demandé"
    with live.tx() as tx:
        asked = [a for a in tx.appointments_of("toilettage-du-parc", "T-0501") if a.get("comment") == "Coupe courte, merci."]
    assert len(asked) == 1 and asked[0]["pet"] == "Filou" and asked[0]["status"] == "requested"


def test_a_booking_field_one_minute_before_and_one_minute_after_its_deadline(live: LiveServer, browser: Browser) -> None:
    marie = browser
    marie.get(live.issue_link("C-1042"))
    wait_for_path(marie, f"{CAMPING}/")
    # The plate: D-2 before the 11 July arrival, through 9 July in Paris (22:00 UTC).
    live.clock.now = dt.datetime(2026, 7, 9, 21, 59, tzinfo=dt.timezone.utc)
    marie.get(live(f"{CAMPING}/stays/312"))
    click_and_load(marie, link(marie, "Modifier ma réservation"))
    wait_for_path(marie, f"{CAMPING}/stays/312/booking")
    plate = css(marie, "input[name=plate]")
    hint = plate.find_element(By.XPATH, "following-sibling::span[contains(@class, 'hint')]")
    assert "1 min" in hint.text and "open" in attribute(hint, "class")
    fill(plate, "ab-123-cd")
    click_and_load(marie, button(marie, "Enregistrer"))
    assert "Votre réservation est modifiée." in main_text(marie)
    assert css(marie, "input[name=plate]").get_attribute("value") == "AB-123-CD"

    live.clock.now = dt.datetime(2026, 7, 9, 22, 1, tzinfo=dt.timezone.utc)
    marie.refresh()
    plate = css(marie, "input[name=plate]")
    assert "délai passé" in plate.find_element(By.XPATH, "following-sibling::span").text
    fill(plate, "EF-456-GH")
    click_and_load(marie, button(marie, "Enregistrer"))
    assert "transmise" in main_text(marie)
    assert "EF-456-GH" in css(marie, "main section.card").text  # her request, listed
    with live.tx() as tx:
        stay = found(tx.stay("camping-des-pins", "312"))
        requests = tx.change_requests_of("camping-des-pins", "C-1042")
    assert stay.get("custom_fields") == [{"key": "plate", "value": "AB-123-CD"}]
    assert [r["request"]["changes"][0].get("after") for r in requests] == ["EF-456-GH"]
