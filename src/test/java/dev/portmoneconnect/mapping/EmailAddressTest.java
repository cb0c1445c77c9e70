package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.PersonalData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ivan@example.com", "i.petrenko+shop@mail.example.com.ua", "a_b@x.io"})
    void acceptsUsualAddresses(String address) {
        assertThat(EmailAddress.problem(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivan", "ivan@", "@example.com", "ivan@@example.com", "iv an@example.com",
            "ivan@example", ".ivan@example.com", "ivan..p@example.com", "<script>@x.com", "іван@приклад.укр"})
    void refusesOthers(String address) {
        assertThat(EmailAddress.problem(address)).isNotNull();
    }

    @Test
    void masksForLogs() {
        assertThat(PersonalData.maskEmail("ivan@example.com")).isEqualTo("i***@example.com");
    }
}
