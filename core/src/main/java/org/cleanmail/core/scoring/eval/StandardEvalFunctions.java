package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.cleanmail.core.message.relay.RelayNetworks;
import org.cleanmail.core.rules.OtherDirective;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.scoring.EvalFunction;
import org.cleanmail.core.scoring.EvalFunctions;

/**
 * Builds the registry of every SpamAssassin {@code eval:} function CleanMail implements in
 * Java: HeaderEval, date, BodyEval, MIMEEval, HTMLEval, ImageInfo's {@code image_count},
 * FreeMail and WLBLEval's list tests. What the rule files configure (free-mail domains,
 * address lists) is a parameter.
 * Functions that need state, network or Bayes are not here.
 *
 * <pre><code>
 * RuleSet rules = loader.loadDirectory(folder);
 * EvalFunctions evals = StandardEvalFunctions.forRules(rules);
 * </code></pre>
 *
 * <p>To load rules with these functions counted as implemented, pass {@link #names()} as
 * {@code RuleLoadOptions.implementedEvals}.
 */
public final class StandardEvalFunctions {
    public static final String FREEMAIL_DOMAINS = "freemail_domains";
    public static final String FREEMAIL_WELCOMELIST = "freemail_welcomelist";
    /** The older name of {@link #FREEMAIL_WELCOMELIST}, still accepted by SpamAssassin. */
    public static final String FREEMAIL_WHITELIST = "freemail_whitelist";
    public static final String ENLIST_ADDRLIST = "enlist_addrlist";

    private static final Set<String> NAMES =
        Set.copyOf(create(FreemailDomains.none(), AddressLists.none()).names());

    private StandardEvalFunctions() {
    }

    /**
     * The functions, with the free-mail providers the FreeMail tests look for and the
     * address lists the list tests read.
     */
    public static EvalFunctions create(FreemailDomains freemail, AddressLists addressLists) {
        return create(freemail, addressLists, RelayNetworks.defaults());
    }

    /**
     * The functions, with the free-mail providers, the address lists, and the trusted and
     * internal networks the relay tests split the Received chain with.
     */
    public static EvalFunctions create(FreemailDomains freemail, AddressLists addressLists, RelayNetworks networks) {
        Objects.requireNonNull(freemail, "freemail domains");
        Objects.requireNonNull(addressLists, "address lists");
        DerivedFacts derived = new DerivedFacts();
        ArgumentPatterns patterns = new ArgumentPatterns();
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.putAll(HeaderEvals.functions());
        functions.putAll(new DateEvals().functions());
        functions.putAll(new BodyEvals(derived).functions());
        functions.putAll(new MimeEvals(derived).functions());
        functions.putAll(new HtmlEvals(derived, patterns).functions());
        functions.putAll(new FreemailEvals(freemail, patterns).functions());
        functions.putAll(new AddressListEvals(addressLists).functions());
        functions.putAll(new RelayEvals(networks).functions());
        return EvalFunctions.of(functions);
    }

    /**
     * The functions, configured by the rule set's {@code freemail_*}, {@code enlist_addrlist}
     * and {@code trusted_networks}-like directives.
     */
    public static EvalFunctions forRules(RuleSet rules) {
        return create(freemailDomains(rules), AddressLists.of(values(rules, ENLIST_ADDRLIST)), rules.relayNetworks());
    }

    /** The free-mail providers named by the rule set's directives. */
    public static FreemailDomains freemailDomains(RuleSet rules) {
        List<String> welcome = new ArrayList<>(values(rules, FREEMAIL_WELCOMELIST));
        welcome.addAll(values(rules, FREEMAIL_WHITELIST));
        return FreemailDomains.of(values(rules, FREEMAIL_DOMAINS), welcome);
    }

    /** The names of the functions implemented, for {@code RuleLoadOptions.implementedEvals}. */
    public static Set<String> names() {
        return NAMES;
    }

    private static List<String> values(RuleSet rules, String directive) {
        List<String> values = new ArrayList<>();
        for (OtherDirective other : rules.otherDirectives(directive)) {
            values.add(other.value());
        }
        return values;
    }
}
