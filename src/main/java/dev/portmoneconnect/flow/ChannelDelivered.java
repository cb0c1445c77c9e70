package dev.portmoneconnect.flow;

/**
 * A channel has sent a record's payment link. Fired right after the send, before the route's
 * next step, so that the ledger knows it even if a later channel fails.
 *
 * @param ledgerId the ledger record, or null when the route keeps no ledger
 * @param channels every channel that has delivered the link so far, comma-separated
 * @param preview  what was sent, by every channel so far
 * @param parts    SMS parts sent when the link went by SMS, 1 for e-mail alone
 */
public record ChannelDelivered(Long ledgerId, String channels, String preview, Integer parts) {
}
