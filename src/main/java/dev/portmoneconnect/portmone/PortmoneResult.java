package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code result} request (payment status of orders) and the reading of its answer. Every field
 * name of the method lives here, and so do the assumptions about it.
 */
public final class PortmoneResult {

    /** Portmone's dates: {@code dd.MM.yyyy}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** {@code pay_date}: {@code dd.MM.yyyy HH:mm:ss}, Kyiv time. */
    static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    /**
     * The longest range of days one call asks for (assumed: Portmone documents no limit, and a
     * range of a month keeps one answer small).
     */
    public static final int MAX_RANGE_DAYS = 31;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PortmoneResult() {
    }

    /** The request body. It holds the account's password: it is sent, never logged or stored. */
    public static ObjectNode request(PortmoneAccount account, ResultQuery query) {
        ObjectNode body = JSON.createObjectNode();
        body.put("method", "result");
        ObjectNode data = body.putObject("params").putObject("data");
        data.put("login", account.login());
        data.put("password", account.password());
        data.put("payeeId", account.payeeId());
        data.put("shopOrderNumber", query.shopOrderNumber() == null ? "" : query.shopOrderNumber());
        data.put("status", "");
        data.put("startDate", DATE.format(query.startDate()));
        data.put("endDate", DATE.format(query.endDate()));
        body.put("id", "1");
        return body;
    }

    /**
     * Reads Portmone's answer: an array of orders, empty when nothing matches.
     *
     * @throws PortmoneException with Portmone's code and message when it refused the request
     */
    public static List<OrderStatus> statuses(int httpStatus, String responseBody) {
        JsonNode answer = Answers.read(httpStatus, responseBody);
        if (answer.isObject()) {
            // a failed request answers one object instead of the array
            String code = Answers.errorCode(answer);
            throw new PortmoneRejectedException(code.isEmpty() ? "NO_RESULT" : code,
                    answer.path("error").asText(answer.path("errorMessage").asText("Portmone answered no list of orders")));
        }
        if (!answer.isArray()) {
            throw new PortmoneUnavailableException("BAD_RESPONSE", "Portmone's result answer is not a JSON array");
        }
        List<OrderStatus> statuses = new ArrayList<>(answer.size());
        for (JsonNode item : answer) {
            String orderNumber = item.path("shopOrderNumber").asText("");
            if (orderNumber.isEmpty()) {
                continue;
            }
            statuses.add(new OrderStatus(orderNumber, item.path("shopBillId").asText(""),
                    item.path("status").asText("").trim().toUpperCase(java.util.Locale.ROOT),
                    amount(item.path("billAmount")), payDate(item.path("pay_date").asText("")),
                    item.path("errorCode").asText(""), item.path("errorMessage").asText("")));
        }
        return statuses;
    }

    static BigDecimal amount(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText("").trim().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant payDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), PAY_DATE).atZone(CreateLinkPayment.PORTMONE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
