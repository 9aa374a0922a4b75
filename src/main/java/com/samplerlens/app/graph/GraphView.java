package com.samplerlens.app.graph;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The graph, drawn on one canvas: rounded node boxes (title, class, id) coloured by sampler,
 * bezier links, pan by dragging, zoom by wheel or pinch. Only what is on screen is drawn, and
 * text is left out when it would be too small to read, so large graphs stay smooth.
 */
public final class GraphView extends Region {

    private static final double MIN_SCALE = 0.04;
    private static final double MAX_SCALE = 3.0;
    private static final double CORNER = 10;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<String> highlightedSampler = new SimpleObjectProperty<>(this, "highlightedSampler");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);

    private Graph graph;
    private GraphGeometry geometry;
    /** Node ids in drawing order: the last one drawn is on top, so hit tests walk it backwards. */
    private List<String> drawOrder = List.of();
    private Map<String, NodeLook> looks = Map.of();
    private double tx;
    private double ty;
    private String hoveredNode;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean redrawPending;
    private final ViewAnimator animator = new ViewAnimator();
    private static final int HATCH_TILE = 10;
    private javafx.scene.image.Image hatchTile;
    private Theme hatchTileTheme;
    private javafx.scene.image.Image gridTile;
    private Theme gridTileTheme;

    public GraphView() {
        getStyleClass().add("graph-view");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setFocusTraversable(true);
        selectedNode.addListener((o, a, b) -> requestRedraw());
        highlightedSampler.addListener((o, a, b) -> requestRedraw());
        dark.addListener((o, a, b) -> requestRedraw());
        installMouse();
    }

    /** Shows a graph, placed by {@code geometry}, coloured by {@code looks}; keeps the view if it is the same graph. */
    public void show(Graph graph, GraphGeometry geometry, Map<String, NodeLook> looks) {
        boolean newGraph = this.graph != graph;
        this.graph = graph;
        this.geometry = geometry;
        this.drawOrder = geometry == null ? List.of() : List.copyOf(geometry.boxes().keySet());
        this.looks = looks;
        if (newGraph) {
            hoveredNode = null;
            if (selectedNode.get() != null && (graph == null || !graph.contains(selectedNode.get()))) selectedNode.set(null);
            fitNow();
        }
        requestRedraw();
    }

    /** Recolours without moving anything (the trace changed, the graph did not). */
    public void recolour(Map<String, NodeLook> looks) {
        this.looks = looks;
        requestRedraw();
    }

    public NodeLook lookOf(String nodeId) { return looks.getOrDefault(nodeId, NodeLook.NEUTRAL); }

    public ObjectProperty<String> selectedNodeProperty() { return selectedNode; }
    public ObjectProperty<String> highlightedSamplerProperty() { return highlightedSampler; }
    public BooleanProperty darkProperty() { return dark; }
    public ReadOnlyDoubleProperty scaleProperty() { return scale.getReadOnlyProperty(); }

    /** Where a node is drawn, in this view's coordinates; null when the node is not shown. */
    public javafx.geometry.Bounds screenBoxOf(String nodeId) {
        if (geometry == null || !geometry.boxes().containsKey(nodeId)) return null;
        GraphGeometry.Box b = geometry.boxes().get(nodeId);
        double s = scale.get();
        return new javafx.geometry.BoundingBox(b.x() * s + tx, b.y() * s + ty, b.width() * s, b.height() * s);
    }

    /** Zooms and pans so the whole graph fits, smoothly. */
    public void fit() {
        double[] target = fitTarget();
        if (target != null) animator.animateTo(target[0], target[1], target[2]);
    }

    /** Centres the view on a node and selects it. */
    public void focus(String nodeId) {
        if (geometry == null || !geometry.boxes().containsKey(nodeId)) return;
        GraphGeometry.Box b = geometry.boxes().get(nodeId);
        double s = Math.max(scale.get(), 0.9);
        double w = Math.max(getWidth(), 1);
        double h = Math.max(getHeight(), 1);
        selectedNode.set(nodeId);
        animator.animateTo(s, w / 2 - b.centerX() * s, h / 2 - b.centerY() * s);
    }

    private void fitNow() {
        double[] target = fitTarget();
        if (target == null) return;
        animator.stop();
        setView(target[0], target[1], target[2]);
    }

    private double[] fitTarget() {
        if (geometry == null) return null;
        double w = getWidth() > 0 ? getWidth() : 1000;
        double h = getHeight() > 0 ? getHeight() : 700;
        GraphGeometry.Box b = geometry.bounds();
        double margin = 40;
        double s = Math.clamp(Math.min((w - 2 * margin) / b.width(), (h - 2 * margin) / b.height()), MIN_SCALE, 1.2);
        return new double[] {s, (w - b.width() * s) / 2 - b.x() * s, (h - b.height() * s) / 2 - b.y() * s};
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
        boolean firstSize = canvas.getWidth() <= 1 && w > 1;
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (firstSize) fitNow();
        draw();
    }

    private void requestRedraw() {
        if (redrawPending) return;
        redrawPending = true;
        javafx.application.Platform.runLater(() -> {
            redrawPending = false;
            draw();
        });
    }

    // ---------------------------------------------------------------- input

    private void installMouse() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            animator.stop();
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            if (!dragged && Math.hypot(dx, dy) < 3) return;
            dragged = true;
            setCursor(javafx.scene.Cursor.CLOSED_HAND);
            setView(scale.get(), tx + dx, ty + dy);
            pressX = e.getX();
            pressY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            setCursor(javafx.scene.Cursor.DEFAULT);
            if (!dragged && e.getButton() == MouseButton.PRIMARY) selectedNode.set(nodeAt(e.getX(), e.getY()));
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String over = nodeAt(e.getX(), e.getY());
            if (!java.util.Objects.equals(over, hoveredNode)) {
                hoveredNode = over;
                requestRedraw();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && !dragged) {
                String id = nodeAt(e.getX(), e.getY());
                if (id != null) focus(id); else fit();
            }
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

    /** Zooms by {@code factor} keeping the graph point under (x, y) in place. */
    public void zoomAt(double x, double y, double factor) {
        animator.stop();
        double s = Math.clamp(scale.get() * factor, MIN_SCALE, MAX_SCALE);
        double gx = (x - tx) / scale.get();
        double gy = (y - ty) / scale.get();
        setView(s, x - gx * s, y - gy * s);
    }

    /** The node under a point of this view, topmost first; null for none. */
    public String nodeAt(double x, double y) {
        if (geometry == null) return null;
        double gx = (x - tx) / scale.get();
        double gy = (y - ty) / scale.get();
        for (int i = drawOrder.size() - 1; i >= 0; i--) {
            if (geometry.boxes().get(drawOrder.get(i)).contains(gx, gy)) return drawOrder.get(i);
        }
        return null;
    }

    // ---------------------------------------------------------------- drawing

    private Theme theme() { return dark.get() ? Theme.DARK : Theme.LIGHT; }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Theme t = theme();
        g.setGlobalAlpha(1);
        g.setFill(t.background);
        g.fillRect(0, 0, w, h);
        drawGrid(g, w, h, t);
        if (geometry == null || graph == null) return;
        double s = scale.get();
        g.setLineCap(StrokeLineCap.ROUND);
        for (GraphGeometry.Link link : geometry.links()) drawLink(g, link, s, w, h, t);
        for (Map.Entry<String, GraphGeometry.Box> e : geometry.boxes().entrySet()) {
            GraphGeometry.Box b = e.getValue();
            double x = b.x() * s + tx;
            double y = b.y() * s + ty;
            double bw = b.width() * s;
            double bh = b.height() * s;
            if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
            drawNode(g, graph.node(e.getKey()), lookOf(e.getKey()), x, y, bw, bh, s, t);
        }
        g.setGlobalAlpha(1);
    }

    private void drawGrid(GraphicsContext g, double w, double h, Theme t) {
        double step = 32 * scale.get();
        if (step < 12) return;
        // one pattern fill, not a fillRect per dot: the software renderer makes each small
        // rectangle a separate anti-aliased shape, thousands of them at ordinary zoom levels
        g.setFill(new ImagePattern(gridTile(t, (int) Math.round(step)), Math.floorMod((long) tx, (long) Math.max(step, 1)),
                Math.floorMod((long) ty, (long) Math.max(step, 1)), step, step, false));
        g.fillRect(0, 0, w, h);
    }

    /** A grid cell of about the drawn size (so the dot stays 2 pixels at any zoom): a dot in the corner, the rest transparent. */
    private javafx.scene.image.Image gridTile(Theme t, int size) {
        if (gridTile == null || gridTileTheme != t || gridTile.getWidth() != size) {
            javafx.scene.image.WritableImage tile = new javafx.scene.image.WritableImage(size, size);
            javafx.scene.image.PixelWriter px = tile.getPixelWriter();
            for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) px.setColor(x, y, t.grid);
            gridTile = tile;
            gridTileTheme = t;
        }
        return gridTile;
    }

    private void drawLink(GraphicsContext g, GraphGeometry.Link link, double s, double w, double h, Theme t) {
        GraphGeometry.Box from = geometry.boxes().get(link.from());
        GraphGeometry.Box to = geometry.boxes().get(link.to());
        double x1 = (from.x() + from.width()) * s + tx;
        double y1 = (from.y() + link.fromY()) * s + ty;
        double x2 = to.x() * s + tx;
        double y2 = (to.y() + link.toY()) * s + ty;
        if (Math.max(x1, x2) < -200 || Math.min(x1, x2) > w + 200 || Math.max(y1, y2) < -200 || Math.min(y1, y2) > h + 200) return;
        NodeLook a = lookOf(link.from());
        NodeLook b = lookOf(link.to());
        NodeLook.SamplerMark common = commonTracedSampler(a, b, link.to());
        boolean faded = !a.upstream() || !b.upstream();
        boolean highlighted = common != null && common.nodeId().equals(highlightedSampler.get());
        g.setGlobalAlpha(faded ? 0.25 : 1);
        g.setStroke(common != null ? SamplerPalette.colour(common.colourIndex()) : t.link);
        g.setLineWidth(Math.max(1, (highlighted ? 4 : common != null ? 2.4 : 1.6) * Math.min(s, 1.4)));
        double c = Math.max(30 * s, Math.abs(x2 - x1) * 0.5);
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(x1 + c, y1, x2 - c, y2, x2, y2);
        g.stroke();
        g.setGlobalAlpha(1);
    }

    /** A traced sampler both ends belong to (the target may be the sampler itself): the link is part of its path. */
    private static NodeLook.SamplerMark commonTracedSampler(NodeLook from, NodeLook to, String toId) {
        for (NodeLook.SamplerMark m : from.memberships()) {
            if (!m.traced()) continue;
            if (m.nodeId().equals(toId) || to.memberships().contains(m)) return m;
        }
        return null;
    }

    private void drawNode(GraphicsContext g, Node node, NodeLook look, double x, double y, double w, double h, double s, Theme t) {
        double r = Math.min(CORNER * s, Math.min(w, h) / 2);
        String highlight = highlightedSampler.get();
        boolean dimmedByHighlight = highlight != null
                && look.memberships().stream().noneMatch(m -> m.nodeId().equals(highlight));
        g.setGlobalAlpha(!look.upstream() ? 0.3 : dimmedByHighlight ? 0.45 : 1);

        // shadow, body and the sampler tint (stripes when the node belongs to several)
        g.setFill(t.shadow);
        g.fillRoundRect(x + 2 * s, y + 3 * s, w, h, r * 2, r * 2);
        g.setFill(t.surface);
        g.fillRoundRect(x, y, w, h, r * 2, r * 2);
        // bands are filled as rounded paths, not through a clip: clipped canvas drawing mixes up global alpha between nodes
        double header = headerHeight(h, s);
        List<NodeLook.SamplerMark> marks = look.memberships();
        if (!marks.isEmpty()) {
            double band = w / marks.size();
            for (int i = 0; i < marks.size(); i++) {
                NodeLook.SamplerMark m = marks.get(i);
                Color base = SamplerPalette.colour(m.colourIndex());
                Color solid = m.traced() ? base : SamplerPalette.muted(base);
                double bx = x + i * band;
                boolean first = i == 0;
                boolean last = i == marks.size() - 1;
                g.setFill(solid.deriveColor(0, 1, 1, m.traced() ? t.tint : t.tint * 0.6));
                fillBand(g, bx, y + header, last ? band : band + 0.5, h - header, r, false, first, last);
                g.setFill(solid);
                fillBand(g, bx, y, last ? band : band + 0.5, header, r, true, first, last);
                if (!m.traced()) {
                    g.setFill(hatchPattern(t, s));
                    fillBand(g, bx, y, last ? band : band + 0.5, header, r, true, first, last);
                    fillBand(g, bx, y + header, last ? band : band + 0.5, h - header, r, false, first, last);
                }
            }
        } else {
            g.setFill(look.shared() ? t.shared : t.header);
            fillBand(g, x, y, w, header, r, true, true, true);
            if (look.shared()) {
                g.setFill(t.sharedTint);
                fillBand(g, x, y + header, w, h - header, r, false, true, true);
            }
        }

        // outline: samplers in their colour, the save node doubled, the selection in the accent colour
        boolean selected = node.id().equals(selectedNode.get());
        boolean hovered = node.id().equals(hoveredNode);
        g.setLineDashes();
        if (look.sampler() != null) {
            Color c = SamplerPalette.colour(look.sampler().colourIndex());
            g.setStroke(look.sampler().traced() ? c.darker() : SamplerPalette.muted(c));
            g.setLineWidth(Math.max(2, 4 * s));
            if (!look.sampler().traced()) g.setLineDashes(8 * s, 5 * s);
            g.strokeRoundRect(x, y, w, h, r * 2, r * 2);
            g.setLineDashes();
        } else {
            g.setStroke(hovered ? t.text : t.border);
            g.setLineWidth(hovered ? 1.8 : 1);
            g.strokeRoundRect(x, y, w, h, r * 2, r * 2);
        }
        if (look.save()) {
            g.setStroke(t.text);
            g.setLineWidth(Math.max(1.5, 2.5 * s));
            double o = 5 * s;
            g.strokeRoundRect(x - o, y - o, w + 2 * o, h + 2 * o, (r + o) * 2, (r + o) * 2);
        }
        if (selected) {
            g.setStroke(t.accent);
            g.setLineWidth(3);
            double o = (look.save() ? 10 : 4) * s;
            g.strokeRoundRect(x - o, y - o, w + 2 * o, h + 2 * o, (r + o) * 2, (r + o) * 2);
        }

        if (h < 16) {
            g.setGlobalAlpha(1);
            return;
        }
        drawTexts(g, node, look, x, y, w, h, header, s, t);
        g.setGlobalAlpha(1);
    }

    private void drawTexts(GraphicsContext g, Node node, NodeLook look, double x, double y, double w, double h,
                           double header, double s, Theme t) {
        double pad = Math.max(9 * s, 4);
        Color headerColour = look.memberships().isEmpty() ? (look.shared() ? t.shared : t.header)
                : look.memberships().getFirst().traced() ? SamplerPalette.colour(look.memberships().getFirst().colourIndex())
                : SamplerPalette.muted(SamplerPalette.colour(look.memberships().getFirst().colourIndex()));
        Color onHeader = look.memberships().isEmpty() ? t.text : SamplerPalette.textOn(headerColour);

        // badges on the right of the header: S-numbers, and SAVE for the save node
        double badgeRight = x + w - 6 * s;
        double badgeFont = Math.max(11 * s, 8);
        g.setFont(Font.font("System", FontWeight.BOLD, badgeFont));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        java.util.List<NodeLook.SamplerMark> badges = new java.util.ArrayList<>(look.memberships().reversed());
        if (look.save()) badges.addFirst(null);
        for (NodeLook.SamplerMark mark : badges) {
            String label = mark == null ? "SAVE" : mark.badge();
            double bw = label.length() * badgeFont * 0.64 + badgeFont * 0.9;
            double bh = Math.min(badgeFont * 1.45, header * 0.85);
            double bx = badgeRight - bw;
            double by = y + (header - bh) / 2;
            Color fill = mark == null ? t.text : mark.traced() ? SamplerPalette.colour(mark.colourIndex()).darker() : t.surface;
            g.setFill(fill);
            g.fillRoundRect(bx, by, bw, bh, bh, bh);
            g.setStroke(mark == null ? t.text : t.badgeBorder);
            g.setLineWidth(1);
            g.strokeRoundRect(bx, by, bw, bh, bh, bh);
            g.setFill(mark == null ? t.surface : mark.traced() ? SamplerPalette.textOn(fill) : t.text);
            g.fillText(label, bx + bw / 2, by + bh / 2 + 0.5);
            badgeRight = bx - 3;
        }

        // title in the header, class and id in the body
        g.setTextAlign(TextAlignment.LEFT);
        double titleFont = Math.min(Math.max(13 * s, 9.5), header * 0.8);
        g.setFont(Font.font("System", FontWeight.BOLD, titleFont));
        g.setFill(onHeader);
        fillClipped(g, node.displayName(), x + pad, y + header / 2 + 0.5, badgeRight - x - pad - 3, titleFont * 0.58);
        double smallFont = Math.max(11.5 * s, 8.5);
        if (h - header > smallFont * 1.8) {
            g.setFont(Font.font("System", FontWeight.NORMAL, smallFont));
            g.setFill(t.mutedText);
            double line = y + header + smallFont * 1.2;
            String id = "#" + node.id();
            double idWidth = id.length() * smallFont * 0.6;
            if (!node.displayName().equals(node.classType())) {
                fillClipped(g, node.classType(), x + pad, line, w - 2 * pad - idWidth - 6, smallFont * 0.56);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(id, x + w - pad, line);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** Draws text cut with an ellipsis to fit {@code maxWidth}, estimating glyph width (exact measuring is too slow per frame). */
    private static void fillClipped(GraphicsContext g, String text, double x, double y, double maxWidth, double glyph) {
        if (maxWidth <= glyph) return;
        int fit = (int) (maxWidth / glyph);
        g.fillText(text.length() <= fit ? text : text.substring(0, Math.max(fit - 1, 1)) + "…", x, y);
    }

    /** The title band: to scale when zoomed in, but never too thin for its text when zoomed out. */
    private static double headerHeight(double boxHeight, double s) {
        return Math.min(Math.max(GraphLayouter.HEADER * s, Math.min(15, boxHeight * 0.5)), boxHeight);
    }

    /**
     * Fills a rectangle whose outer corners are rounded: the top two when {@code top}, else the
     * bottom two, and only on the sides that are the node's own edges ({@code left}, {@code right}).
     */
    private static void fillBand(GraphicsContext g, double x, double y, double w, double h, double r,
                                 boolean top, boolean left, boolean right) {
        if (w <= 0 || h <= 0) return;
        double rr = Math.min(r, Math.min(w / 2, h));
        double tl = top && left ? rr : 0, tr = top && right ? rr : 0, br = !top && right ? rr : 0, bl = !top && left ? rr : 0;
        g.beginPath();
        g.moveTo(x + tl, y);
        g.lineTo(x + w - tr, y);
        if (tr > 0) g.arcTo(x + w, y, x + w, y + tr, tr);
        g.lineTo(x + w, y + h - br);
        if (br > 0) g.arcTo(x + w, y + h, x + w - br, y + h, br);
        g.lineTo(x + bl, y + h);
        if (bl > 0) g.arcTo(x, y + h, x, y + h - bl, bl);
        g.lineTo(x, y + tl);
        if (tl > 0) g.arcTo(x, y, x + tl, y, tl);
        g.closePath();
        g.fill();
    }

    /**
     * Diagonal hatching: the mark of a sampler that is found but not written. A pattern fill of the
     * band's own shape, one shape for the renderer instead of a stroked line per stripe.
     */
    private ImagePattern hatchPattern(Theme t, double s) {
        if (hatchTile == null || hatchTileTheme != t) {
            javafx.scene.image.WritableImage tile = new javafx.scene.image.WritableImage(HATCH_TILE, HATCH_TILE);
            javafx.scene.image.PixelWriter px = tile.getPixelWriter();
            // a 2-pixel stripe from bottom-left to top-right; the tile repeats it seamlessly
            for (int x = 0; x < HATCH_TILE; x++) {
                for (int w = 0; w < 2; w++) px.setColor(x, Math.floorMod(HATCH_TILE - 1 - x + w, HATCH_TILE), t.hatch);
            }
            hatchTile = tile;
            hatchTileTheme = t;
        }
        double step = Math.max(6, 10 * s);
        return new ImagePattern(hatchTile, tx, ty, step, step, false);
    }

    /** Colours that follow the light or dark theme. */
    private record Theme(Color background, Color grid, Color surface, Color header, Color border, Color text,
                         Color mutedText, Color link, Color shared, Color sharedTint, Color shadow, Color accent,
                         Color hatch, Color badgeBorder, double tint) {
        static final Theme LIGHT = new Theme(Color.web("#f3f5f8"), Color.web("#d5dae1"), Color.WHITE,
                Color.web("#e4e8ee"), Color.web("#b9c1cc"), Color.web("#1f2328"), Color.web("#57606a"),
                Color.web("#8c959f"), Color.web("#aeb6c0"), Color.web("#aeb6c0", 0.35), Color.web("#1f2328", 0.10),
                Color.web("#0969da"), Color.web("#ffffff", 0.55), Color.web("#1f2328", 0.35), 0.22);
        static final Theme DARK = new Theme(Color.web("#0d1117"), Color.web("#262c36"), Color.web("#1c2129"),
                Color.web("#2d333b"), Color.web("#444c56"), Color.web("#e6edf3"), Color.web("#9aa5b1"),
                Color.web("#6e7681"), Color.web("#5b6470"), Color.web("#5b6470", 0.40), Color.web("#000000", 0.45),
                Color.web("#4493f8"), Color.web("#0d1117", 0.55), Color.web("#e6edf3", 0.35), 0.30);
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
