package com.samplerlens.app.graph;

import com.samplerlens.app.graph.CanvasScene.CanvasNode;
import com.samplerlens.app.graph.CanvasScene.Level;
import com.samplerlens.core.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * The workflow drawn as ComfyUI draws it (see {@link CanvasPainter}), one level at a time: the
 * top level, or the inside of a subgraph instance opened by double-clicking it (a breadcrumb
 * leads back). Pan by dragging, zoom by wheel or pinch; a minimap shows where the view is when
 * the level does not fit. Selection and focus speak graph ids ("311:248"), so the sampler list,
 * Find and the Node tab reach nodes inside subgraphs: focusing one opens its level.
 */
public final class GraphView extends Region {

    private static final double MIN_SCALE = 0.04;
    private static final double MAX_SCALE = 4.0;
    /** Opening or fitting never zooms out below this: titles stay legible, the minimap shows the rest. */
    public static final double READABLE_SCALE = 0.5;
    private static final double MINIMAP_W = 220;
    private static final double GRID_MIN_SCALE = 0.5;
    private static final double MINIMAP_H = 150;

    private final Canvas canvas = new Canvas();
    /**
     * The minimap: the level's nodes drawn on {@code minimapMap} when they change, the view's
     * rectangle on {@code minimapView} above it on every frame. Two canvases rather than a snapshot
     * of the map kept as an image: a snapshot waits for the renderer to finish the frame before it,
     * which at start-up held the FX thread for a whole window's render (about 110 ms on a 2-core
     * machine), and again whenever the map changed.
     */
    private final Canvas minimapMap = new Canvas(MINIMAP_W, MINIMAP_H);
    private final Canvas minimapView = new Canvas(MINIMAP_W, MINIMAP_H);
    private final Group minimap = new Group(minimapMap, minimapView);
    private final HBox breadcrumb = new HBox(4);
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<String> highlightedSampler = new SimpleObjectProperty<>(this, "highlightedSampler");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final ReadOnlyStringWrapper level = new ReadOnlyStringWrapper(this, "level", "");
    private final CanvasPainter painter = new CanvasPainter();
    private final LevelImage levelImage = new LevelImage();

    private Graph graph;
    private CanvasScene scene = CanvasScene.EMPTY;
    private Map<String, NodeLook> looks = Map.of();
    private LevelLooks levelLooks;
    private double tx;
    private double ty;
    private String hoveredNode;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean redrawPending;
    private boolean userZoomed;
    private final ViewAnimator animator = new ViewAnimator();
    private static final int HATCH_TILE = 10;
    private javafx.scene.image.Image hatchTile;
    private Boolean hatchTileDark;
    private javafx.scene.image.Image gridTile;
    private Boolean gridTileDark;
    private boolean minimapStale = true;

    public GraphView() {
        getStyleClass().add("graph-view");
        breadcrumb.setId("graphBreadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setPadding(new Insets(4, 10, 4, 10));
        breadcrumb.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 6; -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        breadcrumb.setManaged(false);
        breadcrumb.setVisible(false);
        minimap.setId("graphMinimap");
        minimap.setManaged(false);
        getChildren().addAll(canvas, minimap, breadcrumb);
        setMinSize(0, 0);
        setFocusTraversable(true);
        selectedNode.addListener((o, a, b) -> requestRedraw());
        highlightedSampler.addListener((o, a, b) -> requestRedraw());
        dark.addListener((o, a, b) -> { minimapStale = true; requestRedraw(); });
        // the canvas is drawn in the pulse of the scene it is in
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removePostLayoutPulseListener(drawIfPending);
            if (now != null) now.addPostLayoutPulseListener(drawIfPending);
        });
        installMouse();
        installMinimap();
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE && !level.get().isEmpty()) {
                openLevel(currentLevel().parent());
                e.consume();
            }
        });
    }

    /** Shows a document's canvas coloured by {@code looks}; keeps the view if it is the same graph. */
    public void show(Graph graph, CanvasScene scene, Map<String, NodeLook> looks) {
        boolean newGraph = this.graph != graph || this.scene != scene;
        this.graph = graph;
        this.scene = scene == null ? CanvasScene.EMPTY : scene;
        this.looks = looks == null ? Map.of() : looks;
        if (newGraph) {
            levelImage.clear();
            hoveredNode = null;
            userZoomed = false;
            if (selectedNode.get() != null && (graph == null || !graph.contains(selectedNode.get()))) selectedNode.set(null);
            setLevel("");
            fitNow();
        }
        levelLooks = null;
        minimapStale = true;
        requestRedraw();
    }

    /** Recolours without moving anything (the trace changed, the graph did not). */
    public void recolour(Map<String, NodeLook> looks) {
        this.looks = looks == null ? Map.of() : looks;
        levelLooks = null;
        minimapStale = true;
        requestRedraw();
    }

    /** The look of a node of the graph (by graph id). */
    public NodeLook lookOf(String nodeId) { return looks.getOrDefault(nodeId, NodeLook.NEUTRAL); }

    public ObjectProperty<String> selectedNodeProperty() { return selectedNode; }
    public ObjectProperty<String> highlightedSamplerProperty() { return highlightedSampler; }
    public BooleanProperty darkProperty() { return dark; }
    public ReadOnlyDoubleProperty scaleProperty() { return scale.getReadOnlyProperty(); }
    /** The prefix of the level shown: "" for the top level, "311:" inside instance 311. */
    public ReadOnlyStringProperty levelProperty() { return level.getReadOnlyProperty(); }
    public CanvasScene scene() { return scene; }

    private Level currentLevel() {
        Level l = scene.levels().get(level.get());
        return l != null ? l : scene.top();
    }

    private LevelLooks levelLooks() {
        if (levelLooks == null) levelLooks = new LevelLooks(currentLevel(), looks);
        return levelLooks;
    }

    /** Where a node of the level shown is drawn (title bar included), in this view's coordinates; null when it is not on this level. */
    public Bounds screenBoxOf(String nodeId) {
        CanvasNode n = currentLevel().node(nodeId);
        if (n == null) return null;
        double s = scale.get();
        return new BoundingBox(n.x() * s + tx, n.top() * s + ty, n.width() * s, n.fullHeight() * s);
    }

    /** The titles drawn in the last frame, with their size and room: what a person can read. */
    public List<CanvasPainter.DrawnTitle> drawnTitles() { return painter.titles(); }

    /** The badges drawn in the last frame. */
    public List<CanvasPainter.DrawnBadge> drawnBadges() { return painter.badges(); }

    /** Whether the last frame was drawn from the level's image (zoomed far out) rather than node by node. */
    public boolean drawnFromImage() { return drawnFromImage; }

    private boolean drawnFromImage;

    /** Draws now rather than on the next pulse (tests read what was drawn). */
    public void drawNow() { draw(); }

    /** Opens a level by its prefix ("" for the top), fitted. */
    public void openLevel(String prefix) {
        if (prefix == null || !scene.levels().containsKey(prefix)) return;
        setLevel(prefix);
        userZoomed = false;
        fitNow();
    }

    private void setLevel(String prefix) {
        animator.stop();
        level.set(prefix);
        levelLooks = null;
        minimapStale = true;
        hoveredNode = null;
        updateBreadcrumb();
        requestRedraw();
    }

    private void updateBreadcrumb() {
        breadcrumb.getChildren().clear();
        List<Level> chain = new ArrayList<>();
        for (Level l = currentLevel(); l != null; l = l.parent() == null ? null : scene.levels().get(l.parent())) chain.addFirst(l);
        for (int i = 0; i < chain.size(); i++) {
            Level l = chain.get(i);
            if (i > 0) breadcrumb.getChildren().add(new Label("›"));
            String text = i == 0 ? l.name() : l.name() + " #" + l.prefix().substring(0, l.prefix().length() - 1);
            if (i == chain.size() - 1) {
                Label here = new Label(text);
                here.setStyle("-fx-font-weight: bold;");
                breadcrumb.getChildren().add(here);
            } else {
                Hyperlink up = new Hyperlink(text);
                up.setOnAction(e -> openLevel(l.prefix()));
                breadcrumb.getChildren().add(up);
            }
        }
        breadcrumb.setVisible(chain.size() > 1);
        breadcrumb.applyCss();
        breadcrumb.autosize();
    }

    /** Zooms and pans so the level fits at a readable scale, smoothly. */
    public void fit() {
        userZoomed = false;
        double[] target = fitTarget();
        if (target != null) animator.animateTo(target[0], target[1], target[2]);
    }

    /**
     * Centres the view on a node of the graph and selects it: opens the subgraph level that draws
     * it if it is not on the level shown.
     */
    public void focus(String nodeId) {
        if (nodeId == null) return;
        CanvasNode n = currentLevel().node(nodeId);
        if (n == null) {
            Level holder = scene.levelOf(nodeId);
            if (holder == null) return;
            setLevel(holder.prefix());
            n = holder.node(nodeId);
            double s = Math.max(scale.get(), 0.9);
            userZoomed = true;
            double[] t = centring(n, s);
            setView(s, t[0], t[1]);
            selectedNode.set(nodeId);
            return;
        }
        double s = Math.max(scale.get(), 0.9);
        selectedNode.set(nodeId);
        userZoomed = true;
        double[] t = centring(n, s);
        animator.animateTo(s, t[0], t[1]);
    }

    /**
     * Brings a node of the level shown into view, keeping the zoom and the selection: what a
     * person does by dragging the canvas (tests use it to reach a node before clicking it).
     */
    public void reveal(String nodeId) {
        CanvasNode n = currentLevel().node(nodeId);
        if (n == null) return;
        animator.stop();
        userZoomed = true;
        double[] t = centring(n, scale.get());
        setView(scale.get(), t[0], t[1]);
    }

    /** The translation that centres a node; a node taller than the view shows its top (the title) instead. */
    private double[] centring(CanvasNode n, double s) {
        double h = Math.min(n.fullHeight() * s, height() * 0.8);
        return new double[] {width() / 2 - (n.x() + n.width() / 2) * s, height() / 2 - n.top() * s - h / 2};
    }

    private double width() { return getWidth() > 0 ? getWidth() : 1000; }
    private double height() { return getHeight() > 0 ? getHeight() : 700; }

    private void fitNow() {
        double[] target = fitTarget();
        if (target == null) return;
        animator.stop();
        setView(target[0], target[1], target[2]);
    }

    /**
     * The whole level when it fits at a readable scale; else the readable scale from the level's
     * left edge, where a ComfyUI graph starts (its loaders), at the height of the part that made
     * the image (the nodes upstream of the save node), the minimap showing the rest. Centring on
     * the traced part cut off the loaders on the left of large graphs. A subgraph's level, opened
     * to see the sampler inside, moves right as far as needed to show its first sampler.
     */
    private double[] fitTarget() {
        Level l = currentLevel();
        if (l.nodes().isEmpty()) return null;
        double w = width(), h = height();
        double[] b = l.bounds();
        double margin = 50;
        double s = Math.min((w - 2 * margin) / b[2], (h - 2 * margin) / b[3]);
        if (s >= READABLE_SCALE) {
            s = Math.min(s, 1.0);
            return new double[] {s, (w - b[2] * s) / 2 - b[0] * s, (h - b[3] * s) / 2 - b[1] * s};
        }
        s = READABLE_SCALE;
        double x = margin - b[0] * s;
        // inside a subgraph (opened to see what it holds) the first sampler is shown even if the left edge is not
        double[] first = l.parent() == null ? null : firstSamplerBox(l);
        if (first != null && (first[0] + first[2]) * s + x > w - margin) x = w - margin - (first[0] + first[2]) * s;
        double y;
        if (b[3] * s <= h - 2 * margin) {
            y = (h - b[3] * s) / 2 - b[1] * s;
        } else {
            // from the top of the traced nodes in the columns shown (their loaders); never past the level's top or bottom edge
            double top = tracedTop(l, -x / s, (w - x) / s, b, h / s - 2 * margin / s);
            y = Math.clamp(margin - top * s, h - margin - (b[1] + b[3]) * s, margin - b[1] * s);
        }
        return new double[] {s, x, y};
    }

    /**
     * The graph height the view starts at when the level does not fit, among the nodes whose
     * columns lie between {@code left} and {@code right}: the top of the attributed nodes there
     * (upstream of the save node: the loaders come first), else of all nodes there, moved down as
     * far as needed for the first sampler there to show its title and as much of its body as the
     * view holds ({@code room} graph units high).
     */
    private double tracedTop(Level l, double left, double right, double[] all, double room) {
        LevelLooks ll = new LevelLooks(l, looks);
        double attributedTop = Double.MAX_VALUE, shownTop = Double.MAX_VALUE;
        CanvasNode first = null;
        int firstNumber = Integer.MAX_VALUE;
        for (CanvasNode n : l.nodes()) {
            if (n.x() + n.width() < left || n.x() > right) continue;
            shownTop = Math.min(shownTop, n.top());
            NodeLook look = ll.of(n.id());
            int number = firstNumber(ll, n);
            if (!look.memberships().isEmpty() || look.save() || number < Integer.MAX_VALUE) attributedTop = Math.min(attributedTop, n.top());
            if (number < firstNumber) {
                first = n;
                firstNumber = number;
            }
        }
        double top = attributedTop < Double.MAX_VALUE ? attributedTop : shownTop < Double.MAX_VALUE ? shownTop : all[1];
        // badges sit above a node's title: leave them room
        top -= 30;
        if (first != null) {
            double needed = first.top() + Math.min(first.fullHeight(), room * 0.6);
            if (needed - top > room) top = needed - room;
        }
        return top;
    }

    /** The box (x, y, w, h) of the level's node that draws the first traced sampler, or holds it; null when none does. */
    private double[] firstSamplerBox(Level l) {
        LevelLooks ll = new LevelLooks(l, looks);
        CanvasNode best = null;
        int bestNumber = Integer.MAX_VALUE;
        for (CanvasNode n : l.nodes()) {
            int number = firstNumber(ll, n);
            if (number < bestNumber) {
                best = n;
                bestNumber = number;
            }
        }
        return best == null ? null : new double[] {best.x(), best.top(), best.width(), best.fullHeight()};
    }

    private static int firstNumber(LevelLooks ll, CanvasNode n) {
        int best = Integer.MAX_VALUE;
        NodeLook look = ll.of(n.id());
        if (look.sampler() != null && look.sampler().traced()) best = look.sampler().number();
        for (NodeLook.SamplerMark m : ll.samplersInside(n.id())) if (m.traced()) best = Math.min(best, m.number());
        return best;
    }

    private void setView(double s, double x, double y) {
        scale.set(s);
        tx = x;
        ty = y;
        requestRedraw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double oldW = canvas.getWidth(), oldH = canvas.getHeight();
        boolean firstSize = oldW <= 1 && w > 1;
        canvas.setWidth(w);
        canvas.setHeight(h);
        minimap.relocate(Math.max(0, w - MINIMAP_W - 12), Math.max(0, h - MINIMAP_H - 12));
        breadcrumb.autosize();
        breadcrumb.relocate(12, 10);
        if (firstSize) {
            fitNow();
        } else if (oldW > 1 && (oldW != w || oldH != h)) {
            // a resize keeps the user's zoom and the graph point at the centre; only an untouched view re-fits
            if (userZoomed) setView(scale.get(), tx + (w - oldW) / 2, ty + (h - oldH) / 2);
            else fitNow();
        }
        draw();
    }

    /**
     * Draws once however many changes ask for it before then: as soon as the FX thread is free
     * (a {@code runLater}, so a zoom frame is drawn while the next pulse is still to come), or in
     * the next pulse, after its layout pass and before the frame goes to the renderer
     * ({@link #drawIfPending}), when that pulse comes first. With the {@code runLater} alone a new
     * document's graph missed the frame that showed its side panel (the pulse was queued first)
     * and appeared a frame later; drawn in the pulse alone, zoom frames took longer (the drawing
     * no longer overlapped the wait for the pulse: scripts/bench-app-frames.sh).
     */
    private void requestRedraw() {
        if (redrawPending) return;
        redrawPending = true;
        javafx.application.Platform.runLater(drawIfPending);
        javafx.application.Platform.requestNextPulse();
    }

    private final Runnable drawIfPending = () -> {
        if (redrawPending) draw();
    };

    /** Whether a change is waiting for the next pulse to be drawn (tests: it must not wait longer). */
    public boolean redrawPending() { return redrawPending; }

    private Graph drawnGraph;

    /** The graph the canvas was last drawn with (tests). */
    public Graph drawnGraph() { return drawnGraph; }

    // ---------------------------------------------------------------- input

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            animator.stop();
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            if (!dragged && Math.hypot(dx, dy) < 3) return;
            dragged = true;
            userZoomed = true;
            setCursor(javafx.scene.Cursor.CLOSED_HAND);
            setView(scale.get(), tx + dx, ty + dy);
            pressX = e.getX();
            pressY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            setCursor(javafx.scene.Cursor.DEFAULT);
            if (!dragged && e.getButton() == MouseButton.PRIMARY) selectedNode.set(nodeAt(e.getX(), e.getY()));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String over = nodeAt(e.getX(), e.getY());
            if (!Objects.equals(over, hoveredNode)) {
                hoveredNode = over;
                requestRedraw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && !dragged && e.getButton() == MouseButton.PRIMARY) doubleClick(e.getX(), e.getY());
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getTouchCount() > 0 || e.getDeltaY() == 0) return;
            zoomAt(e.getX(), e.getY(), Math.pow(1.0018, e.getDeltaY()));
            e.consume();
        });
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getX(), e.getY(), e.getZoomFactor());
            e.consume();
        });
    }

    /** Double click: a subgraph node opens, another node is centred, empty canvas fits. */
    public void doubleClick(double x, double y) {
        String id = nodeAt(x, y);
        CanvasNode n = id == null ? null : currentLevel().node(id);
        if (n != null && n.opens() != null && scene.levels().containsKey(n.opens())) openLevel(n.opens());
        else if (id != null) focus(id);
        else fit();
    }

    private void installMinimap() {
        javafx.event.EventHandler<MouseEvent> jump = e -> {
            Level l = currentLevel();
            double[] m = minimapMapping(l);
            double gx = (e.getX() - m[1]) / m[0];
            double gy = (e.getY() - m[2]) / m[0];
            animator.stop();
            userZoomed = true;
            setView(scale.get(), width() / 2 - gx * scale.get(), height() / 2 - gy * scale.get());
            e.consume();
        };
        minimap.addEventHandler(MouseEvent.MOUSE_PRESSED, jump);
        minimap.addEventHandler(MouseEvent.MOUSE_DRAGGED, jump);
    }

    /** Zooms by {@code factor} keeping the graph point under (x, y) in place. */
    public void zoomAt(double x, double y, double factor) {
        animator.stop();
        userZoomed = true;
        double s = Math.clamp(scale.get() * factor, MIN_SCALE, MAX_SCALE);
        double gx = (x - tx) / scale.get();
        double gy = (y - ty) / scale.get();
        setView(s, x - gx * s, y - gy * s);
    }

    /** The node under a point of this view, topmost first; null for none. */
    public String nodeAt(double x, double y) {
        double gx = (x - tx) / scale.get();
        double gy = (y - ty) / scale.get();
        List<CanvasNode> nodes = currentLevel().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            CanvasNode n = nodes.get(i);
            if (n.kind() == CanvasScene.Kind.SUBGRAPH_INPUTS || n.kind() == CanvasScene.Kind.SUBGRAPH_OUTPUTS) continue;
            if (n.contains(gx, gy)) return n.id();
        }
        return null;
    }

    // ---------------------------------------------------------------- drawing

    private CanvasTheme theme() { return dark.get() ? CanvasTheme.DARK : CanvasTheme.LIGHT; }

    private void draw() {
        redrawPending = false;
        drawnGraph = graph;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        CanvasTheme t = theme();
        g.setGlobalAlpha(1);
        g.setFill(t.background());
        g.fillRect(0, 0, w, h);
        drawGrid(g, w, h, t);
        Level l = currentLevel();
        double s = scale.get();
        CanvasPainter.Frame frame = new CanvasPainter.Frame(g, t, s, tx, ty, w, h, levelLooks(), selectedNode.get(), hoveredNode,
                highlightedSampler.get());
        drawnFromImage = levelImage.draw(frame, l, painter, hatchPattern(t, s));
        if (drawnFromImage) painter.paintOverlay(frame, l);
        else painter.paint(frame, l, hatchPattern(t, s));
        drawMinimap(l, t, w, h);
    }

    private void drawGrid(GraphicsContext g, double w, double h, CanvasTheme t) {
        double step = 20 * scale.get();
        // LiteGraph draws its background grid only above half size: below, the dots are a haze
        // and filling the whole view with the pattern is a large part of a zoomed-out frame
        if (scale.get() < GRID_MIN_SCALE) return;
        // one pattern fill, not a fillRect per dot: the software renderer makes each small
        // rectangle a separate anti-aliased shape, thousands of them at ordinary zoom levels
        // a whole number of pixels per tile, placed on whole pixels: the renderer then copies the
        // tile instead of resampling it for every pixel of the view (the dots drift from the
        // graph by under a pixel per tile, which a decoration may)
        int tile = (int) Math.round(step);
        g.setFill(new ImagePattern(gridTile(t, tile), Math.floorMod(Math.round(tx), tile), Math.floorMod(Math.round(ty), tile),
                tile, tile, false));
        g.fillRect(0, 0, w, h);
    }

    private javafx.scene.image.Image gridTile(CanvasTheme t, int size) {
        if (gridTile == null || !Objects.equals(gridTileDark, t.dark()) || gridTile.getWidth() != size) {
            javafx.scene.image.WritableImage tile = new javafx.scene.image.WritableImage(size, size);
            javafx.scene.image.PixelWriter px = tile.getPixelWriter();
            for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) px.setColor(x, y, t.grid());
            gridTile = tile;
            gridTileDark = t.dark();
        }
        return gridTile;
    }

    /** Diagonal hatching: the mark of a sampler that is found but not written. */
    private ImagePattern hatchPattern(CanvasTheme t, double s) {
        if (hatchTile == null || !Objects.equals(hatchTileDark, t.dark())) {
            javafx.scene.image.WritableImage tile = new javafx.scene.image.WritableImage(HATCH_TILE, HATCH_TILE);
            javafx.scene.image.PixelWriter px = tile.getPixelWriter();
            for (int x = 0; x < HATCH_TILE; x++) {
                for (int w = 0; w < 2; w++) px.setColor(x, Math.floorMod(HATCH_TILE - 1 - x + w, HATCH_TILE), t.hatch());
            }
            hatchTile = tile;
            hatchTileDark = t.dark();
        }
        double step = Math.max(6, 10 * s);
        return new ImagePattern(hatchTile, tx, ty, step, step, false);
    }

    /** Scale and offset that put the level's bounds into the minimap. */
    private double[] minimapMapping(Level l) {
        double[] b = l.bounds();
        double pad = 8;
        double m = Math.min((MINIMAP_W - 2 * pad) / b[2], (MINIMAP_H - 2 * pad) / b[3]);
        return new double[] {m, (MINIMAP_W - b[2] * m) / 2 - b[0] * m, (MINIMAP_H - b[3] * m) / 2 - b[1] * m};
    }

    /** Where the centre of a node of the level shown is drawn in the minimap; null when it is not on this level. */
    double[] minimapPointOf(String nodeId) {
        CanvasNode n = currentLevel().node(nodeId);
        if (n == null) return null;
        double[] m = minimapMapping(currentLevel());
        return new double[] {(n.x() + n.width() / 2) * m[0] + m[1], (n.top() + n.fullHeight() / 2) * m[0] + m[2]};
    }

    /** Whether the minimap is shown: only when the level does not fit the view. */
    public boolean minimapShown() { return minimap.isVisible(); }

    /**
     * The minimap: every node of the level as a small box in its sampler's colour, and the view's
     * rectangle. The boxes are redrawn only when the level or the colours change.
     */
    private void drawMinimap(Level l, CanvasTheme t, double w, double h) {
        double[] b = l.bounds();
        double s = scale.get();
        boolean fits = b[0] * s + tx >= 0 && b[1] * s + ty >= 0 && (b[0] + b[2]) * s + tx <= w && (b[1] + b[3]) * s + ty <= h;
        boolean show = !l.nodes().isEmpty() && !fits && w > MINIMAP_W * 2.2 && h > MINIMAP_H * 2;
        minimap.setVisible(show);
        if (!show) return;
        double[] m = minimapMapping(l);
        if (minimapStale) {
            GraphicsContext g = minimapMap.getGraphicsContext2D();
            g.clearRect(0, 0, MINIMAP_W, MINIMAP_H);
            g.setGlobalAlpha(1);
            // opaque: nodes of the canvas showing through looked like part of the map, which then matched nothing
            g.setFill(t.dark() ? Color.web("#111111") : Color.web("#ffffff"));
            g.fillRoundRect(0, 0, MINIMAP_W, MINIMAP_H, 10, 10);
            g.setStroke(t.dark() ? Color.web("#444444") : Color.web("#bbbbbb"));
            g.setLineWidth(1);
            g.strokeRoundRect(0.5, 0.5, MINIMAP_W - 1, MINIMAP_H - 1, 10, 10);
            for (CanvasScene.CanvasGroup grp : l.groups()) {
                g.setFill(t.custom(grp.color(), Color.web(CanvasScenes.DEFAULT_GROUP_COLOUR)).deriveColor(0, 1, 1, 0.3));
                g.fillRect(grp.x() * m[0] + m[1], grp.y() * m[0] + m[2], grp.width() * m[0], grp.height() * m[0]);
            }
            LevelLooks ll = levelLooks();
            for (CanvasNode n : l.nodes()) {
                NodeLook look = ll.of(n.id());
                Color c = !look.memberships().isEmpty() ? SamplerPalette.colour(look.memberships().getFirst().colourIndex())
                        : t.custom(n.bgcolor(), t.dark() ? Color.web("#5a5a5a") : Color.web("#9a9a9a"));
                g.setFill(look.upstream() ? c : c.deriveColor(0, 0.5, 1, 0.4));
                g.fillRect(n.x() * m[0] + m[1], n.top() * m[0] + m[2], Math.max(1.5, n.width() * m[0]), Math.max(1.5, n.fullHeight() * m[0]));
            }
            minimapStale = false;
        }
        // the view's rectangle
        GraphicsContext g = minimapView.getGraphicsContext2D();
        g.clearRect(0, 0, MINIMAP_W, MINIMAP_H);
        double vx = (-tx / s) * m[0] + m[1], vy = (-ty / s) * m[0] + m[2];
        double vw = w / s * m[0], vh = h / s * m[0];
        g.setStroke(t.accent());
        g.setLineWidth(1.5);
        g.strokeRect(vx, vy, vw, vh);
    }

    /** Eases the view from where it is to a target scale and translation. */
    private final class ViewAnimator extends AnimationTimer {
        private static final double DURATION_NANOS = 280_000_000;
        private double s0, x0, y0, s1, x1, y1;
        private long start = -1;

        void animateTo(double s, double x, double y) {
            s0 = scale.get(); x0 = tx; y0 = ty;
            s1 = s; x1 = x; y1 = y;
            start = -1;
            start();
        }

        @Override
        public void handle(long now) {
            if (start < 0) start = now;
            double p = Math.min(1, (now - start) / DURATION_NANOS);
            double e = 1 - Math.pow(1 - p, 3);
            setView(s0 + (s1 - s0) * e, x0 + (x1 - x0) * e, y0 + (y1 - y0) * e);
            if (p >= 1) stop();
        }
    }
}
