package org.cleanmail.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.junit.jupiter.api.Test;

class ScoreAtLeastTest {
    private static final CleanMailRuntime RUNTIME = new CleanMailRuntime(
        new CleanMailConfiguration(6.0, 4096, "memory://var/mail/q/"), new RecordingMetricFactory());

    private static ScoreAtLeast matcher(String condition) throws MessagingException {
        ScoreAtLeast matcher = new ScoreAtLeast(RUNTIME);
        FakeMatcherConfig.Builder config = FakeMatcherConfig.builder().matcherName("ScoreAtLeast");
        if (condition != null) {
            config.condition(condition);
        }
        matcher.init(config.build());
        return matcher;
    }

    private static Mail mailScored(Double score) throws MessagingException {
        FakeMail.Builder builder = FakeMail.builder().name("m").recipients("a@example.com", "b@example.com");
        if (score != null) {
            builder.attribute(new Attribute(CleanMailAttributes.SCORE, AttributeValue.of(score)));
        }
        return builder.build();
    }

    @Test
    void matchShouldReturnAllRecipientsWhenTheScoreReachesTheCondition() throws Exception {
        assertThat(matcher("5.0").match(mailScored(5.0)))
            .containsExactlyInAnyOrder(new MailAddress("a@example.com"), new MailAddress("b@example.com"));
    }

    @Test
    void matchShouldReturnNoRecipientWhenTheScoreIsBelowTheCondition() throws Exception {
        assertThat(matcher("5.0").match(mailScored(4.9))).isEmpty();
    }

    @Test
    void matchShouldUseTheConfiguredThresholdWithoutACondition() throws Exception {
        ScoreAtLeast matcher = matcher(null);

        assertThat(matcher.threshold()).isEqualTo(6.0);
        assertThat(matcher.match(mailScored(5.5))).isEmpty();
        assertThat(matcher.match(mailScored(6.0))).hasSize(2);
    }

    @Test
    void matchShouldNotMatchMailThatWasNotScored() throws Exception {
        assertThat(matcher("0").match(mailScored(null))).isNotNull().isEmpty();
    }

    @Test
    void initShouldRejectAConditionThatIsNotANumber() {
        assertThatThrownBy(() -> matcher("lots"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("matcher ScoreAtLeast: 'condition' must be a number, "
                + "e.g. match=\"org.cleanmail.matchers.ScoreAtLeast=5.0\"; got 'lots'");
    }
}
