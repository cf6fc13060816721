package dev.rootline.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    private final TemplateMiner miner = new TemplateMiner(TemplateMiners.defaults(), "checkout");

    @Test
    void messagesThatDifferOnlyInVariablesShareOneTemplate() {
        TemplateMiner.Mined first = miner.add("ValueError: DATABASE_HOST must be set (got '') at 10.0.0.7:5432");
        TemplateMiner.Mined second = miner.add("ValueError: DATABASE_HOST must be set (got '') at 10.0.3.9:6543");

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.template()).isSameAs(first.template());
        assertThat(second.template().text()).isEqualTo("ValueError: DATABASE_HOST must be set (got '') at <*>");
        assertThat(second.template().count()).isEqualTo(2);
    }

    @Test
    void aWordThatVariesBecomesAVariableOnceEnoughOfTheMessageIsShared() {
        miner.add("Worker pid 17 exited with code 3 while booting app checkout");
        Template template = miner.add("Worker pid 18 exited with code 3 while booting app payments")
                .template();

        assertThat(template.text()).isEqualTo("Worker pid <*> exited with code <*> while booting app <*>");
        assertThat(miner.size()).isEqualTo(1);
    }

    @Test
    void mostlyMaskedAndShortMessagesDoNotMakeATemplateEachTime() {
        for (int i = 0; i < 100; i++) {
            miner.add("%d %d.%d 0x%x".formatted(i, i, i * 7, i * 31));
            miner.add("took " + i + "ms");
            miner.add(String.valueOf(i * 13));
            miner.add(i % 2 == 0 ? "" : " ");
            miner.add("/srv/app/run/" + i + "/lock held by 550e8400-e29b-41d4-a716-4466554400" + (10 + i));
        }
        assertThat(miner.size()).isEqualTo(5);
    }

    @Test
    void differentShapesOfTheSameLengthStayApart() {
        Template boot = miner.add("Booting worker with pid 17").template();
        Template shutdown = miner.add("Shutting down: Master now").template();

        assertThat(boot).isNotSameAs(shutdown);
    }

    @Test
    void theTemplateCountIsBoundedAndTheLeastRecentlySeenIsForgotten() {
        MinerConfig small = new MinerConfig(TemplateMiners.MASKS, true, 2, 0.7, 100, 3);
        TemplateMiner bounded = new TemplateMiner(small, "checkout");
        Template kept = bounded.add("connection reset by peer").template();
        for (String word : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
            bounded.add("connection reset by peer"); // seen again: never the least recent
            bounded.add(word + " " + word + " unrelated shape " + word);
        }
        assertThat(bounded.size()).isEqualTo(3);
        assertThat(bounded.add("connection reset by peer").template()).isSameAs(kept);
    }

    @Test
    void maskRulesAreDataThatCanRemoveOptionalParts() {
        MinerConfig config = TemplateMiners.defaults()
                .withMasks(List.of(
                        MaskRule.removing("size", " \\([\\d.]+ [KMG]B\\)", "("),
                        MaskRule.of("lifetime", "<\\d+ sec", "<")));
        TemplateMiner proxifier = new TemplateMiner(config, "proxifier");
        Template a = proxifier
                .add("close, 2034 bytes (1.98 KB) sent, lifetime <1 sec")
                .template();
        Template b = proxifier.add("close, 785 bytes sent, lifetime 00:39").template();

        assertThat(b).isSameAs(a);
        assertThat(a.text()).isEqualTo("close, <*> bytes sent, lifetime <*>");
    }

    @Test
    void aRestoredTemplateKeepsItsIdAndCountsOn() {
        Template made = miner.add("Worker pid 17 exited with code 3").template();
        miner.add("Worker pid 18 exited with code 3");

        TemplateMiner restarted = new TemplateMiner(TemplateMiners.defaults(), "checkout");
        restarted.restore(made.id(), made.text(), made.count());
        TemplateMiner.Mined again = restarted.add("Worker pid 19 exited with code 3");

        assertThat(again.created()).isFalse();
        assertThat(again.template().id()).isEqualTo(made.id());
        assertThat(again.template().count()).isEqualTo(3);
    }

    @Test
    void idsAreTheSameForTheSameFirstMessageInTheSameNamespace() {
        String id = miner.add("Application startup failed").template().id();

        assertThat(new TemplateMiner(TemplateMiners.defaults(), "checkout")
                        .add("Application startup failed")
                        .template()
                        .id())
                .isEqualTo(id);
        assertThat(new TemplateMiner(TemplateMiners.defaults(), "payments")
                        .add("Application startup failed")
                        .template()
                        .id())
                .isNotEqualTo(id);
    }
}
