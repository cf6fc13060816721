package dev.rootline.signature;

import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.CompiledSignature;
import dev.rootline.engine.signature.InvalidSignatureException;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import dev.rootline.engine.signature.SignatureYaml;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The signatures in force: the bundled packs plus {@code rootline.signatures-dir}. A bad file fails start-up,
 * naming its file and line; once running, a changed file is recompiled and swapped in atomically, and a broken
 * edit keeps the previous set in force and is reported.
 */
@ApplicationScoped
public class SignatureCatalog {

    private static final Logger LOG = Logger.getLogger(SignatureCatalog.class);

    /** The packs in the repository's signatures/ folder, packaged under the same name. */
    static final List<String> BUNDLED_PACKS = List.of(
            "auth.yaml",
            "cloudrun.yaml",
            "config.yaml",
            "container.yaml",
            "datastores.yaml",
            "gcp.yaml",
            "gke.yaml",
            "gunicorn.yaml",
            "network.yaml",
            "python.yaml",
            "runtime.yaml",
            "startup.yaml",
            "websocket.yaml");

    /** The compiled set and where it came from. */
    record Loaded(SignatureSet set, Map<String, Long> directoryStamp) {}

    private final Optional<Path> directory;
    private final Set<String> disabled;
    private final MeterRegistry metrics;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<String> reloadError = new AtomicReference<>();
    /** Looked up once per signature: a registry lookup builds and sorts tags, too much for every match. */
    private final Map<String, Counter> matchCounters = new ConcurrentHashMap<>();

    SignatureCatalog(RootlineConfig config, MeterRegistry metrics) {
        this.directory = config.signaturesDir().filter(d -> !d.isBlank()).map(Path::of);
        this.disabled = config.signaturesDisabled().orElse(Set.of());
        this.metrics = metrics;
        try {
            current.set(load());
        } catch (InvalidSignatureException e) {
            throw new IllegalStateException("signatures: " + e.getMessage(), e);
        }
        LOG.infof("loaded %d signatures", current.get().set().signatures().size());
    }

    public SignatureSet current() {
        return current.get().set();
    }

    /** The error of the last reload, if it failed and the previous set is still in force. */
    public Optional<String> reloadError() {
        return Optional.ofNullable(reloadError.get());
    }

    /**
     * Matches an event against the set in force and counts the matches per signature. A signature that fails on
     * the line is skipped for it and counted in {@code rootline_signature_failures_total}.
     */
    public List<Match> match(LogEvent event) {
        List<Match> matches = current().match(event, this::failed);
        for (Match m : matches) {
            counter(m.signature().id()).increment();
        }
        return matches;
    }

    private void failed(CompiledSignature signature, Throwable failure) {
        metrics.counter("rootline.signature.failures", "signature", signature.id())
                .increment();
        LOG.warnf("signature %s failed on a line and was skipped for it: %s", signature.id(), failure.toString());
    }

    public long matchCount(String signatureId) {
        return (long) counter(signatureId).count();
    }

    private Counter counter(String signatureId) {
        return matchCounters.computeIfAbsent(
                signatureId, id -> metrics.counter("rootline.signature.matches", "signature", id));
    }

    @Scheduled(
            every = "${rootline.signatures-reload-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        if (directory.isEmpty() || stamp().equals(current.get().directoryStamp())) {
            return;
        }
        try {
            Loaded loaded = load();
            current.set(loaded);
            reloadError.set(null);
            LOG.infof(
                    "reloaded signatures: %d in force",
                    loaded.set().signatures().size());
        } catch (InvalidSignatureException | RuntimeException e) {
            String error = String.valueOf(e.getMessage());
            if (!error.equals(reloadError.get())) {
                LOG.errorf("signature reload failed, the previous set stays in force: %s", error);
            }
            reloadError.set(error);
        }
    }

    private Loaded load() throws InvalidSignatureException {
        Map<String, Long> stamp = stamp();
        List<SignatureDefinition> definitions = new ArrayList<>();
        for (String pack : BUNDLED_PACKS) {
            definitions.addAll(SignatureYaml.parse("signatures/" + pack, bundled(pack)));
        }
        for (Path file : files()) {
            try {
                definitions.addAll(SignatureYaml.parse(file.toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new Loaded(SignatureCompiler.compile(withoutDisabled(definitions)), stamp);
    }

    /** The definitions but the disabled ones, and nothing left explaining or explained by those. */
    private List<SignatureDefinition> withoutDisabled(List<SignatureDefinition> definitions) {
        if (disabled.isEmpty()) {
            return definitions;
        }
        return definitions.stream()
                .filter(d -> !disabled.contains(d.id()))
                .map(d -> d.withExplains(
                        d.explains().stream().filter(e -> !disabled.contains(e)).toList()))
                .toList();
    }

    private static String bundled(String pack) {
        try (InputStream in = SignatureCatalog.class.getClassLoader().getResourceAsStream("signatures/" + pack)) {
            if (in == null) {
                throw new IllegalStateException("bundled signature pack missing from the classpath: " + pack);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files() {
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory.get())) {
            return list.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory.get(), e);
        }
    }

    /** File names with their modification times and sizes: a change to any means a reload. */
    private Map<String, Long> stamp() {
        return files().stream().collect(Collectors.toMap(Path::toString, p -> {
            try {
                return Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p);
            } catch (IOException e) {
                return -1L;
            }
        }));
    }
}
