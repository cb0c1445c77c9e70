package dev.portmoneconnect.dashboard;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's language: {@code ?lang=uk|en} (remembered in a cookie), else the cookie, else
 * the browser's Accept-Language, else Ukrainian.
 */
final class Language {

    static final String COOKIE = "lang";
    static final String DEFAULT = "uk";
    private static final Set<String> KNOWN = Set.of("uk", "en");

    private Language() {
    }

    static String choose(String requested, HttpHeaders headers) {
        if (known(requested)) {
            return requested;
        }
        Map<String, Cookie> cookies = headers.getCookies();
        Cookie cookie = cookies == null ? null : cookies.get(COOKIE);
        if (cookie != null && known(cookie.getValue())) {
            return cookie.getValue();
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
        for (Locale locale : accepted) {
            String language = locale.getLanguage().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(language)) {
                return language;
            }
        }
        return DEFAULT;
    }

    /** The cookie that remembers a language asked for with {@code ?lang=}, or null. */
    static NewCookie remember(String requested) {
        if (!known(requested)) {
            return null;
        }
        return new NewCookie.Builder(COOKIE).value(requested).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }

    /** The dashboard's words in that language, for text composed outside a template. */
    static Labels labels(String language) {
        return DEFAULT.equals(language) ? MessageBundles.get(Labels.class)
                : MessageBundles.get(Labels.class, Localized.Literal.of(language));
    }

    private static boolean known(String language) {
        return language != null && KNOWN.contains(language);
    }
}
