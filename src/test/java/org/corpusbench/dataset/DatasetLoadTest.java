package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;

/** Released datasets on the classpath (issue 13): a library user needs the artifact only. */
class DatasetLoadTest {

    @Test
    void aPublishedReleaseLoadsFromTheClasspathWithItsPublishedFingerprint() throws IOException {
        Dataset fromJar = Dataset.load("oreshnik-reports", "1.0.1");
        Dataset fromCheckout = Dataset.open(Path.of("datasets/oreshnik-reports/1.0.1"));
        assertThat(fromJar.fingerprint()).isEqualTo(fromCheckout.fingerprint());
        assertThat(fromJar.pin()).isEqualTo(Dataset.Pin.PUBLISHED);
        assertThat(fromJar.documentsById()).isEqualTo(fromCheckout.documentsById());
        assertThat(Dataset.load("oreshnik-reports", "1.0.0").version()).isEqualTo("1.0.0");
    }

    @Test
    void aReleaseThatDoesNotShipIsRefusedNamingTheOnesThatDo() {
        assertThatThrownBy(() -> Dataset.load("oreshnik-reports", "9.9.9"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("oreshnik-reports 9.9.9")
                .hasMessageContaining("it has 1.0.0, 1.0.1");
        assertThatThrownBy(() -> Dataset.load("no-such-dataset", "1.0.0"))
                .isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("no dataset of that name");
    }

    @Test
    void namesThatCouldLeaveTheBundledFolderAreRefused() {
        assertThatThrownBy(() -> Dataset.load("../oreshnik-reports", "1.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.load("oreshnik-reports", "1.0.1/../1.0.0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
