/**
 * Reading SpamAssassin {@code .cf} rule files: {@link
 * org.cleanmail.core.rules.sa.SpamAssassinRuleLoader} with {@link
 * org.cleanmail.core.rules.sa.RuleLoadOptions} (plugins we have, capabilities, Java eval
 * implementations, version, network rules). Follows SpamAssassin 4.0's own parser for
 * comments, {@code if}/{@code ifplugin} blocks, {@code include}, {@code lang},
 * {@code require_version}, ReplaceTags and redefinitions.
 */
package org.cleanmail.core.rules.sa;
