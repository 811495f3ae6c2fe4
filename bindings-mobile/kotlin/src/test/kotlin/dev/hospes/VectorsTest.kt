package dev.hospes

import dev.hospes.model.HospesException
import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * The shared conformance vectors, run through the typed Kotlin API by [VectorDispatch] (generated
 * from the table of operations by tools/gen_kotlin_vectors.py): records are read with the JSON
 * codecs, scalars become BigDecimal, LocalDate and Instant, the typed function is called, and the
 * result is written back to canonical JSON and compared structurally.
 */
class VectorsTest {
    private val dir = File(System.getProperty("hospes.vectors.dir") ?: "../../tests/vectors")

    private fun vectors(): List<Pair<String, JSONObject>> =
        dir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }.flatMap { file ->
            val list = JSONObject(file.readText()).getJSONArray("vectors")
            (0 until list.length()).map { i -> file.name to list.getJSONObject(i) }
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
                // A file (PDF, XLSX, CSV, FEC) comes as bytes; its hash is the check.
                val file = VectorDispatch.runDocument(op, input)
                assertTrue(file.isNotEmpty())
                val hash = java.security.MessageDigest.getInstance("SHA-256").digest(file).joinToString("") { "%02x".format(it) }
                assertEquals(vector.getString("expect_sha256"), hash)
            } else if (vector.has("expect_text_sha256")) {
                // A text document (the e-invoice XML) comes as a string; the hash of its UTF-8 is the check.
                val text = JSONTokener(VectorDispatch.runOperation(op, input)).nextValue() as String
                assertTrue(text.isNotEmpty())
                val hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.toByteArray(Charsets.UTF_8)).joinToString("") { "%02x".format(it) }
                assertEquals(vector.getString("expect_text_sha256"), hash)
            } else if (vector.has("expect_prefix")) {
                val actual = JSONTokener(VectorDispatch.runOperation(op, input)).nextValue() as String
                assertTrue(actual.startsWith(vector.getString("expect_prefix")), actual)
            } else if (vector.has("error")) {
                val err = runCatching { VectorDispatch.runOperation(op, input) }.exceptionOrNull()
                assertTrue(err is HospesException, "expected HospesException ${vector.getString("error")}, got $err")
                assertEquals(vector.getString("error"), (err as HospesException).code)
            } else {
                val actual = JSONTokener(VectorDispatch.runOperation(op, input)).nextValue()
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
