"""Mails: the business's templates rendered by hospes, kept in the outbox, sent by a plug-in.

Every mail goes to the `outbox` table (the host's record of « mails sent », shown in the back
office like a local mail catcher). A `MailSender` then delivers it: `OutboxOnly` (the default:
nothing leaves the machine) or `SmtpSender` (stdlib `smtplib`, when `SMTP_HOST` is set).
"""

from __future__ import annotations

import datetime as dt
import smtplib
from email.message import EmailMessage
from typing import Callable, Dict, Optional, Protocol

import hospes

from .db import Tx
from .links import Links

#: Which subject each link of a template opens, from the mail's documents and stay reference.
#: The account links name no subject: the page that sends an account mail issues its link.
_SUBJECT_OF: Dict[str, Callable[[hospes.MailDocuments, Optional[str]], Optional[str]]] = {
    "portal": lambda docs, stay: None,
    "quote": lambda docs, stay: docs.get("quote"),
    "contract": lambda docs, stay: docs.get("contract"),
    "invoice": lambda docs, stay: docs.get("invoice"),
    "deposit_payment": lambda docs, stay: docs.get("invoice"),
    "balance_payment": lambda docs, stay: docs.get("invoice"),
    "booking_edit": lambda docs, stay: stay,
}


class MailSender(Protocol):
    """Delivers a rendered mail. Raises on failure (the outbox keeps the error)."""

    name: str

    def send(self, sender: str, to: str, mail: hospes.RenderedMail) -> None: ...


class OutboxOnly:
    """Keeps mails in the outbox only: the demo's default, nothing leaves the machine."""

    name = "outbox"

    def send(self, sender: str, to: str, mail: hospes.RenderedMail) -> None:
        return None


class SmtpSender:
    """Sends through an SMTP server (STARTTLS when `starttls`), both parts of the mail."""

    name = "smtp"

    def __init__(self, host: str, port: int = 587, user: Optional[str] = None, password: Optional[str] = None,
                 starttls: bool = True) -> None:
        self.host, self.port, self.user, self.password, self.starttls = host, port, user, password, starttls

    def send(self, sender: str, to: str, mail: hospes.RenderedMail) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, to, mail["subject"]
        message.set_content(mail["text"])
        message.add_alternative(mail["html"], subtype="html")
        with smtplib.SMTP(self.host, self.port, timeout=15) as smtp:
            if self.starttls:
                smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(message)


class Postman:
    """Renders the establishment's templates for one client, issues the links they need, and
    hands the mail to the outbox and the sender."""

    def __init__(self, sender: MailSender, links: Links) -> None:
        self.sender = sender
        self.links = links

    def send_template(self, tx: Tx, establishment: hospes.Establishment, name: str, client: hospes.Client,
                      now: dt.datetime, stay: Optional[hospes.Stay] = None,
                      documents: Optional[hospes.MailDocuments] = None, amounts: Optional[hospes.MailAmounts] = None,
                      links: Optional[hospes.MailLinks] = None, edit: Optional[hospes.MailEdit] = None,
                      tags: Optional[Dict[str, str]] = None) -> Optional[int]:
        """Sends template `name` to `client`; the id of the mail in the outbox, None without an
        e-mail address. `documents` names the quote, contract and invoice its links open (a
        booking-edit link opens `stay`);
        `links` are those issued already (an account mail's), the others are issued here; `tags`
        values the template's own host tags."""
        email = client.get("email")
        if not email:
            return None
        template = tx.mail_template(establishment["id"], name)
        if template is None:
            raise LookupError(f"no mail template {name!r} for {establishment['id']}")
        mailer = hospes.Mailer(template)
        docs: hospes.MailDocuments = documents or {}
        reference = None if stay is None else stay["reference"]
        given: hospes.MailLinks = links or {}
        issued: hospes.MailLinks = {}
        for purpose in mailer.summary["links_needed"]:
            if purpose in given:
                issued[purpose] = given[purpose]
            elif purpose in _SUBJECT_OF:
                issued[purpose] = self.links.issue(tx, establishment, client, purpose, _SUBJECT_OF[purpose](docs, reference), now)
            else:
                raise LookupError(f"mail {name!r} needs a {purpose} link, issued by its page")
        context: hospes.MailContext = {"establishment": establishment, "client": client, "links": issued,
                                       "documents": docs}
        if stay is not None:
            context["stay"] = stay
        if amounts:
            context["amounts"] = amounts
        if edit:
            context["edit"] = edit
        if tags:
            context["tags"] = [{"name": k, "value": v} for k, v in tags.items()]
        return self.deliver(tx, establishment, client["id"], email, mailer.render(context), now)

    def deliver(self, tx: Tx, establishment: hospes.Establishment, client_id: str, to: str,
                mail: hospes.RenderedMail, now: dt.datetime) -> int:
        """Stores the mail in the outbox and sends it; a delivery error is kept with it."""
        sender = f"{establishment['name']} <{establishment.get('email') or 'portal@localhost'}>"
        error = None
        try:
            self.sender.send(sender, to, mail)
        except (OSError, smtplib.SMTPException) as err:
            error = f"{type(err).__name__}: {err}"
        return tx.add_mail(establishment["id"], client_id, to, mail, now, self.sender.name, error)
