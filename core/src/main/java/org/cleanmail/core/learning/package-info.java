/**
 * Bulk learning: teaching the fingerprint database every message of folders and mbox
 * files, as spam or as ham, with progress and cancellation. The same code serves
 * {@code ./cleanmail learn} and the webadmin learning task.
 */
package org.cleanmail.core.learning;
