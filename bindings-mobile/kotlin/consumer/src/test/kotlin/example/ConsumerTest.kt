package example

import com.sun.jna.NativeLibrary
import dev.hospes.addMoney
import dev.hospes.code
import dev.hospes.model.HospesException
import dev.hospes.model.Money
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.math.BigDecimal

/** hospes from the installed JAR alone: its classes, and its library through JNA. */
class ConsumerTest {
    @Test
    fun `the installed JAR answers and refuses with a code`() {
        assertNull(System.getProperty("jna.library.path"), "the library must come from the JAR")
        val sum = addMoney(Money(BigDecimal("10.10"), "EUR"), Money(BigDecimal("0.20"), "EUR"))
        assertEquals(BigDecimal("10.30"), sum.amount)
        val err = assertThrows<HospesException> { addMoney(sum, Money(BigDecimal.ONE, "CHF")) }
        assertEquals("money.currency_mismatch", err.code)

        val resource = javaClass.classLoader.getResource("linux-x86-64/libhospes_mobile.so")
        val jar = resource?.toString() ?: ""
        assertTrue(jar.startsWith("jar:") && "/dev/hospes/hospes-kotlin/" in jar, "library resource: $jar")
        println("hospes-kotlin: library ${NativeLibrary.getInstance("hospes_mobile").file} from $jar")
    }
}
