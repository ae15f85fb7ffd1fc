package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.google.common.hash.Hashing;

class FingerprintCalculatorTest {
    static final String OFFER = "Dear John,\n\nWe are pleased to offer you an exclusive opportunity to refinance your"
        + " mortgage at the lowest rate of 3.5% ever seen. Our agents are standing by to help you save thousands"
        + " of dollars every single year. Reply today to claim your free quote, this offer expires soon.\n";

    private final FingerprintCalculator calculator = new FingerprintCalculator(FingerprintSettings.defaults());

    private MessageFingerprints of(String text) {
        return calculator.fingerprints(DecodedContent.ofText(text));
    }

    @Nested
    class TextExact {
        @Test
        void exactFingerprintShouldBeStableUnderWhiteSpaceCaseNumberAndGreetingChanges() {
            String variant = "Hi Anna\n\n  WE ARE pleased to offer you an exclusive opportunity to refinance your\r\n"
                + "mortgage at the lowest rate of 4.25% ever seen.   Our agents are standing by to help you save"
                + " thousands of dollars every single year.\n\nReply today to claim your free quote, this offer"
                + " expires soon.";

            assertThat(of(variant).textExact()).isEqualTo(of(OFFER).textExact()).isPresent();
        }

        @Test
        void exactFingerprintShouldChangeWhenAWordChanges() {
            assertThat(of(OFFER.replace("refinance", "renegotiate")).textExact()).isNotEqualTo(of(OFFER).textExact());
        }

        @Test
        void exactFingerprintShouldBeAbsentForTextWithoutWords() {
            assertThat(of(" -- \n *** ").textExact()).isEmpty();
        }

        @Test
        void textsOfFewerThanThreeContentWordsShouldGetNoTextFingerprint() {
            assertThat(of("Thanks!").all()).isEmpty();
            assertThat(of("http://x.example/a?u=1 or 555-1234, john@example.com").all()).isEmpty();
            assertThat(of("Thanks a lot!").textExact()).isPresent();
        }

        @Test
        void exactFingerprintIdShouldBeTheTruncatedSha256OfTheNormalisedText() {
            assertThat(of("Meet me at noon, how are you").textExact().orElseThrow().id().hex())
                .isEqualTo(Hashing.sha256()
                    .hashString("meet me at noon how are you", StandardCharsets.UTF_8).toString().substring(0, 32));
        }
    }

    @Nested
    class TextFuzzy {
        @Test
        void fuzzyFingerprintShouldBeAbsentForShortTexts() {
            MessageFingerprints fingerprints = of("Meet me at noon for lunch, ok?");

            assertThat(fingerprints.textExact()).isPresent();
            assertThat(fingerprints.textFuzzy()).isEmpty();
        }

        @Test
        void fuzzyFingerprintShouldBeAbsentForTenShortWordsUnderTheCharacterMinimum() {
            assertThat(of("a b c d e f g h i j k l").textFuzzy()).isEmpty();
        }

        @Test
        void placeholdersShouldNotCountTowardsTheFuzzyMinimum() {
            String nineWordsAndManyNumbers = "order 12345 now 23456 and 34567 get 45678 free 56789 gifts 67890"
                + " for 78901 your 89012 family 90123 http://a.example/1 http://a.example/2";

            assertThat(of(nineWordsAndManyNumbers).textFuzzy()).isEmpty();
            assertThat(of(nineWordsAndManyNumbers + " today").textFuzzy()).isPresent();
        }

        @Test
        void fuzzyFingerprintShouldBePresentForLongerTexts() {
            assertThat(of(OFFER).textFuzzy()).isPresent();
            assertThat(of(OFFER).textFuzzy().orElseThrow().signature().orElseThrow().length()).isEqualTo(32);
        }

        @Test
        void nearCopiesShouldKeepMoreThanHalfTheSignature() {
            MinHashSignature original = of(OFFER).textFuzzy().orElseThrow().signature().orElseThrow();
            MinHashSignature edited = of(OFFER.replace("exclusive", "unique") + " Unsubscribe at any time.")
                .textFuzzy().orElseThrow().signature().orElseThrow();

            assertThat(original.agreeingValues(edited)).isGreaterThan(16);
        }

        @Test
        void unrelatedTextsShouldAgreeOnAlmostNothing() {
            MinHashSignature offer = of(OFFER).textFuzzy().orElseThrow().signature().orElseThrow();
            MinHashSignature other = of("The committee meeting has been moved to Thursday afternoon in room"
                + " twelve, please bring the budget figures and the minutes of the last meeting with you.")
                .textFuzzy().orElseThrow().signature().orElseThrow();

            assertThat(offer.agreeingValues(other)).isLessThan(3);
        }

        @Test
        void signaturesShouldDependOnTheSeed() {
            FingerprintCalculator otherSeed = new FingerprintCalculator(FingerprintSettings.builder().seed(7).build());

            assertThat(otherSeed.fingerprints(DecodedContent.ofText(OFFER)).textFuzzy()).isNotEqualTo(of(OFFER).textFuzzy());
            assertThat(of(OFFER).textFuzzy()).isEqualTo(of(OFFER).textFuzzy());
        }
    }

    @Nested
    class AttachmentsAndUrls {
        @Test
        void attachmentFingerprintsShouldDependOnContentNotFileName() {
            byte[] payload = "MZ fake executable".getBytes(StandardCharsets.US_ASCII);
            MessageFingerprints first = calculator.fingerprints(new DecodedContent("", List.of(),
                List.of(Attachment.of("invoice.exe", payload))));
            MessageFingerprints second = calculator.fingerprints(new DecodedContent("", List.of(),
                List.of(Attachment.of("order.exe", payload), Attachment.of("copy.exe", payload))));

            assertThat(first.attachments()).hasSize(1).isEqualTo(second.attachments());
            assertThat(first.attachments().get(0).kind()).isEqualTo(FingerprintKind.ATTACHMENT);
        }

        @Test
        void attachmentGivenByItsSha256ShouldMatchTheSameBytes() {
            byte[] payload = "PDF content".getBytes(StandardCharsets.US_ASCII);
            String sha256 = Hashing.sha256().hashBytes(payload).toString().toUpperCase();

            assertThat(calculator.fingerprints(new DecodedContent("", List.of(), List.of(Attachment.ofSha256("a.pdf", sha256))))
                .attachments())
                .isEqualTo(calculator.fingerprints(new DecodedContent("", List.of(), List.of(Attachment.of("b.pdf", payload))))
                    .attachments());
        }

        @Test
        void emptyAttachmentsShouldNotBeFingerprinted() {
            assertThat(calculator.fingerprints(new DecodedContent("", List.of(), List.of(Attachment.of("empty.txt", new byte[0]))))
                .attachments()).isEmpty();
        }

        @Test
        void invalidSha256ShouldBeRejected() {
            assertThatThrownBy(() -> Attachment.ofSha256("a.pdf", "xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
        }

        @Test
        void urlSetFingerprintShouldIgnoreOrderDuplicatesCaseAndTrailingDots() {
            MessageFingerprints first = calculator.fingerprints(new DecodedContent("",
                List.of("spam.example", "track.example.net"), List.of()));
            MessageFingerprints second = calculator.fingerprints(new DecodedContent("",
                List.of("TRACK.example.net.", "spam.example", "spam.example"), List.of()));

            assertThat(first.urlSet()).isPresent().isEqualTo(second.urlSet());
        }

        @Test
        void urlSetFingerprintShouldChangeWithTheSet() {
            assertThat(calculator.fingerprints(new DecodedContent("", List.of("a.example", "b.example"), List.of())).urlSet())
                .isNotEqualTo(calculator.fingerprints(new DecodedContent("", List.of("a.example", "c.example"), List.of()))
                    .urlSet());
        }

        @Test
        void aSingleHostShouldGiveNoUrlSetFingerprint() {
            assertThat(calculator.fingerprints(new DecodedContent("", List.of("a.example", "A.example."), List.of())).urlSet())
                .isEmpty();
        }

        @Test
        void hostsNamedOnlyInAMailingListFooterShouldNotCount() {
            String body = "Cheap pills at http://pills.example/buy and http://pharma.example/now\n"
                + "-- \nIrish Linux Users' Group: ilug@linux.ie\nhttp://www.linux.ie/mailman/listinfo/ilug\n";
            MessageFingerprints withFooterHost = calculator.fingerprints(new DecodedContent(body,
                List.of("pills.example", "pharma.example", "www.linux.ie"), List.of()));
            MessageFingerprints withoutIt = calculator.fingerprints(new DecodedContent(body,
                List.of("pills.example", "pharma.example"), List.of()));

            assertThat(withFooterHost.urlSet()).isPresent().isEqualTo(withoutIt.urlSet());
        }

        @Test
        void noLinksShouldGiveNoUrlSetFingerprint() {
            assertThat(of(OFFER).urlSet()).isEmpty();
            assertThat(of(OFFER).all()).extracting(Fingerprint::kind)
                .containsExactly(FingerprintKind.TEXT_EXACT, FingerprintKind.TEXT_FUZZY);
        }
    }

    @Test
    void settingsShouldRejectAThresholdAboveTheHashCount() {
        assertThatThrownBy(() -> FingerprintSettings.builder().minAgreeingValues(33).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("minAgreeingValues");
    }
}
