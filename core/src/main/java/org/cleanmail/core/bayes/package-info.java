/**
 * A statistical (naive Bayes) spam filter, as SpamAssassin's and rspamd's: the tokens of
 * messages learnt as spam and as ham are counted, and a new message's tokens give the
 * probability that it is spam, combined with Robinson's and Fisher's method (chi-square),
 * the one SpamAssassin uses. The probability reaches the score through SpamAssassin's own
 * {@code BAYES_*} rules ({@code eval:check_bayes}), so their scores and score set apply.
 *
 * <ul>
 *   <li>{@link org.cleanmail.core.bayes.BayesTokenizer}: a parsed message's tokens, hashed.</li>
 *   <li>{@link org.cleanmail.core.bayes.TokenDatabase}: the counts, in memory, persisted in a
 *       folder (snapshot plus journal), safe for concurrent readers and learners.</li>
 *   <li>{@link org.cleanmail.core.bayes.BayesClassifier}: counts to a probability.</li>
 *   <li>{@link org.cleanmail.core.bayes.BayesFilter}: the three together, what callers use.</li>
 * </ul>
 * Nothing here knows James.
 */
package org.cleanmail.core.bayes;
