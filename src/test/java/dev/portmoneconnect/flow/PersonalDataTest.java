package dev.portmoneconnect.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    @Test
    void masksEmailsAndPhonesInsideText() {
        assertThat(PersonalData.mask("recipient ivan.petrenko@example.com refused; call +380 50 123 45 67"))
                .isEqualTo("recipient i***@example.com refused; call 38050*****67");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(PersonalData.mask("amount: is not an amount: 'abc'")).isEqualTo("amount: is not an amount: 'abc'");
    }
}
