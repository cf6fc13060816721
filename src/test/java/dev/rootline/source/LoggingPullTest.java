package dev.rootline.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.ingest.Api;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The Cloud Logging API source against an in-process fake of the API. */
@QuarkusTest
@WithTestResource(FakeLoggingApiResource.class)
class LoggingPullTest {

    FakeLoggingApi api;

    @Test
    void pullsEveryEntryOncePageByPage() throws Exception {
        int before = api.calls().size();
        api.add(LoggingEntries.run("pull-many", "many", Instant.now().minusSeconds(60), 25_000));

        await(() -> Api.searchTotal("service:pull-many"), 25_000, Duration.ofSeconds(90));
        Thread.sleep(1000);
        assertThat(Api.searchTotal("service:pull-many"))
                .as("re-reads inside the overlap store nothing")
                .isEqualTo(25_000);
        assertThat(api.calls().subList(before, api.calls().size()))
                .extracting(FakeLoggingApi.Call::pageToken)
                .contains("1000", "24000");
        given().get("/q/health/group/sources").then().statusCode(200);
    }

    @Test
    void unavailableIsRiddenOutWithBackoff() throws Exception {
        api.failNext(2);
        api.add(LoggingEntries.run("pull-flaky", "flaky", Instant.now().minusSeconds(30), 500));

        await(() -> Api.searchTotal("service:pull-flaky"), 500, Duration.ofSeconds(30));
        List<FakeLoggingApi.Call> calls = api.calls();
        int first = indexOfFailure(calls);
        assertThat(calls.get(first + 1).status()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(Duration.ofNanos(calls.get(first + 1).at() - calls.get(first).at()))
                .as("first backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.ofNanos(
                        calls.get(first + 2).at() - calls.get(first + 1).at()))
                .as("doubled")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }

    @Test
    void entriesThatArriveLateInsideTheOverlapAreStillPulled() throws Exception {
        Instant now = Instant.now();
        api.add(LoggingEntries.run("pull-late", "on-time", now.minusSeconds(10), 100));
        await(() -> Api.searchTotal("service:pull-late"), 100, Duration.ofSeconds(30));

        api.add(LoggingEntries.run("pull-late", "late", now.minusSeconds(70), 50)); // a minute older, arriving now
        await(() -> Api.searchTotal("service:pull-late"), 150, Duration.ofSeconds(30));
    }

    private static int indexOfFailure(List<FakeLoggingApi.Call> calls) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).status() == Status.Code.UNAVAILABLE) {
                return i;
            }
        }
        throw new AssertionError("no UNAVAILABLE call");
    }

    private static void await(LongSupplier count, long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long seen = count.getAsLong();
        while (seen < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            seen = count.getAsLong();
        }
        assertThat(seen).isEqualTo(expected);
    }
}
