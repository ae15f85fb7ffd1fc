/**
 * Policies and message disposition: what happens to a scanned message for each recipient.
 *
 * <h2>Model</h2>
 * A {@link org.cleanmail.core.policy.Policy} sets any of the fields of
 * {@link org.cleanmail.core.policy.PolicyField} for one {@link org.cleanmail.core.policy.PolicyScope}:
 * global (corporate), a domain or a group (divisional), a user (personal). The
 * {@link org.cleanmail.core.policy.PolicyResolver} merges them field by field into a
 * recipient's {@link org.cleanmail.core.policy.EffectivePolicy}: user, then groups (highest
 * priority first, then by name), then domain, then global, then built-in defaults; each
 * value remembers its source. The {@link org.cleanmail.core.policy.DispositionPlanner} turns
 * a scan result and the recipients' effective policies into a
 * {@link org.cleanmail.core.policy.DispositionPlan}: one action per recipient, recipients
 * with identical treatment grouped so that James splits the mail into one copy per group.
 *
 * <h2>JSON</h2>
 * A policy is a JSON object with any of these members (absent or {@code null}: inherited):
 * <pre>
 * spamThreshold            number   score from which a message is spam (built-in 5.0)
 * certainSpamThreshold     number   score from which it is certain spam (15.0); at least spamThreshold
 * spamAction               string   DELIVER_TAGGED, DELIVER_TO_SPAM_FOLDER, QUARANTINE, DELETE, REJECT (QUARANTINE)
 * certainSpamAction        string   same choices (QUARANTINE)
 * virusAction              string   QUARANTINE, DELETE (QUARANTINE)
 * bannedContentAction      string   as spamAction, but REJECT (QUARANTINE)
 * subjectPrefix            string   put before the subject of tagged mail, "" for none ("[SPAM]"); at most 64 characters
 * addCleanMailHeaders      boolean  X-CleanMail-Status/-Score/-Report on tagged mail (true)
 * addSpamAssassinHeaders   boolean  X-Spam-Flag/X-Spam-Status too (false)
 * attachReport             boolean  attach the spam report (false)
 * quarantineRetentionDays  integer 1 to 365 (15)
 * usersMayRelease          boolean  recipients may release their own quarantined mail (true)
 * personalListsEnabled     boolean  personal white/black lists apply (true)
 * </pre>
 * REJECT is an SMTP refusal, possible only when the decision is made before the end of
 * DATA; after acceptance it becomes QUARANTINE.
 *
 * <p>Webadmin bodies are such objects. The policy file ({@code policies.json} of
 * {@link org.cleanmail.core.policy.EmbeddedPolicyStore}, also the defaults file
 * administrators write; {@link org.cleanmail.core.policy.PolicyFileFormat}) holds all
 * scopes. This example has a corporate policy, a divisional one for the domain
 * {@code sales.example.com}, a group for executives, and a personal override:
 * <pre>
 * {
 *   "global": {
 *     "spamThreshold": 5.0,
 *     "certainSpamThreshold": 15.0,
 *     "spamAction": "QUARANTINE",
 *     "certainSpamAction": "DELETE",
 *     "virusAction": "QUARANTINE",
 *     "quarantineRetentionDays": 15,
 *     "usersMayRelease": true
 *   },
 *   "domains": {
 *     "sales.example.com": {
 *       "spamThreshold": 6.5,
 *       "spamAction": "DELIVER_TO_SPAM_FOLDER",
 *       "subjectPrefix": "[SPAM]",
 *       "addSpamAssassinHeaders": true
 *     }
 *   },
 *   "groups": {
 *     "executives": {
 *       "priority": 10,
 *       "members": ["ceo@example.com", "cfo@example.com"],
 *       "policy": { "spamAction": "DELIVER_TAGGED", "usersMayRelease": false, "quarantineRetentionDays": 30 }
 *     }
 *   },
 *   "users": {
 *     "alice@sales.example.com": { "spamThreshold": 8.0, "spamAction": "DELIVER_TAGGED", "attachReport": true }
 *   }
 * }
 * </pre>
 * A user in several groups gets the group with the highest {@code priority} (default 0)
 * first, then groups by name. Unknown members, wrong types and values a policy refuses
 * fail with a message naming the member, e.g. {@code domains.sales.example.com: 'spamAction'
 * must be one of [...]}.
 */
package org.cleanmail.core.policy;
