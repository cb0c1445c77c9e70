package dev.portmoneconnect.schedule;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.quartz.runtime.jdbc.QuarkusStdJDBCDelegate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Quartz's standard SQL for its job store, reading binary columns as bytes: SQLite's driver has no
 * {@code Blob}, and PostgreSQL's {@code BYTEA} is read the same way by Quartz's own PostgreSQL
 * delegate. Plans hold strings only (see {@link QuartzPlans}), so the job data read here is a small
 * map of strings.
 */
@RegisterForReflection
public class BinaryColumnsQuartzDelegate extends QuarkusStdJDBCDelegate {

    @Override
    protected Object getObjectFromBlob(ResultSet rs, String colName)
            throws ClassNotFoundException, IOException, SQLException {
        byte[] bytes = rs.getBytes(colName);
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try (ObjectInputStream in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Override
    protected Object getJobDataFromBlob(ResultSet rs, String colName)
            throws ClassNotFoundException, IOException, SQLException {
        if (canUseProperties()) {
            byte[] bytes = rs.getBytes(colName);
            return bytes == null ? null : new ByteArrayInputStream(bytes);
        }
        return getObjectFromBlob(rs, colName);
    }

    /** Resolves the classes of stored objects through the application's class loader. */
    private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {

        ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
