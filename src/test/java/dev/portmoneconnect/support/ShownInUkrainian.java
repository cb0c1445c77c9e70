package dev.portmoneconnect.support;

import dev.portmoneconnect.reasons.Reasons;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a reason the app wrote is shown on a Ukrainian page in Ukrainian, not as it was stored. */
public final class ShownInUkrainian {

    private ShownInUkrainian() {
    }

    /** @return the reason as a Ukrainian page shows it */
    public static String assertShownInUkrainian(String step, String code, String message, String expectedPart) {
        String shown = Reasons.show(Reasons.UKRAINIAN, step, code, message);
        assertThat(shown).as("%s shown in Ukrainian", message).isNotEqualTo(message)
                .containsPattern("\\p{IsCyrillic}").contains(expectedPart).doesNotContain("{");
        return shown;
    }
}
