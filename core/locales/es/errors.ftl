## Error messages, one per error code (dots become dashes: client.email_invalid → client-email_invalid).

input-invalid = Datos no válidos: { $detail }
input-too_large = Datos demasiado grandes: { $size } bytes, como máximo { $max }.
input-too_deep = Datos anidados en más de { $max } niveles en { $path }.
input-cyclic = Los datos se contienen a sí mismos en { $path }.
input-wrong_type = { $path }: se esperaba { $expected }, se recibió { $received }.
input-operation_unknown = Operación desconocida «{ $op }».
input-phone_not_e164 = «{ $value }» no es un número de teléfono en formato internacional (E.164, como +33558091234).
internal-error = Error interno: { $detail }
money-currency_unknown = Moneda desconocida «{ $value }».
money-currency_mismatch = No se pueden combinar importes en { $left } y en { $right }.
money-overflow = Importe fuera de rango.
money-vat_rate_invalid = El tipo de IVA «{ $value }» debe estar entre 0 y 100 %.
field-required = El campo «{ $field }» es obligatorio.
field-too_long = El campo «{ $field }» supera los { $max } caracteres.
client-email_invalid = La dirección de correo «{ $value }» no es válida.
client-phone_invalid = El número «{ $value }» ({ $field }) no es válido.
client-country_unknown = País desconocido «{ $value }».
client-birth_date_invalid = La fecha de nacimiento { $value } no es plausible.
client-plate_invalid = La matrícula «{ $value }» no es válida.
client-field_locked = El campo «{ $field }» no puede ser modificado por el cliente.
client-invoiced = El cliente «{ $client_id }» fue facturado ({ $invoices }): su ficha no puede borrarse, aunque la estancia se haya anulado.
client-record_foreign = { $record } «{ $id }» pertenece a otro cliente distinto de «{ $client_id }».
establishment-siret_invalid = El SIRET «{ $value }» no es válido.
establishment-url_invalid = La URL «{ $value }» no es válida.
establishment-time_zone_unknown = Zona horaria desconocida «{ $value }».
establishment-opening_period_invalid = El periodo de apertura del { $first_day } al { $last_day } está invertido.
stay-period_invalid = El periodo del { $start } al { $end } está vacío o invertido.
link-invalid = Este enlace no es válido. Pida un enlace nuevo al establecimiento.
link-expired = Este enlace caducó ({ $expired_at }). Pida un enlace nuevo al establecimiento.
link-key_invalid = Una clave de enlace no es una clave PASERK k4.local válida.
link-request_invalid = Solicitud de enlace rechazada: { $detail }
link-qr_invalid = No se puede dibujar este código QR: { $detail }
link-qr_too_long = Un texto de { $length } bytes no cabe en un código QR ({ $max } como máximo).
account-password_too_short = La contraseña debe tener al menos { $min } caracteres.
account-login_failed = Correo electrónico o contraseña incorrectos.
account-not_verified = Confirme primero su correo electrónico con el enlace que le enviamos.
account-throttled = Demasiados intentos. Vuelva a intentarlo dentro de { $retry_after_seconds } segundos.
portal-not_found = Esta página no existe o ya no existe.
stay-not_editable = La estancia { $reference } ya no se puede modificar.
pricing-unit_unknown = Alojamiento desconocido «{ $unit }».
pricing-unit_unavailable = Este alojamiento no está disponible la noche del { $date }.
pricing-below_minimum_stay = Estancia de { $nights } noches: el mínimo es de { $min } noches en estas fechas.
pricing-above_maximum_stay = Estancia de { $nights } noches: el máximo es de { $max } noches en estas fechas.
pricing-arrival_day_not_allowed = Las llegadas solo son posibles estos días: { $allowed }.
pricing-capacity_exceeded = { $guests } personas: este alojamiento admite { $capacity } como máximo.
pricing-option_unknown = Opción desconocida «{ $option }».
pricing-option_quantity_exceeded = La opción «{ $option }» está limitada a { $max }.
pricing-promo_unknown = El código promocional «{ $code }» no existe.
pricing-promo_expired = El código promocional «{ $code }» solo es válido del { $from } al { $to }.
pricing-promo_not_for_unit = El código promocional «{ $code }» no se aplica a este alojamiento.
pricing-promo_used_up = El código promocional «{ $code }» ya se ha agotado.
pricing-promo_min_nights = El código promocional «{ $code }» requiere una estancia de al menos { $min } noches.
pricing-catalogue_invalid = Catálogo de tarifas no válido: { $detail }
pricing-discount_invalid = Descuento «{ $value }» no válido: un porcentaje de 0 a 100, o un importe igual o mayor que cero.
pricing-grid_too_large = Una tabla de { $units } alojamientos × { $arrivals } fechas de llegada es demasiado grande: como máximo { $max_units } alojamientos, { $max_arrivals } fechas y { $max_cells } celdas.
quote-validity_invalid = Un presupuesto debe ser válido después de su creación (válido hasta { $valid_until }).
quote-expired = El presupuesto { $number } ha caducado. Pida uno nuevo al establecimiento.
quote-changed = El presupuesto { $number } ha cambiado desde que lo consultó: reléalo antes de aceptarlo.
quote-already_accepted = El presupuesto { $number } ya está aceptado.
quote-stay_mismatch = El presupuesto { $number } corresponde a la estancia { $quote_stay }, no a la estancia { $stay }.
quote-participants_missing = El presupuesto { $number } es para { $guests } personas, pero la estancia { $stay } { $people ->
    [one] solo incluye a una
   *[other] solo incluye a { $people }
}: añada los participantes antes de aceptarlo.
invoice-number_pattern_invalid = Patrón de numeración «{ $pattern }» no válido: { $detail }.
invoice-number_invalid = El número «{ $number }» no sigue el patrón «{ $pattern }».
invoice-date_before_last = Una factura con fecha { $date } no puede seguir a la factura { $last }: la numeración sigue el orden de las fechas.
invoice-sequence_exhausted = La numeración «{ $pattern }» no tiene más números para este periodo.
invoice-request_invalid = No se puede emitir esta factura: { $detail }.
invoice-already_invoiced = La estancia { $stay_reference } ya está facturada (factura { $number }).
invoice-mention_missing = Falta una mención obligatoria en la factura: «{ $mention }».
invoice-due_before_issue = La factura vencería el { $due_date }, antes de su fecha de emisión, el { $issue_date }.
invoice-not_draft = La factura { $number } está emitida: ya no puede modificarse.
invoice-not_issued = La factura «{ $number }» no admite abono (borrador, abono o ya anulada).
invoice-einvoice_draft = La factura «{ $number }» no está emitida: un borrador no puede ser una factura electrónica.
invoice-einvoice_siren_missing = El establecimiento «{ $seller }» no tiene SIRET: una factura electrónica exige su SIREN.
invoice-einvoice_buyer_siren_missing = El cliente profesional «{ $customer }» no tiene SIREN: una factura electrónica entre empresas lo exige.
invoice-einvoice_buyer_address_missing = Al cliente «{ $customer }» le falta: { $missing }. Una factura electrónica lo exige.
invoice-einvoice_credited_date_missing = Abono «{ $number }»: se necesita la fecha de emisión de la factura que anula.
invoice-einvoice_number_invalid = El número «{ $number }» no sirve para una factura electrónica: 35 letras, cifras y + - _ / como máximo.
invoice-einvoice_currency_unsupported = Una factura electrónica en { $currency } no está soportada: solo en euros.
invoice-einvoice_franchise_vat = Una empresa en régimen de franquicia del IVA no cobra IVA, pero una línea está al { $rate } %.
invoice-einvoice_iban_missing = El pago por { $means } exige el IBAN de la cuenta que se abona.
invoice-einvoice_identifier_invalid = El identificador { $field } «{ $value }» de la factura electrónica no tiene el formato esperado.
invoice-einvoice_paid_invalid = Pagado { $paid } en una factura de { $total }: más que su total.
invoice-ereporting_period_reversed = El período de e-reporting del { $first_day } al { $last_day } termina antes de empezar.
invoice-ereporting_period_too_long = El período de e-reporting del { $first_day } al { $last_day } tiene { $days } días: 31 como máximo.
invoice-ereporting_currency_unsupported = «{ $reference }» está en { $currency }: el e-reporting se hace solo en euros.
invoice-ereporting_invoice_unknown = El pago «{ $key }» corresponde a la factura «{ $invoice_number }», que no se ha proporcionado.
payment-key_reused = La clave de pago «{ $key }» ya se usó para otro pago.
payment-not_payable = Nada que pagar en la factura { $number } (estado: { $status }).
payment-not_refundable = Nada que reembolsar en { $number }: { $detail }.
payment-not_reversible = El pago { $key } no se puede anular: { $detail }.
payment-amount_invalid = No es posible un pago de { $amount }: quedan { $due } pendientes.
payment-result_mismatch = El resultado del proveedor de pago ({ $reference }, { $amount }) no corresponde a la solicitud.
contract-request_invalid = No se puede redactar el contrato: { $detail }.
contract-already_signed = El contrato { $number } ya está firmado.
contract-tag_unknown = { $suggestion ->
    [none] Etiqueta desconocida { $tag } en { $part }, en el carácter { $offset }: un contrato no tiene esta etiqueta.
   *[other] Etiqueta desconocida { $tag } en { $part }, en el carácter { $offset }: ¿quiso decir { $suggestion }?
}
contract-tag_unclosed = La etiqueta { $tag } no está cerrada con «]» en { $part }, en el carácter { $offset }.
evidence-signature_image_invalid = Firma dibujada no válida: { $detail }.
evidence-document_changed = El documento cambió desde que se mostró: vuelva a leerlo antes de firmar.
evidence-document_altered = El documento conservado no es el que se firmó: al menos uno de sus bytes cambió.
evidence-log_broken = El registro de eventos está roto en la entrada { $sequence }: { $reason }.
stay-not_cancellable = La estancia { $reference } no puede cancelarse (estado: { $status }).
stay-cancellation_changed = Las condiciones de cancelación de la estancia { $reference } cambiaron: reembolso de { $now } en lugar de { $shown }.
stay-residency_invalid = Residencia no válida: { $detail }.
stay-too_many_occupants = { $count } ocupantes, pero se permiten { $max } como máximo en la parcela.
stay-quantity_invalid = La cantidad «{ $value }» de la prestación «{ $label }» debe ser positiva.
stay-nothing_changed = Esta modificación de la estancia { $reference } no cambia nada.
stay-amendment_changed = La modificación de la estancia { $reference } cambió: nuevo total de { $now } en lugar de { $shown }.
pricing-option_not_allowed = { $reason ->
    [within_days] La opción «{ $option }» no se puede reservar a menos de { $days } días de la llegada.
    [booking_only] La opción «{ $option }» solo se puede contratar al reservar.
   *[other] La opción «{ $option }» no se ofrece para esta estancia.
}
mail-template_invalid = Plantilla de correo { $part }, línea { $line }, columna { $column }: { $detail }
mail-tag_unknown = Etiqueta desconocida { $tag } en { $part }, línea { $line }, columna { $column }.
mail-variable_unknown = Variable desconocida «{ $name }» en { $part }, línea { $line }, columna { $column }.
mail-value_missing = { $what ->
    [link] Sin enlace para la etiqueta { $tag }: el correo no puede salir con un enlace vacío.
    [amount] Sin importe para la etiqueta { $tag }: el correo no puede salir con un importe vacío.
    [document] Sin número de documento para la etiqueta { $tag }: el correo no puede remitir a un documento sin nombrarlo.
    [stay] Sin estancia para la etiqueta { $tag }: el correo habla de una estancia que el contexto no da.
    [deadline] Sin fecha límite para la etiqueta { $tag }: el correo anuncia un plazo que el contexto no da.
   *[other] Sin valor para la etiqueta { $tag } del establecimiento: el correo no puede salir sin ella.
}
mail-link_invalid = El enlace «{ $link }» del correo no es una dirección web que un cliente pueda seguir (https): «{ $value }».
mail-too_large = La parte { $part } del correo supera los { $max } bytes.
mail-render_failed = La parte { $part } del correo no se pudo componer: { $detail }
appointment-pet_unknown = Ningún animal llamado «{ $pet }» en la ficha del cliente.
appointment-period_invalid = La cita debe terminar después de empezar ({ $start } – { $end }).
appointment-in_past = La hora de inicio { $start } ya ha pasado.
appointment-too_soon = Las citas se solicitan con al menos { $notice_hours } h de antelación: { $start } es demasiado pronto.
appointment-too_far_ahead = Las citas se solicitan con { $max_days } días de antelación como máximo: { $start } queda demasiado lejos.
appointment-day_closed = El establecimiento está cerrado el { $date }.
appointment-outside_hours = La cita { $start } – { $end } queda fuera del horario de apertura de ese día ({ $hours }).
appointment-schedule_invalid = Horario de citas no válido: { $detail }.
appointment-transition_invalid = No se puede { $action ->
    [confirm] confirmar
    [reschedule] reprogramar
    [decline] rechazar
    [cancel] cancelar
   *[other] { $action }
} la cita { $id } (estado: { $status }).
booking-field_not_editable = El campo «{ $field }» de la reserva no puede ser modificado por el cliente.
booking-nothing_editable = Ya no se puede modificar nada en la estancia { $reference }: todos los plazos han pasado.
booking-policy_invalid = Campos modificables no válidos: { $detail }.

## pdf
pdf-font_invalid = La fuente «{ $field }» no se puede usar: { $detail }.
pdf-image_invalid = La imagen «{ $field }» no se puede imprimir: { $detail }.
pdf-client_mismatch = El documento { $document } no pertenece al cliente { $client_id }.
pdf-labels_invalid = No se pueden imprimir las etiquetas: { $detail }.
export-invalid = Exportación rechazada: { $detail }.
export-write_failed = No se pudo escribir la exportación: { $detail }.
register-query_too_short = Escriba al menos { $min } letras o cifras para buscar ({ $field }).
register-query_invalid = Búsqueda en el registro rechazada: { $detail }
register-entry_invalid = El cliente «{ $client_id }» no puede entrar en el registro: { $detail }
register-client_unknown = Ningún cliente «{ $client_id }» en el registro.
gdpr-erasure_blocked = El cliente «{ $client_id }» aún no puede ser suprimido: { $record ->
    [residency] su alquiler anual «{ $id }» dura
   *[other] su estancia «{ $id }» dura
} hasta el { $until }. Sus datos aún son necesarios para el contrato; anúlelo o espere a que termine.

## accounting
accounting-chart_invalid = Plan contable no válido, { $field }: { $detail }.
accounting-not_issued = La factura «{ $number }» es un borrador: solo se contabilizan los documentos emitidos.
accounting-invoice_unknown = El pago «{ $key }» corresponde a la factura «{ $invoice_number }», que no se ha proporcionado.
accounting-document_invalid = El documento «{ $reference }» no puede contabilizarse: { $detail }.
accounting-entry_unbalanced = El asiento { $entry } no está cuadrado: debe { $debit }, haber { $credit }.
accounting-entry_invalid = El asiento { $entry } no puede escribirse: { $detail }.
accounting-siren_invalid = «{ $value }» no es un SIREN.
