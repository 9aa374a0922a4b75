package com.samplerlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, enforced: the core knows nothing of JavaFX, the CLI or the app. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.samplerlens");

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideInAPackage("com.samplerlens.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.eclipse.elk..")
                .check(MAIN);
    }

    @Test
    void coreDoesNotReachOutward() {
        noClasses().that().resideInAPackage("com.samplerlens.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.samplerlens.cli..", "com.samplerlens.app..", "picocli..")
                .check(MAIN);
    }

    @Test
    void cliDoesNotUseTheApp() {
        noClasses().that().resideInAPackage("com.samplerlens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.samplerlens.app..", "javafx..")
                .check(MAIN);
    }
}
