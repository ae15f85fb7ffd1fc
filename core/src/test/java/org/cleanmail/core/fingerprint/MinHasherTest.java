package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class MinHasherTest {
    private static final List<String> WORDS = List.of("cheap", "watches", "for", "sale", "today", "only", "click", "here",
        "to", "order", "yours", "now");

    @Test
    void signatureShouldNotDependOnTheWordsTheThreadHashedBefore() throws Exception {
        MinHasher hasher = new MinHasher(3, 32, 7);
        MinHashSignature fresh = CompletableFuture.supplyAsync(() -> hasher.signature(WORDS)).get();

        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            others.add("w" + i);
        }
        hasher.signature(others);
        MinHashSignature afterOthers = hasher.signature(WORDS);
        MinHashSignature again = hasher.signature(new ArrayList<>(WORDS));

        assertThat(afterOthers).isEqualTo(fresh);
        assertThat(again).isEqualTo(fresh);
    }

    @Test
    void differentTextsShouldHaveDifferentSignatures() {
        MinHasher hasher = new MinHasher(3, 32, 7);
        List<String> other = new ArrayList<>(WORDS);
        other.set(5, "never");

        assertThat(hasher.signature(other)).isNotEqualTo(hasher.signature(WORDS));
    }

    @Test
    void tooFewWordsShouldBeRefused() {
        assertThatThrownBy(() -> new MinHasher(3, 32, 7).signature(List.of("a", "b")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
