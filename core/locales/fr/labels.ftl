## Labels shown to guests and the business: portal, mails, documents.

label-nights = { $count ->
    [one] { $count } nuit
   *[other] { $count } nuits
}

label-civility-family = Famille
label-civility-company = Société
label-civility-mr = Monsieur
label-civility-mrs = Madame
label-civility-miss = Mademoiselle
label-date-at-time = { $date } à { $time }
label-remaining-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
label-remaining-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
label-remaining-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## Document lines
label-deposit-on-stay = Acompte sur le séjour { $stay }
label-deposit-deducted = Acompte déduit, facture { $number }
label-with-vat-rate = { $label } (TVA { $percent } %)
label-cancellation-fee = Frais d'annulation du séjour { $stay }
label-payment-description = { $establishment } — facture { $number }
label-rent-installment = loyer, échéance
label-long-stay-discount = Remise séjour de { $nights } nuits ({ $percent } %)
label-promo-code = Code promo { $code }
label-promo-with-vat-rate = { $label } (TVA { $rate } %)
label-week = semaine
label-night = nuit
label-adult = adulte
label-extra-person = personne supplémentaire
label-tourist-tax = Taxe de séjour
label-monday = lundi
label-tuesday = mardi
label-wednesday = mercredi
label-thursday = jeudi
label-friday = vendredi
label-saturday = samedi
label-sunday = dimanche

## Booking fields
label-field-participants = Participants
label-field-notes = Remarques
label-field-arrival_time = Heure d’arrivée

## Country names on address labels (the sender's language, as the post asks)
country-BE = BELGIQUE
country-NL = PAYS-BAS
country-DE = ALLEMAGNE
country-GB = ROYAUME-UNI
country-IE = IRLANDE
country-ES = ESPAGNE
country-IT = ITALIE
country-CH = SUISSE
country-LU = LUXEMBOURG
country-PT = PORTUGAL
country-AT = AUTRICHE
country-DK = DANEMARK
country-SE = SUÈDE
country-NO = NORVÈGE
country-PL = POLOGNE
country-CZ = TCHÉQUIE
country-US = ÉTATS-UNIS
country-CA = CANADA
country-FR = FRANCE
country-MC = MONACO
country-AD = ANDORRE

## The client register: column headers and values.

register-sheet = Clients
register-client_id = N° client
register-civility = Civilité
register-last_name = Nom
register-first_name = Prénom
register-company = Entreprise
register-address = Adresse
register-postcode = Code postal
register-city = Ville
register-country = Pays
register-landline = Téléphone fixe
register-mobile = Téléphone mobile
register-email = E-mail
register-licence_plates = Plaques
register-kind = Type de client
register-created_on = Ancienneté
register-first_stay = Premier séjour
register-stays = Séjours
register-last_stay = Dernier séjour
register-next_stay = Prochain séjour
register-present = Présent
register-revenue_excl_vat = CA HT
register-revenue_incl_vat = CA TTC
register-due = Reste dû
label-client-kind-stayer = Séjournant
label-client-kind-prospect = Prospect
label-client-kind-resident = Résident
label-client-kind-tour_operator = Tour-opérateur
label-yes = Oui
label-no = Non

## Journal entries (EcritureLib)
label-entry-invoice = Facture { $number }, { $customer }
label-entry-credit-note = Avoir { $number }, { $customer }
label-entry-payment = Règlement { $number }, { $customer }, { $method ->
    [card] carte bancaire
    [bank_transfer] virement
    [cheque] chèque
    [cash] espèces
    [holiday_vouchers] chèques-vacances
   *[other] autre moyen
}
