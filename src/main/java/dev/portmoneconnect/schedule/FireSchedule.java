package dev.portmoneconnect.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a connection fires on its own. Pure computation over instants: the caller's {@link Clock}
 * says what "now" is, so a fixed clock drives it in tests.
 */
public interface FireSchedule {

    /** The first firing of a schedule that is set, switched on or loaded at start-up at the clock's time. */
    default Optional<Instant> first(Clock clock) {
        return nextAfter(clock.instant());
    }

    /** The firing that follows one planned at {@code previous}: strictly later, or none when the schedule has ended. */
    Optional<Instant> nextAfter(Instant previous);

    /** The time zone the schedule is read in. */
    ZoneId zone();

    /** The schedule in words, such as "every 15 minutes". */
    String describe();

    /** Up to {@code count} firings, starting with {@code first}. */
    default List<Instant> upcoming(Instant first, int count) {
        List<Instant> times = new ArrayList<>(count);
        Optional<Instant> next = Optional.ofNullable(first);
        while (next.isPresent() && times.size() < count) {
            times.add(next.get());
            next = nextAfter(next.get());
        }
        return times;
    }
}
