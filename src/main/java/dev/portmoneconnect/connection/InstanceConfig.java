package dev.portmoneconnect.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code connect.*}: settings of this app instance. */
@ConfigMapping(prefix = "connect")
public interface InstanceConfig {

    /**
     * Name of this instance in run history; defaults to process id and host name. The Kubernetes
     * manifest sets it to the pod's name ({@code CONNECT_INSTANCE_ID} from the Downward API).
     */
    Optional<String> instanceId();

    /** How many connections may run at the same time in this instance. */
    @WithDefault("4")
    int maxConcurrentRuns();

    /** How often this instance marks its running runs alive and renews their hold on their connections. */
    @WithDefault("10s")
    Duration runHeartbeat();

    /**
     * How long a run stays alive without a heartbeat. A run silent for longer was left by a process
     * that stopped: its connection, and the inbox and ledger records it had claimed, are taken over
     * by the next run, on any instance.
     */
    @WithDefault("60s")
    Duration runLease();

    /**
     * How long a stopping app lets its runs finish the records they have in hand; they take no new
     * one. Records still in flight after it are taken over at the next start.
     */
    @WithDefault("20s")
    Duration runStopGrace();
}
