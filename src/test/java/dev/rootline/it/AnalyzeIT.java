package dev.rootline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze} on a real export, as a user runs it from the packaged jar: no server, no database to set up. */
@SharedData.Required
class AnalyzeIT {

    private static final Path EXPORT =
            SharedData.ROOT.resolve("corpus/exports/dev/gcp_logs_last_hour_20250915_175001.json");

    private record Run(int exit, String out, String err) {}

    private static Run analyze(Path workDir, String... args) throws Exception {
        assumeFalse(
                "postgresql".equals(System.getProperty("rootline.db-kind")),
                "analyze runs on the embedded (H2) build, which is the one a laptop has");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of(System.getProperty("rootline.runner-jar", "target/quarkus-app/quarkus-run.jar"))
                        .toAbsolutePath()
                        .toString(),
                "analyze"));
        command.addAll(List.of(args));
        Path out = workDir.resolve("out.txt");
        Path err = workDir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ROOTLINE_") || k.startsWith("QUARKUS_"));
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("analyze finishes").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheMissingMonitoringModuleWithItsWhys(@TempDir Path dir) throws Exception {
        Run run = analyze(dir, EXPORT.toAbsolutePath().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("analysed ");
        assertThat(run.out())
                .contains("deploy iterations")
                .contains("Module netra_backend.app.services.monitoring not found")
                .contains("Five whys:", "Why: Container exited with code 3? Because: ");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the throwaway data directory is not left in the working directory")
                    .containsOnly("out.txt", "err.txt");
        }
    }

    @Test
    void withJsonPrintsEachServicesIncidentsWithTheirWhys(@TempDir Path dir) throws Exception {
        Run run = analyze(dir, "--json", EXPORT.toAbsolutePath().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode services = new ObjectMapper().readTree(run.out()).path("services");
        List<String> titles = new ArrayList<>();
        services.forEach(
                incidents -> incidents.forEach(i -> titles.add(i.path("title").asText())));
        assertThat(titles).contains("Module netra_backend.app.services.monitoring not found");
        assertThat(services.findValues("whys")).isNotEmpty();
    }
}
