package com.samplerlens.app.edit;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.session.EditState;
import com.samplerlens.app.session.EditsModel;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.edit.FlatField;
import com.samplerlens.core.edit.PromptKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The edit section of the Output tab: the prompts, the flat fields (each with a button that
 * leaves its key out), the user's own keys, and the history of edits with undo, redo and reset.
 * Every change is one edit command of the session's history.
 */
public final class EditPane extends VBox {

    private static final PseudoClass UNDONE = PseudoClass.getPseudoClass("undone");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final SessionViewModel vm;
    private final Map<PromptKind, EditField> prompts = new EnumMap<>(PromptKind.class);
    private final Map<FlatField, EditField> fields = new EnumMap<>(FlatField.class);
    private final Map<FlatField, Label> removedTags = new EnumMap<>(FlatField.class);
    private final VBox ownKeys = new VBox(4);
    private final Label problem = new Label();

    public EditPane(SessionViewModel vm) {
        this.vm = vm;
        setId("editPane");
        setSpacing(8);

        Label count = new Label();
        count.setId("editCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.editing().editStateProperty().map(s -> s.count() == 0 ? "no edits" : s.count() == 1 ? "1 edit" : s.count() + " edits"));
        Button undo = small("Undo", vm.editing()::undo);
        undo.disableProperty().bind(vm.editing().canUndoProperty().not());
        undo.setTooltip(new Tooltip("Undo the last edit (Ctrl+Z)"));
        Button redo = small("Redo", vm.editing()::redo);
        redo.disableProperty().bind(vm.editing().canRedoProperty().not());
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z or Ctrl+Y)"));
        Button reset = small("Reset to traced", vm.editing()::resetToTraced);
        reset.setId("resetToTraced");
        reset.disableProperty().bind(vm.editing().editStateProperty().map(s -> s.count() == 0));
        HBox head = new HBox(8, heading("Edit"), count, spacer(), undo, redo, reset);
        head.setAlignment(Pos.CENTER_LEFT);

        problem.setId("editProblem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());

        getChildren().addAll(head, prompt(PromptKind.POSITIVE, "promptText"), prompt(PromptKind.NEGATIVE, "negativeText"),
                caption("Fields"), fieldsGrid(), caption("Your keys"), ownKeys, addKeyRow(), removeKeyRow(), problem,
                caption("History"), historyList());
        disableProperty().bind(vm.editing().editStateProperty().map(s -> !s.editable()));
        vm.editing().editStateProperty().addListener((o, a, s) -> show(s));
        show(vm.editing().editStateProperty().get());
    }

    private VBox prompt(PromptKind kind, String id) {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.setPromptText(kind.label() + " (applied when you leave the field, or Ctrl+Enter)");
        EditField field = new EditField(area, id, text -> report(vm.editing().replacePrompt(kind, text)));
        prompts.put(kind, field);
        return new VBox(2, caption(kind.label()), field);
    }

    private GridPane fieldsGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), value);
        int row = 0;
        for (FlatField f : FlatField.values()) {
            EditField field = new EditField("flatField-" + f.key().replace(' ', '_'), text -> report(vm.editing().setFlatField(f, text)));
            fields.put(f, field);
            Label removed = new Label("left out");
            removed.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
            removed.managedProperty().bind(removed.visibleProperty());
            removedTags.put(f, removed);
            Button remove = small("✕", () -> report(vm.editing().removeKey(f.renderedKey())));
            remove.setId("remove-" + f.key().replace(' ', '_'));
            remove.setTooltip(new Tooltip("Leave " + f.renderedKey() + " out of the parameters"));
            HBox cell = new HBox(6, field, removed, remove);
            cell.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(field, Priority.ALWAYS);
            Label name = new Label(f.key());
            name.getStyleClass().add(Styles.TEXT_SMALL);
            grid.addRow(row++, name, cell);
        }
        return grid;
    }

    private HBox addKeyRow() {
        TextField key = new TextField();
        key.setId("newKeyName");
        key.setPromptText("key");
        key.setPrefColumnCount(8);
        TextField value = new TextField();
        value.setId("newKeyValue");
        value.setPromptText("value");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button add = small("Add key", () -> {
            if (report(vm.editing().addKey(key.getText(), value.getText())).isEmpty()) {
                key.clear();
                value.clear();
            }
        });
        add.setId("addKey");
        add.disableProperty().bind(key.textProperty().isEmpty());
        value.setOnAction(e -> add.fire());
        HBox row = new HBox(6, key, value, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox removeKeyRow() {
        TextField key = new TextField();
        key.setId("removeKeyName");
        key.setPromptText("any key of the parameters line: Hashes, Sampler_2 …");
        HBox.setHgrow(key, Priority.ALWAYS);
        Button remove = small("Leave out", () -> {
            if (report(vm.editing().removeKey(key.getText())).isEmpty()) key.clear();
        });
        remove.disableProperty().bind(key.textProperty().isEmpty());
        key.setOnAction(e -> remove.fire());
        HBox row = new HBox(6, key, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private ListView<EditsModel.HistoryEntry> historyList() {
        ListView<EditsModel.HistoryEntry> list = new ListView<>(vm.editing().history());
        list.setId("historyList");
        list.getStyleClass().add("history-list");
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("No edits yet"));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setOnMouseClicked(e -> { if (getItem() != null && !getItem().current()) vm.editing().jumpTo(getItem().position()); });
            }

            @Override
            protected void updateItem(EditsModel.HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.description());
                pseudoClassStateChanged(UNDONE, !empty && h != null && !h.done());
                pseudoClassStateChanged(CURRENT, !empty && h != null && h.current());
            }
        });
        return list;
    }

    private void show(EditState s) {
        prompts.forEach((k, f) -> f.show(s.prompt(k), s.promptChanged(k)));
        fields.forEach((k, f) -> f.show(s.flatValue(k), s.flatChanged(k)));
        removedTags.forEach((k, tag) -> tag.setVisible(s.removed(k.renderedKey())));
        ownKeys.getChildren().clear();
        s.ownKeys().forEach((key, value) -> {
            Label text = new Label(key + ": " + value);
            text.getStyleClass().add("edit-tag");
            text.setWrapText(true);
            Button remove = small("✕", () -> report(vm.editing().removeKey(key)));
            remove.setId("removeOwnKey-" + key);
            HBox row = new HBox(6, text, spacer(), remove);
            row.setAlignment(Pos.CENTER_LEFT);
            ownKeys.getChildren().add(row);
        });
        if (s.ownKeys().isEmpty()) {
            Label none = new Label("none: add one below (written after Hashes, sorted)");
            none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            ownKeys.getChildren().add(none);
        }
    }

    /** Shows why an edit was refused (or clears the message); returns the reason. */
    private Optional<String> report(Optional<String> reason) {
        problem.setText(reason.orElse(""));
        return reason;
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
