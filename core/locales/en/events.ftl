## Event descriptions, one per event type, for the business's activity feed.

event-client_info_updated = Client { $client } updated their details ({ $count ->
    [one] { $count } field
   *[other] { $count } fields
}).
event-account_registered = Client { $client } created their account.
event-account_verified = Client { $client } confirmed their e-mail address.
event-participants_changed = Stay { $stay }: participants { $added_count ->
    [0] {""}
   *[other] added: { $added }
}{ $removed_count ->
    [0] {""}
   *[other] { $added_count ->
        [0] {""}
       *[other] {"; "}
    }removed: { $removed }
} (client { $client }).
event-password_changed = Client { $client } changed their password.
event-quote_changed = Quote { $number } changed: { $total } (client { $client }).
event-quote_accepted = Quote { $number } accepted and signed: { $total }, stay { $stay } (client { $client }).
event-stay_confirmed = Stay { $stay } confirmed{ $dates_changed ->
    [yes] {" "}from { $arrival } to { $departure } (instead of { $previous_arrival } to { $previous_departure })
   *[no] {""}
} (client { $client }).
event-stay_amended = Stay { $stay } changed{ $dates_changed ->
    [yes] {": "}from { $arrival } to { $departure } (instead of { $previous_arrival } to { $previous_departure }),
   *[no] {":"}
} { $total } instead of { $previous_total } (client { $client }).
event-invoice_issued = Invoice { $number } issued: { $total } (client { $client }).
event-invoice_cancelled = Invoice { $number } cancelled by credit note { $credit_note } (client { $client }).
event-payment_recorded = Payment of { $amount } received on invoice { $number } (client { $client }).
event-payment_failed = Payment of { $amount } failed on invoice { $number } (client { $client }).
event-refund_recorded = Refund of { $amount } on credit note { $number } (client { $client }).
event-payment_reversed = Payment of { $amount } reversed on invoice { $number } (client { $client }): { $reason }.
event-contract_signed = Contract { $number } signed, stay { $stay } (client { $client }).
event-stay_cancelled = Stay { $stay } cancelled: fee { $penalty }, refund { $refund } (client { $client }).
event-authorised_persons_changed = Pitch { $pitch }: authorised persons updated (client { $client }).
event-appointment_requested = Appointment requested for { $pet } on { $start } (client { $client }).
event-appointment_confirmed = { $pet }’s appointment confirmed on { $start } (client { $client }).
event-appointment_rescheduled = { $pet }’s appointment moved from { $previous_start } to { $start } (client { $client }).
event-appointment_declined = { $pet }’s appointment on { $start } declined (client { $client }).
event-appointment_cancelled = { $pet }’s appointment on { $start } cancelled by client { $client }.
event-booking_fields_edited = Stay { $stay }: client { $client } changed { $fields }.
event-booking_change_requested = Stay { $stay }: client { $client } asks to change { $fields } after the deadline.
event-booking_change_approved = Stay { $stay }: change of { $fields } approved (client { $client }).
event-booking_change_declined = Stay { $stay }: change declined (client { $client }).
event-client_erased = Client { $client }’s record erased (GDPR): their personal data was deleted or anonymised.
