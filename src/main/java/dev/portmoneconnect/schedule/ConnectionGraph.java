package dev.portmoneconnect.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which connection runs after which, as the route files declare it. */
public final class ConnectionGraph {

    /** Every declared connection, with the connection it runs after, if any. */
    private final Map<String, Optional<String>> upstreams;

    public ConnectionGraph(Map<String, Optional<String>> upstreams) {
        this.upstreams = new TreeMap<>(upstreams);
    }

    public Optional<String> upstreamOf(String connectionId) {
        return upstreams.getOrDefault(connectionId, Optional.empty());
    }

    public List<String> downstreamOf(String connectionId) {
        List<String> downstream = new ArrayList<>();
        upstreams.forEach((id, upstream) -> {
            if (upstream.filter(connectionId::equals).isPresent()) {
                downstream.add(id);
            }
        });
        return downstream;
    }

    /**
     * Checks what the connection's start depends on: its upstream connection must exist, and
     * following "runs after" from it must not come back to it.
     *
     * @throws InvalidTriggerException naming the unknown connection or the cycle, such as "a -> b -> a"
     */
    public void check(String connectionId) {
        Optional<String> upstream = upstreamOf(connectionId);
        if (upstream.isPresent() && !upstreams.containsKey(upstream.get())) {
            throw new InvalidTriggerException(connectionId, "after", "TRIGGER_UNKNOWN_UPSTREAM",
                    Map.of("upstream", upstream.get()));
        }
        List<String> path = new ArrayList<>();
        String current = connectionId;
        while (current != null && !path.contains(current)) {
            path.add(current);
            current = upstreamOf(current).orElse(null);
        }
        if (current != null) {
            throw new InvalidTriggerException(connectionId, "after", "TRIGGER_CYCLE",
                    Map.of("cycle", cycle(path, current)));
        }
    }

    /** Checks every connection. */
    public void checkAll() {
        upstreams.keySet().forEach(this::check);
    }

    /** The cycle in the direction runs start each other, from its alphabetically first member. */
    private static String cycle(List<String> upstreamPath, String repeated) {
        List<String> members = new ArrayList<>(upstreamPath.subList(upstreamPath.indexOf(repeated), upstreamPath.size()));
        Collections.reverse(members);
        int start = members.indexOf(Collections.min(members));
        List<String> ordered = new ArrayList<>(members.subList(start, members.size()));
        ordered.addAll(members.subList(0, start));
        ordered.add(ordered.get(0));
        return String.join(" -> ", ordered);
    }
}
