package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers given as text ("7.5" in a widget) read as BigDecimal read them, without BigDecimal for the usual texts. */
class DecimalTextTest {

    @Test
    void readsAsBigDecimalDoes() {
        List<String> texts = new java.util.ArrayList<>(List.of("7", "7.5", "-0", "-0.0", "+3", ".5", "5.", "1e5", "1E-5", "2.5e+10", "0.1",
                "123456789012345678901234567890", "1e400", "1e-400", "0000.125", "1e999999999", "1e1234567890"));
        Random r = new Random(16);
        for (int k = 0; k < 5000; k++) texts.add(Double.toString(Double.longBitsToDouble(r.nextLong())));
        for (int k = 0; k < 5000; k++) texts.add(r.nextInt(100000) + "." + r.nextInt(100000) + (r.nextBoolean() ? "e" + (r.nextInt(80) - 40) : ""));
        for (String t : texts) {
            if (t.contains("N") || t.contains("I")) continue; // NaN, Infinity: no decimal text
            assertEquals(new BigDecimal(t).doubleValue(), Values.decimal(t), t);
        }
        assertThrows(NumberFormatException.class, () -> Values.decimal("seven"));
        assertThrows(NumberFormatException.class, () -> Values.decimal("NaN"));
    }
}
