package com.samplerlens.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The header's pixel size against an independent reader: ImageIO for PNG and JPEG, ExifTool for WebP. */
class PixelSizeTest {

    @Test
    void pngAndJpegAsImageIoDecodesThem() throws Exception {
        for (String name : List.of("images/ce_lora.png", "images/sdp_automatic1111_cropped.jpg", "images/sdp_automatic1111_cropped.png")) {
            Path p = Fixtures.bundled(name);
            BufferedImage img = ImageIO.read(p.toFile());
            assertEquals(Optional.of(img.getWidth() + "x" + img.getHeight()), PixelSize.of(Files.readAllBytes(p)), name);
        }
    }

    @Test
    void webpAsExifToolReadsIt() throws Exception {
        // exiftool -ImageSize: ce_flux_kontext_example_comic.webp 2048x3072 (VP8X), ce_wan_text_to_video_wan.webp 832x480
        assertEquals(Optional.of("2048x3072"), PixelSize.of(Files.readAllBytes(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"))));
        assertEquals(Optional.of("832x480"), PixelSize.of(Files.readAllBytes(Fixtures.bundled("images/ce_wan_text_to_video_wan.webp"))));
    }

    @Test
    void aCutOrForeignHeaderGivesNothing() throws Exception {
        byte[] png = Files.readAllBytes(Fixtures.bundled("images/ce_lora.png"));
        assertEquals(Optional.empty(), PixelSize.of(Arrays.copyOf(png, 20)));
        assertEquals(Optional.empty(), PixelSize.of("GIF89a....".getBytes()));
        byte[] jpeg = Files.readAllBytes(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        assertEquals(Optional.empty(), PixelSize.of(Arrays.copyOf(jpeg, 30)));
    }
}
