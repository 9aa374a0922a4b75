package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which output node the image came from (SPEC §2 as docs/spec-changes.md words it): the
 * {@code SaveImageWithMetaDataUniversal} node when there is one, else the output with the most
 * samplers upstream; a tie goes to the output whose image size is the file's pixel size, then to a
 * save class over a preview class, then to the higher id (the later one). "Output" is a save or preview class of the sampler table, or a
 * class whose node definition says it is an output node (a {@code KSampler (Efficient)} is both
 * a sampler and an output). A requested id that is not in the graph is an error naming the ids
 * that are, never a silent fallback.
 *
 * @param chosen     the save node; null when the graph has no output node
 * @param candidates every output node, in id order
 * @param samplers   for each candidate (same order): samplers upstream of it, itself included; empty when
 *                   the save node was requested or is the preferred class (then they were not counted)
 * @param reason     why {@code chosen} won, for people ("requested", "SaveImageWithMetaDataUniversal",
 *                   "most samplers upstream (2)", "image size 1920x1088 matches the file" …)
 */
public record SaveNodeChoice(String chosen, List<String> candidates, List<Integer> samplers, String reason) {

    public SaveNodeChoice {
        candidates = List.copyOf(candidates);
        samplers = List.copyOf(samplers);
    }

    /** Thrown for a requested save node id the graph does not hold. */
    public static final class UnknownSaveNodeException extends IllegalArgumentException {
        public UnknownSaveNodeException(String requested, List<String> outputs, Graph graph) {
            super("save node " + requested + " is not in the graph; "
                    + (outputs.isEmpty() ? "it has no output node" : "its output nodes are " + describe(outputs, graph)));
        }
    }

    /**
     * @param definedOutput classes whose node definition marks them as output nodes
     * @param fileSize      the file's pixel size as "WxH", or null when unknown (a workflow JSON); asked only on a tie
     * @param imageSizeOf   the image size that reaches an output node ("WxH" or null); asked only on a tie
     * @throws UnknownSaveNodeException when {@code requested} is not a node of the graph
     */
    public static SaveNodeChoice choose(Graph graph, SamplerClassifier classifier, Predicate<String> definedOutput, String requested,
                                        Supplier<String> fileSize, Function<String, String> imageSizeOf) {
        List<String> outputs = outputs(graph, classifier.table(), definedOutput);
        if (requested != null) {
            if (!graph.contains(requested)) throw new UnknownSaveNodeException(requested, outputs, graph);
            return new SaveNodeChoice(requested, outputs, List.of(), "requested");
        }
        if (outputs.isEmpty()) return new SaveNodeChoice(null, outputs, List.of(), "no output node");
        String preferred = classifier.table().preferredSaveNode();
        for (String id : outputs) {
            if (graph.node(id).classType().equals(preferred)) return new SaveNodeChoice(id, outputs, List.of(), preferred);
        }
        // one walk per output: counted only when no save node is named or preferred
        List<Integer> counts = samplersUpstream(graph, outputs, classifier);
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) if (counts.get(i) == most) tied.add(outputs.get(i));
        String why = "most samplers upstream (" + most + ")";
        if (tied.size() == 1) return new SaveNodeChoice(tied.getFirst(), outputs, counts, why);
        String pixels = fileSize.get();
        if (pixels != null) {
            List<String> matching = tied.stream().filter(id -> pixels.equals(imageSizeOf.apply(id))).toList();
            if (!matching.isEmpty() && matching.size() < tied.size()) {
                tied = matching;
                why += ", image size " + pixels + " matches the file";
            }
        }
        // a file is saved by a save node; a preview of the same samplers (often of an intermediate
        // image) loses a tie to it (the spec is silent on previews; ComfyUI_examples' inpaint file shows why)
        List<String> saving = tied.stream().filter(id -> !classifier.table().isPreviewNode(graph.node(id).classType())).toList();
        if (!saving.isEmpty() && saving.size() < tied.size()) {
            tied = saving;
            why += ", a save node before a preview";
        }
        // the later output of a tie: ids compare in ComfyUI order, the highest is the last added
        String last = tied.stream().max(NodeIds.ORDER).orElseThrow();
        return new SaveNodeChoice(last, outputs, counts, tied.size() > 1 ? why + ", highest id of " + tied.size() : why);
    }

    /** Output nodes in id order: table save/preview classes and defined output classes; by name when there are none. */
    public static List<String> outputs(Graph graph, SamplerTable table, Predicate<String> definedOutput) {
        TreeSet<String> out = new TreeSet<>(NodeIds.ORDER);
        int size = graph.size();
        // each class classified once (a graph has a few dozen), then nodes by their class index:
        // no Node or String is touched for the nodes that are not outputs
        boolean[] isOutput = new boolean[graph.classCount()];
        for (int c = 0; c < isOutput.length; c++) {
            String name = graph.className(c);
            isOutput[c] = table.isOutputNode(name) || table.isPreviewNode(name) || definedOutput.test(name);
        }
        for (int v = 0; v < size; v++) if (isOutput[graph.classIndexAt(v)]) out.add(graph.idAt(v));
        if (out.isEmpty()) {
            for (int v = 0; v < size; v++) {
                Node n = graph.nodeAt(v);
                String c = n.classType().toLowerCase(Locale.ROOT);
                if ((c.contains("save") || c.contains("preview")) && !graph.hasOutgoing(v)) out.add(n.id());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * This choice with the samplers upstream of every candidate counted, also when the choice did
     * not need them (a requested or preferred save node): a picker shows each output's count.
     */
    public SaveNodeChoice counted(Graph graph, SamplerClassifier classifier) {
        if (samplers.size() == candidates.size()) return this;
        List<Integer> counts = samplersUpstream(graph, candidates, classifier);
        return new SaveNodeChoice(chosen, candidates, counts, reason);
    }

    /**
     * For each output (same order), the samplers upstream of it, itself included, every link
     * followed. One int walk per output over the graph's index; the visited marks are stamped with
     * the walk's number so they are never cleared, and each class is classified at most once.
     */
    private static List<Integer> samplersUpstream(Graph graph, List<String> outputs, SamplerClassifier classifier) {
        int size = graph.size();
        int[] seenBy = new int[size];      // walk number + 1 that reached the node; 0 for none yet
        byte[] samplerClass = new byte[graph.classCount()]; // 0 not classified yet, 1 sampler, 2 not
        int[] queue = new int[size];
        List<Integer> counts = new ArrayList<>(outputs.size());
        int walk = 0;
        for (String id : outputs) {
            walk++;
            int start = graph.indexOf(id);
            int count = 0;
            if (start >= 0) {
                int head = 0;
                int tail = 0;
                seenBy[start] = walk;
                queue[tail++] = start;
                while (head < tail) {
                    int v = queue[head++];
                    int c = graph.classIndexAt(v);
                    if (samplerClass[c] == 0) samplerClass[c] = classifier.isSampler(graph.className(c)) ? (byte) 1 : (byte) 2;
                    if (samplerClass[c] == 1) count++;
                    for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                        int u = graph.sourceOf(e);
                        if (seenBy[u] == walk) continue;
                        seenBy[u] = walk;
                        queue[tail++] = u;
                    }
                }
            }
            counts.add(count);
        }
        return counts;
    }

    /** "9 SaveImage, 18 SaveImage": ids with their classes. */
    public static String describe(List<String> ids, Graph graph) {
        List<String> parts = new ArrayList<>();
        for (String id : ids.stream().sorted(Comparator.comparing(s -> s, NodeIds.ORDER)).toList()) {
            Node n = graph.node(id);
            parts.add(n == null ? id : id + " " + n.classType());
        }
        return String.join(", ", parts);
    }
}
