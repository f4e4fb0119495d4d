package org.corpusbench;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package layout is the architecture (issue 13): layers that use only the layers below them, and no
 * cycle between any two packages. Diagnostics and Model are leaves that use no other layer. The layer list
 * here and the one in docs/architecture.md must agree.
 */
class ArchitectureTest {

    /** A layer and the packages it holds, bottom first. */
    record Layer(String name, String... packages) {
    }

    static final List<Layer> LAYERS = List.of(
            new Layer("Diagnostics", "org.corpusbench.diagnostic.."),
            new Layer("Model", "org.corpusbench.model.."),
            new Layer("Internal", "org.corpusbench.internal.."),
            new Layer("Tags", "org.corpusbench.tags.."),
            new Layer("Text", "org.corpusbench.text.."),
            new Layer("Formats", "org.corpusbench.format.."),
            new Layer("Schema", "org.corpusbench.schema.."),
            new Layer("Datasets", "org.corpusbench.dataset.."),
            new Layer("Evaluators", "org.corpusbench.eval.."),
            new Layer("Evaluation", "org.corpusbench.evaluation.."),
            new Layer("Agreement", "org.corpusbench.agreement.."),
            new Layer("Baselines", "org.corpusbench.baseline.."),
            new Layer("Application", "org.corpusbench.leaderboard..", "org.corpusbench.bench.."),
            new Layer("Spark", "org.corpusbench.spark.."),
            new Layer("Cli", "org.corpusbench.cli.."));

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corpusbench");

    @Test
    void everyPackageBelongsToALayer() {
        List<String> unplaced = new ArrayList<>();
        MAIN.forEach(c -> {
            String pkg = c.getPackageName();
            boolean placed = LAYERS.stream().flatMap(l -> List.of(l.packages()).stream())
                    .map(p -> p.substring(0, p.length() - 2))
                    .anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
            if (!placed && !unplaced.contains(pkg)) {
                unplaced.add(pkg);
            }
        });
        assertThat(unplaced).as("packages in no layer of docs/architecture.md").isEmpty();
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer l : LAYERS) {
            rule = rule.layer(l.name()).definedBy(l.packages());
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
            boolean leaf = below.length == 0 || LAYERS.get(i).name().equals("Model");
            rule = leaf
                    ? rule.whereLayer(LAYERS.get(i).name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(LAYERS.get(i).name()).mayOnlyAccessLayers(below);
        }
        rule.check(MAIN);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.corpusbench.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void docsListTheSameLayersInTheSameOrder() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^### \\d+\\. (\\w+) — (.+)$").matcher(doc);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2).trim());
        }
        List<String> expected = LAYERS.stream()
                .map(l -> l.name() + " " + String.join(", ",
                        List.of(l.packages()).stream().map(p -> "`" + p + "`").toList()))
                .toList();
        assertThat(documented).isEqualTo(expected);
    }
}
