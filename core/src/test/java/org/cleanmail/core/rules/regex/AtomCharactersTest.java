package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AtomCharactersTest {
    private final AtomCharacters atoms = new AtomCharacters();

    @Test
    void atomsShouldMatchWhatJavaMatchesUnderTheFlags() {
        assertThat(atoms.of("[a-c]", 0).stream()).containsExactly((int) 'a', (int) 'b', (int) 'c');
        assertThat(atoms.of("[a-c]", Pattern.CASE_INSENSITIVE).stream()).containsExactly((int) 'A', (int) 'B', (int) 'C', (int) 'a', (int) 'b', (int) 'c');
        assertThat(atoms.of(".", 0).get('\n')).isFalse();
        assertThat(atoms.of(".", Pattern.DOTALL).get('\n')).isTrue();
        assertThat(atoms.of("\\s", 0).stream()).containsExactly(9, 10, 11, 12, 13, 32);
        assertThat(atoms.of("\\xe9", 0).stream()).containsExactly(0xe9);
    }

    @Test
    void theSameAtomUnderTheSameFlagsShouldBeComputedOnce() {
        BitSet first = atoms.of("[^\\n]", 0);

        assertThat(atoms.of("[^\\n]", 0)).isSameAs(first);
        assertThat(atoms.of("[^\\n]", Pattern.CASE_INSENSITIVE)).isNotSameAs(first);
    }

    @Test
    void classEndShouldReadClassesAsJavaDoes() {
        assertThat(AtomCharacters.classEnd("[]a]x", 0)).isEqualTo(4);
        assertThat(AtomCharacters.classEnd("[^]a]x", 0)).isEqualTo(5);
        assertThat(AtomCharacters.classEnd("x[a[bc]]y", 1)).isEqualTo(8);
        assertThat(AtomCharacters.classEnd("[\\]]", 0)).isEqualTo(4);
        assertThat(AtomCharacters.classEnd("[a\\Q]\\E]", 0)).isEqualTo(-1);
        assertThat(AtomCharacters.classEnd("[abc", 0)).isEqualTo(-1);
    }
}
