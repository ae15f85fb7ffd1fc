/**
 * The quarantine's index, retention and the account of deleted mail. Knows nothing of
 * James: the quarantined mails themselves are in a James mail repository, named here by
 * their mail key.
 *
 * <ul>
 *   <li>{@link org.cleanmail.core.quarantine.QuarantineIndex}: one
 *       {@link org.cleanmail.core.quarantine.QuarantineEntry} per recipient of each
 *       quarantined mail, listed with {@link org.cleanmail.core.quarantine.QuarantineQuery}
 *       filters, order and paging; {@code listOf(recipient, query)} is the per-user view and
 *       never holds another user's entry. {@link org.cleanmail.core.quarantine.EmbeddedQuarantineIndex}
 *       keeps it in memory with a journal on disk.</li>
 *   <li>Release: {@code beginRelease(id)}, deliver the mail to that recipient, then
 *       {@code markReleased(id)} (or {@code cancelRelease(id)} when delivery failed).</li>
 *   <li>{@link org.cleanmail.core.quarantine.RetentionPurger}: removes entries whose expiry
 *       (arrival plus the recipient's retention) has passed, deleting the mail first
 *       through a {@link org.cleanmail.core.quarantine.QuarantinedMailDeleter}; entries
 *       being released are skipped. Counts in {@link org.cleanmail.core.quarantine.PurgeResult}.</li>
 *   <li>{@link org.cleanmail.core.quarantine.DeletionLog}: recent deletions in memory and
 *       every deletion in an append-only file.</li>
 * </ul>
 *
 * Journal line of the index ({@code quarantine-index.jsonl}), one of:
 * <pre>
 * {"op":"add","entry":{"mailKey":"Mail1795611887000-2b50ebdb","recipient":"alice@example.com",
 *   "sender":"spammer@bad.example","subject":"Cheap pills","score":12.3,"hits":["GTUBE"],
 *   "reason":"SPAM","arrival":"2026-03-01T10:00:00Z","expiry":"2026-03-16T10:00:00Z","released":false}}
 * {"op":"released","mailKey":"Mail1795611887000-2b50ebdb","recipient":"alice@example.com"}
 * {"op":"remove","mailKey":"Mail1795611887000-2b50ebdb","recipient":"alice@example.com"}
 * </pre>
 * Line of the deletion log ({@code deletions.jsonl}):
 * <pre>
 * {"messageId":"&lt;abc@bad.example&gt;","sender":"spammer@bad.example","recipients":["alice@example.com"],
 *  "reason":"CERTAIN_SPAM","time":"2026-03-01T10:00:00Z"}
 * </pre>
 */
package org.cleanmail.core.quarantine;
