package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import java.nio.file.Path;

/**
 * Where the metadata to write comes from: a source file (image or workflow JSON) turned into the
 * texts a writer writes. {@link #asRead()} takes the source's own texts verbatim; a tracing
 * source (re-rendered parameters for a chosen number of samplers) plugs in here too.
 */
@FunctionalInterface
public interface BundleSource {

    /** The texts to write, from {@code source}; fails with a one-line message naming the file. */
    MetadataBundle bundle(Path source) throws UnreadableFileException;

    /**
     * What {@code write} and {@code stages} use without edit options: the source's own texts, and
     * where it has a ComfyUI graph but no {@code parameters} (a plain ComfyUI image or a workflow
     * JSON), the A1111 parameters rendered from the traced graph, so that Civitai/A1111-style
     * readers see it too. A source that already carries parameters keeps them word for word: a
     * re-embed restores what the original said. {@code hashes} adds model hashes to rendered
     * parameters (e.g. a models folder); {@link HashLookup#NONE} for none.
     */
    static BundleSource completing(SourceLoader loader, Inspector inspector, HashLookup hashes) {
        return source -> {
            LoadedSource loaded = loader.load(source);
            String detail = loaded.metadata().text(MetadataKeys.SAMPLERS_DETAIL).orElse(null);
            if (loaded.graph() == null || loaded.parameters() != null) {
                MetadataBundle asRead = new MetadataBundle(loaded.parameters(), loaded.prompt(), loaded.workflow(), detail);
                if (asRead.parameters() == null && asRead.prompt() == null && asRead.workflow() == null) {
                    throw new UnreadableFileException(source, "holds no ComfyUI or A1111 metadata to write");
                }
                return asRead;
            }
            InspectReport report = inspector.inspect(loaded.graph(), new SourceTexts(loaded.prompt(), loaded.workflow(), null),
                    InspectOptions.defaults().withHashes(hashes));
            MetadataBundle rendered = report.bundle();
            return new MetadataBundle(rendered.parameters(),
                    loaded.prompt() != null ? loaded.prompt() : rendered.prompt(),
                    loaded.workflow(),
                    detail != null ? detail : rendered.samplersDetail());
        };
    }

    /**
     * The source's own {@code parameters}, {@code prompt}, {@code workflow} and {@code Samplers detail}
     * texts, unchanged (a workflow JSON file gives its prompt or workflow only).
     */
    static BundleSource asRead() {
        return source -> {
            EmbeddedMetadata read = MetadataReaders.read(source);
            MetadataBundle bundle = new MetadataBundle(
                    read.text(MetadataKeys.PARAMETERS).orElse(null),
                    read.text(MetadataKeys.PROMPT).orElse(null),
                    read.text(MetadataKeys.WORKFLOW).orElse(null),
                    read.text(MetadataKeys.SAMPLERS_DETAIL).orElse(null));
            if (bundle.parameters() == null && bundle.prompt() == null && bundle.workflow() == null && bundle.samplersDetail() == null) {
                throw new UnreadableFileException(source, "holds no ComfyUI or A1111 metadata to write");
            }
            return bundle;
        };
    }
}
