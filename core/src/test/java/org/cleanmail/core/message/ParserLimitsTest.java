package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParserLimitsTest {
    @Test
    void defaultsShouldBeTheDocumentedValues() {
        ParserLimits limits = ParserLimits.defaults();

        assertThat(limits.maxMessageBytes()).isEqualTo(ParserLimits.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(limits.maxDepth()).isEqualTo(ParserLimits.DEFAULT_MAX_DEPTH);
        assertThat(limits).isEqualTo(ParserLimits.builder().build());
    }

    @Test
    void builderShouldSetEachLimit() {
        ParserLimits limits = ParserLimits.builder().maxMessageBytes(1).maxPartBytes(2).maxTextBytes(3).maxParts(4)
            .maxDepth(5).maxHeaders(6).maxHeaderBytes(7).maxHtmlBytes(8).maxUris(9).build();

        assertThat(limits).extracting(ParserLimits::maxMessageBytes, ParserLimits::maxPartBytes,
                ParserLimits::maxTextBytes, ParserLimits::maxParts, ParserLimits::maxDepth, ParserLimits::maxHeaders,
                ParserLimits::maxHeaderBytes, ParserLimits::maxHtmlBytes, ParserLimits::maxUris)
            .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void builderShouldRejectNonPositiveLimitsNamingThem() {
        assertThatThrownBy(() -> ParserLimits.builder().maxDepth(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'maxDepth' must be a positive number, e.g. maxDepth(1000); got 0");
    }
}
