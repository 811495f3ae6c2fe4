## Error messages, one per error code (dots become dashes: client.email_invalid → client-email_invalid).

input-invalid = Invalid input: { $detail }
input-too_large = Input too large: { $size } bytes, at most { $max }.
input-too_deep = Input nested deeper than { $max } levels at { $path }.
input-cyclic = The input contains itself at { $path }.
input-wrong_type = { $path }: expected { $expected }, received { $received }.
input-operation_unknown = Unknown operation “{ $op }”.
input-phone_not_e164 = “{ $value }” is not a phone number in international form (E.164, such as +33558091234).
internal-error = Internal error: { $detail }
money-currency_unknown = Unknown currency “{ $value }”.
money-currency_mismatch = Cannot combine amounts in { $left } and { $right }.
money-overflow = Amount out of range.
money-vat_rate_invalid = VAT rate “{ $value }” must be between 0 and 100%.
field-required = The field “{ $field }” is required.
field-too_long = The field “{ $field }” is longer than { $max } characters.
client-email_invalid = The e-mail address “{ $value }” is not valid.
client-phone_invalid = The phone number “{ $value }” ({ $field }) is not valid.
client-country_unknown = Unknown country “{ $value }”.
client-birth_date_invalid = The birth date { $value } is not plausible.
client-plate_invalid = The licence plate “{ $value }” is not valid.
client-field_locked = The field “{ $field }” cannot be changed by the guest.
client-invoiced = The client “{ $client_id }” was invoiced ({ $invoices }): their record cannot be deleted, even if the stay was cancelled.
client-record_foreign = The { $record } “{ $id }” belongs to another client than “{ $client_id }”.
establishment-siret_invalid = The SIRET “{ $value }” is not valid.
establishment-url_invalid = The URL “{ $value }” is not valid.
establishment-time_zone_unknown = Unknown time zone “{ $value }”.
establishment-opening_period_invalid = The opening period from { $first_day } to { $last_day } is reversed.
stay-period_invalid = The period from { $start } to { $end } is empty or reversed.
link-invalid = This link is not valid. Please ask the establishment for a new one.
link-expired = This link expired ({ $expired_at }). Please ask the establishment for a new one.
link-key_invalid = A link key is not a valid k4.local PASERK key.
link-request_invalid = Link request refused: { $detail }
link-qr_invalid = No QR code can be drawn: { $detail }
link-qr_too_long = A text of { $length } bytes does not fit in a QR code (at most { $max }).
account-password_too_short = The password must have at least { $min } characters.
account-login_failed = Incorrect e-mail address or password.
account-not_verified = Please confirm your e-mail address first, with the link we sent you.
account-throttled = Too many attempts. Try again in { $retry_after_seconds } seconds.
portal-not_found = This page does not exist (any more).
stay-not_editable = Stay { $reference } can no longer be changed.
pricing-unit_unknown = Unknown accommodation “{ $unit }”.
pricing-unit_unavailable = This accommodation is not available on the night of { $date }.
pricing-below_minimum_stay = A { $nights }-night stay: the minimum is { $min } nights at these dates.
pricing-above_maximum_stay = A { $nights }-night stay: the maximum is { $max } nights at these dates.
pricing-arrival_day_not_allowed = Arrivals are only possible on: { $allowed }.
pricing-capacity_exceeded = { $guests } guests: this accommodation sleeps { $capacity } at most.
pricing-option_unknown = Unknown option “{ $option }”.
pricing-option_quantity_exceeded = Option “{ $option }” is limited to { $max }.
pricing-promo_unknown = Promo code “{ $code }” does not exist.
pricing-promo_expired = Promo code “{ $code }” is only valid from { $from } to { $to }.
pricing-promo_not_for_unit = Promo code “{ $code }” does not apply to this accommodation.
pricing-promo_used_up = Promo code “{ $code }” is used up.
pricing-promo_min_nights = Promo code “{ $code }” needs a stay of at least { $min } nights.
pricing-catalogue_invalid = Invalid rate catalogue: { $detail }
pricing-discount_invalid = Invalid discount “{ $value }”: a percentage from 0 to 100, or an amount of zero or more.
pricing-grid_too_large = A price grid of { $units } units × { $arrivals } arrival dates is too large: at most { $max_units } units, { $max_arrivals } dates and { $max_cells } cells.
quote-validity_invalid = A quote must be valid after it is made (valid until { $valid_until }).
quote-expired = Quote { $number } has expired. Please ask the establishment for a new one.
quote-changed = Quote { $number } changed since you opened it: please read it again before accepting.
quote-already_accepted = Quote { $number } is already accepted.
quote-stay_mismatch = Quote { $number } is for stay { $quote_stay }, not for stay { $stay }.
quote-participants_missing = Quote { $number } is for { $guests } guests but stay { $stay } names { $people ->
    [one] only one person
   *[other] only { $people } people
}: please add the participants before accepting.
invoice-number_pattern_invalid = Invalid numbering pattern “{ $pattern }”: { $detail }.
invoice-number_invalid = Number “{ $number }” does not follow the pattern “{ $pattern }”.
invoice-date_before_last = An invoice dated { $date } cannot follow invoice { $last }: numbers follow the dates.
invoice-sequence_exhausted = Numbering “{ $pattern }” has no number left for this period.
invoice-request_invalid = This invoice cannot be drawn up: { $detail }.
invoice-already_invoiced = Stay { $stay_reference } is already invoiced (invoice { $number }).
invoice-mention_missing = A mandatory invoice mention is missing: “{ $mention }”.
invoice-due_before_issue = The invoice would be due on { $due_date }, before its issue date, { $issue_date }.
invoice-not_draft = Invoice { $number } is issued: it can no longer change.
invoice-not_issued = Invoice “{ $number }” cannot be credited (a draft, a credit note, or cancelled already).
invoice-einvoice_draft = Invoice “{ $number }” is not issued: a draft cannot be an e-invoice.
invoice-einvoice_siren_missing = The establishment “{ $seller }” has no SIRET: an e-invoice needs its SIREN.
invoice-einvoice_buyer_siren_missing = The business customer “{ $customer }” has no SIREN: a business-to-business e-invoice needs it.
invoice-einvoice_buyer_address_missing = The customer “{ $customer }” lacks: { $missing }. An e-invoice needs it.
invoice-einvoice_credited_date_missing = Credit note “{ $number }”: the issue date of the invoice it cancels is needed.
invoice-einvoice_number_invalid = Number “{ $number }” cannot be an e-invoice’s: at most 35 letters, digits and + - _ /.
invoice-einvoice_currency_unsupported = An e-invoice in { $currency } is not supported: euros only.
invoice-einvoice_franchise_vat = A business under the VAT franchise charges no VAT, yet a line is at { $rate } %.
invoice-einvoice_iban_missing = Payment by { $means } needs the IBAN of the account to pay into.
invoice-einvoice_identifier_invalid = The e-invoice’s { $field } “{ $value }” is not in its format.
invoice-einvoice_paid_invalid = Paid { $paid } on an invoice of { $total }: more than its total.
invoice-ereporting_period_reversed = The e-reporting period from { $first_day } to { $last_day } ends before it starts.
invoice-ereporting_period_too_long = The e-reporting period from { $first_day } to { $last_day } is { $days } days long: 31 at most.
invoice-ereporting_currency_unsupported = “{ $reference }” is in { $currency }: e-reporting is in euros only.
invoice-ereporting_invoice_unknown = Payment “{ $key }” is on invoice “{ $invoice_number }”, which was not given.
payment-key_reused = Payment key “{ $key }” was already used for another payment.
payment-not_payable = Nothing to pay on invoice { $number } (status: { $status }).
payment-not_refundable = Nothing to refund on { $number }: { $detail }.
payment-not_reversible = Payment { $key } cannot be reversed: { $detail }.
payment-amount_invalid = A payment of { $amount } is not possible: { $due } is due.
payment-result_mismatch = The payment provider’s result ({ $reference }, { $amount }) does not match the request.
contract-request_invalid = The contract cannot be drawn up: { $detail }.
contract-already_signed = Contract { $number } is already signed.
contract-tag_unknown = { $suggestion ->
    [none] Unknown tag { $tag } in { $part }, at character { $offset }: a contract has no such tag.
   *[other] Unknown tag { $tag } in { $part }, at character { $offset }: did you mean { $suggestion }?
}
contract-tag_unclosed = Tag { $tag } is not closed by “]” in { $part }, at character { $offset }.
evidence-signature_image_invalid = Invalid drawn signature: { $detail }.
evidence-document_changed = The document changed since it was shown: please read it again before signing.
evidence-document_altered = The stored document is not the one that was signed: one or more of its bytes changed.
evidence-log_broken = The event log is broken at entry { $sequence }: { $reason }.
stay-not_cancellable = Stay { $reference } cannot be cancelled (status: { $status }).
stay-cancellation_changed = The cancellation terms of stay { $reference } changed: a refund of { $now } instead of { $shown }.
stay-residency_invalid = Invalid residency: { $detail }.
stay-too_many_occupants = { $count } occupants, but at most { $max } are allowed on the pitch.
stay-quantity_invalid = The quantity “{ $value }” of line “{ $label }” must be positive.
stay-nothing_changed = This change to stay { $reference } changes nothing.
stay-amendment_changed = The change to stay { $reference } moved: a new total of { $now } instead of { $shown }.
pricing-option_not_allowed = { $reason ->
    [within_days] Option “{ $option }” cannot be booked less than { $days } days before arrival.
    [booking_only] Option “{ $option }” can only be taken when booking.
   *[other] Option “{ $option }” is not offered for this stay.
}
mail-template_invalid = Mail template { $part }, line { $line }, column { $column }: { $detail }
mail-tag_unknown = Unknown tag { $tag } in { $part }, line { $line }, column { $column }.
mail-variable_unknown = Unknown variable “{ $name }” in { $part }, line { $line }, column { $column }.
mail-value_missing = { $what ->
    [link] No link for the tag { $tag }: the mail cannot go out with an empty link.
    [amount] No amount for the tag { $tag }: the mail cannot go out with an empty amount.
    [document] No document number for the tag { $tag }: the mail cannot point to a document without naming it.
    [stay] No stay for the tag { $tag }: the mail is about a stay the context does not give.
    [deadline] No deadline for the tag { $tag }: the mail announces a deadline the context does not give.
   *[other] No value for the establishment's tag { $tag }: the mail cannot go out without it.
}
mail-link_invalid = The mail’s “{ $link }” link is not a web address a guest may follow (https): “{ $value }”.
mail-too_large = Mail part { $part } is larger than { $max } bytes.
mail-render_failed = Mail part { $part } could not be written: { $detail }
appointment-pet_unknown = No pet named “{ $pet }” on the client record.
appointment-period_invalid = The appointment must end after it starts ({ $start } – { $end }).
appointment-in_past = The start time { $start } has already passed.
appointment-too_soon = Appointments must be requested at least { $notice_hours } hours ahead: { $start } is too soon.
appointment-too_far_ahead = Appointments can be requested at most { $max_days } days ahead: { $start } is too far.
appointment-day_closed = The establishment is closed on { $date }.
appointment-outside_hours = The appointment { $start } – { $end } is outside that day’s opening hours ({ $hours }).
appointment-schedule_invalid = Invalid appointment schedule: { $detail }.
appointment-transition_invalid = Cannot { $action } appointment { $id } (status: { $status }).
booking-field_not_editable = The booking field “{ $field }” cannot be changed by the guest.
booking-nothing_editable = Nothing can be changed on stay { $reference } any more: every deadline has passed.
booking-policy_invalid = Invalid editable fields: { $detail }.

## pdf
pdf-font_invalid = Font “{ $field }” cannot be used: { $detail }.
pdf-image_invalid = Image “{ $field }” cannot be printed: { $detail }.
pdf-client_mismatch = Document { $document } does not belong to client { $client_id }.
pdf-labels_invalid = The labels cannot be printed: { $detail }.
export-invalid = Export refused: { $detail }.
export-write_failed = The export could not be written: { $detail }.
register-query_too_short = Type at least { $min } letters or digits to search ({ $field }).
register-query_invalid = Register search refused: { $detail }
register-entry_invalid = The client “{ $client_id }” cannot be added to the register: { $detail }
register-client_unknown = No client “{ $client_id }” in the register.
gdpr-erasure_blocked = Client “{ $client_id }” cannot be erased yet: { $record ->
    [residency] their residency “{ $id }” runs
   *[other] their stay “{ $id }” runs
} until { $until }. Their data is still needed for the contract; cancel it or wait until it ends.

## accounting
accounting-chart_invalid = Invalid chart of accounts, { $field }: { $detail }.
accounting-not_issued = Invoice “{ $number }” is a draft: only issued documents are booked.
accounting-invoice_unknown = Payment “{ $key }” is on invoice “{ $invoice_number }”, which was not given.
accounting-document_invalid = Document “{ $reference }” cannot be booked: { $detail }.
accounting-entry_unbalanced = Entry { $entry } is unbalanced: debit { $debit }, credit { $credit }.
accounting-entry_invalid = Entry { $entry } cannot be written: { $detail }.
accounting-siren_invalid = “{ $value }” is not a SIREN.
