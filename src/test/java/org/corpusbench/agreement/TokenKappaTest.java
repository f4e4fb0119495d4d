package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;

/** Cohen's and Fleiss' kappa through DKPro Statistics, against figures worked out by hand. */
class TokenKappaTest {

    private static List<String[]> items(String[]... raters) {
        List<String[]> out = new ArrayList<>();
        for (int t = 0; t < raters[0].length; t++) {
            String[] item = new String[raters.length];
            for (int r = 0; r < raters.length; r++) {
                item[r] = raters[r][t];
            }
            out.add(item);
        }
        return out;
    }

    static final String[] A = {"PERSON", "O", "PERSON", "O", "GPE", "O", "O", "O", "O", "O"};
    static final String[] B = {"PERSON", "O", "ORG", "O", "O", "O", "O", "O", "O", "O"};

    /**
     * Ten tokens, two annotators. They agree on 8 (tokens 1, 2, 4, 6-10): A_O = .8. A's labels: PERSON 2,
     * GPE 1, O 7; B's: PERSON 1, ORG 1, O 8. Cohen: A_E = (2·1 + 7·8)/10² = .58, κ = (.8 − .58)/(1 − .58) =
     * 11/21. Fleiss pools the labels (20 ratings: PERSON 3, GPE 1, ORG 1, O 15): A_E = (9 + 1 + 1 + 225)/400 =
     * .59, κ = (.8 − .59)/.41 = 21/41. PERSON's category kappa (Fleiss 1971): n_ij = 2 on token 1, 1 on token 3;
     * p = 3/20, P = (2² + 1² − 20·p)/(20·1·p) = 2/3, κ = (2/3 − 3/20)/(1 − 3/20) = 31/51; GPE: p = 1/20, P = 0,
     * κ = −(1/20)/(19/20) = −1/19.
     */
    @Example
    void twoAnnotators() {
        TokenKappa k = TokenKappa.of(items(A, B), 2);
        assertThat(k.items()).isEqualTo(10);
        assertThat(k.observed()).isCloseTo(0.8, within(1e-12));
        assertThat(k.cohen()).isCloseTo(11.0 / 21, within(1e-12));
        assertThat(k.fleiss()).isCloseTo(21.0 / 41, within(1e-12));
        assertThat(k.categories()).containsOnlyKeys("PERSON", "GPE", "ORG");
        assertThat(k.categories().get("PERSON")).isCloseTo(31.0 / 51, within(1e-12));
        assertThat(k.categories().get("GPE")).isCloseTo(-1.0 / 19, within(1e-12));
        assertThat(k.categories().get("ORG")).isCloseTo(-1.0 / 19, within(1e-12));
    }

    /**
     * The same with a third annotator C = A. Per token, Σ n_c(n_c − 1)/(n − 1): 3 where all agree (8 tokens),
     * 1 on tokens 3 and 5 (two of three agree): 26 over 30 ratings, A_O = 13/15. Pooled labels over 30
     * ratings: PERSON 5, ORG 1, GPE 2, O 22; A_E = ((5/3)² + (1/3)² + (2/3)² + (22/3)²)/10² = 514/900;
     * κ = (780 − 514)/(900 − 514) = 133/193. Cohen's kappa needs exactly two annotators: none.
     */
    @Example
    void threeAnnotators() {
        TokenKappa k = TokenKappa.of(items(A, B, A), 3);
        assertThat(k.observed()).isCloseTo(13.0 / 15, within(1e-12));
        assertThat(k.fleiss()).isCloseTo(133.0 / 193, within(1e-12));
        assertThat(k.cohen()).isNull();
    }

    /**
     * Everyone says O everywhere: the expected agreement is 1 and kappa is 0/0, reported as undefined; the
     * observed agreement is 1.
     */
    @Example
    void oneLabelOnlyIsUndefined() {
        String[] o = {"O", "O", "O"};
        TokenKappa k = TokenKappa.of(items(o, o), 2);
        assertThat(k.observed()).isEqualTo(1.0); // every pair of labels agrees, though DKPro refuses one category
        assertThat(k.cohen()).isNull();
        assertThat(k.fleiss()).isNull();
        assertThat(k.categories()).isEmpty();
    }

    /** Identical labels with more than one label in use: every kappa is 1. */
    @Example
    void identicalIsOne() {
        TokenKappa k = TokenKappa.of(items(A, A), 2);
        assertThat(k.cohen()).isEqualTo(1.0);
        assertThat(k.fleiss()).isEqualTo(1.0);
        assertThat(k.categories().values()).containsOnly(1.0);
    }
}
