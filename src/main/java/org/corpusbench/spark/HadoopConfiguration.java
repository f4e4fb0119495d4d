package org.corpusbench.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration carried to the tasks, so that a part is read with the file system the
 * user configured (HDFS, S3 credentials, through {@code spark.hadoop.*}). Hadoop's {@link Configuration} is
 * {@code Writable}, not {@link Serializable}; this writes it the Writable way.
 */
final class HadoopConfiguration implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Configuration conf;

    HadoopConfiguration(Configuration conf) {
        this.conf = new Configuration(conf);
    }

    Configuration get() {
        return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
