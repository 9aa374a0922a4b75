package com.samplerlens.core.edit;

import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.inspect.BundleSource;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.json.LenientJson;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The texts to write from a source traced afresh with the edits applied: what {@code write --edits}
 * and the batch re-embed use. Without an explicit max-samplers the source keeps its own mode: a
 * file whose {@code Samplers detail} lists k samplers is traced with k.
 */
public final class EditingBundleSource implements BundleSource {

    private final SourceLoader loader;
    private final Inspector inspector;
    private final InspectOptions options;
    private final boolean maxSamplersGiven;
    private final EditList edits;
    private final Consumer<String> warnings;

    /**
     * @param maxSamplersGiven false: take the number of samplers from the source's Samplers detail
     * @param warnings         edits that did not fit a file, prefixed with its name
     */
    public EditingBundleSource(SourceLoader loader, Inspector inspector, InspectOptions options, boolean maxSamplersGiven,
                               EditList edits, Consumer<String> warnings) {
        this.loader = loader;
        this.inspector = inspector;
        this.options = options;
        this.maxSamplersGiven = maxSamplersGiven;
        this.edits = edits;
        this.warnings = warnings;
    }

    @Override
    public MetadataBundle bundle(Path source) throws UnreadableFileException {
        LoadedSource loaded = loader.load(source);
        if (loaded.graph() == null) {
            throw new UnreadableFileException(source, "holds A1111 parameters but no ComfyUI graph; edits need a graph to trace");
        }
        InspectOptions o = maxSamplersGiven ? options : options.withTrace(options.trace().withMaxSamplers(samplersIn(loaded)));
        InspectReport report = inspector.inspect(loaded.graph(), new SourceTexts(loaded.prompt(), loaded.workflow(), loaded.parameters()), o);
        EditedMetadata edited = edits.applyTo(report.composed());
        edited.warnings().forEach(w -> warnings.accept(source.getFileName() + ": " + w));
        return edited.bundle(report.graph(), report.bundle(), o.render());
    }

    /** How many samplers the source's own Samplers detail lists (1 when it has none). */
    private int samplersIn(LoadedSource loaded) {
        String detail = loaded.metadata().text(MetadataKeys.SAMPLERS_DETAIL).orElse(null);
        if (detail == null) return options.trace().maxSamplers();
        try {
            var json = LenientJson.parse(detail);
            return json.isArray() && json.size() >= 2 ? Math.min(json.size(), com.samplerlens.core.trace.TraceOptions.MAX_SAMPLERS_LIMIT) : 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return options.trace().maxSamplers();
        }
    }
}
