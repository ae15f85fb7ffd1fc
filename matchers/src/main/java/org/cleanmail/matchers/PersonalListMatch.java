package org.cleanmail.matchers;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.cleanmail.core.blacklist.PersonalLists;
import org.cleanmail.core.blacklist.PersonalVerdict;

/** The recipients of a mail whose personal lists give its sender one verdict. */
final class PersonalListMatch {
    private PersonalListMatch() {
    }

    static Collection<MailAddress> recipients(Mail mail, PersonalLists lists, PersonalVerdict verdict) {
        if (mail.getMaybeSender().isNullSender()) {
            return List.of();
        }
        String sender = mail.getMaybeSender().asString();
        return mail.getRecipients().stream()
            .filter(recipient -> lists.verdict(recipient.asString(), sender) == verdict)
            .collect(Collectors.toUnmodifiableList());
    }
}
