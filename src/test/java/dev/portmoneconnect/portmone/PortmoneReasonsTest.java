package dev.portmoneconnect.portmone;

import org.junit.jupiter.api.Test;

import static dev.portmoneconnect.support.ShownInUkrainian.assertShownInUkrainian;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Portmone's refusals, as the app records them, are shown in Ukrainian. */
class PortmoneReasonsTest {

    @Test
    void portmonesAnswersAreShownInUkrainian() {
        shown(catchThrowableOfType(PortmoneException.class,
                () -> CreateLinkPayment.link(200, "{\"errorCode\":\"15\",\"error\":\"Bad signature\"}")),
                "Portmone відхилив запит (код 15): Bad signature");
        shown(catchThrowableOfType(PortmoneException.class, () -> CreateLinkPayment.link(502, "")),
                "Portmone відповів HTTP 502");
        shown(catchThrowableOfType(PortmoneException.class, () -> CreateLinkPayment.link(200, "<html>")),
                "відповідь Portmone — не JSON");
        shown(catchThrowableOfType(PortmoneException.class,
                () -> CreateLinkPayment.link(200, "{\"errorCode\":\"0\",\"linkPayment\":\"\"}")), "без посилання");
    }

    private static void shown(PortmoneException failure, String expected) {
        assertShownInUkrainian("portmone", failure.errorCode(), failure.getMessage(), expected);
    }
}
