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
     * Writes target/modules (PlantUML per module; its order varies between runs, so it is not committed) and the Mermaid module diagram that the README
     * shows between its modules markers, so the README's map is always the verified one.
     */
    @Test
    void writesTheModuleDiagramThatTheReadmeShows() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        String diagram = mermaid();
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the modules markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String updated = readme.substring(0, start + START.length()) + "\n" + diagram + readme.substring(end);
        if (!updated.equals(readme)) {
            Files.writeString(README, updated);
        }
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
