package com.samplerlens.core.fallback;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.exif.ExifTiffBuilder;
import com.samplerlens.core.container.png.PngChunk;
import com.samplerlens.core.container.png.PngChunkReader;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.container.webp.WebpExifWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The plan for any output format: JPEG goes through {@link JpegFallbackPlanner}; PNG and WebP
 * have no size limit and no fallback, so their plan lists the chunks written and their sizes,
 * measured in the bytes the rewriters produce.
 */
public final class WritePlanner {
    private WritePlanner() {}

    /** @param target the image the metadata goes into, or null to plan without one (then no file sizes) */
    public static WritePlan plan(ContainerFormat format, MetadataBundle bundle, FallbackSettings settings, byte[] target) {
        return switch (format) {
            case JPEG -> JpegFallbackPlanner.plan(bundle, settings, target);
            case PNG -> png(bundle, target);
            case WEBP -> webp(bundle, target);
            case JSON -> throw new IllegalArgumentException("metadata is written into images, not JSON files");
        };
    }

    /**
     * The PNG text chunks in the anchor's order: parameters, prompt, workflow, then Samplers detail.
     * A text the bundle lacks maps to null, which removes the target's own chunk of that name: a
     * prompt or workflow left from another image would contradict the parameters written.
     */
    public static LinkedHashMap<String, String> pngTexts(MetadataBundle bundle) {
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        texts.put(MetadataKeys.PARAMETERS, bundle.parameters());
        texts.put(MetadataKeys.PROMPT, bundle.prompt());
        texts.put(MetadataKeys.WORKFLOW, bundle.workflow());
        texts.put(MetadataKeys.SAMPLERS_DETAIL, bundle.samplersDetail());
        return texts;
    }

    /** The TIFF bytes of the WebP EXIF chunk: the full EXIF, keeping the target's other EXIF tags. */
    public static byte[] webpExif(MetadataBundle bundle, byte[] targetWebp) {
        ExifPayload full = JpegFallbackPlanner.fullExif(bundle);
        return targetWebp != null ? WebpExifWriter.tiffPayload(targetWebp, full) : ExifTiffBuilder.tiff(null, full);
    }

    private static WritePlan png(MetadataBundle bundle, byte[] target) {
        LinkedHashMap<String, String> texts = pngTexts(bundle);
        byte[] out = PngChunkRewriter.rewrite(target != null ? target : BlankImages.png(), texts);
        OptionalLong fileBytes = target == null ? OptionalLong.empty() : OptionalLong.of(out.length);
        List<PlanEntry> entries = new ArrayList<>();
        for (PngChunk chunk : PngChunkReader.read(out).chunks()) {
            if (!chunk.isText()) continue;
            String keyword = keyword(out, chunk);
            if (texts.get(keyword) != null) {
                entries.add(new ChunkPlan(keyword, chunk.type(), chunk.totalLength(), fileBytes, texts.get(keyword)));
            }
        }
        return new WritePlan(ContainerFormat.PNG, OptionalInt.empty(), entries, Optional.empty(), target == null ? null : out);
    }

    private static WritePlan webp(MetadataBundle bundle, byte[] target) {
        byte[] tiff = webpExif(bundle, target);
        long chunkBytes = 8L + tiff.length + (tiff.length & 1); // RIFF: header, data, pad to even
        byte[] written = target == null ? null : WebpExifWriter.write(target, tiff);
        OptionalLong fileBytes = written == null ? OptionalLong.empty() : OptionalLong.of(written.length);
        String content = JpegStagePlan.describe(JpegFallbackPlanner.fullExif(bundle));
        return new WritePlan(ContainerFormat.WEBP, OptionalInt.empty(),
                List.of(new ChunkPlan("EXIF", "EXIF", chunkBytes, fileBytes, content)), Optional.empty(), written);
    }

    private static String keyword(byte[] png, PngChunk chunk) {
        int end = chunk.dataOffset();
        int limit = chunk.dataOffset() + chunk.length();
        while (end < limit && png[end] != 0) end++;
        return new String(png, chunk.dataOffset(), end - chunk.dataOffset(), StandardCharsets.ISO_8859_1);
    }

}
