package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded generator of realistic SpamAssassin rules for speed measurements: body rules
 * over word alternations with {@code \b} and {@code /i}, phrases with optional words and
 * bounded gaps, obfuscated words ({@code v[_\W]{0,2}[i1!]...}) and character-class runs
 * with no literal; header rules on Subject, From, To, X-Mailer, Message-Id and
 * {@code exists:}; uri rules on host and path shapes; rawbody rules on HTML; metas over
 * the generated sub-rules. Names are {@code SYN_<n>} or {@code __SYN_<n>} (sub-rules).
 */
final class SyntheticRules {
    /** Words of mail, spam and ham alike, that phrases are built from. */
    private static final String[] WORDS = ("account access act action address advice affordable agent amazing "
        + "approved april article attached attention available bank bargain benefit best bid billing bitcoin bonus "
        + "business buy call card cash casino cell certified chance cheap check claim clearance click client code "
        + "collect company compare confidential congratulations contact contract cost credit crypto customer data "
        + "deal dear debt delivery deposit diet direct discount doctor dollars download earn easy email exclusive "
        + "expire extra fast fee female finance follow free friend fund gift girls gold guarantee health hello help "
        + "home hot income increase instant insurance interest invest invoice island join kindly laptop lease legal "
        + "life limited link loan login lose lottery lowest luxury mail male market meds meeting member million "
        + "miracle money mortgage natural network newsletter offer online opportunity order package partner "
        + "password payment percent pharmacy phone please pills premium price prize product profit promise "
        + "promotion quote rate receive refinance refund remove replica reply request reward rich risk rolex "
        + "sale save secret security select send server service shipping shop sign single special stock "
        + "subscribe success supplies survey team thanks ticket today trading transfer trial unlimited update "
        + "urgent usd verify viagra video vip visit wallet warranty watch weight win winner wire won work years")
        .split(" ");
    private static final String[] HEADERS = {"Subject", "From", "To", "Reply-To", "X-Mailer", "Message-Id",
        "Return-Path", "List-Unsubscribe", "Content-Type", "X-Priority"};
    private static final String[] TLDS = {"com", "net", "biz", "info", "ru", "cn", "top", "xyz", "club", "online"};

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final List<String> subRules = new ArrayList<>();
    private int next;

    private SyntheticRules(long seed) {
        this.random = new Random(seed);
    }

    /** The text of a {@code .cf} file with {@code count} rules (metas included). */
    static String generate(int count, long seed) {
        SyntheticRules rules = new SyntheticRules(seed);
        while (rules.next < count) {
            rules.rule();
        }
        return rules.out.toString();
    }

    private void rule() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            body(wordAlternation());
        } else if (kind < 42) {
            body(phrase());
        } else if (kind < 48) {
            body(obfuscatedWord());
        } else if (kind < 52) {
            body(literalFree());
        } else if (kind < 68) {
            header();
        } else if (kind < 78) {
            uri();
        } else if (kind < 86) {
            rawbody();
        } else if (kind < 90 && subRules.size() >= 4) {
            meta();
        } else {
            body(wordAlternation());
        }
    }

    private String name(boolean sub) {
        String name = (sub ? "__SYN_" : "SYN_") + next++;
        if (sub) {
            subRules.add(name);
        }
        return name;
    }

    private void emit(String type, String definition) {
        boolean sub = random.nextInt(4) == 0;
        String name = name(sub);
        out.append(type).append(' ').append(name).append(' ').append(definition).append('\n');
        if (!sub) {
            double score = random.nextInt(10) == 0 ? -(random.nextInt(20) + 1) / 10.0 : (random.nextInt(30) + 1) / 10.0;
            out.append("score ").append(name).append(' ').append(String.format(Locale.ROOT, "%.1f", score)).append('\n');
            out.append("describe ").append(name).append(" Synthetic ").append(type).append(" rule\n");
        }
    }

    private void body(String pattern) {
        emit("body", pattern);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String alternation(int size) {
        StringBuilder alternatives = new StringBuilder("(?:");
        for (int i = 0; i < size; i++) {
            alternatives.append(i == 0 ? "" : "|").append(word());
        }
        return alternatives.append(')').toString();
    }

    private String flags() {
        return random.nextInt(3) == 0 ? "/" : "/i";
    }

    /** {@code /\b(?:free|cheap)\s+(?:meds|pills)\b/i} */
    private String wordAlternation() {
        return "/\\b" + alternation(1 + random.nextInt(4)) + "\\s+" + alternation(1 + random.nextInt(4)) + "\\b" + flags();
    }

    /** {@code /\bclaim (?:your )?free\W{1,3}prize.{0,20}today\b/i} */
    private String phrase() {
        return "/\\b" + word() + " (?:" + word() + " )?" + word() + "\\W{1,3}" + word() + ".{0," + (10 + random.nextInt(40))
            + "}" + word() + "\\b" + flags();
    }

    /** {@code /\bv[_\W]{0,2}[i1!|][_\W]{0,2}a[_\W]{0,2}.../i}: a word with separators and look-alikes. */
    private String obfuscatedWord() {
        String word = word();
        StringBuilder pattern = new StringBuilder("/(?:\\b|\\s)");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            pattern.append(i == 0 ? "" : "[_\\W]{0,2}").append(lookAlike(c));
        }
        return pattern.append("\\b/i").toString();
    }

    private static String lookAlike(char c) {
        switch (c) {
            case 'a':
                return "[a4@\\xe0-\\xe6]";
            case 'e':
                return "[e3\\xe8-\\xeb]";
            case 'i':
                return "[i1!|l\\xec-\\xef]";
            case 'o':
                return "[o0\\xf2-\\xf6]";
            case 's':
                return "[s5\\$]";
            default:
                return String.valueOf(c);
        }
    }

    /** Shapes with no literal: codes, long capitals, repeated punctuation, digits. */
    private String literalFree() {
        switch (random.nextInt(5)) {
            case 0:
                return "/\\b[A-Z]{2,4}-?\\d{" + (3 + random.nextInt(4)) + "}\\b/";
            case 1:
                return "/\\b[A-Z]{" + (8 + random.nextInt(10)) + ",}\\b/";
            case 2:
                return "/[!?]{" + (3 + random.nextInt(4)) + ",}/";
            case 3:
                return "/\\b\\d{1,3}(?:[,.]\\d{3}){2,}\\b/";
            default:
                return "/\\b[a-z]+\\d+[a-z]+\\d*\\b/i";
        }
    }

    private void header() {
        String header = HEADERS[random.nextInt(HEADERS.length)];
        switch (random.nextInt(6)) {
            case 0:
                emit("header", "exists:X-Syn-" + word());
                break;
            case 1:
                emit("header", header + " =~ /^" + word() + "/i");
                break;
            case 2:
                emit("header", header + ":addr =~ /\\@(?:" + word() + "|" + word() + ")\\." + TLDS[random.nextInt(TLDS.length)]
                    + "$/i");
                break;
            case 3:
                emit("header", header + " =~ /\\b" + alternation(2 + random.nextInt(3)) + "\\b/i");
                break;
            case 4:
                emit("header", header + " !~ /" + word() + "/");
                break;
            default:
                emit("header", header + " =~ /[A-Z]{3}\\d{" + (2 + random.nextInt(4)) + "}/");
                break;
        }
    }

    private void uri() {
        switch (random.nextInt(4)) {
            case 0:
                emit("uri", "/^https?:\\/\\/[^\\/]*" + word() + "[^\\/]*\\.(?:" + TLDS[random.nextInt(TLDS.length)] + "|"
                    + TLDS[random.nextInt(TLDS.length)] + ")\\b/i");
                break;
            case 1:
                emit("uri", "/\\/" + word() + "\\/" + word() + "\\.php\\?/i");
                break;
            case 2:
                emit("uri", "/\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\/" + word() + "/");
                break;
            default:
                emit("uri", "/[?&](?:" + word() + "|id|ref)=[a-z0-9]{" + (8 + random.nextInt(20)) + ",}/i");
                break;
        }
    }

    private void rawbody() {
        switch (random.nextInt(3)) {
            case 0:
                emit("rawbody", "/<font[^>]{0,40}color=.?#(?:ff0000|" + String.format(Locale.ROOT, "%06x",
                    random.nextInt(0xffffff)) + ")/i");
                break;
            case 1:
                emit("rawbody", "/<a\\s[^>]{0,80}href=.?https?:\\/\\/[^>]{0,40}" + word() + "/i");
                break;
            default:
                emit("rawbody", "/<img[^>]{0,60}(?:width|height)=.?[01]\\b/i");
                break;
        }
    }

    private void meta() {
        String a = subRules.get(random.nextInt(subRules.size()));
        String b = subRules.get(random.nextInt(subRules.size()));
        String c = subRules.get(random.nextInt(subRules.size()));
        String expression;
        switch (random.nextInt(3)) {
            case 0:
                expression = a + " && !" + b;
                break;
            case 1:
                expression = "(" + a + " + " + b + " + " + c + ") > 1";
                break;
            default:
                expression = a + " && (" + b + " || " + c + ")";
                break;
        }
        String name = name(false);
        out.append("meta ").append(name).append(' ').append(expression).append('\n');
        out.append("score ").append(name).append(" 1.0\n");
    }
}
