package dev.portmoneconnect.reasons;

import dev.portmoneconnect.mapping.Channel;
import dev.portmoneconnect.mapping.InvalidRecordException;
import dev.portmoneconnect.mapping.InvoiceFields;
import dev.portmoneconnect.schedule.ConnectionGraph;
import dev.portmoneconnect.schedule.ConnectionTrigger;
import dev.portmoneconnect.schedule.TriggerOptions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every reason has its Ukrainian text, and a stored English reason is shown in Ukrainian by its code. */
class ReasonsTest {

    /** Gaps a Ukrainian text may use beyond its English one: parts of the code it was stored under. */
    static final Set<String> FROM_THE_CODE = Set.of("code", "smtpCode", "status");

    @Test
    void everyReasonHasItsUkrainianTextWithTheSameGaps() {
        assertThat(Reasons.ukrainian().keySet()).containsAll(Reasons.english().keySet());
        Reasons.english().forEach((key, english) -> {
            ReasonTemplate ukrainian = Reasons.ukrainian().get(key);
            Set<String> allowed = new HashSet<>(english.gaps());
            allowed.addAll(FROM_THE_CODE);
            assertThat(allowed).as("gaps of %s", key).containsAll(ukrainian.gaps());
            assertThat(ukrainian.toString()).as(key).containsPattern("\\p{IsCyrillic}");
        });
    }

    @Test
    void fieldErrorsOfARecordAreShownInUkrainianFromTheirCodes() {
        InvalidRecordException invalid = invalid("Марко", null, "12-34-5", "abc");
        assertThat(invalid.code()).isEqualTo("NOT_A_PHONE,NOT_AN_AMOUNT");
        assertThat(invalid.getMessage())
                .isEqualTo("payerPhone: is not a Ukrainian phone number: '12-34-5'; amount: is not an amount: 'abc'");
        assertThat(Reasons.show("uk", "mapping", invalid.code(), invalid.getMessage()))
                .isEqualTo("телефон платника: це не український номер телефону: '12-34-5'; сума: це не сума: 'abc'");
        assertThat(Reasons.show("en", "mapping", invalid.code(), invalid.getMessage())).isEqualTo(invalid.getMessage());

        InvalidRecordException tooMuch = invalid(null, null, "0501234567", "2000000");
        assertThat(Reasons.show("uk", "mapping", tooMuch.code(), tooMuch.getMessage()))
                .isEqualTo("ім’я платника: обов’язкове поле; сума: більше за 1000000.00: '2000000'");
    }

    @Test
    void aValueThatLooksLikeTheSeparatorIsStillReadBack() {
        InvalidRecordException tricky = invalid("Ann", null, "1; amount: is required", "1");
        assertThat(Reasons.show("uk", "mapping", tricky.code(), tricky.getMessage()))
                .isEqualTo("телефон платника: це не український номер телефону: '1; amount: is required'");
    }

    @Test
    void aReasonStoredWithoutACodeIsFoundByItsStep() {
        InvalidRecordException invalid = invalid("Ann", null, "123", "5");
        String skipped = "failed before and unchanged since: " + invalid.getMessage();
        assertThat(Reasons.show("uk", "guard", null, skipped))
                .isEqualTo("запис уже мав помилку і відтоді не змінився: телефон платника: це не український номер"
                        + " телефону: '123'");
        assertThat(Reasons.show("uk", "guard", null, "already invoiced and delivered"))
                .isEqualTo("рахунок уже створено й доставлено");
        assertThat(Reasons.show("uk", "run", null, "the process running it stopped; run 4f2a took over"))
                .isEqualTo("процес, що виконував запуск, зупинився; роботу продовжив запуск 4f2a");
        assertThat(Reasons.show("uk", "refusal", null, "body: not valid JSON")).isEqualTo("тіло запиту: це не коректний JSON");
    }

    @Test
    void aReasonNoTextWroteIsShownAsItWasStored() {
        assertThat(Reasons.show("uk", "portmone", "IllegalStateException", "something nobody foresaw"))
                .isEqualTo("something nobody foresaw");
        assertThat(Reasons.show("uk", "delivery", null, null)).isNull();
    }

    @Test
    void triggerOptionsThatCannotBeUsedAreShownInUkrainian() {
        IllegalArgumentException every = catchThrowableOfType(IllegalArgumentException.class,
                () -> ConnectionTrigger.parse("orders", options("7m", null)));
        String code = ((dev.portmoneconnect.schedule.InvalidTriggerException) every).code();
        assertThat(Reasons.show("uk", "route", code, every.getMessage())).startsWith(
                "Підключення «orders»: every «7m» не входить до 1m, 5m, 10m");
        IllegalArgumentException zone = catchThrowableOfType(IllegalArgumentException.class,
                () -> ConnectionTrigger.parse("orders", options(null, "Europe/Kiyv")));
        assertThat(Reasons.show("uk", "route", ((dev.portmoneconnect.schedule.InvalidTriggerException) zone).code(),
                zone.getMessage())).isEqualTo("Підключення «orders»: timeZone «Europe/Kiyv» — не часовий пояс на кшталт"
                + " Europe/Kyiv");
        dev.portmoneconnect.schedule.InvalidTriggerException cycle = catchThrowableOfType(
                dev.portmoneconnect.schedule.InvalidTriggerException.class,
                () -> new ConnectionGraph(Map.of("a", Optional.of("b"), "b", Optional.of("a"))).check("a"));
        assertThat(Reasons.show("uk", "route", cycle.code(), cycle.getMessage()))
                .isEqualTo("Підключення запускають одне одного по колу: a -> b -> a");
    }

    @Test
    void aPortmoneRefusalKeepsPortmonesOwnWordsUnderAUkrainianLeadIn() {
        assertThat(Reasons.show("uk", "portmone", "15", "Bad signature"))
                .isEqualTo("Portmone відхилив запит (код 15): Bad signature");
        assertThat(Reasons.show("uk", "portmone", "HTTP 503", "Portmone answered HTTP 503"))
                .isEqualTo("Portmone відповів HTTP 503");
    }

    private static InvalidRecordException invalid(String name, String email, String phone, String amount) {
        return catchThrowableOfType(InvalidRecordException.class, () -> InvoiceFields.validate(
                new InvoiceFields.Raw("k1", name, email, phone, amount, null, null, null), Set.of(Channel.SMS)));
    }

    private static TriggerOptions options(String every, String timeZone) {
        return new TriggerOptions(every, null, null, timeZone, null, null, true, null);
    }
}
