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
