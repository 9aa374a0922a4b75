package com.samplerlens.app.shell;

import com.samplerlens.app.session.SessionViewModel;

import atlantafx.base.theme.Styles;
import com.samplerlens.core.trace.TraceResult;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Counts (nodes, links, samplers found / traced), warnings, and the running background work with its cancel button. */
final class StatusBar extends HBox {

    private final SessionViewModel vm;
    private final Label counts = new Label("No file open");
    private final Label warnings = new Label();

    StatusBar(SessionViewModel vm, java.util.function.Consumer<javafx.scene.Node> showWarnings) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        counts.setId("statusCounts");
        warnings.setId("statusWarnings");
        warnings.getStyleClass().add(Styles.WARNING);
        warnings.setOnMouseClicked(e -> showWarnings.accept(warnings));
        warnings.setCursor(javafx.scene.Cursor.HAND);

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        Label workText = new Label();
        workText.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        HBox work = new HBox(8, workText, progress, cancel);
        work.setAlignment(Pos.CENTER_LEFT);
        work.visibleProperty().bind(vm.workProperty().isNotNull());
        vm.workProperty().addListener((o, a, task) -> {
            progress.progressProperty().unbind();
            workText.textProperty().unbind();
            if (task == null) return;
            progress.progressProperty().bind(task.progressProperty());
            workText.textProperty().bind(task.messageProperty());
            cancel.setOnAction(e -> task.cancel());
        });

        Label edits = new Label();
        edits.setId("statusEdits");
        edits.getStyleClass().add("edit-tag");
        edits.textProperty().bind(vm.editing().editStateProperty().map(s -> s.count() == 0 ? "" : s.count() == 1 ? "✎ 1 edit" : "✎ " + s.count() + " edits"));

        // a preview that takes a while (a graph of hundreds of nodes) says so; quick ones never show it
        Label updating = new Label("Updating the preview…");
        updating.setId("statusUpdating");
        updating.getStyleClass().add(Styles.TEXT_MUTED);
        updating.setVisible(false);
        javafx.animation.PauseTransition grace = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        grace.setOnFinished(e -> updating.setVisible(vm.output().previewPendingProperty().get()));
        vm.output().previewPendingProperty().addListener((o, was, pending) -> {
            if (pending) grace.playFromStart();
            else {
                grace.stop();
                updating.setVisible(false);
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(counts, edits, warnings, spacer, updating, work);
        vm.graph().traceProperty().addListener((o, a, t) -> refresh(t));
        vm.output().previewProperty().addListener((o, a, p) -> refresh(vm.graph().traceProperty().get()));
    }

    private void refresh(TraceResult trace) {
        var doc = vm.documentProperty().get();
        if (doc == null || trace == null) return;
        int links = doc.graph().edges().size();
        String save = trace.saveNodeId() == null ? "no save node" : "save node #" + trace.saveNodeId();
        counts.setText(String.format("%s  ·  %s  ·  %s found  ·  %d traced (%s)  ·  %s",
                count(doc.graph().size(), "node"), count(links, "link"), count(trace.samplers().size(), "sampler"),
                trace.traced().size(), trace.mode().name().toLowerCase(java.util.Locale.ROOT), save));
        var all = vm.warnings();
        warnings.setText(all.isEmpty() ? "" : "⚠ " + count(all.size(), "warning"));
        // the list opens on a click (a tooltip of every warning ran off the screen)
        warnings.setTooltip(all.isEmpty() ? null : new Tooltip("Click to list the warnings"));
    }

    /** "1 node", "2 nodes", "1,204 nodes". */
    static String count(int n, String noun) {
        return String.format("%,d %s", n, n == 1 ? noun : noun + "s");
    }

}
