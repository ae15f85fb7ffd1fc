/**
 * A scan verdict carried by a James mail: reading the message to scan it, recording the
 * result as mail attributes, and reading it back, so that a verdict reached during the
 * SMTP session is reused by the {@code ScoreMessage} mailet instead of scanning twice.
 */
package org.cleanmail.james.verdict;
