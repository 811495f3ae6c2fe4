// Hand-written companion to the generated bindings: the stable code, family and messages of
// every HospesException, whatever its family, so a host can write `catch (e: HospesException)`
// and read `e.code`.
package dev.hospes

import dev.hospes.model.HospesException

/** The stable dotted code, e.g. `client.email_invalid`. */
val HospesException.code: String
    get() = when (this) {
        is HospesException.Input -> code
        is HospesException.Money -> code
        is HospesException.Field -> code
        is HospesException.Client -> code
        is HospesException.Establishment -> code
        is HospesException.Stay -> code
        is HospesException.Link -> code
        is HospesException.Account -> code
        is HospesException.Portal -> code
        is HospesException.Pricing -> code
        is HospesException.Quote -> code
        is HospesException.Invoice -> code
        is HospesException.Payment -> code
        is HospesException.Contract -> code
        is HospesException.Evidence -> code
        is HospesException.Mail -> code
        is HospesException.Booking -> code
        is HospesException.Appointment -> code
        is HospesException.Pdf -> code
        is HospesException.Internal -> code
    }

/** The message per locale tag (`fr`, `en`, `es`). */
val HospesException.messages: Map<String, String>
    get() = when (this) {
        is HospesException.Input -> messages
        is HospesException.Money -> messages
        is HospesException.Field -> messages
        is HospesException.Client -> messages
        is HospesException.Establishment -> messages
        is HospesException.Stay -> messages
        is HospesException.Link -> messages
        is HospesException.Account -> messages
        is HospesException.Portal -> messages
        is HospesException.Pricing -> messages
        is HospesException.Quote -> messages
        is HospesException.Invoice -> messages
        is HospesException.Payment -> messages
        is HospesException.Contract -> messages
        is HospesException.Evidence -> messages
        is HospesException.Mail -> messages
        is HospesException.Booking -> messages
        is HospesException.Appointment -> messages
        is HospesException.Pdf -> messages
        is HospesException.Internal -> messages
    }

/** The part of the code before the dot: `client`. */
val HospesException.family: String
    get() = code.substringBefore('.')

/** The message in [locale] (`fr`, `en`, `es`, or a tag such as `es-ES`), English when unknown. */
fun HospesException.messageIn(locale: String): String =
    messages[locale.substringBefore('-').lowercase()] ?: messages["en"] ?: code
