package dev.portmoneconnect.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code connect.*}: settings of this app instance. */
@ConfigMapping(prefix = "connect")
public interface InstanceConfig {

    /** Name of this instance in run history; defaults to host name and process id. */
    Optional<String> instanceId();

    /** How many connections may run at the same time in this instance. */
    @WithDefault("4")
    int maxConcurrentRuns();
}
