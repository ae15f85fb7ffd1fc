package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void defaultsShouldBeTwentyThousandRulesTwoThreadsBothPeersAndEveryMessage() {
        BenchOptions options = BenchOptions.parse(List.of("corpus/ham", "corpus/spam"));

        assertThat(options.extraRules()).isEqualTo(20_000);
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.messages()).isEqualTo(Integer.MAX_VALUE);
        assertThat(options.spamd()).isTrue();
        assertThat(options.rspamd()).isTrue();
        assertThat(options.spamdExtraRules()).isFalse();
        assertThat(options.paths()).containsExactly(Path.of("corpus/ham"), Path.of("corpus/spam"));
    }

    @Test
    void everyOptionShouldBeRead() {
        BenchOptions options = BenchOptions.parse(List.of("--messages", "1,000", "--extra-rules", "5000", "--threads", "1",
            "--rounds", "5", "--seed", "9", "--no-rspamd", "--spamd-extra-rules", "mail"));

        assertThat(options.messages()).isEqualTo(1000);
        assertThat(options.extraRules()).isEqualTo(5000);
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.rounds()).isEqualTo(5);
        assertThat(options.seed()).isEqualTo(9);
        assertThat(options.rspamd()).isFalse();
        assertThat(options.spamd()).isTrue();
        assertThat(options.spamdExtraRules()).isTrue();
    }

    @Test
    void noExtraRulesShouldBeAllowed() {
        assertThat(BenchOptions.parse(List.of("--extra-rules", "0", "mail")).extraRules()).isZero();
    }

    @Test
    void badValuesShouldBeRefusedWithTheOptionAndAnExample() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--messages", "many", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--messages must be a whole number, e.g. --messages");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--threads", "0", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--threads must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rounds", "0", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--rounds must be at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--extra-rules", "-5", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--extra-rules must be at least 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("unknown option --fast");
    }

    @Test
    void messagesShouldBeRequired() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--threads", "2")))
            .isInstanceOf(UsageException.class).hasMessageContaining("name at least one message");
    }

    @Test
    void spamdWithTheExtraRulesNeedsSpamdAndExtraRules() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--spamd-extra-rules", "--no-spamd", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--spamd-extra-rules needs spamd");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--spamd-extra-rules", "--extra-rules", "0", "mail")))
            .isInstanceOf(UsageException.class).hasMessageContaining("--spamd-extra-rules needs spamd");
    }
}
