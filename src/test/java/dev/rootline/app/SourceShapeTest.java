package dev.rootline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Rules a newcomer relies on when changing the code (docs/architecture.md, "Code layout"): every table is written
 * by the one class that owns it and read by it or by its feature's read model (a {@code *Queries} class), and the
 * classes of the correlation write path stay small enough to read in one sitting.
 */
class SourceShapeTest {

    private static final Path MAIN = Path.of("src/main/java/dev/rootline");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Each table's owner, by simple class name. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("service", "RevisionRepository"),
            Map.entry("revision", "RevisionRepository"),
            Map.entry("log_match", "MatchRepository"),
            Map.entry("incident", "IncidentTable"),
            Map.entry("chain_step", "ChainSteps"),
            Map.entry("incident_revision", "IncidentRevisions"),
            Map.entry("incident_event", "IncidentEvents"),
            Map.entry("alert_outbox", "AlertStore"),
            Map.entry("source_checkpoint", "SourceCheckpoint"),
            Map.entry("source_lease", "SourceLease"),
            Map.entry("template", "TemplateStore"),
            Map.entry("template_revision", "TemplateStore"),
            Map.entry("quarantine", "QuarantinedPayload"),
            Map.entry("evidence", "MatchRepository"));

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO) ([a-z_]+)");
    private static final Pattern READ = Pattern.compile("\\bFROM ([a-z_]+)");
    private static final int MAX_CLASS_LINES = 200;
    private static final int MAX_METHOD_LINES = 40;

    @Test
    void everyTableTheSchemaDeclaresHasAnOwner() throws IOException {
        Set<String> declared = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE (?:TABLE|VIEW) ([a-z_0-9]+)");
        // a migration that rebuilds a table creates it under a passing name, then renames it
        Pattern renamed = Pattern.compile("ALTER TABLE ([a-z_0-9]+) RENAME TO");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                String sql = Files.readString(file);
                create.matcher(sql).results().forEach(m -> declared.add(m.group(1)));
                renamed.matcher(sql).results().forEach(m -> declared.remove(m.group(1)));
            }
        }
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void sqlNamesATableOnlyInItsOwnerOrItsFeaturesReadModel() throws IOException {
        List<String> misplaced = new ArrayList<>();
        for (Source source : sources(MAIN)) {
            String sql = String.join(" ", source.literals());
            scan(WRITE, sql, table -> !source.name().equals(OWNERS.get(table)), source, "writes", misplaced);
            scan(
                    READ,
                    sql,
                    table -> OWNERS.containsKey(table)
                            && !source.name().equals(OWNERS.get(table))
                            && !source.name().endsWith("Queries"),
                    source,
                    "reads",
                    misplaced);
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void theCorrelationWritePathReadsInOneSitting() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Source source : sources(MAIN.resolve("incident"))) {
            if (source.lines() > MAX_CLASS_LINES) {
                tooLong.add(source.name() + ": " + source.lines() + " lines");
            }
            source.methods().forEach((method, lines) -> {
                if (lines > MAX_METHOD_LINES) {
                    tooLong.add(source.name() + "." + method + ": " + lines + " lines");
                }
            });
        }
        assertThat(tooLong).isEmpty();
    }

    private interface TableTest {
        boolean misplaced(String table);
    }

    private static void scan(
            Pattern pattern, String sql, TableTest test, Source source, String verb, List<String> misplaced) {
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            if (test.misplaced(m.group(1))) {
                misplaced.add(source.name() + " " + verb + " " + m.group(1));
            }
        }
    }

    /** A source file: its class's simple name, lines, string literals in order, and each method's length. */
    private record Source(String name, int lines, List<String> literals, Map<String, Integer> methods) {}

    private static List<Source> sources(Path root) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) compiler.getTask(
                    null, fm, null, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<Source> out = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                out.add(source(unit, positions));
            }
            return out;
        }
    }

    private static Source source(CompilationUnitTree unit, SourcePositions positions) throws IOException {
        String file = unit.getSourceFile().getName();
        String name = Path.of(file).getFileName().toString().replace(".java", "");
        List<String> literals = new ArrayList<>();
        Map<String, Integer> methods = new java.util.TreeMap<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitLiteral(LiteralTree literal, Void unused) {
                if (literal.getValue() instanceof String text) {
                    literals.add(text);
                }
                return null;
            }

            @Override
            public Void visitMethod(MethodTree method, Void unused) {
                long start = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, method));
                long end = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, method));
                methods.merge(method.getName() + "@" + start, (int) (end - start + 1), Integer::sum);
                return super.visitMethod(method, unused);
            }
        }.scan(unit, null);
        int lines = (int) Files.lines(Path.of(file)).count();
        return new Source(name, lines, literals, methods);
    }
}
