/**
 * Meta rules: {@link org.cleanmail.core.rules.meta.MetaExpression} parses and evaluates one
 * expression with Perl's semantics; {@link org.cleanmail.core.rules.meta.MetaEvaluationPlan}
 * orders a set of metas, finds cycles and unknown references, and evaluates them all.
 */
package org.cleanmail.core.rules.meta;
