package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MailNamesTest {
    @ParameterizedTest
    @CsvSource({
        "Spam.Example., spam.example",
        "' spam.example ', spam.example",
        "bücher.example, xn--bcher-kva.example",
        "localhost, localhost"
    })
    void domainShouldBeCanonical(String text, String expected) {
        assertThat(MailNames.domain(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a..b", "-bad.example", "sp am.example", ".", "a_b$.example"})
    void domainShouldRejectWhatIsNoDomain(String text) {
        assertThat(MailNames.domain(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "Bad@X.Example, bad@x.example",
        "<Bad@X.Example>, bad@x.example",
        "\"a@b\"@x.example, \"a@b\"@x.example"
    })
    void addressShouldBeLowerCased(String text, String expected) {
        assertThat(MailNames.address(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"<>", "nobody", "@x.example", "bad@", "bad@x..example", "b ad@x.example"})
    void addressShouldRejectTheNullSenderAndNonAddresses(String text) {
        assertThat(MailNames.address(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"FRIEND, friend", "Mail.Example., mail.example", "[192.0.2.1], [192.0.2.1]"})
    void heloShouldBeTrimmedAndLowerCased(String text, String expected) {
        assertThat(MailNames.helo(text)).contains(expected);
    }
}
