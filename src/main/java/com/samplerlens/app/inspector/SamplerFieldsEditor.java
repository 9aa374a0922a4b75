package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.edit.EditField;
import com.samplerlens.app.session.EditState;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.edit.SamplerField;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The fields of one traced sampler as written, each editable in place ({@code Sampler_N.field}).
 * In single-sampler mode Sampler_1 is the flat fields, which have no start or end step.
 */
final class SamplerFieldsEditor extends VBox {

    private final SessionViewModel vm;
    private final Label heading = new Label();
    private final GridPane grid = new GridPane();
    private final Map<SamplerField, EditField> fields = new EnumMap<>(SamplerField.class);
    private int sampler;
    private boolean multi;

    SamplerFieldsEditor(SessionViewModel vm) {
        this.vm = vm;
        setId("samplerFieldsEditor");
        setSpacing(6);
        heading.getStyleClass().add(Styles.TITLE_4);
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints caption = new ColumnConstraints();
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(caption, value, caption, value);
        getChildren().addAll(heading, grid);
        managedProperty().bind(visibleProperty());
        setVisible(false);
        vm.editing().editStateProperty().addListener((o, a, state) -> refresh(state));
    }

    /** Shows sampler {@code number} (0: none). */
    void select(int number) {
        sampler = number;
        rebuild(vm.editing().editStateProperty().get());
    }

    private void refresh(EditState state) {
        if (state.multiSampler() != multi || fields.isEmpty()) {
            rebuild(state);
            return;
        }
        show(state);
    }

    private void rebuild(EditState state) {
        multi = state.multiSampler();
        fields.clear();
        grid.getChildren().clear();
        boolean has = sampler > 0 && state.samplers().stream().anyMatch(s -> s.number() == sampler);
        setVisible(has);
        if (!has) return;
        heading.setText("Sampler_" + sampler + " fields" + (multi ? "" : " (the flat fields)"));
        int i = 0;
        for (SamplerField f : SamplerField.values()) {
            if (f == SamplerField.POSITIVE || f == SamplerField.NEGATIVE) continue; // the prompts are edited in the Output tab
            if (!multi && f.flat().isEmpty()) continue;
            EditField field = new EditField("samplerField-" + f.id(), text -> vm.editing().setSamplerField(sampler, f, text));
            field.setPrefWidth(120);
            fields.put(f, field);
            Label caption = new Label(f.label());
            caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            grid.add(caption, (i % 2) * 2, i / 2);
            grid.add(field, (i % 2) * 2 + 1, i / 2);
            i++;
        }
        show(state);
    }

    private void show(EditState state) {
        fields.forEach((f, field) -> field.show(state.samplerValue(sampler, f), state.samplerChanged(sampler, f)));
    }
}
