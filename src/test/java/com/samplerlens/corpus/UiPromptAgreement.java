package com.samplerlens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.graph.UiWorkflowConverter;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.trace.SamplerAttribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * For one file: the node classes its UI workflow uses that have no definition, and, when it also
 * holds an API prompt, whether the UI workflow alone traces what the prompt traces (the same
 * samplers by id and class, the same attributed node sets, the same parameters text).
 */
public record UiPromptAgreement(Path file, boolean hasWorkflow, boolean hasPrompt, Set<String> undefinedClasses,
                                Set<String> undefinedCoreClasses, Set<String> unnamedValueClasses, List<String> disagreements) {

    /** True when the file has both chunks and they disagree. */
    public boolean differs() { return !disagreements.isEmpty(); }

    /**
     * @param coreClasses the ComfyUI core classes (from the object_info dumps), to tell which
     *                    undefined classes are core ones
     */
    public static UiPromptAgreement check(Path file, NodeDefinitions defs, Inspector inspector, Set<String> coreClasses) throws Exception {
        EmbeddedMetadata m = MetadataReaders.read(file);
        JsonNode workflow = parse(m.text(MetadataKeys.WORKFLOW).orElse(null));
        JsonNode prompt = parse(m.text(MetadataKeys.PROMPT).orElse(null));
        if (prompt != null && UiWorkflowConverter.isUiWorkflow(prompt) && workflow == null) {
            workflow = prompt;
            prompt = null;
        }
        if (workflow != null && !UiWorkflowConverter.isUiWorkflow(workflow)) workflow = null;
        if (prompt != null && !ApiPromptLoader.isApiPrompt(prompt)) prompt = null;
        Set<String> undefined = new TreeSet<>();
        Set<String> undefinedCore = new TreeSet<>();
        Set<String> unnamed = new TreeSet<>();
        List<String> diffs = new ArrayList<>();
        Graph ui = null;
        if (workflow != null) {
            var converted = UiWorkflowConverter.convert(workflow, defs);
            // as SourceLoader does: an image's workflow holds the values that ran, a workflow file the next run's
            ui = m.format() == ContainerFormat.JSON ? converted.graph() : converted.graph().withoutRunControls();
            for (String w : converted.warnings()) {
                if (w.contains(" widget values, the definition knows ")) unnamed.add(w.substring(0, w.indexOf(" has ")));
                if (!w.startsWith("no definition for ")) continue;
                String cls = w.substring("no definition for ".length(), w.lastIndexOf(": its widget values"));
                undefined.add(cls);
                if (coreClasses.contains(cls)) undefinedCore.add(cls);
                if (w.endsWith("kept as widget_0, widget_1 …")) unnamed.add(cls);
            }
        }
        if (ui != null && prompt != null) {
            Graph api = ApiPromptLoader.load(prompt, new ArrayList<>());
            InspectReport fromPrompt = inspector.inspect(api, SourceTexts.NONE, InspectOptions.defaults());
            InspectReport fromUi = inspector.inspect(ui, SourceTexts.NONE, InspectOptions.defaults());
            List<String> a = samplers(fromPrompt);
            List<String> b = samplers(fromUi);
            if (!a.equals(b)) diffs.add("samplers: prompt " + a + " / workflow " + b);
            String pa = fromPrompt.bundle().parameters();
            String pb = fromUi.bundle().parameters();
            if (a.equals(b) && !java.util.Objects.equals(pa, pb)) diffs.add("parameters: prompt «" + pa + "» / workflow «" + pb + "»");
        }
        return new UiPromptAgreement(file, workflow != null, prompt != null, undefined, undefinedCore, unnamed, diffs);
    }

    private static List<String> samplers(InspectReport r) {
        List<String> out = new ArrayList<>();
        for (SamplerAttribution s : r.composed().trace().samplers()) {
            out.add(s.nodeId() + " " + s.classType() + " " + new TreeSet<>(s.attributed()));
        }
        return out;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LenientJson.parse(text);
        } catch (Exception e) {
            return null;
        }
    }
}
