package dev.portmoneconnect.connection;

import org.apache.camel.dsl.support.SourceLoader;
import org.apache.camel.spi.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads route files as UTF-8, whatever the JVM's default encoding: Camel's own loader uses the
 * default, which is ASCII under {@code LANG=C}, and would turn a Ukrainian description into
 * question marks.
 */
class Utf8SourceLoader implements SourceLoader {

    @Override
    public String loadResource(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            if (in == null) {
                throw new IOException("No input stream for: " + resource.getLocation());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
