/**
 * SpamAssassin's relay analysis: the handovers recorded in the Received header fields
 * ({@link org.cleanmail.core.message.relay.ReceivedLineParser}, a port of
 * {@code Mail::SpamAssassin::Message::Metadata::Received}), split into trusted and
 * untrusted, internal and external relays by the {@code trusted_networks} /
 * {@code internal_networks} / {@code msa_networks} of the rule files
 * ({@link org.cleanmail.core.message.relay.RelayNetworks}), giving the pseudo-headers
 * {@code X-Spam-Relays-*}, {@code ALL-TRUSTED} and the like, and {@code EnvelopeFrom}
 * ({@link org.cleanmail.core.message.relay.RelayPath}).
 */
package org.cleanmail.core.message.relay;
