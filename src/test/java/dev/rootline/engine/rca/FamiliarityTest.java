package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FamiliarityTest {

    @Test
    void aTemplateServingRevisionsKeepLoggingIsBackground() {
        assertThat(Familiarity.of(false, true, Familiarity.STEADY)).isEqualTo(Familiarity.BACKGROUND);
        assertThat(Familiarity.of(true, true, Familiarity.STEADY + 10)).isEqualTo(Familiarity.BACKGROUND);
    }

    @Test
    void theFirstFewLinesWhileServingAreNotYetBackground() {
        assertThat(Familiarity.of(true, true, Familiarity.STEADY - 1)).isEqualTo(Familiarity.NEW);
        assertThat(Familiarity.of(false, true, 0)).isEqualTo(Familiarity.SEEN);
    }

    @Test
    void aRevisionThatIsNotServingHasNoBackground() {
        assertThat(Familiarity.of(false, false, 1000)).isEqualTo(Familiarity.SEEN);
        assertThat(Familiarity.of(true, false, 1000)).isEqualTo(Familiarity.NEW);
    }
}
