package dev.portmoneconnect.settings;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets are taken as they are written: a password, token, secret or signing key may hold
 * {@code ${...}}, {@code $} or {@code \} like any other character, and is never expanded (an
 * expansion that failed would stop the app and print part of the secret). A secret setting written
 * as a reference to one variable, {@code ${PORTMONE_SHOP_SIGNING_KEY}} or {@code ${NAME:default}},
 * takes that variable's value verbatim; when the variable is not set, {@code <NAME>_FILE} names a
 * file that holds the secret (a mounted Kubernetes or Docker secret; one trailing line break is
 * dropped). A secret setting with no value, or an empty one, is read the same way from {@code <SETTING>_FILE},
 * for example {@code QUARKUS_DATASOURCE_PASSWORD_FILE}.
 *
 * <p>A setting is a secret when its last part is {@code password} or {@code signing-key}, or ends
 * with {@code token} or {@code secret} ({@code api-token}, {@code webhook-secret}, ...).
 */
@Priority(Priorities.APPLICATION + 100)
public class VerbatimSecrets implements ConfigSourceInterceptor {

    static final String FILE_SUFFIX = "_FILE";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}:]+)(?::([^${}]*))?}");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!isSecret(name)) {
            return context.proceed(name);
        }
        ConfigValue written = Expressions.withoutExpansion(() -> context.proceed(name));
        if (written == null || written.getValue() == null || written.getValue().isEmpty()) {
            return fromFile(context, environmentName(name))
                    .map(secret -> ConfigValue.builder().withName(name).withValue(secret)
                            .withConfigSourceName(environmentName(name) + FILE_SUFFIX).build())
                    .orElse(written);
        }
        Matcher reference = REFERENCE.matcher(written.getValue());
        if (!reference.matches()) {
            return written;
        }
        String variable = reference.group(1).strip();
        ConfigValue referenced = Expressions.withoutExpansion(() -> context.proceed(variable));
        if (referenced != null && referenced.getValue() != null) {
            return written.withValue(referenced.getValue());
        }
        Optional<String> fromFile = fromFile(context, variable);
        if (fromFile.isPresent()) {
            return written.withValue(fromFile.get());
        }
        if (reference.group(2) != null) {
            return written.withValue(reference.group(2));
        }
        // the variable is not set: the usual expansion reports it, naming the variable (and no value)
        return context.proceed(name);
    }

    /** Asked for every setting read, thousands at start: plain string tests rather than a pattern. */
    static boolean isSecret(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (last.equals("password") || last.equals("signing-key") || last.equals("token") || last.equals("secret")) {
            return true;
        }
        String prefix = last.endsWith("-token") ? last.substring(0, last.length() - "-token".length())
                : last.endsWith("-secret") ? last.substring(0, last.length() - "-secret".length()) : null;
        return prefix != null && prefix.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
    }

    /** How a setting is spelt as an environment variable: {@code quarkus.datasource.password} is QUARKUS_DATASOURCE_PASSWORD. */
    static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Optional<String> fromFile(ConfigSourceInterceptorContext context, String variable) {
        String pointer = variable + FILE_SUFFIX;
        ConfigValue path = Expressions.withoutExpansion(() -> context.proceed(pointer));
        if (path == null || path.getValue() == null || path.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            String secret = Files.readString(Path.of(path.getValue().strip()), StandardCharsets.UTF_8);
            return Optional.of(secret.endsWith("\r\n") ? secret.substring(0, secret.length() - 2)
                    : secret.endsWith("\n") ? secret.substring(0, secret.length() - 1) : secret);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(pointer + " names " + path.getValue().strip()
                    + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
