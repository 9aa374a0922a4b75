package com.samplerlens.app.shell;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A side-panel tab whose content is built the first time it is shown (or asked for). A hidden
 * tab's controls would otherwise get their skins and CSS before the first frame, which at start-up
 * costs more than the graph itself.
 */
final class LazyTab<T extends Node> extends Tab {

    private Function<LazyTab<T>, T> build;
    private T built;

    LazyTab(String text, String id, Supplier<T> build) {
        this(text, id, tab -> build.get());
    }

    /** For content that needs its tab (to know when it is shown, say). */
    LazyTab(String text, String id, Function<LazyTab<T>, T> build) {
        super(text);
        setId(id);
        this.build = build;
        selectedProperty().addListener((o, was, selected) -> {
            if (selected) content();
        });
    }

    /** The content, built now if it has not been. */
    T content() {
        if (built == null) {
            built = build.apply(this);
            build = null;
            setContent(built);
        }
        return built;
    }

    boolean isBuilt() {
        return built != null;
    }
}
