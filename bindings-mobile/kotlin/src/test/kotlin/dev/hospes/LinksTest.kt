package dev.hospes

import dev.hospes.model.Establishment
import dev.hospes.model.ErrorFamily
import dev.hospes.model.HospesException
import dev.hospes.model.KeyringConfig
import dev.hospes.model.LinkPurpose
import dev.hospes.model.LinkRequest
import dev.hospes.model.LinkState
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

/** Secret links from Kotlin: issued, verified, revoked, and garbage refused. */
class LinksTest {
    private val now = Instant.parse("2026-06-01T10:00:00Z")
    private val camping: Establishment = establishmentFromJson(
        """{"id":"camping-des-pins","name":"Camping des Pins","currency":"EUR","time_zone":"Europe/Paris","portal_base_url":"https://portail.camping-des-pins.fr/"}""",
    )
    private val keyring = KeyringConfig(generateLinkKey(), emptyList(), 60u)

    private fun portalLink() = issueLink(
        keyring, camping,
        LinkRequest(LinkPurpose.PORTAL, "C-1042", null, LinkState.LinkVersion(0u), Instant.parse("2026-07-01T10:00:00Z")),
        now,
    )

    @Test
    fun `a portal link round trips`() {
        val link = portalLink()
        assertTrue(link.url.startsWith("https://portail.camping-des-pins.fr/?t=v4.local."))
        assertEquals("C-1042", inspectLink(link.token).clientId)
        val claims = verifyLink(keyring, camping, link.token, LinkPurpose.PORTAL, LinkState.LinkVersion(0u), now)
        assertEquals(Instant.parse("2026-07-01T10:00:00Z"), claims.expiresAt)
    }

    @Test
    fun `bumping the link version revokes the link`() {
        val err = assertThrows<HospesException> {
            verifyLink(keyring, camping, portalLink().token, LinkPurpose.PORTAL, LinkState.LinkVersion(1u), now)
        }
        assertEquals("link.invalid", err.code)
        assertEquals(ErrorFamily.LINK, err.family)
    }

    @Test
    fun `odd tokens are refused with a typed error`() {
        val token = portalLink().token
        for (odd in listOf(token.substring(0, 30) + "\u200B" + token.substring(30), token.replaceFirst("v4", "ｖ4"), token + "=", token.repeat(10_000), "")) {
            val err = assertThrows<HospesException> { verifyLink(keyring, camping, odd, LinkPurpose.PORTAL, LinkState.LinkVersion(0u), now) }
            assertEquals("link.invalid", err.code)
        }
    }

    @Test
    fun `a keyring object issues links that verifyLink accepts, and verifies theirs`() {
        Keyring(keyring).use { ring ->
            assertTrue(ring.activeKeyId().startsWith("k4.lid."))
            val request = LinkRequest(LinkPurpose.PORTAL, "C-1042", null, LinkState.LinkVersion(0u), Instant.parse("2026-07-01T10:00:00Z"))
            val link = ring.issue(camping, request, now)
            assertEquals(link.tokenId, verifyLink(keyring, camping, link.token, LinkPurpose.PORTAL, LinkState.LinkVersion(0u), now).tokenId)
            val claims = ring.verify(camping, portalLink().token, LinkPurpose.PORTAL, LinkState.LinkVersion(0u), now)
            assertEquals("C-1042", claims.clientId)
            val err = assertThrows<HospesException> {
                ring.verify(camping, link.token, LinkPurpose.PORTAL, LinkState.LinkVersion(1u), now)
            }
            assertEquals("link.invalid", err.code)
        }
    }

    @Test
    fun `a keyring object refuses a malformed key without echoing it`() {
        val err = assertThrows<HospesException> { Keyring(KeyringConfig("k4.local.c2VjcmV0", emptyList(), 60u)) }
        assertEquals("link.key_invalid", err.code)
        assertEquals(ErrorFamily.LINK, err.family)
        assertTrue(!err.messageIn("en").contains("c2VjcmV0"))
    }
}
