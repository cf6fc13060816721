package dev.rootline.engine.template;

import java.util.List;
import java.util.Map;

/**
 * The per-dataset preprocessing for Loghub-2k: the masks and thresholds of Drain's benchmark (logpai/logparser,
 * {@code Drain_benchmark.py}), with the changes listed in {@code docs/evaluation.md}. The generic configuration
 * is the miner's default, the same for all.
 */
final class LoghubSettings {

    private LoghubSettings() {}

    static MinerConfig generic() {
        return TemplateMiners.defaults();
    }

    static MinerConfig tuned(String dataset) {
        Tuned t = TUNED.get(dataset);
        List<MaskRule> masks = new java.util.ArrayList<>();
        for (int i = 0; i < t.removals().size(); i++) {
            masks.add(MaskRule.removing(dataset + "-optional-" + i, t.removals().get(i), ""));
        }
        for (int i = 0; i < t.regexes().size(); i++) {
            masks.add(MaskRule.of(dataset + "-" + i, t.regexes().get(i), ""));
        }
        masks.addAll(TemplateMiners.MASKS);
        return new MinerConfig(masks, t.digits(), t.prefixTokens(), t.similarity(), 100, 10_000);
    }

    private record Tuned(
            List<String> regexes, List<String> removals, boolean digits, double similarity, int prefixTokens) {}

    private static final Map<String, Tuned> TUNED = Map.ofEntries(
            Map.entry("HDFS", new Tuned(List.of("blk_-?\\d+", "(\\d+\\.){3}\\d+(:\\d+)?"), List.of(), true, 0.3, 2)),
            Map.entry("Hadoop", new Tuned(List.of("(\\d+\\.){3}\\d+"), List.of(), true, 0.9, 1)),
            Map.entry(
                    "Spark",
                    new Tuned(
                            List.of("(\\d+\\.){3}\\d+", "\\b[KGTM]?B\\b", "([\\w-]+\\.){2,}[\\w-]+"),
                            List.of(),
                            true,
                            0.3,
                            4)),
            Map.entry("Zookeeper", new Tuned(List.of("(/|)(\\d+\\.){3}\\d+(:\\d+)?"), List.of(), true, 0.3, 4)),
            Map.entry("BGL", new Tuned(List.of("core\\.\\d+"), List.of(), true, 0.8, 2)),
            Map.entry("HPC", new Tuned(List.of("=\\d+"), List.of(), true, 0.3, 3)),
            Map.entry("Thunderbird", new Tuned(List.of("(\\d+\\.){3}\\d+"), List.of(), true, 0.9, 0)),
            Map.entry("Windows", new Tuned(List.of("0x.*?\\s"), List.of(), true, 0.9, 0)),
            Map.entry(
                    "Linux",
                    new Tuned(
                            List.of(
                                    "(\\d+\\.){3}\\d+",
                                    "\\w{3} \\w{3} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}",
                                    "\\d{2}:\\d{2}:\\d{2}",
                                    "\\[\\d+\\]",
                                    "\\b\\d+\\b"),
                            List.of(),
                            false,
                            0.8,
                            1)),
            Map.entry(
                    "Android",
                    new Tuned(
                            List.of(
                                    "(/[\\w-]+)+",
                                    "([\\w-]+\\.){2,}[\\w-]+",
                                    "\\b(\\-?\\+?\\d+)\\b|\\b0[Xx][a-fA-F\\d]+\\b|\\b[a-fA-F\\d]{4,}\\b"),
                            List.of(),
                            false,
                            0.7,
                            3)),
            Map.entry("HealthApp", new Tuned(List.of(), List.of(), true, 0.3, 3)),
            Map.entry("Apache", new Tuned(List.of("(\\d+\\.){3}\\d+"), List.of(), true, 0.3, 0)),
            Map.entry(
                    "Proxifier",
                    new Tuned(
                            List.of(
                                    "<\\d+\\ssec",
                                    "([\\w-]+\\.)+[\\w-]+(:\\d+)?",
                                    "\\d{2}:\\d{2}(:\\d{2})*",
                                    "\\b\\d+\\b"),
                            List.of(" \\([\\d.]+ [KMGT]?B\\)"),
                            true,
                            0.9,
                            0)),
            Map.entry(
                    "OpenSSH",
                    new Tuned(List.of("(\\d+\\.){3}\\d+", "([\\w-]+\\.){2,}[\\w-]+"), List.of(), false, 0.7, 2)),
            Map.entry("OpenStack", new Tuned(List.of(), List.of(), true, 0.3, 4)),
            Map.entry("Mac", new Tuned(List.of("([\\w-]+\\.){2,}[\\w-]+"), List.of(), true, 0.9, 3)));
}
