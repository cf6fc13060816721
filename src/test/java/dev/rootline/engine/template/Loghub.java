package dev.rootline.engine.template;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rootline.SharedData;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.signature.Category;
import dev.rootline.engine.signature.MatchScope;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSeverity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Loghub-2k benchmark (Zhu et al., ISSRE 2023), read from {@code ../shared/loghub2k}, and the standard scores
 * of a miner on it: grouping accuracy (GA: a line is right when the lines grouped with it are exactly those of its
 * true event) and parsing accuracy (PA: a line is right when its template text is the true one). Ground truth is
 * the original {@code *_structured.csv}, grouped by EventId, as for Drain's published 0.865.
 */
public final class Loghub {

    public static final List<String> DATASETS = List.of(
            "HDFS",
            "Hadoop",
            "Spark",
            "Zookeeper",
            "BGL",
            "HPC",
            "Thunderbird",
            "Windows",
            "Linux",
            "Android",
            "HealthApp",
            "Apache",
            "Proxifier",
            "OpenSSH",
            "OpenStack",
            "Mac");

    /** Drain's grouping accuracy per dataset, as published (Zhu et al., ICSE-SEIP 2019, Table III). */
    static final Map<String, Double> DRAIN_GA = Map.ofEntries(
            Map.entry("HDFS", 0.998),
            Map.entry("Hadoop", 0.948),
            Map.entry("Spark", 0.920),
            Map.entry("Zookeeper", 0.967),
            Map.entry("BGL", 0.963),
            Map.entry("HPC", 0.887),
            Map.entry("Thunderbird", 0.955),
            Map.entry("Windows", 0.997),
            Map.entry("Linux", 0.690),
            Map.entry("Android", 0.911),
            Map.entry("HealthApp", 0.780),
            Map.entry("Apache", 1.0),
            Map.entry("Proxifier", 0.527),
            Map.entry("OpenSSH", 0.788),
            Map.entry("OpenStack", 0.733),
            Map.entry("Mac", 0.787));

    public record Line(String content, String eventId, String eventTemplate) {}

    record Score(String dataset, double groupingAccuracy, double parsingAccuracy, int templates, int trueEvents) {}

    private Loghub() {}

    /** A template as a signature regex: its literal parts quoted, each {@code <*>} a lazy group. */
    public static String regexOf(String template) {
        StringBuilder regex = new StringBuilder();
        String[] parts = template.split("<\\*>", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("(.*?)");
            }
            regex.append(parts[i].replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1"));
        }
        return regex.toString();
    }

    /** A signature made from a template, as a team would write one for a line it has seen. */
    public static SignatureDefinition signature(String id, String template) {
        String example = template.replace("<*>", "7");
        return new SignatureDefinition(
                id,
                "Loghub template",
                Category.EXCEPTION,
                Role.CAUSE,
                SignatureSeverity.LOW,
                MatchScope.INSTANCE,
                new SignatureDefinition.MatchSpec(
                        regexOf(template), Severity.DEFAULT, Optional.empty(), Optional.empty(), Map.of()),
                List.of(),
                List.of(),
                false,
                false,
                List.of(),
                null,
                null,
                new SignatureDefinition.Examples(List.of(example, example), List.of("-")),
                new SignatureDefinition.Origin("generated", 0));
    }

    static Path dir() {
        return SharedData.ROOT.resolve("loghub2k");
    }

    public static List<Line> read(String dataset) throws IOException {
        Path csv = dir().resolve(dataset).resolve(dataset + "_2k.log_structured.csv");
        List<Line> lines = new ArrayList<>(2000);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                lines.add(new Line(row.get("Content"), row.get("EventId"), row.get("EventTemplate")));
            }
        }
        return lines;
    }

    static Score score(String dataset, MinerConfig config) throws IOException {
        List<Line> lines = read(dataset);
        TemplateMiner miner = new TemplateMiner(config, dataset);
        List<Template> assigned = new ArrayList<>(lines.size());
        for (Line line : lines) {
            assigned.add(miner.add(line.content()).template());
        }
        Map<Template, List<Integer>> predicted = new HashMap<>();
        Map<String, Integer> trueSizes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            predicted.computeIfAbsent(assigned.get(i), t -> new ArrayList<>()).add(i);
            trueSizes.merge(lines.get(i).eventId(), 1, Integer::sum);
        }
        int grouped = 0;
        for (List<Integer> group : predicted.values()) {
            String event = lines.get(group.get(0)).eventId();
            boolean exact = trueSizes.get(event) == group.size()
                    && group.stream().allMatch(i -> lines.get(i).eventId().equals(event));
            grouped += exact ? group.size() : 0;
        }
        int parsed = 0;
        for (int i = 0; i < lines.size(); i++) {
            parsed += assigned.get(i).text().equals(lines.get(i).eventTemplate().strip()) ? 1 : 0;
        }
        return new Score(
                dataset,
                (double) grouped / lines.size(),
                (double) parsed / lines.size(),
                predicted.size(),
                trueSizes.size());
    }
}
