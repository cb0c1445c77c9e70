package dev.portmoneconnect.delivery.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.delivery.DeliveryException;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;

import java.util.Set;

/**
 * The request and the answer of an HTTP SMS gateway, here TurboSMS's JSON API: {@code POST
 * <url>/message/send.json} with a bearer token, {@code {"recipients": [...], "sms": {"sender",
 * "text"}}}, answered by {@code response_code} / {@code response_status} and one
 * {@code response_result} entry per recipient. Another provider of this kind needs only another
 * version of this class.
 */
final class TurboSmsApi {

    static final String PATH = "/message/send.json";

    /** Codes of an accepted request: OK, and messages accepted, sent, partly accepted, partly sent. */
    private static final Set<Integer> ACCEPTED = Set.of(0, 800, 801, 802, 803);

    /** Refusals that may pass later: no credit on the account, the provider failing inside. */
    private static final int NO_BALANCE = 203;
    private static final int PROVIDER_ERRORS_FROM = 500;
    private static final int PROVIDER_ERRORS_TO = 599;
    private static final int FATAL_ERROR = 999;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TurboSmsApi() {
    }

    static String request(String phone, String sender, String text) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("recipients").add(phone);
        ObjectNode sms = request.putObject("sms");
        sms.put("sender", sender);
        sms.put("text", text);
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the provider's id of the message
     * @throws DeliveryException when the gateway did not take the message
     */
    static String messageId(int httpStatus, String body) {
        if (httpStatus >= 500 || httpStatus == 429) {
            throw new TransientDeliveryException("HTTP_" + httpStatus, "SMS gateway answered HTTP " + httpStatus, null);
        }
        JsonNode answer;
        try {
            answer = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.path("response_code").isNumber()) {
            String message = "SMS gateway answered HTTP " + httpStatus + " without a response code";
            throw httpStatus >= 400 ? new PermanentDeliveryException("HTTP_" + httpStatus, message, null)
                    : new TransientDeliveryException("SMS_GATEWAY_BAD_ANSWER", message, null);
        }
        checkAccepted(answer);
        JsonNode recipient = answer.path("response_result").path(0);
        if (recipient.isObject()) {
            checkAccepted(recipient);
            return recipient.path("message_id").asText(null);
        }
        return null;
    }

    private static void checkAccepted(JsonNode result) {
        int code = result.path("response_code").asInt();
        if (ACCEPTED.contains(code)) {
            return;
        }
        String status = result.path("response_status").asText("");
        String name = status.isEmpty() ? "SMS_" + code : status;
        String message = "SMS gateway refused the message: " + name + " (" + code + ")";
        boolean mayPass = code == NO_BALANCE || code == FATAL_ERROR
                || code >= PROVIDER_ERRORS_FROM && code <= PROVIDER_ERRORS_TO;
        throw mayPass ? new TransientDeliveryException(name, message, null)
                : new PermanentDeliveryException(name, message, null);
    }
}
