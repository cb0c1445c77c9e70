package dev.portmoneconnect.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A fixed interval of at most an hour, aligned to the zone's clock: every 15 minutes fires at :00,
 * :15, :30 and :45. It counts real time, so daylight saving changes neither skip nor double a firing.
 */
record AlignedInterval(Duration period, ZoneId zone, String describe) implements FireSchedule {

    @Override
    public Optional<Instant> nextAfter(Instant previous) {
        long period = this.period.toSeconds();
        ZoneRules rules = zone.getRules();
        long offset = rules.getOffset(previous).getTotalSeconds();
        long local = previous.getEpochSecond() + offset;
        Instant candidate = Instant.ofEpochSecond(Math.floorDiv(local, period) * period + period - offset);
        long offsetThen = rules.getOffset(candidate).getTotalSeconds();
        if (offsetThen != offset) {
            long aligned = Math.floorDiv(candidate.getEpochSecond() + offsetThen, period) * period - offsetThen;
            candidate = Instant.ofEpochSecond(aligned);
            if (!candidate.isAfter(previous)) {
                candidate = candidate.plusSeconds(period);
            }
        }
        return Optional.of(candidate);
    }
}
