package org.cleanmail.core.rules.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MetaEvaluationPlanTest {
    private static Map<String, MetaExpression> metas(String... nameAndText) throws MetaSyntaxException {
        Map<String, MetaExpression> metas = new HashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            metas.put(nameAndText[i], MetaExpression.parse(nameAndText[i + 1]));
        }
        return metas;
    }

    @Test
    void orderShouldPutDependenciesFirst() throws MetaSyntaxException {
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(
            metas("TOP", "__MID && B", "__MID", "__LOW || A", "__LOW", "A && B"), Set.of("A", "B"));
        assertThat(plan.order()).containsExactly("__LOW", "__MID", "TOP");
        assertThat(plan.cycles()).isEmpty();
        assertThat(plan.unknownReferences()).isEmpty();
    }

    @Test
    void evaluateShouldFeedMetaValuesToLaterMetas() throws MetaSyntaxException {
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(
            metas("TOP", "__MID + B > 1", "__MID", "A || B"), Set.of("A", "B"));
        assertThat(plan.evaluate(Map.of("A", 1, "B", 1))).containsEntry("__MID", 1.0).containsEntry("TOP", 1.0);
        assertThat(plan.evaluate(Map.of("A", 1))).containsEntry("__MID", 1.0).containsEntry("TOP", 0.0);
    }

    @Test
    void cyclesShouldBeReportedAndLeftOutOfTheOrder() throws MetaSyntaxException {
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(
            metas("X", "Y && A", "Y", "Z || A", "Z", "X", "SELF", "SELF || A", "OK", "A", "USES_X", "X || A"),
            Set.of("A"));
        assertThat(plan.cycles()).containsOnlyKeys("X", "Y", "Z", "SELF");
        assertThat(plan.cycles().get("Y")).containsExactly("X", "Y", "Z");
        assertThat(plan.order()).containsExactlyInAnyOrder("OK", "USES_X");
        assertThat(plan.unknownReferences()).containsEntry("USES_X", Set.of("X"));
        assertThat(plan.evaluate(Map.of("A", 0))).containsEntry("USES_X", 0.0).doesNotContainKey("X");
    }

    @Test
    void cycleReachedThroughCrossEdgeShouldBeFound() throws MetaSyntaxException {
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(metas("A", "B || C", "B", "A", "C", "B"), Set.of());
        assertThat(plan.cycles()).containsOnlyKeys("A", "B", "C");
    }

    @Test
    void unknownReferencesShouldReadAsZero() throws MetaSyntaxException {
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(metas("M", "A || GONE"), Set.of("A"));
        assertThat(plan.unknownReferences()).containsEntry("M", Set.of("GONE"));
        assertThat(plan.evaluate(Map.of("GONE", 1))).containsEntry("M", 0.0);
    }

    @Test
    void longChainShouldNotExhaustTheStack() throws MetaSyntaxException {
        Map<String, MetaExpression> chain = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            chain.put("M" + i, MetaExpression.parse(i == 0 ? "A" : "M" + (i - 1)));
        }
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(chain, Set.of("A"));
        assertThat(plan.order()).hasSize(50_000);
        assertThat(plan.order().get(0)).isEqualTo("M0");
        assertThat(plan.evaluate(Map.of("A", 1))).containsEntry("M49999", 1.0);
        assertThat(List.copyOf(plan.cycles().keySet())).isEmpty();
    }
}
