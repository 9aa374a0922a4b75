package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.TraceOptions;

/**
 * @param trace  max samplers, selection, save node, FORCE/SINGLE
 * @param render Civitai names, multiline, version
 * @param hashes hashes beyond those in the source's own parameters (e.g. a models folder); may be {@link HashLookup#NONE}
 */
public record InspectOptions(TraceOptions trace, RenderOptions render, HashLookup hashes) {

    public InspectOptions {
        if (trace == null) trace = TraceOptions.defaults();
        if (render == null) render = RenderOptions.defaults();
        if (hashes == null) hashes = HashLookup.NONE;
    }

    public static InspectOptions defaults() { return new InspectOptions(null, null, null); }

    public InspectOptions withTrace(TraceOptions t) { return new InspectOptions(t, render, hashes); }

    public InspectOptions withRender(RenderOptions r) { return new InspectOptions(trace, r, hashes); }

    public InspectOptions withHashes(HashLookup h) { return new InspectOptions(trace, render, h); }
}
