## Error messages, one per error code (dots become dashes: client.email_invalid → client-email_invalid).

input-invalid = Données invalides : { $detail }
input-too_large = Données trop volumineuses : { $size } octets pour { $max } au plus.
input-too_deep = Données imbriquées sur plus de { $max } niveaux en { $path }.
input-cyclic = Les données se contiennent elles-mêmes en { $path }.
input-wrong_type = { $path } : { $expected } attendu, { $received } reçu.
input-operation_unknown = Opération inconnue « { $op } ».
input-phone_not_e164 = « { $value } » n’est pas un numéro de téléphone au format international (E.164, comme +33558091234).
internal-error = Erreur interne : { $detail }
money-currency_unknown = Devise inconnue « { $value } ».
money-currency_mismatch = Impossible de combiner des montants en { $left } et en { $right }.
money-overflow = Montant hors limites.
money-vat_rate_invalid = Le taux de TVA « { $value } » doit être compris entre 0 et 100 %.
field-required = Le champ « { $field } » est obligatoire.
field-too_long = Le champ « { $field } » dépasse { $max } caractères.
client-email_invalid = L’adresse e-mail « { $value } » n’est pas valide.
client-phone_invalid = Le numéro « { $value } » ({ $field }) n’est pas valide.
client-country_unknown = Pays inconnu « { $value } ».
client-birth_date_invalid = La date de naissance { $value } n’est pas plausible.
client-plate_invalid = La plaque d’immatriculation « { $value } » n’est pas valide.
client-field_locked = Le champ « { $field } » ne peut pas être modifié par le client.
client-invoiced = Le client « { $client_id } » a été facturé ({ $invoices }) : sa fiche ne peut pas être supprimée, même si le séjour a été annulé.
client-record_foreign = { $record } « { $id } » appartient à un autre client que « { $client_id } ».
establishment-siret_invalid = Le SIRET « { $value } » n’est pas valide.
establishment-url_invalid = L’adresse web « { $value } » n’est pas valide.
establishment-time_zone_unknown = Fuseau horaire inconnu « { $value } ».
establishment-opening_period_invalid = La période d’ouverture du { $first_day } au { $last_day } est inversée.
stay-period_invalid = La période du { $start } au { $end } est vide ou inversée.
link-invalid = Ce lien n’est pas valide. Demandez un nouveau lien à l’établissement.
link-expired = Ce lien a expiré ({ $expired_at }). Demandez un nouveau lien à l’établissement.
link-key_invalid = Une clé de lien n’est pas une clé PASERK k4.local valide.
link-request_invalid = Demande de lien refusée : { $detail }
link-qr_invalid = Impossible de dessiner ce code QR : { $detail }
link-qr_too_long = Un texte de { $length } octets ne tient pas dans un code QR ({ $max } au plus).
account-password_too_short = Le mot de passe doit comporter au moins { $min } caractères.
account-login_failed = Adresse e-mail ou mot de passe incorrect.
account-not_verified = Confirmez d’abord votre adresse e-mail avec le lien que nous vous avons envoyé.
account-throttled = Trop de tentatives. Réessayez dans { $retry_after_seconds } secondes.
portal-not_found = Cette page n’existe pas ou plus.
stay-not_editable = Le séjour { $reference } ne peut plus être modifié.
pricing-unit_unknown = Hébergement inconnu « { $unit } ».
pricing-unit_unavailable = Cet hébergement n’est pas disponible la nuit du { $date }.
pricing-below_minimum_stay = Séjour de { $nights } nuits : le minimum est de { $min } nuits à ces dates.
pricing-above_maximum_stay = Séjour de { $nights } nuits : le maximum est de { $max } nuits à ces dates.
pricing-arrival_day_not_allowed = Les arrivées ne sont possibles que ces jours-là : { $allowed }.
pricing-capacity_exceeded = { $guests } personnes : cet hébergement en accueille { $capacity } au plus.
pricing-option_unknown = Option inconnue « { $option } ».
pricing-option_quantity_exceeded = L’option « { $option } » est limitée à { $max }.
pricing-promo_unknown = Le code promo « { $code } » n’existe pas.
pricing-promo_expired = Le code promo « { $code } » n’est valable que du { $from } au { $to }.
pricing-promo_not_for_unit = Le code promo « { $code } » ne s’applique pas à cet hébergement.
pricing-promo_used_up = Le code promo « { $code } » a déjà été entièrement utilisé.
pricing-promo_min_nights = Le code promo « { $code } » demande un séjour d’au moins { $min } nuits.
pricing-catalogue_invalid = Catalogue de tarifs invalide : { $detail }
pricing-discount_invalid = Remise « { $value } » invalide : un pourcentage de 0 à 100, ou un montant positif ou nul.
pricing-grid_too_large = Une grille de { $units } hébergements × { $arrivals } dates d’arrivée est trop grande : au plus { $max_units } hébergements, { $max_arrivals } dates et { $max_cells } cases.
quote-validity_invalid = Un devis doit être valable après sa création (valable jusqu’au { $valid_until }).
quote-expired = Le devis { $number } a expiré. Demandez un nouveau devis à l’établissement.
quote-changed = Le devis { $number } a changé depuis que vous l’avez consulté : relisez-le avant de l’accepter.
quote-already_accepted = Le devis { $number } est déjà accepté.
quote-stay_mismatch = Le devis { $number } porte sur le séjour { $quote_stay }, pas sur le séjour { $stay }.
quote-participants_missing = Le devis { $number } est prévu pour { $guests } personnes, mais le séjour { $stay } { $people ->
    [one] n’en compte qu’une
   *[other] n’en compte que { $people }
} : ajoutez les participants avant de l’accepter.
invoice-number_pattern_invalid = Modèle de numérotation « { $pattern } » invalide : { $detail }.
invoice-number_invalid = Le numéro « { $number } » ne suit pas le modèle « { $pattern } ».
invoice-date_before_last = Une facture datée du { $date } ne peut pas suivre la facture { $last } : la numérotation suit l’ordre des dates.
invoice-sequence_exhausted = La numérotation « { $pattern } » n’a plus de numéro libre pour cette période.
invoice-request_invalid = Impossible d’établir cette facture : { $detail }.
invoice-already_invoiced = Le séjour { $stay_reference } est déjà facturé (facture { $number }).
invoice-mention_missing = Mention obligatoire manquante sur la facture : « { $mention } ».
invoice-due_before_issue = La facture serait due le { $due_date }, avant sa date d’émission, le { $issue_date }.
invoice-not_draft = La facture { $number } est émise : elle ne peut plus être modifiée.
invoice-not_issued = La facture « { $number } » ne peut pas recevoir d’avoir (brouillon, avoir ou déjà annulée).
invoice-einvoice_draft = La facture « { $number } » n’est pas émise : un brouillon ne peut pas être une facture électronique.
invoice-einvoice_siren_missing = L’établissement « { $seller } » n’a pas de SIRET : une facture électronique exige son SIREN.
invoice-einvoice_buyer_siren_missing = Le client professionnel « { $customer } » n’a pas de SIREN : une facture électronique entre entreprises l’exige.
invoice-einvoice_buyer_address_missing = Il manque au client « { $customer } » : { $missing }. Une facture électronique l’exige.
invoice-einvoice_credited_date_missing = Avoir « { $number } » : la date d’émission de la facture annulée est nécessaire.
invoice-einvoice_number_invalid = Le numéro « { $number } » ne convient pas à une facture électronique : 35 lettres, chiffres et + - _ / au plus.
invoice-einvoice_currency_unsupported = Une facture électronique en { $currency } n’est pas prise en charge : en euros seulement.
invoice-einvoice_franchise_vat = Une entreprise en franchise en base de TVA ne facture pas de TVA ; une ligne est à { $rate } %.
invoice-einvoice_iban_missing = Le paiement par { $means } exige l’IBAN du compte à créditer.
invoice-einvoice_identifier_invalid = L’identifiant { $field } « { $value } » de la facture électronique n’a pas le format attendu.
invoice-einvoice_paid_invalid = Payé { $paid } sur une facture de { $total } : c’est plus que son total.
invoice-ereporting_period_reversed = La période d’e-reporting du { $first_day } au { $last_day } finit avant de commencer.
invoice-ereporting_period_too_long = La période d’e-reporting du { $first_day } au { $last_day } compte { $days } jours : 31 au plus.
invoice-ereporting_currency_unsupported = « { $reference } » est en { $currency } : l’e-reporting se fait en euros seulement.
invoice-ereporting_invoice_unknown = Le paiement « { $key } » porte sur la facture « { $invoice_number } », qui n’a pas été fournie.
payment-key_reused = La clé de paiement « { $key } » a déjà servi pour un autre paiement.
payment-not_payable = Rien à régler sur la facture { $number } (statut : { $status }).
payment-not_refundable = Rien à rembourser sur { $number } : { $detail }.
payment-not_reversible = Le paiement { $key } ne peut pas être annulé : { $detail }.
payment-amount_invalid = Paiement de { $amount } impossible : { $due } restent dus.
payment-result_mismatch = Le résultat du prestataire de paiement ({ $reference }, { $amount }) ne correspond pas à la demande.
contract-request_invalid = Impossible d’établir le contrat : { $detail }.
contract-already_signed = Le contrat { $number } est déjà signé.
contract-tag_unknown = { $suggestion ->
    [none] Balise inconnue { $tag } dans { $part }, au caractère { $offset } : un contrat n’a pas cette balise.
   *[other] Balise inconnue { $tag } dans { $part }, au caractère { $offset } : vouliez-vous dire { $suggestion } ?
}
contract-tag_unclosed = La balise { $tag } n’est pas fermée par « ] » dans { $part }, au caractère { $offset }.
evidence-signature_image_invalid = Signature dessinée invalide : { $detail }.
evidence-document_changed = Le document a changé depuis son affichage : merci de le relire avant de signer.
evidence-document_altered = Le document conservé n’est pas celui qui a été signé : au moins un de ses octets a changé.
evidence-log_broken = Le journal des événements est rompu à l’entrée { $sequence } : { $reason }.
stay-not_cancellable = Le séjour { $reference } ne peut pas être annulé (statut : { $status }).
stay-cancellation_changed = Les conditions d’annulation du séjour { $reference } ont changé : remboursement de { $now } au lieu de { $shown }.
stay-residency_invalid = Contrat de résident invalide : { $detail }.
stay-too_many_occupants = { $count } occupants, mais { $max } au plus sont autorisés sur l’emplacement.
stay-quantity_invalid = La quantité « { $value } » de la prestation « { $label } » doit être positive.
stay-nothing_changed = Cette modification du séjour { $reference } ne change rien.
stay-amendment_changed = La modification du séjour { $reference } a changé : nouveau total de { $now } au lieu de { $shown }.
pricing-option_not_allowed = { $reason ->
    [within_days] L’option « { $option } » ne peut plus être réservée à moins de { $days } jours de l’arrivée.
    [booking_only] L’option « { $option } » ne peut être prise qu’au moment de la réservation.
   *[other] L’option « { $option } » n’est pas proposée pour ce séjour.
}
mail-template_invalid = Modèle de mail { $part }, ligne { $line }, colonne { $column } : { $detail }
mail-tag_unknown = Balise inconnue { $tag } dans { $part }, ligne { $line }, colonne { $column }.
mail-variable_unknown = Variable inconnue « { $name } » dans { $part }, ligne { $line }, colonne { $column }.
mail-value_missing = { $what ->
    [link] Aucun lien pour la balise { $tag } : le mail ne peut pas partir avec un lien vide.
    [amount] Aucun montant pour la balise { $tag } : le mail ne peut pas partir avec un montant vide.
    [document] Aucun numéro de document pour la balise { $tag } : le mail ne peut pas renvoyer à un document sans le nommer.
    [stay] Aucun séjour pour la balise { $tag } : le mail parle d’un séjour que le contexte ne donne pas.
    [deadline] Aucune date limite pour la balise { $tag } : le mail annonce une échéance que le contexte ne donne pas.
   *[other] Aucune valeur pour la balise { $tag } de l’établissement : le mail ne peut pas partir sans elle.
}
mail-link_invalid = Le lien « { $link } » du mail n’est pas une adresse web qu’un client peut suivre (https) : « { $value } ».
mail-too_large = La partie { $part } du mail dépasse { $max } octets.
mail-render_failed = La partie { $part } du mail n’a pas pu être composée : { $detail }
appointment-pet_unknown = Aucun animal nommé « { $pet } » sur la fiche client.
appointment-period_invalid = Le rendez-vous doit finir après son début ({ $start } – { $end }).
appointment-in_past = L’heure de début { $start } est déjà passée.
appointment-too_soon = Un rendez-vous se demande au moins { $notice_hours } h à l’avance : { $start } est trop proche.
appointment-too_far_ahead = Un rendez-vous se demande au plus { $max_days } jours à l’avance : { $start } est trop loin.
appointment-day_closed = L’établissement est fermé le { $date }.
appointment-outside_hours = Le rendez-vous { $start } – { $end } sort des horaires d’ouverture de ce jour ({ $hours }).
appointment-schedule_invalid = Horaires de rendez-vous invalides : { $detail }.
appointment-transition_invalid = Impossible de { $action ->
    [confirm] confirmer
    [reschedule] replanifier
    [decline] refuser
    [cancel] annuler
   *[other] { $action }
} le rendez-vous { $id } (statut : { $status }).
booking-field_not_editable = Le champ « { $field } » de la réservation ne peut pas être modifié par le client.
booking-nothing_editable = Plus rien n’est modifiable sur le séjour { $reference } : toutes les dates limites sont passées.
booking-policy_invalid = Champs modifiables invalides : { $detail }.

## pdf
pdf-font_invalid = La police « { $field } » ne peut pas servir : { $detail }.
pdf-image_invalid = L’image « { $field } » ne peut pas être imprimée : { $detail }.
pdf-client_mismatch = Le document { $document } n’appartient pas au client { $client_id }.
pdf-labels_invalid = Impossible d’imprimer les étiquettes : { $detail }.
export-invalid = Export refusé : { $detail }.
export-write_failed = Impossible d’écrire l’export : { $detail }.
register-query_too_short = Saisissez au moins { $min } lettres ou chiffres pour chercher ({ $field }).
register-query_invalid = Recherche dans le registre refusée : { $detail }
register-entry_invalid = Le client « { $client_id } » ne peut pas entrer dans le registre : { $detail }
register-client_unknown = Aucun client « { $client_id } » dans le registre.
gdpr-erasure_blocked = Le client « { $client_id } » ne peut pas encore être effacé : { $record ->
    [residency] sa location à l’année « { $id } » court
   *[other] son séjour « { $id } » court
} jusqu’au { $until }. Ses données servent encore au contrat ; annulez-le ou attendez sa fin.

## accounting
accounting-chart_invalid = Plan comptable invalide, { $field } : { $detail }.
accounting-not_issued = La facture « { $number } » est un brouillon : seules les pièces émises sont comptabilisées.
accounting-invoice_unknown = Le paiement « { $key } » porte sur la facture « { $invoice_number } », qui n’a pas été fournie.
accounting-document_invalid = La pièce « { $reference } » ne peut pas être comptabilisée : { $detail }.
accounting-entry_unbalanced = L’écriture { $entry } n’est pas équilibrée : débit { $debit }, crédit { $credit }.
accounting-entry_invalid = L’écriture { $entry } ne peut pas être écrite : { $detail }.
accounting-siren_invalid = « { $value } » n’est pas un SIREN.
