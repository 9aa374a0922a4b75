package com.samplerlens.core.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.render.SamplersDetail;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceMode;
import java.util.List;

/** {@code inspect --json}: one object per file with exactly the keys of spec §5. */
public final class InspectJson {
    private InspectJson() {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * @param file      the path as the user gave it
     * @param container png | jpeg | webp | json
     * @param warnings  warnings of loading the file, before those of the trace
     */
    public static ObjectNode toJson(String file, String container, InspectReport report, List<String> warnings) {
        ComposedMetadata m = report.composed();
        ObjectNode o = JSON.objectNode();
        o.put("file", file);
        o.put("container", container);
        if (m.trace().saveNodeId() == null) o.putNull("save_node");
        else o.put("save_node", m.trace().saveNodeId());
        o.put("mode", m.trace().mode() == TraceMode.MULTI ? "multi" : "single");
        o.put("samplers_found", m.trace().samplers().size());
        ArrayNode samplers = o.putArray("samplers");
        java.util.Map<String, SamplerAttribution> byId = new java.util.HashMap<>();
        for (SamplerAttribution x : m.trace().samplers()) byId.putIfAbsent(x.nodeId(), x);
        for (SamplerFields s : m.samplers()) {
            SamplerAttribution a = java.util.Objects.requireNonNull(byId.get(s.nodeId()));
            ObjectNode so = samplers.addObject();
            so.put("number", s.number());
            so.put("node_id", s.nodeId());
            so.put("class_type", s.classType());
            so.put("distance", a.distance());
            ArrayNode attributed = so.putArray("attributed");
            a.attributed().forEach(attributed::add);
            SamplersDetail.putFields(so.putObject("fields"), s, true);
        }
        ArrayNode shared = o.putArray("shared");
        m.trace().shared().forEach(shared::add);
        o.put("parameters", report.bundle().parameters());
        if (report.bundle().samplersDetail() == null) o.putNull("samplers_detail");
        // the same objects the written text was made from, not that text parsed again
        else o.set("samplers_detail", SamplersDetail.toJson(m.samplers()));
        ArrayNode w = o.putArray("warnings");
        warnings.forEach(w::add);
        m.warnings().forEach(w::add);
        return o;
    }

    /** A source with no graph (A1111 parameters only): nothing is traced; its own parameters would be written unchanged. */
    public static ObjectNode withoutGraph(String file, String container, String parameters, List<String> warnings) {
        ObjectNode o = JSON.objectNode();
        o.put("file", file);
        o.put("container", container);
        o.putNull("save_node");
        o.put("mode", "single");
        o.put("samplers_found", 0);
        o.putArray("samplers");
        o.putArray("shared");
        if (parameters == null) o.putNull("parameters");
        else o.put("parameters", parameters);
        o.putNull("samplers_detail");
        ArrayNode w = o.putArray("warnings");
        warnings.forEach(w::add);
        w.add("no ComfyUI graph in the file; nothing to trace");
        return o;
    }
}
