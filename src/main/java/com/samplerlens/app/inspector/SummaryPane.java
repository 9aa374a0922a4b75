package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.ParametersParts;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataKeys;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What an artist copies from an image: a thumbnail, the positive and negative prompts, the
 * settings line and the whole parameters text, each with a copy button. For a ComfyUI file it is
 * the text that would be written; for an A1111 image (no graph) the text the image carries.
 */
public final class SummaryPane extends VBox {

    private final SessionViewModel vm;
    private final ImageView thumbnail = new ImageView();
    private final Label thumbnailNote = new Label();
    private final TextArea positive = area("summaryPositive");
    private final TextArea negative = area("summaryNegative");
    private final TextArea settings = area("summarySettings");
    private String whole = "";

    public SummaryPane(SessionViewModel vm, String idPrefix) {
        this.vm = vm;
        setId(idPrefix);
        getStyleClass().add("summary-pane");
        setSpacing(8);
        setPadding(new Insets(12));
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(360);
        thumbnail.setFitHeight(220);
        thumbnailNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button copyAll = copyButton(idPrefix + "CopyAll", "Copy whole parameters", () -> whole);
        getChildren().addAll(thumbnail, thumbnailNote, copyAll,
                row("Positive", copyButton(idPrefix + "CopyPositive", "Copy", positive::getText)), positive,
                row("Negative", copyButton(idPrefix + "CopyNegative", "Copy", negative::getText)), negative,
                row("Settings", copyButton(idPrefix + "CopySettings", "Copy", settings::getText)), settings);
        vm.documentProperty().addListener((o, a, d) -> { showThumbnail(d); refresh(); });
        vm.previewProperty().addListener((o, a, p) -> refresh());
        showThumbnail(vm.documentProperty().get());
        refresh();
    }

    /** The parameters text the summary shows: written for a graph, carried for an A1111 image. */
    public String parameters() { return whole; }

    private void refresh() {
        LoadedDocument doc = vm.documentProperty().get();
        String text = null;
        if (doc != null && doc.graph().size() == 0) text = doc.texts().get(MetadataKeys.PARAMETERS);
        else if (vm.previewProperty().get() != null) text = vm.previewProperty().get().parameters();
        whole = text == null ? "" : text;
        ParametersParts parts = ParametersParts.of(whole);
        positive.setText(parts.positive());
        negative.setText(parts.negative());
        settings.setText(parts.settings());
    }

    private void showThumbnail(LoadedDocument doc) {
        thumbnail.setImage(null);
        thumbnailNote.setText("");
        if (doc == null) return;
        if (doc.format() == ContainerFormat.PNG || doc.format() == ContainerFormat.JPEG) {
            // decoded on JavaFX's background loader, scaled down: the FX thread never waits for pixels
            thumbnail.setImage(new Image(doc.file().toUri().toString(), 720, 440, true, true, true));
        } else if (doc.format() == ContainerFormat.WEBP) {
            thumbnailNote.setText("(JavaFX cannot show WebP pixels; the metadata is read all the same)");
        }
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        return a;
    }

    private static HBox row(String caption, Button copy) {
        Label l = new Label(caption);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, l, spacer, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button copyButton(String id, String text, java.util.function.Supplier<String> what) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(what.get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        return b;
    }
}
