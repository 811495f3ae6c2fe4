package dev.hospes

import dev.hospes.model.Address
import dev.hospes.model.Client
import dev.hospes.model.ClientKind
import dev.hospes.model.CsvDelimiter
import dev.hospes.model.HospesException
import dev.hospes.model.LabelSheet
import dev.hospes.model.Locale
import dev.hospes.model.RegisterColumn
import dev.hospes.model.RegisterConfig
import dev.hospes.model.RegisterEntry
import dev.hospes.model.RegisterQuery
import dev.hospes.model.SheetFormat
import dev.hospes.model.SheetOptions
import dev.hospes.model.StayDates
import dev.hospes.model.StayStatus
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.file.Files
import java.time.Instant
import java.time.LocalDate

/** The client register from Kotlin, as a campsite's back office uses it. */
class RegisterTest {
    private val now = Instant.parse("2026-07-14T08:00:00Z")
    private val config = RegisterConfig("EUR", "Europe/Paris")

    private fun client(id: String, lastName: String, city: String? = null) = Client(
        id = id, civility = null, lastName = lastName, firstName = null, company = null,
        address = Address(emptyList(), null, city, if (city == null) null else "FR"),
        landline = null, mobile = "+33612345678", email = null, preferredLocale = null, notes = "private",
        licencePlates = emptyList(), kind = ClientKind.PROSPECT, createdAt = Instant.parse("2026-01-15T09:30:00Z"),
        linkVersion = 0u, companions = emptyList(), pets = emptyList(),
    )

    private fun query(text: String? = null, presentOnly: Boolean = false) =
        RegisterQuery(text = text, presentOnly = presentOnly, sort = RegisterColumn.LAST_NAME)

    @Test
    fun `a register is kept current and searched without accents`() {
        val here = StayDates("312", LocalDate.of(2026, 7, 11), LocalDate.of(2026, 7, 25), StayStatus.IN_PROGRESS)
        Register(config, listOf(RegisterEntry(client("C-1", "Lefèvre", "Lyon"), listOf(here), emptyList()))).use { register ->
            assertEquals(1uL, register.upsert(listOf(RegisterEntry(client("C-2", "Martin"), emptyList(), emptyList()))))
            assertEquals(2uL, register.size())
            assertEquals(listOf("C-1"), register.search(query(presentOnly = true), now).rows.map { it.clientId })
            val page = register.search(query("LEFEV"), now)
            assertEquals(1uL, page.total)
            assertEquals(ClientKind.STAYER, page.rows[0].kind)
            assertEquals(1uL, register.remove(listOf("C-2", "C-9")))
            val error = assertThrows<HospesException.Failed> { register.search(query("le"), now) }
            assertEquals("register.query_too_short", error.code)
        }
    }

    @Test
    fun `the register exports to a file and prints labels`() {
        Register(config, listOf(RegisterEntry(client("C-1", "Núñez", "Lyon"), emptyList(), emptyList()))).use { register ->
            val file = Files.createTempFile("clients", ".csv")
            val options = SheetOptions(SheetFormat.CSV, CsvDelimiter.SEMICOLON, null, null, Locale.ES)
            assertEquals(1uL, register.exportTo(query(), now, listOf(RegisterColumn.LAST_NAME), options, file.toString()))
            val text = String(Files.readAllBytes(file), Charsets.UTF_8)
            assertEquals("\uFEFFApellido\r\nNúñez\r\n", text)
            Files.delete(file)
            val pdf = register.labels(query(), now, LabelSheet.A4_2X7, "FR", Locale.FR, 0u)
            assertTrue(String(pdf.copyOfRange(0, 4), Charsets.US_ASCII) == "%PDF")
        }
    }
}
