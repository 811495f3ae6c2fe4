## Labels shown to guests and the business: portal, mails, documents.

label-nights = { $count ->
    [one] { $count } night
   *[other] { $count } nights
}

label-civility-family = Family
label-civility-company = Company
label-civility-mr = Mr
label-civility-mrs = Mrs
label-civility-miss = Miss
label-date-at-time = { $date } at { $time }
label-remaining-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
label-remaining-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
label-remaining-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## Document lines
label-deposit-on-stay = Deposit on stay { $stay }
label-deposit-deducted = Deposit deducted, invoice { $number }
label-with-vat-rate = { $label } (VAT { $percent }%)
label-cancellation-fee = Cancellation fee for stay { $stay }
label-payment-description = { $establishment } — invoice { $number }
label-rent-installment = rent, installment
label-long-stay-discount = { $nights }-night stay discount ({ $percent } %)
label-promo-code = Promo code { $code }
label-promo-with-vat-rate = { $label } (VAT { $rate } %)
label-week = week
label-night = night
label-adult = adult
label-extra-person = extra guest
label-tourist-tax = Tourist tax
label-monday = Monday
label-tuesday = Tuesday
label-wednesday = Wednesday
label-thursday = Thursday
label-friday = Friday
label-saturday = Saturday
label-sunday = Sunday

## Booking fields
label-field-participants = Participants
label-field-notes = Notes
label-field-arrival_time = Arrival time

## Country names on address labels (the sender's language, as the post asks)
country-BE = BELGIUM
country-NL = NETHERLANDS
country-DE = GERMANY
country-GB = UNITED KINGDOM
country-IE = IRELAND
country-ES = SPAIN
country-IT = ITALY
country-CH = SWITZERLAND
country-LU = LUXEMBOURG
country-PT = PORTUGAL
country-AT = AUSTRIA
country-DK = DENMARK
country-SE = SWEDEN
country-NO = NORWAY
country-PL = POLAND
country-CZ = CZECHIA
country-US = UNITED STATES
country-CA = CANADA
country-FR = FRANCE
country-MC = MONACO
country-AD = ANDORRA

## The client register: column headers and values.

register-sheet = Clients
register-client_id = Client no.
register-civility = Title
register-last_name = Last name
register-first_name = First name
register-company = Company
register-address = Address
register-postcode = Postcode
register-city = City
register-country = Country
register-landline = Landline
register-mobile = Mobile
register-email = E-mail
register-licence_plates = Licence plates
register-kind = Client type
register-created_on = Client since
register-first_stay = First stay
register-stays = Stays
register-last_stay = Last stay
register-next_stay = Next stay
register-present = Present
register-revenue_excl_vat = Revenue excl. VAT
register-revenue_incl_vat = Revenue incl. VAT
register-due = Amount due
label-client-kind-stayer = Stayer
label-client-kind-prospect = Prospect
label-client-kind-resident = Resident
label-client-kind-tour_operator = Tour operator
label-yes = Yes
label-no = No

## Journal entries (EcritureLib)
label-entry-invoice = Invoice { $number }, { $customer }
label-entry-credit-note = Credit note { $number }, { $customer }
label-entry-payment = Payment { $number }, { $customer }, { $method ->
    [card] card
    [bank_transfer] bank transfer
    [cheque] cheque
    [cash] cash
    [holiday_vouchers] holiday vouchers
   *[other] other means
}
