package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Test;

class PerMessageCacheTest {
    private final AtomicInteger computed = new AtomicInteger();
    private final PerMessageCache<String> subjects = new PerMessageCache<>(features -> {
        computed.incrementAndGet();
        return features.headers().first("Subject").orElse("");
    });

    @Test
    void valueShouldBeComputedOncePerMessage() {
        MessageFeatures first = Messages.message("Subject: one", "", "body");
        MessageFeatures second = Messages.message("Subject: two", "", "body");

        assertThat(subjects.get(first)).isEqualTo("one");
        assertThat(subjects.get(first)).isEqualTo("one");
        assertThat(subjects.get(second)).isEqualTo("two");
        assertThat(subjects.get(second)).isEqualTo("two");
        assertThat(subjects.get(first)).isEqualTo("one");

        assertThat(computed).hasValue(2);
    }

    @Test
    void equalMessagesShouldBeToldApartByIdentity() {
        MessageFeatures first = Messages.message("Subject: same", "", "body");
        MessageFeatures second = Messages.message("Subject: same", "", "body");

        subjects.get(first);
        subjects.get(second);
        subjects.get(first);

        assertThat(computed).hasValue(2);
    }
}
