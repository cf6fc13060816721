package dev.rootline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The third-party data in {@code ../shared}, read in place and never copied into the repository. */
public final class SharedData {

    public static final Path ROOT = Path.of("..", "shared");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SharedData() {}

    /**
     * A test that reads {@code ../shared}: skipped with a message in a clone that has none, and a failure there
     * when {@code ROOTLINE_SHARED_DATA=required} (as {@code .ci/run} sets it).
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Present.class)
    public @interface Required {}

    /** The condition behind {@link Required}. */
    public static final class Present implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isDirectory(ROOT.resolve("corpus"))) {
                return ConditionEvaluationResult.enabled("../shared is here");
            }
            String missing = "../shared (the corpora, exports and Loghub-2k) is not beside this clone";
            if ("required".equals(System.getenv("ROOTLINE_SHARED_DATA"))) {
                throw new IllegalStateException("ROOTLINE_SHARED_DATA=required, but " + missing);
            }
            return ConditionEvaluationResult.disabled("skipped: " + missing);
        }
    }

    /**
     * Every LogEntry file: the real exports, then the samples (some of which are excerpts of the exports), not
     * the analysts' {@code *.expected.json}.
     */
    public static List<Path> entryFiles() {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("corpus/exports/dev"), ROOT.resolve("samples"))) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                        .sorted(Comparator.reverseOrder())
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The LogEntries a file holds: the array's elements, or the one object. */
    public static List<JsonNode> entries(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            List<JsonNode> entries = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(entries::add);
            } else {
                entries.add(root);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
