package dev.hospes

import dev.hospes.model.Address
import dev.hospes.model.Civility
import dev.hospes.model.Client
import dev.hospes.model.ClientField
import dev.hospes.model.ClientKind
import dev.hospes.model.TravelCompanion
import dev.hospes.model.Event
import dev.hospes.model.GuestDetails
import dev.hospes.model.ErrorFamily
import dev.hospes.model.HospesException
import dev.hospes.model.Money
import dev.hospes.model.UpdatePolicy
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate

/** The client record from Kotlin, in the words of a PMS's client register. */
class ClientTest {
    private val now = Instant.parse("2026-06-01T10:00:00Z")

    private fun marie(email: String? = "marie.dupont@example.fr", mobile: String? = "+33612345678") = Client(
        id = "C-1042",
        civility = Civility.MRS,
        lastName = "Dupont",
        firstName = "Marie",
        company = null,
        address = Address(listOf("3 rue des Lilas"), "69003", "Lyon", "FR"),
        landline = null,
        mobile = mobile,
        email = email,
        preferredLocale = null,
        notes = "Client fidèle",
        licencePlates = listOf("ab-123-cd"),
        kind = ClientKind.STAYER,
        createdAt = Instant.parse("2026-01-15T09:30:00Z"),
        linkVersion = 0u,
        companions = listOf(TravelCompanion("Léa", "Dupont", LocalDate.of(2016, 5, 2))),
        pets = emptyList(),
    )

    @Test
    fun `a client typed at the desk is normalised with typed dates`() {
        val client = normalizeClient(marie(mobile = "06 12 34 56 78"), "FR", now)
        assertEquals("+33612345678", client.mobile)
        assertEquals(listOf("AB-123-CD"), client.licencePlates)
        assertEquals(LocalDate.of(2016, 5, 2), client.companions.single().birthDate)
    }

    @Test
    fun `the guest corrects their city and the establishment receives the diff`() {
        val stored = normalizeClient(marie(), "FR", now)
        val form = GuestDetails(
            civility = stored.civility, firstName = stored.firstName, lastName = stored.lastName, company = null,
            address = stored.address.copy(postcode = "69100", city = "Villeurbanne"),
            landline = null, mobile = stored.mobile, email = stored.email, preferredLocale = null,
            licencePlates = stored.licencePlates,
        )
        val out = applyGuestUpdate(stored, form, UpdatePolicy(listOf(ClientField.EMAIL)), "FR", now)
        val event = out.events.single() as Event.ClientInfoUpdated
        assertEquals(now, event.occurredAt)
        assertEquals(ClientField.ADDRESS, event.changes.single().field)
        assertEquals("3 rue des Lilas, 69100 Villeurbanne, FR", event.changes.single().after)
        assertEquals("Client fidèle", out.client.notes)
    }

    @Test
    fun `a locked field is refused with a stable code in three languages`() {
        val stored = normalizeClient(marie(), "FR", now)
        val form = GuestDetails(null, null, "Dupont", null, Address(emptyList(), null, null, null), null, null, "x@autre.fr", null, emptyList())
        val err = assertThrows<HospesException> {
            applyGuestUpdate(stored, form, UpdatePolicy(listOf(ClientField.EMAIL)), "FR", now)
        }
        assertEquals("client.field_locked", err.code)
        assertEquals(ErrorFamily.CLIENT, err.family)
        assertEquals("Le champ « email » ne peut pas être modifié par le client.", err.messageIn("fr-FR"))
    }

    @Test
    fun `an invalid e-mail is a HospesException with its code`() {
        val err = assertThrows<HospesException> { normalizeClient(marie(email = "marie@"), "FR", now) }
        assertEquals("client.email_invalid", err.code)
    }

    @Test
    fun `an unknown country is refused as a typed error, not a crash`() {
        val err = assertThrows<HospesException> { normalizeClient(marie(), "XX", now) }
        assertEquals("client.country_unknown", err.code)
        val bad = assertThrows<HospesException> { addMoney(Money(BigDecimal.ONE, "EURO"), Money(BigDecimal.ONE, "EUR")) }
        assertEquals("money.currency_unknown", bad.code)
    }

    @Test
    fun `money is BigDecimal and never mixes currencies`() {
        val sum = addMoney(Money(BigDecimal("10.10"), "EUR"), Money(BigDecimal("0.20"), "EUR"))
        assertEquals(BigDecimal("10.30"), sum.amount)
        val err = assertThrows<HospesException> { addMoney(sum, Money(BigDecimal.ONE, "CHF")) }
        assertEquals("money.currency_mismatch", err.code)
        assertEquals(ErrorFamily.MONEY, err.family)
    }

    @Test
    fun `a ten megabyte name is refused, not crashed`() {
        val err = assertThrows<HospesException> { normalizeClient(marie().copy(lastName = "x".repeat(10_000_000)), "FR", now) }
        assertEquals("field.too_long", err.code)
    }

    @Test
    fun `absurd dates are refused`() {
        // A date, but no birth date: born after today.
        val unborn = marie().copy(companions = listOf(TravelCompanion("A", "B", LocalDate.of(2027, 1, 1))))
        assertEquals("client.birth_date_invalid", assertThrows<HospesException> { normalizeClient(unborn, "FR", now) }.code)
        // Not a date hospes reads: a year before 1900 (the year 1 crosses as "0001-01-01").
        val ancient = marie().copy(companions = listOf(TravelCompanion("A", "B", LocalDate.of(1, 1, 1))))
        assertEquals("input.invalid", assertThrows<HospesException> { normalizeClient(ancient, "FR", now) }.code)
        assertEquals("input.wrong_type", assertThrows<HospesException> { clientFromJson("{\"id\": 5}") }.code)
        // A record is read from an object, never from a list of its fields.
        assertEquals("input.wrong_type", assertThrows<HospesException> { moneyFromJson("[\"10.10\", \"EUR\"]") }.code)
    }

    @Test
    fun `a decimal with a huge exponent is refused at once, not written out`() {
        val money = Money(BigDecimal("10.00"), "EUR")
        for (huge in listOf("1E+999999999", "1E-999999999")) {
            val err = assertThrows<HospesException> { multiplyMoney(money, BigDecimal(huge)) }
            assertEquals("input.invalid", err.code)
        }
    }

    @Test
    fun `a lone surrogate is a typed error, not an I-O exception`() {
        val err = assertThrows<HospesException> { normalizeClient(marie().copy(lastName = "Du\uD800pont"), "FR", now) }
        assertEquals("input.invalid", err.code)
    }

    @Test
    fun `an instant beyond what a calendar holds is refused, not a panic`() {
        for (instant in listOf(Instant.MAX, Instant.MIN)) {
            assertEquals("input.invalid", assertThrows<HospesException> { normalizeClient(marie(), "FR", instant) }.code)
        }
        assertEquals("input.invalid", assertThrows<HospesException> { formatDate(LocalDate.MAX, dev.hospes.model.Locale.FR) }.code)
    }
}
