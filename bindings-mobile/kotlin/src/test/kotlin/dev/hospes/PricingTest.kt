package dev.hospes

import dev.hospes.model.ErrorFamily
import dev.hospes.model.HospesException
import dev.hospes.model.InstallmentKind
import dev.hospes.model.PriceRequest
import dev.hospes.model.PricedGuest
import dev.hospes.model.SupplementChoice
import dev.hospes.model.BookingStage
import dev.hospes.model.Locale
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate

/** Pricing from Kotlin, with typed records: the catalogue's campsite pitch, and a refused option. */
class PricingTest {
    private val catalogue = catalogueFromJson(File("../../core/tests/data/catalogue.json").readText())
    private val march = Instant.parse("2026-03-01T10:00:00Z")

    private fun request(unit: String, arrival: String, departure: String, guests: List<PricedGuest>, supplements: List<SupplementChoice> = emptyList()) =
        PriceRequest(unit, LocalDate.parse(arrival), LocalDate.parse(departure), guests, supplements, null, BookingStage.BOOKING, emptyList(), Locale.FR)

    @Test
    fun `a campsite pitch in July with two children and a dog`() {
        val family = listOf(PricedGuest(null), PricedGuest(null), PricedGuest(LocalDate.parse("2016-05-02")), PricedGuest(LocalDate.parse("2024-08-15")))
        val priced = priceStay(catalogue, request("E12", "2026-07-11", "2026-07-25", family, listOf(SupplementChoice("dog", 1u))), march)
        assertEquals(BigDecimal("616.31"), priced.totals.vat.totalInclVat.amount)
        assertEquals(listOf(InstallmentKind.DEPOSIT, InstallmentKind.BALANCE), priced.schedule.map { it.kind })
        assertEquals(priced.totals.vat.totalInclVat.amount, priced.schedule.map { it.amount.amount }.reduce(BigDecimal::add))
    }

    @Test
    fun `bed linen is refused when arrival is too close`() {
        val err = assertThrows<HospesException> {
            priceStay(
                catalogue,
                request("MH3", "2026-06-10", "2026-06-13", listOf(PricedGuest(null)), listOf(SupplementChoice("linen", 1u))),
                Instant.parse("2026-06-09T08:00:00Z"),
            )
        }
        assertEquals("pricing.option_not_allowed", err.code)
        assertEquals(ErrorFamily.PRICING, err.family)
        assertTrue(err.messageIn("fr").contains("3 jours"))
    }

    @Test
    fun `a booking form lists the options described in the guest's language`() {
        val stay = request("MH3", "2026-06-10", "2026-06-13", listOf(PricedGuest(null), PricedGuest(null))).copy(locale = Locale.EN)
        val offers = offeredOptions(catalogue, stay, Instant.parse("2026-06-09T08:00:00Z")).associateBy { it.id }
        assertEquals("Dogs on a lead, with an up-to-date vaccination record.", offers.getValue("dog").description)
        assertEquals(BigDecimal("10.50"), offers.getValue("dog").amount.amount)
        assertEquals(false, offers.getValue("linen").available)
        assertEquals("within_days", offers.getValue("linen").unavailableReason)
        assertEquals(false, offers.containsKey("electricity"))
    }

    @Test
    fun `a pricer holds the catalogue and prices like priceStay`() {
        Pricer(catalogue).use { pricer ->
            val family = listOf(PricedGuest(null), PricedGuest(null))
            val request = request("MH3", "2026-07-11", "2026-07-18", family)
            assertEquals(priceStay(catalogue, request, march), pricer.price(request, march))
            val quote = pricer.createQuote("D26-0312", "C-1042", "312", request, march, Instant.parse("2026-03-31T22:00:00Z"))
            assertEquals(BigDecimal("992.32"), quote.priced.totals.vat.totalInclVat.amount)
        }
    }
}
