package org.corpusbench.dataset;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A directory of resources as a {@link Path}: the build's classes directory when run from a checkout, the
 * inside of the jar otherwise (through the JDK's zip file system, opened once and kept open, since the
 * paths it gives out are used for as long as the program runs).
 */
final class BundledFiles {

    private BundledFiles() {
    }

    /** The directory that holds the resource at {@code url}. */
    static synchronized Path directoryOf(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(url + ": not a usable resource location", e);
        }
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return fs.provider().getPath(uri).getParent();
        }
        return Path.of(uri).getParent();
    }
}
