## Event descriptions, one per event type, for the business's activity feed.

event-client_info_updated = Le client { $client } a mis à jour ses coordonnées ({ $count ->
    [one] { $count } champ
   *[other] { $count } champs
}).
event-account_registered = Le client { $client } a créé son compte.
event-account_verified = Le client { $client } a confirmé son adresse e-mail.
event-participants_changed = Séjour { $stay } : participants { $added_count ->
    [0] {""}
   *[other] ajoutés : { $added }
}{ $removed_count ->
    [0] {""}
   *[other] { $added_count ->
        [0] {""}
       *[other] {" ; "}
    }retirés : { $removed }
} (client { $client }).
event-password_changed = Le client { $client } a changé son mot de passe.
event-quote_changed = Devis { $number } modifié : { $total } (client { $client }).
event-quote_accepted = Devis { $number } accepté et signé : { $total }, séjour { $stay } (client { $client }).
event-stay_confirmed = Séjour { $stay } confirmé{ $dates_changed ->
    [yes] {" "}du { $arrival } au { $departure } (au lieu du { $previous_arrival } au { $previous_departure })
   *[no] {""}
} (client { $client }).
event-stay_amended = Séjour { $stay } modifié{ $dates_changed ->
    [yes] {" "}: du { $arrival } au { $departure } (au lieu du { $previous_arrival } au { $previous_departure }),
   *[no] {" "}:
} { $total } au lieu de { $previous_total } (client { $client }).
event-invoice_issued = Facture { $number } émise : { $total } (client { $client }).
event-invoice_cancelled = Facture { $number } annulée par l’avoir { $credit_note } (client { $client }).
event-payment_recorded = Paiement de { $amount } reçu sur la facture { $number } (client { $client }).
event-payment_failed = Paiement de { $amount } échoué sur la facture { $number } (client { $client }).
event-refund_recorded = Remboursement de { $amount } sur l’avoir { $number } (client { $client }).
event-payment_reversed = Paiement de { $amount } annulé sur la facture { $number } (client { $client }) : { $reason }.
event-contract_signed = Contrat { $number } signé, séjour { $stay } (client { $client }).
event-stay_cancelled = Séjour { $stay } annulé : frais { $penalty }, remboursement { $refund } (client { $client }).
event-authorised_persons_changed = Emplacement { $pitch } : personnes autorisées mises à jour (client { $client }).
event-appointment_requested = Rendez-vous demandé pour { $pet } le { $start } (client { $client }).
event-appointment_confirmed = Rendez-vous de { $pet } confirmé le { $start } (client { $client }).
event-appointment_rescheduled = Rendez-vous de { $pet } déplacé du { $previous_start } au { $start } (client { $client }).
event-appointment_declined = Rendez-vous de { $pet } du { $start } refusé (client { $client }).
event-appointment_cancelled = Rendez-vous de { $pet } du { $start } annulé par le client { $client }.
event-booking_fields_edited = Séjour { $stay } : le client { $client } a modifié { $fields }.
event-booking_change_requested = Séjour { $stay } : le client { $client } demande à modifier { $fields } après la date limite.
event-booking_change_approved = Séjour { $stay } : modification de { $fields } acceptée (client { $client }).
event-booking_change_declined = Séjour { $stay } : modification refusée (client { $client }).
event-client_erased = Fiche du client { $client } effacée (RGPD) : ses données personnelles ont été supprimées ou anonymisées.
