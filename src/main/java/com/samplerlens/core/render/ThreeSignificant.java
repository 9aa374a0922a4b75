package com.samplerlens.core.render;

/**
 * Python's {@code "%.3g" % x}, which the anchor uses for the LoRA strengths of its {@code LoRAs:}
 * summary: the exact binary value of {@code x} rounded to three significant digits, ties to even
 * ({@code 1.125 → 1.12}, {@code 10.25 → 10.2}), trailing zeros dropped, the exponent form below
 * 1e-4 and from 1e3 on ({@code 1e+03}, {@code 1.23e-05}), and {@code nan}, {@code inf}, {@code -0}.
 *
 * <p>The digits come from exact integer arithmetic on the double's bits, not from BigDecimal: its
 * first use costs tens of milliseconds of a one-file run's start-up (see {@code Values.decimal}).
 * Doubles outside 1e-5 ≤ |x| < 2^62 (never a strength) take BigDecimal's exact route. The result
 * is checked against BigDecimal rounding over 100,000 values and against Python's own output
 * (ThreeSignificantTest).
 */
final class ThreeSignificant {
    private ThreeSignificant() {}

    private static final long[] POW10 = powersOfTen();

    private static long[] powersOfTen() {
        long[] p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) p[i] = p[i - 1] * 10;
        return p;
    }

    static String format(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String sign = (Double.doubleToRawLongBits(x) < 0) ? "-" : "";
        double a = Math.abs(x);
        if (a == 0) return sign + "0";
        long[] digitsAndExponent = a >= 1e-5 && a < 0x1p62 ? exact(a) : viaBigDecimal(a);
        return sign + text((int) digitsAndExponent[0], (int) digitsAndExponent[1]);
    }

    /**
     * {@code {q, X}} with {@code 100 ≤ q ≤ 999} and {@code a ≈ q · 10^(X-2)}, q the exact value
     * rounded half to even. {@code a = m · 2^e} exactly; {@code X} is first guessed from log10, then
     * corrected by the exact truncated quotient (which must have three digits).
     */
    private static long[] exact(double a) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long m = biased == 0 ? (bits & 0xFFFFFFFFFFFFFL) << 1 : (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        int e = (biased == 0 ? 1 : biased) - 1075;
        int exp = (int) Math.floor(Math.log10(a));
        for (int tries = 0; tries < 4; tries++) {
            long[] qr = quotient(m, e, exp - 2);
            long q = qr[0];
            if (q < 100) {
                exp--;
                continue;
            }
            if (q > 999) {
                exp++;
                continue;
            }
            if (qr[1] > 0 || (qr[1] == 0 && (q & 1) == 1)) q++; // above half, or a tie to even
            if (q == 1000) return new long[] {100, exp + 1};
            return new long[] {q, exp};
        }
        throw new IllegalStateException("no three-digit quotient for " + a);
    }

    /**
     * {@code floor(m·2^e / 10^k)} and how the rest compares with half a unit (-1 below, 0 a tie,
     * 1 above), exactly: on the integer part and the fraction when {@code k ≥ 0}, else with a
     * 128-bit product shifted by {@code -e}.
     */
    private static long[] quotient(long m, int e, int k) {
        if (e >= 0) return dividePow10(m << e, k, false, -1); // a < 2^62: the shift keeps every bit
        int s = -e;
        if (k >= 0) {
            if (s >= 63) return new long[] {0, -1}; // a < 1: too small for k ≥ 0, the caller moves the exponent
            long whole = m >>> s;
            long fraction = m & ((1L << s) - 1);
            int fractionVsHalf = Integer.signum(Long.compare(fraction, 1L << (s - 1)));
            return dividePow10(whole, k, fraction != 0, fractionVsHalf);
        }
        // q = m · 10^-k / 2^s; a ≥ 1e-5 keeps k ≥ -8 and the product below 2^53 · 10^8 < 2^80
        long f = POW10[-k];
        long hi = Math.multiplyHigh(m, f);
        long lo = m * f;
        if (s >= 128) return new long[] {0, -1};
        if (s >= 64) {
            long q = s == 64 ? hi : hi >>> (s - 64);
            long restHi = s == 64 ? 0 : hi & ((1L << (s - 64)) - 1);
            return new long[] {q, compareHalf(restHi, lo, s)};
        }
        long q = (lo >>> s) | (hi << (64 - s));
        return new long[] {q, compareHalf(0, lo & ((1L << s) - 1), s)};
    }

    /** How {@code (hi:lo)}, below 2^s, compares with 2^(s-1). */
    private static int compareHalf(long hi, long lo, int s) {
        long halfHi = s - 1 >= 64 ? 1L << (s - 1 - 64) : 0;
        long halfLo = s - 1 >= 64 ? 0 : 1L << (s - 1);
        int c = Long.compareUnsigned(hi, halfHi);
        return c != 0 ? Integer.signum(c) : Integer.signum(Long.compareUnsigned(lo, halfLo));
    }

    /**
     * {@code (whole + fraction) / 10^k} for {@code k ≥ 0}, {@code 0 ≤ fraction < 1} given by whether
     * it is nonzero and how it compares with one half.
     */
    private static long[] dividePow10(long whole, int k, boolean hasFraction, int fractionVsHalf) {
        if (k == 0) return new long[] {whole, hasFraction ? fractionVsHalf : -1};
        long d = POW10[k];
        long r = whole % d;
        long half = d / 2; // 10^k is even for k ≥ 1: the rest r + fraction ties only when r is half and the fraction 0
        int cmp = r < half ? -1 : r > half ? 1 : (hasFraction ? 1 : 0);
        return new long[] {whole / d, cmp};
    }

    private static long[] viaBigDecimal(double a) {
        java.math.BigDecimal d = new java.math.BigDecimal(a).round(new java.math.MathContext(3, java.math.RoundingMode.HALF_EVEN));
        java.math.BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        // normalise to three digits
        while (unscaled.compareTo(java.math.BigInteger.valueOf(100)) < 0) {
            unscaled = unscaled.multiply(java.math.BigInteger.TEN);
            scale++;
        }
        while (unscaled.compareTo(java.math.BigInteger.valueOf(999)) > 0) {
            unscaled = unscaled.divide(java.math.BigInteger.TEN);
            scale--;
        }
        return new long[] {unscaled.longValueExact(), 2 - scale};
    }

    /** Three digits and the decimal exponent of the first, as %g prints them. */
    private static String text(int q, int exp) {
        String digits = Integer.toString(q);
        if (exp >= -4 && exp < 3) {
            String s;
            if (exp >= 0) s = digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
            else s = "0." + "0".repeat(-exp - 1) + digits;
            return stripZeros(s);
        }
        String mantissa = stripZeros(digits.charAt(0) + "." + digits.substring(1));
        int abs = Math.abs(exp);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + abs;
    }

    private static String stripZeros(String s) {
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
