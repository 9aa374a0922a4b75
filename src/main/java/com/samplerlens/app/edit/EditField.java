package com.samplerlens.app.edit;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * One value the user may edit in place: committed with Enter or when the field loses focus (one
 * edit command each), Escape goes back to the value shown. A refused value stays in the field,
 * marked red, with the reason as its tooltip. An "edited" tag shows when the value differs from
 * the traced one.
 */
public final class EditField extends HBox {

    private final TextInputControl input;
    private final Label tag = new Label("edited");
    private final Function<String, Optional<String>> commit;
    private String shown = "";

    /** A one-line field. */
    public EditField(String id, Function<String, Optional<String>> commit) {
        this(new TextField(), id, commit);
        ((TextField) input).setOnAction(e -> commit());
    }

    /** Around any text control (a prompt's text area commits when it loses focus, or with Ctrl+Enter). */
    public EditField(TextInputControl input, String id, Function<String, Optional<String>> commit) {
        this.input = input;
        this.commit = commit;
        input.setId(id);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        input.setMaxWidth(Double.MAX_VALUE);
        tag.getStyleClass().add("edit-tag");
        tag.setId(id + "Edited");
        tag.managedProperty().bind(tag.visibleProperty());
        tag.setVisible(false);
        input.focusedProperty().addListener((o, was, focused) -> { if (!focused) commit(); });
        // a text field keeps Ctrl+Z for its own typing, which after a commit has nothing left to
        // undo: then the key goes to the app's undo (the edit just committed), as the menu says
        input.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean undoOrRedo = e.isShortcutDown() && (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y);
            if (!undoOrRedo || getScene() == null || !java.util.Objects.equals(input.getText(), shown)) return;
            for (var a : getScene().getAccelerators().entrySet()) {
                if (a.getKey().match(e)) {
                    e.consume();
                    a.getValue().run();
                    return;
                }
            }
        });
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show(shown, tag.isVisible());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                commit();
                e.consume();
            }
        });
        getChildren().addAll(input, tag);
    }

    /** Shows the current value; {@code edited}: an edit changed it from the traced one. */
    public void show(String value, boolean edited) {
        shown = value;
        input.setText(value);
        input.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        input.setTooltip(null);
        if (edited) {
            if (!input.getStyleClass().contains("edited")) input.getStyleClass().add("edited");
        } else {
            input.getStyleClass().remove("edited");
        }
        tag.setVisible(edited);
    }

    public boolean edited() { return tag.isVisible(); }

    private void commit() {
        String text = input.getText() == null ? "" : input.getText();
        if (text.equals(shown)) return;
        commit.apply(text).ifPresent(reason -> {
            input.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            input.setTooltip(new Tooltip(reason));
        });
    }
}
