package dev.rootline.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.SharedData;
import dev.rootline.bench.VariedIds;
import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A million lines of the real exports, replayed with their ids changed each time, do not grow the templates. */
@SharedData.Required
class ExportsReplayTest {

    @Test
    void theTemplateCountStaysBoundedOverAMillionReplayedLines() throws Exception {
        List<String> messages = new ArrayList<>();
        for (Path file : SharedData.entryFiles()) {
            for (LogEvent event : Payloads.read(Files.readAllBytes(file), Entries.NOW)) {
                messages.add(event.message());
            }
        }
        TemplateMiner miner = new TemplateMiner(TemplateMiners.defaults(), "exports");
        int lines = 0;
        int afterFirstRound = 0;
        for (int round = 0; lines < 1_000_000; round++) {
            for (String message : VariedIds.replay(messages, round)) {
                miner.add(message);
                lines++;
            }
            afterFirstRound = round == 0 ? miner.size() : afterFirstRound;
        }
        System.out.printf(
                "%,d distinct messages, %,d lines: %d templates after one round, %d at the end%n",
                messages.stream().distinct().count(), lines, afterFirstRound, miner.size());
        assertThat(miner.size()).isLessThanOrEqualTo(afterFirstRound + afterFirstRound / 20);
    }
}
