package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What every Portmone answer has in common: HTTP status, JSON, an error code. */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /** The answer's JSON; a server error or a body that is not JSON is worth trying again later. */
    static JsonNode read(int httpStatus, String responseBody) {
        if (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408) {
            throw new PortmoneUnavailableException("HTTP " + httpStatus, "Portmone answered HTTP " + httpStatus);
        }
        if (httpStatus != 200) {
            throw new PortmoneRejectedException("HTTP " + httpStatus, "Portmone answered HTTP " + httpStatus);
        }
        try {
            JsonNode answer = JSON.readTree(responseBody == null ? "" : responseBody);
            if (answer == null || answer.isMissingNode()) {
                throw new PortmoneUnavailableException("BAD_RESPONSE", "Portmone's answer is empty");
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new PortmoneUnavailableException("BAD_RESPONSE", "Portmone's answer is not JSON");
        }
    }

    /** {@code errorCode}, or {@code error_code} as some answers spell it; empty when neither is there. */
    static String errorCode(JsonNode answer) {
        String code = answer.path("errorCode").asText("");
        return code.isEmpty() ? answer.path("error_code").asText("") : code;
    }
}
