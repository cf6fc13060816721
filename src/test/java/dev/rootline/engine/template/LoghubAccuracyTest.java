package dev.rootline.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The floors of issue #8 on Loghub-2k (figures in docs/evaluation.md): a regression fails the build. */
@SharedData.Required
class LoghubAccuracyTest {

    @Test
    void perDatasetPreprocessingAveragesAtLeast90PercentWithNoDatasetBelow70() throws Exception {
        List<Loghub.Score> scores = new ArrayList<>();
        for (String dataset : Loghub.DATASETS) {
            scores.add(Loghub.score(dataset, LoghubSettings.tuned(dataset)));
        }
        assertThat(scores)
                .allSatisfy(
                        s -> assertThat(s.groupingAccuracy()).as(s.dataset()).isGreaterThanOrEqualTo(0.70));
        assertThat(average(scores)).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void oneGenericConfigurationAveragesAtLeast80Percent() throws Exception {
        List<Loghub.Score> scores = new ArrayList<>();
        for (String dataset : Loghub.DATASETS) {
            scores.add(Loghub.score(dataset, LoghubSettings.generic()));
        }
        assertThat(average(scores)).as("Drain gets about 0.75 so").isGreaterThanOrEqualTo(0.80);
    }

    private static double average(List<Loghub.Score> scores) {
        return scores.stream()
                .mapToDouble(Loghub.Score::groupingAccuracy)
                .average()
                .orElseThrow();
    }
}
