package com.samplerlens.app.graph;

import com.samplerlens.app.graph.CanvasScene.CanvasGroup;
import com.samplerlens.app.graph.CanvasScene.CanvasLink;
import com.samplerlens.app.graph.CanvasScene.CanvasNode;
import com.samplerlens.app.graph.CanvasScene.Kind;
import com.samplerlens.app.graph.CanvasScene.Slot;
import com.samplerlens.app.graph.CanvasScene.Widget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws one canvas level the way ComfyUI's LiteGraph canvas draws it (title bar above the body,
 * slots in rows of 20, widgets below them, groups behind, spline links in the colour of their
 * type), and on top of that the attribution: a frame and a title-bar band in each sampler's
 * colour, sampler badges above the node. Everything is drawn by hand on a canvas because a scene
 * node per graph node would be far too slow for graphs of hundreds of nodes.
 */
final class CanvasPainter {

    /** ComfyUI's node title and text size (LiteGraph NODE_TEXT_SIZE). */
    static final double TITLE_FONT = 14;
    /** ComfyUI's widget and slot text size (LiteGraph NODE_SUBTEXT_SIZE). */
    static final double SMALL_FONT = 12;
    /** Titles never shrink below this many pixels while they are drawn at all. */
    static final double MIN_TITLE_PX = 9.5;
    /** Below this scale titles are left out (the title bar is too thin to hold them). */
    static final double TITLE_MIN_SCALE = 0.36;
    /** Below this scale slots and widgets are left out, as LiteGraph's low-quality mode does. */
    static final double DETAIL_MIN_SCALE = 0.45;
    static final double RADIUS = 8;
    /**
     * Below this scale shadows and widget outlines are left out: a stroke is the dearest shape for
     * the software rasteriser and at this size the outline is a blur of one pixel anyway.
     */
    static final double FINE_SCALE = 0.8;
    /**
     * Below this scale nodes are plain rectangles and slots and widgets are left out, as in
     * LiteGraph's low-quality mode (the same threshold as {@link #DETAIL_MIN_SCALE}).
     */
    static final double PLAIN_SCALE = 0.45;
    /** Below this scale links are straight lines (LiteGraph's low-quality threshold). */
    static final double CURVE_MIN_SCALE = 0.6;
    /** Slot names, widget values and note text smaller than this are blur: left out, which also keeps zoomed-out frames cheap. */
    static final double MIN_SMALL_PX = 6;
    private static final double BADGE_PX = 15;
    private static final Color BADGE_STROKE_DARK = Color.web("#000000", 0.5);
    private static final Color BADGE_STROKE_LIGHT = Color.web("#000000", 0.3);
    private static final Color TITLE_DOT_DARK = Color.web("#666666");
    private static final Color TITLE_DOT_LIGHT = Color.web("#cccccc");

    /** A title as it was drawn in the last frame: for the tests that check legibility. */
    record DrawnTitle(String nodeId, String title, String drawn, double fontPx, double nodeWidthPx, double fullTextPx,
                      double roomPx, Bounds titleBar) {}

    /** A badge as it was drawn in the last frame. */
    record DrawnBadge(String nodeId, String text, Bounds bounds) {}

    private final List<DrawnTitle> titles = new ArrayList<>();
    private final List<DrawnBadge> badges = new ArrayList<>();
    private final Map<String, Double> titleWidths = new HashMap<>();
    private final Map<String, Double> smallWidths = new HashMap<>();
    private final Text measurer = new Text();
    private final Font titleBase = Font.font("System", FontWeight.NORMAL, TITLE_FONT);
    private final Font smallBase = Font.font("System", FontWeight.NORMAL, SMALL_FONT);
    private final Map<Long, Font> fonts = new HashMap<>();
    private final Sprites sprites = new Sprites();
    /** Wrapped lines of prompt and note text by text and room (in font sizes): wrapping measures, so it is done once per look. */
    private final Map<WrapKey, List<String>> wrapped = new HashMap<>();

    private record WrapKey(String text, long roomInFonts) {}

    List<DrawnTitle> titles() { return List.copyOf(titles); }
    List<DrawnBadge> badges() { return List.copyOf(badges); }

    /** What one frame needs to know. */
    record Frame(GraphicsContext g, CanvasTheme t, double s, double tx, double ty, double w, double h,
                 LevelLooks looks, String selected, String hovered, String highlighted) {
        double sx(double x) { return x * s + tx; }
        double sy(double y) { return y * s + ty; }
    }

    void paint(Frame f, CanvasScene.Level level, ImagePattern hatch) {
        titles.clear();
        badges.clear();
        GraphicsContext g = f.g();
        for (CanvasGroup group : level.groups()) drawGroup(f, group);
        drawLinks(f, level);
        List<CanvasNode> marked = new ArrayList<>();
        for (CanvasNode n : level.nodes()) {
            if (!visible(f, n, 40)) continue;
            drawNode(f, n, hatch);
            marked.add(n);
        }
        // badges last, so a neighbour never covers them
        for (CanvasNode n : marked) drawBadges(f, n, marked);
        g.setGlobalAlpha(1);
        g.setLineDashes();
    }

    private static boolean visible(Frame f, CanvasNode n, double margin) {
        double x = f.sx(n.x()), y = f.sy(n.top());
        return x <= f.w() + margin && y <= f.h() + margin && x + n.width() * f.s() >= -margin && y + n.fullHeight() * f.s() >= -margin;
    }

    // ---------------------------------------------------------------- groups and links

    private void drawGroup(Frame f, CanvasGroup group) {
        GraphicsContext g = f.g();
        double x = f.sx(group.x()), y = f.sy(group.y()), w = group.width() * f.s(), h = group.height() * f.s();
        if (x > f.w() || y > f.h() || x + w < 0 || y + h < 0) return;
        Color c = f.t().custom(group.color(), Color.web(CanvasScenes.DEFAULT_GROUP_COLOUR));
        double titleH = group.fontSize() * 1.4 * f.s();
        g.setGlobalAlpha(0.25);
        g.setFill(c);
        fillRound(f, x, y, w, h, 4 * f.s(), true);
        g.setGlobalAlpha(0.4);
        clippedRect(f, x, y, w, Math.min(titleH, h));
        g.setGlobalAlpha(1);
        double font = group.fontSize() * f.s();
        if (font >= 7) {
            g.setFill(f.t().dark() ? Color.web("#dddddd") : Color.web("#222222"));
            g.setFont(font(font, true));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            fillFitted(g, group.title(), x + 8 * f.s(), y + titleH / 2, w - 16 * f.s(), font, true);
        }
    }

    /**
     * The links in view, each its own stroke: one path holding many links would make the
     * software rasteriser sweep the whole box around them, row by row, for every colour. Below
     * {@link #CURVE_MIN_SCALE} a link is a straight line, as LiteGraph's low-quality mode draws
     * it: its curve is a few pixels and the line needs no subdivision.
     */
    private void drawLinks(Frame f, CanvasScene.Level level) {
        GraphicsContext g = f.g();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineDashes();
        for (CanvasLink link : level.links()) drawLink(f, level, link);
        g.setGlobalAlpha(1);
    }

    private void drawLink(Frame f, CanvasScene.Level level, CanvasLink link) {
        CanvasNode from = level.node(link.from());
        CanvasNode to = level.node(link.to());
        if (from == null || to == null) return;
        double[] a = from.outputPoint(link.fromSlot());
        double[] b = to.inputPoint(link.toSlot());
        double x1 = f.sx(a[0]), y1 = f.sy(a[1]), x2 = f.sx(b[0]), y2 = f.sy(b[1]);
        // the curve lies within its control points: from each end a quarter of its length sideways
        double d = Math.hypot(x2 - x1, y2 - y1) * 0.25 + 10;
        if (Math.max(x1 + d, x2) < 0 || Math.min(x1, x2 - d) > f.w() || Math.max(y1, y2) < -10 || Math.min(y1, y2) > f.h() + 10) return;
        NodeLook la = f.looks().of(link.from());
        NodeLook lb = f.looks().of(link.to());
        boolean faded = !la.upstream() || !lb.upstream();
        boolean onPath = f.highlighted() != null && member(la, f.highlighted()) && (member(lb, f.highlighted()) || link.to().equals(f.highlighted()));
        GraphicsContext g = f.g();
        g.setGlobalAlpha(f.highlighted() != null && !onPath ? 0.2 : faded ? 0.3 : 0.9);
        g.setStroke(f.t().slot(link.type()));
        g.setLineWidth(Math.max(1, (onPath ? 6 : 3) * f.s()));
        if (f.s() < CURVE_MIN_SCALE) {
            g.strokeLine(x1, y1, x2, y2);
            return;
        }
        // LiteGraph's spline: control points a quarter of the distance out, horizontally
        double c = Math.hypot(x2 - x1, y2 - y1) * 0.25;
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(x1 + c, y1, x2 - c, y2, x2, y2);
        g.stroke();
    }

    private static boolean member(NodeLook l, String sampler) {
        for (NodeLook.SamplerMark m : l.memberships()) if (m.nodeId().equals(sampler)) return true;
        return false;
    }

    // ---------------------------------------------------------------- nodes

    private void drawNode(Frame f, CanvasNode n, ImagePattern hatch) {
        GraphicsContext g = f.g();
        CanvasTheme t = f.t();
        double s = f.s();
        NodeLook look = f.looks().of(n.id());
        double x = f.sx(n.x()), top = f.sy(n.top()), body = f.sy(n.y());
        double w = n.width() * s, fullH = n.fullHeight() * s, titleH = body - top;
        double r = Math.min(RADIUS * s, Math.min(w, Math.max(fullH, 1)) / 2);
        boolean dimmed = f.highlighted() != null && !member(look, f.highlighted()) && !n.id().equals(f.highlighted());
        double alpha = !look.upstream() ? 0.35 : dimmed ? 0.45 : 1;
        if (n.mode() == 2) alpha *= 0.5;
        g.setGlobalAlpha(alpha);

        if (n.kind() == Kind.SUBGRAPH_INPUTS || n.kind() == Kind.SUBGRAPH_OUTPUTS) {
            drawBoundary(f, n, x, top, w, fullH, r);
            g.setGlobalAlpha(1);
            return;
        }
        if (n.kind() == Kind.REROUTE) {
            g.setFill(t.nodeBody());
            g.fillRoundRect(x, top, w, fullH, fullH, fullH);
            g.setFill(t.slot(n.outputs().isEmpty() ? "" : n.outputs().getFirst().type()));
            double d = Math.min(10 * s, fullH * 0.6);
            g.fillOval(x + w / 2 - d / 2, top + fullH / 2 - d / 2, d, d);
            drawFrame(f, n, look, x, top, w, fullH, r);
            g.setGlobalAlpha(1);
            return;
        }

        Color titleColour = t.custom(n.color(), n.kind() == Kind.NOTE ? Color.web("#443322") : t.nodeTitle());
        Color bodyColour = t.custom(n.bgcolor(), n.kind() == Kind.NOTE ? Color.web("#665533") : t.nodeBody());
        if (!t.dark() && n.kind() == Kind.NOTE && n.color() == null) titleColour = titleColour.interpolate(Color.WHITE, 0.5);
        if (!t.dark() && n.kind() == Kind.NOTE && n.bgcolor() == null) bodyColour = bodyColour.interpolate(Color.WHITE, 0.5);
        if (s < PLAIN_SCALE) {
            drawPlainNode(f, n, look, x, top, w, fullH, titleH, titleColour, bodyColour, hatch);
            g.setGlobalAlpha(1);
            return;
        }
        if (s >= FINE_SCALE && w * fullH < BIG_SHAPE * 20) {
            g.setFill(t.shadow());
            fillRound(f, x + 3 * s, top + 3 * s, w, fullH, r, true);
        }
        if (!n.collapsed()) {
            g.setFill(bodyColour);
            fillRound(f, x, top + titleH, w, fullH - titleH, r, false, true);
            g.setFill(titleColour);
            fillRound(f, x, top, w, titleH, r, true, false);
        } else {
            g.setFill(titleColour);
            fillRound(f, x, top, w, fullH, r, true);
        }
        if (n.mode() == 4) { // bypassed: ComfyUI's magenta wash
            g.setFill(BYPASS_WASH);
            fillRound(f, x, top, w, fullH, r, true);
        }
        drawBand(f, look, x, top, w, titleH, r, hatch);
        drawFrame(f, n, look, x, top, w, fullH, r);

        boolean selected = n.id().equals(f.selected());
        if (selected || n.id().equals(f.hovered())) {
            double o = (look.memberships().isEmpty() && !look.shared() ? 3 : 9) * s + (look.save() ? 5 * s : 0);
            g.setStroke(selected ? t.boxOutline() : t.boxOutline().deriveColor(0, 1, 1, 0.45));
            g.setLineDashes();
            strokeRound(f, x - o, top - o, w + 2 * o, fullH + 2 * o, r + o, selected ? 2 : 1.2);
        }

        drawTitle(f, n, x, top, w, titleH, selected, titleColour, bodyColour);
        if (!n.collapsed() && s >= DETAIL_MIN_SCALE) drawBody(f, n, x, body, w, n.bodyHeight() * s);
        g.setGlobalAlpha(1);
    }

    /**
     * A node zoomed out, as LiteGraph's low-quality mode draws it: square rectangles, which the
     * software renderer fills directly, where rounded shapes and strokes go through its path
     * rasteriser. The attribution stays: band stripes, one ring per sampler, the save ring.
     */
    private void drawPlainNode(Frame f, CanvasNode n, NodeLook look, double x, double top, double w, double fullH, double titleH,
                               Color titleColour, Color bodyColour, ImagePattern hatch) {
        GraphicsContext g = f.g();
        double s = f.s();
        // on whole pixels: crisp edges, and a band of three pixels stays three solid rows (also
        // when the level is drawn into an image and that image is scaled)
        double right = Math.round(x + w), bottom = Math.round(top + fullH), titleBottom = Math.round(top + titleH);
        x = Math.round(x);
        top = Math.round(top);
        w = Math.max(1, right - x);
        fullH = Math.max(1, bottom - top);
        titleH = titleBottom - top;
        if (!n.collapsed()) {
            g.setFill(bodyColour);
            g.fillRect(x, top + titleH, w, fullH - titleH);
        }
        g.setFill(titleColour);
        g.fillRect(x, top, w, n.collapsed() ? fullH : titleH);
        if (n.mode() == 4) {
            g.setFill(BYPASS_WASH);
            g.fillRect(x, top, w, fullH);
        }
        List<NodeLook.SamplerMark> marks = look.memberships();
        double bandH = Math.max(3, Math.round(5 * s));
        if (marks.isEmpty() && look.shared()) {
            g.setFill(f.t().shared());
            g.fillRect(x, top, w, bandH);
        }
        double stripe = w / Math.max(1, marks.size());
        double o = 4 * s;
        double ringW = Math.max(look.sampler() != null ? 2.5 : 1.5, (look.sampler() != null ? 6 : 3.5) * s);
        for (int i = 0; i < marks.size(); i++) {
            NodeLook.SamplerMark m = marks.get(i);
            Color c = SamplerPalette.colour(m.colourIndex());
            g.setFill(m.traced() ? c : SamplerPalette.muted(c));
            g.fillRect(x + i * stripe, top, stripe, bandH);
            double oi = o + i * ringW;
            ring(g, x - oi, top - oi, w + 2 * oi, fullH + 2 * oi, ringW);
            if (!m.traced()) {
                g.setFill(hatch);
                g.fillRect(x + i * stripe, top, stripe, bandH);
            }
        }
        if (marks.isEmpty() && look.shared()) {
            g.setFill(f.t().shared());
            ring(g, x - o, top - o, w + 2 * o, fullH + 2 * o, Math.max(1, 2 * s));
        }
        if (look.save()) {
            double outer = plainOuter(f, look) - 3 * s - 2;
            g.setFill(f.t().boxOutline());
            ring(g, x - outer, top - outer, w + 2 * outer, fullH + 2 * outer, Math.max(1.5, 2.5 * s));
        }
        drawPlainSelection(f, n, look);
        drawTitle(f, n, x, top, w, titleH, n.id().equals(f.selected()), titleColour, bodyColour);
    }

    /** How far outside a plain node its selection ring lies: beyond its sampler rings and save ring. */
    private static double plainOuter(Frame f, NodeLook look) {
        double s = f.s();
        double ringW = Math.max(look.sampler() != null ? 2.5 : 1.5, (look.sampler() != null ? 6 : 3.5) * s);
        double outer = 4 * s + Math.max(0, look.memberships().size() - 1) * ringW;
        if (look.save()) outer += 5 * s;
        return outer + 3 * s + 2;
    }

    private void drawPlainSelection(Frame f, CanvasNode n, NodeLook look) {
        boolean selected = n.id().equals(f.selected());
        if (!selected && !n.id().equals(f.hovered())) return;
        GraphicsContext g = f.g();
        double so = plainOuter(f, look);
        double x = f.sx(n.x()), top = f.sy(n.top()), w = n.width() * f.s(), h = n.fullHeight() * f.s();
        g.setFill(selected ? f.t().boxOutline() : f.t().boxOutline().deriveColor(0, 1, 1, 0.45));
        ring(g, x - so, top - so, w + 2 * so, h + 2 * so, selected ? 2 : 1.2);
    }

    /**
     * What is drawn over a level taken from {@link LevelImage}: what keeps its size on screen
     * whatever the zoom (badges) and what changes without a redraw of the image (selection, hover).
     */
    void paintOverlay(Frame f, CanvasScene.Level level) {
        titles.clear();
        badges.clear();
        // zoomed this far out badges are drawn above nodes only: a node's neighbours are a few pixels away
        for (CanvasNode n : level.nodes()) {
            if (!visible(f, n, 40)) continue;
            if (n.id().equals(f.selected()) || n.id().equals(f.hovered())) drawPlainSelection(f, n, f.looks().of(n.id()));
            drawBadges(f, n, List.of());
        }
        f.g().setGlobalAlpha(1);
    }

    /** A square frame of line width {@code lw} centred on the rectangle's edge, as four filled edges. */
    private static void ring(GraphicsContext g, double x, double y, double w, double h, double lw) {
        double half = lw / 2;
        g.fillRect(x - half, y - half, w + lw, lw);
        g.fillRect(x - half, y + h - half, w + lw, lw);
        g.fillRect(x - half, y + half, lw, h - lw);
        g.fillRect(x + w - half, y + half, lw, h - lw);
    }

    private static final Color BYPASS_WASH = Color.web("#FF00FF", 0.3);

    /** The sampler band along the top of the title bar: one stripe per sampler, hatched when found but not written. */
    private void drawBand(Frame f, NodeLook look, double x, double top, double w, double titleH, double r, ImagePattern hatch) {
        GraphicsContext g = f.g();
        List<NodeLook.SamplerMark> marks = look.memberships();
        double bandH = Math.max(5 * f.s(), Math.min(3, titleH));
        if (marks.isEmpty()) {
            if (look.shared()) {
                g.setFill(f.t().shared());
                roundedTop(g, x, top, w, bandH, r);
            }
            return;
        }
        double stripe = w / marks.size();
        for (int i = 0; i < marks.size(); i++) {
            NodeLook.SamplerMark m = marks.get(i);
            Color c = SamplerPalette.colour(m.colourIndex());
            g.setFill(m.traced() ? c : SamplerPalette.muted(c));
            double sx = x + i * stripe;
            if (marks.size() == 1) roundedTop(g, x, top, w, bandH, r);
            else if (i == 0) roundedTopLeft(g, sx, top, stripe + 0.5, bandH, r, true);
            else if (i == marks.size() - 1) roundedTopLeft(g, sx, top, stripe, bandH, r, false);
            else g.fillRect(sx, top, stripe + 0.5, bandH);
            if (!m.traced()) {
                g.setFill(hatch);
                g.fillRect(sx, top, stripe, bandH);
            }
        }
    }

    /** The attribution frame just outside the node: its sampler's colour, dashed in turn when it belongs to several. */
    private void drawFrame(Frame f, CanvasNode n, NodeLook look, double x, double top, double w, double h, double r) {
        GraphicsContext g = f.g();
        double s = f.s();
        List<NodeLook.SamplerMark> marks = look.memberships();
        double o = 4 * s;
        if (marks.isEmpty()) {
            if (look.shared()) {
                g.setStroke(f.t().shared());
                g.setLineDashes();
                strokeRound(f, x - o, top - o, w + 2 * o, h + 2 * o, r + o, Math.max(1, 2 * s));
            }
        } else {
            boolean isSampler = look.sampler() != null;
            double width = Math.max(isSampler ? 2.5 : 1.5, (isSampler ? 6 : 3.5) * s);
            g.setLineWidth(width);
            double dash = Math.max(6, 18 * s);
            if (w * h >= BIG_SHAPE * 8) {
                // zoomed in: one solid frame per sampler, nested, instead of dashes around a huge shape
                for (int i = 0; i < marks.size(); i++) {
                    NodeLook.SamplerMark m = marks.get(i);
                    Color c = SamplerPalette.colour(m.colourIndex());
                    g.setStroke(m.traced() ? c : SamplerPalette.muted(c));
                    double oi = o + i * width;
                    strokeRound(f, x - oi, top - oi, w + 2 * oi, h + 2 * oi, r + oi, width);
                }
                marks = List.of();
            }
            for (int i = 0; i < marks.size(); i++) {
                NodeLook.SamplerMark m = marks.get(i);
                Color c = SamplerPalette.colour(m.colourIndex());
                g.setStroke(m.traced() ? c : SamplerPalette.muted(c));
                if (marks.size() > 1) {
                    g.setLineDashes(dash, dash * (marks.size() - 1));
                    g.setLineDashOffset(-i * dash);
                } else if (!m.traced()) {
                    g.setLineDashes(dash * 0.6, dash * 0.4);
                    g.setLineDashOffset(0);
                } else {
                    // one solid frame: as edges and corner arcs when big (strokeRound), the
                    // rasteriser's cost of a whole stroked rounded rectangle being most of a node's
                    g.setLineDashes();
                    strokeRound(f, x - o, top - o, w + 2 * o, h + 2 * o, r + o, width);
                    continue;
                }
                g.strokeRoundRect(x - o, top - o, w + 2 * o, h + 2 * o, (r + o) * 2, (r + o) * 2);
            }
            g.setLineDashes();
            g.setLineDashOffset(0);
        }
        if (look.save()) {
            double so = o + 5 * s + Math.max(0, look.memberships().size() - 1) * 3.5 * s;
            g.setStroke(f.t().boxOutline());
            g.setLineDashes();
            strokeRound(f, x - so, top - so, w + 2 * so, h + 2 * so, r + so, Math.max(1.5, 2.5 * s));
        }
    }

    private void drawTitle(Frame f, CanvasNode n, double x, double top, double w, double titleH, boolean selected,
                           Color titleColour, Color bodyColour) {
        double s = f.s();
        if (s < TITLE_MIN_SCALE || titleH < 8) return;
        GraphicsContext g = f.g();
        CanvasTheme t = f.t();
        // the round box ComfyUI draws at the left of the title bar
        double dot = 10 * s;
        disc(g, n.kind() == Kind.SUBGRAPH ? t.accent() : t.dark() ? TITLE_DOT_DARK : TITLE_DOT_LIGHT, x + titleH / 2, top + titleH / 2, dot, 0);
        double font = Math.min(Math.max(TITLE_FONT * s, MIN_TITLE_PX), titleH * 0.85);
        double left = x + titleH;
        double right = x + w - 8 * s - (n.kind() == Kind.SUBGRAPH ? 18 * s : 0);
        double room = right - left;
        Color text = selected ? t.selectedTitleText() : t.titleText();
        if (n.color() != null || n.kind() == Kind.NOTE) text = CanvasTheme.textOn(titleColour).deriveColor(0, 1, 1, 0.85);
        g.setFill(text);
        g.setFont(font(font, false));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String drawn = fillFitted(g, n.title(), left, top + titleH / 2, room, font, true);
        titles.add(new DrawnTitle(n.id(), n.title(), drawn, font, w, width(n.title(), font, true), room,
                new BoundingBox(x, top, w, titleH)));
        if (n.kind() == Kind.SUBGRAPH) {
            // ComfyUI marks a subgraph node with an icon at the right of its title: two stacked squares
            double a = 9 * s, ix = x + w - 8 * s - 14 * s, iy = top + titleH / 2 - a / 2;
            g.setStroke(text);
            g.setLineWidth(Math.max(1, 1.4 * s));
            g.strokeRect(ix, iy + 3 * s, a, a);
            g.strokeRect(ix + 4 * s, iy - 1 * s, a, a);
        }
    }

    private void drawBody(Frame f, CanvasNode n, double x, double y, double w, double h) {
        GraphicsContext g = f.g();
        CanvasTheme t = f.t();
        double s = f.s();
        double font = SMALL_FONT * s;
        boolean text = font >= MIN_SMALL_PX;
        g.setTextBaseline(VPos.CENTER);
        g.setFont(font(font, false));
        int rows = Math.max(n.inputs().size(), n.outputs().size());
        for (int i = 0; i < n.inputs().size(); i++) {
            Slot slot = n.inputs().get(i);
            double cy = y + (i + 0.7) * CanvasScene.SLOT_HEIGHT * s;
            if (cy > y + h) break;
            slotDot(g, t, slot, x + 10 * s, cy, s);
            if (text) {
                g.setFill(t.text());
                g.setTextAlign(TextAlignment.LEFT);
                fillFitted(g, slot.name(), x + 20 * s, cy, w / 2 - 22 * s, font, false);
            }
        }
        for (int i = 0; i < n.outputs().size(); i++) {
            Slot slot = n.outputs().get(i);
            double cy = y + (i + 0.7) * CanvasScene.SLOT_HEIGHT * s;
            if (cy > y + h) break;
            slotDot(g, t, slot, x + w - 10 * s, cy, s);
            if (text) {
                g.setFill(t.text());
                g.setTextAlign(TextAlignment.RIGHT);
                String name = fitted(slot.name(), w / 2 - 22 * s, font, false);
                g.fillText(name, x + w - 20 * s, cy);
            }
        }
        double wy = y + rows * CanvasScene.SLOT_HEIGHT * s + 6 * s;
        double bottom = y + h - 4 * s;
        if (n.kind() == Kind.NOTE) {
            drawTextBlock(f, n.text() == null ? "" : n.text(), x + 10 * s, wy, w - 20 * s, bottom - wy, font,
                    CanvasTheme.textOn(t.custom(n.bgcolor(), Color.web("#665533"))).deriveColor(0, 1, 1, 0.85), null);
            return;
        }
        if (n.kind() == Kind.SUBGRAPH) wy = drawInside(f, n, x, wy, w, bottom);
        double wh = CanvasScene.WIDGET_HEIGHT * s;
        double margin = 15 * s;
        for (Widget widget : n.widgets()) {
            if (wy + wh > bottom) break;
            if (widget.multiline()) {
                double boxH = Math.min(bottom - wy, Math.max(80 * s, (bottom - wy) / Math.max(1, countMultiline(n))));
                if (boxH < wh) break;
                drawTextBlock(f, widget.value(), x + margin, wy, w - 2 * margin, boxH, font, t.widgetText(), t.widgetBg());
                wy += boxH + 4 * s;
                continue;
            }
            pill(g, t.widgetBg(), x + margin, wy, w - 2 * margin, wh);
            if (s >= FINE_SCALE) {
                g.setStroke(t.widgetOutline());
                g.setLineWidth(Math.max(0.6, s));
                g.strokeRoundRect(x + margin, wy, w - 2 * margin, wh, wh, wh);
            }
            if (text) {
                double mid = wy + wh / 2;
                double inner = w - 2 * margin - 2 * 14 * s;
                String value = fitted(widget.value(), inner * (widget.name().isEmpty() ? 1 : 0.62), font, false);
                double valueW = width(value, font, false);
                g.setTextAlign(TextAlignment.LEFT);
                g.setFill(t.widgetSecondaryText());
                fillFitted(g, widget.name(), x + margin + 14 * s, mid, inner - valueW - 8 * s, font, false);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(t.widgetText());
                g.fillText(value, x + w - margin - 14 * s, mid);
            }
            wy += wh + 4 * s;
        }
    }

    private static int countMultiline(CanvasNode n) {
        int c = 0;
        for (Widget w : n.widgets()) if (w.multiline()) c++;
        return c;
    }

    /** A subgraph node lists the samplers it holds, each in its colour, and how to open it. */
    private double drawInside(Frame f, CanvasNode n, double x, double y, double w, double bottom) {
        GraphicsContext g = f.g();
        double s = f.s();
        double font = SMALL_FONT * s;
        double row = 22 * s;
        List<NodeLook.SamplerMark> inside = f.looks().samplersInside(n.id());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font(font, false));
        if (y + row <= bottom) {
            g.setFill(f.t().widgetSecondaryText());
            g.fillText(inside.isEmpty() ? "no sampler inside · double-click to open" : "samplers inside · double-click to open",
                    x + 15 * s, y + row / 2);
            y += row;
        }
        for (NodeLook.SamplerMark m : inside) {
            if (y + row > bottom) break;
            Color c = SamplerPalette.colour(m.colourIndex());
            Color fill = m.traced() ? c : SamplerPalette.muted(c);
            g.setFill(fill);
            g.fillRoundRect(x + 15 * s, y + 2 * s, w - 30 * s, row - 4 * s, row - 4 * s, row - 4 * s);
            g.setFill(CanvasTheme.textOn(fill));
            g.setFont(font(font, true));
            fillFitted(g, m.badge() + "  #" + m.nodeId(), x + 25 * s, y + row / 2, w - 50 * s, font, true);
            g.setFont(font(font, false));
            y += row;
        }
        return y + 4 * s;
    }

    private void drawTextBlock(Frame f, String text, double x, double y, double w, double h, double font, Color colour, Color bg) {
        GraphicsContext g = f.g();
        if (h <= 0 || w <= 0) return;
        if (bg != null) {
            g.setFill(bg);
            g.fillRoundRect(x, y, w, h, 6 * f.s(), 6 * f.s());
        }
        if (font < MIN_SMALL_PX) return;
        double pad = 6 * f.s();
        double line = font * 1.3;
        g.setFill(colour);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(font(font, false));
        double cy = y + pad;
        for (String l : wrapOnce(text, w - 2 * pad, font)) {
            if (cy + line > y + h - pad / 2) break;
            g.fillText(l, x + pad, cy);
            cy += line;
        }
        g.setTextBaseline(VPos.CENTER);
    }

    /**
     * {@link #wrap}, kept: lines depend on the room measured in font sizes only (glyphs scale
     * linearly), so a zoom that changes both alike reuses them; the room is kept to a tenth of a font size.
     */
    private List<String> wrapOnce(String text, double width, double font) {
        WrapKey key = new WrapKey(text, Math.round(width / font * 10));
        List<String> lines = wrapped.get(key);
        if (lines == null) {
            if (wrapped.size() > 4_000) wrapped.clear();
            lines = List.copyOf(wrap(text, key.roomInFonts() / 10.0 * font, font));
            wrapped.put(key, lines);
        }
        return lines;
    }

    /** Breaks text into lines of about {@code width}, by words, estimating from each paragraph's measured width. */
    private List<String> wrap(String text, double width, double font) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", 40)) {
            if (lines.size() > 40) break;
            if (para.isEmpty()) {
                lines.add("");
                continue;
            }
            double perChar = Math.max(width(para.length() > 400 ? para.substring(0, 400) : para, font, false)
                    / Math.min(para.length(), 400), 1);
            int max = Math.max(4, (int) (width / perChar));
            int start = 0;
            while (start < para.length() && lines.size() <= 40) {
                int end = Math.min(para.length(), start + max);
                if (end < para.length()) {
                    int space = para.lastIndexOf(' ', end);
                    if (space > start + max / 3) end = space;
                }
                lines.add(para.substring(start, end).strip());
                start = end;
                while (start < para.length() && para.charAt(start) == ' ') start++;
            }
        }
        return lines;
    }

    /** A slot's dot: filled when linked, a ring (a stroke of the same circle) when not; copied from a sprite. */
    private void slotDot(GraphicsContext g, CanvasTheme t, Slot slot, double cx, double cy, double s) {
        double d = 9 * s;
        Color c = t.slot(slot.type());
        if (slot.linked()) {
            disc(g, c, cx, cy, d, 0);
        } else {
            double lw = Math.max(0.8, 1.5 * s);
            disc(g, c, cx, cy, d + lw, lw);
        }
    }

    /** A disc (a ring of width {@code ring} when ring > 0) centred on (cx, cy), copied from its sprite. */
    private void disc(GraphicsContext g, Color c, double cx, double cy, double d, double ring) {
        javafx.scene.image.Image image = sprites.round(c, d, ring, Sprites.WHOLE);
        double half = Sprites.side(d) / 2.0;
        // on whole pixels: an unshifted copy is a plain blit, a shifted one is resampled
        g.drawImage(image, Math.round(cx - half), Math.round(cy - half));
    }

    /**
     * A pill (a rounded rectangle with round ends) from two half-disc sprites and a rectangle
     * between them, on whole pixels with an even height so the three pieces meet without a seam.
     */
    private void pill(GraphicsContext g, Color c, double x, double y, double w, double h) {
        double ph = Math.max(2, 2 * Math.round(h / 2));
        double px = Math.round(x), py = Math.round(y), pw = Math.round(w);
        if (pw < ph) {
            g.setFill(c);
            g.fillRoundRect(x, y, w, h, h, h);
            return;
        }
        double r = ph / 2, pad = (Sprites.side(ph) - ph) / 2.0;
        g.drawImage(sprites.round(c, ph, 0, Sprites.LEFT_HALF), px - pad, py - pad);
        g.drawImage(sprites.round(c, ph, 0, Sprites.RIGHT_HALF), px + pw - r, py - pad);
        g.setFill(c);
        g.fillRect(px + r, py, pw - ph, ph);
    }

    private void drawBoundary(Frame f, CanvasNode n, double x, double top, double w, double h, double r) {
        GraphicsContext g = f.g();
        CanvasTheme t = f.t();
        double s = f.s();
        g.setFill(t.nodeBody().deriveColor(0, 1, t.dark() ? 0.8 : 0.95, 0.9));
        g.fillRoundRect(x, top, w, h, r * 2, r * 2);
        g.setStroke(t.widgetOutline());
        g.setLineWidth(1);
        g.strokeRoundRect(x, top, w, h, r * 2, r * 2);
        boolean in = n.kind() == Kind.SUBGRAPH_INPUTS;
        List<Slot> slots = in ? n.outputs() : n.inputs();
        double font = SMALL_FONT * s;
        g.setFont(font(font, false));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < slots.size(); i++) {
            double cy = f.sy(n.y()) + (i + 0.7) * CanvasScene.SLOT_HEIGHT * s;
            if (cy > top + h) break;
            slotDot(g, t, slots.get(i), in ? x + w - 10 * s : x + 10 * s, cy, s);
            if (font >= MIN_SMALL_PX) {
                g.setFill(t.text());
                g.setTextAlign(in ? TextAlignment.RIGHT : TextAlignment.LEFT);
                g.fillText(fitted(slots.get(i).name(), w - 30 * s, font, false), in ? x + w - 20 * s : x + 20 * s, cy);
            }
        }
    }

    // ---------------------------------------------------------------- badges

    /** Sampler badges (and SAVE) in a row above the node's top-right corner, outside the title: at most three, then "+N". */
    private void drawBadges(Frame f, CanvasNode n, List<CanvasNode> around) {
        NodeLook look = f.looks().of(n.id());
        List<NodeLook.SamplerMark> marks = new ArrayList<>();
        if (look.sampler() != null) marks.add(look.sampler());
        for (NodeLook.SamplerMark m : f.looks().samplersInside(n.id())) if (!marks.contains(m)) marks.add(m);
        for (NodeLook.SamplerMark m : look.memberships()) if (!marks.contains(m)) marks.add(m);
        if (marks.isEmpty() && !look.save()) return;
        double w = n.width() * f.s();
        if (w < 24) return;
        GraphicsContext g = f.g();
        double bh = BADGE_PX;
        double font = 10.5;
        g.setFont(font(font, true));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double gap = 4 * f.s() + 6;
        double y = f.sy(n.top()) - gap - bh;
        double right = f.sx(n.x()) + w;
        g.setGlobalAlpha(look.upstream() ? 1 : 0.5);
        List<String> labels = new ArrayList<>();
        List<NodeLook.SamplerMark> shown = new ArrayList<>();
        if (look.save()) {
            labels.add("SAVE");
            shown.add(null);
        }
        int room = 3;
        for (int i = 0; i < marks.size() && i < room; i++) {
            labels.add(marks.get(i).badge());
            shown.add(marks.get(i));
        }
        if (marks.size() > room) {
            labels.add("+" + (marks.size() - room));
            shown.add(null);
        }
        double[] widths = new double[labels.size()];
        double total = -3;
        for (int i = 0; i < labels.size(); i++) {
            widths[i] = width(labels.get(i), font, true) + 12;
            total += widths[i] + 3;
        }
        // above the node's right end; where another node lies there (workflows stack nodes tightly),
        // beside the title bar instead, right or left
        double titleH = (n.y() - n.top()) * f.s();
        double sideY = f.sy(n.top()) + (titleH - bh) / 2;
        double[][] places = {{right - total, y}, {right + 6, sideY}, {f.sx(n.x()) - 6 - total, sideY}};
        double[] place = places[0];
        // the first place in view and clear of other nodes; else the first that covers no other node's title
        search:
        for (boolean titlesOnly : new boolean[] {false, true}) {
            for (double[] p : places) {
                boolean inView = p[0] >= 0 && p[0] + total <= f.w() && p[1] >= 0;
                if (inView && !covers(f, n, around, p[0], p[1], total, bh, titlesOnly)) {
                    place = p;
                    break search;
                }
            }
        }
        double x0 = place[0];
        y = place[1];
        double bx = Math.round(x0);
        double by = Math.round(y);
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            NodeLook.SamplerMark m = shown.get(i);
            double bw = widths[i];
            Color fill = m == null ? (label.equals("SAVE") ? f.t().boxOutline() : f.t().widgetBg())
                    : m.traced() ? SamplerPalette.colour(m.colourIndex()) : SamplerPalette.muted(SamplerPalette.colour(m.colourIndex()));
            // on whole pixels: the badge is a copied image, sharp only unshifted
            Color stroke = f.t().dark() ? BADGE_STROKE_DARK : BADGE_STROKE_LIGHT;
            Color text = m == null && !label.equals("SAVE") ? f.t().widgetText() : CanvasTheme.textOn(fill);
            sprites.drawBadge(g, bx, by, label, fill, stroke, text, font(font, true), bw, bh);
            badges.add(new DrawnBadge(n.id(), label, new BoundingBox(bx, by, bw, bh)));
            bx = Math.round(bx + bw + 3);
        }
        g.setGlobalAlpha(1);
    }

    /** Whether a screen rectangle overlaps a node other than {@code n} (only their title bars when {@code titlesOnly}). */
    private static boolean covers(Frame f, CanvasNode n, List<CanvasNode> around, double x, double y, double w, double h, boolean titlesOnly) {
        for (CanvasNode o : around) {
            if (o == n) continue;
            double ox = f.sx(o.x()), oy = f.sy(o.top());
            double oh = (titlesOnly ? o.y() - o.top() : o.fullHeight()) * f.s();
            if (x < ox + o.width() * f.s() && ox < x + w && y < oy + oh && oy < y + h) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- text

    private Font font(double size, boolean bold) {
        long key = Math.round(size * 4) * 2 + (bold ? 1 : 0);
        return fonts.computeIfAbsent(key, k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, Math.round(size * 4) / 4.0));
    }

    /** The width of text at a font size, measured once per text at the base size and scaled (glyphs scale linearly). */
    double width(String text, double size, boolean title) {
        Map<String, Double> cache = title ? titleWidths : smallWidths;
        if (cache.size() > 20_000) cache.clear();
        Double base = cache.get(text);
        if (base == null) {
            measurer.setFont(title ? titleBase : smallBase);
            measurer.setText(text);
            base = measurer.getLayoutBounds().getWidth();
            cache.put(text, base);
        }
        return base * size / (title ? TITLE_FONT : SMALL_FONT);
    }

    /** The text as it fits {@code room}: whole, or cut with an ellipsis. */
    String fitted(String text, double room, double size, boolean title) {
        if (text == null || text.isEmpty() || room <= 0) return "";
        // a little slack: small sizes are hinted a bit wider than the scaled base measure
        if (width(text, size, title) * 1.04 <= room) return text;
        int lo = 0, hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(text.substring(0, mid) + "…", size, title) * 1.04 <= room) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "" : text.substring(0, lo) + "…";
    }

    private String fillFitted(GraphicsContext g, String text, double x, double y, double room, double size, boolean title) {
        String shown = fitted(text, room, size, title);
        if (!shown.isEmpty()) g.fillText(shown, x, y);
        return shown;
    }

    // ---------------------------------------------------------------- shapes

    /** Shapes bigger than this many square pixels are built from rectangles (see {@link #fillRound}). */
    private static final double BIG_SHAPE = 6_000;

    /**
     * A filled rounded rectangle. The software renderer rasterises a rounded shape over its whole
     * area, which zoomed in is the whole screen for every node in view; a big one is drawn as
     * pixel-aligned rectangles cut to the view plus a quarter disc in each corner, which it fills
     * directly. Written by hand because the renderer has no such fast path.
     */
    static void fillRound(Frame f, double x, double y, double w, double h, double r, boolean bottomCorners) {
        fillRound(f, x, y, w, h, r, true, bottomCorners);
    }

    static void fillRound(Frame f, double x, double y, double w, double h, double r, boolean topCorners, boolean bottomCorners) {
        GraphicsContext g = f.g();
        if (w <= 0 || h <= 0) return;
        r = Math.min(r, Math.min(w / 2, h / 2));
        if (w * h < BIG_SHAPE) {
            if (topCorners && bottomCorners) g.fillRoundRect(x, y, w, h, 2 * r, 2 * r);
            else if (topCorners) roundedTop(g, x, y, w, h, r);
            else if (bottomCorners) roundedBottom(g, x, y, w, h, r);
            else g.fillRect(x, y, w, h);
            return;
        }
        double x0 = Math.round(x), y0 = Math.round(y), x1 = Math.round(x + w), y1 = Math.round(y + h), rr = Math.round(r);
        double topR = topCorners ? rr : 0, bottomR = bottomCorners ? rr : 0;
        clippedRect(f, x0 + rr, y0, x1 - x0 - 2 * rr, y1 - y0);
        clippedRect(f, x0, y0 + topR, rr, y1 - y0 - topR - bottomR);
        clippedRect(f, x1 - rr, y0 + topR, rr, y1 - y0 - topR - bottomR);
        if (rr < 1) return;
        if (topCorners) {
            corner(f, x0, y0, rr, 90);
            corner(f, x1 - 2 * rr, y0, rr, 0);
        }
        if (bottomCorners) {
            corner(f, x0, y1 - 2 * rr, rr, 180);
            corner(f, x1 - 2 * rr, y1 - 2 * rr, rr, 270);
        }
    }

    private static void roundedBottom(GraphicsContext g, double x, double y, double w, double h, double r) {
        double rr = Math.min(r, Math.min(w / 2, h));
        g.beginPath();
        g.moveTo(x, y);
        g.lineTo(x + w, y);
        g.lineTo(x + w, y + h - rr);
        g.arcTo(x + w, y + h, x + w - rr, y + h, rr);
        g.lineTo(x + rr, y + h);
        g.arcTo(x, y + h, x, y + h - rr, rr);
        g.closePath();
        g.fill();
    }

    private static void corner(Frame f, double x, double y, double r, double start) {
        if (x > f.w() || y > f.h() || x + 2 * r < 0 || y + 2 * r < 0) return;
        f.g().fillArc(x, y, 2 * r, 2 * r, start, 90, javafx.scene.shape.ArcType.ROUND);
    }

    private static void clippedRect(Frame f, double x, double y, double w, double h) {
        double x0 = Math.max(x, -2), y0 = Math.max(y, -2), x1 = Math.min(x + w, f.w() + 2), y1 = Math.min(y + h, f.h() + 2);
        if (x1 > x0 && y1 > y0) f.g().fillRect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * A rounded frame of line width {@code lw}; a big one as four filled edges cut to the view and
     * four corner arcs (see {@link #fillRound}).
     */
    static void strokeRound(Frame f, double x, double y, double w, double h, double r, double lw) {
        GraphicsContext g = f.g();
        g.setLineWidth(lw);
        if (w * h < BIG_SHAPE) {
            g.strokeRoundRect(x, y, w, h, 2 * r, 2 * r);
            return;
        }
        r = Math.min(r, Math.min(w / 2, h / 2));
        javafx.scene.paint.Paint fill = g.getFill();
        g.setFill(g.getStroke());
        clippedRect(f, x + r, y - lw / 2, w - 2 * r, lw);
        clippedRect(f, x + r, y + h - lw / 2, w - 2 * r, lw);
        clippedRect(f, x - lw / 2, y + r, lw, h - 2 * r);
        clippedRect(f, x + w - lw / 2, y + r, lw, h - 2 * r);
        g.setFill(fill);
        if (r >= 1) {
            double[][] corners = {{x, y, 90}, {x + w - 2 * r, y, 0}, {x, y + h - 2 * r, 180}, {x + w - 2 * r, y + h - 2 * r, 270}};
            for (double[] c : corners) {
                if (c[0] > f.w() || c[1] > f.h() || c[0] + 2 * r < 0 || c[1] + 2 * r < 0) continue;
                g.strokeArc(c[0], c[1], 2 * r, 2 * r, c[2], 90, javafx.scene.shape.ArcType.OPEN);
            }
        }
    }

    private static void roundedTop(GraphicsContext g, double x, double y, double w, double h, double r) {
        if (w <= 0 || h <= 0) return;
        double rr = Math.min(r, Math.min(w / 2, h));
        g.beginPath();
        g.moveTo(x, y + h);
        g.lineTo(x, y + rr);
        g.arcTo(x, y, x + rr, y, rr);
        g.lineTo(x + w - rr, y);
        g.arcTo(x + w, y, x + w, y + rr, rr);
        g.lineTo(x + w, y + h);
        g.closePath();
        g.fill();
    }

    /** A band piece rounded only at its outer top corner: the left one or the right one. */
    private static void roundedTopLeft(GraphicsContext g, double x, double y, double w, double h, double r, boolean left) {
        if (w <= 0 || h <= 0) return;
        double rr = Math.min(r, Math.min(w / 2, h));
        g.beginPath();
        if (left) {
            g.moveTo(x, y + h);
            g.lineTo(x, y + rr);
            g.arcTo(x, y, x + rr, y, rr);
            g.lineTo(x + w, y);
            g.lineTo(x + w, y + h);
        } else {
            g.moveTo(x, y);
            g.lineTo(x + w - rr, y);
            g.arcTo(x + w, y, x + w, y + rr, rr);
            g.lineTo(x + w, y + h);
            g.lineTo(x, y + h);
        }
        g.closePath();
        g.fill();
    }
}
