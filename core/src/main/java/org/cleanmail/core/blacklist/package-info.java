/**
 * Administrator blacklists and personal white/black lists: {@link org.cleanmail.core.blacklist.Blacklist}
 * (client IPs and networks, sender domains and addresses, HELO names; constant-time lookups,
 * lock-free reads), {@link org.cleanmail.core.blacklist.PersonalLists} (per-recipient verdicts),
 * their text file formats and atomic persistence. Knows nothing of James.
 */
package org.cleanmail.core.blacklist;
