package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.Invoice;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code createLinkPayment} request and the reading of its answer. Every field name Portmone
 * sees lives here, so a change in Portmone's contract is a change in this one class.
 */
public final class CreateLinkPayment {

    public static final ZoneId PORTMONE_ZONE = ZoneId.of("Europe/Kyiv");
    static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CreateLinkPayment() {
    }

    /** Builds the signed request body. */
    public static ObjectNode request(PortmoneAccount account, Invoice invoice, String shopOrderNumber,
                                     ZonedDateTime now) {
        String dt = DT.format(now.withZoneSameInstant(PORTMONE_ZONE));
        String billAmount = invoice.billAmount();
        ObjectNode body = JSON.createObjectNode();
        body.put("method", "createLinkPayment");

        ObjectNode payee = body.putObject("payee");
        payee.put("payeeId", account.payeeId());
        payee.put("login", account.login());
        payee.put("dt", dt);
        payee.put("signature", PortmoneSignature.sign(account.payeeId(), dt, shopOrderNumber, billAmount,
                account.login(), account.signingKey()));
        payee.put("shopSiteId", "");

        ObjectNode order = body.putObject("order");
        order.put("description", invoice.description() != null ? invoice.description() : "Invoice " + invoice.recordKey());
        order.put("shopOrderNumber", shopOrderNumber);
        order.put("billAmount", billAmount);
        order.put("billCurrency", invoice.currency());
        order.put("successUrl", account.successUrl());
        order.put("failureUrl", account.failureUrl());
        order.put("preauthFlag", "N");
        order.put("expTime", String.valueOf(account.linkLifetime()));
        order.put("attribute1", nullToEmpty(invoice.payerName()));
        order.put("attribute2", nullToEmpty(invoice.payerPhone()));
        order.put("attribute3", nullToEmpty(invoice.payerEmail()));
        order.put("attribute4", "");
        order.put("encoding", "UTF-8");

        ObjectNode token = body.putObject("token");
        token.put("tokenFlag", "N");
        token.put("returnToken", "N");
        token.put("token", "");
        token.put("cardMask", "");
        token.put("otherPaymentMethods", "");

        ObjectNode payer = body.putObject("payer");
        payer.put("lang", invoice.language());
        payer.put("emailAddress", nullToEmpty(invoice.payerEmail()));
        payer.put("showEmail", invoice.payerEmail() != null ? "Y" : "N");
        return body;
    }

    public static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads Portmone's answer.
     *
     * @return the payment link
     * @throws PortmoneException with Portmone's code and message when no link was created
     */
    public static String link(int httpStatus, String responseBody) {
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            throw new PortmoneUnavailableException("HTTP " + httpStatus, "Portmone answered HTTP " + httpStatus);
        }
        if (httpStatus != 200) {
            throw new PortmoneRejectedException("HTTP " + httpStatus, "Portmone answered HTTP " + httpStatus);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(responseBody == null ? "" : responseBody);
        } catch (JsonProcessingException e) {
            throw new PortmoneUnavailableException("BAD_RESPONSE", "Portmone's answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new PortmoneUnavailableException("BAD_RESPONSE", "Portmone's answer is not a JSON object");
        }
        String errorCode = answer.path("errorCode").asText("");
        if (!errorCode.isEmpty() && !"0".equals(errorCode)) {
            throw new PortmoneRejectedException(errorCode, answer.path("error").asText("no message"));
        }
        String link = answer.path("linkPayment").asText("");
        if (link.isBlank()) {
            throw new PortmoneRejectedException("NO_LINK", "Portmone answered without a payment link");
        }
        return link;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
