"""Mails: the business's templates rendered by hospes, kept in the outbox, sent by a plug-in.

Every mail goes to the `outbox` table (the host's record of « mails sent », shown in the back
office like a local mail catcher). A `MailSender` then delivers it: `OutboxOnly` (the default:
nothing leaves the machine) or `SmtpSender` (stdlib `smtplib`, when `SMTP_HOST` is set).
"""

from __future__ import annotations

import datetime as dt
import smtplib
from email.message import EmailMessage
from typing import Any, Dict, Optional, Protocol

import hospes

from .db import Record, Tx
from .links import Links

#: Which subject each link of a template opens, by the mail's documents and stay.
_SUBJECT_OF = {
    "portal": lambda docs: None,
    "quote": lambda docs: docs.get("quote"),
    "contract": lambda docs: docs.get("contract"),
    "invoice": lambda docs: docs.get("invoice"),
    "deposit_payment": lambda docs: docs.get("invoice"),
    "balance_payment": lambda docs: docs.get("invoice"),
    "booking_edit": lambda docs: docs.get("stay"),
}


class MailSender(Protocol):
    """Delivers a rendered mail. Raises on failure (the outbox keeps the error)."""

    name: str

    def send(self, sender: str, to: str, mail: Record) -> None: ...


class OutboxOnly:
    """Keeps mails in the outbox only: the demo's default, nothing leaves the machine."""

    name = "outbox"

    def send(self, sender: str, to: str, mail: Record) -> None:
        return None


class SmtpSender:
    """Sends through an SMTP server (STARTTLS when `starttls`), both parts of the mail."""

    name = "smtp"

    def __init__(self, host: str, port: int = 587, user: Optional[str] = None, password: Optional[str] = None,
                 starttls: bool = True) -> None:
        self.host, self.port, self.user, self.password, self.starttls = host, port, user, password, starttls

    def send(self, sender: str, to: str, mail: Record) -> None:
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

    def send_template(self, tx: Tx, establishment: Record, name: str, client: Record, now: dt.datetime,
                      stay: Optional[Record] = None, documents: Optional[Dict[str, str]] = None,
                      amounts: Optional[Record] = None, tags: Optional[Dict[str, str]] = None,
                      edit: Optional[Record] = None) -> Optional[int]:
        """Sends template `name` to `client`; the id of the mail in the outbox, None without an
        e-mail address. `documents` names the quote, contract, invoice and stay its links open."""
        if not client.get("email"):
            return None
        template = tx.mail_template(establishment["id"], name)
        if template is None:
            raise LookupError(f"no mail template {name!r} for {establishment['id']}")
        mailer = hospes.Mailer(template)
        docs = dict(documents or {})
        if stay is not None:
            docs.setdefault("stay", stay["reference"])
        links = {purpose: self.links.issue(tx, establishment, client, purpose, _SUBJECT_OF[purpose](docs), now)
                 for purpose in mailer.summary["links_needed"]}
        context: Dict[str, Any] = {"establishment": establishment, "client": client, "links": links,
                                   "documents": {k: v for k, v in docs.items() if k != "stay"}}
        if stay is not None:
            context["stay"] = stay
        if amounts:
            context["amounts"] = amounts
        if edit:
            context["edit"] = edit
        if tags:
            context["tags"] = [{"name": k, "value": v} for k, v in tags.items()]
        return self.deliver(tx, establishment, client, mailer.render(context), now)

    def deliver(self, tx: Tx, establishment: Record, client: Record, mail: Record, now: dt.datetime) -> int:
        """Stores the mail in the outbox and sends it; a delivery error is kept with it."""
        sender = f"{establishment['name']} <{establishment.get('email') or 'portal@localhost'}>"
        error = None
        try:
            self.sender.send(sender, client["email"], mail)
        except (OSError, smtplib.SMTPException) as err:
            error = f"{type(err).__name__}: {err}"
        return tx.add_mail(establishment["id"], client["id"], client["email"], mail, now, self.sender.name, error)
