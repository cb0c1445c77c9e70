package dev.portmoneconnect.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.api.ApiExceptionMappers.InvalidRequestException;
import dev.portmoneconnect.api.ApiExceptionMappers.NotFoundException;
import dev.portmoneconnect.payments.PaymentPolls;
import dev.portmoneconnect.payments.PaymentRepository;
import dev.portmoneconnect.payments.PaymentRepository.InvoiceFilter;
import dev.portmoneconnect.payments.PaymentStatus;
import dev.portmoneconnect.payments.PollReport;
import dev.portmoneconnect.portmone.CreateLinkPayment;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Path("/api")
@ApplicationScoped
@Tag(name = "Payments", description = "Payment status of the invoices, from Portmone")
public class PaymentsResource {

    static final String CSV = "text/csv";
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;

    @Inject
    PaymentPolls polls;

    @Inject
    PaymentRepository payments;

    @Inject
    ObjectMapper json;

    @Inject
    CamelContext camel;

    @Inject
    Clock clock;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "payment-poll-on-demand");
        t.setDaemon(true);
        return t;
    });

    void shutdown(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    @POST
    @Path("/payments/poll")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Asks Portmone for the payment status of the open invoices now: every account, or one")
    public Response poll(@QueryParam("wait") @DefaultValue("false") boolean wait, @QueryParam("account") String account) {
        List<String> accounts = polls.accounts();
        if (account != null && !account.isBlank() && !accounts.contains(account)) {
            throw new NotFoundException("No Portmone account " + account);
        }
        List<String> chosen = account == null || account.isBlank() ? accounts : List.of(account);
        if (!wait) {
            background.submit(() -> chosen.forEach(polls::poll));
            return Response.accepted(new PollStarted("POLLING", chosen)).build();
        }
        List<PollReport> reports = chosen.stream().map(polls::poll).toList();
        return Response.ok(new PollAnswer(reports)).build();
    }

    @GET
    @Path("/payments/polls")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How the last status poll of each account went")
    public List<PaymentRepository.LastPoll> lastPolls() {
        return payments.lastPolls();
    }

    @GET
    @Path("/invoices")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Invoices with their payment status, newest first; as CSV with Accept: text/csv or format=csv."
            + " status: unpaid, paid, rejected, returned, expired, open (comma-separated); from, to: days (yyyy-MM-dd,"
            + " Kyiv) or instants, on the invoice's date")
    public Response invoices(@QueryParam("connection") String connection, @QueryParam("status") String status,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("limit") @DefaultValue("1000") int limit,
                             @QueryParam("tests") @DefaultValue("false") boolean tests,
                             @QueryParam("format") String format, @Context HttpHeaders headers) throws Exception {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit: between 1 and " + MAX_LIMIT);
        }
        InvoiceFilter filter = new InvoiceFilter(blankToNull(connection), statuses(status), instant("from", from, false),
                instant("to", to, true), tests, limit);
        Instant now = clock.instant();
        List<InvoiceView> invoices = payments.list(filter).stream().map(row -> InvoiceView.of(row, json, now)).toList();
        if (wantsCsv(format, headers)) {
            return Response.ok(csv(invoices), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"invoices.csv\"").build();
        }
        return Response.ok(invoices, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String csv(List<InvoiceView> invoices) throws Exception {
        CsvDataFormat csv = new CsvDataFormat();
        csv.setHeader(InvoiceView.COLUMNS.toArray(String[]::new));
        csv.setRecordSeparator("\r\n");
        csv.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            csv.marshal(new DefaultExchange(camel), invoices.stream().map(InvoiceView::csvRow).toList(), out);
            if (invoices.isEmpty()) {
                // the header row alone
                return String.join(",", InvoiceView.COLUMNS) + "\r\n";
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            csv.stop();
        }
    }

    private static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidRequestException("format: csv or json");
            };
        }
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> CSV.equals(type.getType() + "/" + type.getSubtype())).orElse(false);
    }

    static Set<PaymentStatus> statuses(String text) {
        Set<PaymentStatus> statuses = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return statuses;
        }
        for (String word : Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList()) {
            if ("open".equalsIgnoreCase(word)) {
                statuses.addAll(PaymentStatus.OPEN);
                continue;
            }
            try {
                statuses.add(PaymentStatus.parse(word));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status: " + e.getMessage());
            }
        }
        return statuses;
    }

    /** A day (Kyiv) or an instant; {@code to} as a day includes the whole day. */
    static Instant instant(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CreateLinkPayment.PORTMONE_ZONE).toInstant();
            }
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + ": a day such as 2026-03-01 or an instant such as"
                    + " 2026-03-01T10:00:00Z, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The answer to a poll asked for without waiting. */
    public record PollStarted(String status, List<String> accounts) {
    }

    /** What each account's poll did. */
    public record PollAnswer(List<PollReport> accounts) {

        public int calls() {
            return accounts.stream().mapToInt(PollReport::calls).sum();
        }

        public int changed() {
            return accounts.stream().mapToInt(PollReport::changed).sum();
        }
    }
}
