package dev.portmoneconnect.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in README.md and the guides under docs/ leads somewhere: the file exists, and
 * an {@code #anchor} (in the same file or another) names a heading of that file, by GitHub's rules.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** {@code [text](target)} and {@code ![alt](target)}, the text possibly wrapped over lines. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorInTheReadmeAndTheGuidesResolves() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).as("README.md and docs/*.md").hasSizeGreaterThan(1);

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            String text = withoutCode(Files.readString(document));
            for (Link link : links(text)) {
                checked++;
                String problem = problemWith(document, link.target());
                if (problem != null) {
                    broken.add(ROOT.relativize(document) + ":" + lineOf(text, link.offset()) + ": ("
                            + link.target() + ") " + problem);
                }
            }
        }
        assertThat(checked).as("relative links checked").isPositive();
        assertThat(broken).as("broken links in README.md and docs/").isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchor("Nothing lost, nothing twice")).isEqualTo("nothing-lost-nothing-twice");
        assertThat(anchor("Schedules, \"runs after\", and the on/off switch"))
                .isEqualTo("schedules-runs-after-and-the-onoff-switch");
        assertThat(anchor("Preview: `POST /api/connections/{id}/preview`"))
                .isEqualTo("preview-post-apiconnectionsidpreview");
        assertThat(anchor("`sheet:` options")).isEqualTo("sheet-options");
        assertThat(anchor("Оплата рахунку: статус")).isEqualTo("оплата-рахунку-статус");
        assertThat(anchor("Ask [the API](dashboard-and-api.md) first")).isEqualTo("ask-the-api-first");
        assertThat(anchor("snake_case and  two spaces")).isEqualTo("snake_case-and--two-spaces");
    }

    @Test
    void aBrokenLinkIsFoundWithItsReason() {
        Path readme = ROOT.resolve("README.md");
        assertThat(problemWith(readme, "docs/no-such-guide.md")).isEqualTo("no such file");
        assertThat(problemWith(readme, "docs/connections.md#no-such-heading")).isEqualTo("no heading #no-such-heading");
        assertThat(problemWith(readme, "#no-such-heading")).isEqualTo("no heading #no-such-heading");
        assertThat(problemWith(readme, "docs/connections.md#mapping-rules")).isNull();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> guides = Files.list(ROOT.resolve("docs"))) {
            guides.filter(path -> path.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private record Link(String target, int offset) {
    }

    private static List<Link> links(String text) {
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String target = matcher.group(matcher.groupCount());
                if (!SCHEME.matcher(target).find()) {
                    links.add(new Link(target, matcher.start()));
                }
            }
        }
        return links;
    }

    /** Why the target does not resolve from the document, or null when it does. */
    private String problemWith(Path document, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document
                : document.getParent().resolve(decode(file)).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment == null) {
            return null;
        }
        if (!resolved.getFileName().toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        return anchorsOf(resolved).contains(decode(fragment)) ? null : "no heading #" + fragment;
    }

    private Set<String> anchorsOf(Path file) {
        return anchorsByFile.computeIfAbsent(file, DocumentationLinksTest::readAnchors);
    }

    private static Set<String> readAnchors(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (isFence(line)) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String anchor = anchor(heading.group(2));
                int count = seen.merge(anchor, 1, Integer::sum);
                anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor for a heading: the text as rendered (a link counts by its text), lower-case,
     * with everything but letters, marks, digits, connector punctuation, spaces and hyphens dropped,
     * and each space turned into a hyphen.
     */
    static String anchor(String heading) {
        String rendered = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return rendered.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    /** Fenced blocks become blank lines and code spans blanks, so their text is never read as links. */
    private static String withoutCode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (isFence(line)) {
                inFence = !inFence;
                out.append('\n');
                continue;
            }
            out.append(inFence ? "" : CODE_SPAN.matcher(line).replaceAll(match -> "x".repeat(match.group().length())))
                    .append('\n');
        }
        return out.toString();
    }

    private static boolean isFence(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("```") || trimmed.startsWith("~~~");
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
