package dev.portmoneconnect.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One generated interleaving, from a seed: what is posted to a connection's webhook (orders posted
 * twice in one post and across posts at the same moment, records without a key, invalid records),
 * and what happens meanwhile (runs started and waited for, replays, test sends, Portmone failing or
 * answering after the client gave up, the mail server refusing). The same seed gives the same steps.
 */
record Interleaving(long seed, List<Step> steps, Map<String, Kind> keys) {

    /** What a generated order key is meant to end as. */
    enum Kind {
        /** Valid: delivered exactly once, however often and however it is posted. */
        VALID,
        /** Its e-mail address is invalid in every version: failed with the field named. */
        INVALID
    }

    /** One generated record: its key (null for none), and whether its content is the key's usual one. */
    record Posted(String key, Kind kind, int version) {
    }

    sealed interface Step permits Post, ConcurrentPosts, Run, RunAndWait, Replay, TestSend, PortmoneFaults, MailDown,
            MailUp, Pause, Freeze {
    }

    record Post(List<Posted> records) implements Step {
    }

    record ConcurrentPosts(List<Post> posts) implements Step {
    }

    record Run() implements Step {
    }

    record RunAndWait() implements Step {
    }

    /** Replays the n-th failed or parked record seen so far (modulo their number). */
    record Replay(int pick) implements Step {
    }

    record TestSend(String key) implements Step {
    }

    record PortmoneFaults(double rate) implements Step {
    }

    record MailDown() implements Step {
    }

    record MailUp() implements Step {
    }

    record Pause(int millis) implements Step {
    }

    /**
     * With several instances: one of them starts a run and freezes in it (a long pause, a suspended
     * machine) past its lease, while another takes the connection over; then it wakes up.
     */
    record Freeze(int instance) implements Step {
    }

    static Interleaving generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Kind> keys = new LinkedHashMap<>();
        int valid = 3 + random.nextInt(6);
        for (int i = 0; i < valid; i++) {
            keys.put("K" + i, Kind.VALID);
        }
        int invalid = random.nextInt(3);
        for (int i = 0; i < invalid; i++) {
            keys.put("B" + i, Kind.INVALID);
        }
        List<String> names = List.copyOf(keys.keySet());
        List<Step> steps = new ArrayList<>();
        int count = 8 + random.nextInt(14);
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            if (dice < 30) {
                steps.add(post(random, names, keys));
            } else if (dice < 40) {
                steps.add(new ConcurrentPosts(List.of(post(random, names, keys), post(random, names, keys))));
            } else if (dice < 55) {
                steps.add(new Run());
            } else if (dice < 65) {
                steps.add(new RunAndWait());
            } else if (dice < 72) {
                steps.add(new Replay(random.nextInt(10)));
            } else if (dice < 78) {
                steps.add(new TestSend(names.get(random.nextInt(names.size()))));
            } else if (dice < 86) {
                steps.add(new PortmoneFaults(random.nextBoolean() ? 0.3 : 0));
            } else if (dice < 92) {
                steps.add(random.nextBoolean() ? new MailDown() : new MailUp());
            } else {
                steps.add(new Pause(20 + random.nextInt(300)));
            }
        }
        return new Interleaving(seed, List.copyOf(steps), Map.copyOf(keys));
    }

    /** The same interleaving over several instances of the app on one database, some of them freezing in a run. */
    static Interleaving generate(long seed, int instances) {
        Interleaving one = generate(seed);
        if (instances < 2) {
            return one;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Step> steps = new ArrayList<>(one.steps());
        int freezes = 1 + random.nextInt(2);
        for (int i = 0; i < freezes; i++) {
            steps.add(random.nextInt(steps.size() + 1), new Freeze(random.nextInt(instances)));
        }
        return new Interleaving(seed, List.copyOf(steps), one.keys());
    }

    private static Post post(SplittableRandom random, List<String> names, Map<String, Kind> keys) {
        List<Posted> records = new ArrayList<>();
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            int dice = random.nextInt(100);
            if (dice < 12 && !records.isEmpty()) {
                records.add(records.get(records.size() - 1));
            } else if (dice < 22) {
                records.add(new Posted(null, Kind.INVALID, random.nextInt(1000)));
            } else {
                String key = names.get(random.nextInt(names.size()));
                records.add(new Posted(key, keys.get(key), random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0));
            }
        }
        return new Post(records);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("seed ").append(seed).append(", keys ").append(keys).append(':');
        steps.forEach(step -> text.append("\n  ").append(step));
        return text.toString();
    }
}
