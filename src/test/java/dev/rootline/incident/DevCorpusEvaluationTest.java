package dev.rootline.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.SharedData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The labelled incidents of {@code ../shared/corpus/dev} and the failures of other apps in {@code corpus/wild-dev},
 * scored as {@code eval/score.py} scores them. Guards the rates reached (docs/evaluation.md) against regressions.
 */
@QuarkusTest
@TestProfile(FreshDatabase.class)
@SharedData.Required
class DevCorpusEvaluationTest {

    @Test
    void rootCausesOfTheLabelledIncidents() {
        CorpusScore dev = CorpusScore.of("corpus/dev");

        assertThat(dev.cases()).isEqualTo(20);
        assertThat(dev.top1Rate()).as("top-1 rate; missed " + dev.misses()).isGreaterThanOrEqualTo(0.95);
        assertThat(dev.top3Rate()).as("top-3 rate").isEqualTo(1.0);
    }

    @Test
    void rootCausesOfOtherAppsFailures() {
        CorpusScore wild = CorpusScore.of("corpus/wild-dev");

        assertThat(wild.cases()).isEqualTo(12);
        assertThat(wild.top1()).as("top-1; missed " + wild.misses()).isGreaterThanOrEqualTo(11);
        assertThat(wild.detected()).as("every failure is an incident").isEqualTo(12);
    }
}
