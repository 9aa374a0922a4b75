package com.samplerlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
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

    /**
     * The layers inside the core, lowest first (docs/architecture.md): each may use the ones before
     * it, never one after it. graph ← trace ← capture ← render ← edit ← plan ← write, with io,
     * json, hash and container at the bottom and inspect (the composition root) on top.
     */
    static final List<String> CORE_LAYERS = List.of("io", "json", "hash", "container", "graph", "trace", "capture", "render", "edit",
            "fallback", "write", "inspect");

    @Test
    void coreLayersPointDownwardsOnly() {
        for (int i = 0; i < CORE_LAYERS.size(); i++) {
            String[] above = CORE_LAYERS.subList(i + 1, CORE_LAYERS.size()).stream().map(l -> "com.samplerlens.core." + l + "..").toArray(String[]::new);
            if (above.length == 0) continue;
            noClasses().that().resideInAPackage("com.samplerlens.core." + CORE_LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because("core." + CORE_LAYERS.get(i) + " sits below " + String.join(", ", CORE_LAYERS.subList(i + 1, CORE_LAYERS.size())))
                    .check(MAIN);
        }
    }

    @Test
    void everyCorePackageIsALayer() {
        for (JavaClass c : MAIN) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("com.samplerlens.core.")) continue;
            String top = pkg.substring("com.samplerlens.core.".length()).split("\\.")[0];
            assertTrue(CORE_LAYERS.contains(top), "core." + top + " is in no layer of LayeringTest and docs/architecture.md");
        }
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("com.samplerlens.core.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void cliDoesNotUseTheApp() {
        noClasses().that().resideInAPackage("com.samplerlens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.samplerlens.app..", "javafx..")
                .check(MAIN);
    }
}
