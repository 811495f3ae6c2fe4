"""The app's own words in French, English and Spanish, and the template filters that show
hospes's values in the page's language (amounts, dates, events — formatted by hospes itself).

Business messages (a refusal, an error) are hospes's: `err.message_in(locale)`. Only the small
words of the pages are here, one entry per key: (fr, en, es).
"""

from __future__ import annotations

import datetime as dt
from typing import Dict, Optional, Tuple, Union
from zoneinfo import ZoneInfo

import hospes
from flask import Flask, g, session

LOCALES: Tuple[hospes.Locale, ...] = ("fr", "en", "es")

WORDS: Dict[str, Tuple[str, str, str]] = {
    # -- frame, menu ------------------------------------------------------------------------
    "portal": ("Espace client", "Guest space", "Espacio cliente"),
    "menu": ("Menu", "Menu", "Menú"),
    "home": ("Accueil", "Home", "Inicio"),
    "my_stays": ("Mes séjours", "My stays", "Mis estancias"),
    "my_invoices": ("Mes factures", "My invoices", "Mis facturas"),
    "my_infos": ("Mes infos", "My details", "Mis datos"),
    "my_pets": ("Mes animaux", "My pets", "Mis animales"),
    "my_appointments": ("Mes rendez-vous", "My appointments", "Mis citas"),
    "logout": ("Se déconnecter", "Log out", "Cerrar sesión"),
    "sorry": ("Désolé", "Sorry", "Lo sentimos"),
    "not_found": ("Cette page n’existe pas ou plus.", "This page does not exist, or no longer does.", "Esta página no existe o ya no existe."),
    "bad_request": ("Cette demande n’a pas pu être traitée. Rechargez la page et réessayez.", "This request could not be handled. Reload the page and try again.", "No se pudo tratar la solicitud. Recargue la página e inténtelo de nuevo."),
    "demo": ("Démonstration du portail", "Portal demo", "Demostración del portal"),
    "guest_login": ("Espace client : se connecter", "Guest space: log in", "Espacio cliente: iniciar sesión"),
    "office": ("Back-office", "Back office", "Back office"),
    "office_open": ("Ouvrir le back-office", "Open the back office", "Abrir el back office"),
    # -- getting in --------------------------------------------------------------------------
    "login_title": ("Connexion à votre espace", "Log in to your space", "Acceso a su espacio"),
    "login": ("Se connecter", "Log in", "Iniciar sesión"),
    "email": ("Adresse e-mail", "E-mail address", "Correo electrónico"),
    "password": ("Mot de passe", "Password", "Contraseña"),
    "new_password": ("Nouveau mot de passe (10 caractères au moins)", "New password (at least 10 characters)", "Nueva contraseña (10 caracteres como mínimo)"),
    "first_visit": ("Première visite ? Créez votre compte", "First visit? Create your account", "¿Primera visita? Cree su cuenta"),
    "forgot": ("Mot de passe oublié", "Forgotten password", "Contraseña olvidada"),
    "link_hint": ("Vous avez reçu un lien par e-mail ? Il ouvre votre espace directement.", "Got a link by e-mail? It opens your space directly.", "¿Recibió un enlace por correo? Abre su espacio directamente."),
    "register_title": ("Créer votre compte", "Create your account", "Crear su cuenta"),
    "register_explain": ("Utilisez l’adresse e-mail que l’établissement a enregistrée pour vous.", "Use the e-mail address the establishment has on file for you.", "Utilice la dirección de correo que el establecimiento tiene registrada."),
    "register": ("Créer mon compte", "Create my account", "Crear mi cuenta"),
    "register_sent": ("Si cette adresse est connue, vous allez recevoir un e-mail pour confirmer votre compte.", "If this address is known, you will receive an e-mail to confirm your account.", "Si esta dirección es conocida, recibirá un correo para confirmar su cuenta."),
    "account_confirmed": ("Votre compte est confirmé : connectez-vous.", "Your account is confirmed: log in.", "Su cuenta está confirmada: inicie sesión."),
    "send_reset": ("Recevoir un lien", "Send me a link", "Recibir un enlace"),
    "reset_sent": ("Si un compte existe pour cette adresse, un lien vient de lui être envoyé.", "If an account exists for this address, a link has just been sent to it.", "Si existe una cuenta con esta dirección, se le acaba de enviar un enlace."),
    "choose_password": ("Choisissez un nouveau mot de passe", "Choose a new password", "Elija una nueva contraseña"),
    "password_changed": ("Mot de passe changé : connectez-vous.", "Password changed: log in.", "Contraseña cambiada: inicie sesión."),
    "link_expired_title": ("Ce lien a expiré", "This link has expired", "Este enlace ha caducado"),
    "link_expired_explain": ("Pour votre sécurité, les liens ne durent qu’un temps. Recevez un nouveau lien à l’adresse e-mail que l’établissement connaît.", "For your safety, links only last a while. Get a new link at the e-mail address the establishment has on file.", "Por su seguridad, los enlaces duran un tiempo limitado. Reciba un nuevo enlace en la dirección que el establecimiento conoce."),
    "send_new_link": ("M’envoyer un nouveau lien", "Send me a new link", "Enviarme un nuevo enlace"),
    "new_link_sent": ("Un nouveau lien vient d’être envoyé à votre adresse e-mail.", "A new link has just been sent to your e-mail address.", "Se acaba de enviar un nuevo enlace a su correo."),
    # -- home, infos ------------------------------------------------------------------------
    "hello": ("Bonjour {name}", "Hello {name}", "Hola, {name}"),
    "website": ("Site web", "Website", "Sitio web"),
    "open_from_to": ("Ouvert du {first} au {last}", "Open from {first} to {last}", "Abierto del {first} al {last}"),
    "complete_details": ("Merci de compléter :", "Please complete:", "Complete, por favor:"),
    "check_details": ("Vérifiez vos coordonnées et vos préférences.", "Check your contact details and preferences.", "Compruebe sus datos y preferencias."),
    "upcoming_stays": ("Séjours à venir", "Upcoming stays", "Próximas estancias"),
    "past_stays": ("Séjours passés", "Past stays", "Estancias pasadas"),
    "no_stays": ("Aucun séjour.", "No stays.", "Ninguna estancia."),
    "residency": ("Résidence", "Residency", "Residencia"),
    "infos_explain": ("Vérifiez vos informations et corrigez-les si besoin : l’établissement les reçoit aussitôt.", "Check your details and correct them if needed: the establishment receives them at once.", "Compruebe sus datos y corríjalos si hace falta: el establecimiento los recibe al instante."),
    "infos_saved": ("Vos informations sont enregistrées.", "Your details are saved.", "Sus datos se han guardado."),
    "nothing_changed": ("Rien n’a changé.", "Nothing changed.", "No ha cambiado nada."),
    "locked_explain": ("Les champs grisés ne se modifient qu’auprès de l’établissement.", "Greyed fields can only be changed by the establishment.", "Los campos en gris solo los cambia el establecimiento."),
    "to_complete": ("à compléter", "to complete", "por completar"),
    "field_civility": ("Civilité", "Title", "Tratamiento"),
    "field_first_name": ("Prénom", "First name", "Nombre"),
    "field_last_name": ("Nom", "Last name", "Apellido"),
    "field_company": ("Société", "Company", "Empresa"),
    "field_address": ("Adresse", "Address", "Dirección"),
    "field_landline": ("Téléphone fixe", "Landline", "Teléfono fijo"),
    "field_mobile": ("Téléphone mobile", "Mobile phone", "Teléfono móvil"),
    "field_email": ("Adresse e-mail", "E-mail address", "Correo electrónico"),
    "field_preferred_locale": ("Langue préférée", "Preferred language", "Idioma preferido"),
    "field_licence_plates": ("Plaques d’immatriculation", "Licence plates", "Matrículas"),
    "address_line2": ("Complément d’adresse", "Address (continued)", "Dirección (continuación)"),
    "postcode": ("Code postal", "Postcode", "Código postal"),
    "city": ("Ville", "City", "Ciudad"),
    "country": ("Pays (code)", "Country (code)", "País (código)"),
    "civility_none": ("—", "—", "—"),
    "civility_mrs": ("Madame", "Mrs", "Señora"),
    "civility_mr": ("Monsieur", "Mr", "Señor"),
    "civility_miss": ("Mademoiselle", "Miss", "Señorita"),
    "civility_family": ("Famille", "Family", "Familia"),
    "civility_company": ("Société", "Company", "Empresa"),
    "lang_none": ("— (celle de l’établissement)", "— (the establishment’s)", "— (la del establecimiento)"),
    "lang_fr": ("Français", "French", "Francés"),
    "lang_en": ("Anglais", "English", "Inglés"),
    "lang_es": ("Espagnol", "Spanish", "Español"),
    "save": ("Enregistrer", "Save", "Guardar"),
    # -- stays ------------------------------------------------------------------------------
    "ref": ("Réf", "Ref", "Ref."),
    "see": ("Voir", "View", "Ver"),
    "persons": ("{n} pers.", "{n} pers.", "{n} pers."),
    "persons_label": ("Personnes", "People", "Personas"),
    "documents": ("Documents", "Documents", "Documentos"),
    "total": ("Total", "Total", "Total"),
    "left_to_pay": ("Reste à payer", "Left to pay", "Pendiente de pago"),
    "pay": ("Payer", "Pay", "Pagar"),
    "stay_detail": ("Détail du séjour", "Stay details", "Detalle de la estancia"),
    "line": ("Prestation", "Item", "Concepto"),
    "amount": ("Montant", "Amount", "Importe"),
    "companions": ("Accompagnants", "Companions", "Acompañantes"),
    "no_companions": ("Aucun accompagnant.", "No companions.", "Ningún acompañante."),
    "pick_former": ("Ancien accompagnant", "Former companion", "Acompañante anterior"),
    "add": ("Ajouter", "Add", "Añadir"),
    "add_companion": ("Ajouter un accompagnant", "Add a companion", "Añadir un acompañante"),
    "remove": ("Retirer", "Remove", "Quitar"),
    "birth_date": ("Date de naissance", "Birth date", "Fecha de nacimiento"),
    "contract": ("Contrat", "Contract", "Contrato"),
    "booking_fields": ("Ma réservation", "My booking", "Mi reserva"),
    "editable_until": ("Modifiable jusqu’au {when}.", "Can be changed until {when}.", "Modificable hasta el {when}."),
    "booking_closed": ("Plus rien n’est modifiable en ligne : contactez l’établissement.", "Nothing can be changed online any more: contact the establishment.", "Ya no se puede modificar nada en línea: contacte con el establecimiento."),
    "edit_booking": ("Modifier ma réservation", "Edit my booking", "Modificar mi reserva"),
    "time_left": ("encore {left}", "{left} left", "quedan {left}"),
    "deadline_passed": ("délai passé : votre modification sera une demande à l’établissement", "deadline passed: your change will be a request to the establishment", "plazo vencido: su cambio será una solicitud al establecimiento"),
    "booking_saved": ("Votre réservation est modifiée.", "Your booking is changed.", "Su reserva ha sido modificada."),
    "booking_requested": ("Le délai est passé pour une partie : votre demande a été transmise à l’établissement.", "Part of it is past its deadline: your request was sent to the establishment.", "Parte ha superado el plazo: su solicitud se ha enviado al establecimiento."),
    "your_requests": ("Vos demandes", "Your requests", "Sus solicitudes"),
    "request_pending": ("en attente", "waiting", "pendiente"),
    "request_approved": ("acceptée", "approved", "aceptada"),
    "request_declined": ("refusée", "declined", "rechazada"),
    "participants_requested": ("Le délai est passé : votre demande a été transmise à l’établissement.", "The deadline has passed: your request was sent to the establishment.", "El plazo ha vencido: su solicitud se ha enviado al establecimiento."),
    "back_to_stay": ("Retour au séjour", "Back to the stay", "Volver a la estancia"),
    "cancel_stay": ("Annuler votre séjour", "Cancel your stay", "Anular su estancia"),
    "cancel_days": ("Arrivée dans {days} jours.", "Arrival in {days} days.", "Llegada dentro de {days} días."),
    "paid": ("Payé", "Paid", "Pagado"),
    "penalty": ("Frais d’annulation", "Cancellation fee", "Gastos de anulación"),
    "refund": ("Remboursement", "Refund", "Reembolso"),
    "confirm_cancel": ("Confirmer l’annulation", "Confirm the cancellation", "Confirmar la anulación"),
    "keep_stay": ("Garder mon séjour", "Keep my stay", "Mantener mi estancia"),
    "stay_cancelled": ("Votre séjour est annulé.", "Your stay is cancelled.", "Su estancia está anulada."),
    "status_option": ("Devis", "Quote", "Presupuesto"),
    "status_confirmed": ("Confirmé", "Confirmed", "Confirmada"),
    "status_in_progress": ("En cours", "In progress", "En curso"),
    "status_completed": ("Terminé", "Completed", "Terminada"),
    "status_cancelled": ("Annulé", "Cancelled", "Anulada"),
    "status_resident": ("Résident", "Resident", "Residente"),
    "rent": ("Loyer", "Rent", "Alquiler"),
    "yearly_contract": ("Contrat annuel", "Yearly contract", "Contrato anual"),
    "rent_schedule": ("Échéancier du loyer", "Rent installments", "Plazos del alquiler"),
    "authorised_persons": ("Personnes autorisées sur l’emplacement", "People allowed on the pitch", "Personas autorizadas en la parcela"),
    "add_person": ("Ajouter une personne", "Add a person", "Añadir una persona"),
    "authorised_saved": ("La liste est enregistrée.", "The list is saved.", "La lista se ha guardado."),
    # -- documents, payment -----------------------------------------------------------------
    "quote": ("Devis", "Quote", "Presupuesto"),
    "see_quote": ("Voir le devis", "View the quote", "Ver el presupuesto"),
    "quote_sent": ("À signer", "To sign", "Por firmar"),
    "quote_accepted": ("Signé", "Signed", "Firmado"),
    "nights": ("{n} nuits", "{n} nights", "{n} noches"),
    "valid_until": ("valable jusqu’au {when}", "valid until {when}", "válido hasta el {when}"),
    "read_pdf": ("Lire le document (PDF)", "Read the document (PDF)", "Leer el documento (PDF)"),
    "promo_code": ("Code promo", "Promo code", "Código promocional"),
    "apply": ("Appliquer", "Apply", "Aplicar"),
    "quote_repriced": ("Le devis est recalculé.", "The quote is priced again.", "El presupuesto se ha recalculado."),
    "sign_quote": ("Valider le devis", "Accept the quote", "Aceptar el presupuesto"),
    "sign_explain": ("Vous signez le document PDF ci-dessus, tel que vous l’avez lu.", "You sign the PDF above, exactly as you read it.", "Usted firma el PDF de arriba, tal como lo ha leído."),
    "signer_name": ("Votre nom", "Your name", "Su nombre"),
    "signature": ("Signature (dessinez dans le cadre)", "Signature (draw in the box)", "Firma (dibuje en el recuadro)"),
    "clear_signature": ("Effacer la signature", "Clear the signature", "Borrar la firma"),
    "sign_and_validate": ("Signer et valider", "Sign and accept", "Firmar y aceptar"),
    "consent_quote": ("J’ai lu le devis et j’accepte le devis et les conditions générales de vente.", "I have read the quote and accept it and the terms of sale.", "He leído el presupuesto y acepto el presupuesto y las condiciones generales de venta."),
    "consent_contract": ("J’ai lu le contrat et j’en accepte les conditions.", "I have read the contract and accept its terms.", "He leído el contrato y acepto sus condiciones."),
    "sign_needs_consent": ("Pour signer, dessinez votre signature et cochez la case d’acceptation.", "To sign, draw your signature and tick the acceptance box.", "Para firmar, dibuje su firma y marque la casilla de aceptación."),
    "quote_signed": ("Devis signé : votre séjour est confirmé.", "Quote signed: your stay is confirmed.", "Presupuesto firmado: su estancia está confirmada."),
    "quote_is_signed": ("Ce devis est signé.", "This quote is signed.", "Este presupuesto está firmado."),
    "contract_status_sent": ("À signer", "To sign", "Por firmar"),
    "contract_status_signed": ("Signé", "Signed", "Firmado"),
    "contract_signed": ("Contrat signé : merci !", "Contract signed: thank you!", "Contrato firmado: ¡gracias!"),
    "contract_is_signed": ("Contrat signé le {when}.", "Contract signed on {when}.", "Contrato firmado el {when}."),
    "no_invoices": ("Aucune facture.", "No invoices.", "Ninguna factura."),
    "due": ("Dû", "Due", "Pendiente"),
    "kind_deposit": ("Acompte", "Deposit", "Depósito"),
    "kind_balance": ("Solde", "Balance", "Saldo"),
    "kind_final": ("Facture", "Invoice", "Factura"),
    "kind_full": ("Totalité", "Full amount", "Totalidad"),
    "kind_side_sale": ("Facture", "Invoice", "Factura"),
    "kind_rent": ("Loyer", "Rent", "Alquiler"),
    "kind_cancellation_fee": ("Frais d’annulation", "Cancellation fee", "Gastos de anulación"),
    "kind_credit_note": ("Avoir", "Credit note", "Factura rectificativa"),
    "invoice_draft": ("Brouillon", "Draft", "Borrador"),
    "invoice_issued": ("À payer", "To pay", "Por pagar"),
    "invoice_partly_paid": ("Payée en partie", "Partly paid", "Pagada en parte"),
    "invoice_paid": ("Payée", "Paid", "Pagada"),
    "invoice_cancelled": ("Annulée", "Cancelled", "Anulada"),
    "nothing_to_pay": ("Rien à payer en ligne pour cette facture.", "Nothing to pay online on this invoice.", "Nada que pagar en línea en esta factura."),
    "payment_succeeded": ("Paiement reçu, merci !", "Payment received, thank you!", "Pago recibido, ¡gracias!"),
    "payment_failed": ("Le paiement a été refusé", "The payment was refused", "El pago ha sido rechazado"),
    "payment_cancelled": ("Paiement abandonné : rien n’a été prélevé.", "Payment abandoned: nothing was charged.", "Pago abandonado: no se ha cobrado nada."),
    "payment_pending": ("Paiement en cours de confirmation", "Payment being confirmed", "Pago en curso de confirmación"),
    "refresh": ("Actualiser", "Refresh", "Actualizar"),
    # -- salon ------------------------------------------------------------------------------
    "pet_name": ("Nom", "Name", "Nombre"),
    "species": ("Type", "Species", "Especie"),
    "breed": ("Race", "Breed", "Raza"),
    "appointments_count": ("Rendez-vous", "Appointments", "Citas"),
    "pets_readonly": ("Une erreur ? Contactez le salon, qui la corrigera.", "A mistake? Contact the salon, who will correct it.", "¿Un error? Contacte con el salón, que lo corregirá."),
    "no_appointments": ("Aucun rendez-vous.", "No appointments.", "Ninguna cita."),
    "request_appointment": ("Demander un rendez-vous", "Ask for an appointment", "Pedir una cita"),
    "pet": ("Animal", "Pet", "Animal"),
    "start": ("Début", "Start", "Inicio"),
    "end_optional": ("Fin (facultatif)", "End (optional)", "Fin (opcional)"),
    "comment": ("Commentaires", "Comments", "Comentarios"),
    "send_request": ("Envoyer la demande", "Send the request", "Enviar la solicitud"),
    "cancel": ("Annuler", "Cancel", "Anular"),
    "appointment_requested": ("Demande envoyée : le salon vous répondra.", "Request sent: the salon will answer.", "Solicitud enviada: el salón le responderá."),
    "appointment_cancelled": ("Rendez-vous annulé.", "Appointment cancelled.", "Cita anulada."),
    "appointment_status_requested": ("Demandé", "Requested", "Solicitada"),
    "appointment_status_confirmed": ("Confirmé", "Confirmed", "Confirmada"),
    "appointment_status_declined": ("Refusé", "Declined", "Rechazada"),
    "appointment_status_cancelled": ("Annulé", "Cancelled", "Anulada"),
    # -- the demo provider ------------------------------------------------------------------
    "demo_provider_note": ("Prestataire de paiement de démonstration : aucune carte n’est débitée.", "Demo payment provider: no card is charged.", "Proveedor de pago de demostración: no se carga ninguna tarjeta."),
    "card_number": ("Numéro de carte (test)", "Card number (test)", "Número de tarjeta (prueba)"),
    "pay_amount": ("Payer", "Pay", "Pagar"),
    "card_refused": ("Simuler un refus", "Simulate a refusal", "Simular un rechazo"),
    "give_up": ("Abandonner", "Give up", "Abandonar"),
    # -- back office ------------------------------------------------------------------------
    "office_password_hint": ("Le mot de passe est affiché au démarrage (target/portal/office-password.txt).", "The password is printed at start (target/portal/office-password.txt).", "La contraseña se muestra al arrancar (target/portal/office-password.txt)."),
    "office_wrong_password": ("Mot de passe incorrect.", "Wrong password.", "Contraseña incorrecta."),
    "office_wait": ("Trop d’essais : réessayez dans {seconds} s.", "Too many attempts: try again in {seconds} s.", "Demasiados intentos: vuelva a intentarlo en {seconds} s."),
    "establishments": ("Établissements", "Establishments", "Establecimientos"),
    "outbox": ("Mails envoyés", "Mails sent", "Correos enviados"),
    "register_clients": ("Registre clients", "Client register", "Registro de clientes"),
    "booking_policy": ("Données de réservation modifiables", "Editable booking fields", "Datos de reserva modificables"),
    "mail_templates": ("Modèles de mails", "Mail templates", "Plantillas de correo"),
    "search": ("Rechercher", "Search", "Buscar"),
    "kind": ("Type", "Kind", "Tipo"),
    "present_only": ("Présents aujourd’hui", "Present today", "Presentes hoy"),
    "clients_found": ("{n} client(s)", "{n} client(s)", "{n} cliente(s)"),
    "stays_count": ("Séjours", "Stays", "Estancias"),
    "revenue": ("CA TTC", "Revenue incl. VAT", "Facturación IVA incl."),
    "client_stayer": ("Séjournant", "Stayer", "Huésped"),
    "client_prospect": ("Prospect", "Prospect", "Cliente potencial"),
    "client_resident": ("Résident", "Resident", "Residente"),
    "client_tour_operator": ("Tour-opérateur", "Tour operator", "Turoperador"),
    "client_space": ("Espace client", "Client space", "Espacio cliente"),
    "open_client_space": ("Ouvrir l’espace client", "Open the client space", "Abrir el espacio cliente"),
    "mail_client_space": ("Envoyer le lien par mail", "Mail the link", "Enviar el enlace por correo"),
    "space_link": ("Lien de l’espace client (30 jours)", "Client space link (30 days)", "Enlace del espacio cliente (30 días)"),
    "office_link_mailed": ("Lien envoyé (voir les mails envoyés).", "Link sent (see the mails sent).", "Enlace enviado (ver los correos enviados)."),
    "gdpr_export": ("Export RGPD", "GDPR export", "Exportación RGPD"),
    "late_changes": ("Modifications demandées après le délai", "Changes asked after the deadline", "Cambios pedidos tras el plazo"),
    "approve": ("Accepter", "Approve", "Aceptar"),
    "decline": ("Refuser", "Decline", "Rechazar"),
    "reason": ("Motif", "Reason", "Motivo"),
    "events": ("Journal des événements", "Event log", "Registro de eventos"),
    "links_issued": ("Liens émis", "Links issued", "Enlaces emitidos"),
    "subject": ("Objet", "Subject", "Asunto"),
    "tags_hint": ("Balises : [LIEN_ESPACE_CLI], [LIEN_DEVIS], [LIEN_CONTRAT], [LIEN_FACTURE], [LIEN_PAIEMENT_ACOMPTE], [LIEN_PAIEMENT_SOLDE], [PRENOM], [NOM] …", "Tags: [PORTAL_LINK], [QUOTE_LINK], [CONTRACT_LINK], [INVOICE_LINK], [DEPOSIT_PAYMENT_LINK], [BALANCE_PAYMENT_LINK], [FIRST_NAME], [LAST_NAME] …", "Etiquetas: [LIEN_ESPACE_CLI], [LIEN_DEVIS], [LIEN_CONTRAT], [LIEN_FACTURE], [LIEN_PAIEMENT_ACOMPTE], [LIEN_PAIEMENT_SOLDE], [PRENOM], [NOM] …"),
    "error_at": ("{part}, ligne {line}, colonne {column}", "{part}, line {line}, column {column}", "{part}, línea {line}, columna {column}"),
    "office_template_saved": ("Modèle enregistré (liens : {links}).", "Template saved (links: {links}).", "Plantilla guardada (enlaces: {links})."),
    "to": ("À", "To", "Para"),
    "sent_at": ("Envoyé le", "Sent", "Enviado"),
    "links_in_mail": ("Liens du mail", "Links in the mail", "Enlaces del correo"),
    "field": ("Champ", "Field", "Campo"),
    "days_before": ("Jours avant l’arrivée", "Days before arrival", "Días antes de la llegada"),
    "at_time": ("Heure limite", "Time", "Hora límite"),
    "office_policy_saved": ("Règles enregistrées.", "Rules saved.", "Reglas guardadas."),
    "field_notes": ("Remarques", "Notes", "Observaciones"),
    "field_arrival_time": ("Heure d’arrivée", "Arrival time", "Hora de llegada"),
    "field_participants": ("Participants", "Participants", "Participantes"),
}


def as_locale(value: object, default: hospes.Locale = "fr") -> hospes.Locale:
    """`value` as one of the portal's languages (a session's, a record's), else `default`."""
    for code in LOCALES:
        if value == code:
            return code
    return default


def t(key: str, locale: Optional[str] = None, **values: object) -> str:
    """The word `key` in `locale` (the page's by default), with `{values}` filled in."""
    words = WORDS.get(key)
    if words is None:
        return key
    text = words[LOCALES.index(as_locale(locale, current_locale()))]
    return text.format(**values) if values else text


def current_locale() -> hospes.Locale:
    """The page's language."""
    return as_locale(getattr(g, "locale", None))


def _zone() -> ZoneInfo:
    establishment = getattr(g, "establishment", None)
    return ZoneInfo(establishment["time_zone"] if establishment else "Europe/Paris")


def _instant(value: Union[dt.datetime, str]) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def money(value: Optional[hospes.Money], locale: Optional[str] = None) -> str:
    """An amount as hospes writes it in the language (`1 234,50 €`, `€1,234.50`)."""
    return hospes.format_money(value, as_locale(locale, current_locale())) if value else ""


def date(value: Optional[dt.date]) -> str:
    """A calendar date as hospes writes it (`11 juillet 2026`)."""
    return hospes.format_date(value, current_locale()) if value else ""


def instant(value: Union[dt.datetime, str, None]) -> str:
    """An instant on the establishment's clock: the date as hospes writes it, and the time."""
    if not value:
        return ""
    local = _instant(value).astimezone(_zone())
    return f"{date(local.date())} {local:%H:%M}"


def localtime(value: str) -> str:
    """A wall-clock time of the establishment (an appointment's start)."""
    when = dt.datetime.fromisoformat(value)
    return f"{date(when.date())} {when:%H:%M}"


def remaining(seconds: int) -> str:
    """A time left as hospes writes it (« 3 jours », the words of [TEMPS_RESTANT])."""
    return hospes.format_duration(int(seconds), current_locale())


def deadline(value: Union[dt.datetime, str, None]) -> str:
    """A deadline on the establishment's clock, as hospes writes it (« 4 juillet 2026 à 23:59 »)."""
    if not value:
        return ""
    return hospes.format_deadline(_instant(value), g.establishment["time_zone"], current_locale())


def phone(e164: Optional[str]) -> str:
    """A phone stored in E.164 (`+33558091234`) as its reader dials it, as hospes writes it: the
    national form for a reader of its country's language (`05 58 09 12 34`), else the
    international one (`+33 5 58 09 12 34`). A `tel:` link keeps the E.164 form."""
    if not e164:
        return ""
    try:
        return hospes.format_phone(e164, current_locale())
    except hospes.InputError:  # not E.164 (a record the host did not normalise): shown as it is
        return e164


def field_label(rule: Optional[hospes.FieldRule], locale: str, field: str = "") -> str:
    """A booking field's label: the business's own for its fields, the app's for built-in ones
    (`field` names it when the policy no longer has its rule)."""
    name = rule["field"] if rule else field
    for label in rule.get("labels", []) if rule else []:
        if label["locale"] == locale:
            return label["text"]
    return t("field_" + name) if ("field_" + name) in WORDS else name


def install(app: Flask) -> None:
    """The page's language on every request, `t` and the filters in every template."""
    @app.before_request
    def _locale() -> None:
        g.locale = as_locale(session.get("locale"))

    def describe(event: hospes.Event) -> str:
        return hospes.describe_event(event, current_locale())

    app.jinja_env.globals.update(t=t, field_label=field_label)
    app.jinja_env.filters.update(money=money, date=date, datetime=instant, deadline=deadline, localtime=localtime,
                                 remaining=remaining, phone=phone, describe=describe)
