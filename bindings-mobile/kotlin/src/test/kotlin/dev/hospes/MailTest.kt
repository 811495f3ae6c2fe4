package dev.hospes

import dev.hospes.model.HospesException
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/** Mails from Kotlin: a context prepared once renders every mail as its records do. */
class MailTest {
    private val vectors = JSONObject(File("../../tests/vectors/mail.json").readText()).getJSONArray("vectors")

    /** The block's value, or the code of the HospesException it threw. */
    private fun outcome(block: () -> Any): Any = try {
        block()
    } catch (e: HospesException) {
        e.code
    }

    @Test
    fun `a prepared context renders every vector's mail as its records do, twice`() {
        var compared = 0
        for (i in 0 until vectors.length()) {
            val vector = vectors.getJSONObject(i)
            if (vector.getString("op") != "mail.render") continue
            val name = vector.getString("name")
            val input = vector.getJSONObject("input")
            val template = mailTemplateFromJson(input.getJSONObject("template").toString())
            val context = mailContextFromJson(input.getJSONObject("context").toString())
            val mailer = outcome { Mailer(template) }
            if (mailer !is Mailer) {
                assertTrue(vector.has("error"), name)
                continue
            }
            mailer.use {
                val expected = outcome { mailer.render(context) }
                when (val prepared = outcome { PreparedMailContext(context) }) {
                    is PreparedMailContext -> prepared.use {
                        repeat(2) { assertEquals(expected, outcome { mailer.renderPrepared(prepared) }, name) }
                    }
                    // Refused when prepared: the links are checked then, with render's code.
                    else -> assertEquals(expected, prepared, name)
                }
            }
            compared += 1
        }
        assertTrue(compared >= 30, "$compared mails compared")
    }

    @Test
    fun `a javascript link is refused when the context is prepared`() {
        val vector = (0 until vectors.length()).map { vectors.getJSONObject(it) }.first { it.getString("op") == "mail.render" && it.has("expect") }
        val context = JSONObject(vector.getJSONObject("input").getJSONObject("context").toString())
        context.put("links", JSONObject().put("portal", "javascript:alert(1)"))
        assertEquals("mail.link_invalid", outcome { PreparedMailContext(mailContextFromJson(context.toString())) })
    }
}
