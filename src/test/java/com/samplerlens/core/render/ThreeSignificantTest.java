package com.samplerlens.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ThreeSignificant} is Python's {@code "%.3g"}: its own output, and exact BigDecimal rounding over 100,000 values. */
class ThreeSignificantTest {

    /** The reference: the exact value rounded half to even by BigDecimal, laid out by %g's rules. */
    private static String reference(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
        if (x == 0) return sign + "0";
        BigDecimal d = new BigDecimal(Math.abs(x)).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int exp = d.precision() - d.scale() - 1;
        if (exp >= -4 && exp < 3) {
            BigDecimal t = d.stripTrailingZeros();
            return sign + (t.scale() < 0 ? t.setScale(0) : t).toPlainString();
        }
        String mantissa = d.movePointLeft(exp).stripTrailingZeros().toPlainString();
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    @Test
    void pythonsOwnOutput() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ThreeSignificantTest.class.getResourceAsStream("/render/three-significant-python.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                String[] p = line.split(" ");
                double x = Double.parseDouble(p[0]);
                assertEquals(p[1], ThreeSignificant.format(x), "%.3g of " + p[0]);
                assertEquals(p[1], reference(x), "the reference on " + p[0]);
                n++;
            }
        }
        assertEquals(277, n);
        assertEquals("nan", ThreeSignificant.format(Double.NaN));
        assertEquals("-inf", ThreeSignificant.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void exactRoundingOverAHundredThousandValues() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            double x = switch (i % 5) {
                // strengths as people type them
                case 0 -> random.nextInt(-20_000, 20_001) / 1000.0;
                // exact ties at the fourth digit: odd multiples of a power of two
                case 1 -> (2 * random.nextInt(1, 100_000) + 1) / Math.scalb(1.0, random.nextInt(1, 40));
                // any magnitude, any bits
                case 2 -> Double.longBitsToDouble(random.nextLong(0x3C00000000000000L, 0x4400000000000000L));
                // around powers of ten, where the exponent guess is off
                case 3 -> Math.nextAfter(Math.pow(10, random.nextInt(-6, 19)) * (random.nextBoolean() ? 1 : 0.9995), random.nextBoolean() ? 0 : 1e300);
                default -> random.nextDouble(-1e4, 1e4);
            };
            assertEquals(reference(x), ThreeSignificant.format(x), "%.3g of " + x);
        }
    }
}
