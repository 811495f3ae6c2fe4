"""Exceptions raised by hospes: one base class, one subclass per error family.

Every exception carries the stable dotted ``code`` (``"client.email_invalid"``), its
``family`` (``"client"``), the English message as ``str(err)``, and the message in every
language hospes speaks in ``messages`` (``err.messages["fr"]``).
"""

from __future__ import annotations

from typing import Dict, Mapping


class HospesError(Exception):
    """Base class of every error raised by hospes."""

    code: str
    family: str
    messages: Dict[str, str]

    def __init__(self, code: str, message: str, messages: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.family = code.split(".", 1)[0]
        self.messages = dict(messages or {"en": message})

    def message_in(self, locale: str) -> str:
        """The message in ``locale`` (``"fr"``, ``"en"``, ``"es"``), English when unknown."""
        return self.messages.get(locale.split("-")[0].lower(), str(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {str(self)!r})"


class InputError(HospesError, ValueError):
    """The input could not be read: wrong type, missing field, float for money, too large."""


class MoneyError(HospesError, ValueError):
    """Amounts, currencies, VAT rates (``money.*``)."""


class FieldError(HospesError, ValueError):
    """A required field is empty or a text too long (``field.*``)."""


class ClientError(HospesError, ValueError):
    """A client record or a guest update was refused (``client.*``)."""


class EstablishmentError(HospesError, ValueError):
    """An establishment's settings were refused (``establishment.*``)."""


class StayError(HospesError, ValueError):
    """A stay was refused (``stay.*``)."""


class LinkError(HospesError, ValueError):
    """A link token was refused (``link.invalid``, ``link.expired``) or cannot be issued."""


class AccountError(HospesError, ValueError):
    """A login refused, a password too short, too many attempts (``account.*``)."""


class PortalError(HospesError, ValueError):
    """A record that is not this guest's, answered as missing (``portal.not_found``)."""


class PricingError(HospesError, ValueError):
    """A stay that cannot be priced or booked as asked (``pricing.unit_unavailable``,
    ``pricing.promo_expired`` …)."""


class QuoteError(HospesError, ValueError):
    """A quote that can no longer be changed or accepted (``quote.expired``, ``quote.changed`` …)."""


class InvoiceError(HospesError, ValueError):
    """Invoice numbering or issuing refused (``invoice.date_before_last`` …)."""


class PaymentError(HospesError, ValueError):
    """A payment that cannot be recorded or asked for (``payment.amount_invalid``, ``payment.not_payable`` …)."""


class ContractError(HospesError, ValueError):
    """A contract that cannot be drawn up or signed (``contract.already_signed`` …)."""


class EvidenceError(HospesError, ValueError):
    """A signature or an event log that does not hold (``evidence.document_changed``, ``evidence.log_broken`` …)."""


class MailError(HospesError, ValueError):
    """A mail template that cannot be saved or rendered (``mail.tag_unknown``, ``mail.value_missing`` …)."""


class BookingError(HospesError, ValueError):
    """A booking field the guest may not change, or not anymore (``booking.field_not_editable`` …)."""


class AppointmentError(HospesError, ValueError):
    """An appointment that cannot be requested or changed (outside opening hours, someone else's pet …)."""


class PdfError(HospesError, ValueError):
    """A document that cannot be printed: a font or logo refused, labels without an address (``pdf.*``)."""


class InternalError(HospesError, RuntimeError):
    """A bug in hospes, reported instead of crashing: please report it."""


FAMILIES = {
    "input": InputError,
    "money": MoneyError,
    "field": FieldError,
    "client": ClientError,
    "establishment": EstablishmentError,
    "stay": StayError,
    "link": LinkError,
    "account": AccountError,
    "portal": PortalError,
    "pricing": PricingError,
    "quote": QuoteError,
    "invoice": InvoiceError,
    "payment": PaymentError,
    "contract": ContractError,
    "evidence": EvidenceError,
    "mail": MailError,
    "booking": BookingError,
    "appointment": AppointmentError,
    "pdf": PdfError,
    "internal": InternalError,
}


def from_envelope(error: Mapping[str, object]) -> HospesError:
    """Builds the exception of the right family from a wire error envelope."""
    code = str(error.get("code", "internal.error"))
    cls = FAMILIES.get(code.split(".", 1)[0], HospesError)
    messages = error.get("messages")
    return cls(code, str(error.get("message", code)), messages if isinstance(messages, dict) else None)
