package dev.portmoneconnect.payments;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and writes {@code payment_status}. Every change is a conditional update on the row's version. */
@ApplicationScoped
public class PaymentRepository {

    static final String COLUMNS = "p.record_id, p.connection_id, r.record_key, r.source_id, p.account,"
            + " p.shop_order_number, p.amount_minor, p.test_send, p.close_expired, p.status, p.portmone_status,"
            + " p.invoiced_at, p.expires_at, p.paid_at, p.paid_minor, p.bill_id, p.checked_at, p.changed_at,"
            + " p.closed_at, p.close_error, p.version";
    static final String FROM = " FROM payment_status p JOIN ledger_record r ON r.id = p.record_id";
    /** With the invoice as the ledger keeps it: its link and the mapped invoice's JSON. */
    static final String WITH_INVOICE = COLUMNS + ", r.payment_link, r.invoice_json";

    /** Values per IN list: keeps statements small on every database. */
    private static final int BATCH = 500;

    @Inject
    Jdbc jdbc;

    /** @return false when the invoice's status is followed already */
    public boolean insertIfNew(Payment p) {
        try {
            jdbc.update("INSERT INTO payment_status (record_id, connection_id, account, shop_order_number, amount_minor,"
                            + " test_send, close_expired, status, invoiced_at, expires_at, changed_at, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                    p.recordId(), p.connectionId(), p.account(), p.shopOrderNumber(), p.amountMinor(), p.testSend(),
                    p.closeExpired(), p.status(), p.invoicedAt(), p.expiresAt(), p.changedAt());
            return true;
        } catch (LedgerException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Payment> find(long recordId) {
        return jdbc.one("SELECT " + COLUMNS + FROM + " WHERE p.record_id = ?", PaymentRepository::map, recordId);
    }

    /** The invoice's payment with the invoice itself. */
    public Optional<Invoiced> findInvoiced(long recordId) {
        return jdbc.one("SELECT " + WITH_INVOICE + FROM + " WHERE p.record_id = ?", PaymentRepository::invoiced,
                recordId);
    }

    public Optional<Payment> findByOrder(String account, String shopOrderNumber) {
        return jdbc.one("SELECT " + COLUMNS + FROM + " WHERE p.shop_order_number = ? AND p.account = ?",
                PaymentRepository::map, shopOrderNumber, account);
    }

    /** The account's invoices among these order numbers, by order number. */
    public Map<String, Payment> findByOrders(String account, Collection<String> orderNumbers) {
        List<String> all = List.copyOf(orderNumbers);
        Map<String, Payment> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Object> params = new ArrayList<>(batch);
            params.add(account);
            jdbc.list("SELECT " + COLUMNS + FROM + " WHERE p.shop_order_number IN (" + marks(batch.size())
                            + ") AND p.account = ?", PaymentRepository::map, params.toArray())
                    .forEach(p -> found.put(p.shopOrderNumber(), p));
        }
        return found;
    }

    /** The account's open invoices (unpaid or declined), whether or not their link has expired yet. */
    public List<Payment> open(String account) {
        return jdbc.list("SELECT " + COLUMNS + FROM + " WHERE p.account = ? AND p.status IN (?, ?)",
                PaymentRepository::map, account, PaymentStatus.UNPAID, PaymentStatus.REJECTED);
    }

    /** The account's expired invoices to close at Portmone: not closed yet, nor refused closing. */
    public List<Payment> toClose(String account) {
        return jdbc.list("SELECT " + COLUMNS + FROM + " WHERE p.account = ? AND p.status = ? AND p.close_expired = ?"
                        + " AND p.closed_at IS NULL AND p.close_error IS NULL",
                PaymentRepository::map, account, PaymentStatus.EXPIRED, true);
    }

    /**
     * Moves the invoice to what Portmone says, if nobody changed it since it was read.
     *
     * @return whether this call changed it
     */
    public boolean change(Payment current, PaymentStatus status, String portmoneStatus, Instant paidAt, Long paidMinor,
                          String billId, Instant now, boolean checked) {
        return jdbc.update("UPDATE payment_status SET status = ?, portmone_status = ?, paid_at = ?, paid_minor = ?,"
                        + " bill_id = ?, checked_at = ?, changed_at = ?, version = version + 1"
                        + " WHERE record_id = ? AND version = ?",
                status, portmoneStatus, paidAt, paidMinor, billId, checked ? now : current.checkedAt(), now,
                current.recordId(), current.version()) == 1;
    }

    /** Notes that Portmone was asked about this invoice alone and found nothing new. */
    public void checked(long recordId, Instant now) {
        jdbc.update("UPDATE payment_status SET checked_at = ? WHERE record_id = ?", now, recordId);
    }

    public void closed(long recordId, Instant now) {
        jdbc.update("UPDATE payment_status SET closed_at = ? WHERE record_id = ?", now, recordId);
    }

    public void closeRefused(long recordId, String error) {
        jdbc.update("UPDATE payment_status SET close_error = ? WHERE record_id = ?", error, recordId);
    }

    /** When each of these invoices was paid: only the paid ones are in the answer. */
    public Map<Long, Instant> paidAt(Collection<Long> recordIds) {
        List<Long> all = List.copyOf(recordIds);
        Map<Long, Instant> paid = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<Object> params = new ArrayList<>(batch);
            params.add(PaymentStatus.PAID);
            jdbc.list("SELECT record_id, paid_at FROM payment_status WHERE record_id IN (" + marks(batch.size())
                                    + ") AND status = ? AND paid_at IS NOT NULL",
                            rs -> Map.entry(rs.getLong("record_id"), Jdbc.instant(rs, "paid_at")), params.toArray())
                    .forEach(e -> paid.put(e.getKey(), e.getValue()));
        }
        return paid;
    }

    /** Invoices as the API lists them, newest first. */
    public List<Invoiced> list(InvoiceFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + WITH_INVOICE + FROM + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.connection() != null) {
            sql.append(" AND p.connection_id = ?");
            params.add(filter.connection());
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND p.status IN (").append(marks(filter.statuses().size())).append(")");
            params.addAll(filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.from() != null) {
            sql.append(" AND p.invoiced_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND p.invoiced_at < ?");
            params.add(filter.to());
        }
        if (!filter.tests()) {
            sql.append(" AND p.test_send = ?");
            params.add(false);
        }
        sql.append(" ORDER BY p.invoiced_at DESC, p.record_id DESC LIMIT ?");
        params.add(filter.limit());
        return jdbc.list(sql.toString(), PaymentRepository::invoiced, params.toArray());
    }

    /** Count and sums per connection and status, test sends left out. */
    public List<Tally> tallies() {
        return jdbc.list("SELECT connection_id, status, COUNT(*) AS n, SUM(amount_minor) AS amount,"
                        + " SUM(paid_minor) AS paid FROM payment_status WHERE test_send = ?"
                        + " GROUP BY connection_id, status",
                rs -> new Tally(rs.getString("connection_id"), PaymentStatus.valueOf(rs.getString("status")),
                        rs.getLong("n"), rs.getLong("amount"), rs.getLong("paid")), false);
    }

    /** The connection's open invoices, oldest first. */
    public List<Invoiced> openOf(String connectionId, int limit) {
        return jdbc.list("SELECT " + WITH_INVOICE + FROM + " WHERE p.connection_id = ? AND p.status IN (?, ?)"
                        + " AND p.test_send = ? ORDER BY p.invoiced_at, p.record_id LIMIT ?", PaymentRepository::invoiced,
                connectionId, PaymentStatus.UNPAID, PaymentStatus.REJECTED, false, limit);
    }

    /** One account's last poll, kept by update-then-insert. */
    public void savePoll(String account, Instant at, boolean succeeded, int calls, int changed, String error) {
        int updated = jdbc.update("UPDATE payment_poll SET polled_at = ?, succeeded = ?, calls = ?, changed = ?,"
                + " error_message = ? WHERE account = ?", at, succeeded, calls, changed, error, account);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO payment_poll (account, polled_at, succeeded, calls, changed, error_message)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", account, at, succeeded, calls, changed, error);
            } catch (LedgerException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
            }
        }
    }

    public List<LastPoll> lastPolls() {
        return jdbc.list("SELECT account, polled_at, succeeded, calls, changed, error_message FROM payment_poll"
                        + " ORDER BY account",
                rs -> new LastPoll(rs.getString("account"), Jdbc.instant(rs, "polled_at"), rs.getBoolean("succeeded"),
                        rs.getInt("calls"), rs.getInt("changed"), rs.getString("error_message")));
    }

    static String marks(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "?").collect(Collectors.joining(","));
    }

    static Payment map(ResultSet rs) throws SQLException {
        long paid = rs.getLong("paid_minor");
        Long paidMinor = rs.wasNull() ? null : paid;
        return new Payment(rs.getLong("record_id"), rs.getString("connection_id"), rs.getString("record_key"),
                rs.getString("source_id"), rs.getString("account"), rs.getString("shop_order_number"),
                rs.getLong("amount_minor"), rs.getBoolean("test_send"), rs.getBoolean("close_expired"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("portmone_status"),
                Jdbc.instant(rs, "invoiced_at"), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "paid_at"), paidMinor,
                rs.getString("bill_id"), Jdbc.instant(rs, "checked_at"), Jdbc.instant(rs, "changed_at"),
                Jdbc.instant(rs, "closed_at"), rs.getString("close_error"), rs.getInt("version"));
    }

    static Invoiced invoiced(ResultSet rs) throws SQLException {
        return new Invoiced(map(rs), rs.getString("payment_link"), rs.getString("invoice_json"));
    }

    /** An invoice's payment with the invoice itself: its link and the mapped invoice's JSON, as the ledger keeps them. */
    public record Invoiced(Payment payment, String paymentLink, String invoiceJson) {
    }

    /** How many invoices of a connection are in one status, and their sums in kopiyky. */
    public record Tally(String connectionId, PaymentStatus status, long count, long amountMinor, long paidMinor) {
    }

    /** How the last status poll of an account went. */
    public record LastPoll(String account, Instant at, boolean succeeded, int calls, int changed, String error) {
    }

    /**
     * Which invoices to list.
     *
     * @param connection null for every connection
     * @param statuses   empty for every status
     * @param from       invoiced at or after, or null
     * @param to         invoiced before, or null
     * @param tests      include the invoices of test sends
     */
    public record InvoiceFilter(String connection, Collection<PaymentStatus> statuses, Instant from, Instant to,
                                boolean tests, int limit) {
    }
}
