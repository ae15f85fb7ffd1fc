package org.cleanmail.core.rules.sa;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the loader assumes about the engine that will run the rules: which SpamAssassin
 * plugins it "has" ({@code ifplugin}, {@code if plugin(...)}), which {@code can(...)}
 * capabilities it has, which {@code eval:} functions are implemented in Java, which
 * SpamAssassin version it stands for ({@code if (version >= ...)}, {@code require_version}),
 * and whether network rules ({@code tflags net}) are wanted.
 *
 * <p>{@link #defaults()}: plugins ReplaceTags and MIMEHeader (their syntax is handled by
 * this loader), version 4.000001 (the 4.0.1 rule set), no eval implemented, no network
 * rules, locale en_US, and the capabilities in {@link #DEFAULT_CAPABILITIES}. Immutable.
 */
public final class RuleLoadOptions {
    public static final String PLUGIN_PREFIX = "Mail::SpamAssassin::Plugin::";
    public static final String REPLACE_TAGS = PLUGIN_PREFIX + "ReplaceTags";
    public static final String MIME_HEADER = PLUGIN_PREFIX + "MIMEHeader";
    public static final String DEFAULT_VERSION = "4.000001";
    public static final String DEFAULT_LOCALE = "en_US";
    /**
     * {@code can(...)} capabilities that hold for the rule language this loader handles.
     * Not included: {@code feature_capture_rules} ({@code %{NAME}} templates are not
     * supported) and {@code feature_dns_block_rule} (no DNS here). Included:
     * {@code compat_welcomelist_blocklist}, which SpamAssassin 4's stock init.pre enables.
     */
    public static final Set<String> DEFAULT_CAPABILITIES = Set.of(
        "Mail::SpamAssassin::Conf::feature_bug6558_free",
        "Mail::SpamAssassin::Conf::feature_welcomelist_blocklist",
        "Mail::SpamAssassin::Conf::feature_registryboundaries",
        "Mail::SpamAssassin::Conf::feature_bayes_stopwords",
        "Mail::SpamAssassin::Conf::feature_originating_ip_headers",
        "Mail::SpamAssassin::Conf::feature_yesno_takes_args",
        "Mail::SpamAssassin::Conf::feature_meta_rules_matching",
        "Mail::SpamAssassin::Conf::perl_min_version_5010000",
        "Mail::SpamAssassin::Conf::compat_welcomelist_blocklist");
    /** Capabilities known to be absent: false without a report. */
    public static final Set<String> KNOWN_ABSENT_CAPABILITIES = Set.of(
        "Mail::SpamAssassin::Conf::feature_capture_rules",
        "Mail::SpamAssassin::Conf::feature_dns_block_rule",
        "Mail::SpamAssassin::Conf::feature_dns_local_ports_permit_avoid");
    /** Prefix of the capability that an {@code enable_compat NAME} line turns on. */
    public static final String COMPAT_PREFIX = "Mail::SpamAssassin::Conf::compat_";

    private final Set<String> plugins;
    private final Set<String> capabilities;
    private final Set<String> implementedEvals;
    private final String version;
    private final boolean netRules;
    private final String locale;

    private RuleLoadOptions(Builder builder) {
        this.plugins = Set.copyOf(builder.plugins);
        this.capabilities = Set.copyOf(builder.capabilities);
        this.implementedEvals = Set.copyOf(builder.implementedEvals);
        this.version = builder.version;
        this.netRules = builder.netRules;
        this.locale = builder.locale;
    }

    public static RuleLoadOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fully qualified plugin names, e.g. {@code Mail::SpamAssassin::Plugin::ReplaceTags}. */
    public Set<String> plugins() {
        return plugins;
    }

    public boolean hasPlugin(String plugin) {
        return plugins.contains(plugin);
    }

    public Set<String> capabilities() {
        return capabilities;
    }

    /** Names of {@code eval:} functions that have a Java implementation. */
    public Set<String> implementedEvals() {
        return implementedEvals;
    }

    /** The SpamAssassin version the engine stands for, in SpamAssassin's numeric form (4.000001). */
    public String version() {
        return version;
    }

    public boolean netRules() {
        return netRules;
    }

    /**
     * The locale of reports, e.g. "en_US" (the default) or "de_DE": a {@code lang xx} line
     * applies when the locale starts with xx, as in SpamAssassin; other lang lines are skipped.
     */
    public String locale() {
        return locale;
    }

    /** Builds {@link RuleLoadOptions}; starts from the defaults. */
    public static final class Builder {
        private final Set<String> plugins = new HashSet<>(Set.of(REPLACE_TAGS, MIME_HEADER));
        private final Set<String> capabilities = new HashSet<>(DEFAULT_CAPABILITIES);
        private final Set<String> implementedEvals = new HashSet<>();
        private String version = DEFAULT_VERSION;
        private boolean netRules;
        private String locale = DEFAULT_LOCALE;

        private Builder() {
        }

        /** Adds plugins; a short name such as "HeaderEval" means {@code Mail::SpamAssassin::Plugin::HeaderEval}. */
        public Builder plugins(Set<String> names) {
            for (String name : names) {
                plugins.add(name.contains("::") ? name : PLUGIN_PREFIX + name);
            }
            return this;
        }

        public Builder withoutPlugin(String name) {
            plugins.remove(name.contains("::") ? name : PLUGIN_PREFIX + name);
            return this;
        }

        public Builder capabilities(Set<String> names) {
            capabilities.addAll(names);
            return this;
        }

        public Builder implementedEvals(Set<String> functions) {
            implementedEvals.addAll(functions);
            return this;
        }

        public Builder version(String version) {
            if (!Objects.requireNonNull(version, "version").matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("version must look like 4.000001, got '" + version + "'");
            }
            this.version = version;
            return this;
        }

        public Builder netRules(boolean netRules) {
            this.netRules = netRules;
            return this;
        }

        public Builder locale(String locale) {
            if (!Objects.requireNonNull(locale, "locale").matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]+)*")) {
                throw new IllegalArgumentException("locale must look like en_US, got '" + locale + "'");
            }
            this.locale = locale;
            return this;
        }

        public RuleLoadOptions build() {
            return new RuleLoadOptions(this);
        }
    }
}
