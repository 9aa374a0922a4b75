package com.samplerlens.app.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import com.samplerlens.app.graph.GraphView;
import com.samplerlens.app.inspector.NodeInspector;
import com.samplerlens.app.inspector.RawPane;
import com.samplerlens.app.inspector.SamplersPane;
import com.samplerlens.app.inspector.SummaryPane;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.output.OutputPane;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.app.write.DropDecision;
import com.samplerlens.app.write.ExportFlow;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.app.write.ReembedConfirmation;
import com.samplerlens.app.write.WriteFlow;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: menu and toolbar, the graph in the centre, the side panel (Samplers, Node,
 * Output, Raw), the status bar, drag-and-drop and the keyboard shortcuts.
 */
public final class MainWindow {

    private final Stage stage;
    private final SessionViewModel vm;
    private final AppPreferences prefs;
    private final ThemeController theme;
    private final GraphView graph = new GraphView();
    private final TabPane side = new TabPane();
    /** Built when first shown: see {@link LazyTab}. */
    private final LazyTab<NodeInspector> nodeTab;
    private final LazyTab<RawPane> rawTab;
    private final CustomTextField find = new CustomTextField();
    private final StackPane messages = new StackPane();
    private final VBox reembedZone;
    private final WriteFlow writeFlow;
    private final ExportFlow exportFlow;
    private final Menu recentMenu = new Menu("Open Recent");
    private final MenuButton recentButton = new MenuButton("Recent");
    private boolean altDown;
    private int findCursor;

    public MainWindow(Stage stage, SessionViewModel vm, AppPreferences prefs, WriteFlow.Confirmation confirmation) {
        this.stage = stage;
        this.vm = vm;
        this.prefs = prefs;
        this.theme = new ThemeController(prefs);
        graph.darkProperty().bind(theme.darkProperty());
        this.writeFlow = new WriteFlow(vm, stage, confirmation != null ? confirmation : new ReembedConfirmation(stage), this::written);
        this.exportFlow = new ExportFlow(vm, stage, this::notify);

        side.setId("sidePanel");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab samplersTab = new Tab("Samplers", new SamplersPane(vm, graph.highlightedSamplerProperty(), graph::focus));
        samplersTab.setId("samplersTab");
        nodeTab = new LazyTab<>("Node", "nodeTab", () -> new NodeInspector(vm, graph::lookOf, graph::focus));
        LazyTab<javafx.scene.control.ScrollPane> outputTab = new LazyTab<>("Output", "outputTab", () -> {
            javafx.scene.control.ScrollPane outputScroll = new javafx.scene.control.ScrollPane(new OutputPane(vm));
            outputScroll.setFitToWidth(true);
            return outputScroll;
        });
        rawTab = new LazyTab<>("Raw", "rawTab", () -> new RawPane(vm));
        LazyTab<javafx.scene.control.ScrollPane> summaryTab = new LazyTab<>("Summary", "summaryTab", tab -> {
            SummaryPane sideSummary = new SummaryPane(vm, "summary");
            sideSummary.showingProperty().bind(tab.selectedProperty());
            javafx.scene.control.ScrollPane summaryScroll = new javafx.scene.control.ScrollPane(sideSummary);
            summaryScroll.setFitToWidth(true);
            return summaryScroll;
        });
        side.getTabs().addAll(samplersTab, nodeTab, outputTab, rawTab, summaryTab);
        graph.selectedNodeProperty().addListener((o, a, id) -> {
            if (id != null) side.getSelectionModel().select(nodeTab);
            if (nodeTab.isBuilt()) nodeTab.content().show(id);
        });

        reembedZone = buildReembedZone();
        // an image without a graph (A1111) gets its summary where the graph would be, not an empty canvas
        javafx.scene.control.ScrollPane noGraph = new javafx.scene.control.ScrollPane();
        noGraph.setId("noGraphSummary");
        noGraph.setFitToWidth(true);
        noGraph.setStyle("-fx-background: -color-bg-default; -fx-background-color: -color-bg-default;");
        noGraph.visibleProperty().bind(vm.documentProperty().map(d -> d.graph().size() == 0).orElse(false));
        // built when first needed, as the side tabs are: most files have a graph, and its three text
        // areas would otherwise get skins and CSS before the first frame
        noGraph.visibleProperty().addListener((o, was, visible) -> {
            if (visible && noGraph.getContent() == null) {
                SummaryPane noGraphSummary = new SummaryPane(vm, "centreSummary");
                noGraphSummary.setMaxWidth(640);
                noGraphSummary.showingProperty().bind(noGraph.visibleProperty());
                noGraph.setContent(noGraphSummary);
            }
        });
        StackPane centre = new StackPane(graph, noGraph, emptyHint(), loadingHint(), reembedZone, messages);
        centre.setId("graphArea");
        StackPane.setAlignment(reembedZone, Pos.BOTTOM_LEFT);
        StackPane.setMargin(reembedZone, new Insets(16));
        StackPane.setAlignment(messages, Pos.TOP_CENTER);
        StackPane.setMargin(messages, new Insets(14));
        messages.setPickOnBounds(false);
        messages.setMaxSize(560, Region.USE_PREF_SIZE);

        SplitPane split = new SplitPane(centre, side);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(side, false);
        side.setMinWidth(400);

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setBottom(new StatusBar(vm, this::showWarnings));

        double[] bounds = prefs.windowBounds();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(bounds == null ? 1400 : bounds[2], screen.getWidth()),
                Math.min(bounds == null ? 880 : bounds[3], screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/com/samplerlens/app/app.css").toExternalForm());
        // The renderer repaints the graph's area on every zoom or pan frame starting from the window's
        // root, and a Region fills its CSS background there even when transparent (the split pane's
        // is): with the software renderer these two fills of the whole canvas area were about a
        // third of the renderer's time per frame (JFR, scripts/bench-app-frames.sh). The scene's
        // fill, cleared in one cheap pass, shows the same colour instead.
        root.setStyle("-fx-background-color: null;");
        split.setStyle("-fx-background-color: null;");
        scene.fillProperty().bind(theme.darkProperty().map(ThemeController::windowBackground));
        if (bounds != null) {
            stage.setX(bounds[0]);
            stage.setY(bounds[1]);
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.titleProperty().bind(vm.documentProperty().map(d -> (vm.isSample(d.file()) ? "Sample workflow (Wan2.2 14B text to video)"
                : d.file().getFileName().toString()) + " — SamplerLens").orElse("SamplerLens"));
        stage.setOnHidden(e -> {
            prefs.setWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            vm.shutdown();
        });

        installShortcuts(scene);
        // Redo's second shortcut (a menu item has one accelerator)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), vm.editing()::redo);
        installDragAndDrop(scene);
        wireViewModel();
    }

    public GraphView graphView() { return graph; }

    public WriteFlow writeFlow() { return writeFlow; }

    /** What a drop of these files means here (open, re-embed or refuse with a message); acts on it. */
    public DropDecision drop(List<Path> files, boolean onReembedArea, boolean alt) {
        DropDecision decision = DropDecision.decide(files, onReembedArea, alt, vm.documentProperty().get() != null);
        switch (decision) {
            case DropDecision.Open o -> vm.open(o.file());
            case DropDecision.Reembed r -> writeFlow.reembed(r.target());
            case DropDecision.Reject r -> vm.reportProblem("Cannot use this drop", r.reason());
        }
        return decision;
    }

    // ---------------------------------------------------------------- building

    private MenuBar menuBar() {
        MenuItem open = item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseAndOpen);
        MenuItem write = item("Write…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), writeFlow::writeAs);
        MenuItem reembed = item("Re-embed into image…", null, writeFlow::reembedChosen);
        MenuItem clean = item("Save clean copy…", null, exportFlow::saveCleanCopy);
        MenuItem exportTxt = item("Export parameters (.txt)…", null, () -> exportFlow.export(MetadataExport.Kind.TXT));
        MenuItem exportJson = item("Export as JSON…", null, () -> exportFlow.export(MetadataExport.Kind.JSON));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), write, reembed, new SeparatorMenuItem(),
                clean, exportTxt, exportJson, new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm.editing()::undo);
        undo.textProperty().bind(vm.editing().undoTextProperty());
        undo.disableProperty().bind(vm.editing().canUndoProperty().not());
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), vm.editing()::redo);
        redo.textProperty().bind(vm.editing().redoTextProperty());
        redo.disableProperty().bind(vm.editing().canRedoProperty().not());
        MenuItem reset = item("Reset to traced", null, vm.editing()::resetToTraced);
        reset.disableProperty().bind(vm.editing().editStateProperty().map(s -> s.count() == 0));
        MenuItem copyParameters = item("Copy parameters", null, () -> exportFlow.copy(MetadataExport.Kind.TXT));
        MenuItem copyJson = item("Copy as JSON", null, () -> exportFlow.copy(MetadataExport.Kind.JSON));
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), reset, new SeparatorMenuItem(), copyParameters, copyJson);

        // a plain-key accelerator would also fire while typing in a text field: F is handled in installShortcuts
        MenuItem fit = item("Fit graph  (F)", null, graph::fit);
        MenuItem findItem = item("Find node…", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusFind);
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        Menu view = new Menu("View", null, fit, findItem, new SeparatorMenuItem(), dark);
        MenuBar bar = new MenuBar(file, edit, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        Button open = toolButton("Open", "Open an image or workflow (Ctrl+O)", this::chooseAndOpen);
        open.setId("openButton");
        recentButton.setId("recentButton");
        recentButton.setTooltip(new Tooltip("Recently opened files"));
        Button write = toolButton("Write…", "Write the metadata to a new file (Ctrl+S)", writeFlow::writeAs);
        write.setId("writeButton");
        Button reembed = toolButton("Re-embed…", "Write this metadata into another image (or drop the image on the graph with Alt held)", writeFlow::reembedChosen);
        Button fit = toolButton("Fit", "Fit the graph to the window (F)", graph::fit);
        fit.setId("fitButton");
        Button models = toolButton("Models folder…", "", this::chooseModelsFolder);
        models.setId("modelsButton");
        models.tooltipProperty().bind(vm.preferences().modelsFolderProperty().map(f -> new Tooltip("Hash models from " + f))
                .orElse(new Tooltip("Pick your models folder to add model hashes (AutoV2) to the output")));

        find.setId("findField");
        find.setPromptText("Find node: id, title or class  (Ctrl+F)");
        find.setPrefWidth(280);
        Label lens = new Label("⌕");
        lens.getStyleClass().add(Styles.TEXT_MUTED);
        find.setLeft(lens);
        find.setOnAction(e -> findNext());
        find.textProperty().addListener((o, a, b) -> findCursor = 0);

        ToggleButton themeToggle = new ToggleButton();
        themeToggle.setId("themeToggle");
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.textProperty().bind(theme.darkProperty().map(d -> d ? "☀  Light" : "☾  Dark"));
        themeToggle.setTooltip(new Tooltip("Switch between the light and dark theme"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, recentButton, new javafx.scene.control.Separator(), write, reembed,
                new javafx.scene.control.Separator(), models, new javafx.scene.control.Separator(), fit, find, spacer, themeToggle);
    }

    private VBox buildReembedZone() {
        Label title = new Label("Re-embed");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label text = new Label("Drop an image here to write this\nmetadata into a copy of it");
        text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox zone = new VBox(2, title, text);
        zone.setId("reembedZone");
        zone.getStyleClass().add("reembed-zone");
        zone.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // it floats over the canvas: cached as a picture, its shadow and dashed border are not
        // drawn again for every frame of the canvas beneath (a large part of a zoomed-in frame)
        zone.setCache(true);
        zone.visibleProperty().bind(vm.documentProperty().isNotNull());
        return zone;
    }

    private javafx.scene.Node emptyHint() {
        Label title = new Label("Open a ComfyUI image or workflow");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label("Ctrl+O, or drop a PNG, JPEG, WebP or JSON file here");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(6, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        box.visibleProperty().bind(vm.documentProperty().isNull().and(vm.workProperty().isNull()));
        return box;
    }

    /** While the first document is read and traced the window says so, instead of standing blank. */
    private javafx.scene.Node loadingHint() {
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label text = new Label("Opening…");
        text.setId("loadingText");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        vm.workProperty().addListener((o, a, task) -> {
            text.textProperty().unbind();
            if (task != null) text.textProperty().bind(task.messageProperty().map(m -> m == null || m.isBlank() ? "Opening…" : m));
        });
        if (vm.workProperty().get() != null) text.textProperty().bind(vm.workProperty().get().messageProperty().map(m -> m == null || m.isBlank() ? "Opening…" : m));
        VBox box = new VBox(10, spinner, text);
        box.setId("loadingHint");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        box.visibleProperty().bind(vm.documentProperty().isNull().and(vm.workProperty().isNotNull()));
        return box;
    }

    /** Every warning in a list: a click on one that names a node shows that node. */
    private void showWarnings(javafx.scene.Node anchor) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("warningsList");
        for (String w : vm.warnings()) {
            Label l = new Label(w);
            l.setWrapText(true);
            l.setMaxWidth(560);
            javafx.scene.control.CustomMenuItem item = new javafx.scene.control.CustomMenuItem(l, true);
            String node = nodeNamedIn(w);
            if (node != null) {
                l.setText(w + "  →");
                item.setOnAction(e -> graph.focus(node));
            } else {
                item.setOnAction(e -> side.getSelectionModel().select(rawTab));
            }
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) return;
        menu.show(anchor, javafx.geometry.Side.TOP, 0, -4);
    }

    /** The graph id a warning names ("node 12", "#311:248"), when the graph has it. */
    String nodeNamedIn(String warning) {
        LoadedDocument doc = vm.documentProperty().get();
        if (doc == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:node |#)(\\d+(?::\\d+)*)").matcher(warning);
        while (m.find()) if (doc.graph().contains(m.group(1))) return m.group(1);
        return null;
    }

    // ---------------------------------------------------------------- behaviour

    private void wireViewModel() {
        vm.graph().canvasProperty().addListener((o, a, geo) -> {
            LoadedDocument doc = vm.documentProperty().get();
            graph.show(doc == null ? null : doc.graph(), geo, vm.graph().looksProperty().get());
        });
        vm.graph().looksProperty().addListener((o, a, looks) -> graph.recolour(looks));
        vm.problemProperty().addListener((o, a, p) -> showProblem(p));
        vm.preferences().recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> refreshRecent());
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        recentButton.getItems().clear();
        for (Path p : vm.preferences().recentFiles()) {
            recentMenu.getItems().add(item(p.getFileName().toString(), null, () -> vm.open(p)));
            MenuItem i = item(p.getFileName().toString(), null, () -> vm.open(p));
            i.setGraphic(null);
            recentButton.getItems().add(i);
        }
        recentMenu.setDisable(vm.preferences().recentFiles().isEmpty());
        recentButton.setDisable(vm.preferences().recentFiles().isEmpty());
    }

    private void chooseModelsFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Your models folder (checkpoints, VAEs, LoRAs)");
        Path current = vm.preferences().modelsFolderProperty().get();
        if (current != null && java.nio.file.Files.isDirectory(current)) chooser.setInitialDirectory(current.toFile());
        File f = chooser.showDialog(stage);
        if (f != null) vm.preferences().hashModels(f.toPath());
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image or workflow");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images and workflows", "*.png", "*.jpg", "*.jpeg", "*.webp", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        LoadedDocument doc = vm.documentProperty().get();
        if (doc != null && doc.file().toAbsolutePath().getParent() != null) {
            File dir = doc.file().toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) chooser.setInitialDirectory(dir);
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) vm.open(f.toPath());
    }

    private void focusFind() {
        find.requestFocus();
        find.selectAll();
    }

    /** Centres on the next node whose id equals, or whose title or class contains, the text. */
    void findNext() {
        LoadedDocument doc = vm.documentProperty().get();
        String q = find.getText().trim().toLowerCase(Locale.ROOT);
        if (doc == null || q.isEmpty()) return;
        String exact = q.startsWith("#") ? q.substring(1) : q;
        if (doc.graph().contains(exact)) {
            graph.focus(exact);
            return;
        }
        List<String> hits = doc.graph().nodes().values().stream()
                .filter(n -> n.displayName().toLowerCase(Locale.ROOT).contains(q) || n.classType().toLowerCase(Locale.ROOT).contains(q))
                .map(com.samplerlens.core.graph.Node::id).toList();
        if (hits.isEmpty()) {
            find.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            PauseTransition reset = new PauseTransition(Duration.seconds(1.2));
            reset.setOnFinished(e -> find.pseudoClassStateChanged(Styles.STATE_DANGER, false));
            reset.play();
            return;
        }
        graph.focus(hits.get(findCursor++ % hits.size()));
    }

    private void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ALT) altDown = true;
            if (e.getCode() == KeyCode.ESCAPE && find.isFocused()) {
                graph.requestFocus();
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> { if (e.getCode() == KeyCode.ALT) altDown = false; });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
            if (e.getCode() == KeyCode.F) {
                graph.fit();
                e.consume();
            } else if (e.getCode().isDigitKey() && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0) {
                focusSampler(Integer.parseInt(e.getCode().getName().replaceAll("\\D", "")));
                e.consume();
            }
        });
    }

    /** 1–9: centre on sampler N (S1 … S9) of the current trace. */
    void focusSampler(int number) {
        var trace = vm.graph().traceProperty().get();
        if (trace == null) return;
        trace.traced().stream().filter(s -> s.number() == number).findFirst().ifPresent(s -> graph.focus(s.nodeId()));
    }

    private void installDragAndDrop(Scene scene) {
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            reembedZone.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), overReembed(e));
        });
        scene.addEventFilter(DragEvent.DRAG_EXITED, e ->
                reembedZone.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false));
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (!e.getDragboard().hasFiles()) return;
            List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            boolean onZone = overReembed(e);
            reembedZone.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false);
            e.setDropCompleted(true);
            e.consume();
            // act after the drag gesture ends: a confirmation dialog inside the drop handler would block the drag source
            javafx.application.Platform.runLater(() -> drop(files, onZone, altDown));
        });
    }

    private boolean overReembed(DragEvent e) {
        if (!reembedZone.isVisible()) return false;
        var local = reembedZone.sceneToLocal(e.getSceneX(), e.getSceneY());
        return local != null && reembedZone.contains(local);
    }

    private void showProblem(SessionViewModel.Problem p) {
        messages.getChildren().clear();
        if (p == null) return;
        Message m = new Message(p.title(), p.message());
        m.setId("problemMessage");
        m.getStyleClass().add(Styles.DANGER);
        m.setOnClose(e -> vm.dismissProblem());
        messages.getChildren().add(m);
    }

    private void written(InspectionService.WriteOutcome outcome) {
        messages.getChildren().clear();
        String stageText = outcome.stage() == null ? "" : " (JPEG stage: " + outcome.stage() + ")";
        String notices = outcome.notices().isEmpty() ? "" : "\n" + String.join("\n", outcome.notices());
        Notification n = new Notification("Wrote " + outcome.file().getFileName() + String.format(", %,d bytes", outcome.bytes()) + stageText
                + "\nin " + outcome.file().toAbsolutePath().getParent() + notices);
        n.setId("writtenNotification");
        n.getStyleClass().add(Styles.SUCCESS);
        n.setOnClose(e -> messages.getChildren().remove(n));
        messages.getChildren().add(n);
        PauseTransition hide = new PauseTransition(Duration.seconds(8));
        hide.setOnFinished(e -> messages.getChildren().remove(n));
        hide.play();
    }

    /** A short success message over the graph, gone after a few seconds. */
    private void notify(String text) {
        messages.getChildren().clear();
        Notification n = new Notification(text);
        n.setId("doneNotification");
        n.getStyleClass().add(Styles.SUCCESS);
        n.setOnClose(e -> messages.getChildren().remove(n));
        messages.getChildren().add(n);
        PauseTransition hide = new PauseTransition(Duration.seconds(6));
        hide.setOnFinished(e -> messages.getChildren().remove(n));
        hide.play();
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        // file names like "_meta.png": an underscore is text, not a mnemonic marker
        i.setMnemonicParsing(false);
        if (key != null) i.setAccelerator(key);
        i.setOnAction(e -> action.run());
        return i;
    }

    private static Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
