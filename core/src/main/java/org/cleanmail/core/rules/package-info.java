/**
 * The SpamAssassin rule language, as a model a matching engine can run: {@link
 * org.cleanmail.core.rules.RuleSet} holds {@link org.cleanmail.core.rules.RuleDefinition}s
 * (name, type, translated pattern, header spec, eval call or meta expression, scores,
 * description, tflags, priority, file:line), the rules that could not be used and why,
 * the other directives, the problems met, and a {@link org.cleanmail.core.rules.LoadSummary}.
 *
 * <p>Subpackages: {@code sa} reads {@code .cf} files, {@code regex} translates Perl
 * regular expressions to {@link java.util.regex.Pattern}, {@code meta} parses, evaluates
 * and orders meta expressions. Nothing here matches messages.
 */
package org.cleanmail.core.rules;
