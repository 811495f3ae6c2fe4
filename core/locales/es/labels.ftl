## Labels shown to guests and the business: portal, mails, documents.

label-nights = { $count ->
    [one] { $count } noche
   *[other] { $count } noches
}

label-civility-family = Familia
label-civility-company = Empresa
label-civility-mr = Señor
label-civility-mrs = Señora
label-civility-miss = Señorita
label-date-at-time = { $date } a las { $time }
label-remaining-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
label-remaining-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
label-remaining-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
