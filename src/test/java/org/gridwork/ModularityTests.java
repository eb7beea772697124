package org.gridwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Fails the build when a module reaches into another's internals or modules form a cycle. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GridworkApplication.class);
    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- modules:start -->";
    private static final String END = "<!-- modules:end -->";

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Writes target/modules (PlantUML per module; its order varies between runs, so it is not
     * committed) and fails when the Mermaid module diagram in the README, between its modules
     * markers, is not the verified one: a test that rewrote the README hid a stale map from
     * review and wrote into the checkout under test. The expected diagram is in the message.
     */
    @Test
    void theReadmeShowsTheVerifiedModuleDiagram() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        String diagram = mermaid();
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the modules markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        assertThat(readme.substring(start + START.length(), end).strip())
                .as("README.md's module diagram (between %s and %s) is stale; put this there:%n%s", START, END, diagram)
                .isEqualTo(diagram.strip());
    }

    private static String mermaid() {
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        MODULES.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(module -> {
            String targets = module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName).filter(n -> !n.equals(module.getName()))
                    .sorted().distinct().collect(Collectors.joining(" & "));
            out.append("  ").append(module.getName());
            if (!targets.isEmpty()) {
                out.append(" --> ").append(targets);
            }
            out.append('\n');
        });
        return out.append("```\n").toString();
    }
}
