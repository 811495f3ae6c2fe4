// Hand-written companion to the generated bindings. Every error of hospes is the one generated
// case `HospesException.Failed(code, family, reason, messages, fields)`; these read its fields on the
// base class, so a host writes `catch (e: HospesException)` and reads `e.code` or `e.family`.
package dev.hospes

import dev.hospes.model.ErrorFamily
import dev.hospes.model.HospesException

private val HospesException.failed: HospesException.Failed
    get() = when (this) {
        is HospesException.Failed -> this
    }

/** The stable dotted code, e.g. `client.email_invalid`. */
val HospesException.code: String
    get() = failed.code

/** The family of the code, the part before the dot: `ErrorFamily.CLIENT`. */
val HospesException.family: ErrorFamily
    get() = failed.family

/** The message in English. */
val HospesException.reason: String
    get() = failed.reason

/** The message per locale tag (`fr`, `en`, `es`). */
val HospesException.messages: Map<String, String>
    get() = failed.messages

/**
 * The error's named values as text, by their wire names (`line`, `column` of `mail.tag_unknown`;
 * `client_id`, `purpose`, `subject` of `link.expired`), counts in decimal digits; never a secret.
 */
val HospesException.fields: Map<String, String>
    get() = failed.fields

/** The message in [locale] (`fr`, `en`, `es`, or a tag such as `es-ES`), English when unknown. */
fun HospesException.messageIn(locale: String): String =
    messages[locale.substringBefore('-').lowercase()] ?: messages["en"] ?: code
