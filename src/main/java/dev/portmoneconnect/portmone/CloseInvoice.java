package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code closeInvoice} request (cancel an unpaid order) and the reading of its answer. The
 * answer's shape is not published: an {@code errorCode} or {@code error_code} of "0" is success.
 */
public final class CloseInvoice {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloseInvoice() {
    }

    /** The request body. It holds the account's password: it is sent, never logged or stored. */
    public static ObjectNode request(PortmoneAccount account, String shopOrderNumber) {
        ObjectNode body = JSON.createObjectNode();
        body.put("method", "closeInvoice");
        ObjectNode data = body.putObject("params").putObject("data");
        data.put("login", account.login());
        data.put("password", account.password());
        data.put("payeeId", account.payeeId());
        data.put("shopOrderNumber", shopOrderNumber);
        body.put("id", "1");
        return body;
    }

    /** @throws PortmoneException when Portmone did not close the order */
    public static void check(int httpStatus, String responseBody) {
        JsonNode answer = Answers.read(httpStatus, responseBody);
        JsonNode result = answer.isArray() && answer.size() > 0 ? answer.get(0) : answer;
        String code = Answers.errorCode(result);
        if (!"0".equals(code)) {
            throw new PortmoneRejectedException(code.isEmpty() ? "NOT_CLOSED" : code,
                    result.path("error").asText(result.path("errorMessage").asText("Portmone did not close the order")));
        }
    }
}
