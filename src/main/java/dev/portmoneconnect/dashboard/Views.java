package dev.portmoneconnect.dashboard;

import java.util.List;

/** What the dashboard's templates show: plain values, formatted for people. */
public final class Views {

    private Views() {
    }

    /**
     * What every page has.
     *
     * @param lang     {@code uk} or {@code en}
     * @param path     the page's own path, for the language links
     * @param notice   a confirmation to show, or null
     * @param error    why the last action was refused, or null
     * @param refresh  seconds after which the page reloads itself, 0 for never
     */
    public record Page(String lang, String path, String title, String notice, String error, int refresh) {

        public boolean uk() {
            return "uk".equals(lang);
        }
    }

    /**
     * @param id           null for a route file that could not be read
     * @param payments     the payment figures of the connection's invoices, or null when it has made none
     * @param startFailure why the connection's route did not start, or null when it runs
     */
    public record ConnectionCard(String id, String description, String source, String delivery, boolean enabled,
                                 String trigger, String timeZone, List<String> nextFireTimes, String upstream,
                                 List<String> downstream, RunRow lastRun, PaymentSummary payments,
                                 StartProblem startFailure, Attention attention) {

        public boolean started() {
            return startFailure == null;
        }

        /** The card's id in the page: the connection, or the file that declares none. */
        public String anchor() {
            return id != null ? id : startFailure.file().replaceAll("[^A-Za-z0-9-]", "-");
        }
    }

    /**
     * A connection's records that did not reach their payer.
     *
     * @param needed   failed, or parked and no longer tried on their own: an operator must look
     * @param since    when the oldest of those was last touched, formatted; null when none
     * @param retrying parked records later runs try again on their own
     */
    public record Attention(int needed, String since, int retrying) {

        public boolean any() {
            return needed > 0 || retrying > 0;
        }
    }

    /** Counts and sums of a connection's invoices by payment, the sums formatted for the page's language. */
    public record PaymentSummary(long invoiced, String invoicedSum, long paid, String paidSum, long outstanding,
                                 String outstandingSum, long expired, long returned) {
    }

    /**
     * One invoice still waiting for its payment.
     *
     * @param openFor how long it has waited, in words
     */
    public record UnpaidInvoice(long recordId, String orderNumber, String payer, String amount, String invoicedAt,
                                String openFor, String expiresAt, boolean rejected) {
    }

    /**
     * Why a route file's connection did not start.
     *
     * @param reason  in the page's language
     * @param waiting records its webhook kept, waiting for the connection to start
     */
    public record StartProblem(String file, String option, String code, String reason, int waiting) {
    }

    /**
     * @param triggerKind manual, schedule, after, replay or test
     * @param upstream    for {@code after}: the connection whose run started this one
     * @param error       why the run could not do its work, in the page's language
     */
    public record RunRow(String id, String connection, String triggerKind, String upstream, String status,
                         boolean dryRun, boolean test, String started, String finished, int records, int invoiced,
                         int delivered, int failed, int skipped, String error) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /**
     * @param field   the field that failed, named in the page's language
     * @param message why, in the page's language
     */
    public record FailedRecord(long id, String recordKey, String status, String step, String field, String code,
                               String message, String updated, String lastRunId, boolean replayable) {
    }

    public record RecordOutcome(Long recordId, String recordKey, String outcome, String step, String field,
                                String code, String message, String at, String statusNow, String orderNumber,
                                String paymentLink, String portmoneRequest, String deliveryPreview,
                                boolean replayable) {

        public boolean problem() {
            return message != null;
        }

        /** Only web links become clickable: a link is what Portmone answered, and shown as text otherwise. */
        public boolean linkIsWeb() {
            return paymentLink != null && (paymentLink.startsWith("https://") || paymentLink.startsWith("http://"));
        }
    }

    /** What the forms on a connection's page hold after a refused or previewed request. */
    public record Forms(String sample, String email, String phone) {

        public static Forms empty() {
            return new Forms("", "", "");
        }
    }

    public record PreviewPage(String source, List<RecordPreview> records) {
    }

    public record RecordPreview(String sourceId, List<FieldValue> fields, String recordKey, boolean valid,
                                List<FieldProblem> errors, String payerName, String payerEmail, String payerPhone,
                                String amount, String description, String language, String orderNumber,
                                String ledgerStatus, String portmoneRequest, List<Message> messages) {
    }

    public record FieldProblem(String field, String reason) {
    }

    public record FieldValue(String name, String value) {
    }

    public record Message(String channel, String to, String subject, String body, boolean html, Integer parts,
                          String encoding, String error) {
    }
}
