package dev.hospes.sweep

import dev.hospes.code
import dev.hospes.model.HospesException
import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import kotlin.random.Random

/**
 * The hostile-input sweep, in Kotlin: nothing a host hands hospes crashes, hangs or leaks an
 * exception that is not a [HospesException] with a code.
 *
 * Generated from the bindings themselves: every public function of `dev.hospes` (read by
 * reflection, with the parameter names and types of the generated source) and the held classes
 * (`Keyring`, `Pricer`, `Mailer`, `PreparedMailContext`, constructors and methods) is called
 * with one argument replaced by a hostile value, every other argument valid (built from a shared
 * vector of tests/vectors/ whose inputs have the same names, or from any vector value of the
 * same type):
 *
 * - every string parameter (names, ids, countries, time zones, tokens, `json`…): NUL, control
 *   characters, lone surrogates, 10 MB, just over 1 MiB, `1E+999999999`;
 * - every `BigDecimal`: `BigDecimal("1E+999999999")` and its kin, 100 000 digits, beyond 2^96;
 * - every `Instant` and `LocalDate`: their MIN and MAX; every `UInt`: its MAX;
 * - every record: its valid value with one string or decimal field inside it (to depth 3) made
 *   hostile, the fields chosen by a seeded random draw (the seed is printed);
 * - every `*FromJson` function: JSON texts nested 10 000 levels (arrays, objects, and inside a valid
 *   record), 10 MB, huge exponents in place of every decimal, invalid JSON — the nested ones also on
 *   a thread with a 256 KiB stack.
 *
 * Each case must end in a value or a [HospesException] with a dotted code other than
 * `internal.error`: not uniffi's `InternalException` (a Rust panic), not an exception of the glue
 * (`CharacterCodingException`, `OutOfMemoryError`…), and within the watchdog (10 s: a debug build on
 * a busy machine). The JVM is the one `mvn test` started: a case that crashes it cannot be reported
 * here, so the case about to run is written to `target/hospes-sweep-progress.txt` (the last line
 * names the culprit of a crash), each failing group is printed as soon as it is done, the groups
 * most likely to crash (a small stack) run last, and this class (package `sweep`) runs after the
 * other test classes (surefire's `runOrder` is alphabetical). A value whose cases hang three times
 * is not tried further, and time budgets bound the sweep; the cases left out count as failures
 * ("not run").
 *
 * Knobs (system properties or environment): `HOSPES_SWEEP_SEED`, `HOSPES_SWEEP_WATCHDOG`
 * (seconds), `HOSPES_SWEEP_REPORT` (a file to append every failure to).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the API read and the valid arguments built once
class SweepTest {
    companion object {
        private fun knob(name: String, default: String) =
            System.getProperty(name.lowercase().replace('_', '.')) ?: System.getenv(name) ?: default

        val SEED = knob("HOSPES_SWEEP_SEED", "20260617").toLong()
        val WATCHDOG_MS = (knob("HOSPES_SWEEP_WATCHDOG", "10").toDouble() * 1000).toLong()
        val GROUP_BUDGET_MS = (knob("HOSPES_SWEEP_GROUP_SECONDS", "30").toDouble() * 1000).toLong()
        val TOTAL_BUDGET_MS = (knob("HOSPES_SWEEP_TOTAL_SECONDS", "150").toDouble() * 1000).toLong()
        val REPORT: String? = knob("HOSPES_SWEEP_REPORT", "").ifEmpty { null }
        const val BREAKER = 3
        const val SMALL_STACK = 256L * 1024

        private val vectorsDir = File(System.getProperty("hospes.vectors.dir") ?: "../../tests/vectors")
        private val generatedSource = File(System.getProperty("hospes.kotlin.generated") ?: "generated/dev/hospes/hospes_mobile.kt")
        private val progress = File("target/hospes-sweep-progress.txt")
        private val facade: Class<*> = Class.forName("dev.hospes.Hospes_mobileKt")
        private val started = System.nanoTime()
    }

    // -----------------------------------------------------------------------------------------
    // The API, from the generated source (names, types) and reflection (the methods to call).
    // -----------------------------------------------------------------------------------------

    /** A parameter as the generated source declares it: `client`, `Client`, not nullable. */
    data class Param(val name: String, val type: String) {
        val nullable get() = type.endsWith("?")
        val base get() = type.removeSuffix("?")
    }

    /** Something to call: a top-level function, a held class's constructor or one of its methods. */
    data class Callee(val owner: Class<*>?, val name: String, val params: List<Param>, val method: Method?, val constructor: java.lang.reflect.Constructor<*>?) {
        val title get() = if (owner == null) name else if (constructor != null) owner.simpleName else "${owner.simpleName}.$name"
        fun invoke(receiver: Any?, args: List<Any?>): Any? = when {
            constructor != null -> constructor.newInstance(*args.toTypedArray())
            else -> method!!.invoke(receiver, *args.toTypedArray())
        }
    }

    private fun splitParams(text: String): List<Param> {
        if (text.isBlank()) return emptyList()
        val out = mutableListOf<String>()
        var depth = 0
        val current = StringBuilder()
        for (c in text) {
            when (c) {
                '<' -> depth++
                '>' -> depth--
            }
            if (c == ',' && depth == 0) {
                out += current.toString(); current.clear()
            } else current.append(c)
        }
        if (current.isNotBlank()) out += current.toString()
        return out.map { part ->
            val (name, type) = part.split(":", limit = 2).map { it.trim() }
            Param(name.trim('`'), type.trim())
        }
    }

    /** (name, arity) → parameters, for every `fun` of the generated source. */
    private val signatures: Map<Pair<String, Int>, List<Param>> by lazy {
        val pattern = Regex("""fun `(\w+)`\((.*?)\)\s*(?::\s*[^{]+)?\{?\s*$""")
        val found = mutableMapOf<Pair<String, Int>, List<Param>>()
        for (line in generatedSource.readLines()) {
            val match = pattern.find(line) ?: continue
            val params = splitParams(match.groupValues[2])
            found.putIfAbsent(match.groupValues[1] to params.size, params)
        }
        found
    }

    private val callees: List<Callee> by lazy {
        val out = mutableListOf<Callee>()
        for (method in facade.methods.sortedBy { it.name }) {
            if (!Modifier.isStatic(method.modifiers)) continue
            val name = method.name.substringBefore('-') // a UInt parameter mangles the JVM name
            if (name.startsWith("uniffi") || name.startsWith("ffi")) continue
            val params = signatures[name to method.parameterCount] ?: continue
            out += Callee(null, name, params, method, null)
        }
        for ((cls, param) in HELD) {
            val constructor = heldConstructor(cls)
            val owner = constructor.declaringClass
            out += Callee(owner, "<init>", listOf(Param(param, constructor.parameterTypes[0].simpleName)), null, constructor)
            for (method in owner.declaredMethods.sortedBy { it.name }) {
                if (!Modifier.isPublic(method.modifiers) || Modifier.isStatic(method.modifiers)) continue
                val name = method.name.substringBefore('-')
                if (name in setOf("close", "destroy", "uniffiCloneHandle", "equals", "hashCode", "toString")) continue
                val params = signatures[name to method.parameterCount] ?: continue
                out += Callee(owner, name, params, method, null)
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Valid values: built from the shared vectors, by parameter name and type.
    // -----------------------------------------------------------------------------------------

    private val fromJson: Map<Class<*>, Method> by lazy {
        facade.methods.filter { it.name.endsWith("FromJson") && it.parameterCount == 1 }.associateBy { it.returnType }
    }
    private val toJson: Map<Class<*>, Method> by lazy {
        facade.methods.filter { it.name.endsWith("ToJson") && it.parameterCount == 1 }.associateBy { it.parameterTypes[0] }
    }

    /** The held classes and the name of their constructor's one parameter (a record). */
    private val HELD = listOf("Keyring" to "config", "Pricer" to "catalogue", "Mailer" to "template", "PreparedMailContext" to "context")

    private fun heldConstructor(cls: String) = Class.forName("dev.hospes.$cls").constructors
        .single { c -> c.parameterCount == 1 && c.parameterTypes[0].name.startsWith("dev.hospes.model.") }

    private fun modelClass(type: String): Class<*>? = runCatching { Class.forName("dev.hospes.model.$type") }.getOrNull()
        ?: if (type == "TravelCompanion") Class.forName("dev.hospes.model.TravelCompanion") else null

    private val uintBox: Method by lazy { Class.forName("kotlin.UInt").getMethod("box-impl", Int::class.javaPrimitiveType) }

    /** The Kotlin value of type [type] from its wire JSON (a JSON value as org.json reads it). */
    private fun build(type: String, json: Any?): Any? {
        if (json == null || json == JSONObject.NULL) {
            if (type.endsWith("?")) return null
            throw IllegalArgumentException("null for $type")
        }
        val base = type.removeSuffix("?")
        return when {
            base.startsWith("List<") -> {
                val inner = base.removePrefix("List<").removeSuffix(">")
                val array = json as JSONArray
                (0 until array.length()).map { build(inner, array.get(it)) }
            }
            base in STRING_TYPES -> json as String
            base == "Timestamp" -> Instant.parse(json as String)
            base == "NaiveDate" -> LocalDate.parse(json as String)
            base == "Decimal" || base == "VatRate" -> BigDecimal(json.toString())
            base == "kotlin.Boolean" -> json as Boolean
            base == "kotlin.UInt" -> (json as Number).toInt().let { if (type.endsWith("?")) uintBox.invoke(null, it) else it }
            base == "kotlin.Long" -> (json as Number).toLong()
            base == "FileBytes" -> java.util.Base64.getDecoder().decode(json as String)
            // A held value an argument takes (`Mailer.renderPrepared`'s context): made from the JSON of
            // its constructor's record.
            HELD.any { it.first == base } -> heldConstructor(base).let { c -> unwrap { c.newInstance(build(c.parameterTypes[0].simpleName, json)) } }
            else -> {
                val cls = modelClass(base) ?: throw IllegalArgumentException("unknown type $base")
                if (cls.isEnum) {
                    cls.enumConstants.first { (it as Enum<*>).name == (json as String).uppercase() }
                } else {
                    val reader = fromJson[cls] ?: throw IllegalArgumentException("no fromJson for $base")
                    unwrap { reader.invoke(null, json.toString()) }
                }
            }
        }
    }

    private fun <T> unwrap(block: () -> T): T = try {
        block()
    } catch (e: InvocationTargetException) {
        throw e.targetException
    }

    private data class Vector(val op: String, val input: JSONObject, val error: Boolean, val expect: Any?)

    private val vectors: List<Vector> by lazy {
        vectorsDir.listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }.flatMap { file ->
            val list = JSONObject(file.readText()).getJSONArray("vectors")
            (0 until list.length()).map { list.getJSONObject(it) }.map { Vector(it.getString("op"), it.getJSONObject("input"), it.has("error"), it.opt("expect")) }
        }.sortedBy { it.error } // vectors that succeed first: their values are valid together
    }

    private fun snake(name: String) = name.replace(Regex("[A-Z]")) { "_" + it.value.lowercase() }

    /** Valid values by type, from every vector input that builds (the fallback for a parameter). */
    private val byType: Map<String, Any?> by lazy {
        val out = mutableMapOf<String, Any?>()
        val types = callees.flatMap { it.params }.map { it.type.removeSuffix("?") }.toSet()
        val names = callees.flatMap { it.params }.groupBy({ snake(it.name) }, { it.type.removeSuffix("?") })
        for (vector in vectors) for (key in vector.input.keySet()) {
            for (type in names[key].orEmpty().toSet()) {
                if (type in out) continue
                runCatching { build(type, vector.input.get(key)) }.onSuccess { if (it != null) out[type] = it }
            }
        }
        // Types only ever returned (the argument of a `…ToJson`): from a vector's expected result, or
        // from a record of that type inside a vector's input.
        for (type in types - out.keys) {
            val cls = modelClass(type) ?: continue
            val reader = fromJson[cls] ?: continue
            search@ for (vector in vectors) for (candidate in jsonValues(vector.expect) + jsonValues(vector.input)) {
                if (candidate !is JSONObject && candidate !is JSONArray) continue
                val value = runCatching { unwrap { reader.invoke(null, candidate.toString()) } }.getOrNull() ?: continue
                out[type] = value
                break@search
            }
        }
        out
    }

    private fun jsonValues(value: Any?): Sequence<Any?> = sequence {
        yield(value)
        when (value) {
            is JSONObject -> for (key in value.keySet()) yieldAll(jsonValues(value.get(key)))
            is JSONArray -> for (i in 0 until value.length()) yieldAll(jsonValues(value.get(i)))
        }
    }

    private fun tokens(text: String) = text.split(Regex("[._]|(?=[A-Z])")).map { it.lowercase() }.filter { it.isNotEmpty() }.toSet()

    /** Valid arguments of [callee]: from one vector with exactly these names if one builds, else per parameter. */
    private fun validArgs(callee: Callee): List<Any?>? {
        val all = candidateArgs(callee).take(12).toList()
        return all.firstOrNull { args -> works(callee, args) } ?: all.firstOrNull()
    }

    /** Whether [callee] answers [args] with a value (not a refusal): arguments valid together. */
    private fun works(callee: Callee, args: List<Any?>): Boolean = runCatching {
        val receiver = if (callee.owner != null && callee.constructor == null) {
            val holder = callees.first { it.owner == callee.owner && it.constructor != null }
            holder.constructor!!.newInstance(*(validArgs(holder) ?: return false).toTypedArray())
        } else null
        unwrap { callee.invoke(receiver, args) }
    }.isSuccess

    /** Every way to build arguments for [callee], the likeliest valid first. */
    private fun candidateArgs(callee: Callee): Sequence<List<Any?>> = sequence {
        if (callee.name.endsWith("FromJson") && callee.owner == null) {
            // The JSON of a valid value of the type it reads.
            val cls = callee.method!!.returnType
            val value = byType.entries.firstOrNull { modelClass(it.key) == cls }?.value ?: produced(cls.simpleName)
            if (value != null) toJson[cls]?.let { writer -> yield(listOf(unwrap { writer.invoke(null, value) })) }
        }
        val names = callee.params.map { snake(it.name) }.toSet()
        val required = callee.params.filter { !it.nullable }.map { snake(it.name) }
        val wanted = tokens(callee.name)
        val candidates = vectors.filter { it.input.keySet() == names || (names.isNotEmpty() && it.input.keySet().containsAll(required)) }
            .sortedWith(compareBy<Vector>({ it.error }, { -(tokens(it.op) intersect wanted).size }))
        for (vector in candidates) {
            val args = runCatching { callee.params.map { build(it.type, if (vector.input.has(snake(it.name))) vector.input.get(snake(it.name)) else null) } }.getOrNull()
            if (args != null) yield(repair(callee, args))
        }
        val args = callee.params.map { p -> byType[p.base] ?: produced(p.base) ?: if (p.nullable) null else return@sequence }
        yield(repair(callee, args))
    }

    /** A valid value of a type no vector holds (an issued link): the result of a call that makes one. */
    private fun produced(type: String): Any? {
        val cls = modelClass(type) ?: return null
        if (!producing.add(type)) return null // already being made, further up: no loop
        try {
            val makers = callees.filter { c ->
                c.owner == null && !c.name.endsWith("FromJson") && c.method!!.returnType == cls && c.params.none { it.base == type }
            }
            for (maker in makers) for (args in candidateArgs(maker)) {
                return runCatching { unwrap { maker.invoke(null, args) } }.getOrNull() ?: continue
            }
            return null
        } finally {
            producing.remove(type)
        }
    }

    private val producing = mutableSetOf<String>()

    /** Operations whose vectors all refuse: the smallest change that makes the call valid. */
    private fun repair(callee: Callee, args: List<Any?>): List<Any?> = args.map { value ->
        if (value is dev.hospes.model.LinkRequest && value.state is dev.hospes.model.LinkState.LinkVersion) {
            value.copy(expiresAt = Instant.parse("2026-07-01T10:00:00Z"))
        } else value
    }

    // -----------------------------------------------------------------------------------------
    // Hostile values.
    // -----------------------------------------------------------------------------------------

    private val STRING_TYPES = setOf("kotlin.String", "Country", "Currency", "TimeZone", "NaiveDateTime", "NaiveTime")

    /** A hostile value, made when its case runs (a 10 MB string is not kept for every case). */
    data class Hostile(val name: String, val make: () -> Any?)

    private val tenMegabytes by lazy { "x".repeat(10_000_000) }

    private val strings = listOf(
        Hostile("empty") { "" },
        Hostile("nul") { "\u0000" },
        Hostile("nul_inside") { "C-1\u0000042" },
        Hostile("control_chars") { "a\u0001\u001b[31m\u007f\u2028b" },
        Hostile("lone_surrogate") { "\uD800" },
        Hostile("lone_surrogate_inside") { "Mar\uDCFFtin" },
        Hostile("decimal_1e+999999999") { "1E+999999999" },
        Hostile("date_short_year") { "26-07-11" },
        Hostile("just_over_1mib") { "é".repeat(530_000) },
        Hostile("10mb") { tenMegabytes },
        Hostile("nested_json_10000") { "[".repeat(10_000) + "]".repeat(10_000) },
    )

    private val decimals = listOf(
        Hostile("1e+999999999") { BigDecimal("1E+999999999") },
        Hostile("-1e+999999999") { BigDecimal("-1E+999999999") },
        Hostile("1e-999999999") { BigDecimal("1E-999999999") },
        Hostile("100k_digits") { BigDecimal("1." + "1".repeat(100_000)) },
        Hostile("beyond_2^96") { BigDecimal("79228162514264337593543950336") },
        Hostile("scale_40") { BigDecimal("1.0000000000000000000000000000000000000001") },
    )

    private val instants = listOf(Hostile("Instant.MAX") { Instant.MAX }, Hostile("Instant.MIN") { Instant.MIN })
    private val dates = listOf(
        Hostile("LocalDate.MAX") { LocalDate.MAX }, Hostile("LocalDate.MIN") { LocalDate.MIN },
        Hostile("year_1") { LocalDate.of(1, 1, 1) },
    )
    private val uints = listOf(Hostile("UInt.MAX") { -1 }) // UInt's bits in an Int: boxed for a `UInt?`

    private fun deepArray(depth: Int) = "[".repeat(depth) + "]".repeat(depth)
    private fun deepObject(depth: Int) = "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth)

    /** Hostile JSON texts for a `…FromJson` function whose valid input is [valid] (or null). */
    private fun jsonTexts(valid: String?): List<Hostile> {
        val out = mutableListOf(
            Hostile("json_empty") { "" }, Hostile("json_null") { "null" }, Hostile("json_unclosed") { "{" },
            Hostile("json_array_for_record") { "[\"10.10\",\"EUR\"]" },
            Hostile("json_number_1e999999999") { "1e999999999" },
            Hostile("json_nested_arrays_900") { deepArray(900) },
            Hostile("json_nested_arrays_10000") { deepArray(10_000) },
            Hostile("json_nested_objects_10000") { deepObject(10_000) },
            Hostile("json_string_10mb") { "\"" + tenMegabytes + "\"" },
            Hostile("json_array_1m_items") { "[" + "0,".repeat(999_999) + "0]" },
            Hostile("json_lone_surrogate_escape") { "\"\\ud800\"" },
        )
        if (valid != null) {
            val record = JSONTokener(valid).nextValue()
            out += Hostile("json_valid_with_trailing_garbage") { "$valid}" }
            if (record is JSONObject && record.length() > 0) {
                val key = record.keySet().sorted().first()
                out += Hostile("json_valid_with_a_field_nested_10000") { valid.replaceFirst("\"$key\":", "\"$key\":${deepArray(10_000)},\"${key}_\":") }
                out += Hostile("json_valid_with_10000_nested_in_unknown_field") { "{\"zz_unknown\":${deepObject(10_000)}," + valid.removePrefix("{") }
            }
            if (Regex("\"-?\\d+\\.\\d+\"").containsMatchIn(valid)) {
                out += Hostile("json_valid_with_every_decimal_1e+999999999") { valid.replace(Regex("\"-?\\d+\\.\\d+\""), "\"1E+999999999\"") }
                out += Hostile("json_valid_with_every_decimal_a_raw_1e999999999") { valid.replace(Regex("\"-?\\d+\\.\\d+\""), "1e999999999") }
            }
            out += Hostile("json_valid_with_a_nul") { valid.replaceFirst(Regex("\"([^\"]*)\"\\s*}"), "\"\\\\u0000\"}").let { if (it == valid) "$valid\u0000" else it } }
        }
        return out
    }

    private val deepNames = setOf("nested_json_10000", "json_nested_arrays_900", "json_nested_arrays_10000", "json_nested_objects_10000",
        "json_valid_with_a_field_nested_10000", "json_valid_with_10000_nested_in_unknown_field")

    // -----------------------------------------------------------------------------------------
    // Cases and how they end.
    // -----------------------------------------------------------------------------------------

    /** One call: [callee] with argument [index] replaced ([args] made when the case runs). */
    class Case(val group: String, val callee: Callee, val index: Int, val where: String, val value: String, val smallStack: Boolean, val args: () -> List<Any?>, val receiver: () -> Any?) {
        val text: String
            get() {
                val param = callee.params.getOrNull(index)?.name ?: ""
                val call = if (callee.constructor != null) "${callee.owner!!.simpleName}($param$where = <$value>)"
                else if (callee.owner != null) "${callee.owner.simpleName}(<valid>).${callee.name}($param$where = <$value>, …)"
                else "${callee.name}($param$where = <$value>, …)"
                return if (smallStack) "$call  [on a ${SMALL_STACK / 1024} KiB-stack thread]" else call
            }
    }

    data class Outcome(val failure: String?, val text: String, val millis: Long)

    private var executor: ExecutorService = newExecutor()
    @Volatile private var worker: Thread? = null
    private fun newExecutor(): ExecutorService =
        Executors.newSingleThreadExecutor { r -> Thread(null, r, "hospes-sweep", 0).apply { isDaemon = true; worker = this } }

    private fun classify(error: Throwable): Pair<String?, String> {
        val e = if (error is InvocationTargetException) error.targetException else error
        return when {
            e is HospesException -> {
                val code = e.code
                when {
                    code == "internal.error" -> "internal.error" to "HospesException $code: ${e.message?.take(160)}"
                    !Regex("[a-z0-9_]+(\\.[a-z0-9_]+)+").matches(code) -> "refusal without a code ($code)" to "HospesException $code"
                    else -> null to "refused $code: ${e.message?.take(120)}"
                }
            }
            e.javaClass.simpleName == "InternalException" -> "panic (uniffi InternalException)" to "InternalException: ${e.message?.take(200)}"
            else -> "wrong exception ${e.javaClass.name}" to "threw ${e.javaClass.name}: ${e.message?.take(160)} at ${e.stackTrace.firstOrNull()}"
        }
    }

    @Suppress("DEPRECATION")
    private fun run(case: Case): Outcome {
        progress.parentFile.mkdirs()
        progress.writeText("${case.group}: ${case.text}\n")
        val started = System.nanoTime()
        val task: () -> Pair<String?, String> = {
            try {
                val result = case.callee.invoke(case.receiver(), case.args())
                if (result is AutoCloseable) result.close()
                null to "ok"
            } catch (e: Throwable) {
                classify(e)
            }
        }
        val answer: Pair<String?, String> = if (case.smallStack) {
            var result: Pair<String?, String>? = null
            val thread = Thread(null, { result = task() }, "hospes-sweep-small-stack", SMALL_STACK)
            thread.isDaemon = true
            thread.start()
            thread.join(WATCHDOG_MS)
            if (thread.isAlive) {
                runCatching { thread.stop() }
                "timeout (> ${WATCHDOG_MS / 1000} s)" to "timeout"
            } else result ?: ("crash of the thread" to "no answer")
        } else {
            val future: Future<Pair<String?, String>> = executor.submit<Pair<String?, String>> { task() }
            try {
                future.get(WATCHDOG_MS, TimeUnit.MILLISECONDS)
            } catch (e: TimeoutException) {
                future.cancel(true)
                executor.shutdownNow()
                // Stopped where it can be (in Java code, e.g. expanding a BigDecimal to plain digits),
                // so that an abandoned case does not keep gigabytes; native code cannot be stopped.
                worker?.let { runCatching { it.stop() } }
                executor = newExecutor() // the stuck thread is abandoned (native code cannot be stopped)
                "timeout (> ${WATCHDOG_MS / 1000} s)" to "timeout: abandoned after ${WATCHDOG_MS / 1000} s"
            }
        }
        val millis = (System.nanoTime() - started) / 1_000_000
        return Outcome(answer.first, "${answer.second} (${"%.2f".format(millis / 1000.0)} s)", millis)
    }

    /** The failures of a group of cases, by class, with the first reproducer of each. */
    inner class Tally(val title: String) {
        var cases = 0
        val byClass = linkedMapOf<String, MutableList<Pair<String, String>>>()
        val expensive = mutableMapOf<String, Int>()
        var slowest = 0L to ""

        fun add(case: Case, outcome: Outcome) {
            cases++
            if (outcome.millis > slowest.first) slowest = outcome.millis to case.text
            val failure = outcome.failure ?: return
            byClass.getOrPut(failure) { mutableListOf() } += case.text to outcome.text
            if (failure.startsWith("timeout") || outcome.millis > 2000) expensive.merge(case.value, 1, Int::plus)
            REPORT?.let { File(it).appendText(JSONObject(mapOf("test" to title, "class" to failure, "call" to case.text, "outcome" to outcome.text, "seed" to SEED)).toString() + "\n") }
        }

        fun skip(case: Case, why: String) {
            cases++
            byClass.getOrPut("not run: $why") { mutableListOf() } += case.text to "skipped"
        }

        val failed get() = byClass.values.sumOf { it.size }

        fun report(): String = buildString {
            append("$title: $failed of $cases cases broke a guarantee (seed $SEED)")
            for ((failure, examples) in byClass.entries.sortedWith(compareBy({ it.key.startsWith("not run") }, { -it.value.size }))) {
                append("\n  $failure: ${examples.size} cases, e.g. ${examples[0].first}\n      → ${examples[0].second}")
            }
            if (slowest.first > 1000) append("\n  slowest: ${"%.2f".format(slowest.first / 1000.0)} s for ${slowest.second}")
        }
    }

    private fun runAll(tally: Tally, cases: List<Case>) {
        val groupEnd = System.nanoTime() + GROUP_BUDGET_MS * 1_000_000
        val totalEnd = started + TOTAL_BUDGET_MS * 1_000_000
        for (case in cases) {
            val now = System.nanoTime()
            when {
                now > totalEnd -> tally.skip(case, "over the sweep's budget of ${TOTAL_BUDGET_MS / 1000} s in all")
                now > groupEnd -> tally.skip(case, "over the sweep's budget of ${GROUP_BUDGET_MS / 1000} s for one group")
                (tally.expensive[case.value] ?: 0) >= BREAKER -> tally.skip(case, "<${case.value}> already hung $BREAKER times")
                else -> tally.add(case, run(case))
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // The cases, generated.
    // -----------------------------------------------------------------------------------------

    private data class Prepared(val callee: Callee, val args: List<Any?>, val receiver: () -> Any?)

    private val prepared: List<Prepared> by lazy {
        callees.mapNotNull { callee ->
            val args = validArgs(callee) ?: return@mapNotNull null
            val receiver: () -> Any? = if (callee.owner != null && callee.constructor == null) {
                val holder = callees.first { it.owner == callee.owner && it.constructor != null }
                val held = validArgs(holder)!!;
                { holder.constructor!!.newInstance(*held.toTypedArray()) }
            } else ({ null })
            Prepared(callee, args, receiver)
        }
    }

    private fun replaced(args: List<Any?>, index: Int, value: Any?) = args.toMutableList().also { it[index] = value }

    /** [value] as parameter [param] takes it: a `UInt?` is passed boxed, a `UInt` as its Int. */
    private fun asParam(param: Param, value: Any?): Any? =
        if (param.type == "kotlin.UInt?" && value is Int) uintBox.invoke(null, value) else value

    /** Every case of one kind of hostile value at the top level of each parameter of [kinds]. */
    private fun topLevel(group: String, hostiles: List<Hostile>, accepts: (Param) -> Boolean): Map<String, List<Case>> =
        hostiles.associate { hostile ->
            hostile.name to prepared.flatMap { p ->
                p.callee.params.withIndex().filter { accepts(it.value) }.map { (i, _) ->
                    Case(group, p.callee, i, "", hostile.name, false, { replaced(p.args, i, asParam(p.callee.params[i], hostile.make())) }, p.receiver)
                }
            }
        }

    /** The string and decimal fields reachable inside [value] (a record), to depth 3: (path, type). */
    private fun fields(value: Any?, path: String = "", depth: Int = 0): List<Pair<String, Class<*>>> {
        if (value == null || depth > 3 || !value.javaClass.name.startsWith("dev.hospes.model.")) return emptyList()
        val out = mutableListOf<Pair<String, Class<*>>>()
        for (getter in value.javaClass.methods.filter { it.name.startsWith("get") && it.parameterCount == 0 && it.declaringClass == value.javaClass }) {
            val field = getter.name.removePrefix("get").replaceFirstChar { it.lowercase() }
            val type = getter.returnType
            if (type == String::class.java || type == BigDecimal::class.java) {
                if (value.javaClass.methods.any { it.name == "set" + getter.name.removePrefix("get") && it.parameterCount == 1 }) out += "$path.$field" to type
            } else {
                val inner = getter.invoke(value)
                val element = if (inner is List<*>) inner.firstOrNull() else inner
                out += fields(element, "$path.${if (inner is List<*>) "$field[0]" else field}", depth + 1)
            }
        }
        return out
    }

    /** A copy of [record] (through its JSON form) with the field at [path] set to [value]. */
    private fun withField(record: Any, path: String, value: Any): Any {
        val copy = (toJson[record.javaClass] ?: fromJson.keys.firstOrNull { it.isInstance(record) }?.let { toJson[it] })
            ?.let { writer -> fromJson[writer.parameterTypes[0]]!!.invoke(null, writer.invoke(null, record)) } ?: record
        var target: Any = copy
        val steps = path.trim('.').split('.')
        for (step in steps.dropLast(1)) {
            val name = step.removeSuffix("[0]")
            val inner = target.javaClass.getMethod("get" + name.replaceFirstChar { it.uppercase() }).invoke(target)
            target = (if (step.endsWith("[0]")) (inner as List<*>).first() else inner)!!
        }
        val last = steps.last()
        target.javaClass.methods.first { it.name == "set" + last.replaceFirstChar { it.uppercase() } && it.parameterCount == 1 }.invoke(target, value)
        return copy
    }

    private fun isRecord(p: Param) = modelClass(p.base.removePrefix("List<").removeSuffix(">"))?.let { !it.isEnum } ?: false

    /** Records with one string (or decimal) field inside them made hostile (fields drawn with [SEED]). */
    private fun insideRecords(decimal: Boolean): List<Case> {
        val random = Random(SEED)
        val out = mutableListOf<Case>()
        for (p in prepared) for ((i, param) in p.callee.params.withIndex()) {
            if (!isRecord(param)) continue
            val valid = p.args[i] ?: continue
            val record = if (valid is List<*>) valid.firstOrNull() ?: continue else valid
            val found = runCatching { fields(record) }.getOrDefault(emptyList())
            for ((path, kind) in found.filter { (it.second == BigDecimal::class.java) == decimal }.shuffled(random).take(3)) {
                val hostile = if (kind == BigDecimal::class.java) decimals[random.nextInt(decimals.size)] else strings[random.nextInt(strings.size)]
                out += Case(if (decimal) "decimals inside records" else "strings inside records", p.callee, i, path, hostile.name, false, {
                    val changed = withField(record, path, hostile.make()!!)
                    replaced(p.args, i, if (valid is List<*>) listOf(changed) + valid.drop(1) else changed)
                }, p.receiver)
            }
        }
        return out
    }

    private fun jsonCases(): Map<String, List<Case>> {
        val out = linkedMapOf<String, MutableList<Case>>()
        for (p in prepared) {
            if (!p.callee.name.endsWith("FromJson")) continue
            val cls = p.callee.method!!.returnType
            val valid = byType.entries.firstOrNull { modelClass(it.key) == cls }?.value?.let { value -> toJson[cls]?.invoke(null, value) as String? }
            for (hostile in jsonTexts(valid)) {
                val modes = if (hostile.name in deepNames) listOf(false, true) else listOf(false)
                for (small in modes) {
                    val group = if (small) "${hostile.name} on a small-stack thread" else hostile.name
                    out.getOrPut(group) { mutableListOf() } += Case(group, p.callee, 0, "", hostile.name, small, { listOf(hostile.make()) }, p.receiver)
                }
            }
        }
        return out
    }

    // -----------------------------------------------------------------------------------------
    // The tests.
    // -----------------------------------------------------------------------------------------

    @Test
    fun `the sweep reaches every function and has a valid call for each`() {
        val missing = callees.filter { c -> prepared.none { it.callee == c } }.map { it.title }
        println("hospes sweep: ${callees.size} functions and held-class members, ${prepared.size} with valid arguments; seed $SEED")
        if (missing.isNotEmpty()) println("hospes sweep: no valid arguments for $missing")
        assertTrue(callees.size >= 200, "only ${callees.size} functions found: is ${generatedSource.path} readable?")
        val tally = Tally("valid calls")
        val timings = mutableListOf<Pair<Long, String>>()
        for (p in prepared) {
            val case = Case("valid calls", p.callee, 0, "", "valid", false, { p.args }, p.receiver)
            val outcome = run(case)
            tally.add(case, outcome)
            timings += outcome.millis to "${p.callee.title}: ${outcome.text}"
        }
        println("hospes sweep: slowest valid calls: " + timings.sortedByDescending { it.first }.take(8).joinToString("; ") { it.second })
        if (tally.failed > 0) println(tally.report())
        assertEquals(0, tally.failed, tally.report())
        // An operation the sweep cannot call validly is a hole in it; a codec of a result type only a
        // refusing vector shows (quoteAcceptanceToJson while the accept vector refuses) is a note.
        val holes = missing.filter { !it.endsWith("ToJson") && !it.endsWith("FromJson") }
        assertEquals(emptyList<String>(), holes, "no valid arguments built from the vectors for these")
    }

    @TestFactory
    fun `every hostile value in every parameter`(): List<DynamicTest> {
        val groups = linkedMapOf<String, List<Case>>()
        topLevel("strings", strings) { it.base in STRING_TYPES }.forEach { (k, v) -> groups["string <$k> as every string parameter"] = v }
        topLevel("decimals", decimals) { it.base == "Decimal" || it.base == "VatRate" }.forEach { (k, v) -> groups["decimal <$k> as every decimal parameter"] = v }
        topLevel("instants", instants) { it.base == "Timestamp" }.forEach { (k, v) -> groups["<$k> as every instant"] = v }
        topLevel("dates", dates) { it.base == "NaiveDate" }.forEach { (k, v) -> groups["<$k> as every date"] = v }
        topLevel("uints", uints) { it.base == "kotlin.UInt" }.forEach { (k, v) -> groups["<$k> as every UInt"] = v }
        groups["a hostile string inside every record (fields drawn with seed $SEED)"] = insideRecords(decimal = false)
        groups["a hostile decimal inside every record (fields drawn with seed $SEED)"] = insideRecords(decimal = true)
        // The small-stack groups last: a native stack overflow takes the JVM down with it.
        val json = jsonCases().entries.sortedBy { it.key.endsWith("small-stack thread") }
        json.forEach { (k, v) -> groups["JSON <$k> to every *FromJson"] = v }
        return groups.map { (title, cases) ->
            DynamicTest.dynamicTest(title) {
                if (cases.any { it.smallStack }) {
                    println("hospes sweep: $title (if the JVM dies now, target/hospes-sweep-progress.txt names the case)")
                }
                val tally = Tally(title)
                runAll(tally, cases)
                assertTrue(cases.isNotEmpty(), "no case generated for $title")
                if (tally.failed > 0) println(tally.report())
                assertEquals(0, tally.failed, tally.report())
            }
        }
    }
}
