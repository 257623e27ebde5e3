package io.mailtrip.runner;

import io.mailtrip.spi.SensorDescriptor;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * The language the status page and {@code /api/results} name sensors in: the request's {@code ?lang=},
 * else its {@code Accept-Language} header (RFC 9110 section 12.5.4), else the configuration's
 * {@code language}, else English. Only languages every sensor name is offered in are chosen, so
 * "{@code xx, de;q=0.5}" gives German rather than an English fallback for {@code xx}.
 */
final class ResponseLanguage {

    static final Locale FALLBACK = Locale.ENGLISH;

    private ResponseLanguage() {
    }

    /** The languages the sensors' names are offered in (their descriptors say), English first. */
    static List<String> supported(Collection<SensorDescriptor> descriptors) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(FALLBACK.toLanguageTag());
        descriptors.forEach(d -> d.nameLocales().forEach(locale -> tags.add(locale.toLanguageTag())));
        return List.copyOf(tags);
    }

    /**
     * The best supported language of a priority list ({@code de-AT, fr;q=0.8}) or of a single tag:
     * {@code de-AT} falls back to {@code de}, {@code zh} widens to {@code zh-CN}.
     *
     * @return empty when the text is malformed or names no supported language
     */
    static Optional<Locale> best(String ranges, List<String> supported) {
        List<Locale.LanguageRange> parsed;
        try {
            parsed = Locale.LanguageRange.parse(ranges);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // parse() sorts by weight, highest first; each range is tried on its own so weights decide.
        for (Locale.LanguageRange range : parsed) {
            if (range.getWeight() == 0) {
                continue;
            }
            List<Locale.LanguageRange> one = List.of(range);
            String tag = Locale.lookupTag(one, supported);
            if (tag == null) {
                tag = Locale.filterTags(one, supported).stream().findFirst().orElse(null);
            }
            if (tag != null) {
                return Optional.of(Locale.forLanguageTag(tag));
            }
        }
        return Optional.empty();
    }

    /**
     * The sensor's display name in {@code language}; its id when a plugin ships no names bundle, so one
     * incomplete plugin does not take the whole page down.
     */
    static String sensorName(SensorDescriptor descriptor, Locale language) {
        try {
            return descriptor.displayName(language);
        } catch (MissingResourceException e) {
            return descriptor.id();
        }
    }

    /**
     * @param query          the {@code lang} query parameter, if given
     * @param acceptLanguage the {@code Accept-Language} header, if sent
     * @param configured     the runner's default
     * @param supported      the languages to choose among ({@link #supported})
     */
    static Locale choose(Optional<String> query, Optional<String> acceptLanguage, Locale configured,
                         List<String> supported) {
        return query.flatMap(q -> best(q, supported))
                .or(() -> acceptLanguage.flatMap(header -> best(header, supported)))
                .orElse(configured);
    }
}
