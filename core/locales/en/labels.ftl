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
