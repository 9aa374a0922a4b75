package com.samplerlens.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.trace.TestJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyFormatTest {

    @Test
    void floatsAsPythonRepr() {
        assertEquals("7.0", PyFormat.floatRepr(7));
        assertEquals("0.75", PyFormat.floatRepr(0.75));
        assertEquals("1e-05", PyFormat.floatRepr(0.00001));
        assertEquals("0.0001", PyFormat.floatRepr(0.0001));
        assertEquals("1.5e-07", PyFormat.floatRepr(1.5e-7));
        assertEquals("1e+16", PyFormat.floatRepr(1e16));
        assertEquals("1234567890123456.0", PyFormat.floatRepr(1234567890123456.0));
        assertEquals("1.0000000000000002", PyFormat.floatRepr(1.0000000000000002));
        assertEquals("8.000000000000002", PyFormat.floatRepr(8.000000000000002));
        assertEquals("0.1", PyFormat.floatRepr(0.1));
        assertEquals("-2.5", PyFormat.floatRepr(-2.5));
        assertEquals("-0.0", PyFormat.floatRepr(-0.0));
        assertEquals("1.7976931348623157e+308", PyFormat.floatRepr(Double.MAX_VALUE));
        assertEquals("inf", PyFormat.floatRepr(Double.POSITIVE_INFINITY));
    }

    @Test
    void jsonValuesAsPythonStr() {
        assertEquals("706190577933098", PyFormat.str(TestJson.parse("706190577933098")));
        assertEquals("18446744073709551615", PyFormat.str(TestJson.parse("18446744073709551615")));
        assertEquals("8.0", PyFormat.str(TestJson.parse("8.0")));
        assertEquals("True", PyFormat.str(TestJson.parse("true")));
        assertEquals("euler", PyFormat.str(TestJson.parse("\"euler\"")));
    }

    @Test
    void jsonDumpsSpacingAndEscapes() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("model", "5519e566e6");
        h.put("lora:x", "37d4921854");
        assertEquals("{\"model\": \"5519e566e6\", \"lora:x\": \"37d4921854\"}", PyJson.dumpsStrings(h));
        assertEquals("{\"a\": [1, 2.0, \"\\u8272\\n\"], \"b\": NaN}", PyJson.dumps(TestJson.parse("{\"a\": [1, 2.0, \"色\\n\"], \"b\": NaN}")));
        assertEquals("{\"a\":[1,2.5]}", PyJson.compact(TestJson.parse("{\"a\": [1, 2.5]}")));
        assertEquals("\"\\ud83d\\ude00\"", PyJson.dumps(TestJson.parse("\"😀\"")));
    }

    @Test
    void civitaiNamesAsTheAnchorMapsThem() {
        assertEquals("DPM++ 2M Karras", CivitaiSamplerNames.of("dpmpp_2m", "karras"));
        assertEquals("DPM++ 2M", CivitaiSamplerNames.of("dpmpp_2m", "exponential"));
        assertEquals("DPM++ 2M Karras", CivitaiSamplerNames.of("dpmpp_2m_karras", "normal"));
        assertEquals("DPM++ 3M SDE Exponential", CivitaiSamplerNames.of("dpmpp_3m_sde", "exponential"));
        assertEquals("DPM++ SDE Karras", CivitaiSamplerNames.of("dpmpp_sde_gpu", "karras"));
        assertEquals("LMS Karras", CivitaiSamplerNames.of("lms", "karras"));
        assertEquals("ipndm", CivitaiSamplerNames.of("ipndm", "normal"));
        assertEquals("ipndm_karras", CivitaiSamplerNames.of("ipndm", "karras"));
        assertEquals("Euler a", CivitaiSamplerNames.of("euler_ancestral_cfg_pp", "normal"));
        assertEquals("", CivitaiSamplerNames.of("", ""));
    }

    @Test
    void samplerValueKeepsNormalAndFallsBackToTheScheduler() {
        assertEquals("euler_normal", ParametersRenderer.samplerValue("euler", "normal", false));
        assertEquals("euler_karras", ParametersRenderer.samplerValue("euler", "Karras", false));
        assertEquals("unipc", ParametersRenderer.samplerValue("", "unipc", false));
        assertEquals(null, ParametersRenderer.samplerValue(null, "karras", false));
        assertEquals("euler", ParametersRenderer.samplerValue("euler", null, false));
    }

    @Test
    void environmentSwitchesTestModeAndVersion() {
        RenderOptions o = RenderOptions.fromEnvironment(Map.of("METADATA_TEST_MODE", "1", "METADATA_VERSION_OVERRIDE", " 9.9.9 "));
        assertEquals(true, o.multiline());
        assertEquals("9.9.9", o.version());
        assertEquals(GeneratorVersion.VERSION, RenderOptions.fromEnvironment(Map.of()).version());
        assertEquals(false, RenderOptions.fromEnvironment(Map.of("METADATA_TEST_MODE", "")).multiline());
    }

    /** The layout from Double.toString's text equals the earlier BigDecimal-based one on every kind of double. */
    @Test
    void floatReprTakesDoubleToStringApartAsBigDecimalDid() {
        java.util.Random r = new java.util.Random(16);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(1.0, 10.0, 100.0, 0.1, 0.001, 1e-4, 9.999e-5, 1e-5, 1e15, 9.999999999999998e15,
                1e16, 1.5e16, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 0.30000000000000004, 8.0, 2.5e-7, 1e22, 1e23));
        for (int k = 0; k < 20000; k++) values.add(Double.longBitsToDouble(r.nextLong()));
        for (int k = 0; k < 20000; k++) values.add(Math.round(r.nextDouble() * 1e6) / Math.pow(10, r.nextInt(12)));
        for (double signed : values) {
            double v = Math.abs(signed);
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) continue;
            assertEquals(viaBigDecimal(v), PyFormat.floatRepr(v), "for " + v);
            assertEquals("-" + viaBigDecimal(v), PyFormat.floatRepr(-v), "for " + -v);
        }
    }

    private static String viaBigDecimal(double d) {
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int a = Math.abs(exp);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String.valueOf(a));
        }
        if (exp < 0) return "0." + "0".repeat(-exp - 1) + digits;
        if (digits.length() <= exp + 1) return digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        return digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }
}
