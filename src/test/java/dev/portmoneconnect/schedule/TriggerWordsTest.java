package dev.portmoneconnect.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "1m  | -                  | -                  | -       | -       | щохвилини",
            "15m | -                  | -                  | -       | -       | кожні 15 хвилин",
            "1h  | -                  | -                  | -       | -       | щогодини",
            "2h  | -                  | -                  | -       | -       | кожні 2 години, від 00:00 (Europe/Kyiv)",
            "6h  | -                  | -                  | -       | -       | кожні 6 годин, від 00:00 (Europe/Kyiv)",
            "24h | -                  | -                  | -       | -       | щодня о 00:00 (Europe/Kyiv)",
            "-   | -                  | '09:00, 13:30'     | -       | -       | щодня о 09:00, 13:30 (Europe/Kyiv)",
            "-   | 0 0/20 9-18 ? * *  | -                  | -       | -       | cron 0 0/20 9-18 ? * * (Europe/Kyiv)",
            "-   | -                  | -                  | orders  | success | після успішного запуску orders",
            "-   | -                  | -                  | orders  | any     | після кожного запуску orders",
            "1h  | -                  | -                  | orders  | success | щогодини, а також після успішного запуску orders",
            "-   | -                  | -                  | -       | -       | лише вручну",
    })
    void ukrainian(String every, String cron, String times, String after, String afterOutcome, String words) {
        ConnectionTrigger trigger = ConnectionTrigger.parse("c",
                new TriggerOptions(every, cron, times, null, after, afterOutcome, true, null));
        assertThat(TriggerWords.of(trigger, "uk")).isEqualTo(words);
        assertThat(TriggerWords.of(trigger, "en")).isEqualTo(trigger.describe());
    }
}
