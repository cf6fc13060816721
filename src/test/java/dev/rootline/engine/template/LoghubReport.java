package dev.rootline.engine.template;

/** Prints GA and PA per dataset, generic and tuned, as in docs/evaluation.md. Not a test. */
public final class LoghubReport {

    private LoghubReport() {}

    public static void main(String[] args) throws Exception {
        double genericSum = 0;
        double tunedSum = 0;
        System.out.println(
                "| dataset | events | generic GA | generic PA | templates | tuned GA | tuned PA | templates | Drain GA |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String dataset : Loghub.DATASETS) {
            Loghub.Score g = Loghub.score(dataset, LoghubSettings.generic());
            Loghub.Score t = Loghub.score(dataset, LoghubSettings.tuned(dataset));
            genericSum += g.groupingAccuracy();
            tunedSum += t.groupingAccuracy();
            System.out.printf(
                    "| %s | %d | %.3f | %.3f | %d | %.3f | %.3f | %d | %.3f |%n",
                    dataset,
                    g.trueEvents(),
                    g.groupingAccuracy(),
                    g.parsingAccuracy(),
                    g.templates(),
                    t.groupingAccuracy(),
                    t.parsingAccuracy(),
                    t.templates(),
                    Loghub.DRAIN_GA.get(dataset));
        }
        int n = Loghub.DATASETS.size();
        System.out.printf("| average | | %.3f | | | %.3f | | | 0.865 |%n", genericSum / n, tunedSum / n);
    }
}
