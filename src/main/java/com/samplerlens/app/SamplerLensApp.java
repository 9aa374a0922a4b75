package com.samplerlens.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop app (placeholder window until the app issue lands). */
public final class SamplerLensApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("SamplerLens");
        stage.setScene(new Scene(new StackPane(new Label("SamplerLens")), 1280, 800));
        stage.show();
    }
}
