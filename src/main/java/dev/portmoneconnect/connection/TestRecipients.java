package dev.portmoneconnect.connection;

/**
 * Where a test send delivers instead of the record's payer. A channel without its own test
 * recipient sends nothing, so a test never reaches a payer the tester did not name.
 *
 * @param email the address e-mails go to, or null
 * @param phone the phone SMS go to, {@code 380XXXXXXXXX}, or null
 */
public record TestRecipients(String email, String phone) {
}
