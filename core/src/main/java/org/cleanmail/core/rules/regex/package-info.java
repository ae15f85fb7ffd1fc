/**
 * Perl to Java regular expression translation: {@link
 * org.cleanmail.core.rules.regex.PerlRegexTranslator} gives a {@link
 * org.cleanmail.core.rules.regex.RegexTranslation}, either a compiled {@link
 * org.cleanmail.core.rules.regex.PerlRegex} or the reason it has no Java equivalent.
 */
package org.cleanmail.core.rules.regex;
