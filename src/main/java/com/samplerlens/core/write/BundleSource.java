package com.samplerlens.core.write;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import java.nio.file.Path;

/**
 * Where the metadata to write comes from: a source file (image or workflow JSON) turned into the
 * texts a writer writes. {@link #asRead()} takes the source's own texts verbatim; the traced,
 * edited and rendered texts come from {@code core.inspect.Pipeline#bundleSource}.
 */
@FunctionalInterface
public interface BundleSource {

    /** The texts to write, from {@code source}; fails with a one-line message naming the file. */
    MetadataBundle bundle(Path source) throws UnreadableFileException;

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
