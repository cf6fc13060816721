package dev.rootline.app;

import dev.rootline.analyze.AnalyzeCommand;
import dev.rootline.verdict.VerifyCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The server, or a command (README, "Run it" and "Pipelines"): {@code verify} waits on a revision's verdict as a deploy step and
 * starts nothing of the server; {@code analyze} runs Rootline on its embedded defaults in a throwaway directory,
 * without an HTTP port, to read one export.
 */
@QuarkusMain
public final class RootlineMain {

    private RootlineMain() {}

    public static void main(String... args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "verify" ->
                System.exit(new VerifyCommand(System.out)
                        .run(rest, Optional.ofNullable(System.getenv("ROOTLINE_API_TOKEN"))));
            case "analyze" -> analyze(rest);
            default -> Quarkus.run(args);
        }
    }

    private static void analyze(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("rootline-analyze");
        System.setProperty("rootline.data-dir", dir.toString());
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("quarkus.log.console.level", "WARN");
        System.setProperty("quarkus.log.console.stderr", "true"); // standard output is the report
        System.setProperty("quarkus.banner.enabled", "false");
        Quarkus.run(
                AnalyzeCommand.class,
                (code, failure) -> {
                    delete(dir);
                    if (failure != null) {
                        failure.printStackTrace();
                    }
                    System.exit(code);
                },
                args);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
