package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.ParametersParts;
import com.samplerlens.app.kit.Thumbnails;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataKeys;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
    private final javafx.scene.layout.StackPane thumbnailCard = new javafx.scene.layout.StackPane();
    private final Label cardText = new Label();
    private final TextArea positive = area("summaryPositive");
    private final TextArea negative = area("summaryNegative");
    private final TextArea settings = area("summarySettings");
    private String whole = "";
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");

    public SummaryPane(SessionViewModel vm, String idPrefix) {
        this.vm = vm;
        setId(idPrefix);
        getStyleClass().add("summary-pane");
        setSpacing(8);
        setPadding(new Insets(12));
        thumbnail.setId(idPrefix + "Thumbnail");
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(360);
        thumbnail.setFitHeight(220);
        thumbnailNote.setId(idPrefix + "ThumbnailCaption");
        thumbnailNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        thumbnailCard.setId(idPrefix + "ThumbnailCard");
        thumbnailCard.getStyleClass().add("thumbnail-card");
        thumbnailCard.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        thumbnailCard.setPrefSize(360, 120);
        thumbnailCard.setMaxWidth(360);
        cardText.getStyleClass().add(Styles.TEXT_MUTED);
        cardText.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        thumbnailCard.getChildren().add(cardText);
        thumbnailCard.managedProperty().bind(thumbnailCard.visibleProperty());
        thumbnailCard.setVisible(false);
        Button copyAll = copyButton(idPrefix + "CopyAll", "Copy whole parameters", () -> whole);
        getChildren().addAll(thumbnail, thumbnailCard, thumbnailNote, copyAll,
                row("Positive", copyButton(idPrefix + "CopyPositive", "Copy", positive::getText)), positive,
                row("Negative", copyButton(idPrefix + "CopyNegative", "Copy", negative::getText)), negative,
                row("Settings", copyButton(idPrefix + "CopySettings", "Copy", settings::getText)), settings);
        vm.documentProperty().addListener((o, a, d) -> { showThumbnail(d); refresh(); });
        showing.addListener((o, was, now) -> { if (now && thumbnail.getImage() == null) showThumbnail(vm.documentProperty().get()); });
        vm.output().previewProperty().addListener((o, a, p) -> refresh());
        showThumbnail(vm.documentProperty().get());
        refresh();
    }

    /** The parameters text the summary shows: written for a graph, carried for an A1111 image. */
    public String parameters() { return whole; }

    private void refresh() {
        LoadedDocument doc = vm.documentProperty().get();
        String text = null;
        if (doc != null && doc.graph().size() == 0) text = doc.texts().get(MetadataKeys.PARAMETERS);
        else if (vm.output().previewProperty().get() != null) text = vm.output().previewProperty().get().parameters();
        whole = text == null ? "" : text;
        ParametersParts parts = ParametersParts.of(whole);
        positive.setText(parts.positive());
        negative.setText(parts.negative());
        settings.setText(parts.settings());
    }

    /**
     * Whether this summary is on screen (its tab selected, or standing in for the graph): the
     * thumbnail is decoded only then, since a large WebP takes seconds of CPU to decode.
     */
    public BooleanProperty showingProperty() { return showing; }

    /**
     * Decoded on a thread of its own from the document's kept bytes (JavaFX cannot decode WebP,
     * {@link Thumbnails} can), once per document for every summary that shows it, and shown when
     * done unless another document was opened meanwhile.
     */
    private void showThumbnail(LoadedDocument doc) {
        thumbnail.setImage(null);
        thumbnailNote.setText("");
        thumbnailCard.setVisible(false);
        if (doc == null || doc.format() == ContainerFormat.JSON || !showing.get()) return;
        thumbnailNote.setText("Loading a preview…");
        decoded(doc).thenAcceptAsync(made -> {
            if (vm.documentProperty().get() != doc || made == null) return;
            thumbnail.setImage(made.image());
            thumbnailNote.setText(made.caption());
            // no picture: a card the size of one says what the file is
            thumbnailCard.setVisible(made.image() == null);
            cardText.setText(made.caption().replace(" · ", "\n"));
        }, Platform::runLater);
    }

    private static LoadedDocument lastDecoded;
    private static CompletableFuture<Thumbnails.Thumbnail> lastThumbnail;

    /** The thumbnail of {@code doc}, decoding it unless that is under way or done already (FX thread only). */
    private static CompletableFuture<Thumbnails.Thumbnail> decoded(LoadedDocument doc) {
        if (lastDecoded != doc) {
            lastDecoded = doc;
            lastThumbnail = CompletableFuture.supplyAsync(() -> Thumbnails.of(doc, 720, 440), DECODER);
        }
        return lastThumbnail;
    }

    private static final Executor DECODER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "samplerlens-thumbnail");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

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
