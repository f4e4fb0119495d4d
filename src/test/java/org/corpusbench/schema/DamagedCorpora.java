package org.corpusbench.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The random, randomly damaged corpora of {@link CorpusValidatorEquivalenceTest} (records mutated by
 * {@link RecordMutator}, lines cut, bad bytes, byte order marks, CR LF, odd lines, duplicates, mixed files,
 * paths given twice or missing), for tests in other packages that compare another reader of a corpus with
 * the validator (issue 16: validation on Spark).
 */
public final class DamagedCorpora {

    private DamagedCorpora() {
    }

    /** A corpus and the seed of its damage, written by {@link #write}. */
    public static final class Damaged {
        private final CorpusValidatorEquivalenceTest.Corpus corpus;
        private final long seed;

        Damaged(CorpusValidatorEquivalenceTest.Corpus corpus, long seed) {
            this.corpus = corpus;
            this.seed = seed;
        }

        /** Writes the damaged files into {@code dir} and returns the paths to validate. */
        public List<Path> write(Path dir) throws IOException {
            return CorpusValidatorEquivalenceTest.write(dir, corpus, seed);
        }

        @Override
        public String toString() {
            return "damaged(seed " + seed + ") " + corpus;
        }
    }

    /** Random corpora, each with the seed of its damage. */
    public static Arbitrary<Damaged> corpora() {
        return Combinators.combine(new CorpusValidatorEquivalenceTest().corpora(), Arbitraries.longs())
                .as(Damaged::new);
    }
}
