package org.cleanmail.core.scoring.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's FreeMail tests: a free-mail sender ({@code check_freemail_from}), a
 * free-mail address in a header ({@code check_freemail_header}), replies sent to another
 * free-mail address than the sender's ({@code check_freemail_replyto}), free-mail addresses
 * in the body ({@code check_freemail_body}). Optional regular expression arguments narrow
 * the addresses that count. SpamAssassin's defaults apply: at most 5 body addresses and 3
 * free-mail ones, bulk envelope senders skipped for reply tests.
 */
final class FreemailEvals {
    private static final Pattern ADDR_SUFFIX = Pattern.compile(":addr$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("(?<![a-z0-9!#$%&'*+/=?^_`{|}~-])"
        + "([a-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}){0,10}"
        + "@(?:[a-z0-9](?:[a-z0-9-]{0,59}[a-z0-9])?\\.){1,4}[a-z]{2,24})(?![a-z0-9-])",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_WITH_AT = Pattern.compile("<?https?://\\S{0,255}(?:@|%40)\\S{0,255}",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_OR_LABELLED_EMAIL = Pattern.compile("<?(?<!mailto:)"
        + EMAIL.pattern() + "(?:>|\\s{1,10}(?!(?:fa(?:x|csi)|tel|phone|e?-?mail))[a-z]{2,11}:)",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern BULK_ENVELOPE_FROM = Pattern.compile("(?:^(?:post|host|domain)master"
        + "|^double-bounce|^(?:sentto|owner|return|(?:gr)?bounced?)-.+|-(?:request|bounces?|admin|owner)"
        + "|\\b(?:do[._-t]?)?no[._-t]?repl(?:y|ies)|.+=.+)@", Pattern.CASE_INSENSITIVE);
    private static final int MAXIMUM_BODY_EMAILS = 5;
    private static final int MAXIMUM_BODY_FREEMAILS = 3;
    private static final int BODY_EMAILS_READ = 40;

    private final FreemailDomains domains;
    private final ArgumentPatterns patterns;
    private final PerMessageCache<Optional<Set<String>>> bodyFreemails =
        new PerMessageCache<>(this::findBodyFreemails);

    FreemailEvals(FreemailDomains domains, ArgumentPatterns patterns) {
        this.domains = Objects.requireNonNull(domains, "freemail domains");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_freemail_from", this::from);
        functions.put("check_freemail_header", this::header);
        functions.put("check_freemail_replyto", this::replyTo);
        functions.put("check_freemail_body", this::body);
        return functions;
    }

    boolean from(MessageFeatures features, List<String> arguments) {
        if (domains.isEmpty() || !usableFilter(arguments, 0)) {
            return false;
        }
        Optional<Pattern> filter = filter(arguments, 0);
        return SenderAddresses.allFrom(features).stream()
            .anyMatch(email -> domains.isFreemail(email) && matches(filter, email));
    }

    boolean header(MessageFeatures features, List<String> arguments) {
        Optional<String> name = EvalArguments.text(arguments, 0);
        if (domains.isEmpty() || name.isEmpty() || !usableFilter(arguments, 1)) {
            return false;
        }
        Optional<Pattern> filter = filter(arguments, 1);
        return SenderAddresses.addresses(features, ADDR_SUFFIX.matcher(name.get()).replaceFirst("")).stream()
            .anyMatch(email -> domains.isFreemail(email) && matches(filter, email));
    }

    boolean replyTo(MessageFeatures features, List<String> arguments) {
        String what = EvalArguments.text(arguments, 0).orElse("replyto");
        if (domains.isEmpty() || !what.equals("replyto") && !what.equals("reply")) {
            return false;
        }
        MessageHeaders headers = features.headers();
        if (BULK_ENVELOPE_FROM.matcher(SenderAddresses.envelopeFrom(features)).find()) {
            return false;
        }
        List<String> from = SenderAddresses.addresses(headers, "From");
        List<String> replyTo = SenderAddresses.addresses(headers, "Reply-To");
        boolean fromIsFree = from.stream().anyMatch(domains::isFreemail);
        boolean replyToIsFree = replyTo.stream().anyMatch(domains::isFreemail);
        boolean fromNotInReplyTo = from.stream().noneMatch(replyTo::contains);
        if (fromIsFree && replyToIsFree && fromNotInReplyTo) {
            return true;
        }
        if (what.equals("replyto") && !replyToIsFree
            || what.equals("reply") && (!replyTo.isEmpty() && !replyToIsFree || !fromIsFree)) {
            return false;
        }
        Optional<Set<String>> body = bodyFreemails.get(features);
        if (body.isEmpty() || body.get().isEmpty()) {
            return false;
        }
        List<String> replyAddresses = what.equals("replyto") || replyToIsFree ? replyTo : from;
        return body.get().stream().anyMatch(email -> replyAddresses.stream().anyMatch(reply -> !reply.equals(email)));
    }

    boolean body(MessageFeatures features, List<String> arguments) {
        if (domains.isEmpty() || !usableFilter(arguments, 0)) {
            return false;
        }
        Optional<Pattern> filter = filter(arguments, 0);
        Optional<Set<String>> body = bodyFreemails.get(features);
        return body.isPresent() && body.get().stream().anyMatch(email -> matches(filter, email));
    }

    /** The free-mail addresses of the body; empty when there were too many addresses to judge. */
    private Optional<Set<String>> findBodyFreemails(MessageFeatures features) {
        Set<String> emails = new LinkedHashSet<>();
        for (String chunk : features.body().chunks()) {
            if (chunk.indexOf('@') < 0) {
                // an address holds one: the three searches below would find nothing
                continue;
            }
            String text = QUOTED_OR_LABELLED_EMAIL.matcher(URL_WITH_AT.matcher(chunk).replaceAll(" ")).replaceAll(" ");
            Matcher email = EMAIL.matcher(text);
            while (email.find() && emails.size() < BODY_EMAILS_READ) {
                emails.add(email.group(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> free = new LinkedHashSet<>();
        int count = 0;
        for (String email : emails) {
            if (++count == MAXIMUM_BODY_EMAILS) {
                return Optional.empty();
            }
            if (domains.isFreemail(email)) {
                free.add(email);
                if (free.size() == MAXIMUM_BODY_FREEMAILS) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(free);
    }

    /** Whether the optional filter argument is absent or a usable regular expression. */
    private boolean usableFilter(List<String> arguments, int index) {
        return EvalArguments.text(arguments, index).map(regex -> patterns.pattern(regex).isPresent()).orElse(true);
    }

    private Optional<Pattern> filter(List<String> arguments, int index) {
        return EvalArguments.text(arguments, index).flatMap(patterns::pattern);
    }

    private static boolean matches(Optional<Pattern> filter, String email) {
        return filter.map(pattern -> pattern.matcher(email).find()).orElse(true);
    }
}
