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
}
