package dev.portmoneconnect.delivery;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The editable message texts under {@code templates/}: {@code <kind>/<name>.<lang>.<part>}, for
 * example {@code email/invoice.uk.html}. A file is read again when it changes, so texts can be
 * edited while the app runs. HTML parts escape what they insert; plain text parts do not.
 */
@ApplicationScoped
public class TemplateStore {

    private static final List<String> FALLBACK_LANGUAGES = List.of("uk", "en");

    @Inject
    Engine engine;

    @Inject
    DeliveryConfig config;

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public String render(String kind, String name, String language, String part, Map<String, Object> data) {
        Path file = locate(kind, name, language, part);
        return template(file, part).data(data).render();
    }

    public boolean exists(String kind, String name, String part) {
        return FALLBACK_LANGUAGES.stream().anyMatch(l -> Files.isRegularFile(path(kind, name, l, part)));
    }

    private Path locate(String kind, String name, String language, String part) {
        Path wanted = path(kind, name, language, part);
        if (Files.isRegularFile(wanted)) {
            return wanted;
        }
        for (String fallback : FALLBACK_LANGUAGES) {
            Path candidate = path(kind, name, fallback, part);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No template " + wanted + " (nor a uk or en one)");
    }

    private Path path(String kind, String name, String language, String part) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("Template name '" + name + "' may hold letters, digits, - and _ only");
        }
        return Path.of(config.templates(), kind, name + "." + language.toLowerCase(Locale.ROOT) + "." + part);
    }

    private Template template(Path file, String part) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Cached cached = cache.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.template();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String contentType = "html".equals(part) ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
            Template template = engine.parse(text, new Variant(Locale.ROOT, contentType, "UTF-8"));
            cache.put(file, new Cached(modified, template));
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    private record Cached(FileTime modified, Template template) {
    }
}
