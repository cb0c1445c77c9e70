package dev.portmoneconnect.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** The credentials in force, read from {@link AccessConfig} once; says at start-up what protects the app. */
@ApplicationScoped
public class AccessControl {

    static final String REALM = "Portmone Connect";

    @Inject
    AccessConfig config;

    private Credentials credentials;

    @PostConstruct
    void read() {
        credentials = Credentials.of(config);
    }

    void announce(@Observes StartupEvent event) {
        if (credentials.required()) {
            List<String> ways = new ArrayList<>();
            if (credentials.acceptsToken()) {
                ways.add("a bearer token");
            }
            if (credentials.acceptsBasic()) {
                ways.add("basic authentication");
            }
            Log.infof("The API, the dashboard and OpenAPI require %s; health, metrics and webhooks do not",
                    String.join(" or ", ways));
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            Log.warn("The API and the dashboard are open to anyone who can reach this port: set"
                    + " connect.security.api-token and/or connect.security.basic.username and password");
        }
    }

    Credentials credentials() {
        return credentials;
    }
}
