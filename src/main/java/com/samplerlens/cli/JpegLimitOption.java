package com.samplerlens.cli;

import picocli.CommandLine.Option;

/** {@code --max-jpeg-exif-kb K}: the JPEG EXIF limit of the commands that pack JPEG (stages, write). */
public final class JpegLimitOption {

    @Option(names = "--max-jpeg-exif-kb", paramLabel = "K",
            description = "JPEG EXIF limit in KB (default: the save node's max_jpeg_exif_kb, else 60; clamped to 4 … METADATA_JPEG_EXIF_HARD_MAX_KB).")
    Integer kb;
}
