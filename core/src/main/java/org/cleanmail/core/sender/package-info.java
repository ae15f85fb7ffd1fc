/**
 * Sender behaviour analysis: {@link org.cleanmail.core.sender.SenderBehaviourAnalyzer} answers
 * at connect, RCPT and end of DATA from sliding-window counters (connection rate, concurrent
 * connections, messages, recipients, unknown recipients per client and per network) and keeps
 * a decaying reputation per client IP, all behind {@link org.cleanmail.core.sender.SenderStateStore}.
 * Knows nothing of James.
 */
package org.cleanmail.core.sender;
