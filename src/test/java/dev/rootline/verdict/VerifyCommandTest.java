package dev.rootline.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.incident.LayeredFailure;
import dev.rootline.ingest.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The deploy step against the running app: its exit code and what it prints for each verdict. */
@QuarkusTest
class VerifyCommandTest {

    @TestHTTPResource("/")
    URL url;

    private record Run(int exit, String printed) {}

    private Run verify(String service, String revision, String timeout) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new VerifyCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(
                        new String[] {
                            "--url", url.toString(), "--service", service, "--revision", revision, "--timeout", timeout
                        },
                        Optional.empty());
        return new Run(exit, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failsWithTheRootCauseAndItsWhysPassesOnceReadyAndHasNoVerdictWithoutData() throws Exception {
        String service = "verify-" + UUID.randomUUID().toString().substring(0, 8);
        LayeredFailure logs = new LayeredFailure(service);
        Api.ingest(LayeredFailure.array(logs.entries(1)));
        Api.ingest(LayeredFailure.array(logs.entries(2)));
        Api.ingest(LayeredFailure.array(logs.entries(3)));

        Run failed = verify(service, logs.revision(2), "PT5S");
        assertThat(failed.exit()).isEqualTo(VerifyCommand.FAIL);
        assertThat(failed.printed())
                .startsWith("FAIL: Revision " + logs.revision(2)
                        + " failed to start: Configuration validator rejected DATABASE_HOST, DATABASE_PASSWORD"
                        + " (critical, uncovered).")
                .contains("Root cause: ", "Why: ", "Because: ", "Next step: ");

        Run passed = verify(service, logs.revision(3), "PT5S");
        assertThat(passed.exit()).isEqualTo(VerifyCommand.PASS);
        assertThat(passed.printed()).startsWith("PASS: Revision " + logs.revision(3) + " has been ready for 2m");

        Run silent = verify(service, service + "-00009-zzz", "PT1S");
        assertThat(silent.exit()).isEqualTo(VerifyCommand.NO_VERDICT);
        assertThat(silent.printed()).startsWith("NODATA: No entry of revision " + service + "-00009-zzz arrived.");
    }

    @Test
    void anUnreachableRootlineIsNoVerdictNotAPass() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new VerifyCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(
                        new String[] {
                            "--url", "http://127.0.0.1:9", "--service", "s", "--revision", "r", "--timeout", "PT1S"
                        },
                        Optional.empty());
        assertThat(exit).isEqualTo(VerifyCommand.NO_VERDICT);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("NO VERDICT within PT1S: Rootline did not answer");
    }
}
