package dev.hospes

import dev.hospes.model.HospesException
import dev.hospes.model.LinkPurpose
import dev.hospes.model.Locale as HospesLocale
import dev.hospes.model.PriceBasis
import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate

/**
 * The shared conformance vectors, run through the typed Kotlin API: records are read with the
 * JSON codecs, scalars become BigDecimal, LocalDate and Instant, the typed function is called,
 * and the result is written back to canonical JSON and compared structurally.
 */
class VectorsTest {
    private val dir = File(System.getProperty("hospes.vectors.dir") ?: "../../tests/vectors")

    private fun vectors(): List<Pair<String, JSONObject>> =
        dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }.flatMap { file ->
            val list = JSONObject(file.readText()).getJSONArray("vectors")
            (0 until list.length()).map { i -> file.name to list.getJSONObject(i) }
        }

    private fun JSONObject.json(key: String) = get(key).toString()

    private fun access(input: JSONObject) = portalAccessFromJson(input.json("access"))

    private fun stays(input: JSONObject) = input.getJSONArray("stays").let { list -> (0 until list.length()).map { stayFromJson(list.get(it).toString()) } }

    private fun <T> list(input: JSONObject, key: String, read: (String) -> T): List<T> =
        input.getJSONArray(key).let { l -> (0 until l.length()).map { read(l.get(it).toString()) } }

    private fun <T> jsonList(values: List<T>, write: (T) -> String): String =
        JSONArray(values.map { JSONTokener(write(it)).nextValue() }).toString()

    private fun now(input: JSONObject) = Instant.parse(input.getString("now"))

    private fun policy(input: JSONObject) = editPolicyFromJson(input.json("policy"))

    private fun schedule(input: JSONObject) = appointmentScheduleFromJson(input.json("schedule"))

    private fun appointment(input: JSONObject) = appointmentFromJson(input.json("appointment"))

    private fun locale(input: JSONObject, key: String) = HospesLocale.valueOf(input.getString(key).uppercase())

    private fun invoice(input: JSONObject) = invoiceFromJson(input.json("invoice"))

    private fun payments(input: JSONObject) = list(input, "payments", ::paymentFromJson)

    private fun invoices(input: JSONObject) = list(input, "invoices", ::invoiceFromJson)

    private fun run(op: String, input: JSONObject): String = when (op) {
        "client.normalize" -> clientToJson(
            normalizeClient(clientFromJson(input.json("client")), input.getString("default_country"), Instant.parse(input.getString("now"))),
        )
        "client.apply_guest_update" -> clientUpdateOutcomeToJson(
            applyGuestUpdate(
                clientFromJson(input.json("client")),
                guestDetailsFromJson(input.json("details")),
                updatePolicyFromJson(input.json("policy")),
                input.getString("default_country"),
                Instant.parse(input.getString("now")),
            ),
        )
        "client.missing_details" -> JSONArray(missingClientDetails(clientFromJson(input.json("client"))).map { it.name.lowercase() }).toString()
        "establishment.normalize" -> establishmentToJson(normalizeEstablishment(establishmentFromJson(input.json("establishment"))))
        "money.add" -> moneyToJson(addMoney(moneyFromJson(input.json("a")), moneyFromJson(input.json("b"))))
        "money.subtract" -> moneyToJson(subtractMoney(moneyFromJson(input.json("a")), moneyFromJson(input.json("b"))))
        "money.multiply" -> moneyToJson(multiplyMoney(moneyFromJson(input.json("money")), BigDecimal(input.getString("factor"))))
        "money.round" -> moneyToJson(roundMoney(moneyFromJson(input.json("money"))))
        "vat.breakdown" -> {
            val amounts = input.getJSONArray("amounts")
            vatBreakdownToJson(
                vatBreakdown(
                    input.getString("currency"),
                    PriceBasis.valueOf(input.getString("basis").uppercase()),
                    (0 until amounts.length()).map { taxedAmountFromJson(amounts.get(it).toString()) },
                ),
            )
        }
        "stay.normalize" -> stayToJson(normalizeStay(stayFromJson(input.json("stay")), LocalDate.parse(input.getString("today"))))
        "stay.totals" -> stayTotalsToJson(stayTotals(stayFromJson(input.json("stay"))))
        "invoice.check_number_pattern" -> checkNumberPattern(input.getString("pattern")).let { "null" }
        "invoice.next_number" -> JSONObject.quote(
            nextInvoiceNumber(
                input.getString("pattern"),
                LocalDate.parse(input.getString("date")),
                if (input.isNull("last")) null else input.getString("last"),
            ),
        )
        "quote.create" -> quoteToJson(
            createQuote(
                input.getString("number"),
                input.getString("client_id"),
                input.getString("stay_reference"),
                catalogueFromJson(input.json("catalogue")),
                priceRequestFromJson(input.json("request")),
                Instant.parse(input.getString("now")),
                Instant.parse(input.getString("valid_until")),
            ),
        )
        "quote.link_state" -> linkStateToJson(quoteLinkState(quoteFromJson(input.json("quote"))))
        "portal.quote" -> quoteViewToJson(
            portalQuote(access(input), clientFromJson(input.json("client")), quoteFromJson(input.json("quote")), Instant.parse(input.getString("now"))),
        )
        "portal.change_quote_guests" -> quoteChangeToJson(
            portalChangeQuoteGuests(
                access(input),
                clientFromJson(input.json("client")),
                quoteFromJson(input.json("quote")),
                catalogueFromJson(input.json("catalogue")),
                input.getJSONArray("guests").let { list -> (0 until list.length()).map { pricedGuestFromJson(list.get(it).toString()) } },
                Instant.parse(input.getString("now")),
            ),
        )
        "portal.apply_quote_promo" -> quoteChangeToJson(
            portalApplyQuotePromo(
                access(input),
                clientFromJson(input.json("client")),
                quoteFromJson(input.json("quote")),
                catalogueFromJson(input.json("catalogue")),
                if (input.isNull("promo_code")) null else input.getString("promo_code"),
                Instant.parse(input.getString("now")),
            ),
        )
        "portal.accept_quote" -> quoteAcceptanceToJson(
            portalAcceptQuote(
                access(input),
                clientFromJson(input.json("client")),
                quoteFromJson(input.json("quote")),
                stayFromJson(input.json("stay")),
                signatureRequestFromJson(input.json("acceptance")),
                Instant.parse(input.getString("now")),
            ),
        )
        "invoice.draft" -> invoiceToJson(draftInvoice(invoiceRequestFromJson(input.json("request"))))
        "invoice.issue" -> issuedInvoiceToJson(
            issueInvoice(invoice(input), invoiceSeriesFromJson(input.json("series")), LocalDate.parse(input.getString("date")), now(input)),
        )
        "invoice.credit_note" -> issuedInvoiceToJson(
            creditInvoice(invoice(input), invoiceSeriesFromJson(input.json("series")), LocalDate.parse(input.getString("date")), now(input)),
        )
        "invoice.link_state" -> linkStateToJson(invoiceLinkState(invoice(input)))
        "payment.record" -> paymentRecordedToJson(recordPayment(invoice(input), payments(input), paymentFromJson(input.json("payment")), now(input)))
        "payment.balance" -> invoiceBalanceToJson(invoiceBalance(invoice(input), payments(input)))
        "payment.stay_balance" -> stayBalanceToJson(stayBalance(input.getString("currency"), invoices(input), payments(input)))
        "payment.schedule_state" -> jsonList(
            paymentScheduleState(list(input, "schedule", ::installmentFromJson), moneyFromJson(input.json("paid")), input.getString("time_zone"), now(input)),
            ::scheduledPaymentToJson,
        )
        "payment.reminders_due" -> jsonList(
            paymentRemindersDue(
                input.getString("stay_reference"), list(input, "states", ::scheduledPaymentFromJson), reminderPolicyFromJson(input.json("policy")),
                list(input, "sent") { it }, input.getString("time_zone"), now(input),
            ),
            ::paymentReminderToJson,
        )
        "payment.request" -> paymentRequestToJson(paymentRequest(establishmentFromJson(input.json("establishment")), invoice(input), payments(input)))
        "payment.accept_result" -> paymentRecordedToJson(
            acceptPaymentResult(invoice(input), payments(input), paymentRequestFromJson(input.json("request")), providerResultFromJson(input.json("result")), now(input)),
        )
        "contract.create" -> contractToJson(createContract(contractRequestFromJson(input.json("request")), now(input)))
        "contract.link_state" -> linkStateToJson(contractLinkState(contractFromJson(input.json("contract"))))
        "portal.invoices" -> jsonList(
            portalInvoices(access(input), clientFromJson(input.json("client")), invoices(input), payments(input), input.getBoolean("online_payment")),
            ::invoiceViewToJson,
        )
        "portal.contract" -> contractViewToJson(portalContract(access(input), clientFromJson(input.json("client")), contractFromJson(input.json("contract"))))
        "portal.sign_contract" -> contractSignedToJson(
            portalSignContract(access(input), clientFromJson(input.json("client")), contractFromJson(input.json("contract")), signatureRequestFromJson(input.json("signature")), now(input)),
        )
        "event.append_log" -> jsonList(
            appendEventLog(input.optJSONObject("last")?.let { loggedEventFromJson(it.toString()) }, list(input, "events", ::eventFromJson)),
            ::loggedEventToJson,
        )
        "event.verify_log" -> verifyEventLog(list(input, "entries", ::loggedEventFromJson)).let { "null" }
        "cancellation.preview" -> cancellationPreviewToJson(
            previewCancellation(
                stayFromJson(input.json("stay")), cancellationPolicyFromJson(input.json("policy")), invoices(input), payments(input),
                input.getString("time_zone"), now(input),
            ),
        )
        "cancellation.confirm" -> cancellationToJson(
            confirmCancellation(
                stayFromJson(input.json("stay")), cancellationPolicyFromJson(input.json("policy")), invoices(input), payments(input),
                cancellationConfirmationFromJson(input.json("confirmation")), input.getString("time_zone"), now(input),
            ),
        )
        "residency.rent_schedule" -> jsonList(rentSchedule(residencyFromJson(input.json("residency"))), ::installmentToJson)
        "residency.rent_invoice" -> invoiceToJson(
            rentInvoice(residencyFromJson(input.json("residency")), establishmentFromJson(input.json("establishment")), clientFromJson(input.json("client")), input.getInt("index").toUInt()),
        )
        "residency.set_authorised" -> residencyChangeToJson(setAuthorisedPersons(residencyFromJson(input.json("residency")), list(input, "persons", ::companionFromJson), now(input)))
        "residency.stay" -> stayToJson(residencyStay(residencyFromJson(input.json("residency"))))
        "appointment.request" -> appointmentOutcomeToJson(
            requestAppointment(access(input), clientFromJson(input.json("client")), schedule(input), input.getString("time_zone"), input.getString("id"), appointmentRequestFromJson(input.json("request")), now(input)),
        )
        "appointment.for_guest" -> jsonList(
            guestAppointments(access(input), clientFromJson(input.json("client")), list(input, "appointments", ::appointmentFromJson)),
            ::appointmentToJson,
        )
        "appointment.confirm" -> appointmentOutcomeToJson(confirmAppointment(appointment(input), input.getString("time_zone"), now(input)))
        "appointment.reschedule" -> appointmentOutcomeToJson(
            rescheduleAppointment(appointment(input), schedule(input), input.getString("time_zone"), input.getString("start"), if (input.isNull("end")) null else input.getString("end"), now(input)),
        )
        "appointment.decline" -> appointmentOutcomeToJson(
            declineAppointment(appointment(input), if (input.isNull("reason")) null else input.getString("reason"), now(input)),
        )
        "appointment.cancel" -> appointmentOutcomeToJson(
            cancelAppointment(access(input), clientFromJson(input.json("client")), appointment(input), input.getString("time_zone"), now(input)),
        )
        "appointment.free_slots" -> JSONArray(
            freeAppointmentSlots(
                schedule(input), input.getString("time_zone"), LocalDate.parse(input.getString("day")),
                if (input.isNull("duration_minutes")) null else input.getInt("duration_minutes").toUInt(),
                list(input, "taken", ::appointmentFromJson), now(input),
            ).map { "${it}:00" },
        ).toString()
        "appointment.check_schedule" -> checkAppointmentSchedule(schedule(input)).let { "null" }
        "editable.check_policy" -> checkEditPolicy(policy(input)).let { "null" }
        "editable.window" -> editWindowToJson(editWindow(policy(input), stayFromJson(input.json("stay")), input.getString("time_zone"), now(input)))
        "editable.apply" -> editOutcomeToJson(
            applyBookingChange(
                access(input), clientFromJson(input.json("client")), policy(input), stayFromJson(input.json("stay")),
                input.getString("time_zone"), bookingChangeFromJson(input.json("change")), input.getString("request_id"), now(input),
            ),
        )
        "editable.approve" -> editOutcomeToJson(
            approveBookingChange(changeRequestFromJson(input.json("request")), stayFromJson(input.json("stay")), now(input)),
        )
        "editable.decline" -> eventToJson(
            declineBookingChange(changeRequestFromJson(input.json("request")), if (input.isNull("reason")) null else input.getString("reason"), now(input)),
        )
        "editable.reminders_due" -> jsonList(editRemindersDue(policy(input), stays(input), input.getString("time_zone"), now(input)), ::editReminderToJson)
        "editable.resend" -> editReminderToJson(resendEditReminder(policy(input), stayFromJson(input.json("stay")), input.getString("time_zone"), now(input)))
        "editable.mail_edit" -> mailEditToJson(
            editReminderMail(editReminderFromJson(input.json("reminder")), policy(input), locale(input, "locale")),
        )
        "mail.check" -> mailSummaryToJson(checkMail(mailTemplateFromJson(input.json("template"))))
        "mail.render" -> renderedMailToJson(
            renderMail(mailTemplateFromJson(input.json("template")), mailContextFromJson(input.json("context")))
        )
        "event.describe" -> JSONObject.quote(describeEvent(eventFromJson(input.json("event")), locale(input, "locale")))
        "i18n.format_money" -> JSONObject.quote(formatMoney(moneyFromJson(input.json("amount")), locale(input, "locale")))
        "i18n.format_date" -> JSONObject.quote(formatDate(LocalDate.parse(input.getString("date")), locale(input, "locale")))
        "pricing.check_catalogue" -> checkCatalogue(catalogueFromJson(input.json("catalogue"))).let { "null" }
        "pricing.price" -> pricedStayToJson(
            priceStay(
                catalogueFromJson(input.json("catalogue")),
                priceRequestFromJson(input.json("request")),
                Instant.parse(input.getString("now")),
            ),
        )
        "link.generate_key" -> JSONObject.quote(generateLinkKey())
        "link.issue" -> issuedLinkToJson(
            issueLink(
                keyringConfigFromJson(input.json("keyring")),
                establishmentFromJson(input.json("establishment")),
                linkRequestFromJson(input.json("request")),
                Instant.parse(input.getString("now")),
            ),
        )
        "link.inspect" -> linkHintToJson(inspectLink(input.getString("token")))
        "link.verify" -> linkClaimsToJson(
            verifyLink(
                keyringConfigFromJson(input.json("keyring")),
                establishmentFromJson(input.json("establishment")),
                input.getString("token"),
                LinkPurpose.valueOf(input.getString("purpose").uppercase()),
                linkStateFromJson(input.json("state")),
                Instant.parse(input.getString("now")),
            ),
        )
        "link.url" -> JSONObject.quote(
            linkUrl(establishmentFromJson(input.json("establishment")), LinkPurpose.valueOf(input.getString("purpose").uppercase()), input.getString("token")),
        )
        "account.register" -> registrationToJson(
            registerAccount(
                input.optJSONObject("client")?.let { clientFromJson(it.toString()) },
                input.optJSONObject("existing")?.let { accountFromJson(it.toString()) },
                input.getString("email"),
                input.getString("password"),
                Instant.parse(input.getString("now")),
            ),
        )
        "account.confirm" -> accountUpdateToJson(
            confirmAccount(accountFromJson(input.json("account")), linkClaimsFromJson(input.json("claims")), Instant.parse(input.getString("now"))),
        )
        "account.login" -> loginToJson(
            login(
                input.optJSONObject("account")?.let { accountFromJson(it.toString()) },
                input.getString("email"),
                input.getString("password"),
                throttleFromJson(input.json("throttle")),
                Instant.parse(input.getString("now")),
            ),
        )
        "account.change_password" -> accountUpdateToJson(
            changePassword(accountFromJson(input.json("account")), input.getString("current_password"), input.getString("new_password"), Instant.parse(input.getString("now"))),
        )
        "account.reset_password" -> accountUpdateToJson(
            resetPassword(accountFromJson(input.json("account")), linkClaimsFromJson(input.json("claims")), input.getString("new_password"), Instant.parse(input.getString("now"))),
        )
        "account.throttle_wait" -> loginWaitSeconds(throttleFromJson(input.json("throttle")), Instant.parse(input.getString("now"))).toString()
        "account.throttle_failed" -> throttleToJson(recordLoginFailure(throttleFromJson(input.json("throttle")), Instant.parse(input.getString("now"))))
        "portal.access_from_link" -> portalAccessToJson(portalAccessFromLink(linkClaimsFromJson(input.json("claims"))))
        "portal.access_from_login" -> portalAccessToJson(portalAccessFromLogin(loginFromJson(input.json("login"))))
        "portal.home" -> portalHomeToJson(
            portalHome(access(input), clientFromJson(input.json("client")), establishmentFromJson(input.json("establishment")), stays(input), LocalDate.parse(input.getString("today"))),
        )
        "portal.history" -> stayHistoryToJson(portalHistory(access(input), clientFromJson(input.json("client")), stays(input), LocalDate.parse(input.getString("today"))))
        "portal.stay" -> stayDetailToJson(portalStay(access(input), clientFromJson(input.json("client")), stays(input), input.getString("reference")))
        "portal.personal_info" -> guestDetailsToJson(portalPersonalInfo(access(input), clientFromJson(input.json("client"))))
        "portal.update_personal_info" -> clientUpdateOutcomeToJson(
            portalUpdatePersonalInfo(
                access(input), clientFromJson(input.json("client")), guestDetailsFromJson(input.json("details")),
                updatePolicyFromJson(input.json("policy")), establishmentFromJson(input.json("establishment")), Instant.parse(input.getString("now")),
            ),
        )
        "portal.add_participant" -> participantsChangeToJson(
            portalAddParticipant(
                access(input), clientFromJson(input.json("client")), stayFromJson(input.json("stay")),
                newParticipantFromJson(input.json("participant")), Instant.parse(input.getString("now")),
            ),
        )
        "portal.remove_participant" -> participantsChangeToJson(
            portalRemoveParticipant(
                access(input), clientFromJson(input.json("client")), stayFromJson(input.json("stay")),
                input.getInt("index").toUInt(), Instant.parse(input.getString("now")),
            ),
        )
        "pdf.invoice", "pdf.quote", "pdf.contract", "pdf.labels" ->
            JSONObject.quote(java.util.Base64.getEncoder().encodeToString(runBytes(op, input)))
        else -> throw AssertionError("no Kotlin runner for operation $op")
    }

    private fun letterhead(input: JSONObject) = if (input.has("letterhead")) letterheadFromJson(input.json("letterhead")) else null

    /** The operations that return a document: its bytes. */
    private fun runBytes(op: String, input: JSONObject): ByteArray = when (op) {
        "pdf.invoice" -> invoicePdf(
            invoice(input),
            if (input.has("balance")) invoiceBalanceFromJson(input.json("balance")) else null,
            letterhead(input),
        )
        "pdf.quote" -> quotePdf(
            quoteFromJson(input.json("quote")),
            establishmentFromJson(input.json("establishment")),
            clientFromJson(input.json("client")),
            if (input.has("locale")) locale(input, "locale") else null,
            letterhead(input),
        )
        "pdf.contract" -> contractPdf(contractFromJson(input.json("contract")), letterhead(input))
        "pdf.labels" -> labelsPdf(labelRequestFromJson(input.json("request")))
        else -> throw AssertionError("$op returns no document")
    }

    private fun same(expected: Any, actual: Any): Boolean = when (expected) {
        is JSONObject -> actual is JSONObject && expected.similar(actual)
        is JSONArray -> actual is JSONArray && expected.similar(actual)
        else -> expected == actual
    }

    @TestFactory
    fun `every shared vector passes in Kotlin`(): List<DynamicTest> = vectors().map { (file, vector) ->
        DynamicTest.dynamicTest("$file: ${vector.getString("name")}") {
            val op = vector.getString("op")
            val input = vector.getJSONObject("input")
            if (vector.has("expect_sha256")) {
                val pdf = runBytes(op, input)
                assertEquals("%PDF-", String(pdf.copyOfRange(0, 5)))
                val hash = java.security.MessageDigest.getInstance("SHA-256").digest(pdf).joinToString("") { "%02x".format(it) }
                assertEquals(vector.getString("expect_sha256"), hash)
            } else if (vector.has("expect_prefix")) {
                val actual = JSONTokener(run(op, input)).nextValue() as String
                assertTrue(actual.startsWith(vector.getString("expect_prefix")), actual)
            } else if (vector.has("error")) {
                val err = runCatching { run(op, input) }.exceptionOrNull()
                assertTrue(err is HospesException, "expected HospesException ${vector.getString("error")}, got $err")
                assertEquals(vector.getString("error"), (err as HospesException).code)
            } else {
                val actual = JSONTokener(run(op, input)).nextValue()
                val expected = vector.get("expect")
                assertTrue(same(expected, actual), "expected $expected\n   got $actual")
            }
        }
    }

    @Test
    fun `the vectors cover every operation`() {
        val ops = vectors().map { it.second.getString("op") }.toSet()
        assertTrue(ops.size >= 11, "only ${ops.size} operations covered: $ops")
    }
}
