package dev.portmoneconnect.delivery.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.delivery.DeliveryException;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurboSmsApiTest {

    @Test
    void theRequestNamesRecipientSenderAndText() throws Exception {
        JsonNode request = new ObjectMapper().readTree(TurboSmsApi.request("380501234567", "ShopUA", "Сплатіть \"тут\""));
        assertThat(request.path("recipients").toString()).isEqualTo("[\"380501234567\"]");
        assertThat(request.path("sms").path("sender").asText()).isEqualTo("ShopUA");
        assertThat(request.path("sms").path("text").asText()).isEqualTo("Сплатіть \"тут\"");
    }

    @Test
    void anAcceptedMessageGivesItsId() {
        String answer = """
                {"response_code": 800, "response_status": "SUCCESS_MESSAGE_ACCEPTED", "response_result": [
                  {"phone": "380501234567", "response_code": 0, "message_id": "f83f8868-5e46", "response_status": "OK"}]}""";
        assertThat(TurboSmsApi.messageId(200, answer)).isEqualTo("f83f8868-5e46");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "301, INVALID_TOKEN, permanent",
            "305, INVALID_PHONE, permanent",
            "404, NOT_ALLOWED_NUMBER_STOPLIST, permanent",
            "413, NOT_ALLOWED_MESSAGE_TEXT_LENGTH, permanent",
            "203, REQUIRED_BALANCE, transient",
            "503, FAILED_SMS_SEND, transient",
            "999, FATAL_ERROR, transient",
    })
    void aRefusalIsFinalUnlessTheProviderMayTakeItLater(int code, String status, String kind) {
        String whole = "{\"response_code\": " + code + ", \"response_status\": \"" + status + "\"}";
        String perRecipient = "{\"response_code\": 800, \"response_status\": \"SUCCESS_MESSAGE_ACCEPTED\","
                + " \"response_result\": [{\"phone\": \"380501234567\", \"response_code\": " + code
                + ", \"message_id\": null, \"response_status\": \"" + status + "\"}]}";
        Class<? extends DeliveryException> expected = "transient".equals(kind)
                ? TransientDeliveryException.class : PermanentDeliveryException.class;
        for (String answer : new String[]{whole, perRecipient}) {
            assertThatThrownBy(() -> TurboSmsApi.messageId(200, answer)).isInstanceOf(expected)
                    .hasMessageContaining(status).extracting(e -> ((DeliveryException) e).code()).isEqualTo(status);
        }
    }

    @Test
    void serverTroubleMayPassAndAnAnswerWithoutACodeIsReported() {
        assertThatThrownBy(() -> TurboSmsApi.messageId(503, "busy")).isInstanceOf(TransientDeliveryException.class)
                .extracting(e -> ((DeliveryException) e).code()).isEqualTo("HTTP_503");
        assertThatThrownBy(() -> TurboSmsApi.messageId(429, "")).isInstanceOf(TransientDeliveryException.class);
        assertThatThrownBy(() -> TurboSmsApi.messageId(404, "<html>not here</html>"))
                .isInstanceOf(PermanentDeliveryException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> TurboSmsApi.messageId(200, "<html>proxy</html>"))
                .isInstanceOf(TransientDeliveryException.class);
    }
}
