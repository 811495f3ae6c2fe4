package dev.hospes

import dev.hospes.model.ErrorFamily
import dev.hospes.model.HospesException
import dev.hospes.model.Throttle
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

/** Portal accounts from Kotlin: register, log in, no enumeration, throttle. */
class AccountsTest {
    private val now = Instant.parse("2026-06-01T10:00:00Z")
    private val client = clientFromJson("""{"id":"C-7","last_name":"Martin","email":"paul.martin@example.fr","created_at":"2026-01-01T00:00:00Z"}""")
    private val password = "my dog is called Filou"

    @Test
    fun `an account is created only for an address on file and logs in once verified`() {
        assertNull(registerAccount(null, null, "nobody@example.fr", password, now).account)
        val account = registerAccount(client, null, client.email!!, password, now).account!!
        assertEquals("account.not_verified", assertThrows<HospesException> { login(account, client.email!!, password, Throttle(0u, null), now) }.code)
        assertEquals("C-7", login(account.copy(verified = true), client.email!!, password, Throttle(0u, null), now).clientId)
        val unknown = assertThrows<HospesException> { login(null, "nobody@example.fr", password, Throttle(0u, null), now) }
        val wrong = assertThrows<HospesException> { login(account.copy(verified = true), client.email!!, "not the password", Throttle(0u, null), now) }
        assertEquals(unknown.messages, wrong.messages)
        assertEquals(ErrorFamily.ACCOUNT, unknown.family)
    }

    @Test
    fun `the throttle slows repeated failures`() {
        var throttle = Throttle(0u, null)
        repeat(7) { throttle = recordLoginFailure(throttle, now) }
        assertEquals(8L, loginWaitSeconds(throttle, now))
        assertEquals("account.throttled", assertThrows<HospesException> { login(null, "x@example.fr", password, throttle, now) }.code)
    }
}
