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

## Document lines
label-deposit-on-stay = Anticipo de la estancia { $stay }
label-deposit-deducted = Anticipo deducido, factura { $number }
label-with-vat-rate = { $label } (IVA { $percent } %)
label-cancellation-fee = Gastos de cancelación de la estancia { $stay }
label-payment-description = { $establishment } — factura { $number }
label-rent-installment = alquiler, plazo
label-long-stay-discount = Descuento estancia de { $nights } noches ({ $percent } %)
label-promo-code = Código promocional { $code }
label-promo-with-vat-rate = { $label } (IVA { $rate } %)
label-week = semana
label-night = noche
label-adult = adulto
label-extra-person = persona adicional
label-tourist-tax = Tasa turística
label-monday = lunes
label-tuesday = martes
label-wednesday = miércoles
label-thursday = jueves
label-friday = viernes
label-saturday = sábado
label-sunday = domingo

## Booking fields
label-field-participants = Participantes
label-field-notes = Observaciones
label-field-arrival_time = Hora de llegada

## Country names on address labels (the sender's language, as the post asks)
country-BE = BÉLGICA
country-NL = PAÍSES BAJOS
country-DE = ALEMANIA
country-GB = REINO UNIDO
country-IE = IRLANDA
country-ES = ESPAÑA
country-IT = ITALIA
country-CH = SUIZA
country-LU = LUXEMBURGO
country-PT = PORTUGAL
country-AT = AUSTRIA
country-DK = DINAMARCA
country-SE = SUECIA
country-NO = NORUEGA
country-PL = POLONIA
country-CZ = CHEQUIA
country-US = ESTADOS UNIDOS
country-CA = CANADÁ
country-FR = FRANCIA
country-MC = MÓNACO
country-AD = ANDORRA

## The client register: column headers and values.

register-sheet = Clientes
register-client_id = N.º de cliente
register-civility = Tratamiento
register-last_name = Apellido
register-first_name = Nombre
register-company = Empresa
register-address = Dirección
register-postcode = Código postal
register-city = Ciudad
register-country = País
register-landline = Teléfono fijo
register-mobile = Móvil
register-email = Correo electrónico
register-licence_plates = Matrículas
register-kind = Tipo de cliente
register-created_on = Cliente desde
register-first_stay = Primera estancia
register-stays = Estancias
register-last_stay = Última estancia
register-next_stay = Próxima estancia
register-present = Presente
register-revenue_excl_vat = Facturación sin IVA
register-revenue_incl_vat = Facturación con IVA
register-due = Pendiente de pago
label-client-kind-stayer = Huésped
label-client-kind-prospect = Cliente potencial
label-client-kind-resident = Residente
label-client-kind-tour_operator = Turoperador
label-yes = Sí
label-no = No

## Journal entries (EcritureLib)
label-entry-invoice = Factura { $number }, { $customer }
label-entry-credit-note = Factura rectificativa { $number }, { $customer }
label-entry-payment = Cobro { $number }, { $customer }, { $method ->
    [card] tarjeta
    [bank_transfer] transferencia
    [cheque] cheque
    [cash] efectivo
    [holiday_vouchers] cheques vacaciones
   *[other] otro medio
}
