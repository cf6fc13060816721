package dev.rootline.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineKindTest {

    @Test
    void aLineThatNamesWhatWentWrongIsSpecific() {
        assertThat(LineKind.of("ValueError: DATABASE_HOST must not be empty")).isEqualTo(LineKind.SPECIFIC);
        assertThat(LineKind.of("could not open /etc/shop/config.yaml")).isEqualTo(LineKind.SPECIFIC);
        assertThat(LineKind.of("dial orders-db:5432 timed out")).isEqualTo(LineKind.SPECIFIC);
    }

    @Test
    void aLineThatOnlyReportsAFailureIsASummary() {
        assertThat(LineKind.of("Startup failed: service is unhealthy")).isEqualTo(LineKind.SUMMARY);
        assertThat(LineKind.of("Application startup failed. Exiting.")).isEqualTo(LineKind.SUMMARY);
        assertThat(LineKind.of("3 errors occurred during setup")).isEqualTo(LineKind.SUMMARY);
    }

    @Test
    void aStackFrameLoggedAsItsOwnEntryIsAFrame() {
        assertThat(LineKind.of("at com.shop.Main.main(Main.java:12)")).isEqualTo(LineKind.FRAME);
        assertThat(LineKind.of("File \"/srv/app/main.py\", line 3, in <module>"))
                .isEqualTo(LineKind.FRAME);
    }

    @Test
    void anythingElseIsPlain() {
        assertThat(LineKind.of("something went wrong")).isEqualTo(LineKind.PLAIN);
    }
}
