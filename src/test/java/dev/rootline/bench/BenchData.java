package dev.rootline.bench;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.signature.BundledSignaturesTest;
import dev.rootline.engine.signature.InvalidSignatureException;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.template.Loghub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Real messages and realistic signature sets for the matching benchmarks, read from ../shared in place. */
final class BenchData {

    private static final Path SHARED = Path.of("..", "shared");

    private BenchData() {}

    /** The bundled packs, then signatures made from Loghub-2k's templates, up to {@code count}. */
    static List<SignatureDefinition> signatures(int count) throws Exception {
        List<SignatureDefinition> all = new ArrayList<>(BundledSignaturesTest.bundled());
        List<String> templates = templates();
        for (int i = 0; all.size() < count; i++) {
            String template = templates.get(i % templates.size()).strip();
            String suffix = i < templates.size() ? "" : " shard " + (i / templates.size());
            SignatureDefinition generated = Loghub.signature("loghub.t" + i, template + suffix);
            try {
                SignatureCompiler.compile(List.of(generated));
                all.add(generated);
            } catch (InvalidSignatureException e) {
                // a template our normalisation changes (control characters, a literal \n): not a usable signature
            }
        }
        List<SignatureDefinition> chosen = all.subList(0, count);
        Set<String> ids = chosen.stream().map(SignatureDefinition::id).collect(java.util.stream.Collectors.toSet());
        // a subset of the packs must not explain signatures left out of it
        return chosen.stream()
                .map(d -> d.withExplains(
                        d.explains().stream().filter(ids::contains).toList()))
                .toList();
    }

    /** Messages from the real exports and the Loghub-2k logs, interleaved. */
    static List<LogEvent> messages() throws Exception {
        List<LogEvent> events = new ArrayList<>();
        for (String export : List.of(
                "gcp_logs_last_hour_20250915_175001.json", "gcp_backend_logs_1hour_20250915_130325.entries.json")) {
            events.addAll(Payloads.read(
                    Files.readAllBytes(SHARED.resolve("corpus/exports/dev").resolve(export)), Entries.NOW));
        }
        try (Stream<Path> dirs = Files.list(SHARED.resolve("loghub2k"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path log = dir.resolve(dir.getFileName() + "_2k.log");
                if (Files.exists(log)) {
                    for (String line :
                            Files.readAllLines(log, StandardCharsets.UTF_8).subList(0, 300)) {
                        events.add(Payloads.read(
                                        ("{\"textPayload\":" + Entries.quote(line) + "}")
                                                .getBytes(StandardCharsets.UTF_8),
                                        Entries.NOW)
                                .get(0));
                    }
                }
            }
        }
        return events;
    }

    private static List<String> templates() {
        Set<String> templates = new LinkedHashSet<>();
        try (Stream<Path> dirs = Files.list(SHARED.resolve("loghub2k"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path csv = dir.resolve(dir.getFileName() + "_2k.log_templates.csv");
                if (Files.exists(csv)) {
                    for (String row : Files.readAllLines(csv)
                            .subList(1, Files.readAllLines(csv).size())) {
                        String template = row.substring(row.indexOf(',') + 1)
                                .replaceAll("^\"|\"$", "")
                                .replace("\"\"", "\"");
                        if (template.replace("<*>", "").strip().length() >= 8) {
                            templates.add(template);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(templates);
    }
}
