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
