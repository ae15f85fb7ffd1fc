package org.cleanmail.core.message.relay;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CaseFold;

/**
 * Parses one Received header field into a {@link Relay} as SpamAssassin 4's
 * {@code Mail::SpamAssassin::Message::Metadata::Received::parse_received_line} does: the
 * same formats tried in the same order (sendmail, Postfix, Exim, qmail, Microsoft
 * Exchange/SMTPSVC, Courier, CommuniGate, XMail, ecelerity, Lotus Domino, smap, webmail
 * and many more, James's own {@code from helo ([ip]) by host (JAMES SMTP Server) with
 * ESMTP} falling under the generic sendmail-like forms), the same fields recorded. A
 * field is either a relay, deliberately {@linkplain Outcome#skipped() skipped} (local
 * handovers, lines not starting with {@code from}), or
 * {@linkplain Outcome#unparseable() unparseable}. Thread-safe; the patterns are compiled
 * once.
 */
public final class ReceivedLineParser {
    private static final String IP = IpAddresses.IP_ADDRESS;
    private static final String LH = IpAddresses.LOCALHOST;
    /** SpamAssassin's MAX_HEADER_VALUE_LENGTH: longer fields are cut, which also bounds the work per field. */
    private static final int MAX_LINE = 8192;
    /** Rules out, without a search, the patterns none of whose literals the field holds. */
    private static final RequiredLiteralCheck LITERALS = new RequiredLiteralCheck();
    private static final String HELO_CHARS = "[-A-Za-z0-9\\.\\^+_&:=?!@%*\\$\\\\/]";

    private static final Pattern STARTS_FROM = Pattern.compile("^\\(?from ", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_FOR = Pattern.compile("\\bwith local for\\b");
    private static final Pattern FROM_BY_ONLY = Pattern.compile("^from (\\S+) by [^\\s;]+ ?;", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED_V4 = Pattern.compile("^\\[[\\d.]+\\]$");
    private static final Pattern DATE = Pattern.compile("[\\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\\d+ "
        + "(?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \\d+ \\d+:\\d+(?::\\d+)? \\S+$");
    private static final Pattern ID = Pattern.compile(" id <?([^\\s<>;]{3,})");
    private static final Pattern HELO_EQ = Pattern.compile("\\bhelo=(" + HELO_CHARS + "+)(?:[^-A-Za-z0-9\\.\\^+_&:=?!@%*\\$\\\\/]|$)");
    private static final Pattern HELO_CMD = Pattern.compile("\\b(?:HELO|EHLO) (" + HELO_CHARS + "+)(?:[^-A-Za-z0-9\\.\\^+_&:=?!@%*\\$\\\\/]|$)");
    private static final Pattern BY = Pattern.compile(" by (\\S+)(?:[^-A-Za-z0-9\\;\\.]|$)");
    private static final Pattern HAS_BY = Pattern.compile(" by ");

    private static final Pattern AUTH_WITH = Pattern.compile(" with ((?:ES|L|UTF8S|UTF8L)MTPS?A|ASMTP|HTTP[SU]?)(?: |;|$)",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_GMAIL = Pattern.compile(" by mx\\.google\\.com with ESMTPS id [a-z0-9]{1,4}sm[0-9]{2,9}"
        + "[a-z]{3}\\.[0-9]{1,3}\\.[0-9]{4}\\.(?:[0-6][0-9]\\.){4}[0-6][0-9]");
    private static final Pattern AUTH_GMAIL_TLS = Pattern.compile("\\(version=([^ ]+) cipher=([^\\)]+)\\)");
    private static final Pattern AUTH_COURIER = Pattern.compile("^from .*?(?:\\]\\)|\\)\\]) \\(AUTH: (LOGIN|PLAIN|DIGEST-MD5|CRAM-MD5) "
        + "\\S+(?:, .*?)?\\) by ");
    private static final Pattern AUTHENTICATED = Pattern.compile("authenticated");
    private static final Pattern AUTH_SENDMAIL = Pattern.compile("^from .*?(?:\\](?: \\([^)]*\\))?\\)|\\)\\]) .*?\\(.*?authenticated.*?\\).*? by");
    private static final Pattern AUTH_GMX = Pattern.compile("from \\S* \\((?:HELO|EHLO) (\\S*)\\) \\[(" + IP
        + ")\\] by (mail\\.gmx\\.(?:net|com)) \\([^\\)]+\\) with ((?:ESMTP|SMTP))");
    private static final Pattern AUTH_CP1 = Pattern.compile(" \\(authenticated as ");
    private static final Pattern AUTH_CP2 = Pattern.compile("\\) by .+ \\(\\d{1,2}\\.\\d\\.\\d{3}(?:\\.\\d{1,3})?\\) \\(authenticated as .+\\) id ");
    private static final Pattern AUTH_POSTFIX = Pattern.compile("\\) \\(Authenticated sender: \\S+\\) by \\S+ \\(([^\\)]+)\\) with ");
    private static final Pattern AUTH_CGP1 = Pattern.compile("CommuniGate Pro (HTTP|SMTP|XIMSS|IMAP)");
    private static final Pattern AUTH_CGP2 = Pattern.compile(" \\(account ");
    private static final Pattern AUTH_DAV = Pattern.compile(" with Microsoft Exchange Server HTTP-DAV\\b");
    private static final Pattern AUTH_VIA_HTTP = Pattern.compile(" \\(via (HTTP.?)\\)(?: |;|$)", Pattern.CASE_INSENSITIVE);

    private static final Pattern ENVFROM = Pattern.compile("(?:return-path:? |envelope-(?:sender|from)[ =])(\\S+)\\b",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern SQUIRREL = Pattern.compile(" \\((?:SquirrelMail|NaSMail) authenticated user ");
    private static final Pattern SQUIRREL_IP = Pattern.compile("(" + IP + ")\\b(?![.-]).{10,80}by (\\S+) with HTTP");
    private static final Pattern AOL = Pattern.compile("aol\\.com");
    private static final Pattern AOL_WEBMAIL = Pattern.compile("with HTTP \\(WebMailUI\\)");
    private static final Pattern AOL_IP = Pattern.compile("(" + IP + ") by (\\S+) \\(" + IP + "\\) with HTTP \\(WebMailUI\\)");
    private static final Pattern SMTPSVC = Pattern.compile(" SMTPSVC");
    private static final Pattern SMTPSVC_1 = Pattern.compile("^(\\S*) \\(\\[(" + IP + ")\\][^\\)]{0,40}\\) by (\\S+) with Microsoft SMTPSVC");
    private static final Pattern SMTPSVC_PICKUP = Pattern.compile("^mail pickup service by (\\S+) with Microsoft SMTPSVC$");
    private static final Pattern EXCHANGE = Pattern.compile(" with (?:Microsoft SMTP Server|mapi id) (?:\\([^\\)]+\\) )?\\d+\\.\\d+\\.\\d+\\.\\d+(?:$| )");
    private static final Pattern EXCHANGE_1 = Pattern.compile("^(\\S+) \\(\\[?(" + IP + ")(?:%[A-Z0-9._~-]*)?\\]?\\) by (\\S+) ");
    private static final Pattern XMAIL = Pattern.compile("\\[XMail ");
    private static final Pattern XMAIL_1 = Pattern.compile("^(\\S+) \\((\\[?" + IP + "\\]?)(?::\\d+)\\) by (\\S+)(?: \\(\\S+\\))? with \\[XMail");
    private static final Pattern XMAIL_ID = Pattern.compile(" id <(\\S+)>");
    private static final Pattern XMAIL_FROM = Pattern.compile(" from <(\\S+)>");
    private static final Pattern ECELERITY = Pattern.compile("\\(ecelerity\\b");
    private static final Pattern ECELERITY_1 = Pattern.compile("^\\(\\[(" + IP + "):\\d+\\] helo=(\\S+)\\) by (\\S+) ");
    private static final Pattern ECELERITY_2 = Pattern.compile("^\\S+ \\(\\[(" + IP + "):\\d+\\]\\) by (\\S+) ");
    private static final Pattern EXIM = Pattern.compile("Exim");
    private static final Pattern EXIM_LOCAL = Pattern.compile("\\bwith local(?:-\\S+)? ");
    private static final Pattern EXIM_1 = Pattern.compile("^\\[(" + IP + ")\\] \\((.*?)\\) by (\\S+) ");
    private static final Pattern EXIM_2 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\](.*?)\\) by (\\S+) ");
    private static final Pattern EXIM_3 = Pattern.compile("^(\\S+) \\[(" + IP + ")\\](:\\d+)? by (\\S+) ");
    private static final Pattern EXIM_RDNS = Pattern.compile("^(\\S+) ");
    private static final Pattern EXIM_HELO = Pattern.compile(" \\((\\S+)\\) ");
    private static final Pattern EXIM_IP = Pattern.compile(" \\[(" + IP + ")(?:\\.\\d+)?\\] ");
    private static final Pattern EXIM_BY = Pattern.compile("by (\\S+) ");
    private static final Pattern SUB_HELO = Pattern.compile("helo=(\\S+)");
    private static final Pattern SUB_IDENT = Pattern.compile("ident=(\\S*)");
    private static final Pattern POSTFIX = Pattern.compile(" \\(Postfix\\) with");
    private static final Pattern POSTFIX_1 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern POSTFIX_2 = Pattern.compile("^(\\S+) \\((\\S+)\\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern SCALIX = Pattern.compile("\\(Scalix SMTP Relay");
    private static final Pattern SCALIX_1 = Pattern.compile("^(\\S+) \\( ?(" + IP + ")\\) by (\\S+)");
    private static final Pattern DOMINO = Pattern.compile(" \\(Lotus Domino ");
    private static final Pattern DOMINO_1 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\]\\) by (\\S+) \\(Lotus");
    private static final Pattern WITH_HTTP = Pattern.compile("\\bwith HTTP\\b");
    private static final Pattern HTTP_1 = Pattern.compile("^(" + IP + ") \\(\\[" + IP + "\\]\\) by (\\S+)");
    private static final Pattern QMAIL_WITH = Pattern.compile(" by \\S+ \\(qmail-\\S+\\) with ");
    private static final Pattern SENDMAIL_1 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\].*\\) by (\\S+) \\(");
    private static final Pattern IDENT_PREFIX = Pattern.compile("^IDENT:([^@]*)@");
    private static final Pattern AT_PREFIX = Pattern.compile("^([^@]*)@");
    private static final Pattern G_1 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\) by (\\S+) with \\S+ \\(");
    private static final Pattern G_2 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\] helo=(\\S+)\\) by (\\S+) with ");
    private static final Pattern G_3 = Pattern.compile("^(\\S+) \\(<unknown\\S*>\\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern G_4 = Pattern.compile("^(\\S+) \\((\\S+\\.\\S+)\\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern G_5 = Pattern.compile("^(\\S+) \\((\\S*)@\\[(" + IP + ")\\].*\\) by (\\S+) \\(");
    private static final Pattern HOTMAIL = Pattern.compile("by (\\S+\\.hotmail\\.msn\\.com) ");
    private static final Pattern LEADING_IP = Pattern.compile("^(" + IP + ") ");
    private static final Pattern QPSMTPD = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) (\\S*)\\) \\((" + IP
        + ")\\) by (\\S+) \\(qpsmtpd/\\S+\\) with (?:ESMTP|SMTP)");
    private static final Pattern LMTP = Pattern.compile("^(\\S+) \\(LHLO (\\S*)\\) \\((" + IP + ")\\) by (\\S+) with LMTP");
    private static final Pattern G_6 = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) (\\S*)\\) \\[(" + IP
        + ")\\] by (\\S+) \\([^\\)]+\\) with (?:ESMTP|SMTP)");
    private static final Pattern SMTPD = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\]\\) by (\\S+) via smtpd \\(for \\S+\\) with SMTP\\(");
    private static final Pattern QMAIL = Pattern.compile("^\\S+( \\((?:HELO|EHLO) \\S*\\))? \\((\\S+@)?\\[?" + IP
        + "\\]?\\)( \\(envelope-sender <\\S+>\\))? by \\S+( \\(.+\\))* with (.* )?(SMTP|QMQP)(?! id )");
    private static final Pattern QMAIL_1 = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) ([^ \\(\\)]*)\\) \\((\\S*)@\\[?(" + IP
        + ")\\]?\\)( \\(envelope-sender <\\S+>\\))? by (\\S+)");
    private static final Pattern QMAIL_2 = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) ([^ \\(\\)]*)\\) \\(\\[?(" + IP
        + ")\\]?\\)( \\(envelope-sender <\\S+>\\))? by (\\S+)");
    private static final Pattern QMAIL_3 = Pattern.compile("^(\\S+) \\((\\S*)@\\[?(" + IP + ")\\]?\\)( \\(envelope-sender <\\S+>\\))? by (\\S+)");
    private static final Pattern QMAIL_4 = Pattern.compile("^(\\S+) \\(\\[?(" + IP + ")\\]?\\)( \\(envelope-sender <\\S+>\\))? by (\\S+)");
    private static final Pattern VIA_HTTP_END = Pattern.compile(" via HTTP$");
    private static final Pattern VIA_HTTP_1 = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) via HTTP$");
    private static final Pattern G_7 = Pattern.compile("^(\\S+) \\( \\[(" + IP + ")\\]\\).*? by (\\S+) ");
    private static final Pattern G_8 = Pattern.compile("^\\((\\S+) \\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern G_9 = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) ");
    private static final Pattern G_10 = Pattern.compile("^\\(\\[?(" + IP + ")\\]?\\) by (\\S+) ");
    private static final Pattern G_11 = Pattern.compile("^(\\S+) \\[(" + IP + ")\\] by (\\S+) \\[" + IP + "\\] with ");
    private static final Pattern G_12 = Pattern.compile("^(\\S+) \\[\\((" + IP + ")\\)\\] by (\\S+) \\(" + IP + "\\) ");
    private static final Pattern SENDMAIL_2 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\]\\) by (\\S+) \\(");
    private static final Pattern SENDMAIL_3 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\).*? by (\\S+)\\b");
    private static final Pattern G_13 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")(?:[.:]\\d+)?\\]\\).*? by (\\S+) ");
    private static final Pattern SENDMAIL_4 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\)(?: \\(authenticated bits=\\d+\\))? by (\\S+) \\(");
    private static final Pattern POP_IMAP = Pattern.compile("with (?:POP3|IMAP)");
    private static final Pattern G_14 = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) ([^\\)]*)\\) \\((\\S*@)?\\[?(" + IP + ")\\]?\\).* by (\\S+) ");
    private static final Pattern G_15 = Pattern.compile("^(\\S+) \\((\\S*@)?\\[?(" + IP + ")\\]?\\).* by (\\S+) ");
    private static final Pattern HTTP_FOR = Pattern.compile(" with http for ");
    private static final Pattern HTTP_FOR_1 = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) with http for ");
    private static final Pattern SMAP = Pattern.compile(" via smap ");
    private static final Pattern SMAP_1 = Pattern.compile("^(\\S+)\\((" + IP + ")\\) by (\\S+) via smap ");
    private static final Pattern SMAP_2 = Pattern.compile("^(\\S+)\\((" + IP + "), (?:HELO|EHLO) (\\S*)\\) by (\\S+) via smap ");
    private static final Pattern POST = Pattern.compile(" \\(Post");
    private static final Pattern POST_1 = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) \\(Post");
    private static final Pattern ARGOSOFT = Pattern.compile(" \\(ArGoSoft");
    private static final Pattern ARGOSOFT_1 = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) \\(ArGoSoft");
    private static final Pattern SMTPL = Pattern.compile("^(" + IP + ") by (\\S+) \\((?:SMTPL|InterScan)\\b");
    private static final Pattern BSMTP = Pattern.compile(" with BSMTP");
    private static final Pattern BSMTP_1 = Pattern.compile("^\\S+ by \\S+ with BSMTP");
    private static final Pattern G_16 = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\) by (\\S+) with ");
    private static final Pattern G_17 = Pattern.compile("^(\\S+) \\((?:HELO|EHLO) (\\S*)\\) \\((?:(\\S+)@)?(" + IP + ").*?\\) by (\\S+) with ");
    private static final Pattern G_18 = Pattern.compile("^\\[(" + IP + ")\\] \\((?:account \\S+ )?(?:HELO|EHLO) (\\S*)\\) by (\\S+) \\(");
    private static final Pattern CGP = Pattern.compile(" \\(CommuniGate Pro");
    private static final Pattern CGP_1 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\] verified\\) by (\\S+) \\(");
    private static final Pattern G_19 = Pattern.compile("^\\(\\[(" + IP + ")\\]\\) by (\\S+) with ");
    private static final Pattern G_20 = Pattern.compile("^([^\\d]\\S+) \\((" + IP + ")\\) by (\\S+) ");
    private static final Pattern CONTENT_TECH = Pattern.compile("^\\S+ \\(\\S+\\) by \\S+ \\(Content Technologies ");
    private static final Pattern G_21 = Pattern.compile("^(\\S+) \\(\\[(" + IP + ")\\] \\[(\\S+)\\]\\) by (\\S+) with ");
    private static final Pattern G_22 = Pattern.compile("^(" + IP + ") by (\\S+) with ");
    private static final Pattern G_23 = Pattern.compile("^(\\S+) \\((\\S+)\\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern G_24 = Pattern.compile("^\\[(" + IP + ")\\]\\S+ \\((?:HELO|EHLO) (\\S*)\\) by (\\S+) ");
    private static final Pattern G_25 = Pattern.compile("^(" + IP + ") \\((?:HELO|EHLO) (\\S*)\\) by (\\S+) ");
    private static final Pattern G_26 = Pattern.compile("^(\\S+) \\[(" + IP + ")\\] by (\\S+) ");
    private static final Pattern G_27 = Pattern.compile("^(\\S+)\\((" + IP + ")\\) by (\\S+) ");
    private static final Pattern MAILGATE = Pattern.compile("^\\[(" + IP + ")\\] by (\\S+) \\(MailGate ");
    private static final Pattern UNVERIFIED = Pattern.compile("^(\\S+) \\(unverified \\[(" + IP + ")\\]\\) by (\\S+) ");
    private static final Pattern G_28 = Pattern.compile("^(" + IP + ") \\([A-Za-z][^\\)]+\\) by (\\S+) with ");
    private static final Pattern G_29 = Pattern.compile("^\\[(" + IP + ")\\] \\(([^\\)]+)\\) by (\\S+) ");
    private static final Pattern G_30 = Pattern.compile("^(\\S+) \\((?:\\S+@)?(" + IP + ")\\) by (\\S+) with ");
    private static final Pattern CLAIMING = Pattern.compile("^(\\S+)\\((" + IP + ")\\)(?:, claiming to be \"(\\S+)\")? via \\S+ by (\\S+),");
    private static final Pattern YAHOO = Pattern.compile("^(\\S+) \\((\\S+)@(" + IP + ") with login\\) by (\\S+\\.yahoo\\.com) with SMTP");
    private static final Pattern ORIGINATING = Pattern.compile("^X-Originating-IP: (" + IP + ")$");
    private static final Pattern[] SKIP_FROM = {
        Pattern.compile("^\\S+ \\([^\\s@]+@" + LH + "\\) by \\S+ \\("),
        Pattern.compile("^\\S+ \\S+ by \\S+ with local-e?smtp "),
        Pattern.compile("^127\\.0\\.0\\.1 \\(AVG SMTP \\S+ \\[\\S+\\]\\)"),
        Pattern.compile("^\\S+@\\S+ by \\S+ by uid \\S+ "),
        Pattern.compile("^\\S+@\\S+ by \\S+ "),
        Pattern.compile("^Unknown/Local \\("),
        Pattern.compile("^" + LH + " \\((?:\\S+@)?" + LH + "[\\)\\[]"),
        Pattern.compile("^\\S+ \\((?:\\S+@)?" + LH + "\\) "),
        Pattern.compile("^\\S+ \\(\\S+@\\S+ \\[" + LH + "\\]\\) "),
        Pattern.compile("^\\(AUTH: \\S+\\) by \\S+ with "),
        Pattern.compile("^localhost \\(localhost \\[\\[UNIX: localhost\\]\\]\\) by "),
        Pattern.compile("^\\S+\\.amazon\\.com by \\S+\\.amazon\\.com with ESMTP \\(peer crosscheck: "),
        Pattern.compile("^[^\\.]+ by \\S+ with Novell_GroupWise"),
        Pattern.compile("^no\\.name\\.available by \\S+ via smtpd \\(for "),
    };
    private static final Pattern QMAIL_SCANNER = Pattern.compile("^\\S+ by \\S+ \\(.{0,100}\\) with qmail-scanner");
    private static final Pattern[] SKIP_FROM_LATE = {
        Pattern.compile("^\\S+ by \\S+ with local"),
        Pattern.compile("^\\S+ \\(\\[unix socket\\]\\) by \\S+ \\(Cyrus v[0-9]*?\\.[0-9]*?\\.[0-9]*?\\) with LMTPA"),
        Pattern.compile("^\\S+ by \\S+ (?:with|via|for|\\()"),
        Pattern.compile("^\\S+ (?:(?:with|via|for) \\S+|\\(unverified\\)) by\\b"),
        Pattern.compile("^\\S+ \\(unknown\\) by \\S+ \\(SG\\) with \\b"),
        Pattern.compile("^\\S+ \\(\\S+ \\[local\\]\\) by \\S+ \\(OpenSMTPD\\) with \\b"),
        Pattern.compile("\\(LSMTP for"),
        Pattern.compile("^\\(\\[" + LH + "\\]\\) with MailEnable "),
        Pattern.compile("^facebook\\.com \\([^\\)]+\\) by facebook\\.com with Thrift id \\S+$"),
        Pattern.compile("^\\S+ named \\S+ by gmailapi\\.google\\.com with HTTPREST$"),
        Pattern.compile("^\\S+ id \\S+$"),
        Pattern.compile("^\\[<.*? \\(Jetsend"),
    };
    private static final Pattern FALLBACK_HELO = Pattern.compile("^(\\S+)[^-A-Za-z0-9\\.]");
    private static final Pattern UPPER_FROM = Pattern.compile("^(\\S+) \\((\\S+) \\[(" + IP + ")\\]\\) BY (\\S+) "
        + "(?:\\([^\\)]+\\) WITH SMTP )?ID <?(\\S+?)>?(?: FOR <[^>]+>)?$");
    private static final Pattern NAVGW = Pattern.compile("^(\\S*) \\[(" + IP + ")\\]\\) by (\\S+) \\(NAVGW .*?\\) with ");
    private static final Pattern PAREN_LOCALHOST = Pattern.compile("^\\S+@localhost\\) by \\S+ ");
    private static final Pattern JQUEUE = Pattern.compile("^[^\\s@]+@[^)]+\\) by \\S+\\(jqueuemail\\) id [^\\s;]+");
    private static final Pattern ANY_BRACKETED_IP = Pattern.compile("\\[(" + IP + ")\\]");
    private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+\\z");
    private static final Pattern UNKNOWN_RDNS = Pattern.compile("^unknown$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6_PREFIX = Pattern.compile("^ipv6:", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZONE = Pattern.compile("%[A-Z0-9._~-]*\\z", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAPPED_V4 = Pattern.compile("^0*:0*:(?:0*:)*ffff:(\\d+\\.\\d+\\.\\d+\\.\\d+)$",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern STRIP_CHARS = Pattern.compile("[\\s\\x00#\\[\\]\\(\\)<>|]");
    private static final Pattern ENVFROM_LEAD = Pattern.compile("^\\s*<*");
    private static final Pattern ENVFROM_TRAIL = Pattern.compile(">*\\s*$");

    /** What one Received field gave. */
    public static final class Outcome {
        private static final Outcome SKIPPED = new Outcome(null, false, null, false);
        private static final Outcome UNPARSEABLE = new Outcome(null, true, null, false);
        private static final Outcome POP_FETCHER = new Outcome(null, false, null, true);

        private final Relay relay;
        private final boolean unparseable;
        private final String qmailScannerEnvfrom;
        private final boolean popFetcher;

        private Outcome(Relay relay, boolean unparseable, String qmailScannerEnvfrom, boolean popFetcher) {
            this.relay = relay;
            this.unparseable = unparseable;
            this.qmailScannerEnvfrom = qmailScannerEnvfrom;
            this.popFetcher = popFetcher;
        }

        public Optional<Relay> relay() {
            return Optional.ofNullable(relay);
        }

        /** The field was not understood (SpamAssassin counts these). */
        public boolean unparseable() {
            return unparseable;
        }

        /** The field was deliberately ignored (not a handover over the network). */
        public boolean skipped() {
            return relay == null && !unparseable;
        }

        /** The envelope sender a qmail-scanner field gives to the next (older) relay, when there is one. */
        Optional<String> qmailScannerEnvfrom() {
            return Optional.ofNullable(qmailScannerEnvfrom);
        }

        /** A POP3/IMAP fetch: relays parsed so far (more recent) restart from here when still trusted. */
        boolean popFetcher() {
            return popFetcher;
        }
    }

    /** Parses one Received field value (folded or not). */
    public Outcome parse(String received) {
        return new Line(received).parse();
    }

    /** The state of one parse, as the Perl sub's lexical variables. */
    private static final class Line {
        private String s;
        /** {@link #s} case-folded, for {@link #LITERALS}; of the text {@link #foldedFrom}. */
        private String folded;
        private String foldedFrom;
        private Matcher m;
        private String ip = "";
        private String helo = "";
        private String rdns = "";
        private String by = "";
        private String id = "";
        private String ident = "";
        private String envfrom;
        private boolean lookedUpDns;
        private String auth = "";

        Line(String received) {
            String text = received.length() > MAX_LINE ? received.substring(0, MAX_LINE) : received;
            this.s = ReceivedFieldText.normalized(text);
        }

        private boolean find(Pattern pattern) {
            if (foldedFrom != s) {
                folded = CaseFold.fold(s);
                foldedFrom = s;
            }
            if (!LITERALS.mayMatch(pattern, folded)) {
                return false;
            }
            m = pattern.matcher(s);
            return m.find();
        }

        private String g(int group) {
            String value = m.group(group);
            return value == null ? "" : value;
        }

        // Mirrors parse_received_line statement by statement; splitting it would hide the correspondence.

        Outcome parse() {
            if (!find(STARTS_FROM) || find(LOCAL_FOR)) {
                return Outcome.SKIPPED;
            }
            if (find(FROM_BY_ONLY) && !BRACKETED_V4.matcher(m.group(1)).matches()) {
                return Outcome.SKIPPED;
            }
            s = DATE.matcher(s).replaceFirst("");
            s = s.replace(")by ", ") by ");
            if (find(ID)) {
                id = g(1);
            }
            if (find(HELO_EQ) || find(HELO_CMD)) {
                helo = g(1);
            }
            if (find(BY)) {
                by = g(1);
            }
            auth();

            if (s.startsWith("from ")) {
                s = s.substring(5);
                return parseFrom();
            }
            if (s.startsWith("FROM ")) {
                s = s.substring(5);
                if (find(UPPER_FROM)) {
                    lookedUpDns = true;
                    helo = g(1);
                    rdns = g(2);
                    ip = g(3);
                    by = g(4);
                    id = g(5);
                    if (rdns.equals("unverified")) {
                        rdns = "";
                    }
                    return enough();
                }
            } else if (s.startsWith("(from ")) {
                s = s.substring(6);
                if (find(NAVGW)) {
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    return enough();
                }
                if (find(PAREN_LOCALHOST) || find(JQUEUE)) {
                    return Outcome.SKIPPED;
                }
            }
            return fallThrough();
        }

        private void auth() {
            boolean hasBy = find(HAS_BY);
            if (hasBy && find(AUTH_WITH)) {
                auth = g(1);
            } else if (find(AUTH_GMAIL) && find(AUTH_GMAIL_TLS)) {
                auth = "GMail - transport=" + g(1) + " cipher=" + g(2);
            } else if (find(AUTH_COURIER)) {
                auth = g(1);
            } else if (find(AUTHENTICATED) && find(AUTH_SENDMAIL)) {
                auth = "Sendmail";
            } else if (find(AUTH_GMX)) {
                auth = "GMX (" + g(4) + " / " + g(3) + ")";
            } else if (find(AUTH_CP1) && find(AUTH_CP2)) {
                auth = "CriticalPath";
            } else if (find(AUTH_POSTFIX)) {
                auth = g(1).equals("Postfix") ? "Postfix" : "Postfix (" + g(1) + ")";
            } else if (find(AUTH_CGP1) && find(AUTH_CGP2)) {
                auth = "Communigate";
            } else if (find(AUTH_DAV)) {
                auth = "HTTP-DAV";
            } else if (hasBy && find(AUTH_VIA_HTTP)) {
                auth = g(1);
            }
        }

        private Outcome fallThrough() {
            if (ip.isEmpty() && find(ANY_BRACKETED_IP)) {
                ip = g(1);
            }
            if (!ip.isEmpty() && !by.isEmpty()) {
                return enough();
            }
            return Outcome.UNPARSEABLE;
        }

        private Outcome parseFrom() {
            if (find(ENVFROM)) {
                envfrom = g(1);
            }
            Outcome special = specificMtas();
            if (special != null) {
                return special;
            }
            return genericForms();
        }

        /** The MTA-specific forms, tried first; null when none applies. */
        private Outcome specificMtas() {
            if (find(SQUIRREL) && find(SQUIRREL_IP)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(AOL) && find(AOL_WEBMAIL) && find(AOL_IP)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(SMTPSVC)) {
                if (find(SMTPSVC_1)) {
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    return enough();
                }
                if (find(SMTPSVC_PICKUP)) {
                    return Outcome.SKIPPED;
                }
            } else if (find(EXCHANGE)) {
                if (find(EXCHANGE_1)) {
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    id = "";
                    return enough();
                }
            } else if (find(XMAIL)) {
                if (find(XMAIL_1)) {
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    if (find(XMAIL_ID)) {
                        id = g(1);
                    }
                    if (find(XMAIL_FROM)) {
                        envfrom = g(1);
                    }
                    return enough();
                }
            } else if (find(ECELERITY)) {
                if (find(ECELERITY_1)) {
                    ip = g(1);
                    helo = g(2);
                    by = g(3);
                    return enough();
                }
                if (find(ECELERITY_2)) {
                    ip = g(1);
                    by = g(2);
                    return enough();
                }
            } else if (find(EXIM)) {
                return exim();
            } else if (find(POSTFIX)) {
                if (find(POSTFIX_1) || find(POSTFIX_2)) {
                    lookedUpDns = true;
                    helo = g(1);
                    rdns = g(2);
                    ip = g(3);
                    by = g(4);
                    if (rdns.equals("unknown")) {
                        rdns = "";
                    }
                    return enough();
                }
            } else if (find(SCALIX)) {
                if (find(SCALIX_1)) {
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    return enough();
                }
            } else if (find(DOMINO)) {
                if (find(DOMINO_1)) {
                    lookedUpDns = false;
                    helo = g(1);
                    ip = g(2);
                    by = g(3);
                    return enough();
                }
            }
            return null;
        }

        private Outcome exim() {
            if (find(EXIM_LOCAL)) {
                return Outcome.SKIPPED;
            }
            if (find(EXIM_1)) {
                ip = g(1);
                String sub = g(2);
                by = g(3);
                eximSub(sub);
                return enough();
            }
            if (find(EXIM_2)) {
                rdns = g(1);
                ip = g(2);
                String sub = g(3);
                by = g(4);
                helo = rdns;
                eximSub(sub);
                return enough();
            }
            if (find(EXIM_3)) {
                rdns = g(1);
                ip = g(2);
                helo = g(1);
                by = g(4);
                return enough();
            }
            if (find(EXIM_RDNS)) {
                rdns = g(1);
            }
            if (find(EXIM_HELO)) {
                helo = g(1);
            }
            if (find(EXIM_IP)) {
                ip = g(1);
            }
            if (find(EXIM_BY)) {
                by = g(1);
                if (!ip.isEmpty()) {
                    return enough();
                }
            }
            return genericForms();
        }

        private void eximSub(String sub) {
            String rest = sub;
            Matcher heloMatch = SUB_HELO.matcher(rest);
            if (heloMatch.find()) {
                helo = heloMatch.group(1);
                rest = rest.substring(0, heloMatch.start()) + rest.substring(heloMatch.end());
            }
            Matcher identMatch = SUB_IDENT.matcher(rest);
            if (identMatch.find()) {
                ident = identMatch.group(1);
            }
        }

        // One branch per format, in SpamAssassin's order; the order decides which format wins.

        private Outcome genericForms() {
            if (find(WITH_HTTP) && find(HTTP_1)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (!find(QMAIL_WITH) && find(SENDMAIL_1)) {
                lookedUpDns = true;
                helo = g(1);
                rdns = g(2);
                ip = g(3);
                by = g(4);
                Matcher identMatch = IDENT_PREFIX.matcher(rdns);
                if (identMatch.find()) {
                    ident = identMatch.group(1);
                    rdns = rdns.substring(identMatch.end());
                }
                identMatch = AT_PREFIX.matcher(rdns);
                if (identMatch.find()) {
                    ident = identMatch.group(1);
                    rdns = rdns.substring(identMatch.end());
                }
                return enough();
            }
            if (find(G_1)) {
                lookedUpDns = true;
                rdns = g(2);
                ip = g(3);
                helo = g(1);
                by = g(4);
                return enough();
            }
            if (find(G_2)) {
                rdns = g(1);
                ip = g(2);
                helo = g(3);
                by = g(4);
                return enough();
            }
            if (find(G_3)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_4)) {
                lookedUpDns = true;
                helo = g(1);
                rdns = g(2);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(G_5)) {
                lookedUpDns = true;
                helo = g(1);
                ip = g(3);
                by = g(4);
                ident = g(2);
                return enough();
            }
            if (find(HOTMAIL)) {
                by = g(1);
                if (find(LEADING_IP)) {
                    ip = g(1);
                }
                return enough();
            }
            if (find(QPSMTPD) || find(LMTP) || find(G_6)) {
                rdns = g(1);
                helo = g(2);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(SMTPD)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(QMAIL)) {
                return qmail();
            }
            if (find(VIA_HTTP_END) && find(VIA_HTTP_1)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(G_7)) {
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_8)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_9) || find(G_10)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(G_11)) {
                lookedUpDns = true;
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_12)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(SENDMAIL_2)) {
                lookedUpDns = true;
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(SENDMAIL_3)) {
                if (g(2).equals("softdnserr")) {
                    lookedUpDns = false;
                } else {
                    lookedUpDns = true;
                    rdns = g(2);
                }
                helo = g(1);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(G_13)) {
                lookedUpDns = true;
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(SENDMAIL_4)) {
                lookedUpDns = true;
                helo = g(1);
                rdns = g(2);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(POP_IMAP)) {
                return Outcome.POP_FETCHER;
            }
            if (find(G_14)) {
                lookedUpDns = true;
                rdns = g(1);
                helo = g(2);
                ident = stripAt(g(3));
                ip = g(4);
                by = g(5);
                return enough();
            }
            if (find(G_15)) {
                lookedUpDns = true;
                rdns = g(1);
                helo = rdns;
                ident = stripAt(g(2));
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(HTTP_FOR) && find(HTTP_FOR_1)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(SMAP) && find(SMAP_1)) {
                lookedUpDns = true;
                rdns = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(SMAP_2)) {
                lookedUpDns = true;
                rdns = g(1);
                ip = g(2);
                helo = g(3);
                by = g(4);
                return enough();
            }
            if (find(POST) && find(POST_1) || find(ARGOSOFT) && find(ARGOSOFT_1) || find(SMTPL)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(BSMTP) && find(BSMTP_1)) {
                return Outcome.SKIPPED;
            }
            if (find(G_16)) {
                lookedUpDns = true;
                helo = g(1);
                rdns = g(2);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(G_17)) {
                lookedUpDns = true;
                rdns = g(1);
                helo = g(2);
                ip = g(4);
                by = g(5);
                if (m.group(3) != null) {
                    ident = g(3);
                }
                return enough();
            }
            if (find(G_18)) {
                ip = g(1);
                helo = g(2);
                by = g(3);
                return enough();
            }
            if (find(CGP) && find(CGP_1)) {
                lookedUpDns = true;
                rdns = g(1);
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_19)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(G_20)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(CONTENT_TECH)) {
                return Outcome.SKIPPED;
            }
            if (find(G_21)) {
                helo = g(1);
                ip = g(2);
                by = g(4);
                return enough();
            }
            if (find(G_22)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(G_23)) {
                lookedUpDns = true;
                helo = g(1);
                rdns = g(2);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(G_24)) {
                ip = g(1);
                helo = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_25)) {
                ip = g(1);
                helo = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_26)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_27)) {
                rdns = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(MAILGATE)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(UNVERIFIED)) {
                helo = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(G_28)) {
                ip = g(1);
                by = g(2);
                return enough();
            }
            if (find(G_29)) {
                ip = g(1);
                String sub = g(2);
                by = g(3);
                eximSub(sub);
                return enough();
            }
            if (find(G_30)) {
                rdns = g(1);
                ip = g(2);
                by = g(3);
                return enough();
            }
            if (find(CLAIMING)) {
                rdns = g(1);
                ip = g(2);
                helo = g(3);
                by = g(4);
                if (!rdns.equals("UNKNOWN")) {
                    lookedUpDns = true;
                }
                return enough();
            }
            if (find(YAHOO)) {
                helo = g(1);
                ip = g(3);
                by = g(4);
                return enough();
            }
            if (find(ORIGINATING)) {
                ip = g(1);
                by = "";
                return enough();
            }
            for (Pattern skip : SKIP_FROM) {
                if (find(skip)) {
                    return Outcome.SKIPPED;
                }
            }
            if (find(QMAIL_SCANNER)) {
                return new Outcome(null, false, envfrom == null ? null : cleanEnvfrom(envfrom), false);
            }
            for (Pattern skip : SKIP_FROM_LATE) {
                if (find(skip)) {
                    return Outcome.SKIPPED;
                }
            }
            if (helo.isEmpty() && find(FALLBACK_HELO)) {
                helo = g(1);
            }
            return fallThrough();
        }

        private Outcome qmail() {
            if (find(QMAIL_1)) {
                rdns = g(1);
                helo = g(2);
                ident = g(3);
                ip = g(4);
                by = g(6);
            } else if (find(QMAIL_2)) {
                rdns = g(1);
                helo = g(2);
                ip = g(3);
                by = g(5);
            } else if (find(QMAIL_3)) {
                rdns = g(1);
                helo = rdns;
                ident = g(2);
                ip = g(3);
                by = g(5);
            } else if (find(QMAIL_4)) {
                rdns = g(1);
                helo = rdns;
                ip = g(2);
                by = g(4);
            }
            if (!rdns.equals("unknown")) {
                lookedUpDns = true;
            } else {
                rdns = "";
            }
            return enough();
        }

        private static String stripAt(String value) {
            return value.endsWith("@") ? value.substring(0, value.length() - 1) : value;
        }

        private Outcome enough() {
            rdns = TRAILING_DOTS.matcher(rdns).replaceFirst("");
            if (UNKNOWN_RDNS.matcher(rdns).matches() || rdns.startsWith("[")) {
                rdns = "";
            }
            ip = IPV6_PREFIX.matcher(ip).replaceFirst("");
            ip = ip.startsWith("[") ? ip.substring(1) : ip;
            ip = ip.endsWith("]") ? ip.substring(0, ip.length() - 1) : ip;
            ip = ZONE.matcher(ip).replaceFirst("");
            Matcher mapped = MAPPED_V4.matcher(ip);
            if (mapped.matches()) {
                ip = mapped.group(1);
            }
            if (by.endsWith(";")) {
                by = by.substring(0, by.length() - 1);
            }
            return new Outcome(new Relay(strip(ip), strip(rdns), strip(helo), strip(by), strip(ident),
                envfrom == null ? null : cleanEnvfrom(envfrom), id, auth, rdns.isEmpty() && lookedUpDns), false, null,
                false);
        }

        private static String cleanEnvfrom(String value) {
            String cleaned = ENVFROM_LEAD.matcher(value).replaceFirst("");
            cleaned = ENVFROM_TRAIL.matcher(cleaned).replaceFirst("");
            return strip(cleaned);
        }

        private static String strip(String value) {
            return STRIP_CHARS.matcher(value).replaceAll("!");
        }
    }
}
