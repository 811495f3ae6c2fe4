## Event descriptions, one per event type, for the business's activity feed.

event-client_info_updated = El cliente { $client } actualizó sus datos ({ $count ->
    [one] { $count } campo
   *[other] { $count } campos
}).
event-account_registered = El cliente { $client } creó su cuenta.
event-account_verified = El cliente { $client } confirmó su dirección de correo.
event-participants_changed = Estancia { $stay }: participantes { $added_count ->
    [0] {""}
   *[other] añadidos: { $added }
}{ $removed_count ->
    [0] {""}
   *[other] { $added_count ->
        [0] {""}
       *[other] {"; "}
    }retirados: { $removed }
} (cliente { $client }).
event-password_changed = El cliente { $client } cambió su contraseña.
event-quote_changed = Presupuesto { $number } modificado: { $total } (cliente { $client }).
event-quote_accepted = Presupuesto { $number } aceptado y firmado: { $total }, estancia { $stay } (cliente { $client }).
event-stay_confirmed = Estancia { $stay } confirmada{ $dates_changed ->
    [yes] {" "}del { $arrival } al { $departure } (en lugar del { $previous_arrival } al { $previous_departure })
   *[no] {""}
} (cliente { $client }).
event-stay_amended = Estancia { $stay } modificada{ $dates_changed ->
    [yes] {": "}del { $arrival } al { $departure } (en lugar del { $previous_arrival } al { $previous_departure }),
   *[no] {":"}
} { $total } en lugar de { $previous_total } (cliente { $client }).
event-invoice_issued = Factura { $number } emitida: { $total } (cliente { $client }).
event-invoice_cancelled = Factura { $number } anulada por la factura rectificativa { $credit_note } (cliente { $client }).
event-payment_recorded = Pago de { $amount } recibido en la factura { $number } (cliente { $client }).
event-payment_failed = Pago de { $amount } fallido en la factura { $number } (cliente { $client }).
event-refund_recorded = Reembolso de { $amount } sobre la factura rectificativa { $number } (cliente { $client }).
event-payment_reversed = Pago de { $amount } anulado en la factura { $number } (cliente { $client }): { $reason }.
event-contract_signed = Contrato { $number } firmado, estancia { $stay } (cliente { $client }).
event-stay_cancelled = Estancia { $stay } cancelada: gastos { $penalty }, reembolso { $refund } (cliente { $client }).
event-authorised_persons_changed = Parcela { $pitch }: personas autorizadas actualizadas (cliente { $client }).
event-appointment_requested = Cita solicitada para { $pet } el { $start } (cliente { $client }).
event-appointment_confirmed = Cita de { $pet } confirmada el { $start } (cliente { $client }).
event-appointment_rescheduled = Cita de { $pet } movida del { $previous_start } al { $start } (cliente { $client }).
event-appointment_declined = Cita de { $pet } del { $start } rechazada (cliente { $client }).
event-appointment_cancelled = Cita de { $pet } del { $start } cancelada por el cliente { $client }.
event-booking_fields_edited = Estancia { $stay }: el cliente { $client } modificó { $fields }.
event-booking_change_requested = Estancia { $stay }: el cliente { $client } pide modificar { $fields } después del plazo.
event-booking_change_approved = Estancia { $stay }: modificación de { $fields } aceptada (cliente { $client }).
event-booking_change_declined = Estancia { $stay }: modificación rechazada (cliente { $client }).
event-client_erased = Ficha del cliente { $client } suprimida (RGPD): sus datos personales se han borrado o anonimizado.
